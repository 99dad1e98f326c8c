import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver';

/**
 * Writes each JSON-RPC message to a stream at once, in order (a stream keeps the order of
 * its writes and buffers what the pipe cannot take yet).
 *
 * vscode-jsonrpc's `StreamMessageWriter` hands one message per turn of the event loop to the
 * stream and waits for each write to be flushed. After a flood of edits the server answers
 * many hovers at once: queued that way, the answers waited for the checks that run after
 * them (a map's checks take one long turn) instead of going out with the hovers. An editor
 * that writes the same way (2,000 edits take it some 170 to 200 ms on the bench's machine
 * even when nobody reads them) measured its own queue instead of the server.
 */
export class DirectMessageWriter extends AbstractMessageWriter implements MessageWriter {
    constructor(private readonly stream: Writable) {
        super();
        stream.on('error', (error: Error) => this.fireError(error));
        stream.on('close', () => this.fireClose());
    }

    private corked = false;

    write(message: Message): Promise<void> {
        // Messages written in one go (answers to a batch of hovers, a burst of edits) leave
        // in one system call: the stream is corked until the current task ends.
        if (!this.corked) {
            this.corked = true;
            this.stream.cork();
            process.nextTick(() => {
                this.corked = false;
                this.stream.uncork();
            });
        }
        const json = JSON.stringify(message);
        this.stream.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`, 'utf8');
        return Promise.resolve();
    }

    end(): void {
        this.stream.end();
    }
}
