// The "Remit: findings" view: every finding of every map, hints included (the Problems
// panel leaves hints out), as a tree by map and rule. It shows the diagnostics the language
// server publishes, as VS Code holds them: no analysis of its own. A click on a finding
// reveals it in its map.
import * as vscode from 'vscode';

export const FINDINGS_VIEW = 'remit.findings';

const SEVERITY_WORDS: Record<number, [one: string, icon: string]> = {
    [vscode.DiagnosticSeverity.Error]: ['error', 'error'],
    [vscode.DiagnosticSeverity.Warning]: ['warning', 'warning'],
    [vscode.DiagnosticSeverity.Information]: ['note', 'info'],
    [vscode.DiagnosticSeverity.Hint]: ['hint', 'lightbulb']
};

export type FindingNode =
    | { type: 'map'; uri: vscode.Uri; label: string; rules: FindingNode[] }
    | { type: 'rule'; uri: vscode.Uri; code: string; severity: vscode.DiagnosticSeverity; findings: FindingNode[] }
    | { type: 'finding'; uri: vscode.Uri; diagnostic: vscode.Diagnostic };

export class FindingsView implements vscode.TreeDataProvider<FindingNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<FindingNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly subscriptions: vscode.Disposable[];
    private roots: FindingNode[] = [];

    constructor() {
        this.roots = this.build();
        this.subscriptions = [
            vscode.languages.onDidChangeDiagnostics(event => {
                if (!event.uris.some(isMap)) return;
                this.roots = this.build();
                this.changed.fire(undefined);
            })
        ];
    }

    /** The maps with findings, each with its rules and their findings (for the view and for tests). */
    tree(): FindingNode[] {
        return this.roots;
    }

    getChildren(node?: FindingNode): FindingNode[] {
        if (!node) return this.roots;
        if (node.type === 'map') return node.rules;
        if (node.type === 'rule') return node.findings;
        return [];
    }

    getTreeItem(node: FindingNode): vscode.TreeItem {
        switch (node.type) {
            case 'map': {
                const count = node.rules.reduce((n, r) => n + (r.type === 'rule' ? r.findings.length : 0), 0);
                const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
                item.description = `${count} ${count === 1 ? 'finding' : 'findings'} · ${vscode.workspace.asRelativePath(node.uri)}`;
                item.resourceUri = node.uri;
                item.iconPath = vscode.ThemeIcon.File;
                item.contextValue = 'map';
                return item;
            }
            case 'rule': {
                const item = new vscode.TreeItem(node.code, vscode.TreeItemCollapsibleState.Expanded);
                const [word, icon] = SEVERITY_WORDS[node.severity] ?? ['finding', 'circle-outline'];
                item.description = `${node.findings.length} ${node.findings.length === 1 ? word : `${word}s`}`;
                item.iconPath = new vscode.ThemeIcon(icon);
                item.tooltip = `${node.code}: see docs/rules.md#${node.code} for why it matters and how to fix it.`;
                item.contextValue = 'rule';
                return item;
            }
            case 'finding': {
                const { diagnostic } = node;
                const item = new vscode.TreeItem(diagnostic.message, vscode.TreeItemCollapsibleState.None);
                item.description = `line ${diagnostic.range.start.line + 1}`;
                item.tooltip = new vscode.MarkdownString().appendText(`${diagnostic.message}\n\n${vscode.workspace.asRelativePath(node.uri)}, line ${diagnostic.range.start.line + 1}`);
                item.command = {
                    title: 'Show in the map', command: 'vscode.open',
                    arguments: [node.uri, { selection: diagnostic.range, preserveFocus: false } satisfies vscode.TextDocumentShowOptions]
                };
                item.contextValue = 'finding';
                return item;
            }
        }
    }

    private build(): FindingNode[] {
        const maps: FindingNode[] = [];
        for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
            if (!isMap(uri)) continue;
            const own = diagnostics.filter(d => d.source === undefined || d.source === 'remit');
            if (own.length === 0) continue;
            const byCode = new Map<string, vscode.Diagnostic[]>();
            for (const d of own) {
                const code = codeOf(d);
                byCode.set(code, [...(byCode.get(code) ?? []), d]);
            }
            const rules: FindingNode[] = [...byCode.entries()]
                .map(([code, list]) => ({
                    type: 'rule' as const, uri, code,
                    severity: Math.min(...list.map(d => d.severity)) as vscode.DiagnosticSeverity,
                    findings: [...list]
                        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
                        .map(diagnostic => ({ type: 'finding' as const, uri, diagnostic }))
                }))
                // Errors first, then warnings, then hints; rules of one severity by name.
                .sort((a, b) => a.severity - b.severity || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
            maps.push({ type: 'map', uri, label: uri.path.slice(uri.path.lastIndexOf('/') + 1), rules });
        }
        return maps.sort((a, b) => a.uri.toString() < b.uri.toString() ? -1 : 1);
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.changed.dispose();
    }
}

function isMap(uri: vscode.Uri): boolean {
    return uri.path.endsWith('.remit');
}

function codeOf(d: vscode.Diagnostic): string {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return code === undefined ? 'finding' : String(code);
}
