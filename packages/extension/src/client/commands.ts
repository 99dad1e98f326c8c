// Commands that turn the current map into documents: a charter, the diagram as SVG, the
// matrix. The server renders with the generators; this side only picks files and writes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RemitPreview } from './preview.js';
import {
    GenerateRequest, StarterRequest, StartersRequest,
    type DiagramView, type GenerateParams, type GenerateResult
} from '../shared/protocol.js';
import { clientRequest } from './requests.js';

/** The .remit document a command is about: the argument (explorer, tests), else the active editor. */
export function remitUri(arg?: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'remit' ? doc.uri : undefined;
}

/**
 * A map to act on when no map is active (the walkthrough's steps): one shown in an editor,
 * else the first map in the workspace.
 */
export async function anyMap(): Promise<vscode.Uri | undefined> {
    const visible = vscode.window.visibleTextEditors.find(e => e.document.languageId === 'remit');
    if (visible) return visible.document.uri;
    const [first] = await vscode.workspace.findFiles('**/*.remit', '**/node_modules/**', 1);
    return first;
}

export interface GenerateOptions {
    /** Where to write; asked for (diagram) or taken from the settings (charter) otherwise. */
    target?: vscode.Uri;
    format?: string;
    phase?: string;
    /** Diagram: the view to draw; by default the one the preview shows for this map, else the overview. */
    view?: DiagramView;
    /** Open the written file (default true). */
    open?: boolean;
}

async function generate(client: LanguageClient, params: GenerateParams): Promise<GenerateResult> {
    return client.sendRequest(clientRequest(GenerateRequest), params);
}

const fileStem = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();

async function writeText(target: vscode.Uri, text: string | Uint8Array): Promise<void> {
    if (target.path.endsWith('.remit')) throw new Error('Remit never writes over a .remit map.');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, typeof text === 'string' ? new TextEncoder().encode(text) : text);
}

/** Remit: Generate Charter. Writes `<folder>/<map>-charter.<md|html>` and opens it; returns where. */
export async function generateCharter(client: LanguageClient, arg?: unknown, options: GenerateOptions = {}): Promise<vscode.Uri | undefined> {
    const uri = remitUri(arg) ?? await anyMap();
    if (!uri) {
        void vscode.window.showWarningMessage('There is no .remit map to make a charter from yet. Create one with Remit: New Map from Template..., or open a folder of maps.');
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
export function exportDiagram(client: LanguageClient, arg?: unknown, options: GenerateOptions = {}): Promise<vscode.Uri | undefined> {
    return exportPicture(client, 'svg', arg, options);
}

/** Remit: Export Diagram as PNG, for slides and Word (drawn by the preview's browser at twice its size). */
export function exportDiagramPng(client: LanguageClient, arg?: unknown, options: GenerateOptions = {}): Promise<vscode.Uri | undefined> {
    return exportPicture(client, 'png', arg, options);
}

/**
 * The diagram as the preview shows it (its phase and its drill-down, when the preview
 * shows this map), always on paper: exports go to slides, documents and printers.
 */
async function exportPicture(client: LanguageClient, format: 'svg' | 'png', arg: unknown, options: GenerateOptions): Promise<vscode.Uri | undefined> {
    const uri = remitUri(arg);
    if (!uri) {
        void vscode.window.showWarningMessage('Open a .remit map first: the diagram is drawn from it.');
        return undefined;
    }
    const shown = RemitPreview.active?.shows(uri) ? RemitPreview.active.shown : undefined;
    const phase = options.phase ?? shown?.phase;
    const view = options.view ?? shown?.view;
    const result = await generate(client, { uri: uri.toString(), kind: 'diagram', format: 'svg', phase, view });
    if (result.error || result.text === undefined) {
        void vscode.window.showErrorMessage(`Remit: no diagram exported. ${result.error ?? ''}`);
        return undefined;
    }
    let data: string | Uint8Array = result.text;
    if (format === 'png') {
        // The preview's webview is a browser: it draws the SVG on a canvas.
        const preview = RemitPreview.active ?? RemitPreview.showHidden(uri);
        const png = preview ? await preview.rasterize(result.text) : undefined;
        if (!png) {
            void vscode.window.showErrorMessage('Remit: no PNG exported: the picture could not be drawn. Export as SVG, or run `remit generate diagram --format png --out FOLDER`.');
            return undefined;
        }
        data = png;
    }
    const parts = [fileStem(result.map ?? 'map'), view && view.kind !== 'overview' && view.name ? fileStem(view.name.split('.').pop()!) : '', phase ? fileStem(phase) : ''];
    const suggested = vscode.Uri.joinPath(uri, '..', `${parts.filter(Boolean).join('-')}.${format}`);
    const filters: Record<string, string[]> = format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] };
    const target = options.target ?? await vscode.window.showSaveDialog({ defaultUri: suggested, filters, title: `Export the diagram as ${format.toUpperCase()}` });
    if (!target) return undefined;
    await writeText(target, data);
    void vscode.window.setStatusBarMessage(`Remit: diagram written to ${vscode.workspace.asRelativePath(target)}`, 5000);
    return target;
}

