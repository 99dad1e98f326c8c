import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, type MessageConnection } from 'vscode-jsonrpc/node';
import { DirectMessageWriter } from '@remit/language/lsp';
import { URI } from 'vscode-uri';
import { REMIT_BIN, RSS_REPORTER_IMPORT, readRss } from '../paths.js';
import { now, percentile } from '../stats.js';

export interface LatencyResult {
    samples: number;
    p50: number;
    p95: number;
    max: number;
}

export interface LspResult {
    files: number;
    /** From `initialize` until every map of the workspace has had its diagnostics published. */
    initialMs: number;
    /** Single keystrokes in a decision's title of a school map. */
    keystroke: LatencyResult;
    /** Removing and restoring a decision's `decide` line: a gap appears, then goes. */
    gapToggle: LatencyResult & { gapsReported: number };
    /**
     * Single keystrokes in a title of the district map, which every school's map refers to:
     * until the district map's own diagnostics arrive.
     */
    districtKeystroke?: LatencyResult;
    /** Hovers asked while a flood of edits (sent without waiting) arrives at the school map. */
    hoverDuringFlood?: LatencyResult & { edits: number };
    /**
     * A name every school uses renamed in the district map (a letter typed at its end, then
     * deleted): until the district map's own diagnostics arrive, and (`dependents`) until
     * every school that names it has had its diagnostics published again.
     */
    districtRename?: LatencyResult & { dependents: LatencyResult; schools: number };
    peakRssMB?: number;
}

/** Only the start: a server opened on a workspace until every map's diagnostics are in. */
export interface LspInitialResult {
    files: number;
    initialMs: number;
    peakRssMB?: number;
}

interface Diagnostic { code?: string | number; data?: { code?: string }; message: unknown }
interface Published { uri: string; diagnostics: Diagnostic[]; at: number }

/** The language server, driven as an editor drives it: JSON-RPC over the server's stdio. */
class Client {
    readonly connection: MessageConnection;
    private waiters: Array<{ uri: string; after: number; resolve: (p: Published) => void }> = [];
    readonly published = new Map<string, Published>();

    constructor(readonly child: ReturnType<typeof spawn>) {
        // Each message goes to the pipe as it is sent, as Neovim's and Helix's clients write
        // them (vscode-jsonrpc's own writer queues one per turn of the event loop: see
        // DirectMessageWriter), so a flood of edits measures the server, not this client's queue.
        this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new DirectMessageWriter(child.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
            const p: Published = { uri: normalize(params.uri), diagnostics: params.diagnostics, at: now() };
            this.published.set(p.uri, p);
            this.waiters = this.waiters.filter(w => {
                if (w.uri !== p.uri || p.at < w.after) return true;
                w.resolve(p);
                return false;
            });
        });
        // Requests a server may make of its client; an editor answers them, so do we.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification('window/logMessage', () => undefined);
        this.connection.listen();
    }

    /** The next diagnostics published for `uri` after time `after`. */
    next(uri: string, after: number, timeoutMs = 120_000): Promise<Published> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
            this.waiters.push({ uri, after, resolve: p => { clearTimeout(timer); resolve(p); } });
        });
    }
}

