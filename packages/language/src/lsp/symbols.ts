import { interruptAndCheck, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { isNamedElement } from '../references/names.js';

/**
 * The outline: map > level schemes > levels, phases, roles, teams, domains > decisions,
 * each with its title beside its name.
 */
export class RemitDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = isNamedElement(astNode) ? astNode.title : undefined;
        return title ? { ...symbol, detail: title } : symbol;
    }
}

/**
 * Workspace symbols by qualified name (`District.Coach`), with the element's title; the
 * built-in schemes are left out, as there is no file to open for them.
 */
export class RemitWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    /** A query matches the element's own name too: `principal` finds `Lakeside.Principal`. */
    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols: WorkspaceSymbol[] = [];
        const query = params.query.toLowerCase();
        for (const description of this.indexManager.allElements()) {
            await interruptAndCheck(cancelToken);
            const own = description.name.slice(description.name.indexOf('.') + 1);
            if (!this.fuzzyMatcher.match(query, description.name) && !this.fuzzyMatcher.match(query, own)) continue;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        if (isStandardLibrary(description.documentUri)) return undefined;
        const symbol = super.getWorkspaceSymbol(description);
        const dot = description.name.indexOf('.');
        return symbol && dot > 0 ? { ...symbol, containerName: description.name.slice(0, dot) } : symbol;
    }
}
