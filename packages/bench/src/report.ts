import type { BenchResults } from './bench.js';

/** One line of the results table. */
export interface Row {
    /** Stable identifier, for tests and scripts. */
    id: string;
    measurement: string;
    workspace: string;
    result: string;
    target: string;
    /** Whether the target is met; undefined where the row has no target of its own. */
    met?: boolean;
    peakRssMB?: number;
}

/** The targets of the issues. */
export const TARGETS = {
    /** The check's time per input byte against JSON.parse's time per byte of JSON. */
    checkVsJsonParse: 30,
    /** Peak memory of a full check, per MB of maps (the district and the state). */
    checkMBPerMB: 50,
    /** The state (2,000 maps, 14 MB) checks within this much memory. */
    stateCheckMB: 2048,
    /** The language server with the district open. */
    serverDistrictMB: 500,
    /** From initialize until every map's diagnostics are published, on the district. */
    initialMs: 2000,
    keystrokeP95Ms: 50,
    /** A keystroke in the district map: its own diagnostics. */
    districtKeystrokeP95Ms: 100,
    /** A change in the district map: every dependent school's diagnostics current. */
    dependentsMs: 1000,
    diagramMs: 1000,
    /** "Off the main thread": the main event loop is never held up longer than a frame or two. */
    diagramStallMs: 50,
    startupVsNode: 5,
    /** The preview redraws an example map within this after an edit (median). */
    previewMs: 300,
    /** `remit diff --rev` reads and checks two versions: at most three times one `remit check`. */
    reviewVsCheck: 3
};

const ms = (v: number) => v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;
const x = (v: number) => `${v.toFixed(1)}x`;
const perMB = (peakMB: number, bytes: number) => peakMB / (bytes / 1e6);

/**
 * The check's time per byte of the maps against JSON.parse's time per byte of JSON: the
 * honest ratio. (The model's JSON is several times larger than the maps, so dividing the
 * check's time by the time JSON.parse takes over it flatters the check by that factor.)
 */
export function perByteRatio(c: { checkMs: number; bytes: number; jsonParseMs: number; jsonBytes: number }): number {
    return (c.checkMs / c.bytes) / (c.jsonParseMs / c.jsonBytes);
}

