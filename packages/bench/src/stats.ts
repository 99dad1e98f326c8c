/** Order statistics for timings; nearest-rank, so a p95 of 40 samples is a real sample. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: readonly number[]): number {
    return percentile(values, 50);
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now(): number {
    return performance.now();
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
    return process.resourceUsage().maxRSS / 1024;
}
