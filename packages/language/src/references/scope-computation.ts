import {
    AstUtils, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription,
    type LangiumDocument, type LocalSymbols
} from 'langium';
import { isLevel, isLevelScheme, type RemitFile } from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { isNamedElement } from './names.js';

/**
 * One map is one namespace: every element of a map is visible by its plain name anywhere
 * in that map (domains do not open a namespace), and by `Map.Element` everywhere else.
 * Levels are not in either scope: they are found through the map's scheme.
 */
export class RemitScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const map = (document.parseResult.value as RemitFile).map;
        if (!map?.name) return [];
        const exports: AstNodeDescription[] = [];
        if (isStandardLibrary(document.uri)) {
            // Built-in schemes are known by their plain names: `uses RAPID`.
            for (const scheme of map.elements.filter(isLevelScheme)) {
                if (scheme.name) exports.push(this.descriptions.createDescription(scheme, scheme.name, document));
            }
            return exports;
        }
        exports.push(this.descriptions.createDescription(map, map.name, document));
        for (const node of this.namedElementsOf(map)) {
            exports.push(this.descriptions.createDescription(node, `${map.name}.${node.name}`, document));
        }
        return exports;
    }

    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const map = (document.parseResult.value as RemitFile).map;
        if (!map) return symbols;
        for (const node of this.namedElementsOf(map)) {
            symbols.add(map, this.descriptions.createDescription(node, node.name, document));
        }
        return symbols;
    }

    private *namedElementsOf(root: AstNode): Generator<AstNode & { name: string }> {
        for (const node of AstUtils.streamAllContents(root)) {
            if (isNamedElement(node) && !isLevel(node) && node.name) yield node;
        }
    }
}
