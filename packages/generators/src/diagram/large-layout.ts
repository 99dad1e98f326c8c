import type { DiagramEdge, DiagramNode, DiagramSpec } from './diagram-spec.js';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode } from './elk-graph.js';
import { EDGE_LABEL_SIZE, textWidth } from './text-metrics.js';

/*
 * The layout of large map diagrams, written for their shape instead of handed to ELK.
 *
 * Why not ELK: its layered algorithm (hierarchical domains, labelled orthogonal edges)
 * took 9.6-12 s for a school map of 300 boxes and 1,195 arrows, and 2.3-3.9 s for 150
 * boxes / 525 arrows, even with its cheapest careful settings (Brandes-Koepf placement,
 * no model order, thoroughness 1). Other settings measured on the same 300 boxes, ELK
 * alone: polyline routing 5.1 s, splines 11.5 s, domains flattened and polyline 3.0 s,
 * flattened without any edge labels 2.0 s. None comes near 1 s, and the pictures were
 * 12,000 x 41,000 px: every arrow gets its own routing channel between the layers.
 * This layout takes a few milliseconds for the same map.
 *
 * The shape: a map diagram is nearly bipartite, roles and teams ("holders") on one side,
 * decisions grouped in (nested) domain boxes on the other, an arrow from a holder to each
 * decision it has a hand in. So:
 *
 * - Holders stand in a column on the left, decisions and domains in a column on the
 *   right, in the order the map was written (domains as nested boxes, as ELK draws them).
 * - Between them runs a bus: each holder has one vertical track. An arrow leaves its
 *   holder's right border, runs along the holder's track, and turns right at the height of
 *   its own port on the decision's left border. Horizontal branches never overlap: every
 *   arrow has its own port, and a decision box is made tall enough for its ports.
 * - The label sits on that last horizontal stretch, in a column of labels just left of the
 *   domains, and names the holder as well as the level ("Principal: decide"), since on a
 *   tall picture the holder is far away. A decision's arrows can be read off beside it.
 * - Crossings: an arrow's branch crosses the tracks to its track's right that are still
 *   running at its height, so tracks that end early go right and the longest go left.
 *   Holders are stacked top to bottom in the order of their tracks from right to left,
 *   which keeps a holder's first stretch from crossing any other track that starts
 *   below it. Ties: the holder with more arrows nearer the decisions, then map order.
 * - Arrows between two boxes of the same column (none in today's map diagrams) leave and
 *   enter on the column's outer side and run along a track of their own there.
 *
 * Deterministic: no randomness, every ordering ends in the map's order.
 */

const PAD = 10;
const NODE_GAP = 18;
const DOMAIN_SIDE = 14;
const PORT_GAP = EDGE_LABEL_SIZE + 6;
const TRACK_GAP = 10;
const CHANNEL_GAP = 24;
const LABEL_HEIGHT = EDGE_LABEL_SIZE + 4;
/** Labels wider than this have the holder's name shortened (the level is never cut). */
const MAX_LABEL_WIDTH = 300;

interface Box {
    laid: LaidOutNode;
    column: 0 | 1;
    /** Index in the map's order, for ties. */
    order: number;
    /** Ports on the border facing the other column, and on the outer border. */
    innerPorts: number;
    outerPorts: number;
}

/** A label's width; bold words (final authority) run about a tenth wider. */
function labelWidth(text: string, strong = false): number {
    return Math.ceil(textWidth(text, EDGE_LABEL_SIZE) * (strong ? 1.1 : 1)) + 6;
}

/** The words of a box's title: its lines that name its element, else its first line. */
function titleOf(node: DiagramNode): string {
    const named = node.lines.filter(l => l.element !== undefined && l.element === node.element).map(l => l.text);
    return (named.length ? named : node.lines.slice(0, 1).map(l => l.text)).join(' ');
}

/** "Holder: level", with the holder's name cut short (…) when the whole would be too wide. */
function crossLabel(holder: string, level: string, strong: boolean): string {
    const full = `${holder}: ${level}`;
    if (labelWidth(full, strong) <= MAX_LABEL_WIDTH) return full;
    let name = holder;
    while (name.length > 1 && labelWidth(`${name}…: ${level}`, strong) > MAX_LABEL_WIDTH) name = name.slice(0, -1);
    return `${name.trimEnd()}…: ${level}`;
}

/** Positions of `count` ports spread around the middle of a border from `top` of length `length`. */
function ports(top: number, length: number, count: number): number[] {
    const middle = top + length / 2;
    return Array.from({ length: count }, (_, i) => middle + (i - (count - 1) / 2) * PORT_GAP);
}

function portHeight(count: number): number {
    return count * PORT_GAP + 8;
}

