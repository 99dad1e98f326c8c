import { existsSync } from 'node:fs';
import { URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/remit-config.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import type { RemitWorkspaceManager } from '../workspace/workspace-manager.js';
import type { WorkspaceRevalidatingBuilder } from '../analysis/workspace-revalidation.js';

/** How long to wait for the next edit before building (ms), and how long at most. */
const COALESCE_MS = 15;
const MAX_COALESCE_MS = 200;

/**
 * Keeps the rule settings in step with `remit.json`: when it changes on disk, the settings
 * are read again and every map is checked again. A `remit.json` that cannot be used is
 * shown as a problem on the file itself, at the line to fix; the defaults apply meanwhile.
 */
export class RemitDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
        this.workspaceManager.ready.then(() => this.publishConfigProblems()).catch(() => undefined);
    }

    private pendingChanged = new Map<string, URI>();
    private pendingDeleted = new Map<string, URI>();
    private flushTimer: ReturnType<typeof setTimeout> | undefined;
    private firstPending = 0;

    /**
     * Edits are coalesced: changes that arrive within a few milliseconds of each other are
     * built once, so a query (a hover, say) never waits behind a queue of superseded
     * edits. Documents of other languages (a README, a .txt opened in the same editor) are
     * not Remit's: they are left out of the workspace.
     */
    override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const registry = this.shared.ServiceRegistry;
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
        // that refer to them: the newer edit goes first, and the next build finishes that.
        if (this.inFlight && (this.documentBuilder as Partial<WorkspaceRevalidatingBuilder>).inBackground) this.workspaceLock.cancelWrite();
        const now = Date.now();
        if (this.flushTimer === undefined) this.firstPending = now;
        else clearTimeout(this.flushTimer);
        // Wait for a pause in the edits, but never longer than a fifth of a second in all.
        const delay = Math.max(0, Math.min(COALESCE_MS, this.firstPending + MAX_COALESCE_MS - now));
        this.flushTimer = setTimeout(() => this.flush(), delay);
    }

    private inFlight = false;

    /**
     * Builds what is pending. While a build runs, new edits wait for it instead of
     * cancelling it: a build that is cancelled over and over never brings the document to
     * the state a hover waits for, so during a flood of edits the editor would get no
     * answers at all. One build at a time, each with every edit that came meanwhile.
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
                    this.flushTimer ??= setTimeout(() => this.flush(), 0);
                }
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
