import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { ServerUnderTest } from './stdio-client.js';

let server: ServerUnderTest | undefined;
afterEach(async () => server?.stop());

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
