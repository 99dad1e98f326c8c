// The VS Code side of Remit: starts the bundled language server and adds the preview and
// the commands. Every check and every rendering happens in the server.
import * as vscode from 'vscode';
import {
    LanguageClient, TransportKind,
    type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import { exportDiagram, exportDiagramPng, generateCharter, newMap, remitUri, type GenerateOptions, type NewMapOptions } from './commands.js';
import { RemitPreview, type PreviewRendered, type PreviewTab } from './preview.js';
import { compareWithHead, type CompareOptions } from './review.js';

let client: LanguageClient | undefined;

/** What activate() returns: used by the integration tests and by other extensions. */
export interface RemitExtensionApi {
    /** Resolves when the language server has started. */
    readonly ready: Promise<void>;
    readonly preview: {
        /** Fires each time the preview has drawn an update in its webview. */
        readonly onDidRender: vscode.Event<PreviewRendered>;
        /** What the preview last drew, if it is open. */
        readonly lastRendered: () => PreviewRendered | undefined;
    };
}

export function activate(context: vscode.ExtensionContext): RemitExtensionApi {
    client = createClient(context);
    const ready = client.start();
    const lc = client;

    const openPreview = (arg?: unknown, tab?: PreviewTab) => {
        const uri = remitUri(arg);
        if (!uri) {
            void vscode.window.showWarningMessage('Open a .remit map to preview it.');
            return;
        }
        RemitPreview.show(context, lc, uri, tab);
    };

    context.subscriptions.push(
        vscode.commands.registerCommand('remit.openPreview', (arg?: unknown) => openPreview(arg)),
        vscode.commands.registerCommand('remit.showMatrix', (arg?: unknown) => openPreview(arg, 'matrix')),
        vscode.commands.registerCommand('remit.generateCharter', (arg?: unknown, options?: GenerateOptions) => generateCharter(lc, arg, options)),
        vscode.commands.registerCommand('remit.exportDiagram', (arg?: unknown, options?: GenerateOptions) => exportDiagram(lc, arg, options)),
        vscode.commands.registerCommand('remit.exportDiagramPng', (arg?: unknown, options?: GenerateOptions) => exportDiagramPng(lc, arg, options)),
        vscode.commands.registerCommand('remit.newMap', (options?: NewMapOptions) => newMap(lc, options)),
        vscode.commands.registerCommand('remit.compareWithHead', (arg?: unknown, options?: CompareOptions) => compareWithHead(lc, arg, options)),
        vscode.commands.registerCommand('remit.restartServer', () => lc.restart()),
        vscode.window.registerWebviewPanelSerializer(RemitPreview.viewType, {
            async deserializeWebviewPanel(panel, state) {
                RemitPreview.revive(context, lc, panel, state as Parameters<typeof RemitPreview.revive>[3]);
            }
        }),
        { dispose: () => RemitPreview.active?.dispose() }
    );

    return {
        ready,
        preview: { onDidRender: RemitPreview.onDidRender, lastRendered: () => RemitPreview.lastRendered }
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
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
    return new LanguageClient('remit', 'Remit', serverOptions, clientOptions);
}
