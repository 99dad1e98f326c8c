/**
 * The fuzz suite (issue 14): random bytes, token soup, grammar-aware maps, mutations of
 * the examples, deep and long inputs, through the whole pipeline. `npm test` runs a
 * bounded number of cases (about a minute); `npm run fuzz` runs 100,000 (FUZZ_CASES) and
 * prints the figures reported in docs/reliability.md. Each case is reproducible from
 * FUZZ_SEED and its index.
 */
import { appendFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { FAMILIES, type Family } from './inputs.js';
import { runCase } from './fuzz-case.js';

const TOTAL = Number(process.env.FUZZ_CASES ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
/** A case under 64 KB that takes longer than this is a hang. */
const HANG_MS = 5_000;
/** A long run appends its progress here (one line per 1,000 cases and every failure), so an interrupted run still says how far it got. */
const LOG = process.env.FUZZ_LOG;
const families = Object.keys(FAMILIES) as Family[];
/** The deep and long inputs cost the most: fewer of them. */
const share: Record<Family, number> = { randomBytes: 0.2, tokenSoup: 0.25, grammarMaps: 0.2, mutatedExamples: 0.25, deepAndLong: 0.1 };

interface Tally { inputs: number; crashes: number; hangs: number; formatted: number; failures: string[]; slowest: { ms: number; what: string } }
const tally: Tally = { inputs: 0, crashes: 0, hangs: 0, formatted: 0, failures: [], slowest: { ms: 0, what: '' } };

function log(line: string): void {
    if (LOG) appendFileSync(LOG, `${new Date().toISOString()} ${line}\n`);
}

describe(`fuzz: ${TOTAL} cases, seed ${SEED}`, () => {
    test.each(families)('%s', async family => {
        const cases = Math.max(1, Math.round(TOTAL * share[family]));
        const failures: string[] = [];
        for (let i = 0; i < cases; i++) {
            const [text] = fc.sample(FAMILIES[family], { numRuns: 1, seed: SEED + i * 7919 + families.indexOf(family) });
            const result = await runCase(text, i);
            tally.inputs++;
            if (result.formatted) tally.formatted++;
            if (result.ms > tally.slowest.ms) tally.slowest = { ms: result.ms, what: `${family} #${i} (${text.length} chars)` };
            const hang = text.length < 64 * 1024 && result.ms > HANG_MS;
            if (hang) tally.hangs++;
            if (result.problems.length > 0) tally.crashes++;
            if (hang || result.problems.length > 0) {
                failures.push(`${family} #${i} (seed ${SEED}, ${text.length} chars, ${Math.round(result.ms)} ms): ${[...result.problems, ...(hang ? ['took longer than 5 s'] : [])].join('; ')}\n  input starts: ${JSON.stringify(text.slice(0, 160))}`);
                log(`FAILURE ${failures[failures.length - 1]}`);
            }
            if (tally.inputs % 1000 === 0) log(`${tally.inputs} inputs (${family} #${i}), ${tally.crashes} with a problem, ${tally.hangs} hangs, slowest ${Math.round(tally.slowest.ms)} ms: ${tally.slowest.what}`);
        }
        tally.failures.push(...failures);
        expect(failures).toEqual([]);
    }, Math.max(60_000, TOTAL * 400));

    test('summary', () => {
        // Printed for docs/reliability.md.
        const summary = `fuzz ${new Date().toISOString().slice(0, 10)}: ${tally.inputs} inputs, ${tally.formatted} formatted, ${tally.crashes} with a problem, ${tally.hangs} hangs, slowest ${Math.round(tally.slowest.ms)} ms (${tally.slowest.what}) (seed ${SEED})`;
        console.log(summary);
        log(`SUMMARY ${summary}`);
        expect(tally.inputs).toBeGreaterThan(0);
    });
});
