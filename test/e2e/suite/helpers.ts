// Helpers for the end-to-end suite: waiting on the editor by polling or events (never by
// fixed sleeps), opening fixture files, and asking the driver for screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Prints a line with the suite's output (run.mjs shows it; console.log alone goes to the workbench log). */
export function log(line: string): void {
    if (process.env.REMIT_E2E_LOG) fs.appendFileSync(process.env.REMIT_E2E_LOG, `${line}\n`);
    else console.log(line);
}

export const workspaceRoot = (): string => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder is open');
    return folder.uri.fsPath;
};

export const fileUri = (relative: string): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), relative));

/** Polls `probe` until it returns something truthy; fails with `what` after `timeout` ms. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
    const end = Date.now() + timeout;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (e) {
            last = e;
        }
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
        await new Promise(r => setTimeout(r, 100));
    }
}

/** Waits until the diagnostics of `uri` satisfy `accept` (rechecked on every change). */
export function waitForDiagnostics(uri: vscode.Uri, accept: (ds: readonly vscode.Diagnostic[]) => boolean, timeout = 30_000): Promise<vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const check = (): boolean => {
            const ds = vscode.languages.getDiagnostics(uri);
            if (accept(ds)) { done(); resolve(ds); return true; }
            return false;
        };
        const sub = vscode.languages.onDidChangeDiagnostics(e => {
            if (e.uris.some(u => u.toString() === uri.toString())) check();
        });
        const timer = setTimeout(() => {
            done();
            const ds = vscode.languages.getDiagnostics(uri).map(d => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
            reject(new Error(`timed out after ${timeout} ms waiting for the diagnostics of ${path.basename(uri.fsPath)}; it has: ${ds.length ? ds.join(' | ') : 'none'}`));
        }, timeout);
        const done = (): void => { sub.dispose(); clearTimeout(timer); };
        check();
    });
}

/**
 * Waits until the language server has checked `uri` and found nothing. A clean map has no
 * diagnostics to wait for, so a misspelt name is typed in first (proof that the server
 * checks this file), then undone: the finding must come and then go.
 */
export async function checksClean(uri: vscode.Uri): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const firstDecide = /^(\s*)decide \S+$/m.exec(editor.document.getText());
    if (!firstDecide) throw new Error(`${path.basename(uri.fsPath)} has no 'decide' line to try a mistake on`);
    const end = editor.document.positionAt(firstDecide.index + firstDecide[0].length);
    await editor.edit(e => e.insert(end, `\n${firstDecide[1]}inform NoSuchRole`));
    await waitForDiagnostics(uri, ds => ds.some(d => codeOf(d) === 'unresolved-reference'));
    await vscode.commands.executeCommand('undo');
    if (editor.document.isDirty) throw new Error(`undo left ${path.basename(uri.fsPath)} changed`);
    await waitForDiagnostics(uri, ds => ds.length === 0);
}

export const codeOf = (d: vscode.Diagnostic): string =>
    typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');

