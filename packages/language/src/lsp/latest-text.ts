import { DefaultLangiumDocumentFactory, TextDocument, URI, type AstNode, type LangiumDocument, type ParseResult } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';

/**
 * Reads during a flood of edits: a request about a document (a hover, completion, Go to
 * Definition, the outline ...) is answered against the text the editor had when it asked,
 * or a newer one, and never waits behind builds of text that was already superseded.
 *
 * Two parts make that hold:
 * - every built document keeps the text it was parsed from (`SnapshotDocumentFactory`), so a
 *   position is always read against the tree built from that same text, even while newer
 *   edits wait to be built (by default Langium hands the editor's live text to the tree of
 *   an older text);
 * - a read request first waits until the document's built text is at least as new as the
 *   editor's text at the moment it asked (`answeringLatestText`, through the update
 *   handler's `latestTextBuilt`): the update handler builds the pending edits once the
 *   edits already sent have been read, and a build of text that a waiting request has seen
 *   replaced is cancelled, so the wait is at most one build of the latest text.
 */
export class SnapshotDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly snapshots = new WeakMap<LangiumDocument, TextDocument>();

    protected override async getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, token: CancellationToken): Promise<string> {
        if (!textDocument) return super.getUpdatedText(document, textDocument, token);
        const snapshot = copyOf(textDocument);
        this.snapshots.set(document, snapshot);
        return snapshot.getText();
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        await super.update(document, cancellationToken);
        const snapshot = this.snapshots.get(document);
        if (snapshot) {
            this.snapshots.delete(document);
            Object.defineProperty(document, 'textDocument', { value: snapshot, configurable: true });
        }
        return document;
    }

    protected override createLangiumDocument<T extends AstNode = AstNode>(parseResult: ParseResult<T>, uri: URI, textDocument?: TextDocument, text?: string): LangiumDocument<T> {
        return super.createLangiumDocument(parseResult, uri, textDocument && copyOf(textDocument), text);
    }
}

function copyOf(textDocument: TextDocument): TextDocument {
    return TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.getText());
}

/** What the update handler offers the read requests: a way to wait for the editor's latest text to be built. */
export interface LatestTextBuilds {
    /** Resolves once `uri`'s built text is at least as new as the editor's text now (or nothing more will be built). */
    latestTextBuilt(uri: URI, token: CancellationToken): Promise<void>;
}

/** The server's document update handler, when it can wait for the latest text (Remit's does). */
export function latestTextBuilds(shared: LangiumSharedServices | undefined): LatestTextBuilds | undefined {
    const handler = shared?.lsp.DocumentUpdateHandler as Partial<LatestTextBuilds> | undefined;
    return typeof handler?.latestTextBuilt === 'function' ? handler as LatestTextBuilds : undefined;
}

/** The requests that read a document and answer about its text. */
const READ_REQUESTS = new Set([
    'onHover', 'onCompletion', 'onDefinition', 'onDeclaration', 'onTypeDefinition', 'onImplementation', 'onReferences',
    'onDocumentHighlight', 'onDocumentSymbol', 'onFoldingRanges', 'onCodeLens', 'onCodeAction', 'onDocumentLinks',
    'onSignatureHelp', 'onPrepareRename', 'onRenameRequest', 'onDocumentFormatting', 'onDocumentRangeFormatting',
    'onDocumentOnTypeFormatting'
]);

/**
 * The connection, with each read request's handler first waiting for the editor's latest
 * text of its document to be built. `builds` is looked up when a request arrives, so the
 * connection can be wrapped before the services exist.
 */
export function answeringLatestText(connection: Connection, builds: () => LatestTextBuilds | undefined): Connection {
    return new Proxy(connection, {
        get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver) as unknown;
            if (typeof property !== 'string' || !READ_REQUESTS.has(property) || typeof value !== 'function') return value;
            return (handler: (...args: unknown[]) => unknown, ...rest: unknown[]) => value.call(target, async (...args: unknown[]) => {
                const uri = documentOf(args[0]);
                const token = args.find(isToken);
                const waiter = builds();
                if (uri && token && waiter) await waiter.latestTextBuilt(URI.parse(uri), token);
                return handler(...args);
            }, ...rest);
        }
    });
}

function documentOf(params: unknown): string | undefined {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    return typeof uri === 'string' ? uri : undefined;
}

function isToken(value: unknown): value is CancellationToken {
    return typeof value === 'object' && value !== null && typeof (value as CancellationToken).isCancellationRequested === 'boolean'
        && typeof (value as CancellationToken).onCancellationRequested === 'function';
}
