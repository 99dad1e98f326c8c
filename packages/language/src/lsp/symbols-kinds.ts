import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** One icon per kind of element, the same in the outline, workspace symbols and completion. */
const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    RemitMap: [SymbolKind.Module, CompletionItemKind.Module],
    LevelScheme: [SymbolKind.Enum, CompletionItemKind.Enum],
    Level: [SymbolKind.EnumMember, CompletionItemKind.EnumMember],
    Phase: [SymbolKind.Event, CompletionItemKind.Event],
    Role: [SymbolKind.Class, CompletionItemKind.Class],
    Team: [SymbolKind.Struct, CompletionItemKind.Struct],
    Domain: [SymbolKind.Namespace, CompletionItemKind.Folder],
    Decision: [SymbolKind.Function, CompletionItemKind.Function]
};

export class RemitNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
