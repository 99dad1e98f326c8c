// The live preview: the current map's diagram and matrix in a webview beside the editor.
// Follows the active .remit editor, updates as you type (debounced), keeps the last good
// picture under an error banner while the map cannot be read, reveals the source of a
// role or decision that is clicked, and offers a phase selector. One panel, revealed
// rather than duplicated; strict Content Security Policy (nonce scripts, no remote
// resources); restored after a reload. The diagram drills down from the overview to a
// domain, a role or a decision on a click; the webview zooms, fits, pans and filters,
// follows the editor's theme (dark diagram in a dark theme) and has a "paper" toggle.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, type DiagramView, type PreviewParams, type PreviewResult } from '../shared/protocol.js';
import { clientRequest } from './requests.js';

export type PreviewTab = 'diagram' | 'matrix';

interface PanelState { uri?: string; phase?: string; tab?: PreviewTab; view?: DiagramView; paper?: boolean }

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
    /** The drill-down shown: overview, domain, role or decision, and its element. */
    view?: DiagramView;
    /** The diagram's theme as drawn. */
    theme?: 'paper' | 'dark';
    /** Zoom of the diagram (1 = actual size), the width of the diagram area and the picture's drawn width, in CSS pixels. */
    zoom?: number;
    areaWidth?: number;
    drawnWidth?: number;
    /** Height on screen of the smallest and of the typical text of the diagram, in CSS pixels (measured by the browser). */
    minTextPx?: number;
    medianTextPx?: number;
    /** Elements matching the filter box (when it has text). */
    filter?: string;
    matches?: number;
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
    private view: DiagramView = { kind: 'overview' };
    private paper = false;
    private readonly rasters = new Map<number, (png: Uint8Array | undefined) => void>();
    private lastGood: PreviewResult | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private sequence = 0;
    private rasterCount = 0;
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

    /** The preview, opened for `uri` without taking the focus (PNG export draws in it). */
    static showHidden(uri: vscode.Uri): RemitPreview | undefined {
        return RemitPreview.context && RemitPreview.client ? RemitPreview.show(RemitPreview.context, RemitPreview.client, uri) : undefined;
    }

    private static context: vscode.ExtensionContext | undefined;
    private static client: LanguageClient | undefined;

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
        RemitPreview.context = context;
        RemitPreview.client = client;
        this.phase = state.phase;
        this.tab = state.tab ?? 'diagram';
        this.view = state.view ?? { kind: 'overview' };
        this.paper = state.paper ?? false;
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
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('remit.preview')) this.schedule(); }),
            vscode.window.onDidChangeActiveColorTheme(() => void this.refresh())
        );
        if (state.uri) this.setDocument(vscode.Uri.parse(state.uri));
    }

    /** Shows the map in `uri` (a new document starts without a phase selected). */
    setDocument(uri: vscode.Uri): void {
        if (uri.toString() !== this.documentUri?.toString()) {
            this.documentUri = uri;
            this.lastGood = undefined;
            this.phase = undefined;
            this.view = { kind: 'overview' };
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
            result = await this.client.sendRequest(clientRequest(PreviewRequest), { uri: uri.toString(), phase: this.phase, view: this.view, theme: this.theme() } satisfies PreviewParams);
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
            tab: this.tab,
            diagramView: this.view,
            theme: this.theme(),
            paper: this.paper
        });
    }

    /** The diagram's colours: dark in a dark or high-contrast dark theme, unless "paper" is on. */
    private theme(): 'paper' | 'dark' {
        const kind = vscode.window.activeColorTheme.kind;
        const dark = kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast;
        return dark && !this.paper ? 'dark' : 'paper';
    }

    /** True when the preview shows the map in `uri`. */
    shows(uri: vscode.Uri): boolean {
        return this.documentUri?.toString() === uri.toString();
    }

    /** The phase and drill-down shown, for Export Diagram. */
    get shown(): { phase?: string; view: DiagramView } {
        return { phase: this.phase, view: this.view };
    }

    /** Draws an SVG as a PNG in the webview's browser (for Export Diagram as PNG). */
    rasterize(svg: string, scale = 2): Promise<Uint8Array | undefined> {
        const id = ++this.rasterCount;
        return new Promise(resolve => {
            const timer = setTimeout(() => { this.rasters.delete(id); resolve(undefined); }, 30_000);
            this.rasters.set(id, png => { clearTimeout(timer); resolve(png); });
            void this.panel.webview.postMessage({ type: 'rasterize', id, svg, scale });
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
            case 'view': {
                const kind = message.kind;
                const name = typeof message.name === 'string' ? message.name : undefined;
                this.view = (kind === 'domain' || kind === 'role' || kind === 'decision') && name ? { kind, name } : { kind: 'overview' };
                await this.refresh();
                break;
            }
            case 'paper':
                this.paper = message.paper === true;
                await this.refresh();
                break;
            case 'raster': {
                const done = this.rasters.get(Number(message.id));
                this.rasters.delete(Number(message.id));
                const data = typeof message.data === 'string' ? message.data.replace(/^data:image\/png;base64,/, '') : undefined;
                done?.(data ? new Uint8Array(Buffer.from(data, 'base64')) : undefined);
                break;
            }
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
  <input id="filter" type="search" placeholder="Filter: role, domain, decision" aria-label="Filter roles, domains and decisions" title="Filter (/)">
</header>
<nav class="viewbar" aria-label="Diagram view">
  <span id="crumbs" class="crumbs"></span>
  <button id="reveal" hidden title="Open this element in the editor (or Ctrl+click it)">Go to source</button>
  <span class="zoom" role="group" aria-label="Zoom">
    <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <output id="zoom-level" aria-live="polite">100%</output>
    <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
    <button id="zoom-fit" title="Fit to width (W)">Fit width</button>
    <button id="zoom-actual" title="Actual size (0)">100%</button>
  </span>
  <label class="paper" title="Draw the diagram on white paper, as it exports and prints (P)"><input id="paper" type="checkbox"> Paper</label>
</nav>
<section id="banner" class="banner" role="alert" hidden></section>
<main>
  <section id="diagram" class="diagram" role="tabpanel" aria-labelledby="tab-diagram" tabindex="0" aria-label="Diagram: drag or use the arrow keys to pan, + and - to zoom"></section>
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
