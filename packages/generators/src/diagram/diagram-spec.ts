import { closestName, type LevelModel, type WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { GeneratorError } from '../generator-error.js';
import { buildMapView, holdingText, lowerFirst, selectMap, type DecisionView, type MapView } from '../view-model.js';
import { GLYPH_ROOM, wrapText } from './text-metrics.js';
import { ESCALATE_STYLE, LINK_STYLE, levelStyles, type LevelStyle, type ThemeName } from './theme.js';

/**
 * What a diagram shows, before layout: boxes with their lines of text and sizes, and
 * arrows with their labels. Built from the shared map view; laid out by ELK
 * (elk-graph.ts) and drawn by render-svg.ts.
 */
export interface DiagramSpec {
    title: string;
    /** One or two plain sentences for screen readers (the SVG's <desc>). */
    description: string;
    legend: LegendItem[];
    nodes: DiagramNode[];
    edges: DiagramEdge[];
    /** Which way the arrows run: maps read left to right, one decision's flow top down. */
    direction?: 'RIGHT' | 'DOWN';
}

export type NodeKind = 'role' | 'team' | 'decision' | 'domain' | 'step' | 'other';

export interface TextLine {
    text: string;
    size: number;
    weight?: 'bold';
    /** The element this line names, for a click in a preview. */
    element?: string;
    tone?: 'muted' | 'problem' | 'handover';
    /** A level's glyph printed (in the level's colour) before the words. */
    glyph?: LevelStyle;
    /** The words continue the line before (wrapped): no glyph, indented under the words. */
    continued?: boolean;
}

export interface DiagramNode {
    id: string;
    kind: NodeKind;
    /** Qualified name of the map element the box stands for. */
    element?: string;
    lines: TextLine[];
    width: number;
    height: number;
    emphasis?: 'final' | 'problem' | 'focus' | 'handover' | 'idle';
    children?: DiagramNode[];
}

export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    label?: string;
    labelWidth?: number;
    /** The level's colour, glyph (the arrowhead) and dash pattern; or a sequence / escalation link. */
    style: LevelStyle;
    /** Final authority is drawn thick. */
    strong: boolean;
    /** Holds only in some phases: drawn lighter, and its label says when. */
    phased?: boolean;
    /** New in the phase shown (a hand-over): drawn wider and its label says so. */
    fresh?: boolean;
    /** Holds in some other phase but not in the one shown: its place is kept, nothing is drawn. */
    ghost?: boolean;
    /** The longest label this arrow has in any phase: the layout keeps room for it. */
    reserve?: string;
}

export interface LegendItem {
    label: string;
    style?: LevelStyle;
    strong?: boolean;
    phased?: boolean;
    box?: 'problem' | 'handover';
}

export interface DiagramOptions {
    /** The map to draw; the first map when left out. */
    map?: string;
    /** Draw the map as it stands in this phase. */
    phase?: string;
    /** Draw one decision's flow through its levels and `after` links. */
    decision?: string;
    /** Draw one domain: its decisions and everyone who holds a level in them. */
    domain?: string;
    /** Draw one role or team: every decision it holds a level in. */
    role?: string;
    /** `full`: every role-to-decision arrow in one graph (laid out by ELK); default: the overview. */
    view?: 'overview' | 'full';
    /** Colours: `paper` (default; prints and exports) or `dark` (a dark editor). */
    theme?: ThemeName;
}

const PADDING = 10;
const LINE = 1.3;
const HOLDER_WIDTH = 190;
const DECISION_WIDTH = 220;
const TITLE_SIZE = 13;
const SMALL = 12;