export async function openEditor(relative: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(fileUri(relative));
    // Where it is already shown, else in the first column, as a user would: opening it in
    // the active group would cover the preview when the preview was clicked last.
    const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === doc.uri.toString());
    return vscode.window.showTextDocument(doc, { preview: false, viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
}

/** The position of the `occurrence`-th (0-based) `text` in `doc`, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 0, occurrence = 0): vscode.Position {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
        at = doc.getText().indexOf(text, at + 1);
        if (at < 0) throw new Error(`'${text}' (occurrence ${occurrence}) not found in ${path.basename(doc.uri.fsPath)}`);
    }
    return doc.positionAt(at + offset);
}

export function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

export interface FrameInfo { url: string; title: string; svgs: number; text: string; svgTextPx?: number }
export interface DriverResult { ok: boolean; screenshot?: string; frames?: FrameInfo[]; error?: string; text?: string; value?: string; visible?: boolean }

/** True when run.mjs drives the browser (it answers requests for screenshots and clicks). */
export const hasDriver = (): boolean => Boolean(process.env.REMIT_E2E_REQUESTS);

async function ask(request: Record<string, unknown>, label: string): Promise<DriverResult> {
    const dir = process.env.REMIT_E2E_REQUESTS;
    if (!dir) throw new Error('no driver: run the suite with test/e2e/run.mjs');
    const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${label.replace(/[^\w-]+/g, '_')}`;
    fs.writeFileSync(path.join(dir, `${id}.json.tmp`), JSON.stringify(request));
    fs.renameSync(path.join(dir, `${id}.json.tmp`), path.join(dir, `${id}.json`));
    const done = path.join(dir, `${id}.done.json`);
    await waitFor(`the driver to ${label}`, () => fs.existsSync(done), 30_000);
    return JSON.parse(fs.readFileSync(done, 'utf8')) as DriverResult;
}

/**
 * Asks the driver (run.mjs, outside VS Code) to take a screenshot of the workbench; it
 * also reports what each frame (webviews are frames) shows. Returns undefined when the
 * suite runs without that driver (e.g. under @vscode/test-electron).
 */
export async function screenshot(name: string): Promise<DriverResult | undefined> {
    if (!hasDriver()) return undefined;
    return ask({ action: 'screenshot', name }, `screenshot ${name}`);
}

/** Chooses `value` in the first <select> matching `selector` in any frame, as a person would. */
export async function select(selector: string, value: string): Promise<void> {
    const r = await ask({ action: 'select', selector, value }, 'select');
    if (!r.ok) throw new Error(`choosing ${value} in ${selector} failed: ${r.error}`);
}

/** A real mouse click, by the driver, on the first element matching `selector` in any frame. */
export async function click(selector: string): Promise<void> {
    const r = await ask({ action: 'click', selector }, 'click');
    if (!r.ok) throw new Error(`click on ${selector} failed: ${r.error}`);
}

/** Types `value` into the first input matching `selector` in any frame. */
export async function fill(selector: string, value: string): Promise<void> {
    const r = await ask({ action: 'fill', selector, value }, 'fill');
    if (!r.ok) throw new Error(`typing into ${selector} failed: ${r.error}`);
}

/** Focuses the first element matching `selector` in any frame and presses `key` (a Playwright key name). */
export async function press(selector: string, key: string): Promise<void> {
    const r = await ask({ action: 'press', selector, value: key }, 'press');
    if (!r.ok) throw new Error(`pressing ${key} in ${selector} failed: ${r.error}`);
}

/** What the first element matching `selector` in any frame shows: its text, its value (inputs), whether it is visible. */
export async function read(selector: string): Promise<{ text: string; value?: string; visible: boolean } | undefined> {
    const r = await ask({ action: 'read', selector }, 'read');
    return r.ok ? { text: r.text ?? '', value: r.value, visible: r.visible ?? false } : undefined;
}

export interface PreviewRendered {
    uri: string; map?: string; svgs: number; banner: boolean; tab: string; phase?: string;
    view?: { kind: string; name?: string }; theme?: string;
    zoom?: number; areaWidth?: number; drawnWidth?: number; minTextPx?: number; medianTextPx?: number;
    filter?: string; matches?: number;
}
export type FindingNode =
    | { type: 'map'; uri: vscode.Uri; label: string; rules: FindingNode[] }
    | { type: 'rule'; uri: vscode.Uri; code: string; severity: vscode.DiagnosticSeverity; findings: FindingNode[] }
    | { type: 'finding'; uri: vscode.Uri; diagnostic: vscode.Diagnostic };
export interface RemitApi {
    ready: Promise<void>;
    preview: { lastRendered(): PreviewRendered | undefined };
    findings: { tree(): FindingNode[]; item(node: FindingNode): vscode.TreeItem };
}

/** The Remit extension's API, activated, with its language server started. */
export async function activateRemit(): Promise<RemitApi> {
    const ext = vscode.extensions.getExtension<RemitApi>('remit.remit');
    if (!ext) throw new Error('extension remit.remit is not installed');
    const api = await ext.activate();
    await api.ready;
    return api;
}
