import { existsSync } from 'node:fs';
import { DocumentState, URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type CancellationToken, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/remit-config.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import type { RemitWorkspaceManager } from '../workspace/workspace-manager.js';
import type { LatestTextBuilds } from './latest-text.js';
import type { WorkspaceRevalidatingBuilder } from '../analysis/workspace-revalidation.js';

/** How long edits may keep a build waiting while more of them are still queued (ms). */
const MAX_COALESCE_MS = 200;

/**
 * Keeps the rule settings in step with `remit.json`: when it changes on disk, the settings
 * are read again and every map is checked again. A `remit.json` that cannot be used is
 * shown as a problem on the file itself, at the line to fix; the defaults apply meanwhile.
 */
export class RemitDocumentUpdateHandler extends DefaultDocumentUpdateHandler implements LatestTextBuilds {
    private readonly shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
        this.workspaceManager.ready.then(() => this.publishConfigProblems()).catch(() => undefined);
        this.documentBuilder.onDocumentPhase(DocumentState.Linked, () => this.settleReaders());
    }

    private pendingChanged = new Map<string, URI>();
    private pendingDeleted = new Map<string, URI>();
    private flushTimer: ReturnType<typeof setImmediate> | undefined;
    private firstPending = 0;

    /**
     * Edits are coalesced: changes already queued behind each other are built once, so a
     * query (a hover, say) never waits behind a queue of superseded edits. Documents of other
     * languages (a README, a .txt opened in the same editor) are not Remit's: they are left
     * out of the workspace.
     */
    override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const registry = this.shared.ServiceRegistry;
        const wasPending = this.pendingChanged.size > 0 || this.pendingDeleted.size > 0;
        for (const uri of changed) {
            if (!registry.hasServices(uri)) continue;
            this.pendingDeleted.delete(uri.toString());
            this.pendingChanged.set(uri.toString(), uri);
        }
        for (const uri of deleted) {
            if (!registry.hasServices(uri)) continue;
            this.pendingChanged.delete(uri.toString());
            this.pendingDeleted.set(uri.toString(), uri);
        }
        if (this.pendingChanged.size === 0 && this.pendingDeleted.size === 0) return;
        // The running build has published what its edits changed and is re-checking the maps
        // that refer to them, or has linked the text this edit replaces (the readers waiting
        // for it are answered) and is only checking it: the newer edit goes first, and the
        // next build does what this one leaves undone.
        if (this.inFlight && ((this.documentBuilder as Partial<WorkspaceRevalidatingBuilder>).inBackground || this.checkingReplacedText(changed))) {
            this.workspaceLock.cancelWrite();
        }
        if (!wasPending) this.firstPending = Date.now();
        this.messagesRead++;
        this.schedule();
    }

    /** How many edits and read requests have been read: a build waits while the queue still brings more. */
    private messagesRead = 0;

    /**
     * The next build starts once the edits already sent have been read, so a flood of edits is
     * read first, then built once (while a build runs, the server reads only one message
     * between two of its steps, so building while edits still pour in would slow down reading
     * them, and with them the queries queued behind them), and a single keystroke is built at
     * once. The connection handles one queued message per turn of the event loop: a check one
     * turn behind the message being handled sees whether another edit or request followed it.
     * Never longer than a fifth of a second in all, so a long stream of edits is still checked.
     */
    private schedule(): void {
        if (this.flushTimer === undefined) this.awaitQueuedEdits(this.messagesRead, true);
    }

    private awaitQueuedEdits(seen: number, behindNext: boolean): void {
        this.flushTimer = setImmediate(() => {
            const moreCame = this.messagesRead !== seen;
            if ((behindNext || moreCame) && Date.now() - this.firstPending < MAX_COALESCE_MS) this.awaitQueuedEdits(this.messagesRead, false);
            else this.flush();
        });
    }

    private inFlight = false;
    /** Read requests waiting for the editor's text of a document, as of when they asked, to be built. */
    private readers = new Set<{ uri: string; version: number; token: CancellationToken; resolve: () => void }>();

    /**
     * Resolves once the document's built text is at least as new as the editor's text now,
     * and linked. A waiting reader cancels a build in flight whose text of the document is
     * already superseded (unless another reader waits for that very build), so it waits for
     * the edits already sent to be read and one build of the latest text, never for builds of
     * older text.
     */
    latestTextBuilt(uri: URI, token: CancellationToken): Promise<void> {
        // A request read between two edits does not end the flood: the build waits for the queue.
        this.messagesRead++;
        const key = uri.toString();
        const live = this.shared.workspace.TextDocuments?.get(key);
        if (!live || !this.shared.ServiceRegistry.hasServices(uri)) return Promise.resolve();
        const reader = { uri: key, version: live.version, token, resolve: () => undefined as void };
        if (this.isBuilt(reader)) return Promise.resolve();
        const answered = new Promise<void>(resolve => {
            reader.resolve = resolve;
        });
        this.readers.add(reader);
        const cancelled = token.onCancellationRequested(() => this.settleReaders());
        void answered.then(() => cancelled.dispose());
        if (this.inFlight) this.cancelIfSuperseded();
        this.settleReaders();
        return answered;
    }

    /** Whether the build in flight has linked one of `changed` and is now checking that (replaced) text. */
    private checkingReplacedText(changed: URI[]): boolean {
        return changed.some(uri => {
            const state = this.shared.workspace.LangiumDocuments.getDocument(uri)?.state;
            return state !== undefined && state >= DocumentState.Linked && state < DocumentState.Validated;
        });
    }

    private isBuilt(reader: { uri: string; version: number }): boolean {
        const document = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(reader.uri));
        return document !== undefined && document.state >= DocumentState.Linked && document.textDocument.version >= reader.version;
    }

    /** Answers the readers whose text is built, cancelled, or will not be built (nothing is pending). */
    private settleReaders(): void {
        const idle = !this.inFlight && this.pendingChanged.size === 0 && this.pendingDeleted.size === 0;
        for (const reader of this.readers) {
            if (idle || reader.token.isCancellationRequested || this.isBuilt(reader)) {
                this.readers.delete(reader);
                reader.resolve();
            }
        }
    }

    /**
     * The build in flight has parsed text that a waiting reader's editor has already
     * replaced: finishing it (linking, checking every rule) would only delay that reader.
     * It is cancelled, unless some reader waits for exactly the text it parsed; Langium
     * builds again, with the next build, whatever a cancelled build left undone.
     */
    private cancelIfSuperseded(): void {
        let superseded = false;
        for (const reader of this.readers) {
            const document = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(reader.uri));
            if (!document) continue;
            // Not parsed yet in this build: the build will read the editor's latest text.
            if (document.state < DocumentState.Parsed || document.textDocument.version >= reader.version) return;
            superseded = true;
        }
        if (superseded) this.workspaceLock.cancelWrite();
    }

    /**
     * Builds what is pending. While a build runs, new edits wait for it instead of
     * cancelling it: a build that is cancelled over and over never brings the document to
     * the state a hover waits for, so during a flood of edits the editor would get no
     * answers at all. One build at a time, each with every edit that came meanwhile. (Only
     * a read request that has seen the build's text replaced cancels it: `cancelIfSuperseded`.)
     */
    private flush(): void {
        this.flushTimer = undefined;
        if (this.inFlight) return;
        const changed = [...this.pendingChanged.values()];
        const deleted = [...this.pendingDeleted.values()];
        this.pendingChanged.clear();
        this.pendingDeleted.clear();
        if (changed.length === 0 && deleted.length === 0) return;
        this.inFlight = true;
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(err => console.error('remit language server: the maps could not be checked again after an edit.', err))
            .finally(() => {
                this.inFlight = false;
                if (this.pendingChanged.size > 0 || this.pendingDeleted.size > 0) {
                    this.schedule();
                }
                this.settleReaders();
            });
    }

    /**
     * A closed document goes back to what is on disk; one that is not on disk (never saved,
     * or deleted) leaves the workspace, and with it the memory its text and tree took.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.shared.ServiceRegistry.hasServices(uri)) return;
        const onDisk = uri.scheme === 'file' && existsSync(uri.fsPath);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configChanged = params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`));
        super.didChangeWatchedFiles(params);
        if (configChanged) void this.reloadConfig();
    }

    private async reloadConfig(): Promise<void> {
        await this.workspaceManager.ready;
        const manager = this.shared.workspace.WorkspaceManager as RemitWorkspaceManager;
        const previous = manager.configFile;
        await manager.reloadSettings();
        this.publishConfigProblems(previous);
        // Every map is checked again; the standard library lives in memory and never changes.
        const all = this.shared.workspace.LangiumDocuments.all
            .map(doc => doc.uri)
            .filter(uri => !isStandardLibrary(uri))
            .toArray();
        await this.shared.workspace.WorkspaceLock.write(token => this.shared.workspace.DocumentBuilder.update(all, [], token));
    }

    private publishConfigProblems(previous?: { toString(): string }): void {
        const manager = this.shared.workspace.WorkspaceManager as RemitWorkspaceManager;
        const connection = this.shared.lsp.Connection;
        if (!connection) return;
        if (previous && previous.toString() !== manager.configFile?.toString()) {
            void connection.sendDiagnostics({ uri: previous.toString(), diagnostics: [] });
        }
        if (!manager.configFile) return;
        const error = manager.configError;
        const position = error ? { line: error.line - 1, character: error.column - 1 } : undefined;
        void connection.sendDiagnostics({
            uri: manager.configFile.toString(),
            diagnostics: error && position ? [{
                range: { start: position, end: { line: position.line, character: position.character + 1 } },
                severity: DiagnosticSeverity.Error,
                source: 'remit',
                code: 'invalid-config',
                message: `${error.detail} Until this is fixed, every rule uses its default setting.`
            }] : []
        });
    }
}
