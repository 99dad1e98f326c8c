import { openWorkspace } from '@remit/language';
import { median, now, peakRssMB } from '../stats.js';

export interface CheckResult {
    files: number;
    /** Source bytes of every map. */
    bytes: number;
    /** Each full check, in ms. */
    runs: number[];
    checkMs: number;
    /** Size of the model's JSON export, and the median time JSON.parse takes to read it back. */
    jsonBytes: number;
    jsonParseMs: number;
    errors: number;
    warnings: number;
    hints: number;
    /**
     * Peak resident memory of one check in a fresh process, as `remit check` runs it: read
     * after the first run (before the JSON.parse floor runs).
     */
    peakRssMB: number;
    /** Peak resident memory once every run is done: later runs find the garbage of earlier ones. */
    peakRssAllRunsMB: number;
}

/**
 * The full check through the same entry point `remit check` uses: find the files, read them,
 * parse, link, run every registered rule, build the model. Each run starts from fresh services,
 * as every `remit check` does; the first run is the only one in a fresh process, later ones
 * find V8 warmed up and the process's one parser built (as `remit diff`, Compare with HEAD or
 * a test suite do), so the report gives the first beside the median. In the same process, the
 * floor: JSON.parse of the model's JSON export (the maps' JSON, the same facts the check had
 * to establish).
 */
export async function measureCheck(dir: string, repeats: number): Promise<CheckResult> {
    const runs: number[] = [];
    let firstPeak: number | undefined;
    let workspace: Awaited<ReturnType<typeof openWorkspace>> | undefined;
    for (let i = 0; i < repeats; i++) {
        // Let the previous run's workspace go before timing the next.
        // eslint-disable-next-line no-useless-assignment
        workspace = undefined;
        const start = now();
        workspace = await openWorkspace([dir], { cwd: dir });
        runs.push(now() - start);
        firstPeak ??= peakRssMB();
    }
    const ws = workspace!;
    // The checks' own peak, before the floor below parses the model's JSON over and over.
    const checkPeak = peakRssMB();
    const bytes = ws.documents.reduce((sum, d) => sum + Buffer.byteLength(d.textDocument.getText(), 'utf8'), 0);
    const json = JSON.stringify(ws.model.maps);
    const parses: number[] = [];
    // Enough repetitions for a stable median of a fast operation, bounded for big workspaces.
    const started = now();
    let sink = 0;
    while (parses.length < 5 || (parses.length < 50 && now() - started < 1000)) {
        const t = now();
        const value = JSON.parse(json) as unknown[];
        parses.push(now() - t);
        sink += value.length;
    }
    if (sink < 0) console.log(sink);
    const count = (severity: string) => ws.diagnostics.filter(d => d.severity === severity).length;
    return {
        files: ws.documents.length,
        bytes,
        runs,
        checkMs: median(runs),
        jsonBytes: Buffer.byteLength(json, 'utf8'),
        jsonParseMs: median(parses),
        errors: count('error'),
        warnings: count('warning'),
        hints: count('hint'),
        peakRssMB: firstPeak!,
        peakRssAllRunsMB: checkPeak
    };
}