export function buildDiagramSpec(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions = {}): DiagramSpec {
    const mapName = options.map ?? (options.decision?.includes('.') ? options.decision.split('.')[0] : undefined);
    const map = options.decision && !mapName ? mapOfDecision(workspace, options.decision) : selectMap(workspace, mapName);
    const view = buildMapView(workspace, map, findings, { phase: options.phase });
    if (options.decision) {
        const wanted = options.decision.includes('.') ? options.decision : `${map.name}.${options.decision}`;
        const decision = view.decisions.find(d => d.decision.qualifiedName === wanted);
        if (!decision) {
            const guess = closestName(options.decision.split('.').pop()!, view.decisions.map(d => d.decision.name));
            throw new GeneratorError(`Map '${map.name}' has no decision named '${options.decision.split('.').pop()}'.${guess ? ` Did you mean '${guess}'?` : ''} `
                + `Its decisions are: ${view.decisions.map(d => d.decision.name).join(', ') || 'none'}.`);
        }
        return decisionFlowSpec(view, decision);
    }
    return mapSpec(view);
}

function mapOfDecision(workspace: WorkspaceModel, name: string) {
    const maps = workspace.maps.filter(m => m.decisions.some(d => d.name === name));
    if (maps.length === 1) return maps[0];
    if (maps.length > 1) {
        throw new GeneratorError(`Several maps have a decision named '${name}' (${maps.map(m => m.name).join(', ')}). Write it as Map.${name}, or choose the map with --map.`);
    }
    const all = workspace.maps.flatMap(m => m.decisions.map(d => d.name));
    const guess = closestName(name, all);
    if (all.length === 0) throw new GeneratorError(`No map has a decision named '${name}': these maps have no decisions yet.`);
    throw new GeneratorError(`No map has a decision named '${name}'.${guess ? ` Did you mean '${guess}'?` : ''} Decisions are named as written after \`decision\` in the map, for example ${all[0]}.`);
}

export function box(id: string, kind: NodeKind, lines: TextLine[], width: number, element?: string): DiagramNode {
    // Bold words run about a tenth wider than the estimate of text-metrics.ts.
    const room = (line: TextLine) => (width - 2 * PADDING - (line.glyph ? GLYPH_ROOM : 0)) / (line.weight === 'bold' ? 1.12 : 1.02);
    const wrapped: TextLine[] = lines.flatMap(line => wrapText(line.text, room(line), line.size)
        .map((text, i) => (i === 0 ? { ...line, text } : { ...line, text, continued: true })));
    const height = Math.ceil(2 * PADDING + wrapped.reduce((sum, l) => sum + l.size * LINE, 0));
    return { id, kind, element, lines: wrapped, width, height };
}

export function problemLines(decision: DecisionView): TextLine[] {
    const lines: TextLine[] = [];
    if (decision.gap) lines.push({ text: '⚠ Gap: nobody holds final authority', size: SMALL, weight: 'bold', tone: 'problem' });
    if (decision.conflict) lines.push({ text: '⚠ Conflict: more than one final authority', size: SMALL, weight: 'bold', tone: 'problem' });
    return lines;
}

function decisionBox(id: string, decision: DecisionView): DiagramNode {
    const lines: TextLine[] = [{ text: decision.decision.title, size: TITLE_SIZE, weight: 'bold', element: decision.decision.qualifiedName }];
    if (decision.unratified) lines.push({ text: `Status: ${decision.decision.status}`, size: SMALL, tone: 'muted' });
    lines.push(...problemLines(decision));
    const node = box(id, 'decision', lines, DECISION_WIDTH, decision.decision.qualifiedName);
    if (decision.gap || decision.conflict) node.emphasis = 'problem';
    return node;
}

export function legendFor(view: MapView, styles: Map<string, LevelStyle>, phased: boolean): LegendItem[] {
    const items: LegendItem[] = view.levels.map(level => ({
        label: level.final ? `${level.name} (final authority)` : level.veto ? `${level.name} (can block)` : level.name,
        style: styles.get(level.name)!,
        strong: level.final
    }));
    if (phased) items.push({ label: 'only in some phases (lighter)', style: styles.get(view.levels[0]?.name ?? '') ?? LINK_STYLE, phased: true });
    return items;
}

function describe(view: MapView, holders: number): string {
    const gaps = view.decisions.filter(d => d.gap).map(d => d.decision.title);
    const conflicts = view.decisions.filter(d => d.conflict).map(d => d.decision.title);
    const parts = [`Who holds which authority in ${view.map.title}${view.phase ? ` during the phase ${view.phase.title}` : ''}: `
        + `${holders} roles and teams, and ${view.decisions.length} decisions in ${view.domains.length} domains, linked by arrows labelled with the level each role holds.`];
    if (gaps.length) parts.push(`Nobody holds final authority over: ${gaps.join('; ')}.`);
    if (conflicts.length) parts.push(`More than one final authority over: ${conflicts.join('; ')}.`);
    return parts.join(' ');
}

