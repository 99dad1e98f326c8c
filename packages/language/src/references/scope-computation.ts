import {
    DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type IndexManager,
    type LangiumCoreServices, type LangiumDocument, type LocalSymbols
} from 'langium';
import { LocalDescription } from '../workspace/descriptions.js';
import { RemitIndexManager } from '../workspace/index-manager.js';
import { isDomain, isLevelScheme, isPhaseList, type Domain, type RemitFile, type RemitMap } from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';

/**
 * One map is one namespace: every element of a map is visible by its plain name anywhere
 * in that map (domains do not open a namespace), and by `Map.Element` everywhere else.
 * Levels are not in either scope: they are found through the map's scheme.
 */
export class RemitScopeComputation extends DefaultScopeComputation {
    private readonly index: IndexManager;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager;
    }

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
        // The map's exports (indexed just before) list the map, then these same elements.
        const exported = this.index instanceof RemitIndexManager && !isStandardLibrary(document.uri) ? this.index.exportsOfDocument(document.uri.toString()) : undefined;
        let at = 1;
        for (const node of this.namedElementsOf(map)) {
            const own = exported?.[at++];
            symbols.add(map, own?.node === node ? new LocalDescription(own, node.name) : this.descriptions.createDescription(node, node.name, document));
        }
        return symbols;
    }

    /**
     * The map's named elements (levels excepted) in the order a walk of the whole tree meets
     * them, which decides the first of two same-named elements. Only the nodes that can
     * hold named elements are entered: a decision's assignments never are, and a tree walk
     * over them was a tenth of checking a school.
     */
    private *namedElementsOf(map: RemitMap): Generator<AstNode & { name: string }> {
        for (const element of map.elements) {
            if (isPhaseList(element)) {
                for (const phase of element.phases) if (phase.name) yield phase;
            } else {
                if (element.name) yield element;
                if (isDomain(element)) yield* this.domainContents(element);
            }
        }
    }

    private *domainContents(domain: Domain): Generator<AstNode & { name: string }> {
        // Property by property, as the tree walk goes: all of one kind, then the other.
        for (const key of Object.keys(domain)) {
            if (key === 'domains') {
                for (const inner of domain.domains) {
                    if (inner.name) yield inner;
                    yield* this.domainContents(inner);
                }
            } else if (key === 'decisions') {
                for (const decision of domain.decisions) if (decision.name) yield decision;
            }
        }
    }
}
