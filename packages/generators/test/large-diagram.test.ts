import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace, checkSources, type WorkspaceModel } from '@remit/language';
import { buildDiagramSpec, layoutDiagram, renderSvg, type DiagramSpec, type Finding, type LaidOutDiagram } from '@remit/generators';
import { generateSchool } from '../../bench/src/workspace-generator.js';
import { usesLargeLayout } from '../src/diagram/elk-graph.js';
import { layoutLarge } from '../src/diagram/large-layout.js';
import type { DiagramNode } from '../src/diagram/diagram-spec.js';
import { LINK_STYLE } from '../src/diagram/theme.js';
import type { LaidOutNode } from '../src/diagram/elk-graph.js';
import { loadExample } from './helpers.js';

/**
 * Large map diagrams have their own layout (src/diagram/large-layout.ts). These tests
 * check the picture's geometry on a generated school map of about 300 boxes and 1,200
 * arrows, the size the benchmark measures: boxes apart, decisions inside their domains,
 * every arrow from its source's border to its target's, labels apart, same bytes twice.
 */

interface Rect { x: number; y: number; width: number; height: number }
interface Flat { laid: LaidOutNode; ancestors: LaidOutNode[] }
type Point = { x: number; y: number };

const EPS = 0.01;

function flatten(nodes: readonly LaidOutNode[], ancestors: LaidOutNode[] = []): Flat[] {
    return nodes.flatMap(laid => [{ laid, ancestors }, ...flatten(laid.children, [...ancestors, laid])]);
}

/** True when the two rectangles share some area (touching borders do not count). */
function overlaps(a: Rect, b: Rect): boolean {
    return a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
}

function onBorder(p: Point, r: Rect): boolean {
    const inX = p.x >= r.x - EPS && p.x <= r.x + r.width + EPS;
    const inY = p.y >= r.y - EPS && p.y <= r.y + r.height + EPS;
    const onVertical = (Math.abs(p.x - r.x) < EPS || Math.abs(p.x - r.x - r.width) < EPS) && inY;
    const onHorizontal = (Math.abs(p.y - r.y) < EPS || Math.abs(p.y - r.y - r.height) < EPS) && inX;
    return onVertical || onHorizontal;
}

/** True when the segment passes through the rectangle's inside (not just along its border). */
function crossesInside(a: Point, b: Point, r: Rect): boolean {
    const box = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
    // Axis-parallel segments: a zero-width rectangle overlaps when it runs strictly inside.
    return box.x > r.x + EPS && box.x < r.x + r.width - EPS && box.y < r.y + r.height - EPS && box.y + box.height > r.y + EPS
        || box.y > r.y + EPS && box.y < r.y + r.height - EPS && box.x < r.x + r.width - EPS && box.x + box.width > r.x + EPS;
}

async function school(decisions: number, seed: string): Promise<{ model: WorkspaceModel; findings: Finding[] }> {
    const map = generateSchool({ name: 'Lakeview', title: 'Lakeview Elementary School', decisions, seed });
    const ws = await checkSources([{ uri: 'file:///test/lakeview.remit', text: map.text }]);
    const findings: Finding[] = analyzeWorkspace(ws.model).map(f => ({ code: f.code, severity: f.severity, element: f.element, message: f.message, uri: f.location.uri }));
    return { model: ws.model, findings };
}

function countBoxes(nodes: readonly DiagramNode[]): number {
    return nodes.reduce((sum, n) => sum + 1 + countBoxes(n.children ?? []), 0);
}

/**
 * Every geometric promise of a laid-out diagram, as a list of what is wrong (empty when
 * all is well); used on the large school and on odd specs.
 */
