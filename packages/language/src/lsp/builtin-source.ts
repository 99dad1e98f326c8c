import type { LangiumDocument } from 'langium';
import { DefaultDefinitionProvider, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, Connection, DefinitionParams, InitializeParams, LocationLink } from 'vscode-languageserver';
import { isStandardLibrary, STANDARD_LIBRARY_TEXT } from '../builtin/standard-library.js';

/**
 * The built-in schemes (School, RAPID, RACI, DACI) live in a document that is not on disk:
 * `remit-builtin:/standard-library.remit`. Go to Definition on a built-in level answers a
 * location in it only for clients that can open it: those that declare
 * `experimental.remitBuiltinDocuments` in their capabilities (the VS Code extension does,
 * and serves the document read-only) and fetch its text with `remit/builtinSource`. Other
 * editors get no location rather than one they cannot open. See docs/editors.md.
 */
export const BUILTIN_SOURCE_REQUEST = 'remit/builtinSource';
export const BUILTIN_DOCUMENTS_CAPABILITY = 'remitBuiltinDocuments';

export interface BuiltinSourceParams { uri: string }
export interface BuiltinSourceResult { text?: string; error?: string }

export function registerBuiltinSource(connection: Connection): void {
    connection.onRequest(BUILTIN_SOURCE_REQUEST, (params: BuiltinSourceParams): BuiltinSourceResult =>
        params && typeof params.uri === 'string' && isStandardLibrary(params.uri)
            ? { text: STANDARD_LIBRARY_TEXT }
            : { error: 'Only the built-in schemes (remit-builtin:/standard-library.remit) can be fetched this way.' });
}

export class RemitDefinitionProvider extends DefaultDefinitionProvider {
    private builtinDocuments = false;

    constructor(services: LangiumServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const experimental = params.capabilities.experimental as Record<string, unknown> | undefined;
            this.builtinDocuments = experimental?.[BUILTIN_DOCUMENTS_CAPABILITY] === true;
        });
    }

    override async getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): Promise<LocationLink[] | undefined> {
        const links = await super.getDefinition(document, params, cancelToken);
        if (!links || this.builtinDocuments) return links;
        const reachable = links.filter(link => !isStandardLibrary(link.targetUri));
        return reachable.length > 0 ? reachable : undefined;
    }
}
