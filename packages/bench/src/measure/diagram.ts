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
    /** Layout and SVG on the calling thread (median of the runs); null when not run (too slow). */
    mainMs: number | null;
    /** The longest the event loop was held up while the calling thread did it. */
    mainStallMs: number | null;
    /** Layout and SVG in a worker thread, from request to answer (median); null when over `limitMs`. */
    workerMs: number | null;
    /** The longest the main thread's event loop was held up while the worker did it. */
    workerStallMs: number;
    /** How long a layout was given before the benchmark gave up on it. */
    limitMs: number;
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
    // The histogram ignores the loop's first turn after it is enabled; let that pass, or a
    // layout that blocks at once (a synchronous one) would go unrecorded.
    await new Promise(resolve => setTimeout(resolve, 12));
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
 * The graph of every arrow (`view: 'full'`: ELK, or the large-map layout), the heaviest
 * picture: layout and SVG through the generators' own function, for school maps whose diagrams
 * have the given numbers of nodes; once on the main thread, once in a worker, measuring in
 * both cases how long the main thread's event loop is held up.
 */
export async function measureDiagrams(targets: readonly number[], repeats: number, limitMs = 120_000): Promise<DiagramResult> {
    let worker = new Worker(DIAGRAM_WORKER_JS);
    let nextId = 0;
    /** Resolves with undefined when the worker takes longer than `limitMs` (it is then replaced). */
    const inWorker = (p: Prepared) => new Promise<{ svgBytes: number; ms: number } | undefined>((resolve, reject) => {
        const id = nextId++;
        const current = worker;
        const timer = setTimeout(() => {
            current.off('message', onMessage);
            void current.terminate();
            worker = new Worker(DIAGRAM_WORKER_JS);
            resolve(undefined);
        }, limitMs);
        const onMessage = (m: { id: number; svgBytes: number; ms: number }) => {
            if (m.id !== id) return;
            clearTimeout(timer);
            current.off('message', onMessage);
            resolve(m);
        };
        current.on('message', onMessage);
        current.once('error', reject);
        current.postMessage({ id, maps: p.workspace.maps, findings: p.findings, map: p.map });
    });
    try {
        const sizes: DiagramSizeResult[] = [];
        let warm = false;
        for (const target of targets) {
            const p = await prepare(target, `diagram-${target}`);
            if (!warm) {
                // One untimed run on each thread first, so that both have loaded and compiled ELK.
                await renderDiagramSvg(p.workspace, p.findings, { map: p.map, view: 'full' });
                await inWorker(p);
                warm = true;
            }
            // The worker first: it can be given up on when a layout takes too long, the main thread cannot.
            let svgBytes = 0;
            const workerRuns: number[] = [];
            let workerStall = 0;
            let timedOut = false;
            for (let i = 0; i < repeats && !timedOut; i++) {
                const { value, stallMs } = await withLoopMonitor(async () => {
                    const start = now();
                    const answer = await inWorker(p);
                    if (answer) svgBytes = answer.svgBytes;
                    return answer ? now() - start : undefined;
                });
                if (value === undefined) timedOut = true;
                else workerRuns.push(value);
                workerStall = Math.max(workerStall, stallMs);
            }
            const mainRuns: number[] = [];
            let mainStall = 0;
            // On the main thread only when it will finish in reasonable time.
            const mainRepeats = timedOut || median(workerRuns) > limitMs / 4 ? 0 : repeats;
            for (let i = 0; i < mainRepeats; i++) {
                const { value, stallMs } = await withLoopMonitor(async () => {
                    const start = now();
                    svgBytes = (await renderDiagramSvg(p.workspace, p.findings, { map: p.map, view: 'full' })).length;
                    return now() - start;
                });
                mainRuns.push(value);
                mainStall = Math.max(mainStall, stallMs);
            }
            sizes.push({
                targetNodes: target, nodes: p.nodes, edges: p.edges, decisions: p.decisions, svgBytes,
                mainMs: mainRuns.length ? median(mainRuns) : null, mainStallMs: mainRuns.length ? mainStall : null,
                workerMs: timedOut ? null : median(workerRuns), workerStallMs: workerStall, limitMs
            });
        }
        return { sizes, peakRssMB: peakRssMB() };
    } finally {
        await worker.terminate();
    }
}
