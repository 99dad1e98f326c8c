// The editor features over real LSP JSON-RPC, against `remit lsp --stdio` as any editor starts it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeLensRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest, PrepareRenameRequest, RenameRequest,
    ResponseError, WorkspaceSymbolRequest,
    type CompletionItem, type CompletionList, type DocumentSymbol, type InitializeResult, type MarkupContent,
    type Range, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { ServerUnderTest } from './stdio-client.js';

let server: ServerUnderTest;
let folder: string;
let init: InitializeResult;
const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).toString();
const doc = (file: string) => ({ textDocument: { uri: uriOf(file) } });
/** 0-based position of the first `text` in a fixture, moved `offset` characters in. */
function at(content: string, text: string, offset = 0) {
    const index = content.indexOf(text) + offset;
    const before = content.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'remit-lsp-features-'));
    writeFileSync(path.join(folder, 'lakeside.remit'), LAKESIDE);
    writeFileSync(path.join(folder, 'district.remit'), DISTRICT);
    server = new ServerUnderTest();
    init = await server.start(folder, {
        textDocument: { rename: { prepareSupport: true }, hover: { contentFormat: ['markdown'] } }
    });
    // The workspace is checked (and so indexed) once both maps have their diagnostics.
    await server.until(() => server.published.has(uriOf('lakeside.remit')) && server.published.has(uriOf('district.remit')));
});

afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('remit lsp --stdio', () => {
    test('advertises the editor features', () => {
        const caps = init.capabilities;
        expect(caps.renameProvider).toEqual({ prepareProvider: true });
        expect(caps.hoverProvider).toBeTruthy();
        expect(caps.codeLensProvider).toBeTruthy();
        expect(caps.documentSymbolProvider).toBeTruthy();
        expect(caps.workspaceSymbolProvider).toBeTruthy();
        expect(caps.foldingRangeProvider).toBeTruthy();
        expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining([' ', ',']));
        expect(caps.semanticTokensProvider?.legend.tokenModifiers).toContain('final');
    });

    test('renames a role across maps, keeping qualified references qualified', async () => {
        const prepared = await server.connection.sendRequest(PrepareRenameRequest.type, { ...doc('district.remit'), position: at(DISTRICT, 'Lakeside.Principal', 10) }) as Range;
        expect(prepared.end.character - prepared.start.character).toBe('Principal'.length);
        const edit = await server.connection.sendRequest(RenameRequest.type, {
            ...doc('lakeside.remit'), position: at(LAKESIDE, 'role Principal', 6), newName: 'Head'
        }) as WorkspaceEdit;
        expect(edit.changes![uriOf('district.remit')].map(e => e.newText)).toEqual(['Lakeside.Head', 'Lakeside.Head']);
        const inLakeside = edit.changes![uriOf('lakeside.remit')].map(e => e.newText);
        expect(inLakeside.length).toBeGreaterThan(5);
        expect(new Set(inLakeside)).toEqual(new Set(['Head']));
    });

    test('refuses a name that is not a name, with the reason as the error message', async () => {
        const error = await server.connection.sendRequest(RenameRequest.type, {
            ...doc('lakeside.remit'), position: at(LAKESIDE, 'role Principal', 6), newName: 'Head teacher'
        }).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).message).toMatch(/^'Head teacher' cannot be the name of a role/);
    });

    test('hovers with the authority summary', async () => {
        const hover = await server.connection.sendRequest(HoverRequest.type, { ...doc('district.remit'), position: at(DISTRICT, 'Lakeside.GradeLead', 10) });
        const text = (hover?.contents as MarkupContent).value;
        expect(text).toContain('**Grade-level team leader** · role `Lakeside.GradeLead`');
        expect(text).toContain('Recommends 1 decision, is consulted on 3.');
    });

    test('shows who decides above each decision', async () => {
        const lenses = await server.connection.sendRequest(CodeLensRequest.type, doc('lakeside.remit'));
        expect(lenses?.map(l => l.command?.title)).toContain('decided by Principal until Expansion, then Instructional Leadership Team · 1 to consult');
    });

    test('completes holders with their titles', async () => {
        const result = await server.connection.sendRequest(CompletionRequest.type, { ...doc('district.remit'), position: at(DISTRICT, 'Coach\n', 0) });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
        expect(items.find(i => i.label === 'Lakeside.ILT')?.detail).toBe('Instructional Leadership Team');
    });

    test('a space after a level word offers the map\'s own holders first, then the maps it refers to', async () => {
        const result = await server.connection.sendRequest(CompletionRequest.type, {
            ...doc('district.remit'), position: at(DISTRICT, 'recommend Coach', 'recommend '.length),
            context: { triggerKind: 2, triggerCharacter: ' ' }
        });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
        const order = [...items].sort((a, b) => (a.sortText ?? '') < (b.sortText ?? '') ? -1 : (a.sortText ?? '') > (b.sortText ?? '') ? 1 : 0).map(i => i.label);
        expect(order[0]).toBe('Coach');
        expect(order.slice(1)).toEqual(expect.arrayContaining(['Lakeside.Principal', 'Lakeside.ILT']));
    });

    test('gives the outline and workspace symbols', async () => {
        const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, doc('district.remit')) as DocumentSymbol[];
        expect(symbols.map(s => s.name)).toEqual(['District']);
        expect(symbols[0].children?.map(s => s.name)).toEqual(['Coach', 'Induction']);
        const found = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'mentor' });
        expect(found?.map(s => s.name)).toEqual(['District.MentorProgram']);
    });
});
