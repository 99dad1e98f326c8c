// The VS Code side of Remit: starts the bundled language server and adds the preview and
// the commands. Every check and every rendering happens in the server.
import * as vscode from 'vscode';
import {
    LanguageClient, TransportKind,
    type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import { anyMap, exportDiagram, exportDiagramPng, generateCharter, newMap, remitUri, type GenerateOptions, type NewMapOptions } from './commands.js';
import { RemitPreview, type PreviewRendered, type PreviewTab } from './preview.js';
import { FINDINGS_VIEW, FindingsView, type FindingNode } from './findings.js';
import { compareWithHead, REVIEW_SCHEME, ReviewDocuments, type CompareOptions } from './review.js';
import { BuiltinSourceRequest } from '../shared/protocol.js';
import { clientRequest } from './requests.js';

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
    readonly findings: {
        /** The "Remit: findings" view's tree: maps, their rules, their findings. */
        readonly tree: () => FindingNode[];
        /** How the view shows a node (label, description, the command a click runs). */
        readonly item: (node: FindingNode) => vscode.TreeItem;
    };
}

export function activate(context: vscode.ExtensionContext): RemitExtensionApi {
    client = createClient(context);
    const ready = client.start();
    const lc = client;

    const openPreview = async (arg?: unknown, tab?: PreviewTab) => {
        // From the walkthrough no map is active: take one that is open, else the workspace's first.
        const uri = remitUri(arg) ?? await anyMap();
        if (!uri) {
            void vscode.window.showWarningMessage('There is no .remit map to preview yet. Create one with Remit: New Map from Template..., or open a folder of maps.');
            return;
        }
        RemitPreview.show(context, lc, uri, tab);
    };

    const reviews = new ReviewDocuments();
    const findings = new FindingsView();
    void vscode.commands.executeCommand('setContext', 'remit.active', true);
    context.subscriptions.push(
        reviews,
        findings,
        vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: findings, showCollapseAll: true }),
        vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, reviews),
        vscode.commands.registerCommand('remit.openPreview', (arg?: unknown) => openPreview(arg)),
        vscode.commands.registerCommand('remit.showMatrix', (arg?: unknown) => openPreview(arg, 'matrix')),
        vscode.commands.registerCommand('remit.generateCharter', (arg?: unknown, options?: GenerateOptions) => generateCharter(lc, arg, options)),
        vscode.commands.registerCommand('remit.exportDiagram', (arg?: unknown, options?: GenerateOptions) => exportDiagram(lc, arg, options)),
        vscode.commands.registerCommand('remit.exportDiagramPng', (arg?: unknown, options?: GenerateOptions) => exportDiagramPng(lc, arg, options)),
        vscode.commands.registerCommand('remit.newMap', (options?: NewMapOptions) => newMap(lc, options)),
        vscode.commands.registerCommand('remit.compareWithHead', (arg?: unknown, options?: CompareOptions) => compareWithHead(lc, reviews, arg, options)),
        vscode.commands.registerCommand('remit.restartServer', () => lc.restart()),
        vscode.window.registerWebviewPanelSerializer(RemitPreview.viewType, {
            async deserializeWebviewPanel(panel, state) {
                RemitPreview.revive(context, lc, panel, state as Parameters<typeof RemitPreview.revive>[3]);
            }
        }),
        { dispose: () => RemitPreview.active?.dispose() },
        // Go to Definition on a built-in level opens the built-in schemes, read-only.
        vscode.workspace.registerTextDocumentContentProvider('remit-builtin', {
            async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
                await ready;
                const result = await lc.sendRequest(clientRequest(BuiltinSourceRequest), { uri: uri.toString() });
                return result.text ?? `// ${result.error ?? 'This document is not available.'}\n`;
            }
        })
    );

    return {
        ready,
        preview: { onDidRender: RemitPreview.onDidRender, lastRendered: () => RemitPreview.lastRendered },
        findings: { tree: () => findings.tree(), item: node => findings.getTreeItem(node) }
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
    const languageClient = new LanguageClient('remit', 'Remit', serverOptions, clientOptions);
    // Tells the server that this editor can open `remit-builtin:` documents (served above).
    languageClient.registerFeature({
        fillClientCapabilities(capabilities) {
            capabilities.experimental = { ...(capabilities.experimental as object | undefined), remitBuiltinDocuments: true };
        },
        getState: () => ({ kind: 'static' }),
        initialize() { /* nothing to set up */ },
        clear() { /* nothing to clear */ }
    });
    return languageClient;
}
