// The extension's bundled language server (dist/server.cjs), spoken to over real LSP
// JSON-RPC on stdio, as any editor would: initialize, workspace diagnostics, open,
// completion, hover, definition, references, rename, formatting.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CompletionRequest, createProtocolConnection, DefinitionRequest, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, HoverRequest, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, ReferencesRequest, RenameRequest, RequestType, ShutdownRequest, ExitNotification,
    StreamMessageReader, StreamMessageWriter,
    type CompletionItem, type CompletionList, type InitializeResult, type Location, type LocationLink,
    type MarkupContent, type ProtocolConnection, type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';

import {
    BuiltinSourceRequest, GenerateRequest, PreviewRequest, StarterRequest, StartersRequest, type RemitRequest
} from '../src/shared/protocol.js';

/** Remit's requests typed as any LSP client's library would type them (docs/editors.md). */
const typed = <P, R, E>(request: RemitRequest<P, R, E>) => new RequestType<P, R, E>(request.method);

const extensionDir = fileURLToPath(new URL('..', import.meta.url));
const serverBundle = path.join(extensionDir, 'dist/server.cjs');

const DISTRICT = `/** The district. */
map District "Northfield School District"

/** Coaches new teachers across the district's schools. */
role Coach "Instructional coach" { kind district  seats 3 }
role Superintendent "Superintendent" { kind district }

domain Induction "New-teacher induction" {
  decision MentorProgram "Design the mentoring programme" {
    recommend Coach
    decide Superintendent
  }
}
`;
const SCHOOL = `map School "Northfield Primary School"

role Principal "Principal" { kind administrator }

domain Mentoring "Mentoring" {
  decision PairMentors "Pair new teachers with mentors" {
    recommend District.Coach
    decide Principal
    inform Treasurer
  }
}
`;
const MESSY = `map   Messy "Messy"
role Head "Head"   {kind administrator}
domain D "D" { decision X "X" { decide   Head } }
`;

class Server {
    readonly child: ChildProcess;
    readonly rpc: ProtocolConnection;
    readonly published = new Map<string, PublishDiagnosticsParams>();
    private waiters = new Set<() => void>();

    constructor() {
        this.child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stderr!.resume();
        this.rpc = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.rpc.onNotification(PublishDiagnosticsNotification.type, p => {
            this.published.set(p.uri, p);
            for (const w of [...this.waiters]) w();
        });
        this.rpc.listen();
    }

