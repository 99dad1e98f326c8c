import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { analyzeWorkspace, checkSources, type WorkspaceModel } from '@remit/language';
import { buildDiagramSpec, renderDiagramSvg, type DiagramNode, type Finding } from '@remit/generators';
import { generateSchool } from '../workspace-generator.js';
import { DIAGRAM_WORKER_JS } from '../paths.js';
import { median, now, peakRssMB } from '../stats.js';

export interface DiagramSizeResult {
    /** Nodes asked for, and nodes the diagram has (boxes for holders, decisions and domains). */
    targetNodes: number;
    nodes: number;
    edges: number;
    decisions: number;
    svgBytes: number;
    /** Layout and SVG on the calling thread (median of the runs). */
    mainMs: number;
    /** The longest the event loop was held up while the calling thread did it. */
    mainStallMs: number;
    /** Layout and SVG in a worker thread, from request to answer (median). */
    workerMs: number;
    /** The longest the main thread's event loop was held up while the worker did it. */
    workerStallMs: number;
}

export interface DiagramResult {
    sizes: DiagramSizeResult[];
    peakRssMB: number;
}

interface Prepared { workspace: WorkspaceModel; findings: Finding[]; map: string; nodes: number; edges: number; decisions: number }

function countNodes(nodes: readonly DiagramNode[]): number {
    return nodes.reduce((sum, n) => sum + 1 + countNodes(n.children ?? []), 0);
}

/** A school map whose diagram has about `target` nodes, found by trying decision counts. */
async function prepare(target: number, seed: string): Promise<Prepared> {
    const build = async (decisions: number): Promise<Prepared> => {
        const school = generateSchool({ name: 'Lakeview', title: 'Lakeview Elementary School', decisions, seed });
        const ws = await checkSources([{ uri: 'file:///bench/lakeview.remit', text: school.text }]);
        const findings: Finding[] = analyzeWorkspace(ws.model).map(f => ({ code: f.code, severity: f.severity, element: f.element, message: f.message, uri: f.location.uri }));
        const spec = buildDiagramSpec(ws.model, findings, { map: 'Lakeview' });
        return { workspace: ws.model, findings, map: 'Lakeview', nodes: countNodes(spec.nodes), edges: spec.edges.length, decisions };
    };
    // Nodes grow linearly with decisions (plus a fixed cast of roles, teams and domains).
    const a = await build(10);
    const b = await build(40);
    const perDecision = (b.nodes - a.nodes) / 30;
    let decisions = Math.max(1, Math.round(10 + (target - a.nodes) / perDecision));
    let best = await build(decisions);
    for (let i = 0; i < 6 && best.nodes !== target; i++) {
        decisions = Math.max(1, decisions + Math.round((target - best.nodes) / perDecision) || (best.nodes < target ? 1 : -1));
        const next = await build(decisions);
        if (Math.abs(next.nodes - target) < Math.abs(best.nodes - target)) best = next;
        else break;
    }
    return best;
}

/** Runs `work` while recording how long the event loop is kept from turning. */
async function withLoopMonitor<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    // A timer that keeps the loop turning, as a server's pending requests would.
    const ticker = setInterval(() => undefined, 5);
    try {
        const value = await work();
        // Let the histogram take the last sample.
        await new Promise(resolve => setTimeout(resolve, 15));
        return { value, stallMs: histogram.max / 1e6 };
    } finally {
        clearInterval(ticker);
        histogram.disable();
    }
}

/**
 * Layout (ELK) and SVG through the generators' own function, for school maps whose diagrams
 * have the given numbers of nodes; once on the main thread, once in a worker, measuring in
 * both cases how long the main thread's event loop is held up.
 */
export async function measureDiagrams(targets: readonly number[], repeats: number): Promise<DiagramResult> {
    const worker = new Worker(DIAGRAM_WORKER_JS);
    let nextId = 0;
    const inWorker = (p: Prepared) => new Promise<{ svgBytes: number; ms: number }>((resolve, reject) => {
        const id = nextId++;
        const onMessage = (m: { id: number; svgBytes: number; ms: number }) => {
            if (m.id !== id) return;
            worker.off('message', onMessage);
            resolve(m);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage({ id, maps: p.workspace.maps, findings: p.findings, map: p.map });
    });
    try {
        const sizes: DiagramSizeResult[] = [];
        let warm = false;
        for (const target of targets) {
            const p = await prepare(target, `diagram-${target}`);
            if (!warm) {
                // One untimed run on each thread first, so that both have loaded and compiled ELK.
                await renderDiagramSvg(p.workspace, p.findings, { map: p.map });
                await inWorker(p);
                warm = true;
            }
            let svgBytes = 0;
            const mainRuns: number[] = [];
            let mainStall = 0;
            for (let i = 0; i < repeats; i++) {
                const { value, stallMs } = await withLoopMonitor(async () => {
                    const start = now();
                    svgBytes = (await renderDiagramSvg(p.workspace, p.findings, { map: p.map })).length;
                    return now() - start;
                });
                mainRuns.push(value);
                mainStall = Math.max(mainStall, stallMs);
            }
            const workerRuns: number[] = [];
            let workerStall = 0;
            for (let i = 0; i < repeats; i++) {
                const { value, stallMs } = await withLoopMonitor(async () => {
                    const start = now();
                    await inWorker(p);
                    return now() - start;
                });
                workerRuns.push(value);
                workerStall = Math.max(workerStall, stallMs);
            }
            sizes.push({
                targetNodes: target, nodes: p.nodes, edges: p.edges, decisions: p.decisions, svgBytes,
                mainMs: median(mainRuns), mainStallMs: mainStall, workerMs: median(workerRuns), workerStallMs: workerStall
            });
        }
        return { sizes, peakRssMB: peakRssMB() };
    } finally {
        await worker.terminate();
    }
}
