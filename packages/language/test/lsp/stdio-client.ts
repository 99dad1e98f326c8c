import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createProtocolConnection, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type ClientCapabilities, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

const remitBin = fileURLToPath(new URL('../../../cli/bin/remit.js', import.meta.url));

/** The real server, spawned as an editor would (`remit lsp --stdio`), with a JSON-RPC client. */
export class ServerUnderTest {
    readonly process: ChildProcess;
    readonly connection: ProtocolConnection;
    readonly published = new Map<string, PublishDiagnosticsParams>();
    /** How many times each document's diagnostics were published. */
    readonly publications = new Map<string, number>();
    private waiters: Array<() => void> = [];

    constructor() {
        this.process = spawn(process.execPath, [remitBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.published.set(params.uri, params);
            this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
            this.waiters.forEach(w => w());
        });
        this.connection.listen();
    }

    async start(folder: string, capabilities: ClientCapabilities = {}): Promise<InitializeResult> {
        const uri = pathToFileURL(folder).toString();
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: uri, capabilities,
            workspaceFolders: [{ uri, name: 'maps' }]
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    /** Resolves once a publication satisfies `condition`: event driven, no fixed sleeps. */
    until(condition: () => boolean): Promise<void> {
        return new Promise(resolve => {
            const check = () => {
                if (condition()) {
                    this.waiters = this.waiters.filter(w => w !== check);
                    resolve();
                }
            };
            this.waiters.push(check);
            check();
        });
    }

    async stop(): Promise<void> {
        await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        this.connection.dispose();
        this.process.kill();
    }
}