    /** Resolves when the diagnostics published for `uri` satisfy `accept` (event driven). */
    diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { this.waiters.delete(check); reject(new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(this.published.get(uri))}`)); }, 20_000);
            const check = () => {
                const p = this.published.get(uri);
                if (p && accept(p)) { this.waiters.delete(check); clearTimeout(timer); resolve(p); }
            };
            this.waiters.add(check);
            check();
        });
    }
}

let server: Server;
let folder: string;
let init: InitializeResult;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();

beforeAll(async () => {
    if (!existsSync(serverBundle)) {
        const r = spawnSync(process.execPath, [path.join(extensionDir, 'esbuild.mjs')], { stdio: 'inherit' });
        expect(r.status).toBe(0);
    }
    folder = mkdtempSync(path.join(tmpdir(), 'remit-server-'));
    mkdirSync(path.join(folder, 'maps'));
    writeFileSync(path.join(folder, 'maps/district.remit'), DISTRICT);
    writeFileSync(path.join(folder, 'maps/school.remit'), SCHOOL);
    writeFileSync(path.join(folder, 'maps/messy.remit'), MESSY);
    server = new Server();
    const root = pathToFileURL(folder).toString();
    init = await server.rpc.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'maps' }],
        capabilities: {
            textDocument: {
                hover: { contentFormat: ['markdown', 'plaintext'] },
                completion: { completionItem: { snippetSupport: true } },
                rename: { prepareSupport: true },
                publishDiagnostics: { relatedInformation: true }
            },
            workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: false } }
        }
    });
    await server.rpc.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
    if (server) {
        await server.rpc.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await server.rpc.sendNotification(ExitNotification.type).catch(() => undefined);
        server.rpc.dispose();
        server.child.kill();
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the bundled language server over stdio', () => {
    it('initializes and advertises its features', () => {
        const caps = init.capabilities;
        expect(caps.completionProvider).toBeTruthy();
        expect(caps.hoverProvider).toBeTruthy();
        expect(caps.definitionProvider).toBeTruthy();
        expect(caps.referencesProvider).toBeTruthy();
        expect(caps.renameProvider).toBeTruthy();
    });

    it('checks the whole workspace, unopened files included', async () => {
        const p = await server.diagnostics(uriOf('maps/school.remit'), d => d.diagnostics.length > 0);
        const d = p.diagnostics.find(x => x.code === 'unresolved-reference');
        expect(d?.message).toMatch(/Treasurer/);
        expect(d?.range.start).toEqual({ line: 8, character: 11 });
        const clean = await server.diagnostics(uriOf('maps/district.remit'), () => true);
        expect(clean.diagnostics.filter(x => x.severity === 1)).toEqual([]);
    });

    it('completes holders after a level in an opened document', async () => {
        const text = SCHOOL.replace('    decide Principal\n', '    decide Principal\n    consult \n');
        await server.rpc.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: uriOf('maps/school.remit'), languageId: 'remit', version: 1, text }
        });
        await server.diagnostics(uriOf('maps/school.remit'), p => p.version === 1 || p.diagnostics.some(d => d.range.start.line === 9));
        const result = await server.rpc.sendRequest(CompletionRequest.type, {
            textDocument: { uri: uriOf('maps/school.remit') }, position: { line: 8, character: 12 }
        });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
        const labels = items.map(i => i.label);
        expect(labels).toContain('Principal');
        expect(labels).toContain('District.Coach');
    });

    it('shows documentation on hover', async () => {
        const hover = await server.rpc.sendRequest(HoverRequest.type, {
            textDocument: { uri: uriOf('maps/district.remit') }, position: { line: 9, character: 16 }
        });
        expect((hover?.contents as MarkupContent).value).toMatch(/Coaches new teachers/);
    });

    it('goes to a definition in another map', async () => {
        const result = await server.rpc.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: uriOf('maps/school.remit') }, position: { line: 6, character: 20 }
        });
        const targets = (Array.isArray(result) ? result : [result]) as (Location | LocationLink)[];
        const uris = targets.map(t => 'targetUri' in t ? t.targetUri : t.uri);
        expect(uris).toEqual([uriOf('maps/district.remit')]);
    });

    it('finds references across maps', async () => {
        const refs = await server.rpc.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: uriOf('maps/district.remit') }, position: { line: 4, character: 6 },
            context: { includeDeclaration: false }
        });
        expect((refs ?? []).map(r => path.basename(r.uri)).sort()).toEqual(['district.remit', 'school.remit']);
    });

    it('renames within a map', async () => {
        const edit = await server.rpc.sendRequest(RenameRequest.type, {
            textDocument: { uri: uriOf('maps/district.remit') }, position: { line: 5, character: 6 }, newName: 'Chief'
        }) as WorkspaceEdit;
        const edits = edit.changes?.[uriOf('maps/district.remit')] ?? [];
        expect(edits.map(e => e.newText)).toEqual(['Chief', 'Chief']);
    });

    it('renames across maps and keeps qualified references qualified', async () => {
        const edit = await server.rpc.sendRequest(RenameRequest.type, {
            textDocument: { uri: uriOf('maps/district.remit') }, position: { line: 4, character: 6 }, newName: 'Mentor'
        }) as WorkspaceEdit;
        const inSchool = edit.changes?.[uriOf('maps/school.remit')] ?? [];
        expect(inSchool.map(e => e.newText)).toEqual(['District.Mentor']);
    });

    it('formats a document', async () => {
        expect(init.capabilities.documentFormattingProvider).toBeTruthy();
        const edits = await server.rpc.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: uriOf('maps/messy.remit') }, options: { tabSize: 2, insertSpaces: true }
        }) as TextEdit[];
        expect(edits.length).toBeGreaterThan(0);
    });

    it('draws the preview of a map (diagram and matrix, rendered off the main thread)', async () => {
        const result = await server.rpc.sendRequest(typed(PreviewRequest), { uri: uriOf('maps/district.remit') });
        expect(result.error).toBeUndefined();
        expect(result.broken).toBe(false);
        expect(result.map?.name).toBe('District');
        expect(result.svg).toMatch(/^<svg /);
        expect(result.svg).toContain('data-element="District.Coach"');
        expect(result.matrix).toMatch(/<table/);
        expect(result.locations['District.Coach']).toEqual({ uri: uriOf('maps/district.remit'), line: 4, character: 0 });
    });

    it('reports a map that cannot be drawn instead of drawing it', async () => {
        const result = await server.rpc.sendRequest(typed(PreviewRequest), { uri: uriOf('maps/school.remit') });
        expect(result.broken).toBe(true);
        expect(result.svg).toBeUndefined();
        expect(result.problems.map(p => p.code)).toContain('unresolved-reference');
    });

    it('generates a charter and a diagram', async () => {
        const charter = await server.rpc.sendRequest(typed(GenerateRequest), { uri: uriOf('maps/district.remit'), kind: 'charter', format: 'md' });
        expect(charter.error).toBeUndefined();
        expect(charter.text).toContain('Northfield School District');
        const html = await server.rpc.sendRequest(typed(GenerateRequest), { uri: uriOf('maps/district.remit'), kind: 'charter', format: 'html' });
        expect(html.text).toMatch(/^<!DOCTYPE html>/);
        const svg = await server.rpc.sendRequest(typed(GenerateRequest), { uri: uriOf('maps/district.remit'), kind: 'diagram' });
        expect(svg.text).toMatch(/^<svg /);
    });

    it('serves the built-in schemes\' text, and nothing else', async () => {
        const builtin = await server.rpc.sendRequest(typed(BuiltinSourceRequest), { uri: 'remit-builtin:/standard-library.remit' });
        expect(builtin.text).toMatch(/levels School/);
        const other = await server.rpc.sendRequest(typed(BuiltinSourceRequest), { uri: uriOf('maps/district.remit') });
        expect(other.text).toBeUndefined();
        expect(other.error).toMatch(/built-in schemes/);
    });

    it('lists the starter maps and instantiates one', async () => {
        const starters = await server.rpc.sendRequest(typed(StartersRequest), {});
        expect(starters.map(s => s.name)).toContain('blank-school');
        expect(starters.find(s => s.name === 'elementary-ilt')?.label).toBe('Elementary school with an instructional leadership team');
        const result = await server.rpc.sendRequest(typed(StarterRequest), { name: 'elementary-ilt', mapName: 'Oakdale', title: 'Oakdale Primary' });
        expect(result.files?.[0].name).toBe('oakdale.remit');
        expect(result.files?.[0].text).toMatch(/^map Oakdale "Oakdale Primary"$/m);
        expect(result.files?.[0].text).toMatch(/^status draft$/m);
        expect(result.files?.[0].text).not.toContain('Lakeside');
    });
});