function mapSpec(view: MapView): DiagramSpec {
    const styles = levelStyles(view.levels);
    // Every role and team is drawn, even one that holds nothing: that is worth seeing.
    const holders = view.holders;
    const nodes: DiagramNode[] = [];
    const holderId = new Map<string, string>();
    holders.forEach((h, i) => {
        const id = `h${i + 1}`;
        holderId.set(h.name, id);
        const lines: TextLine[] = [{ text: h.label, size: TITLE_SIZE, weight: 'bold', element: h.name }];
        const role = h.holder.type === 'role' ? h.holder : undefined;
        const facts = [h.kind === 'team' ? 'team' : h.kind, role?.seats !== undefined ? `${role.seats} seats` : '', role?.release !== undefined ? `${role.release}% release` : '', role?.vacant ? 'vacant' : '']
            .filter(Boolean).join(' · ');
        if (facts) lines.push({ text: facts, size: SMALL, tone: 'muted' });
        const node = box(id, h.kind === 'team' ? 'team' : 'role', lines, HOLDER_WIDTH, h.name);
        if (h.holdings.some(x => x.level.final)) node.emphasis = 'final';
        nodes.push(node);
    });
    const decisionId = new Map<string, string>();
    view.decisions.forEach((d, i) => decisionId.set(d.decision.qualifiedName, `d${i + 1}`));
    // Domains nest: build each domain's box with its decisions and its sub-domains.
    const domainNodes: DiagramNode[] = [];
    const stack: Array<{ depth: number; node: DiagramNode }> = [];
    view.domains.forEach((domain, i) => {
        const header = box(`g${i + 1}`, 'domain', [{ text: domain.domain.title, size: TITLE_SIZE, weight: 'bold', element: domain.domain.qualifiedName }], DECISION_WIDTH + 40, domain.domain.qualifiedName);
        header.children = domain.decisions.map(d => decisionBox(decisionId.get(d.decision.qualifiedName)!, d));
        while (stack.length && stack[stack.length - 1].depth >= domain.depth) stack.pop();
        if (stack.length) stack[stack.length - 1].node.children!.push(header);
        else domainNodes.push(header);
        stack.push({ depth: domain.depth, node: header });
    });
    nodes.push(...domainNodes);
    for (const d of view.decisions) if (!d.domain) nodes.push(decisionBox(decisionId.get(d.decision.qualifiedName)!, d));

    // One arrow per role and decision: a role that holds two levels of a decision over
    // time (recommend until Expansion, decide from Expansion on) gets one arrow saying so.
    const edges: DiagramEdge[] = [];
    let phased = false;
    for (const d of view.decisions) {
        const byHolder = new Map<string, Array<{ level: LevelModel; when?: string }>>();
        for (const step of d.steps) {
            for (const holding of step.holders) {
                if (!holderId.has(holding.holder)) continue;
                if (!byHolder.has(holding.holder)) byHolder.set(holding.holder, []);
                byHolder.get(holding.holder)!.push({ level: step.level, when: holding.when });
                if (holding.when) phased = true;
            }
        }
        for (const [holder, parts] of byHolder) {
            const final = parts.find(p => p.level.final);
            edges.push({
                id: `e${edges.length + 1}`,
                source: holderId.get(holder)!,
                target: decisionId.get(d.decision.qualifiedName)!,
                label: parts.map(p => (p.when ? `${p.level.name}, ${lowerFirst(p.when)}` : p.level.name)).join(' · '),
                style: styles.get((final ?? parts[0]).level.name)!,
                strong: !!final,
                phased: parts.every(p => p.when) || undefined
            });
        }
    }
    const title = view.phase ? `${view.map.title}: who holds what in ${view.phase.title}` : `${view.map.title}: who holds what`;
    const legend = legendFor(view, styles, phased);
    if (view.decisions.some(d => d.gap || d.conflict)) legend.push({ label: 'gap or conflict', box: 'problem' });
    return { title, description: describe(view, holders.length), legend, nodes, edges };
}

