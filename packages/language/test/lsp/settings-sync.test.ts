import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, DidChangeWatchedFilesNotification, FileChangeType, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
    type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

const remitBin = fileURLToPath(new URL('../../../cli/bin/remit.js', import.meta.url));

/** The real server, spawned as an editor would (`remit lsp --stdio`), with a JSON-RPC client. */
class ServerUnderTest {
    readonly process: ChildProcess;
    readonly connection: ProtocolConnection;
    readonly published = new Map<string, PublishDiagnosticsParams>();
    private waiters: Array<() => void> = [];

    constructor() {
        this.process = spawn(process.execPath, [remitBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.published.set(params.uri, params);
            this.waiters.forEach(w => w());
        });
        this.connection.listen();
    }

    async start(folder: string): Promise<void> {
        const uri = pathToFileURL(folder).toString();
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: uri, capabilities: {},
            workspaceFolders: [{ uri, name: 'maps' }]
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
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

    stop(): void {
        this.connection.dispose();
        this.process.kill();
    }
}

let server: ServerUnderTest | undefined;
afterEach(() => server?.stop());

describe('remit.json in the language server', () => {
    test('a broken remit.json is shown at its line, and fixing it re-checks every map', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'remit-lsp-'));
        const mapFile = path.join(folder, 'school.remit');
        const configFile = path.join(folder, 'remit.json');
        writeFileSync(mapFile, 'map School "A school"\nrole Head "Head" { kind administrator  kind teacher }\n');
        writeFileSync(configFile, '{\n  "rules": {\n    "duplicate-propertee": "off"\n  }\n}\n');
        const mapUri = pathToFileURL(mapFile).toString();
        const configUri = pathToFileURL(configFile).toString();

        server = new ServerUnderTest();
        await server.start(folder);
        await server.until(() => (server!.published.get(configUri)?.diagnostics.length ?? 0) > 0
            && (server!.published.get(mapUri)?.diagnostics.some(d => d.code === 'duplicate-property') ?? false));
        const problem = server.published.get(configUri)!.diagnostics[0];
        expect(problem.range.start.line).toBe(2);
        expect(problem.message).toContain("unknown rule 'duplicate-propertee'");
        expect(problem.message).toContain("Did you mean 'duplicate-property'?");

        writeFileSync(configFile, '{ "rules": { "duplicate-property": "off" } }\n');
        await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: configUri, type: FileChangeType.Changed }]
        });
        await server.until(() => server!.published.get(configUri)?.diagnostics.length === 0
            && !(server!.published.get(mapUri)?.diagnostics.some(d => d.code === 'duplicate-property') ?? true));
        expect(server.published.get(mapUri)!.diagnostics.map(d => d.code)).not.toContain('duplicate-property');
    });
});
