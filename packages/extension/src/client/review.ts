// Remit: Compare with HEAD. Shows what changed in authority (not in text) since the last
// commit, as a read-only Markdown review beside the map: a virtual document (never an
// unsaved buffer), its element names and problem lines linked to where they are written.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    CompareWithRevisionRequest, type CompareWithRevisionParams
} from '../shared/protocol.js';
import { clientRequest } from './requests.js';
import { remitUri } from './commands.js';

export interface CompareOptions {
    /** `HEAD` unless given. */
    revision?: string;
    /** Open the review in a Markdown preview (default true). */
    open?: boolean;
}

/** The scheme of the read-only review documents. */
export const REVIEW_SCHEME = 'remit-review';

/** Holds the text of each review document; VS Code asks for it when it opens or refreshes one. */
export class ReviewDocuments implements vscode.TextDocumentContentProvider {
    private readonly texts = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.texts.get(uri.toString()) ?? 'This review is no longer available. Run Remit: Compare with HEAD again.\n';
    }

    /** The review of `folder` against `revision`: one document per folder and revision, refreshed on each run. */
    set(folder: vscode.WorkspaceFolder, revision: string, markdown: string): vscode.Uri {
        const uri = vscode.Uri.from({
            scheme: REVIEW_SCHEME,
            path: `/${folder.name} compared with ${revision.replace(/[/\\]/g, '-')}.md`
        });
        this.texts.set(uri.toString(), markdown);
        this.changed.fire(uri);
        return uri;
    }

    dispose(): void {
        this.changed.dispose();
    }
}

/** Returns the review's Markdown (for tests and other commands), or undefined when there is none. */
export async function compareWithHead(client: LanguageClient, reviews: ReviewDocuments, arg?: unknown, options: CompareOptions = {}): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Remit: Compare with HEAD runs git in this folder, so it waits until you trust the folder (Manage Workspace Trust).');
        return undefined;
    }
    const uri = remitUri(arg);
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showWarningMessage('Open a folder of maps kept in git first: the comparison is with its last commit.');
        return undefined;
    }
    const params: CompareWithRevisionParams = { folder: folder.uri.fsPath, revision: options.revision ?? 'HEAD' };
    const result = await client.sendRequest(clientRequest(CompareWithRevisionRequest), params);
    if (result.error || result.markdown === undefined) {
        void vscode.window.showErrorMessage(`Remit: cannot compare with ${params.revision}. ${result.error ?? ''}`);
        return undefined;
    }
    const review = reviews.set(folder, params.revision!, result.markdown);
    if (options.open !== false) await vscode.commands.executeCommand('markdown.showPreviewToSide', review);
    void vscode.window.setStatusBarMessage(`Remit: ${result.summary ?? 'compared'}`, 8000);
    return result.markdown;
}
