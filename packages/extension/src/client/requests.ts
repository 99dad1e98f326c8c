import { RequestType } from 'vscode-languageclient/node';
import type { RemitRequest } from '../shared/protocol.js';

/** A request of the protocol as the client's vscode-languageclient types it. */
export function clientRequest<P, R, E>(request: RemitRequest<P, R, E>): RequestType<P, R, E> {
    return new RequestType<P, R, E>(request.method);
}
