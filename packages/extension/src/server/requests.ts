import { RequestType } from 'vscode-languageserver';
import type { RemitRequest } from '../shared/protocol.js';

/** A request of the protocol as the server's vscode-languageserver types it. */
export function serverRequest<P, R, E>(request: RemitRequest<P, R, E>): RequestType<P, R, E> {
    return new RequestType<P, R, E>(request.method);
}