export interface NewMapOptions {
    /** The starter's name (`elementary-ilt`, `blank-school` ...); asked for otherwise. */
    template?: string;
    /** The new map's name (`Oakdale`); asked for otherwise. */
    mapName?: string;
    /** The school's full name, the map's title; asked for with the name, else made from it. */
    title?: string;
    /** Where to write; the first workspace folder, or asked for. */
    folder?: vscode.Uri;
    open?: boolean;
}

const MAP_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** "Oakdale Elementary School" → "Oakdale": a suggestion for the map's short name. */
function firstWord(title: string): string {
    const word = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9_-]+/).find(w => /^[A-Za-z]/.test(w)) ?? '';
    return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Remit: New Map from Template. Writes the starter's files (never over existing ones); returns the main map. */
export async function newMap(client: LanguageClient, options: NewMapOptions = {}): Promise<vscode.Uri | undefined> {
    let template = options.template;
    if (!template) {
        const starters = await client.sendRequest(clientRequest(StartersRequest), {});
        const pick = await vscode.window.showQuickPick(
            starters.map(s => ({ label: s.label, detail: s.description, name: s.name })),
            { title: 'New Remit map (1/3): start from', placeHolder: 'Choose the starter closest to your school', matchOnDetail: true });
        if (!pick) return undefined;
        template = pick.name;
    }
    let mapName = options.mapName;
    let title = options.title;
    if (mapName === undefined) {
        if (title === undefined) {
            title = (await vscode.window.showInputBox({
                title: 'New Remit map (2/3): your school',
                prompt: 'The school\'s full name, as the charter should show it, such as Oakdale Elementary School.',
                validateInput: v => v.trim() ? undefined : 'Write the school\'s name.'
            }))?.trim();
            if (!title) return undefined;
        }
        mapName = await vscode.window.showInputBox({
            title: 'New Remit map (3/3): a short name',
            prompt: 'One word for the map, used in file names and references, such as Oakdale.',
            value: firstWord(title),
            validateInput: v => MAP_NAME.test(v) ? undefined : 'Use letters, digits, _ and -, starting with a letter.'
        });
        if (!mapName) return undefined;
    }
    let folder = options.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) {
        folder = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the map here' }))?.[0];
        if (!folder) return undefined;
    }
    const result = await client.sendRequest(clientRequest(StarterRequest), { name: template, mapName, title });
    if (result.error || !result.files?.length) {
        void vscode.window.showErrorMessage(`Remit: no map created. ${result.error ?? ''}`);
        return undefined;
    }
    const targets = result.files.map(f => vscode.Uri.joinPath(folder, f.name));
    for (const target of targets) {
        if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) {
            void vscode.window.showErrorMessage(`Remit: ${vscode.workspace.asRelativePath(target)} already exists; choose another map name.`);
            return undefined;
        }
    }
    for (const [i, file] of result.files.entries()) {
        await vscode.workspace.fs.writeFile(targets[i], new TextEncoder().encode(file.text));
    }
    if (options.open !== false) await vscode.window.showTextDocument(targets[0], { preview: false });
    return targets[0];
}
