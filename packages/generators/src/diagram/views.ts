import { closestName, type LevelModel, type MapModel, type WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { GeneratorError } from '../generator-error.js';
import { buildMapView, holdersPhrase, lowerFirst, selectMap, type DecisionView, type DomainView, type HolderView, type MapView } from '../view-model.js';
import { box, legendFor, problemLines, type DiagramEdge, type DiagramNode, type DiagramOptions, type DiagramSpec, type LegendItem, type TextLine } from './diagram-spec.js';
import { layoutTwoColumns, type TwoColumnSpec } from './two-column.js';
import type { LaidOutDiagram } from './elk-graph.js';
import { levelStyles, type LevelStyle } from './theme.js';
import { EDGE_LABEL_SIZE, textWidth } from './text-metrics.js';

/*
 * The pictures a principal reads first, and the drill-downs from them.
 *
 * - The overview ("who decides what"): the domains in the map's order, each a panel that
 *   lists its decisions in the map's order; under each decision, one line per level with
 *   its glyph and its holders ("◆ decide: Principal"). On the left the roles and teams,
 *   with one arrow to each domain in which they hold final authority, labelled with the
 *   number of decisions ("decide (3)"). So "who decides the PD calendar?" is answered by
 *   reading one box, and "where does the ILT have the final say?" by following a handful
 *   of arrows. Aggregating the arrows to domains is what keeps them few (12 to 16 on the
 *   examples instead of 47 to 63) and their crossings near zero.
 * - A domain: its decisions, and everyone who holds a level in them, one arrow per role
 *   and decision labelled with the levels.
 * - A role or team: every decision it holds a level in, grouped by domain.
 *
 * Stable across phases: every position is worked out from the map over all its phases
 * (the boxes are as tall as their tallest phase needs, every arrow that exists in some
 * phase has its place), and a phase only chooses what is drawn in those places. What
 * changes hands at the start of the phase shown is marked as a hand-over.
 */

const HOLDER_WIDTH = 160;
const PANEL_WIDTH = 300;
const DECISION_WIDTH = 276;
/** Room on each side of a panel inside its panel (the layout's own margin). */
const NEST = 12;
const TITLE = 13;
const SMALL = 12;
const HEADER = 14;

interface Variant {
    view: MapView;
    /** The phase before the one shown, for hand-overs. */
    previous?: MapView;
}

export type PictureKind = 'overview' | 'domain' | 'role';

/** Builds and lays out the overview, a domain or a role picture of a map. */
export function layoutPicture(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions): LaidOutDiagram {
    const qualifiedMap = [options.domain, options.role].find(n => n?.includes('.'))?.split('.')[0];
    const map = selectMap(workspace, options.map ?? qualifiedMap);
    const all = buildMapView(workspace, map, findings, {});
    const phases = map.phases.map(p => buildMapView(workspace, map, findings, { phase: p.name }));
    const variants: Variant[] = [{ view: all }, ...phases.map((view, i) => ({ view, previous: i > 0 ? phases[i - 1] : undefined }))];
    let shown = variants[0];
    if (options.phase !== undefined) {
        // buildMapView says what is wrong with a misspelt phase.
        const index = map.phases.findIndex(p => p.name === options.phase);
        shown = index < 0 ? { view: buildMapView(workspace, map, findings, { phase: options.phase }) } : variants[index + 1];
    }
    if (options.domain !== undefined) return layoutTwoColumns(domainSpec(map, variants, shown, findDomain(all, options.domain)));
    if (options.role !== undefined) return layoutTwoColumns(roleSpec(map, variants, shown, findHolder(all, options.role)));
    return layoutTwoColumns(overviewSpec(variants, shown));
}

function localName(name: string): string {
    return name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
}

function findDomain(view: MapView, name: string): DomainView {
    const wanted = localName(name);
    const found = view.domains.find(d => d.domain.name === wanted) ?? view.domains.find(d => d.domain.title.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const names = view.domains.map(d => d.domain.name);
    const guess = closestName(wanted, names);
    throw new GeneratorError(`Map '${view.map.name}' has no domain named '${wanted}'.${guess ? ` Did you mean '${guess}'?` : ''} Its domains are: ${names.join(', ') || 'none'}.`);
}

function findHolder(view: MapView, name: string): HolderView {
    const qualified = name.includes('.') ? name : `${view.map.name}.${name}`;
    const found = view.holders.find(h => h.name === qualified) ?? view.holders.find(h => h.label.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const names = view.holders.filter(h => !h.external).map(h => h.holder.name);
    const guess = closestName(localName(name), names);
    throw new GeneratorError(`Map '${view.map.name}' has no role or team named '${localName(name)}'.${guess ? ` Did you mean '${guess}'?` : ''} Its roles and teams are: ${names.join(', ') || 'none'}.`);
}

/** The box of one element in every variant: its lines as shown, its height the tallest. */
function stable(variants: Variant[], shown: Variant, make: (v: Variant) => DiagramNode | undefined): DiagramNode | undefined {
    const node = make(shown);
    if (!node) return undefined;
    for (const v of variants) if (v !== shown) node.height = Math.max(node.height, make(v)?.height ?? 0);
    return node;
}

/** An arrow as shown, with room kept for its longest label in any variant. */
function stableEdge(variants: Variant[], shown: Variant, make: (v: Variant) => DiagramEdge): DiagramEdge {
    const edge = make(shown);
    const labels = variants.map(v => make(v).label ?? '');
    edge.reserve = labels.reduce((a, b) => (textWidth(b, EDGE_LABEL_SIZE) > textWidth(a, EDGE_LABEL_SIZE) ? b : a), edge.label ?? '');
    return edge;
}

function holderFacts(h: HolderView): string {
    const role = h.holder.type === 'role' ? h.holder : undefined;
    return [h.kind === 'team' ? 'team' : h.kind, role?.seats !== undefined ? `${role.seats} seats` : '', role?.release !== undefined ? `${role.release}% release` : '', role?.vacant ? 'vacant' : '']
        .filter(Boolean).join(' · ');
}

function holderNode(id: string, h: HolderView, holdsFinal: boolean, extra: TextLine[] = []): DiagramNode {
    const lines: TextLine[] = [{ text: h.label, size: TITLE, weight: 'bold', element: h.name }];
    const facts = holderFacts(h);
    if (facts) lines.push({ text: facts, size: SMALL, tone: 'muted' });
    lines.push(...extra);
    const node = box(id, h.kind === 'team' ? 'team' : 'role', lines, HOLDER_WIDTH, h.name);
    if (holdsFinal) node.emphasis = 'final';
    return node;
}

/** What changed hands for a decision at the start of the phase shown, in words. */
function handoverLines(variant: Variant, decision: string): TextLine[] {
    const { view, previous } = variant;
    if (!view.phase || !previous) return [];
    const now = view.decisions.find(d => d.decision.qualifiedName === decision);
    const before = previous.decisions.find(d => d.decision.qualifiedName === decision);
    if (!now || !before) return [];
    const lines: TextLine[] = [];
    now.steps.forEach((step, i) => {
        const was = before.steps[i].holders.map(h => h.label);
        const is = step.holders.map(h => h.label);
        if (was.join('\n') === is.join('\n')) return;
        const gained = is.filter(h => !was.includes(h));
        const lost = was.filter(h => !is.includes(h));
        const words = gained.length
            ? `${step.level.name} now ${gained.join(', ')}${lost.length ? ` (was ${lost.join(', ')})` : ''}`
            : `${step.level.name} no longer ${lost.join(', ')}`;
        lines.push({ text: `⇄ Hand-over in ${view.phase!.title}: ${words}`, size: SMALL, weight: 'bold', tone: 'handover' });
    });
    return lines;
}

function decisionTitleLines(variant: Variant, decision: DecisionView): TextLine[] {
    const lines: TextLine[] = [{ text: decision.decision.title, size: TITLE, weight: 'bold', element: decision.decision.qualifiedName }];
    if (decision.unratified) lines.push({ text: `Status: ${decision.decision.status}`, size: SMALL, tone: 'muted' });
    lines.push(...problemLines(decision));
    lines.push(...handoverLines(variant, decision.decision.qualifiedName));
    return lines;
}

function mark(node: DiagramNode, decision: DecisionView, handover: boolean): DiagramNode {
    if (decision.gap || decision.conflict) node.emphasis = 'problem';
    else if (handover) node.emphasis = 'handover';
    return node;
}

/** A decision with one line per level that has holders: "◆ decide: Principal". */
function decisionRow(variant: Variant, name: string, id: string, styles: Map<string, LevelStyle>, width = DECISION_WIDTH): DiagramNode | undefined {
    const decision = variant.view.decisions.find(d => d.decision.qualifiedName === name);
    if (!decision) return undefined;
    const lines = decisionTitleLines(variant, decision);
    const handover = lines.some(l => l.tone === 'handover');
    const held = decision.steps.filter(s => s.holders.length > 0);
    for (const step of held) {
        lines.push({ text: `${step.level.name}: ${holdersPhrase(step.holders)}`, size: SMALL, weight: step.level.final ? 'bold' : undefined, glyph: styles.get(step.level.name) });
    }
    if (held.length === 0) lines.push({ text: 'Nobody holds any level yet.', size: SMALL, tone: 'muted' });
    return mark(box(id, 'decision', lines, width, name), decision, handover);
}

/** A decision as an arrow's target: its title and what is wrong or new with it. */
function decisionTarget(variant: Variant, name: string, id: string): DiagramNode | undefined {
    const decision = variant.view.decisions.find(d => d.decision.qualifiedName === name);
    if (!decision) return undefined;
    // The arrows say what changed hands (their labels say "new"); the box is only marked.
    const lines = decisionTitleLines(variant, decision).filter(l => l.tone !== 'handover');
    return mark(box(id, 'decision', lines, DECISION_WIDTH, name), decision, handoverLines(variant, name).length > 0);
}

function panel(id: string, domain: DomainView | undefined, children: DiagramNode[], width = PANEL_WIDTH, nested = false): DiagramNode {
    // A nested panel sits inside its parent's, so its own title says enough.
    const title = domain ? (nested ? domain.domain.title : domain.path.join(' › ')) : 'Decisions outside any domain';
    const node = box(id, 'domain', [{ text: title, size: HEADER, weight: 'bold', element: domain?.domain.qualifiedName }], width, domain?.domain.qualifiedName);
    node.children = children;
    return node;
}

/** Decision names of a domain, or of the decisions outside any domain. */
function panelsOf(view: MapView): Array<{ domain?: DomainView; decisions: string[] }> {
    const result: Array<{ domain?: DomainView; decisions: string[] }> = view.domains.map(domain => ({ domain, decisions: domain.decisions.map(d => d.decision.qualifiedName) }));
    const loose = view.decisions.filter(d => !d.domain).map(d => d.decision.qualifiedName);
    if (loose.length) result.push({ decisions: loose });
    return result;
}

function finalLevelOf(view: MapView): LevelModel | undefined {
    return view.finalLevel;
}

/** Holds the final level of `decision` in the variant's periods. */
function finalHolders(view: MapView, decision: string): string[] {
    return view.decisions.find(d => d.decision.qualifiedName === decision)?.finalHolders.map(h => h.holder) ?? [];
}

function describeProblems(view: MapView): string {
    const gaps = view.decisions.filter(d => d.gap).map(d => d.decision.title);
    const conflicts = view.decisions.filter(d => d.conflict).map(d => d.decision.title);
    const parts: string[] = [];
    if (gaps.length) parts.push(`Nobody holds final authority over: ${gaps.join('; ')}.`);
    if (conflicts.length) parts.push(`More than one final authority over: ${conflicts.join('; ')}.`);
    return parts.length ? ` ${parts.join(' ')}` : '';
}

function commonLegend(view: MapView, styles: Map<string, LevelStyle>, shown: Variant, extra: LegendItem[] = []): LegendItem[] {
    const legend = legendFor(view, styles, false);
    legend.push(...extra);
    if (view.phase && shown.previous) legend.push({ label: `hand-over at the start of ${view.phase.title}`, box: 'handover' });
    if (view.decisions.some(d => d.gap || d.conflict)) legend.push({ label: 'gap or conflict', box: 'problem' });
    return legend;
}

function inPhase(view: MapView): string {
    return view.phase ? ` in ${view.phase.title}` : '';
}

function overviewSpec(variants: Variant[], shown: Variant): TwoColumnSpec {
    const view = shown.view;
    const styles = levelStyles(view.levels);
    const final = finalLevelOf(view);
    const all = variants[0].view;
    const holderIds = new Map(all.holders.map((h, i) => [h.name, `h${i + 1}`]));
    const decisionIds = new Map(all.decisions.map((d, i) => [d.decision.qualifiedName, `d${i + 1}`]));
    const panels = panelsOf(all);

    // Top-level domains hold their nested domains' panels; arrows go to the top level.
    const tops: Array<{ node: DiagramNode; decisions: string[] }> = [];
    const stack: Array<{ depth: number; node: DiagramNode }> = [];
    panels.forEach((p, i) => {
        const depth = p.domain?.depth ?? 0;
        while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
        const width = PANEL_WIDTH - 2 * NEST * stack.length;
        const node = panel(`g${i + 1}`, p.domain, p.decisions.map(name => stable(variants, shown, v => decisionRow(v, name, decisionIds.get(name)!, styles, width - 2 * NEST))!), width, stack.length > 0);
        if (stack.length) {
            stack[stack.length - 1].node.children!.push(node);
            tops[tops.length - 1].decisions.push(...p.decisions);
        } else {
            tops.push({ node, decisions: [...p.decisions] });
        }
        stack.push({ depth, node });
    });
    const right = tops.map(t => t.node);

    // One arrow per holder and top-level domain where it has the final say in some phase;
    // drawn where it does in the phase shown.
    const count = (v: MapView, holder: string, decisions: string[]) => decisions.filter(d => finalHolders(v, d).includes(holder)).length;
    const edges: DiagramEdge[] = [];
    for (const top of tops) {
        for (const h of all.holders) {
            if (!holderIds.has(h.name) || count(all, h.name, top.decisions) === 0) continue;
            const n = count(view, h.name, top.decisions);
            const before = shown.previous ? count(shown.previous, h.name, top.decisions) : n;
            edges.push({
                id: `e${edges.length + 1}`,
                source: holderIds.get(h.name)!,
                target: top.node.id,
                label: n ? `×${n}${n > before ? ' new' : ''}` : undefined,
                reserve: `×${count(all, h.name, top.decisions)} new`,
                style: styles.get(final?.name ?? '') ?? [...styles.values()][0],
                strong: true,
                fresh: n > before || undefined,
                ghost: n === 0 || undefined
            });
        }
    }
    const finalHeld = new Set(edges.filter(e => !e.ghost).map(e => e.source));
    const left = all.holders.map(h => stable(variants, shown, () => holderNode(holderIds.get(h.name)!, h, finalHeld.has(holderIds.get(h.name)!)))!);
    const arrows = final ? [{ label: `arrow ×n: ${final.name} in n decisions of that domain`, style: styles.get(final.name), strong: true }] : [];
    return {
        title: `${view.map.title}: who decides what${inPhase(view)}`,
        description: `Who holds which authority in ${view.map.title}${inPhase(view)}: ${view.decisions.length} decisions in ${view.domains.length} domains, each listing who holds each level. `
            + `Arrows from the ${all.holders.length} roles and teams to the domains show where each has final authority, with the number of decisions.${describeProblems(view)}`,
        legend: commonLegend(view, styles, shown, arrows),
        left,
        right,
        edges
    };
}

/** Each holder's levels in a decision, as shown in a variant: "recommend · decide, from Expansion on". */
function holdings(view: MapView, decision: string): Map<string, Array<{ level: LevelModel; when?: string; case?: string }>> {
    const result = new Map<string, Array<{ level: LevelModel; when?: string; case?: string }>>();
    const d = view.decisions.find(x => x.decision.qualifiedName === decision);
    for (const step of d?.steps ?? []) {
        for (const h of step.holders) {
            if (!result.has(h.holder)) result.set(h.holder, []);
            result.get(h.holder)!.push({ level: step.level, when: h.when, case: h.case });
        }
    }
    return result;
}

function holdingEdge(id: string, source: string, target: string, parts: Array<{ level: LevelModel; when?: string; case?: string }> | undefined,
    before: Array<{ level: LevelModel }> | undefined, styles: Map<string, LevelStyle>, levels: readonly LevelModel[]): DiagramEdge {
    if (!parts) return { id, source, target, style: styles.get(levels[0]?.name ?? '')!, strong: false, ghost: true };
    const strongest = parts.find(p => p.level.final) ?? parts.find(p => p.level.veto) ?? parts[0];
    const fresh = before !== undefined && parts.some(p => !before.some(b => b.level.name === p.level.name));
    return {
        id, source, target,
        label: parts.map(p => [p.level.name, p.when && lowerFirst(p.when), p.case && `when ${p.case}`].filter(Boolean).join(', ')).join(' · ') + (fresh ? ' (new)' : ''),
        style: styles.get(strongest.level.name)!,
        strong: !!strongest.level.final,
        phased: parts.every(p => p.when) || undefined,
        fresh: fresh || undefined
    };
}

function domainSpec(map: MapModel, variants: Variant[], shown: Variant, domain: DomainView): TwoColumnSpec {
    const view = shown.view;
    const all = variants[0].view;
    const styles = levelStyles(view.levels);
    // The domain and the domains nested in it.
    const start = all.domains.indexOf(domain);
    let end = start + 1;
    while (end < all.domains.length && all.domains[end].depth > domain.depth) end++;
    const domains = all.domains.slice(start, end);
    const decisions = domains.flatMap(d => d.decisions.map(x => x.decision.qualifiedName));
    const decisionIds = new Map(decisions.map((d, i) => [d, `d${i + 1}`]));
    const right = domains.map((d, i) => panel(`g${i + 1}`, d, d.decisions.map(x => stable(variants, shown, v => decisionTarget(v, x.decision.qualifiedName, decisionIds.get(x.decision.qualifiedName)!))!)));
    const involved = all.holders.filter(h => decisions.some(d => holdings(all, d).has(h.name)));
    const holderIds = new Map(involved.map((h, i) => [h.name, `h${i + 1}`]));
    const edges: DiagramEdge[] = [];
    for (const d of decisions) {
        const union = holdings(all, d);
        for (const h of involved) {
            if (!union.has(h.name)) continue;
            edges.push(stableEdge(variants, shown, v => holdingEdge(`e${edges.length + 1}`, holderIds.get(h.name)!, decisionIds.get(d)!, holdings(v.view, d).get(h.name),
                v.previous ? holdings(v.previous, d).get(h.name) ?? [] : undefined, styles, view.levels)));
        }
    }
    const finalHeld = new Set(edges.filter(e => !e.ghost && e.strong).map(e => e.source));
    const left = involved.map(h => stable(variants, shown, () => holderNode(holderIds.get(h.name)!, h, finalHeld.has(holderIds.get(h.name)!)))!);
    const title = domain.path.join(' › ');
    return {
        title: `${map.title}, ${title}: who holds what${inPhase(view)}`,
        description: `The domain ${title} of ${map.title}${inPhase(view)}: ${decisions.length} decisions and the ${involved.length} roles and teams that hold a level in them, linked by arrows labelled with the levels.${describeProblems(view)}`,
        legend: commonLegend(view, styles, shown),
        left,
        right,
        edges
    };
}

function roleSpec(map: MapModel, variants: Variant[], shown: Variant, holder: HolderView): TwoColumnSpec {
    const view = shown.view;
    const all = variants[0].view;
    const styles = levelStyles(view.levels);
    const held = new Set(holder.holdings.map(x => x.decision.decision.qualifiedName));
    const panels = panelsOf(all).map(p => ({ ...p, decisions: p.decisions.filter(d => held.has(d)) })).filter(p => p.decisions.length > 0);
    const decisions = panels.flatMap(p => p.decisions);
    const decisionIds = new Map(decisions.map((d, i) => [d, `d${i + 1}`]));
    const right = panels.map((p, i) => panel(`g${i + 1}`, p.domain, p.decisions.map(d => stable(variants, shown, v => decisionTarget(v, d, decisionIds.get(d)!))!)));
    const edges = decisions.map((d, i) => stableEdge(variants, shown, v => holdingEdge(`e${i + 1}`, 'h1', decisionIds.get(d)!, holdings(v.view, d).get(holder.name),
        v.previous ? holdings(v.previous, d).get(holder.name) ?? [] : undefined, styles, view.levels)));
    // Unheld decisions in the phase shown are drawn faintly, in their places.
    const ghosts = new Set(edges.filter(e => e.ghost).map(e => e.target));
    const idle = (node: DiagramNode) => { if (ghosts.has(node.id) && !node.emphasis) node.emphasis = 'idle'; node.children?.forEach(idle); };
    right.forEach(idle);
    const extra: TextLine[] = [];
    if (holder.memberOf.length) extra.push({ text: `Member of: ${holder.memberOf.map(m => m.label).join(', ')}`, size: SMALL, tone: 'muted' });
    if (holder.holder.type === 'team' && holder.holder.members.length) {
        extra.push({ text: `Members: ${holder.holder.members.map(m => all.holders.find(h => h.name === m)?.label ?? m).join(', ')}`, size: SMALL, tone: 'muted' });
    }
    const node = holderNode('h1', holder, edges.some(e => !e.ghost && e.strong), extra);
    const finals = edges.filter(e => !e.ghost && e.strong).length;
    return {
        title: `${map.title}: what ${holder.label} holds${inPhase(view)}`,
        description: `Every decision of ${map.title} in which ${holder.label} holds a level${inPhase(view)}: ${edges.filter(e => !e.ghost).length} decisions, with final authority over ${finals}.`,
        legend: commonLegend(view, styles, shown),
        left: [node],
        right,
        edges
    };
}

export type { DiagramSpec };