function geometryProblems(laid: LaidOutDiagram): string[] {
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => { if (!ok) problems.push(problem); };
    const boxes = flatten(laid.nodes);
    const byId = new Map(boxes.map(b => [b.laid.node.id, b.laid]));
    check(boxes.length === countBoxes(laid.spec.nodes), 'every box of the spec is laid out once');

    // Inside the picture, at least as large as its text needs, and no two boxes overlap
    // unless one holds the other.
    for (const { laid: box } of boxes) {
        const id = box.node.id;
        check(box.x >= 0 && box.y >= 0 && box.x + box.width <= laid.width + EPS && box.y + box.height <= laid.height + EPS, `${id} lies inside the picture`);
        check(box.width >= box.node.width && box.height >= box.node.height, `${id} is as large as its text needs`);
    }
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (a.ancestors.includes(b.laid) || b.ancestors.includes(a.laid)) continue;
            check(!overlaps(a.laid, b.laid), `${a.laid.node.id} and ${b.laid.node.id} do not overlap`);
        }
    }
    // A box inside a domain sits inside it, below the domain's title.
    for (const { laid: box, ancestors } of boxes) {
        const parent = ancestors[ancestors.length - 1];
        if (!parent) continue;
        check(parent.node.kind === 'domain', `${box.node.id} is held by a domain`);
        check(box.x > parent.x && box.x + box.width < parent.x + parent.width && box.y >= parent.y + parent.node.height
            && box.y + box.height < parent.y + parent.height, `${box.node.id} sits inside ${parent.node.id}, below its title`);
    }

    // Every arrow, in the spec's order, from its source's border to its target's border,
    // in straight horizontal and vertical runs that go through no other role, team or decision.
    check(JSON.stringify(laid.edges.map(e => e.edge.id)) === JSON.stringify(laid.spec.edges.map(e => e.id)), 'arrows in the spec\'s order');
    const leaves = boxes.filter(b => b.laid.node.kind !== 'domain').map(b => b.laid);
    for (const { edge, points } of laid.edges) {
        if (points.length < 2) {
            problems.push(`${edge.id} has points`);
            continue;
        }
        check(onBorder(points[0], byId.get(edge.source)!), `${edge.id} starts on ${edge.source}'s border`);
        check(onBorder(points[points.length - 1], byId.get(edge.target)!), `${edge.id} ends on ${edge.target}'s border`);
        for (let i = 1; i < points.length; i++) {
            const [a, b] = [points[i - 1], points[i]];
            check(Math.abs(a.x - b.x) < EPS || Math.abs(a.y - b.y) < EPS, `${edge.id} runs straight`);
            for (const box of leaves) {
                if (box.node.id === edge.source || box.node.id === edge.target) continue;
                check(!crossesInside(a, b, box), `${edge.id} does not run through ${box.node.id}`);
            }
        }
    }

    // Labels: on their arrow's last stretch, apart from each other and from every box but domains.
    const labelled = laid.edges.filter(e => e.label);
    check(labelled.length === laid.spec.edges.filter(e => e.label).length, 'every label is placed');
    for (const e of labelled) {
        const label = e.label!;
        check(label.width > 0 && label.height > 0, `label of ${e.edge.id} has a size`);
        for (const box of leaves) check(!overlaps(label, box), `label of ${e.edge.id} is off ${box.node.id}`);
        const onItsArrow = e.points.some((p, i) => i > 0 && Math.abs(p.y - e.points[i - 1].y) < EPS
            && p.y > label.y && p.y < label.y + label.height
            && Math.min(p.x, e.points[i - 1].x) <= label.x + EPS && Math.max(p.x, e.points[i - 1].x) >= label.x + label.width - EPS);
        check(onItsArrow, `label of ${e.edge.id} sits on its arrow`);
    }
    const sorted = [...labelled].sort((a, b) => a.label!.y - b.label!.y);
    for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length && sorted[j].label!.y < sorted[i].label!.y + sorted[i].label!.height; j++) {
            check(!overlaps(sorted[i].label!, sorted[j].label!), `labels of ${sorted[i].edge.id} and ${sorted[j].edge.id} do not overlap`);
        }
    }
    return problems;
}

function expectSoundGeometry(laid: LaidOutDiagram): void {
    expect(geometryProblems(laid).slice(0, 20)).toEqual([]);
}

describe('the diagram of a large map', () => {
    let spec: DiagramSpec;
    let laid: LaidOutDiagram;
    let model: WorkspaceModel;
    let findings: Finding[];

    beforeAll(async () => {
        // 272 decisions: the benchmark's 300-box diagram.
        ({ model, findings } = await school(272, 'diagram-300'));
        spec = buildDiagramSpec(model, findings, { map: 'Lakeview' });
        laid = await layoutDiagram(spec);
    });

    it('is as large as the benchmark\'s and uses the large layout', () => {
        expect(countBoxes(spec.nodes)).toBeGreaterThanOrEqual(290);
        expect(spec.edges.length).toBeGreaterThan(1000);
        expect(usesLargeLayout(spec)).toBe(true);
    });

    it('keeps boxes apart, decisions in their domains, and draws every arrow between its boxes', () => {
        expectSoundGeometry(laid);
    });

    it('puts roles and teams left of the decisions, and every decision\'s arrows in at its left', () => {
        const holders = laid.nodes.filter(n => n.node.kind === 'role' || n.node.kind === 'team');
        const right = laid.nodes.filter(n => n.node.kind === 'domain' || n.node.kind === 'decision');
        expect(holders.length + right.length).toBe(laid.nodes.length);
        const holdersEnd = Math.max(...holders.map(h => h.x + h.width));
        for (const box of right) expect(box.x).toBeGreaterThan(holdersEnd);
        for (const { points } of laid.edges) expect(points[0].x).toBe(holdersEnd);
    });

    it('names the holder on every arrow\'s label, with the level the map gives', () => {
        const holderTitle = new Map(spec.nodes.filter(n => n.kind === 'role' || n.kind === 'team').map(n => [n.id, n.lines.filter(l => l.element === n.element).map(l => l.text).join(' ')]));
        for (const e of laid.edges) {
            expect(e.text!.endsWith(`: ${e.edge.label}`), e.text).toBe(true);
            const name = e.text!.slice(0, -`: ${e.edge.label}`.length);
            const title = holderTitle.get(e.edge.source)!;
            expect(name === title || (name.endsWith('…') && title.startsWith(name.slice(0, -1))), `${name} names ${title}`).toBe(true);
        }
    });

    it('gives the same bytes every time, and an accessible SVG', async () => {
        const svg = renderSvg(laid);
        expect(renderSvg(await layoutDiagram(buildDiagramSpec(model, findings, { map: 'Lakeview' })))).toBe(svg);
        expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="remit-title remit-desc"/);
        expect(svg).toContain('<title id="remit-title">Lakeview Elementary School: who holds what</title>');
        expect(svg).toMatch(/<desc id="remit-desc">Who holds which authority in Lakeview Elementary School: \d+ roles and teams, and 272 decisions/);
        for (const node of spec.nodes) expect(svg).toContain(`data-element="${node.element}"`);
        expect(svg.match(/<path class="edge[ "]/g)!.length).toBe(spec.edges.length);
        expect(svg.match(/<g class="edge-label">/g)!.length).toBe(spec.edges.length);
    });

    it('lays out smaller large maps soundly too (150 and 50 boxes)', async () => {
        for (const [decisions, seed] of [[122, 'diagram-150'], [23, 'diagram-50']] as const) {
            const s = await school(decisions, seed);
            const small = buildDiagramSpec(s.model, s.findings, { map: 'Lakeview' });
            expect(usesLargeLayout(small)).toBe(true);
            expectSoundGeometry(await layoutDiagram(small));
        }
    });
});

