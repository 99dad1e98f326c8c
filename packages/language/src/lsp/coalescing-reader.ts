import type { DataCallback, Disposable, Event, Message, MessageReader, PartialMessageInfo } from 'vscode-languageserver';

const DID_CHANGE = 'textDocument/didChange';

interface ContentChange { range?: unknown; text: string }
interface DidChange {
    jsonrpc: string;
    method: typeof DID_CHANGE;
    params: { textDocument: { uri: string; version: number }; contentChanges: ContentChange[] };
}

/**
 * The editor's messages, with edits to one document that arrive back to back handed on as
 * one edit. LSP applies a change notification's content changes in order, so edits
 * `e1, e2, …, en` to one document read as a single notification with the changes of all of
 * them and the version of the last one: the text, and the version, come out the same.
 *
 * Why: the connection handles one message per turn of the event loop, and each edit then
 * goes through the text's update and the build's bookkeeping. During a flood (a paste, a
 * macro, a formatter's many small edits) a query queued behind 2,000 edits used to wait
 * until every one of them had been handled one by one; merged, they are a handful.
 *
 * Only edits already read are merged, and only up to the next message of any other kind
 * (a hover, a save, an edit to another document), so the order the editor sent things in
 * is kept: a request is always answered after the edits sent before it and before the
 * edits sent after it. Merged edits are handed on once the messages read so far are all
 * handled by this reader (a `setImmediate`), never held for a timer.
 */
export class CoalescingMessageReader implements MessageReader {
    constructor(private readonly inner: MessageReader) {}

    get onError(): Event<Error> {
        return this.inner.onError;
    }

    get onClose(): Event<void> {
        return this.inner.onClose;
    }

    get onPartialMessage(): Event<PartialMessageInfo> {
        return this.inner.onPartialMessage;
    }

    listen(callback: DataCallback): Disposable {
        let pending: DidChange | undefined;
        let handOn: ReturnType<typeof setImmediate> | undefined;
        const flush = (): void => {
            if (handOn !== undefined) clearImmediate(handOn);
            handOn = undefined;
            const edit = pending;
            pending = undefined;
            if (edit) callback(edit as unknown as Message);
        };
        const listening = this.inner.listen(message => {
            if (!isDidChange(message)) {
                flush();
                callback(message);
                return;
            }
            if (pending && pending.params.textDocument.uri === message.params.textDocument.uri) {
                mergeInto(pending, message);
            } else {
                flush();
                pending = { ...message, params: { ...message.params, contentChanges: [...message.params.contentChanges] } };
            }
            handOn ??= setImmediate(flush);
        });
        return {
            dispose: () => {
                flush();
                listening.dispose();
            }
        };
    }

    dispose(): void {
        this.inner.dispose();
    }
}

/**
 * Appends `later`'s changes to `edit`. A change that replaces the whole text makes the ones
 * before it moot; a change inside one line that touches the text the change before it put
 * there (typing a word, a letter typed and deleted again) is folded into that change, so the
 * editor's text is rebuilt once for the run instead of once per keystroke.
 */
function mergeInto(edit: DidChange, later: DidChange): void {
    const changes = edit.params.contentChanges;
    for (const change of later.params.contentChanges) {
        if (change.range === undefined) changes.length = 0;
        const folded = changes.length > 0 ? foldWithinLine(changes[changes.length - 1], change) : undefined;
        if (folded) changes[changes.length - 1] = folded;
        else changes.push(change);
    }
    edit.params.textDocument = later.params.textDocument;
}

interface LineRange { start: { line: number; character: number }; end: { line: number; character: number } }

/**
 * `first` then `second` as one change, when both stay inside one line and `second`'s range
 * meets the text `first` put there; otherwise undefined. Positions are UTF-16 code units,
 * as LSP's (and JavaScript's strings) are. Editors send positions inside their line; one
 * past the line's end would be clamped by each change on its own, which folding cannot do.
 *
 * In `first`'s result, its text spans [a1, a1 + |t1|) of the line. `second` replaces
 * [a2, b2) of that result, which overlaps or touches that span: whatever else it removes
 * (before a1 or after the span) is text of the original line, so the two together replace
 * [min(a1, a2), b1 + max(0, b2 - (a1 + |t1|))) of the original line with the part of t1
 * before a2, t2, and the part of t1 after b2.
 */
export function foldWithinLine(first: ContentChange, second: ContentChange): ContentChange | undefined {
    const r1 = singleLine(first.range);
    const r2 = singleLine(second.range);
    if (!r1 || !r2 || r1.line !== r2.line || hasLineBreak(first.text) || hasLineBreak(second.text)) return undefined;
    const { from: a1, to: b1 } = r1;
    const { from: a2, to: b2 } = r2;
    const spanEnd = a1 + first.text.length;
    if (a2 > spanEnd || b2 < a1) return undefined;
    const text = first.text.slice(0, Math.max(0, a2 - a1)) + second.text + first.text.slice(Math.min(first.text.length, Math.max(0, b2 - a1)));
    const from = Math.min(a1, a2);
    const to = b1 + Math.max(0, b2 - spanEnd);
    return { range: { start: { line: r1.line, character: from }, end: { line: r1.line, character: to } }, text };
}

function singleLine(range: unknown): { line: number; from: number; to: number } | undefined {
    const r = range as LineRange | undefined;
    if (!r || r.start.line !== r.end.line || r.end.character < r.start.character) return undefined;
    return { line: r.start.line, from: r.start.character, to: r.end.character };
}

function hasLineBreak(text: string): boolean {
    return text.includes('\n') || text.includes('\r');
}

function isDidChange(message: Message): message is Message & DidChange {
    const candidate = message as Partial<DidChange> & { id?: unknown };
    return candidate.method === DID_CHANGE && candidate.id === undefined
        && typeof candidate.params?.textDocument?.uri === 'string'
        && Array.isArray(candidate.params.contentChanges);
}
