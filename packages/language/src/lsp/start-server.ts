import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import {
    createConnection, IPCMessageReader, IPCMessageWriter, LSPErrorCodes, ProposedFeatures, ResponseError,
    type CancellationToken, type Connection
} from 'vscode-languageserver/node';
import { createRemitServices } from './remit-lsp-module.js';
import { registerBuiltinSource } from './builtin-source.js';
import { answeringLatestText, latestTextBuilds } from './latest-text.js';
import { CoalescingMessageReader } from './coalescing-reader.js';
import { DirectMessageWriter } from './direct-writer.js';
import { EagerStreamMessageReader } from './stream-reader.js';

/**
 * Starts the Remit language server. `stdio` for `remit lsp --stdio` and other editors;
 * `ipc` when VS Code starts it as a child process.
 */
export function startRemitLanguageServer(transport: 'stdio' | 'ipc' = 'stdio'): void {
    if (transport === 'stdio') {
        // stdout carries the protocol: anything printed there would corrupt it.
        console.log = (...args: unknown[]) => console.error(...args);
    }
    let connection: Connection;
    if (transport === 'stdio') {
        const reader = new EagerStreamMessageReader(process.stdin);
        // A message the server cannot read (a header such as `Content-Length: abc`) leaves
        // the stream out of step for good: say so and end, rather than stay alive but deaf.
        reader.onError(err => {
            console.error(`remit language server: the editor sent a message that could not be read (${err.message.split('\n')[0]}); closing the connection.`);
            process.exit(1);
        });
        connection = createConnection(ProposedFeatures.all, new CoalescingMessageReader(reader), new DirectMessageWriter(process.stdout));
    } else {
        connection = createConnection(ProposedFeatures.all, new CoalescingMessageReader(new IPCMessageReader(process)), new IPCMessageWriter(process));
    }
    const built: { shared?: LangiumSharedServices } = {};
    connection = answeringLatestText(honouringCancellation(connection), () => latestTextBuilds(built.shared));
    const { shared } = createRemitServices({ connection, ...NodeFileSystem });
    built.shared = shared;
    registerBuiltinSource(connection);
    startLanguageServer(shared);
}

/**
 * The connection, with every request handler answering "cancelled" (as LSP asks) when the
 * editor cancelled the request while it was being worked on, instead of a stale answer.
 */
export function honouringCancellation(connection: Connection): Connection {
    return new Proxy(connection, {
        get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver) as unknown;
            if (typeof property !== 'string' || !property.startsWith('on') || typeof value !== 'function') return value;
            return (...args: unknown[]) => value.apply(target, args.map(arg => typeof arg === 'function' ? cancellable(arg as Handler) : arg));
        }
    });
}

type Handler = (...args: unknown[]) => unknown;

function cancellable(handler: Handler): Handler {
    return (...args: unknown[]) => {
        const token = args.find(isToken);
        const result = handler(...args);
        if (!token || !(result instanceof Promise)) return result;
        return result.then(value => token.isCancellationRequested
            ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.')
            : value);
    };
}

function isToken(value: unknown): value is CancellationToken {
    return typeof value === 'object' && value !== null && typeof (value as CancellationToken).isCancellationRequested === 'boolean'
        && typeof (value as CancellationToken).onCancellationRequested === 'function';
}
