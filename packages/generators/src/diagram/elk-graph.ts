import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramNode, DiagramSpec } from './diagram-spec.js';
import { layoutLarge } from './large-layout.js';
import { EDGE_LABEL_SIZE, textWidth } from './text-metrics.js';

export { EDGE_LABEL_SIZE };

/** A diagram after layout: every box and arrow with absolute coordinates. */
export interface LaidOutDiagram {
    spec: DiagramSpec;
    width: number;
    height: number;
    nodes: LaidOutNode[];
    edges: LaidOutEdge[];
}

export interface LaidOutNode {
    node: DiagramNode;
    x: number;
    y: number;
    width: number;
    height: number;
    /** Boxes inside this one (domains hold decisions and sub-domains). */
    children: LaidOutNode[];
}

export interface LaidOutEdge {
    edge: DiagramEdge;
    points: Array<{ x: number; y: number }>;
    label?: { x: number; y: number; width: number; height: number };
    /** The label's words when they say more than the edge's own label (large diagrams name the holder). */
    text?: string;
}

const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.spacing.nodeNode': '18',
    'elk.spacing.edgeEdge': '8',
    'elk.spacing.edgeLabel': '2',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT',
    'elk.randomSeed': '1',
    'elk.padding': '[top=10,left=10,bottom=10,right=10]'
};

/**
 * Above this many boxes the layered layout's most careful settings take tens of seconds
 * (measured: 42 s for 150 boxes, see docs/performance.md). A map that large is laid out
 * by large-layout.ts instead (see `usesLargeLayout`); a decision's flow that large (top
 * down, which that layout does not do) trades some tidiness for speed: Brandes-Koepf
 * placement, no model order, one sweep of crossing minimisation (4.7 s instead of 42 s
 * for 150 boxes). Every example map stays well below it.
 */
export const LARGE_DIAGRAM_BOXES = 60;

/**
 * Maps with more boxes than LARGE_DIAGRAM_BOXES, or more arrows than this, are not laid
 * out by ELK at all but by large-layout.ts, which takes milliseconds: ELK's time grows
 * with the arrows (careful settings: about 0.7 s CPU for the 41 boxes and 63 arrows of
 * the Riverside example, 1.5 s for 50 boxes and 113 arrows). Every example map is below
 * both limits and keeps ELK's layout.
 */
export const LARGE_DIAGRAM_ARROWS = 80;

const LARGE_DIAGRAM_OPTIONS: LayoutOptions = {
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NONE',
    'elk.layered.thoroughness': '1'
};

function countBoxes(nodes: readonly DiagramNode[]): number {
    return nodes.reduce((sum, node) => sum + 1 + countBoxes(node.children ?? []), 0);
}

/**
 * The ELK graph of a diagram: explicit sizes for every box and edge label (ELK cannot
 * measure text), layered left to right, coordinates reported relative to the root.
 */
export function toElkGraph(spec: DiagramSpec): ElkNode {
    const toElk = (node: DiagramNode): ElkNode => {
        if (node.kind === 'domain') {
            return {
                id: node.id,
                layoutOptions: { 'elk.padding': `[top=${node.height + 4},left=14,bottom=14,right=14]` },
                children: (node.children ?? []).map(toElk),
                // The header's width keeps the domain at least wide enough for its title.
                width: node.width,
                height: node.height
            };
        }
        return { id: node.id, width: node.width, height: node.height };
    };
    const edges: ElkExtendedEdge[] = spec.edges.map(edge => ({
        id: edge.id,
        sources: [edge.source],
        targets: [edge.target],
        labels: edge.label ? [{ id: `${edge.id}l`, text: edge.label, width: edgeLabelWidth(edge), height: EDGE_LABEL_SIZE + 4 }] : []
    }));
    const sizeOptions = countBoxes(spec.nodes) > LARGE_DIAGRAM_BOXES ? LARGE_DIAGRAM_OPTIONS : {};
    return { id: 'root', layoutOptions: { ...ROOT_OPTIONS, ...sizeOptions, 'elk.direction': spec.direction ?? 'RIGHT' }, children: spec.nodes.map(toElk), edges };
}

export function edgeLabelWidth(edge: DiagramEdge): number {
    return textWidth(edge.label ?? '', EDGE_LABEL_SIZE) + 6;
}

/** Anything that lays out an ELK graph: the bundled ELK, or one running in a worker. */
export type ElkLayouter = { layout(graph: ElkNode): Promise<ElkNode> };
type Elk = ElkLayouter;
let elk: Elk | undefined;

function elkInstance(): Elk {
    // elkjs is CommonJS: under Node's ESM loader the constructor is the default export's
    // `default`; under bundlers it is the default export itself.
    const module = ElkModule as unknown as { default?: new () => Elk } & (new () => Elk);
    const Constructor = module.default ?? module;
    elk ??= new Constructor();
    return elk;
}

/**
 * Lays a diagram out with ELK. Async so an editor can run it off the main thread: pass
 * an ELK that runs in a worker (`new ELK({ workerUrl })` from elkjs); by default the
 * bundled ELK runs in the calling thread. Either way the layout is deterministic (fixed
 * random seed, model order kept).
 */
export async function layoutDiagram(spec: DiagramSpec, elk?: ElkLayouter): Promise<LaidOutDiagram> {
    // A large map is laid out by its own layout (large-layout.ts says why); a decision's
    // flow (top down) always by ELK.
    if (usesLargeLayout(spec)) return layoutLarge(spec);
    return layoutWithElk(spec, elk ?? elkInstance());
}

/** True when a diagram is laid out by large-layout.ts rather than by ELK. */
export function usesLargeLayout(spec: DiagramSpec): boolean {
    return (spec.direction ?? 'RIGHT') === 'RIGHT' && (countBoxes(spec.nodes) > LARGE_DIAGRAM_BOXES || spec.edges.length > LARGE_DIAGRAM_ARROWS);
}

async function layoutWithElk(spec: DiagramSpec, elk: ElkLayouter): Promise<LaidOutDiagram> {
    const result = await elk.layout(toElkGraph(spec));
    const byId = new Map<string, DiagramNode>();
    const index = (node: DiagramNode) => {
        byId.set(node.id, node);
        node.children?.forEach(index);
    };
    spec.nodes.forEach(index);
    const readNode = (elkNode: ElkNode): LaidOutNode => ({
        node: byId.get(elkNode.id)!,
        x: elkNode.x ?? 0,
        y: elkNode.y ?? 0,
        width: elkNode.width ?? 0,
        height: elkNode.height ?? 0,
        children: (elkNode.children ?? []).map(readNode)
    });
    const edgeSpec = new Map(spec.edges.map(e => [e.id, e]));
    const edges: LaidOutEdge[] = [];
    const collectEdges = (elkNode: ElkNode) => {
        for (const edge of (elkNode.edges ?? []) as ElkExtendedEdge[]) {
            const points = (edge.sections ?? []).flatMap(s => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
            const label = edge.labels?.[0];
            edges.push({
                edge: edgeSpec.get(edge.id)!,
                points,
                label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : undefined
            });
        }
        elkNode.children?.forEach(collectEdges);
    };
    collectEdges(result);
    // Keep the spec's edge order, whatever order ELK hands edges back in.
    const order = new Map(spec.edges.map((e, i) => [e.id, i]));
    edges.sort((a, b) => order.get(a.edge.id)! - order.get(b.edge.id)!);
    return { spec, width: result.width ?? 0, height: result.height ?? 0, nodes: (result.children ?? []).map(readNode), edges };
}
