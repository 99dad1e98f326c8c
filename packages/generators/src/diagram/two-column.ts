import type { DiagramEdge, DiagramNode, DiagramSpec, LegendItem } from './diagram-spec.js';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from './elk-graph.js';
import { EDGE_LABEL_SIZE, textWidth } from './text-metrics.js';

/*
 * The layout of the overview and its drill-downs: roles and teams in a column on the
 * left, domain panels (with their decisions) in a column on the right, in the map's
 * order, and arrows from left to right. Written for this shape rather than handed to ELK:
 * it takes a millisecond, never reorders the map, and its positions depend only on what
 * it is given, so the same boxes and arrows always land in the same places.
 *
 * - The right column is stacked top to bottom in the order given (the map's).
 * - Each arrow ends on its own port on its target's left border; a target's ports are in
 *   the order of their sources down the left column, so arrows into one box never cross.
 * - The left column is ordered by the barycentre of each source's ports (ties in the order
 *   given), and each box is placed at that height when there is room, pushed down when
 *   not: arrows run nearly level and two arrows cross only where the orders disagree.
 * - An arrow leaves its source's right border (a source's arrows leave in the order of
 *   their ports, so they do not cross either), runs straight to the start of its label,
 *   then level along its label to the port.
 * - Ghost arrows (held in some other phase) get their ports but are not drawn.
 *
 * Deterministic: no randomness; every ordering ends in the order given.
 */

export interface TwoColumnSpec {
    title: string;
    description: string;
    legend: LegendItem[];
    left: DiagramNode[];
    right: DiagramNode[];
    edges: DiagramEdge[];
}

const PAD = 10;
const NODE_GAP = 14;
const PANEL_SIDE = 12;
const PORT_GAP = EDGE_LABEL_SIZE + 8;
const DIAGONAL = 70;
const LABEL_HEIGHT = EDGE_LABEL_SIZE + 5;
const ARROW_ROOM = 14;

function labelWidth(edge: DiagramEdge, text = edge.label): number {
    // Bold (final authority, or new in the phase) runs about a tenth wider.
    return text ? Math.ceil(textWidth(text, EDGE_LABEL_SIZE) * (edge.strong || edge.fresh ? 1.1 : 1)) + 8 : 0;
}

/** Room for the arrow's longest label in any phase (fresh or not: both are bold when final). */
function reservedWidth(edge: DiagramEdge): number {
    const text = edge.reserve ?? edge.label;
    return text ? Math.ceil(textWidth(text, EDGE_LABEL_SIZE) * 1.1) + 8 : 0;
}