/** Lays out a large map diagram in the shape described above; synchronous and fast. */
export function layoutLarge(spec: DiagramSpec): LaidOutDiagram {
    const boxes = new Map<string, Box>();
    let order = 0;
    const index = (node: DiagramNode, column: 0 | 1): LaidOutNode => {
        const laid: LaidOutNode = { node, x: 0, y: 0, width: node.width, height: node.height, children: [] };
        boxes.set(node.id, { laid, column, order: order++, innerPorts: 0, outerPorts: 0 });
        laid.children = (node.children ?? []).map(child => index(child, column));
        return laid;
    };
    const left: LaidOutNode[] = [];
    const right: LaidOutNode[] = [];
    for (const node of spec.nodes) {
        if (node.kind === 'domain' || node.kind === 'decision') right.push(index(node, 1));
        else left.push(index(node, 0));
    }

    // Count the ports every box needs, so it can be made tall enough for them.
    const known = spec.edges.filter(e => boxes.has(e.source) && boxes.has(e.target));
    const cross: DiagramEdge[] = [];
    const same: DiagramEdge[] = [];
    for (const edge of known) {
        const source = boxes.get(edge.source)!;
        const target = boxes.get(edge.target)!;
        if (source.column !== target.column) {
            cross.push(edge);
            (source.column === 1 ? source : target).innerPorts++;
        } else {
            same.push(edge);
            source.outerPorts++;
            target.outerPorts++;
        }
    }
    const holderOf = (edge: DiagramEdge) => (boxes.get(edge.source)!.column === 0 ? edge.source : edge.target);
    const decisionOf = (edge: DiagramEdge) => (boxes.get(edge.source)!.column === 1 ? edge.source : edge.target);

    // Sizes first (nothing depends on position), then positions.
    const size = (laid: LaidOutNode): void => {
        const box = boxes.get(laid.node.id)!;
        laid.children.forEach(size);
        if (laid.node.kind === 'domain') {
            const inner = laid.children.reduce((sum, c, i) => sum + c.height + (i ? NODE_GAP : 0), 0);
            laid.width = Math.max(laid.node.width, ...laid.children.map(c => c.width + 2 * DOMAIN_SIDE));
            laid.height = laid.node.height + 4 + inner + DOMAIN_SIDE;
        }
        laid.height = Math.max(laid.height, portHeight(box.innerPorts), portHeight(box.outerPorts));
    };
    [...left, ...right].forEach(size);

    // Label texts and widths decide how wide the channels are.
    const labelText = new Map<string, string>();
    for (const edge of cross) {
        if (edge.label) labelText.set(edge.id, crossLabel(titleOf(boxes.get(holderOf(edge))!.laid.node), edge.label, edge.strong));
    }
    for (const edge of same) if (edge.label) labelText.set(edge.id, edge.label);
    const widthOf = (edge: DiagramEdge) => (labelText.has(edge.id) ? labelWidth(labelText.get(edge.id)!, edge.strong) : 0);
    const widest = (edges: DiagramEdge[]) => Math.max(0, ...edges.map(widthOf));
    const leftSame = same.filter(e => boxes.get(e.source)!.column === 0);
    const rightSame = same.filter(e => boxes.get(e.source)!.column === 1);
    const leftOuter = leftSame.length ? widest(leftSame) + 2 * PAD + leftSame.length * TRACK_GAP + CHANNEL_GAP : 0;

    // The right column, top to bottom in map order.
    const place = (laid: LaidOutNode, x: number, y: number): void => {
        laid.x = x;
        laid.y = y;
        let next = y + laid.node.height + 4;
        if (laid.node.kind !== 'domain') return;
        for (const child of laid.children) {
            place(child, x + DOMAIN_SIDE, next);
            next += child.height + NODE_GAP;
        }
    };
    // The right column first (its order is the map's, its sizes are known): where each
    // holder's decisions end decides the holders' order and their tracks (see above).
    const holderWidth = Math.max(0, ...left.map(l => l.width));
    const reach = new Map<string, { bottom: number; count: number }>();
    {
        let y = PAD;
        for (const laid of right) {
            place(laid, 0, y);
            y += laid.height + NODE_GAP;
        }
    }
    for (const edge of cross) {
        const decision = boxes.get(decisionOf(edge))!.laid;
        const r = reach.get(holderOf(edge)) ?? { bottom: 0, count: 0 };
        r.bottom = Math.max(r.bottom, decision.y + decision.height / 2);
        r.count++;
        reach.set(holderOf(edge), r);
    }
    const holders = [...left].sort((a, b) => {
        const ra = reach.get(a.node.id);
        const rb = reach.get(b.node.id);
        if (!ra || !rb) return ra ? -1 : rb ? 1 : boxes.get(a.node.id)!.order - boxes.get(b.node.id)!.order;
        return ra.bottom - rb.bottom || rb.count - ra.count || boxes.get(a.node.id)!.order - boxes.get(b.node.id)!.order;
    });
    const tracked = holders.filter(h => reach.has(h.node.id));
    const holderX = PAD + leftOuter;
    const trackStart = holderX + holderWidth + CHANNEL_GAP;
    const trackX = new Map<string, number>();
    // The first holder (top) gets the rightmost track.
    tracked.forEach((h, i) => trackX.set(h.node.id, trackStart + (tracked.length - 1 - i) * TRACK_GAP));
    const labelsLeft = trackStart + Math.max(0, tracked.length - 1) * TRACK_GAP + CHANNEL_GAP;
    const labelsRight = labelsLeft + widest(cross);
    const columnX = labelsRight + (cross.some(e => labelText.has(e.id)) ? CHANNEL_GAP : 0);
    const shift = (laid: LaidOutNode, dx: number): void => {
        laid.x += dx;
        laid.children.forEach(c => shift(c, dx));
    };
    right.forEach(r => shift(r, columnX));
    {
        let y = PAD;
        for (const h of holders) {
            h.x = holderX;
            h.y = y;
            y += h.height + NODE_GAP;
        }
    }

    // Ports on the inner borders: a decision's arrows in the order of their holders down
    // the left column, so the same holder always sits at the same place in the stack.
    const rank = new Map(holders.map((h, i) => [h.node.id, i]));
    const innerPort = new Map<string, number>();
    const byDecision = new Map<string, DiagramEdge[]>();
    for (const edge of cross) {
        const d = decisionOf(edge);
        if (!byDecision.has(d)) byDecision.set(d, []);
        byDecision.get(d)!.push(edge);
    }
    for (const [d, edges] of byDecision) {
        const laid = boxes.get(d)!.laid;
        edges.sort((a, b) => rank.get(holderOf(a))! - rank.get(holderOf(b))! || boxes.get(a.source)!.order - boxes.get(b.source)!.order);
        ports(laid.y, laid.height, edges.length).forEach((y, i) => innerPort.set(edges[i].id, y));
    }

    const laidEdges = new Map<string, LaidOutEdge>();
    for (const edge of cross) {
        const holder = boxes.get(holderOf(edge))!.laid;
        const decision = boxes.get(decisionOf(edge))!.laid;
        const x = trackX.get(holder.node.id)!;
        const exit = holder.y + holder.height / 2;
        const port = innerPort.get(edge.id)!;
        const fromHolder = [{ x: holder.x + holder.width, y: exit }, { x, y: exit }, { x, y: port }, { x: decision.x, y: port }];
        const points = holderOf(edge) === edge.source ? fromHolder : fromHolder.reverse();
        const text = labelText.get(edge.id);
        const label = text === undefined ? undefined : { x: labelsRight - widthOf(edge), y: port - LABEL_HEIGHT / 2, width: widthOf(edge), height: LABEL_HEIGHT };
        laidEdges.set(edge.id, { edge, points: dedupe(points), label, text });
    }

    // Arrows within a column, around its outer side, each on a track of its own.
    const columnRight = Math.max(columnX, ...right.map(r => r.x + r.width));
    const outerPort = new Map<string, number[]>();
    const nextOuter = (laid: LaidOutNode): number => {
        const box = boxes.get(laid.node.id)!;
        const list = outerPort.get(laid.node.id) ?? ports(laid.y, laid.height, box.outerPorts);
        outerPort.set(laid.node.id, list);
        return list.shift()!;
    };
    const rightLabels = widest(rightSame);
    rightSame.forEach((edge, i) => {
        const source = boxes.get(edge.source)!.laid;
        const target = boxes.get(edge.target)!.laid;
        const from = nextOuter(source);
        const to = nextOuter(target);
        const x = columnRight + 2 * PAD + rightLabels + CHANNEL_GAP + i * TRACK_GAP;
        const text = labelText.get(edge.id);
        const label = text === undefined ? undefined : { x: columnRight + PAD, y: from - LABEL_HEIGHT / 2, width: widthOf(edge), height: LABEL_HEIGHT };
        laidEdges.set(edge.id, { edge, points: dedupe([{ x: source.x + source.width, y: from }, { x, y: from }, { x, y: to }, { x: target.x + target.width, y: to }]), label, text });
    });
    leftSame.forEach((edge, i) => {
        const source = boxes.get(edge.source)!.laid;
        const target = boxes.get(edge.target)!.laid;
        const from = nextOuter(source);
        const to = nextOuter(target);
        const x = holderX - 2 * PAD - widest(leftSame) - CHANNEL_GAP - i * TRACK_GAP;
        const text = labelText.get(edge.id);
        const width = widthOf(edge);
        const label = text === undefined ? undefined : { x: holderX - PAD - width, y: from - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
        laidEdges.set(edge.id, { edge, points: dedupe([{ x: source.x, y: from }, { x, y: from }, { x, y: to }, { x: target.x, y: to }]), label, text });
    });

    const bottom = (laid: LaidOutNode) => laid.y + laid.height;
    const width = Math.max(columnRight, holderX + holderWidth) + PAD + (rightSame.length ? PAD + rightLabels + CHANNEL_GAP + rightSame.length * TRACK_GAP : 0);
    const height = Math.max(PAD, ...left.map(bottom), ...right.map(bottom)) + PAD;
    // Boxes in the map's order (holders too), arrows in the spec's order.
    return {
        spec,
        width,
        height,
        nodes: [...left, ...right],
        edges: spec.edges.map(edge => laidEdges.get(edge.id) ?? { edge, points: [] })
    };
}

/** Drops a point equal to the one before it (a holder level with its port needs no bend). */
function dedupe(points: Array<{ x: number; y: number }>): Array<{ x: number; y: number }> {
    return points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
}