export function rows(r: BenchResults): Row[] {
    const out: Row[] = [];
    for (const c of r.check ?? []) {
        const ws = r.workspaces.find(w => w.name === c.workspace)!;
        const ratio = perByteRatio(c);
        out.push({
            id: `check-${c.workspace}`,
            measurement: 'full check (parse, link, every rule), per input byte vs JSON.parse per byte',
            workspace: `${c.workspace}: ${ws.maps} map${ws.maps === 1 ? "" : "s"}, ${ws.decisions} decisions, ${mb(c.bytes)}`,
            result: `${ms(c.checkMs)}${firstRun(c)} = ${(c.bytes / 1e6 / (c.checkMs / 1000)).toFixed(2)} MB/s; JSON.parse ${(c.jsonBytes / 1e6 / (c.jsonParseMs / 1000)).toFixed(0)} MB/s: ${x(ratio)} (old figure, against JSON.parse of the ${mb(c.jsonBytes)} model: ${x(c.checkMs / c.jsonParseMs)}); findings ${c.errors}E ${c.warnings}W ${c.hints}H`,
            target: `<= ${TARGETS.checkVsJsonParse}x per byte`,
            met: ratio <= TARGETS.checkVsJsonParse,
            peakRssMB: c.peakRssMB
        });
    }
    for (const c of r.check ?? []) {
        // One school is smaller than the process itself: its figure per MB is shown, not judged.
        const judged = c.workspace !== 'school';
        const state = c.workspace === 'state';
        const ratio = perMB(c.peakRssMB, c.bytes);
        out.push({
            id: `check-memory-${c.workspace}`,
            measurement: 'full check: peak memory per MB of maps',
            workspace: `${c.workspace}: ${mb(c.bytes)}`,
            result: `${Math.round(c.peakRssMB)} MB = ${Math.round(ratio)} MB per MB (one check in a fresh process${c.runs.length > 1 && c.peakRssAllRunsMB !== undefined ? `; after all ${c.runs.length} runs in it, ${Math.round(c.peakRssAllRunsMB)} MB` : ''})`,
            target: judged ? `<= ${TARGETS.checkMBPerMB} MB per MB${state ? `; within ${TARGETS.stateCheckMB / 1024} GB` : ''}` : '-',
            met: judged ? ratio <= TARGETS.checkMBPerMB && (!state || c.peakRssMB <= TARGETS.stateCheckMB) : undefined,
            peakRssMB: c.peakRssMB
        });
    }
    const district = r.workspaces.find(w => w.name === 'district')!;
    const dws = `district: ${district.maps} maps, ${mb(district.bytes)}`;
    if (r.lsp) out.push(...lspRows(r.lsp, dws, district.bytes));
    for (const l of r.lspWorkspaces ?? []) {
        const ws = r.workspaces.find(w => w.name === l.workspace)!;
        out.push({
            id: `lsp-memory-${l.workspace}`,
            measurement: 'language server: initialize to every map\'s diagnostics; peak memory per MB of maps',
            workspace: `${l.workspace}: ${ws.maps} map${ws.maps === 1 ? '' : 's'}, ${mb(ws.bytes)}`,
            result: `${ms(l.initialMs)}; ${l.peakRssMB === undefined ? 'memory not reported' : `${Math.round(l.peakRssMB)} MB = ${Math.round(perMB(l.peakRssMB, ws.bytes))} MB per MB`}`,
            target: '-',
            peakRssMB: l.peakRssMB
        });
    }
    if (r.lspAlone) {
        const k = r.lspAlone.keystroke;
        out.push({
            id: 'lsp-keystroke-alone',
            measurement: 'the same keystrokes, the map open with only the district map (the floor)',
            workspace: '2 maps',
            result: `p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)} (${k.samples} edits)`,
            target: '-',
            peakRssMB: r.lspAlone.peakRssMB
        });
    }
    for (const d of r.diagram?.sizes ?? []) {
        const worker = d.workerMs === null ? `worker gave up after ${ms(d.limitMs)}` : `worker ${ms(d.workerMs)} (event loop held ${ms(d.workerStallMs)})`;
        const main = d.mainMs === null ? 'main thread not run (too slow)' : `main thread ${ms(d.mainMs)} (event loop held ${ms(d.mainStallMs ?? 0)})`;
        out.push({
            id: `diagram-${d.targetNodes}`,
            measurement: `diagram layout + SVG, ${d.nodes} nodes`,
            workspace: `one map: ${d.decisions} decisions, ${d.nodes} nodes, ${d.edges} edges`,
            result: `${worker}; ${main}`,
            target: d.targetNodes >= 300 ? `< ${TARGETS.diagramMs} ms, off the main thread` : '-',
            met: d.targetNodes >= 300 ? d.workerMs !== null && d.workerMs < TARGETS.diagramMs && d.workerStallMs < TARGETS.diagramStallMs : undefined,
            peakRssMB: r.diagram!.peakRssMB
        });
    }
    if (r.preview) {
        out.push({
            id: 'preview-redraw',
            measurement: 'preview redraw after an edit (extension server, diagram + matrix)',
            workspace: `example maps: ${r.preview.maps.map(m => m.map).join(', ')}`,
            result: `median ${ms(r.preview.medianMs)} (${r.preview.maps.map(m => `${m.map} ${ms(m.medianMs)}`).join(', ')})`,
            target: `median < ${TARGETS.previewMs} ms`,
            met: r.preview.medianMs < TARGETS.previewMs
        });
    }
    const s = r.startup;
    if (s) {
        out.push({
            id: 'cli-startup',
            measurement: 'CLI start-up: remit check small.remit',
            workspace: 'one map of 8 decisions',
            result: `${ms(s.checkMs)} vs node -e 0 ${ms(s.nodeMs)}: ${x(s.checkMs / s.nodeMs)} (median of ${s.runs})`,
            target: `<= ${TARGETS.startupVsNode}x node -e 0`,
            met: s.checkMs / s.nodeMs <= TARGETS.startupVsNode,
            peakRssMB: s.peakRssMB
        });
    }
    const v = r.review;
    if (v) {
        out.push({
            id: 'review-diff',
            measurement: 'remit diff --rev of a commit changing every map',
            workspace: `git repository of ${v.maps} maps`,
            result: `${ms(v.diffMs)} vs remit check of the same maps ${ms(v.checkMs)}: ${x(v.diffMs / v.checkMs)} (median of ${v.runs}; ${v.changedHands} decisions changed hands)`,
            target: `<= ${TARGETS.reviewVsCheck}x remit check`,
            met: v.diffMs / v.checkMs <= TARGETS.reviewVsCheck
        });
    }
    return out;
}