describe('the large layout on unusual diagrams', () => {
    const box = (id: string, kind: DiagramNode['kind'], height = 40): DiagramNode =>
        ({ id, kind, element: `M.${id}`, lines: [{ text: `Box ${id}`, size: 13, weight: 'bold', element: `M.${id}` }], width: 150, height });
    const edge = (id: string, source: string, target: string, label?: string) => ({ id, source, target, label, style: LINK_STYLE, strong: false });

    it('routes arrows between decisions, between roles, back to a role, and to a domain, each between its boxes', () => {
        const inner = { ...box('g2', 'domain', 24), children: [box('d3', 'decision'), box('d4', 'decision')] };
        const spec: DiagramSpec = {
            title: 'Odd', description: 'Odd arrows.', legend: [],
            nodes: [
                box('r1', 'role'), box('r2', 'team'), box('r3', 'role'),
                { ...box('g1', 'domain', 24), children: [box('d1', 'decision'), box('d2', 'decision'), inner] },
                box('d5', 'decision')
            ],
            edges: [
                edge('e1', 'r1', 'd1', 'decide'), edge('e2', 'r2', 'd1', 'consult'), edge('e3', 'r1', 'd3', 'recommend'),
                edge('e4', 'd1', 'd4', 'then'), edge('e5', 'd4', 'd2', 'then'), edge('e6', 'r1', 'r2', 'reports to'),
                edge('e7', 'd5', 'r3', 'escalates to'), edge('e8', 'r3', 'g2', 'inform'), edge('e9', 'd2', 'd2'),
                edge('e10', 'r2', 'd5')
            ]
        };
        const laid = layoutLarge(spec);
        expectSoundGeometry(laid);
        // An arrow from a decision back to a role ends at the role.
        const back = laid.edges.find(e => e.edge.id === 'e7')!;
        expect(back.points[back.points.length - 1].x).toBe(laid.nodes.find(n => n.node.id === 'r3')!.x + 150);
        expect(JSON.stringify(layoutLarge(spec))).toBe(JSON.stringify(laid));
    });

    it('draws a map of only roles, or only decisions', () => {
        for (const nodes of [[box('r1', 'role'), box('r2', 'role')], [box('d1', 'decision'), box('d2', 'decision')]]) {
            const laid = layoutLarge({ title: 'T', description: 'D', legend: [], nodes, edges: [edge('e1', nodes[0].id, nodes[1].id, 'x')] });
            expectSoundGeometry(laid);
        }
    });
});

describe('which diagrams use the large layout', () => {
    it('no example map does: they keep ELK\'s layout (and their golden files)', async () => {
        for (const [example, maps] of [['lakeside', ['Lakeside']], ['riverside', ['Riverside']], ['highland', ['Highland']], ['pinewood', ['Pinewood', 'PinewoodNorth']]] as const) {
            const { workspace, findings } = await loadExample(example);
            for (const map of maps) expect(usesLargeLayout(buildDiagramSpec(workspace.model, findings, { map })), map).toBe(false);
        }
    });

    it('a decision\'s flow never does, whatever its size', () => {
        const nodes = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, kind: 'step' as const, lines: [], width: 100, height: 40 }));
        expect(usesLargeLayout({ title: 'T', description: 'D', legend: [], nodes, edges: [], direction: 'DOWN' })).toBe(false);
        expect(usesLargeLayout({ title: 'T', description: 'D', legend: [], nodes, edges: [] })).toBe(true);
    });
});
