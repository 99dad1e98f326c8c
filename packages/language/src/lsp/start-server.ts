import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRemitServices } from './remit-lsp-module.js';

/**
 * Starts the Remit language server. `stdio` for `remit lsp --stdio` and other editors;
 * `ipc` when VS Code starts it as a child process.
 */
export function startRemitLanguageServer(transport: 'stdio' | 'ipc' = 'stdio'): void {
    if (transport === 'stdio') {
        // stdout carries the protocol: anything printed there would corrupt it.
        console.log = (...args: unknown[]) => console.error(...args);
    }
    const connection = transport === 'stdio'
        ? createConnection(ProposedFeatures.all, process.stdin, process.stdout)
        : createConnection(ProposedFeatures.all);
    const { shared } = createRemitServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
