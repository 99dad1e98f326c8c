// How the server reads and writes LSP's messages (issue 14: a query must not wait behind a
// queue of superseded edits): the framing reader hands on every message a chunk completes,
// whatever the chunking; the writer's bytes read back the same; edits to one document that
// arrive back to back reach the server as one edit that leaves the same text and version.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { TextDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { Emitter, type DataCallback, type Message, type MessageReader, type PartialMessageInfo } from 'vscode-languageserver';
import { CoalescingMessageReader, foldWithinLine } from '../../src/lsp/coalescing-reader.js';
import { DirectMessageWriter } from '../../src/lsp/direct-writer.js';
import { EagerStreamMessageReader } from '../../src/lsp/stream-reader.js';

const frame = (message: unknown): Buffer => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/** Feeds `bytes` to a reader in the given chunk sizes; returns the messages and errors it reported. */
function readInChunks(bytes: Buffer, sizes: number[]): { messages: unknown[]; errors: string[] } {
    const stream = new PassThrough();
    const reader = new EagerStreamMessageReader(stream);
    const messages: unknown[] = [];
    const errors: string[] = [];
    reader.onError(error => errors.push(error.message));
    reader.listen(message => messages.push(message));
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
        const size = Math.max(1, sizes[i % Math.max(1, sizes.length)] ?? bytes.length);
        stream.emit('data', bytes.subarray(at, at + size));
        at += size;
    }
    return { messages, errors };
}

const jsonValue = fc.record({
    jsonrpc: fc.constant('2.0'),
    method: fc.string({ minLength: 1, maxLength: 20 }),
    params: fc.record({ text: fc.string({ unit: 'binary', maxLength: 300 }), n: fc.integer() })
});

describe('reading LSP messages from a stream', () => {
    test('every message, in order, however the bytes are split into chunks', () => {
        fc.assert(fc.property(fc.array(jsonValue, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 30 }), (messages, sizes) => {
            const bytes = Buffer.concat(messages.map(frame));
            const read = readInChunks(bytes, sizes);
            expect(read.errors).toEqual([]);
            expect(read.messages).toEqual(JSON.parse(JSON.stringify(messages)));
        }), { numRuns: 200 });
    });

    test('a message split one byte at a time, and a large one across many chunks', () => {
        const small = { jsonrpc: '2.0', method: 'initialized', params: { name: 'Lycée Jean-Moulin, Québec 🏫' } };
        expect(readInChunks(frame(small), [1]).messages).toEqual([small]);
        const large = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'decision X "é"\n'.repeat(50_000) } };
        expect(readInChunks(frame(large), [65_536]).messages).toEqual([large]);
    });

    test('a header LSP does not allow is reported in vscode-jsonrpc\'s words, and nothing after it is read', () => {
        const bad = Buffer.concat([Buffer.from('Content-Length: abc\r\n\r\n{}'), frame({ jsonrpc: '2.0', method: 'exit' })]);
        expect(readInChunks(bad, [5])).toEqual({ messages: [], errors: ['Content-Length value must be a number. Got abc'] });
        const missing = readInChunks(Buffer.from('Content-Type: x\r\n\r\n{}'), []);
        expect(missing.errors[0]).toMatch(/^Header must provide a Content-Length property\./);
        const notJson = readInChunks(Buffer.from('Content-Length: 2\r\n\r\n{x'), []);
        expect(notJson.errors).toHaveLength(1);
        expect(readInChunks(Buffer.alloc(10_000, 'a'), []).errors[0]).toMatch(/header is longer than/);
    });

    test('what the writer writes reads back the same, one message per write and in order', async () => {
        const stream = new PassThrough();
        const writer = new DirectMessageWriter(stream);
        const reader = new EagerStreamMessageReader(stream);
        const read: unknown[] = [];
        reader.listen(message => read.push(message));
        const sent = Array.from({ length: 50 }, (_, i) => ({ jsonrpc: '2.0', id: i, result: { contents: `Décision ${i} ✓` } }));
        for (const message of sent) void writer.write(message as Message);
        await new Promise(resolve => setImmediate(resolve));
        expect(read).toEqual(sent);
    });
});

/** A reader the test feeds by hand. */
class FedReader implements MessageReader {
    private callback: DataCallback = () => undefined;
    readonly onError = new Emitter<Error>().event;
    readonly onClose = new Emitter<void>().event;
    readonly onPartialMessage = new Emitter<PartialMessageInfo>().event;
    listen(callback: DataCallback) {
        this.callback = callback;
        return { dispose: () => undefined };
    }
    feed(message: unknown): void {
        this.callback(message as Message);
    }
    dispose(): void {}
}

const didChange = (uri: string, version: number, contentChanges: unknown[]) => ({
    jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges }
});
const insert = (character: number, text: string) => ({ range: { start: { line: 0, character }, end: { line: 0, character } }, text });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the messages are read as JSON, field by field
type Json = Record<string, any>;

