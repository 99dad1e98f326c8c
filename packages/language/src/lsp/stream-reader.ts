import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** A header longer than this, without its blank line, is not LSP's. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Reads LSP's framing (`Content-Length: n`, a blank line, n bytes of UTF-8 JSON) from a
 * stream and hands on every message a chunk completes at once, in order.
 *
 * vscode-jsonrpc's `StreamMessageReader` decodes one message per turn of the event loop
 * (behind a lock, so that asynchronous decoders keep the order). With a flood of small edits
 * that turn, not the message, was most of the cost: reading 2,000 edits took the server
 * some 60 ms before a hover queued behind them could be answered. LSP's JSON needs no
 * asynchronous decoder, so the messages of a chunk are parsed there and then.
 *
 * A message that cannot be read (no or a malformed `Content-Length`, a body that is not
 * JSON) is reported with `onError`, in vscode-jsonrpc's words, and nothing after it is read:
 * the stream is out of step for good.
 */
export class EagerStreamMessageReader extends AbstractMessageReader implements MessageReader {
    private chunks: Buffer[] = [];
    private buffered = 0;
    /** The body length of the message being read, once its header is in. */
    private bodyLength: number | undefined;
    private failed = false;

    constructor(private readonly stream: Readable) {
        super();
    }

    listen(callback: DataCallback): Disposable {
        const onData = (data: Buffer | string) => this.read(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
        const onError = (error: Error) => this.fireError(error);
        const onClose = () => this.fireClose();
        this.stream.on('data', onData);
        this.stream.on('error', onError);
        this.stream.on('close', onClose);
        return {
            dispose: () => {
                this.stream.off('data', onData);
                this.stream.off('error', onError);
                this.stream.off('close', onClose);
            }
        };
    }

    private read(data: Buffer, callback: DataCallback): void {
        if (this.failed) return;
        this.chunks.push(data);
        this.buffered += data.length;
        try {
            for (;;) {
                if (this.bodyLength === undefined && !this.readHeader()) return;
                if (this.buffered < this.bodyLength!) return;
                const body = this.take(this.bodyLength!);
                this.bodyLength = undefined;
                callback(JSON.parse(body.toString('utf8')) as Message);
            }
        } catch (error) {
            this.failed = true;
            this.fireError(error);
        }
    }

    /** Reads the header of the next message, if it is all in; throws if it is not LSP's. */
    private readHeader(): boolean {
        const head = this.join();
        const end = head.indexOf(HEADER_END);
        if (end < 0) {
            if (head.length > MAX_HEADER_BYTES) throw new Error(`Message header is longer than ${MAX_HEADER_BYTES} bytes.`);
            return false;
        }
        const fields = new Map<string, string>();
        for (const line of head.toString('ascii', 0, end).split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon < 0) throw new Error(`Message header must separate key and value using ':'\n${line}`);
            fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        const contentLength = fields.get('content-length');
        if (!contentLength) throw new Error(`Header must provide a Content-Length property.\n${JSON.stringify(Object.fromEntries(fields))}`);
        const length = Number.parseInt(contentLength, 10);
        if (Number.isNaN(length) || length < 0) throw new Error(`Content-Length value must be a number. Got ${contentLength}`);
        this.take(end + HEADER_END.length);
        this.bodyLength = length;
        return true;
    }

    /** What is buffered, as one buffer (only called at a message's start, where little is buffered but its header). */
    private join(): Buffer {
        if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
        return this.chunks[0] ?? Buffer.alloc(0);
    }

    /** Removes and returns the first `length` bytes buffered (all of them are in). */
    private take(length: number): Buffer {
        const first = this.chunks[0];
        const taken = first.length >= length ? first.subarray(0, length) : this.join().subarray(0, length);
        const rest = this.chunks[0].subarray(length);
        this.chunks[0] = rest;
        if (rest.length === 0) this.chunks.shift();
        this.buffered -= length;
        return taken;
    }
}
