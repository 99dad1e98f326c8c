import type { LevelModel, WorkspaceModel } from '@remit/language';
import { escapeMermaid } from './escape.js';
import type { Finding } from './findings.js';
import { buildMapView, lowerFirst, selectMap, type DecisionView, type HolderView, type MapView } from './view-model.js';
import { levelStyles, PAPER, type LevelStyle } from './diagram/theme.js';

export interface MermaidOptions {
    map?: string;
    phase?: string;
}

/**
 * Mermaid refuses a flowchart with more arrows than this unless told otherwise
 * (`maxEdges`, default 500), and GitHub's renderer uses the defaults.
 */
export const MERMAID_EDGE_LIMIT = 500;

/** Mermaid text, and a note for the reader when a large map had to be split or summed up. */
export interface MermaidDocument {
    text: string;
    note?: string;
}

interface Edge { from: string; to: string; label: string; style?: LevelStyle; strong: boolean; link?: boolean }

/**
 * A Mermaid flowchart of a map, for a README or a pull request (GitHub renders it):
 * roles and teams on the left, decisions grouped by domain, one arrow per holding
 * labelled with its level's glyph and name; arrows coloured and dashed by level
 * (`linkStyle`), final authority thick, gaps and conflicts in red, and a legend. Node ids
 * are generated (h1, d1, ...) so no name can collide with Mermaid's keywords.
 *
 * A map whose flowchart would have more arrows than Mermaid accepts
 * (MERMAID_EDGE_LIMIT) gets one arrow per role and domain instead, labelled with what the
 * role holds there ("◆ decide 3 · ▲ recommend 5"); see `renderMermaidDocument` for one
 * flowchart per domain.
 */
export function renderMermaid(workspace: WorkspaceModel, findings: readonly Finding[], options: MermaidOptions = {}): string {
    return renderMermaidDocument(workspace, findings, options, 'mmd').text;
}

/** The flowchart wrapped in a fenced block, ready to paste into Markdown. */
export function renderMermaidMarkdown(workspace: WorkspaceModel, findings: readonly Finding[], options: MermaidOptions = {}): string {
    return renderMermaidDocument(workspace, findings, options, 'md').text;
}

/**
 * The Mermaid output of a map as `mmd` (one flowchart) or `md` (fenced blocks). Within
 * Mermaid's edge limit: the full flowchart. Above it: in `md`, one flowchart per domain
 * (each with the roles that hold something there), or, for `mmd` or a domain still too
 * large, one arrow per role and domain. The note says which, for stderr.
 */
export function renderMermaidDocument(workspace: WorkspaceModel, findings: readonly Finding[], options: MermaidOptions, format: 'mmd' | 'md'): MermaidDocument {
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings, { phase: options.phase });
    const fence = (text: string) => `\`\`\`mermaid\n${text}\`\`\`\n`;
    const full = flowchart(view, view.decisions, view.holders, titleOf(view));
    if (full.edges <= MERMAID_EDGE_LIMIT) return { text: format === 'md' ? fence(full.text) : full.text };
    const why = `${view.map.name}: the full flowchart would have ${full.edges} arrows, more than Mermaid draws by default (${MERMAID_EDGE_LIMIT})`;
    if (format === 'md') {
        const parts = view.domains.filter(d => d.decisions.length > 0).map(domain => {
            const holders = view.holders.filter(h => domain.decisions.some(d => d.steps.some(s => s.holders.some(x => x.holder === h.name))));
            return { domain, chart: flowchart(view, domain.decisions, holders, `${titleOf(view)}: ${domain.path.join(' › ')}`) };
        });
        if (parts.every(p => p.chart.edges <= MERMAID_EDGE_LIMIT)) {
            const text = parts.map(p => `### ${escapeMarkdownHeading(p.domain.path.join(' › '))}\n\n${fence(p.chart.text)}`).join('\n');
            return { text, note: `${why}; wrote one flowchart per domain (${parts.length}) instead.` };
        }
    }
    const summary = aggregated(view);
    return {
        text: format === 'md' ? fence(summary) : summary,
        note: `${why}; wrote one arrow per role and domain instead, labelled with what the role holds there. Use --format md for one flowchart per domain.`
    };
}

