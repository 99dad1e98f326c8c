import { AstUtils, isReference, type AstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenModifiers, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type Range } from 'vscode-languageserver';
import { isLevel, isLevelScheme } from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { isNamedElement, nameParts } from '../references/names.js';

/**
 * Colours by meaning, not by spelling: each kind of element has its own token type, the
 * same where it is defined and where it is named. Levels carry two modifiers of their
 * own, `final` and `veto`, so a theme (or `editor.semanticTokenColorCustomizations`) can
 * make the level with the last word stand out; built-in levels and schemes are
 * `defaultLibrary`. In `District.Coach` the map part is a namespace.
 */
export const TOKEN_TYPES: Record<string, string> = {
    RemitMap: SemanticTokenTypes.namespace,
    LevelScheme: SemanticTokenTypes.enum,
    Level: SemanticTokenTypes.enumMember,
    Phase: SemanticTokenTypes.event,
    Role: SemanticTokenTypes.class,
    Team: SemanticTokenTypes.struct,
    Domain: SemanticTokenTypes.type,
    Decision: SemanticTokenTypes.function
};

const TOKEN_MODIFIERS: Record<string, number> = {
    ...AllSemanticTokenModifiers,
    final: 1 << 10,
    veto: 1 << 11
};

export class RemitSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenModifiers(): Record<string, number> {
        return TOKEN_MODIFIERS;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isNamedElement(node) && node.name) {
            acceptor({ node, property: 'name', type: TOKEN_TYPES[node.$type], modifier: [SemanticTokenModifiers.declaration, ...modifiersOf(node)] });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (isReference(reference)) this.highlightReference(reference, acceptor);
        }
    }

    private highlightReference(reference: Reference, acceptor: SemanticTokenAcceptor): void {
        const target = reference.ref;
        const refNode = reference.$refNode;
        if (!target || !refNode) return;
        // A reference is one token on one line: `District.Coach`, whose parts are coloured apart.
        const names = nameParts(refNode.text);
        const last = names.pop();
        const start = refNode.range.start;
        const part = (name: { name: string; offset: number }): Range => ({
            start: { line: start.line, character: start.character + name.offset },
            end: { line: start.line, character: start.character + name.offset + name.name.length }
        });
        for (const prefix of names) acceptor({ range: part(prefix), type: SemanticTokenTypes.namespace });
        if (last) acceptor({ range: part(last), type: TOKEN_TYPES[target.$type] ?? SemanticTokenTypes.variable, modifier: modifiersOf(target) });
    }
}

function modifiersOf(node: AstNode): string[] {
    const modifiers: string[] = [];
    if (isLevel(node)) {
        if (node.final) modifiers.push('final');
        if (node.veto) modifiers.push('veto');
    }
    if ((isLevel(node) || isLevelScheme(node)) && isStandardLibrary(AstUtils.getDocument(node).uri)) {
        modifiers.push(SemanticTokenModifiers.defaultLibrary);
    }
    return modifiers;
}
