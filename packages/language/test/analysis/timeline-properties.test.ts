/**
 * Gaps and conflicts, checked against a brute-force reading of random maps: every phase
 * without a decider is covered by exactly one no-final-authority finding, every phase with
 * two or more by exactly one multiple-final-authority finding (unless collaborative), and
 * no finding covers any other phase.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WorkspaceModel, analyzeWorkspace, type AssignmentModel, type DecisionModel, type MapModel, type SourceLocation } from '@remit/language';

const here: SourceLocation = { uri: 'file:///m.remit', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
const LEVELS = ['recommend', 'consult', 'agree', 'decide', 'inform'];
const HOLDERS = ['M.A', 'M.B', 'M.C'];

function mapOf(phaseCount: number, assignments: AssignmentModel[], collaborative: boolean): MapModel {
    const phases = Array.from({ length: phaseCount }, (_, i) => ({ name: `P${i}`, qualifiedName: `M.P${i}`, title: `P${i}`, index: i, location: here }));
    const decision: DecisionModel = {
        name: 'X', qualifiedName: 'M.X', title: 'X', domainPath: ['M.D'], assignments, after: [],
        pattern: collaborative ? 'collaborative' : undefined, location: here
    };
    return {
        name: 'M', title: 'M', uri: here.uri,
        scheme: {
            name: 'School', qualifiedName: 'School', title: 'School', builtin: true,
            levels: LEVELS.map((name, index) => ({ name, title: name, index, final: name === 'decide', veto: name === 'agree', required: false }))
        },
        schemes: [], phases,
        roles: HOLDERS.map(q => ({ type: 'role' as const, name: q.slice(2), qualifiedName: q, title: q.slice(2), kind: 'administrator' as const, people: [], vacant: false, backup: 'M.A', location: here })),
        teams: [],
        domains: [{ name: 'D', qualifiedName: 'M.D', title: 'D', decisions: ['M.X'], domains: [], location: here }],
        decisions: [decision], location: here
    };
}

/** Bounds that never invert (inverted bounds are a phase-order error, judged elsewhere). */
const arbitraryMap = fc.integer({ min: 0, max: 5 }).chain(phaseCount => fc.tuple(
    fc.constant(phaseCount),
    fc.array(fc.record({
        level: fc.constantFrom(...LEVELS),
        holders: fc.subarray(HOLDERS, { minLength: 1 }),
        from: phaseCount ? fc.option(fc.integer({ min: 0, max: phaseCount - 1 }), { nil: undefined }) : fc.constant(undefined),
        until: phaseCount ? fc.option(fc.integer({ min: 0, max: phaseCount - 1 }), { nil: undefined }) : fc.constant(undefined)
    }).filter(a => a.from === undefined || a.until === undefined || a.from < a.until), { maxLength: 5 }),
    fc.boolean()
));

function coveredPeriods(count: number, data: Record<string, unknown>): number[] {
    const index = (name: unknown) => Number(String(name).slice(1));
    const first = data.from !== undefined ? index(data.from) : 0;
    const end = data.until !== undefined ? index(data.until) : count;
    return Array.from({ length: end - first }, (_, i) => first + i);
}

describe('the decision timeline', () => {
    test('gaps and conflicts are found exactly, once per run of phases', () => {
        fc.assert(fc.property(arbitraryMap, ([phaseCount, raw, collaborative]) => {
            const assignments: AssignmentModel[] = raw.map(a => ({
                level: a.level, holders: a.holders, location: here,
                from: a.from !== undefined ? `P${a.from}` : undefined,
                until: a.until !== undefined ? `P${a.until}` : undefined
            }));
            const periods = Math.max(phaseCount, 1);
            // Brute force: who decides in each period.
            const deciders = Array.from({ length: periods }, (_, p) => new Set(raw
                .filter(a => a.level === 'decide' && (a.from ?? 0) <= p && p < (a.until ?? periods))
                .flatMap(a => a.holders)));
            const findings = analyzeWorkspace(new WorkspaceModel([mapOf(phaseCount, assignments, collaborative)]));
            const covered = (code: string) => findings.filter(f => f.code === code).flatMap(f => coveredPeriods(periods, f.data)).sort((a, b) => a - b);
            const expectGaps = deciders.map((d, p) => d.size === 0 ? p : -1).filter(p => p >= 0);
            const expectConflicts = collaborative ? [] : deciders.map((d, p) => d.size > 1 ? p : -1).filter(p => p >= 0);
            expect(covered('no-final-authority')).toEqual(expectGaps);
            expect(covered('multiple-final-authority')).toEqual(expectConflicts);
            // One finding per run: two gap findings never touch.
            const gapRuns = findings.filter(f => f.code === 'no-final-authority').map(f => coveredPeriods(periods, f.data));
            for (let i = 1; i < gapRuns.length; i++) expect(gapRuns[i][0]).toBeGreaterThan(gapRuns[i - 1][gapRuns[i - 1].length - 1] + 1);
        }), { numRuns: 300 });
    });
});