function escapeMarkdownHeading(text: string): string {
    return text.replace(/[\\`*_[\]<>#]/g, c => `\\${c}`);
}

function titleOf(view: MapView): string {
    return view.phase ? `${view.map.title}, ${view.phase.title}` : view.map.title;
}

/** The roles-to-decisions flowchart of some decisions, and its number of arrows. */
function flowchart(view: MapView, decisions: readonly DecisionView[], holders: readonly HolderView[], title: string): { text: string; edges: number } {
    const styles = levelStyles(view.levels);
    const lines = ['flowchart LR', `  %% ${escapeMermaid(title)}`];
    const holderId = new Map<string, string>();
    holders.forEach(h => holderId.set(h.name, `h${view.holders.indexOf(h) + 1}`));
    lines.push(`  subgraph holders["${escapeMermaid('Roles and teams')}"]`);
    for (const h of holders) {
        const shape = h.kind === 'team' ? ['([', '])'] : ['[', ']'];
        lines.push(`    ${holderId.get(h.name)}${shape[0]}"${escapeMermaid(h.label)}"${shape[1]}`);
    }
    lines.push('  end');
    const decisionId = new Map<string, string>();
    const shownDecisions = new Set(decisions);
    view.decisions.forEach((d, i) => { if (shownDecisions.has(d)) decisionId.set(d.decision.qualifiedName, `d${i + 1}`); });
    view.domains.forEach((domain, i) => {
        const mine = domain.decisions.filter(d => shownDecisions.has(d));
        if (mine.length === 0) return;
        lines.push(`  subgraph g${i + 1}["${escapeMermaid(domain.path.join(' › '))}"]`);
        for (const d of mine) {
            const flag = d.gap ? ' (gap: nobody decides)' : d.conflict ? ' (conflict: more than one decides)' : '';
            lines.push(`    ${decisionId.get(d.decision.qualifiedName)}["${escapeMermaid(d.decision.title + flag)}"]`);
        }
        lines.push('  end');
    });
    for (const d of decisions) {
        if (!d.domain) lines.push(`  ${decisionId.get(d.decision.qualifiedName)}["${escapeMermaid(d.decision.title)}"]`);
    }
    const edges: Edge[] = [];
    for (const d of decisions) {
        const to = decisionId.get(d.decision.qualifiedName)!;
        for (const step of d.steps) {
            for (const holding of step.holders) {
                const from = holderId.get(holding.holder);
                if (!from) continue;
                const style = styles.get(step.level.name)!;
                const label = `${style.glyph} ${[step.level.name, holding.when && lowerFirst(holding.when), holding.case && `when ${holding.case}`].filter(Boolean).join(', ')}`;
                edges.push({ from, to, label, style, strong: step.level.final });
            }
        }
        for (const before of d.after) {
            const from = decisionId.get(before.name);
            if (from) edges.push({ from, to, label: 'then', strong: false, link: true });
        }
    }
    lines.push(...edgeLines(edges));
    lines.push(...classLines(view, holders.map(h => h.name), holderId, decisions.filter(d => d.gap || d.conflict).map(d => decisionId.get(d.decision.qualifiedName)!)));
    lines.push(...legendLines(view.levels, styles, edges.some(e => e.link)));
    lines.push(...linkStyleLines(edges));
    return { text: `${lines.join('\n')}\n`, edges: edges.length };
}

/** One arrow per role and domain, labelled with what the role holds there. */
function aggregated(view: MapView): string {
    const styles = levelStyles(view.levels);
    const lines = ['flowchart LR', `  %% ${escapeMermaid(`${titleOf(view)}: what each role holds in each domain`)}`];
    const holderId = new Map(view.holders.map((h, i) => [h.name, `h${i + 1}`]));
    lines.push(`  subgraph holders["${escapeMermaid('Roles and teams')}"]`);
    for (const h of view.holders) {
        const shape = h.kind === 'team' ? ['([', '])'] : ['[', ']'];
        lines.push(`    ${holderId.get(h.name)}${shape[0]}"${escapeMermaid(h.label)}"${shape[1]}`);
    }
    lines.push('  end');
    const edges: Edge[] = [];
    view.domains.forEach((domain, i) => {
        if (domain.decisions.length === 0) return;
        const problems = domain.decisions.filter(d => d.gap || d.conflict).length;
        lines.push(`  g${i + 1}["${escapeMermaid(`${domain.path.join(' › ')} (${domain.decisions.length} decisions${problems ? `, ${problems} with a gap or conflict` : ''})`)}"]`);
        for (const h of view.holders) {
            const counts = view.levels.map(level => ({
                level,
                n: domain.decisions.filter(d => d.steps[level.index]?.holders.some(x => x.holder === h.name)).length
            })).filter(c => c.n > 0);
            if (counts.length === 0) continue;
            const strongest = counts.find(c => c.level.final) ?? counts.find(c => c.level.veto) ?? counts[0];
            edges.push({
                from: holderId.get(h.name)!,
                to: `g${i + 1}`,
                label: counts.map(c => `${styles.get(c.level.name)!.glyph} ${c.level.name} ${c.n}`).join(' · '),
                style: styles.get(strongest.level.name),
                strong: strongest.level.final
            });
        }
    });
    // Even the summary stays within the limit: keep the arrows that hold final authority first.
    const kept = edges.length > MERMAID_EDGE_LIMIT ? [...edges.filter(e => e.strong), ...edges.filter(e => !e.strong)].slice(0, MERMAID_EDGE_LIMIT) : edges;
    lines.push(...edgeLines(kept));
    lines.push(...classLines(view, view.holders.map(h => h.name), holderId, []));
    lines.push(...legendLines(view.levels, styles, false));
    lines.push(...linkStyleLines(kept));
    return `${lines.join('\n')}\n`;
}

function edgeLines(edges: readonly Edge[]): string[] {
    return edges.map(e => (e.link
        ? `  ${e.from} -. "${escapeMermaid(e.label)}" .-> ${e.to}`
        : `  ${e.from} ${e.strong ? '==' : '--'} "${escapeMermaid(e.label)}" ${e.strong ? '==>' : '-->'} ${e.to}`));
}

function classLines(view: MapView, holders: string[], holderId: Map<string, string>, problems: string[]): string[] {
    const lines = [
        '  classDef team fill:#e3f8ff,stroke:#0b69a3',
        '  classDef role fill:#f0f4f8,stroke:#486581',
        '  classDef problem fill:#ffe3e3,stroke:#b42318,stroke-width:3px'
    ];
    const kind = (name: string) => view.holders.find(h => h.name === name)?.kind;
    const teams = holders.filter(h => kind(h) === 'team').map(h => holderId.get(h));
    const roles = holders.filter(h => kind(h) !== 'team').map(h => holderId.get(h));
    if (roles.length) lines.push(`  class ${roles.join(',')} role`);
    if (teams.length) lines.push(`  class ${teams.join(',')} team`);
    if (problems.length) lines.push(`  class ${problems.join(',')} problem`);
    return lines;
}

/** A legend: one box per level, in its colour, saying how its arrows look. */
function legendLines(levels: readonly LevelModel[], styles: Map<string, LevelStyle>, links: boolean): string[] {
    const lines = [`  subgraph legend["${escapeMermaid('Legend')}"]`];
    const classes: string[] = [];
    levels.forEach((level, i) => {
        const style = styles.get(level.name)!;
        const words = `${style.glyph} ${level.name}${level.final ? ' (final authority): thick arrow' : level.veto ? ' (can block)' : ''}${style.dash ? ', dashed' : ''}`;
        lines.push(`    l${i + 1}["${escapeMermaid(words)}"]`);
        classes.push(`  classDef level${i + 1} fill:#ffffff,stroke:${PAPER.levels[style.key]},stroke-width:${level.final ? 3 : 2}px${style.dash ? `,stroke-dasharray:${style.dash}` : ''}`);
        classes.push(`  class l${i + 1} level${i + 1}`);
    });
    if (links) lines.push(`    l0["${escapeMermaid('dotted: comes after')}"]`);
    lines.push('  end');
    return [...lines, ...classes];
}

/** Colours and dashes arrows by level, one `linkStyle` line per level. */
function linkStyleLines(edges: readonly Edge[]): string[] {
    const groups = new Map<string, { indices: number[]; style?: LevelStyle; strong: boolean }>();
    edges.forEach((e, i) => {
        const key = e.link ? 'link' : `${e.style!.key}:${e.strong}`;
        if (!groups.has(key)) groups.set(key, { indices: [], style: e.link ? undefined : e.style, strong: e.strong });
        groups.get(key)!.indices.push(i);
    });
    const lines: string[] = [];
    for (const { indices, style, strong } of groups.values()) {
        if (!style) continue; // `after` links keep Mermaid's dotted line
        const dash = style.dash ? `,stroke-dasharray:${style.dash}` : '';
        lines.push(`  linkStyle ${indices.join(',')} stroke:${PAPER.levels[style.key]},stroke-width:${strong ? 3 : 2}px${dash}`);
    }
    return lines;
}
