// Commands that turn the current map into documents: a charter, the diagram as SVG, the
// matrix. The server renders with the generators; this side only picks files and writes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GenerateRequest, type GenerateParams, type GenerateResult } from '../shared/protocol.js';

/** The .remit document a command is about: the argument (explorer, tests), else the active editor. */
export function remitUri(arg?: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'remit' ? doc.uri : undefined;
}

export interface GenerateOptions {
    /** Where to write; asked for (diagram) or taken from the settings (charter) otherwise. */
    target?: vscode.Uri;
    format?: string;
    phase?: string;
    /** Open the written file (default true). */
    open?: boolean;
}

async function generate(client: LanguageClient, params: GenerateParams): Promise<GenerateResult> {
    return client.sendRequest<GenerateResult>(GenerateRequest, params);
}

const fileStem = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();

async function writeText(target: vscode.Uri, text: string): Promise<void> {
    if (target.path.endsWith('.remit')) throw new Error('Remit never writes over a .remit map.');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
}

/** Remit: Generate Charter. Writes `<folder>/<map>-charter.<md|html>` and opens it; returns where. */
export async function generateCharter(client: LanguageClient, arg?: unknown, options: GenerateOptions = {}): Promise<vscode.Uri | undefined> {
    const uri = remitUri(arg);
    if (!uri) {
        void vscode.window.showWarningMessage('Open a .remit map first: the charter is generated from it.');
        return undefined;
    }
    const config = vscode.workspace.getConfiguration('remit.charter', uri);
    const format = options.format ?? config.get<string>('format', 'md');
    const base = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
    const templateSetting = config.get<string>('template', '').trim();
    const template = templateSetting ? vscode.Uri.joinPath(base, templateSetting).fsPath : undefined;
    const result = await generate(client, { uri: uri.toString(), kind: 'charter', format, template });
    if (result.error || result.text === undefined) {
        void vscode.window.showErrorMessage(`Remit: no charter generated. ${result.error ?? ''}`);
        return undefined;
    }
    const target = options.target ?? vscode.Uri.joinPath(base, config.get<string>('outputFolder', 'charters'), `${fileStem(result.map ?? 'map')}-charter.${format === 'html' ? 'html' : 'md'}`);
    await writeText(target, result.text);
    if (options.open !== false) await vscode.window.showTextDocument(target, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    void vscode.window.setStatusBarMessage(`Remit: charter written to ${vscode.workspace.asRelativePath(target)}`, 5000);
    return target;
}

/** Remit: Export Diagram as SVG. Asks where (next to the map by default); returns where. */
export async function exportDiagram(client: LanguageClient, arg?: unknown, options: GenerateOptions = {}): Promise<vscode.Uri | undefined> {
    const uri = remitUri(arg);
    if (!uri) {
        void vscode.window.showWarningMessage('Open a .remit map first: the diagram is drawn from it.');
        return undefined;
    }
    const result = await generate(client, { uri: uri.toString(), kind: 'diagram', format: 'svg', phase: options.phase });
    if (result.error || result.text === undefined) {
        void vscode.window.showErrorMessage(`Remit: no diagram exported. ${result.error ?? ''}`);
        return undefined;
    }
    const suggested = vscode.Uri.joinPath(uri, '..', `${fileStem(result.map ?? 'map')}${options.phase ? `-${fileStem(options.phase)}` : ''}.svg`);
    const target = options.target ?? await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { 'SVG image': ['svg'] }, title: 'Export the diagram as SVG' });
    if (!target) return undefined;
    await writeText(target, result.text);
    void vscode.window.setStatusBarMessage(`Remit: diagram written to ${vscode.workspace.asRelativePath(target)}`, 5000);
    return target;
}