function lspRows(lsp: NonNullable<BenchResults['lsp']>, dws: string, bytes: number): Row[] {
    const out: Row[] = [];
    out.push({
        id: 'lsp-initial',
        measurement: 'language server: initialize to every map\'s diagnostics',
        workspace: dws,
        result: `${ms(lsp.initialMs)} (${lsp.files} documents)`,
        target: `<= ${ms(TARGETS.initialMs)}`,
        met: lsp.initialMs <= TARGETS.initialMs
    });
    out.push({
        id: 'lsp-memory-district',
        measurement: 'language server: peak memory, the district open and typed into',
        workspace: dws,
        result: lsp.peakRssMB === undefined ? 'not reported' : `${Math.round(lsp.peakRssMB)} MB = ${Math.round(perMB(lsp.peakRssMB, bytes))} MB per MB`,
        target: `< ${TARGETS.serverDistrictMB} MB`,
        met: lsp.peakRssMB !== undefined && lsp.peakRssMB < TARGETS.serverDistrictMB,
        peakRssMB: lsp.peakRssMB
    });
    const k = lsp.keystroke;
    out.push({
        id: 'lsp-keystroke',
        measurement: 'keystroke in a school map -> its diagnostics',
        workspace: dws,
        result: `p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)} (${k.samples} edits)`,
        target: `p95 < ${TARGETS.keystrokeP95Ms} ms`,
        met: k.p95 < TARGETS.keystrokeP95Ms
    });
    const g = lsp.gapToggle;
    out.push({
        id: 'lsp-gap',
        measurement: 'remove / restore a decide line (gap) -> diagnostics',
        workspace: dws,
        result: `p50 ${ms(g.p50)}, p95 ${ms(g.p95)} (${g.samples} edits; gap reported ${g.gapsReported}/${Math.ceil(g.samples / 2)})`,
        target: `p95 < ${TARGETS.keystrokeP95Ms} ms`,
        met: g.p95 < TARGETS.keystrokeP95Ms
    });
    if (lsp.districtKeystroke) {
        const d = lsp.districtKeystroke;
        out.push({
            id: 'lsp-district-keystroke',
            measurement: 'keystroke in the district map (every school refers to it) -> its own diagnostics',
            workspace: dws,
            result: `p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)} (${d.samples} edits)`,
            target: `p95 < ${TARGETS.districtKeystrokeP95Ms} ms`,
            met: d.p95 < TARGETS.districtKeystrokeP95Ms
        });
    }
    if (lsp.districtRename) {
        const d = lsp.districtRename;
        out.push({
            id: 'lsp-district-rename',
            measurement: 'a district role every school names renamed and back -> the district map\'s diagnostics',
            workspace: dws,
            result: `p50 ${ms(d.p50)}, p95 ${ms(d.p95)} (${d.samples} edits)`,
            target: '-'
        });
        out.push({
            id: 'lsp-district-dependents',
            measurement: 'the same rename -> every dependent school\'s diagnostics current',
            workspace: dws,
            result: `p50 ${ms(d.dependents.p50)}, p95 ${ms(d.dependents.p95)}, max ${ms(d.dependents.max)} (${d.samples} edits, ${d.schools} schools each)`,
            target: `<= ${ms(TARGETS.dependentsMs)}`,
            met: d.dependents.p95 <= TARGETS.dependentsMs
        });
    }
    if (lsp.hoverDuringFlood) {
        const h = lsp.hoverDuringFlood;
        out.push({
            id: 'lsp-hover-flood',
            measurement: `hover while ${h.edits} edits arrive back to back`,
            workspace: dws,
            result: `p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, max ${ms(h.max)} (${h.samples} hovers)`,
            target: 'p95 < 100 ms',
            met: h.p95 < 100
        });
    }
    return out;
}

/** The results as a Markdown table, readable in a terminal and pasteable into the docs. */
export function formatReport(r: BenchResults): string {
    const m = r.machine;
    const header = ['measurement', 'workspace', 'result', 'target', 'met', 'peak RSS'];
    const body = rows(r).map(row => [
        row.measurement, row.workspace, row.result, row.target,
        row.met === undefined ? '-' : row.met ? 'yes' : 'NO',
        row.peakRssMB === undefined ? '-' : `${Math.round(row.peakRssMB)} MB`
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map(b => b[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    return [
        `Remit benchmark (${r.size}), ${new Date().toISOString().slice(0, 10)}`,
        `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}`,
        '',
        line(header),
        line(widths.map(w => '-'.repeat(w))),
        ...body.map(line),
        '',
        `Total ${r.totalSeconds.toFixed(0)} s.`
    ].join('\n');
}

/**
 * With several runs the figure is their median, and the first run, the only one in a
 * fresh process (it warms V8 up and builds the parser), is given beside it.
 */
function firstRun(c: { runs: number[]; bytes: number; jsonParseMs: number; jsonBytes: number }): string {
    if (c.runs.length < 2) return '';
    return ` (median of ${c.runs.length}; the first, in a fresh process, ${ms(c.runs[0])}: ${x(perByteRatio({ ...c, checkMs: c.runs[0] }))})`;
}