function decisionFlowSpec(view: MapView, decision: DecisionView): DiagramSpec {
    const styles = levelStyles(view.levels);
    const nodes: DiagramNode[] = [];
    const edges: DiagramEdge[] = [];
    const link = (source: string, target: string, label: string, style = LINK_STYLE) =>
        edges.push({ id: `e${edges.length + 1}`, source, target, label, style, strong: false });

    const steps = decision.steps.filter(s => s.holders.length > 0);
    const stepIds: string[] = [];
    steps.forEach((step, i) => {
        const id = `s${i + 1}`;
        stepIds.push(id);
        const lines: TextLine[] = [{ text: `${i + 1}. ${step.level.name}${step.level.final ? ' (final authority)' : step.level.veto ? ' (can block)' : ''}`, size: SMALL, weight: 'bold', tone: 'muted', glyph: styles.get(step.level.name) }];
        for (const h of step.holders) {
            lines.push({ text: holdingText(h), size: TITLE_SIZE, weight: 'bold', element: h.holder });
        }
        const node = box(id, 'step', lines, DECISION_WIDTH, decision.decision.qualifiedName);
        if (step.level.final) node.emphasis = 'final';
        nodes.push(node);
        if (i > 0) edges.push({ id: `e${edges.length + 1}`, source: stepIds[i - 1], target: id, label: 'then', style: styles.get(step.level.name)!, strong: step.level.final });
    });
    const focus = decisionBox('d0', decision);
    focus.emphasis = decision.gap || decision.conflict ? 'problem' : 'focus';
    nodes.unshift(focus);
    if (stepIds.length) edges.unshift({ id: 'e0', source: 'd0', target: stepIds[0], label: 'starts with', style: LINK_STYLE, strong: false });
    const last = stepIds.find((_, i) => steps[i].level.final) ?? stepIds[stepIds.length - 1] ?? 'd0';
    const sequenceNode = (id: string, name: string, label: string) => {
        const other = view.decisions.find(d => d.decision.qualifiedName === name);
        const node = other && other.decision !== decision.decision ? decisionBox(id, other) : box(id, 'decision', [{ text: label, size: TITLE_SIZE, weight: 'bold', element: name }], DECISION_WIDTH, name);
        nodes.push(node);
    };
    decision.after.forEach((before, i) => {
        sequenceNode(`b${i + 1}`, before.name, before.label);
        link(`b${i + 1}`, 'd0', 'comes before');
    });
    decision.followedBy.forEach((next, i) => {
        sequenceNode(`a${i + 1}`, next.name, next.label);
        link(last, `a${i + 1}`, 'then');
    });
    if (decision.escalate) {
        nodes.push(box('x1', 'other', [{ text: 'Appeals and deadlocks go to', size: SMALL, tone: 'muted' }, { text: decision.escalate.label, size: TITLE_SIZE, weight: 'bold', element: decision.escalate.name }], HOLDER_WIDTH, decision.escalate.name));
        link(last, 'x1', 'escalates to', ESCALATE_STYLE);
    }
    const legend = legendFor(view, styles, false);
    legend.push({ label: 'sequence or escalation', style: LINK_STYLE });
    const title = `${decision.decision.title}${view.phase ? ` in ${view.phase.title}` : ''}`;
    const stepWords = steps.map(s => `${s.level.name}: ${s.holders.map(h => h.label).join(', ')}`).join('; ');
    const description = `How the decision "${decision.decision.title}" of ${view.map.title} is taken, level by level. ${stepWords || 'Nobody holds any level.'}`
        + (decision.after.length ? ` It is taken after: ${decision.after.map(a => a.label).join('; ')}.` : '')
        + (decision.gap ? ' Nobody holds final authority over it.' : '')
        + (decision.conflict ? ' More than one role holds final authority over it.' : '');
    return { title, description, legend, nodes, edges, direction: 'DOWN' };
}