export function layoutTwoColumns(spec: TwoColumnSpec): LaidOutDiagram {
    const laid = new Map<string, LaidOutNode>();
    const make = (node: DiagramNode): LaidOutNode => {
        const result: LaidOutNode = { node, x: 0, y: 0, width: node.width, height: node.height, children: (node.children ?? []).map(make) };
        laid.set(node.id, result);
        return result;
    };
    const left = spec.left.map(make);
    const right = spec.right.map(make);

    // Arrows per target, to make each target tall enough for its ports.
    const byTarget = new Map<string, DiagramEdge[]>();
    for (const edge of spec.edges) {
        if (!laid.has(edge.source) || !laid.has(edge.target)) continue;
        if (!byTarget.has(edge.target)) byTarget.set(edge.target, []);
        byTarget.get(edge.target)!.push(edge);
    }
    const portsHeight = (id: string) => ((byTarget.get(id)?.length ?? 0) + 1) * PORT_GAP;

    // The right column: sizes, then positions, top to bottom.
    const size = (node: LaidOutNode): void => {
        node.children.forEach(size);
        if (node.children.length) {
            const inner = node.children.reduce((sum, c, i) => sum + c.height + (i ? NODE_GAP / 2 : 0), 0);
            node.width = Math.max(node.node.width, ...node.children.map(c => c.width + 2 * PANEL_SIDE));
            node.height = node.node.height + inner + PANEL_SIDE;
        }
        node.height = Math.max(node.height, portsHeight(node.node.id));
    };
    right.forEach(size);
    left.forEach(n => { n.height = Math.max(n.height, portsHeight(n.node.id)); });
    const holderWidth = Math.max(0, ...left.map(n => n.width));
    const labelRoom = Math.max(0, ...spec.edges.map(reservedWidth));
    const rightX = PAD + holderWidth + DIAGONAL + labelRoom + ARROW_ROOM;
    const place = (node: LaidOutNode, x: number, y: number): void => {
        node.x = x;
        node.y = y;
        let next = y + node.node.height;
        for (const child of node.children) {
            place(child, x + PANEL_SIDE, next);
            next += child.height + NODE_GAP / 2;
        }
    };
    {
        let y = PAD;
        for (const node of right) {
            place(node, rightX, y);
            y += node.height + NODE_GAP;
        }
    }

    // Sources in the order of the barycentre of their targets; then their heights.
    const order = new Map(left.map((n, i) => [n.node.id, i]));
    const targetMiddle = (edge: DiagramEdge) => {
        const t = laid.get(edge.target)!;
        return t.children.length ? t.y + t.node.height / 2 : t.y + t.height / 2;
    };
    const barycentre = new Map<string, number>();
    for (const n of left) {
        const mine = spec.edges.filter(e => e.source === n.node.id && laid.has(e.target));
        if (mine.length) barycentre.set(n.node.id, mine.reduce((s, e) => s + targetMiddle(e), 0) / mine.length);
    }
    const initial = [...left].sort((a, b) => {
        const ba = barycentre.get(a.node.id);
        const bb = barycentre.get(b.node.id);
        if (ba === undefined || bb === undefined) return ba !== undefined ? -1 : bb !== undefined ? 1 : order.get(a.node.id)! - order.get(b.node.id)!;
        return ba - bb || order.get(a.node.id)! - order.get(b.node.id)!;
    });
    const sorted = fewerCrossings(initial, spec.edges.filter(e => laid.has(e.source) && laid.has(e.target)), targetMiddle);
    {
        let y = PAD;
        for (const n of sorted) {
            const wanted = barycentre.has(n.node.id) ? barycentre.get(n.node.id)! - n.height / 2 : y;
            n.x = PAD;
            n.y = Math.max(y, wanted);
            y = n.y + n.height + NODE_GAP;
        }
    }

    // Ports: on each target in the order of the sources, from the top of the box (a panel's
    // header) down; on each source in the order of their ports.
    const rank = new Map(sorted.map((n, i) => [n.node.id, i]));
    const port = new Map<string, number>();
    for (const [target, edges] of byTarget) {
        const t = laid.get(target)!;
        edges.sort((a, b) => rank.get(a.source)! - rank.get(b.source)!);
        const first = t.children.length ? t.y + Math.min(t.node.height / 2, PORT_GAP) : t.y + t.height / 2 - (edges.length - 1) * PORT_GAP / 2;
        edges.forEach((e, i) => port.set(e.id, first + i * PORT_GAP));
    }
    const exit = new Map<string, number>();
    for (const n of left) {
        const mine = spec.edges.filter(e => e.source === n.node.id && port.has(e.id)).sort((a, b) => port.get(a.id)! - port.get(b.id)!);
        mine.forEach((e, i) => exit.set(e.id, n.y + (n.height * (i + 1)) / (mine.length + 1)));
    }

    const edges: LaidOutEdge[] = [];
    for (const edge of spec.edges) {
        if (edge.ghost || !port.has(edge.id)) continue;
        const s = laid.get(edge.source)!;
        const t = laid.get(edge.target)!;
        const y = port.get(edge.id)!;
        const width = labelWidth(edge);
        const turn = t.x - ARROW_ROOM - labelRoom;
        edges.push({
            edge,
            points: [{ x: s.x + s.width, y: exit.get(edge.id)! }, { x: turn, y }, { x: t.x, y }],
            label: edge.label ? { x: t.x - ARROW_ROOM - width, y: y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT } : undefined
        });
    }
    const bottom = (n: LaidOutNode) => n.y + n.height;
    const width = Math.max(rightX, ...right.map(n => n.x + n.width), ...left.map(n => n.x + n.width)) + PAD;
    const height = Math.max(PAD, ...left.map(bottom), ...right.map(bottom)) + PAD;
    const diagram: DiagramSpec = { title: spec.title, description: spec.description, legend: spec.legend, nodes: [...spec.left, ...spec.right], edges: spec.edges };
    return { spec: diagram, width, height, nodes: [...left, ...right], edges };
}

/**
 * Improves the order of the left column: two arrows from different boxes to different
 * targets cross exactly when the boxes' order disagrees with their targets' (see above),
 * so the crossings of a pair of boxes in either order can be counted once, and the order
 * improved by moving one box at a time to its best place ("sifting"), a few rounds, until
 * nothing improves. Deterministic; boxes without arrows stay last in the order given.
 */
function fewerCrossings(initial: LaidOutNode[], edges: DiagramEdge[], y: (edge: DiagramEdge) => number): LaidOutNode[] {
    const linked = initial.filter(n => edges.some(e => e.source === n.node.id));
    const rest = initial.filter(n => !linked.includes(n));
    const targets = linked.map(n => edges.filter(e => e.source === n.node.id).map(e => ({ target: e.target, y: y(e) })));
    // cost[a][b]: crossings between a's and b's arrows when a stands above b.
    const cost = linked.map((_, a) => linked.map((__, b) => {
        if (a === b) return 0;
        let c = 0;
        for (const s of targets[a]) for (const t of targets[b]) if (s.target !== t.target && s.y > t.y) c++;
        return c;
    }));
    let order = linked.map((_, i) => i);
    const total = (o: number[]) => o.reduce((sum, a, i) => sum + o.slice(i + 1).reduce((s, b) => s + cost[a][b], 0), 0);
    let best = total(order);
    // Sifting costs the cube of the boxes per round: large maps keep the barycentre order.
    for (let round = 0; linked.length <= 60 && round < 8 && best > 0; round++) {
        let improved = false;
        for (const node of [...order]) {
            const without = order.filter(n => n !== node);
            let bestAt = order.indexOf(node);
            let bestCost = best;
            for (let at = 0; at <= without.length; at++) {
                const candidate = [...without.slice(0, at), node, ...without.slice(at)];
                const c = total(candidate);
                if (c < bestCost) {
                    bestCost = c;
                    bestAt = at;
                }
            }
            if (bestCost < best) {
                order = [...without.slice(0, bestAt), node, ...without.slice(bestAt)];
                best = bestCost;
                improved = true;
            }
        }
        if (!improved) break;
    }
    return [...order.map(i => linked[i]), ...rest];
}
