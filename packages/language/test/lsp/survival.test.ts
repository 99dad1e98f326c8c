// The language server survives every input (issue 14): over real stdio JSON-RPC, against
// `remit lsp --stdio` as an editor starts it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CancellationTokenSource, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    DefinitionRequest, DocumentSymbolRequest, HoverRequest, LSPErrorCodes, ResponseError, WorkspaceSymbolRequest,
    type DocumentSymbol, type LocationLink, type MarkupContent
} from 'vscode-languageserver-protocol/node';
import { LAKESIDE } from './fixtures.js';
import { ServerUnderTest } from './stdio-client.js';

const remitBin = fileURLToPath(new URL('../../../cli/bin/remit.js', import.meta.url));

let server: ServerUnderTest;
let folder: string;
const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).toString();
let exited: number | null | undefined;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'remit-lsp-survival-'));
    writeFileSync(path.join(folder, 'lakeside.remit'), LAKESIDE);
    server = new ServerUnderTest();
    server.process.on('exit', code => { exited = code; });
    await server.start(folder);
    await server.until(() => server.published.has(uriOf('lakeside.remit')));
});

afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

async function stillAnswers(): Promise<void> {
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('lakeside.remit') } }) as DocumentSymbol[];
    expect(symbols.map(s => s.name)).toEqual(['Lakeside']);
    expect(exited).toBeUndefined();
}

function open(file: string, text: string, languageId = 'remit', version = 1): Promise<void> {
    return server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(file), languageId, version, text } });
}

describe('the language server survives', () => {
    test('documents of other languages are ignored, not opened into the workspace', async () => {
        await open('notes.txt', 'hello', 'plaintext');
        await open('README.md', '# Notes', 'markdown');
        await open('Makefile', 'all:', 'makefile');
        await stillAnswers();
        expect(server.published.has(uriOf('notes.txt'))).toBe(false);
    });

    test('a document nested too deeply gets a syntax error, and the next parse is clean', async () => {
        await open('deep.remit', 'map Nest\n' + 'domain D {\n'.repeat(400));
        await server.until(() => server.published.has(uriOf('deep.remit')));
        const messages = server.published.get(uriOf('deep.remit'))!.diagnostics.map(d => d.message);
        expect(messages.some(m => /nested too deeply/.test(String(m)))).toBe(true);
        // The canary: a valid map right after parses with no error at all.
        await open('canary.remit', 'map Canary "Canary"\nuses School\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P }\n}\n');
        await server.until(() => server.published.has(uriOf('canary.remit')));
        expect(server.published.get(uriOf('canary.remit'))!.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        await stillAnswers();
    });

    test('a closed document that is not on disk leaves the workspace', async () => {
        await open('scratch.remit', 'map Scratch "Scratch"\nrole OnlyHere "Only here" { kind teacher }\n');
        await server.until(() => server.published.has(uriOf('scratch.remit')));
        expect((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'OnlyHere' }))?.length).toBe(1);
        await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf('scratch.remit') } });
        await expect.poll(async () => (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'OnlyHere' }))?.length, { timeout: 10_000 }).toBe(0);
    });

    test('a request cancelled while it is worked on is answered as cancelled', async () => {
        // A flood of edits keeps the server busy; the hover asked meanwhile is cancelled at once.
        const uri = uriOf('lakeside.remit');
        await open('lakeside.remit', LAKESIDE);
        for (let version = 2; version < 40; version++) {
            void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version }, contentChanges: [{ text: `${LAKESIDE}\n// edit ${version}\n` }]
            });
        }
        const source = new CancellationTokenSource();
        const answer = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5 } }, source.token)
            .then(value => ({ value }), (error: unknown) => ({ error }));
        source.cancel();
        const result = await answer as { value?: unknown; error?: unknown };
        expect(result.error).toBeInstanceOf(ResponseError);
        expect((result.error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
        // And an uncancelled hover still gets its answer.
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5 } });
        expect((hover?.contents as MarkupContent | undefined)?.value ?? '').not.toContain('undefined');
        await stillAnswers();
    });
});

describe('an unreadable message', () => {
    test('closes the connection with one log line instead of leaving the server deaf', async () => {
        const child = spawn(process.execPath, [remitBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', c => { stderr += c; });
        const code = await new Promise<number | null>(resolve => {
            child.on('exit', resolve);
            child.stdin.write('Content-Length: abc\r\n\r\n{}');
        });
        expect(code).toBe(1);
        expect(stderr).toMatch(/^remit language server: the editor sent a message that could not be read \(Content-Length value must be a number\. Got abc\); closing the connection\.\n$/);
    });
});

describe('Go to Definition on a built-in level', () => {
    const map = 'map Defs "Defs"\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P }\n}\n';
    const position = { line: 3, character: 21 };

    async function definitionWith(capabilities: Record<string, unknown>) {
        const dir = mkdtempSync(path.join(tmpdir(), 'remit-lsp-builtin-'));
        writeFileSync(path.join(dir, 'defs.remit'), map);
        const other = new ServerUnderTest();
        try {
            await other.start(dir, capabilities);
            const uri = pathToFileURL(path.join(dir, 'defs.remit')).toString();
            await other.until(() => other.published.has(uri));
            const links = await other.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }) as LocationLink[] | null;
            const source = await other.connection.sendRequest('remit/builtinSource', { uri: 'remit-builtin:/standard-library.remit' }) as { text?: string };
            return { links, source };
        } finally {
            await other.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    }

    test('answers the built-in document to clients that can open it, and serves its text', async () => {
        const { links, source } = await definitionWith({ experimental: { remitBuiltinDocuments: true } });
        expect(links?.map(l => l.targetUri)).toEqual(['remit-builtin:/standard-library.remit']);
        expect(source.text).toContain('levels School "School decision rights"');
    });

    test('answers no location to clients that cannot', async () => {
        const { links } = await definitionWith({});
        expect(links ?? []).toEqual([]);
    });
});
