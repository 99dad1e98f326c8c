// The live preview: the current map's diagram and matrix in a webview beside the editor.
// Follows the active .remit editor, updates as you type (debounced), keeps the last good
// picture under an error banner while the map cannot be read, reveals the source of a
// role or decision that is clicked, and offers a phase selector. One panel, revealed
// rather than duplicated; strict Content Security Policy (nonce scripts, no remote
// resources); restored after a reload.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, type PreviewResult } from '../shared/protocol.js';
import { clientRequest } from './requests.js';

export type PreviewTab = 'diagram' | 'matrix';

interface PanelState { uri?: string; phase?: string; tab?: PreviewTab }

/** What the webview last reported drawing: for tests and status. */
export interface PreviewRendered {
    uri: string;
    map?: string;
    /** Number of <svg> elements in the webview's diagram area. */
    svgs: number;
    /** Whether the error banner is showing. */
    banner: boolean;
    tab: PreviewTab;
    phase?: string;
}

export class RemitPreview implements vscode.Disposable {
    static readonly viewType = 'remit.preview';
    private static current: RemitPreview | undefined;
    private static readonly renderedEmitter = new vscode.EventEmitter<PreviewRendered>();
    /** Fires each time the webview has drawn an update. */
    static readonly onDidRender = RemitPreview.renderedEmitter.event;
    static lastRendered: PreviewRendered | undefined;

    private readonly disposables: vscode.Disposable[] = [];
    private documentUri: vscode.Uri | undefined;
    private phase: string | undefined;
    private tab: PreviewTab = 'diagram';
    private lastGood: PreviewResult | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private sequence = 0;
    private disposed = false;

    static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri, tab?: PreviewTab): RemitPreview {
        if (RemitPreview.current) {
            const preview = RemitPreview.current;
            preview.panel.reveal(undefined, true);
            if (tab) preview.tab = tab;
            preview.setDocument(uri);
            return preview;
        }
        const panel = vscode.window.createWebviewPanel(RemitPreview.viewType, 'Remit Preview',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, RemitPreview.webviewOptions(context));
        return new RemitPreview(context, client, panel, { uri: uri.toString(), tab });
    }

    /** Restores a preview VS Code kept across a reload. */
    static revive(context: vscode.ExtensionContext, client: LanguageClient, panel: vscode.WebviewPanel, state: PanelState | undefined): void {
        panel.webview.options = RemitPreview.webviewOptions(context);
        new RemitPreview(context, client, panel, state ?? {});
    }

    static get active(): RemitPreview | undefined { return RemitPreview.current; }

    private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')]
        };
    }

    private constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
        private readonly panel: vscode.WebviewPanel,
        state: PanelState
    ) {
        RemitPreview.current = this;
        this.phase = state.phase;
        this.tab = state.tab ?? 'diagram';
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images/icon.png');
        panel.webview.html = this.html();
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(m => this.onMessage(m)),
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.document.languageId === 'remit' && e.contentChanges.length) this.schedule();
            }),
            vscode.workspace.onDidSaveTextDocument(d => { if (d.languageId === 'remit') this.schedule(); }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'remit' && editor.document.uri.toString() !== this.documentUri?.toString()) {
                    this.setDocument(editor.document.uri);
                }
            }),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('remit.preview')) this.schedule(); })
        );
        if (state.uri) this.setDocument(vscode.Uri.parse(state.uri));
    }

    /** Shows the map in `uri` (a new document starts without a phase selected). */
    setDocument(uri: vscode.Uri): void {
        if (uri.toString() !== this.documentUri?.toString()) {
            this.documentUri = uri;
            this.lastGood = undefined;
            this.phase = undefined;
        }
        void this.refresh();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        const delay = vscode.workspace.getConfiguration('remit.preview').get<number>('debounce', 300);
        this.timer = setTimeout(() => void this.refresh(), Math.max(0, delay));
    }

    async refresh(): Promise<void> {
        const uri = this.documentUri;
        if (!uri) return;
        const sequence = ++this.sequence;
        let result: PreviewResult;
        try {
            result = await this.client.sendRequest(clientRequest(PreviewRequest), { uri: uri.toString(), phase: this.phase });
        } catch (e) {
            result = { uri: uri.toString(), broken: true, problems: [], locations: {}, error: e instanceof Error ? e.message : String(e) };
        }
        if (sequence !== this.sequence || this.disposed) return; // a newer request is on its way, or the panel closed
        if (!result.broken && !result.error && result.svg) this.lastGood = result;
        this.panel.title = `Preview: ${result.map?.name ?? vscode.workspace.asRelativePath(uri)}`;
        void this.panel.webview.postMessage({
            type: 'update',
            uri: uri.toString(),
            view: this.lastGood,
            map: result.map ?? this.lastGood?.map,
            broken: result.broken,
            problems: result.problems,
            error: result.error,
            phase: this.phase,
            tab: this.tab
        });
    }

    private async onMessage(message: { type: string; [key: string]: unknown }): Promise<void> {
        switch (message.type) {
            case 'ready':
                await this.refresh();
                break;
            case 'phase':
                this.phase = typeof message.phase === 'string' && message.phase ? message.phase : undefined;
                await this.refresh();
                break;
            case 'tab':
                this.tab = message.tab === 'matrix' ? 'matrix' : 'diagram';
                break;
            case 'reveal':
                await this.reveal(String(message.element));
                break;
            case 'rendered': {
                const rendered = message as unknown as PreviewRendered;
                RemitPreview.lastRendered = rendered;
                RemitPreview.renderedEmitter.fire(rendered);
                break;
            }
        }
    }

    /** Opens the source of `element` (`Map.Element`) in the editor beside the preview. */
    async reveal(element: string): Promise<void> {
        const at = this.lastGood?.locations[element];
        if (!at) return;
        const position = new vscode.Position(at.line, at.character);
        const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === at.uri);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(at.uri), {
            viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
            selection: new vscode.Range(position, position),
            preserveFocus: false
        });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private html(): string {
        const webview = this.panel.webview;
        const nonce = crypto.randomBytes(16).toString('base64');
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file));
        const csp = [
            "default-src 'none'",
            `style-src ${webview.cspSource} 'nonce-${nonce}'`,
            `img-src ${webview.cspSource} data:`,
            `script-src 'nonce-${nonce}'`,
            `font-src ${webview.cspSource}`
        ].join('; ');
        return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('preview.css')}" nonce="${nonce}">
<title>Remit Preview</title>
</head>
<body>
<header class="toolbar">
  <h1 id="title">Remit Preview</h1>
  <nav class="tabs" role="tablist">
    <button id="tab-diagram" role="tab" data-tab="diagram">Diagram</button>
    <button id="tab-matrix" role="tab" data-tab="matrix">Matrix</button>
  </nav>
  <label id="phase-label" hidden>Phase <select id="phase"></select></label>
</header>
<section id="banner" class="banner" role="alert" hidden></section>
<main>
  <section id="diagram" class="diagram" role="tabpanel" aria-labelledby="tab-diagram"></section>
  <section id="matrix" class="matrix" role="tabpanel" aria-labelledby="tab-matrix" hidden></section>
  <p id="empty" class="empty" hidden></p>
</main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (RemitPreview.current === this) RemitPreview.current = undefined;
        clearTimeout(this.timer);
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}