function normalize(uri: string): string {
    return URI.parse(uri).toString();
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function latency(samples: number[]): LatencyResult {
    return { samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

/** Where a decision's title starts in `text`: a line offset and character, past the opening quote. */
function titlePosition(text: string, nth: number): { line: number; character: number } {
    const lines = text.split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*decision \w+ "/.exec(lines[i]);
        if (m && seen++ === nth) return { line: i, character: m[0].length + 3 };
    }
    throw new Error('no decision title found');
}

/** A `decide` line that is the decision's only final authority (no phases, one holder). */
function singleDecideLine(text: string, from: number): { line: number; content: string } {
    const lines = text.split('\n');
    for (let i = from; i < lines.length; i++) {
        if (/^\s*decide \w+\s*$/.test(lines[i]) && !/^\s*decide /.test(lines[i - 1]) && !/^\s*decide /.test(lines[i + 1] ?? '')) {
            return { line: i, content: lines[i] + '\n' };
        }
    }
    throw new Error('no single decide line found');
}

export interface LspOptions {
    /** The workspace folder the server is started on. */
    root: string;
    /** Relative path of the school map to type into; left out, only the start is measured. */
    school?: string;
    /** Relative path of the map every school refers to; left out to skip that measurement. */
    district?: string;
    files: number;
    keystrokes: number;
    toggles: number;
    districtKeystrokes: number;
    /** Edits sent back to back to the school map, with a hover every 50 of them; 0 to skip. */
    floodEdits: number;
    /** Renames of a district name that every school in `dependents` uses (0 to skip). */
    districtRenames?: number;
    /** The district role renamed, and the relative paths of the maps that name it. */
    renamed?: { role: string; dependents: string[] };
    /** Extra Node options for the server, e.g. `--cpu-prof` to profile it. */
    nodeOptions?: string[];
}

/**
 * Starts `remit lsp --stdio` on the workspace, waits until every map's diagnostics are in, then
 * types into one map and measures from sending each change until the server publishes that
 * document's diagnostics. Changes are sent one at a time with a short pause between them, the
 * pace of fast typing, so each latency is one full update (no change is cancelled by the next).
 */
export async function measureLsp(options: LspOptions & { school: string }): Promise<LspResult> {
    return await runLsp(options) as LspResult;
}

/** The server's start on a workspace and its peak memory, nothing typed. */
export async function measureLspInitial(root: string, files: number, nodeOptions?: string[]): Promise<LspInitialResult> {
    return runLsp({ root, files, keystrokes: 0, toggles: 0, districtKeystrokes: 0, floodEdits: 0, nodeOptions });
}

async function runLsp(options: LspOptions): Promise<LspResult | LspInitialResult> {
    const rssFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'remit-bench-rss-')), 'lsp');
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', RSS_REPORTER_IMPORT, REMIT_BIN, 'lsp', '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, REMIT_BENCH_RSS_FILE: rssFile }
    });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const client = new Client(child);
    const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));
    try {
        const rootUri = URI.file(options.root).toString();
        const start = now();
        await client.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(options.root) }],
            capabilities: {
                workspace: { workspaceFolders: true, configuration: true },
                textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } }
            }
        });
        await client.connection.sendNotification('initialized', {});
        await waitFor(() => client.published.size >= options.files, 600_000, () => `initial diagnostics: ${client.published.size}/${options.files} maps. ${stderr}`);
        const initialMs = now() - start;
        if (!options.school) {
            await client.connection.sendRequest('shutdown');
            await client.connection.sendNotification('exit');
            await Promise.race([exited, pause(5000)]);
            return { files: client.published.size, initialMs, peakRssMB: readRss(rssFile) };
        }

        const schoolUri = URI.file(path.join(options.root, options.school)).toString();
        const schoolText = await fs.readFile(path.join(options.root, options.school), 'utf8');
        let version = 1;
        let after = now();
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: schoolUri, languageId: 'remit', version, text: schoolText } });
        await client.next(schoolUri, after);

        const edit = async (uri: string, range: { start: Pos; end: Pos }, text: string): Promise<{ ms: number; sent: number; published: Published }> => {
            await pause(40);
            const sent = now();
            const waiting = client.next(uri, sent);
            await client.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version: ++version },
                contentChanges: [{ range, text }]
            });
            const published = await waiting;
            return { ms: published.at - sent, sent, published };
        };

        // Single keystrokes inside a title: type a letter, delete it, and again.
        const pos = titlePosition(schoolText, 5);
        const keystrokes: number[] = [];
        for (let i = 0; i < options.keystrokes; i++) {
            const range = i % 2 === 0 ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
            keystrokes.push((await edit(schoolUri, range, i % 2 === 0 ? 'x' : '')).ms);
        }

        // Remove a decision's only `decide` line (a gap), then put it back.
        const decide = singleDecideLine(schoolText, pos.line + 1);
        const toggles: number[] = [];
        let gapsReported = 0;
        for (let i = 0; i < options.toggles; i++) {
            const lineStart = { line: decide.line, character: 0 };
            const removing = i % 2 === 0;
            const range = removing ? { start: lineStart, end: { line: decide.line + 1, character: 0 } } : { start: lineStart, end: lineStart };
            const { ms, published } = await edit(schoolUri, range, removing ? '' : decide.content);
            toggles.push(ms);
            if (removing && published.diagnostics.some(d => codeOf(d) === 'no-final-authority')) gapsReported++;
        }

        let districtKeystroke: LatencyResult | undefined;
        let districtRename: LspResult['districtRename'];
        if (options.district && options.districtKeystrokes > 0) {
            const districtUri = URI.file(path.join(options.root, options.district)).toString();
            const districtText = await fs.readFile(path.join(options.root, options.district), 'utf8');
            after = now();
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: districtUri, languageId: 'remit', version: ++version, text: districtText } });
            await client.next(districtUri, after);
            const dpos = titlePosition(districtText, 3);
            const samples: number[] = [];
            for (let i = 0; i < options.districtKeystrokes; i++) {
                const range = i % 2 === 0 ? { start: dpos, end: dpos } : { start: dpos, end: { line: dpos.line, character: dpos.character + 1 } };
                samples.push((await edit(districtUri, range, i % 2 === 0 ? 'x' : '')).ms);
            }
            districtKeystroke = latency(samples);

            // Rename a role the schools name: each of them gets an error, then loses it.
            if (options.renamed && (options.districtRenames ?? 0) > 0) {
                const text = districtText;
                const own: number[] = [];
                const dependents: number[] = [];
                const schoolUris = options.renamed.dependents.map(file => normalize(URI.file(path.join(options.root, file)).toString()));
                const m = new RegExp(`^(\\s*role )${options.renamed.role}\\b`, 'm').exec(text);
                if (!m) throw new Error(`no role ${options.renamed.role} in the district map`);
                const lines = text.slice(0, m.index + m[1].length + options.renamed.role.length).split('\n');
                const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
                for (let i = 0; i < options.districtRenames!; i++) {
                    const adding = i % 2 === 0;
                    const range = adding ? { start: end, end } : { start: end, end: { line: end.line, character: end.character + 1 } };
                    const before = now();
                    const all = Promise.all(schoolUris.map(uri => client.next(uri, before, 600_000)));
                    const { ms, sent } = await edit(districtUri, range, adding ? 'x' : '');
                    own.push(ms);
                    const published = await all;
                    dependents.push(Math.max(...published.map(p => p.at)) - sent);
                }
                districtRename = { ...latency(own), dependents: latency(dependents), schools: schoolUris.length };
            }
        }

        let hoverDuringFlood: (LatencyResult & { edits: number }) | undefined;
        if (options.floodEdits > 0) {
            // An editor that sends changes faster than they can be checked (a paste, a macro,
            // a formatter): a hover must not wait behind the queue of superseded edits.
            const hoverAt = { line: pos.line, character: Math.max(0, pos.character - 8) };
            const hovers: Array<Promise<number>> = [];
            for (let i = 0; i < options.floodEdits; i++) {
                const range = i % 2 === 0 ? { start: pos, end: pos } : { start: pos, end: { line: pos.line, character: pos.character + 1 } };
                void client.connection.sendNotification('textDocument/didChange', {
                    textDocument: { uri: schoolUri, version: ++version },
                    contentChanges: [{ range, text: i % 2 === 0 ? 'x' : '' }]
                });
                if (i % 50 === 25) {
                    const sent = now();
                    hovers.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: schoolUri }, position: hoverAt }).then(() => now() - sent));
                }
                if (i % 200 === 199) await pause(0);
            }
            hoverDuringFlood = { ...latency(await Promise.all(hovers)), edits: options.floodEdits };
        }

        await client.connection.sendRequest('shutdown');
        await client.connection.sendNotification('exit');
        await Promise.race([exited, pause(5000)]);
        return {
            files: client.published.size,
            initialMs,
            keystroke: latency(keystrokes),
            gapToggle: { ...latency(toggles), gapsReported },
            districtKeystroke,
            hoverDuringFlood,
            districtRename,
            peakRssMB: readRss(rssFile)
        };
    } finally {
        client.connection.dispose();
        if (child.exitCode === null) child.kill();
        await fs.rm(path.dirname(rssFile), { recursive: true, force: true });
    }
}

type Pos = { line: number; character: number };

function codeOf(d: Diagnostic): string | undefined {
    return d.data?.code ?? (d.code === undefined ? undefined : String(d.code));
}

async function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    const deadline = now() + timeoutMs;
    while (!condition()) {
        if (now() > deadline) throw new Error(`timed out waiting for ${describe()}`);
        await pause(20);
    }
}
