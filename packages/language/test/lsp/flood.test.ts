// Reads during a flood of edits (issue 14): over real stdio JSON-RPC, edits are sent
// without waiting and hovers, completions, definitions and outlines are asked in between.
// Each must answer for the text the editor had when it asked (or newer), never for an
// older one, and the server must build far fewer times than it was sent edits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentSymbolRequest,
    HoverRequest,
    type CompletionItem, type CompletionList, type DocumentSymbol, type Location, type LocationLink, type MarkupContent
} from 'vscode-languageserver-protocol/node';
import { ServerUnderTest } from './stdio-client.js';

const EDITS = 400;
/** Enough decisions that one build takes much longer than it takes to send an edit. */
const DECISIONS = 150;

/** The map as of edit `n`: the first decision's title says which edit it is; the last edit misspells a role. */
function mapAt(n: number): string {
    const lines = ['map Flood "Flood"', 'uses School', 'role Head "Head" { kind administrator }', 'role Staff "Staff" { kind teacher }', 'domain D "D" {'];
    lines.push(`  decision Budget "Edit ${n}" {`, `    decide Head consult ${n === EDITS ? 'Staf' : 'Staff'}`, '  }');
    for (let i = 0; i < DECISIONS; i++) lines.push(`  decision X${i} "Decision ${i}" { decide Head recommend Staff }`);
    lines.push('}', '');
    return lines.join('\n');
}

/** The edit number a hover, a symbol or a title shows. */
function editOf(text: string | undefined): number {
    const found = /Edit (\d+)/.exec(text ?? '');
    if (!found) throw new Error(`no edit number in ${JSON.stringify(text)}`);
    return Number(found[1]);
}

let folder: string;
let server: ServerUnderTest;
const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).toString();

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'remit-lsp-flood-'));
    writeFileSync(path.join(folder, 'flood.remit'), mapAt(0));
    server = new ServerUnderTest();
    await server.start(folder);
    await server.until(() => server.published.has(uriOf('flood.remit')));
});

afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('reads during a flood of edits', () => {
    test('answer for the latest text, while the edits are built far fewer times than they arrive', async () => {
        const uri = uriOf('flood.remit');
        const publishedBefore = server.publications.get(uri) ?? 0;
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'remit', version: 0, text: mapAt(0) } });

        const answers: Array<Promise<{ kind: string; asked: number; edit: number }>> = [];
        const position = { line: 5, character: 13 };          // on `Budget`
        const decidePosition = { line: 6, character: 12 };    // on `Head` after `decide`
        for (let n = 1; n <= EDITS; n++) {
            void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: n }, contentChanges: [{ text: mapAt(n) }] });
            if (n % 10 !== 5) continue;
            const asked = n;
            answers.push(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })
                .then(hover => ({ kind: 'hover', asked, edit: editOf((hover?.contents as MarkupContent | undefined)?.value) })));
            answers.push(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })
                .then(symbols => {
                    const budget = (symbols as DocumentSymbol[])[0].children?.find(s => s.name === 'D')?.children?.find(s => s.name === 'Budget');
                    return { kind: 'outline', asked, edit: editOf(budget?.detail) };
                }));
            if (n % 50 === 25) {
                // These show no edit number: they must answer, and for positions of the latest text.
                answers.push(server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: decidePosition })
                    .then(links => {
                        const target = (links as Array<Location | LocationLink>)[0];
                        const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
                        expect(range.start).toEqual({ line: 2, character: 5 });
                        return { kind: 'definition', asked, edit: asked };
                    }));
                answers.push(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: decidePosition })
                    .then(list => {
                        const items = Array.isArray(list) ? list : (list as CompletionList | null)?.items ?? [];
                        expect(items.map((i: CompletionItem) => i.label)).toContain('Head');
                        return { kind: 'completion', asked, edit: asked };
                    }));
            }
        }
        const answered = await Promise.all(answers);
        // Every answer is for the text as of the edit sent just before it was asked, or a newer one.
        const stale = answered.filter(a => a.edit < a.asked);
        expect(stale).toEqual([]);
        expect(answered.filter(a => a.kind === 'hover')).toHaveLength(EDITS / 10);

        // The last edit's diagnostics arrive; they are those of a fresh build of the same text.
        await server.until(() => server.published.get(uri)!.diagnostics.some(d => /'Staf'/.test(String(d.message))));
        const final = server.published.get(uri)!.diagnostics;
        // Each build publishes the map's diagnostics once: far fewer builds than edits.
        const builds = server.publications.get(uri)! - publishedBefore;
        expect(builds).toBeLessThan(EDITS / 4);

        const fresh = mkdtempSync(path.join(tmpdir(), 'remit-lsp-flood-fresh-'));
        writeFileSync(path.join(fresh, 'flood.remit'), mapAt(EDITS));
        const other = new ServerUnderTest();
        try {
            await other.start(fresh);
            const freshUri = pathToFileURL(path.join(fresh, 'flood.remit')).toString();
            await other.until(() => other.published.has(freshUri));
            expect(final).toEqual(other.published.get(freshUri)!.diagnostics);
            expect(final.length).toBeGreaterThan(0);
        } finally {
            await other.stop();
            rmSync(fresh, { recursive: true, force: true });
        }
    }, 120_000);
});
