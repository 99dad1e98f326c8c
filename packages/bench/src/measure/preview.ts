import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { REPO_ROOT } from '../paths.js';
import { median, now } from '../stats.js';

export interface PreviewMapResult {
    map: string;
    /** Median time from an edit to the preview's answer (diagram and matrix), ms. */
    medianMs: number;
    samples: number;
}

export interface PreviewResult {
    maps: PreviewMapResult[];
    /** Median over every sample of every map. */
    medianMs: number;
}

/** The language server the VS Code extension starts, with the preview request. */
export const EXTENSION_SERVER = path.join(REPO_ROOT, 'packages', 'extension', 'dist', 'server.cjs');

/** The example maps the preview is measured on, relative to examples/. */
const EXAMPLES = ['lakeside/lakeside.remit', 'riverside/riverside.remit', 'highland/highland.remit', 'pinewood/north-school.remit'];

/**
 * Redraw after an edit, as the preview sees it: the extension's language server (over
 * stdio JSON-RPC, laying out in its worker thread) on a copy of the examples; for each
 * example map, a character typed into (and then deleted from) a decision's title, then the
 * preview's request (`remit/preview`: the diagram's default view and the matrix). Each
 * sample is the time from the edit to the preview's answer.
 */
export async function measurePreview(edits: number): Promise<PreviewResult> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-bench-preview-'));
    await fs.cp(path.join(REPO_ROOT, 'examples'), root, { recursive: true });
    const child = spawn(process.execPath, [EXTENSION_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.listen();
    try {
        const rootUri = URI.file(root).toString();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'examples' }],
            capabilities: { workspace: { workspaceFolders: true, configuration: true }, textDocument: { synchronization: { dynamicRegistration: false } } }
        });
        await connection.sendNotification('initialized', {});
        const maps: PreviewMapResult[] = [];
        const all: number[] = [];
        let version = 1;
        for (const file of EXAMPLES) {
            const uri = URI.file(path.join(root, file)).toString();
            const text = await fs.readFile(path.join(root, file), 'utf8');
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'remit', version: ++version, text } });
            const preview = async () => {
                const answer = await connection.sendRequest<{ svg?: string; error?: string; broken: boolean }>('remit/preview', { uri });
                if (!answer.svg) throw new Error(`no preview of ${file}: ${answer.error ?? (answer.broken ? 'broken' : 'empty')} ${stderr}`);
            };
            await preview(); // the first drawing starts the worker and warms it up
            const lines = text.split('\n');
            const line = lines.findIndex(l => /^\s*decision \w+ "/.test(l));
            const character = /^\s*decision \w+ "/.exec(lines[line])![0].length + 2;
            const samples: number[] = [];
            for (let i = 0; i < edits; i++) {
                await new Promise(resolve => setTimeout(resolve, 40));
                const at = { line, character };
                const range = i % 2 === 0 ? { start: at, end: at } : { start: at, end: { line, character: character + 1 } };
                const start = now();
                await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: i % 2 === 0 ? 'x' : '' }] });
                await preview();
                samples.push(now() - start);
            }
            all.push(...samples);
            maps.push({ map: path.basename(file, '.remit'), medianMs: median(samples), samples: samples.length });
        }
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        return { maps, medianMs: median(all) };
    } finally {
        connection.dispose();
        child.kill();
        await fs.rm(root, { recursive: true, force: true });
    }
}
