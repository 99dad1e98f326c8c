// The VS Code side of Remit: starts the bundled language server and adds the commands.
import * as vscode from 'vscode';
import {
    LanguageClient, TransportKind,
    type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** What activate() returns: used by the integration tests and by other extensions. */
export interface RemitExtensionApi {
    /** Resolves when the language server has started. */
    readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): RemitExtensionApi {
    const ready = startClient(context);
    context.subscriptions.push(
        vscode.commands.registerCommand('remit.restartServer', async () => {
            await client?.restart();
        })
    );
    return { ready };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'remit' },
            { scheme: 'untitled', language: 'remit' }
        ],
        synchronize: {
            // Maps that change on disk (git checkout, remit fmt) and the rule settings.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.remit,remit.json}')
        }
    };
    client = new LanguageClient('remit', 'Remit', serverOptions, clientOptions);
    await client.start();
}
