import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/remit-config.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import type { RemitWorkspaceManager } from '../workspace/workspace-manager.js';

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