async function coalesced(messages: unknown[]): Promise<Json[]> {
    const inner = new FedReader();
    const handedOn: Json[] = [];
    new CoalescingMessageReader(inner).listen(message => handedOn.push(message as Json));
    for (const message of messages) inner.feed(message);
    await new Promise(resolve => setImmediate(resolve));
    return handedOn;
}

describe('edits that arrive back to back', () => {
    test('reach the server as one edit with the last version, in the order the editor sent them around other messages', async () => {
        const hover = { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.remit' }, position: { line: 0, character: 0 } } };
        const out = await coalesced([
            didChange('file:///a.remit', 2, [insert(0, 'a')]),
            didChange('file:///a.remit', 3, [insert(5, 'b')]),
            hover,
            didChange('file:///a.remit', 4, [insert(0, 'c')]),
            didChange('file:///b.remit', 7, [insert(0, 'd')]),
            didChange('file:///a.remit', 5, [insert(0, 'e')])
        ]);
        expect(out.map(m => m.method === 'textDocument/didChange' ? `${m.params.textDocument.uri.slice(8)}@${m.params.textDocument.version}:${m.params.contentChanges.length}` : m.method))
            .toEqual(['a.remit@3:2', 'textDocument/hover', 'a.remit@4:1', 'b.remit@7:1', 'a.remit@5:1']);
    });

    test('typing a word and deleting it again folds into one change on the line', async () => {
        const typed = [...'policy'].map((letter, i) => didChange('file:///a.remit', i + 2, [insert(10 + i, letter)]));
        const deleted = [5, 4, 3, 2, 1, 0].map((i, k) => didChange('file:///a.remit', 8 + k, [{ range: { start: { line: 0, character: 10 + i }, end: { line: 0, character: 11 + i } }, text: '' }]));
        const [word] = await coalesced(typed);
        expect(word.params.contentChanges).toEqual([insert(10, 'policy')]);
        const [nothing] = await coalesced([...typed, ...deleted]);
        expect(nothing.params.contentChanges).toEqual([insert(10, '')]);
        expect(nothing.params.textDocument.version).toBe(13);
    });

    test('any run of edits leaves the same text and version merged as applied one by one', async () => {
        const lines = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '𝄞', '"'), maxLength: 12 }), { minLength: 1, maxLength: 5 });
        const edit = fc.record({
            line: fc.nat(), from: fc.nat(), length: fc.nat({ max: 4 }), spanLines: fc.nat({ max: 2 }) ,
            text: fc.string({ unit: fc.constantFrom('x', 'y', '\n', '\r\n', ' ', 'ü'), maxLength: 4 }), whole: fc.nat({ max: 19 })
        });
        await fc.assert(fc.asyncProperty(lines, fc.array(edit, { minLength: 1, maxLength: 25 }), async (start, edits) => {
            const text = start.join('\n');
            const oneByOne = TextDocument.create('file:///a.remit', 'remit', 1, text);
            const messages = edits.map((e, i) => {
                const lineCount = oneByOne.lineCount;
                const line = e.line % lineCount;
                const endLine = Math.min(lineCount - 1, line + e.spanLines);
                // Positions inside their line, as editors send them (a character past a line's end is clamped one edit at a time).
                const lineLength = (l: number) => oneByOne.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }).replace(/(\r\n|\n|\r)$/, '').length;
                const from = e.from % (lineLength(line) + 1);
                const to = endLine === line ? Math.min(lineLength(line), from + e.length) : Math.min(lineLength(endLine), e.length);
                const change = e.whole === 0
                    ? { text: e.text }
                    : { range: { start: { line, character: from }, end: { line: endLine, character: to } }, text: e.text };
                TextDocument.update(oneByOne, [change], i + 2);
                return didChange('file:///a.remit', i + 2, [change]);
            });
            const [merged] = await coalesced(messages);
            const together = TextDocument.create('file:///a.remit', 'remit', 1, text);
            TextDocument.update(together, merged.params.contentChanges, merged.params.textDocument.version);
            expect(together.getText()).toBe(oneByOne.getText());
            expect(together.version).toBe(oneByOne.version);
        }), { numRuns: 400 });
    });

    test('changes that do not meet, or span lines, are not folded', () => {
        expect(foldWithinLine(insert(3, 'a'), insert(5, 'b'))).toBeUndefined();
        expect(foldWithinLine(insert(3, 'a'), { range: { start: { line: 0, character: 3 }, end: { line: 1, character: 0 } }, text: '' })).toBeUndefined();
        expect(foldWithinLine(insert(3, 'a\n'), insert(4, 'b'))).toBeUndefined();
        expect(foldWithinLine(insert(3, 'ab'), { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, text: 'Z' }))
            .toEqual({ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: 'Zb' });
    });
});
