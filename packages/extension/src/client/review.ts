// Remit: Compare with HEAD. Shows what changed in authority (not in text) since the last
// commit, as a Markdown preview beside the map.
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

/** Returns the review's Markdown (for tests and other commands), or undefined when there is none. */
export async function compareWithHead(client: LanguageClient, arg?: unknown, options: CompareOptions = {}): Promise<string | undefined> {
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
    if (options.open !== false) {
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
        await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    }
    void vscode.window.setStatusBarMessage(`Remit: ${result.summary ?? 'compared'}`, 8000);
    return result.markdown;
}
