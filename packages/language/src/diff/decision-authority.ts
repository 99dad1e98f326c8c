import { caseViews } from '../analysis/cases.js';
import { PhaseTimeline } from '../analysis/phase-timeline.js';
import type { AssignmentModel, DecisionModel, MapModel } from '../model/types.js';
import type { AuthorityLine, BoundsMove, LevelChange, PhaseSpan, Transfer } from './types.js';

/** Who holds which level in each phase (the key '' stands for a map without phases). */
type AuthorityTable = Map<string, Map<string, Set<string>>>;

/** One version of a decision, with the map it lives in and how to read old names as new. */
export interface DecisionVersion {
    decision: DecisionModel;
    map: MapModel;
    /** Old holder names to new ones (renamed roles and teams); identity for the new version. */
    rename: (holder: string) => string;
}

/** How a decision's authority changed, phase by phase. */
export interface AuthorityComparison {
    transfers: Transfer[];
    levels: LevelChange[];
    bounds: BoundsMove[];
}

/**
 * A decision with cases (`when`) is compared case by case when both versions have as many
 * cases: paired by their words, else in the order written (a case whose threshold was
 * reworded is the same case). A change made in every case is said once, without a case.
 * When cases were added or removed, the decision is compared as a whole.
 */
export function compareAuthority(before: DecisionVersion, after: DecisionVersion): AuthorityComparison {
    const oldViews = caseViews(before.decision);
    const newViews = caseViews(after.decision);
    const bounds = boundsMoves(before, after, phaseRenames(before.map, after.map));
    if (oldViews.length < 2 || oldViews.length !== newViews.length) return { ...compareWhole(before, after), bounds };
    const sameWords = newViews.every(v => oldViews.some(o => o.case === v.case));
    const perCase = newViews.map((view, index) => {
        const old = sameWords ? oldViews.find(o => o.case === view.case)! : oldViews[index];
        return { case: view.case!, ...compareWhole({ ...before, decision: old.decision }, { ...after, decision: view.decision }) };
    });
    const everyCase = <T>(pick: (c: AuthorityComparison) => T[]): T[] => {
        const out: Array<T & { case?: string }> = [];
        const seen = new Map<string, number>();
        for (const c of perCase) for (const item of pick(c)) seen.set(JSON.stringify(item), (seen.get(JSON.stringify(item)) ?? 0) + 1);
        const said = new Set<string>();
        for (const c of perCase) {
            for (const item of pick(c)) {
                const key = JSON.stringify(item);
                if (seen.get(key) === perCase.length) {
                    if (!said.has(key)) out.push(item as T & { case?: string });
                    said.add(key);
                } else {
                    out.push({ ...item, case: c.case });
                }
            }
        }
        return out;
    };
    return { transfers: everyCase(c => c.transfers), levels: everyCase(c => c.levels), bounds };
}

function compareWhole(before: DecisionVersion, after: DecisionVersion): AuthorityComparison {
    const keys = phaseKeys(before.map, after.map);
    const oldTable = authorityTable(before);
    const newTable = authorityTable(after);
    const oldFinal = finalLevel(before.map);
    const newFinal = finalLevel(after.map);
    const rows = keys.map(key => {
        const a = lookup(oldTable, before.map, oldPhaseFor(key, before.map, after.map));
        const b = lookup(newTable, after.map, key);
        return a && b ? { a, b } : undefined;
    });

    const transfers: Transfer[] = [];
    for (const run of runs(rows.map(row => row && {
        from: sorted(row.a.get(oldFinal ?? '') ?? []),
        to: sorted(row.b.get(newFinal ?? '') ?? [])
    }))) {
        if (run.value && run.value.from.join() !== run.value.to.join()) {
            transfers.push({ span: describe(keys, run.first, run.last), ...run.value });
        }
    }

    const holders = new Set<string>();
    for (const row of rows) {
        row?.a.forEach(set => set.forEach(h => holders.add(h)));
        row?.b.forEach(set => set.forEach(h => holders.add(h)));
    }
    const levels: LevelChange[] = [];
    for (const holder of sorted(holders)) {
        const perKey = rows.map(row => {
            if (!row) return undefined;
            const had = levelsOf(row.a, holder, oldFinal);
            const has = levelsOf(row.b, holder, newFinal);
            return { gained: has.filter(l => !had.includes(l)), lost: had.filter(l => !has.includes(l)) };
        });
        for (const run of runs(perKey)) {
            if (run.value && (run.value.gained.length > 0 || run.value.lost.length > 0)) {
                levels.push({ holder, span: describe(keys, run.first, run.last), ...run.value });
            }
        }
    }
    return { transfers, levels, bounds: [] };
}

/** An assignment list as the map reads, for added and removed decisions. */
export function authorityLines(decision: DecisionModel): AuthorityLine[] {
    return decision.assignments.map(a => ({
        level: a.level,
        holders: [...a.holders],
        ...(a.from ? { from: a.from } : {}),
        ...(a.until ? { until: a.until } : {})
    }));
}

/** A decision's authority as one comparable string (for recognising a renamed decision). */
export function authoritySignature(decision: DecisionModel, rename: (holder: string) => string): string {
    return decision.assignments
        .map(a => `${a.level} ${a.holders.map(rename).sort().join(',')} ${a.from ?? ''} ${a.until ?? ''}`)
        .sort()
        .join(';');
}

function authorityTable(version: DecisionVersion): AuthorityTable {
    const timeline = new PhaseTimeline(version.map);
    const table: AuthorityTable = new Map();
    for (const period of timeline.periods) {
        const levels = new Map<string, Set<string>>();
        for (const assignment of timeline.activeAssignments(version.decision, period)) {
            const set = levels.get(assignment.level) ?? new Set<string>();
            assignment.holders.forEach(h => set.add(version.rename(h)));
            levels.set(assignment.level, set);
        }
        table.set(period.phase?.name ?? '', levels);
    }
    return table;
}

/**
 * The phases to compare: the new version's (a phase the new version dropped has no
 * authority left to compare; the map change lists it), or the old version's when the new
 * one has no phases (its authority then holds throughout).
 */
function phaseKeys(before: MapModel, after: MapModel): string[] {
    if (after.phases.length > 0) return after.phases.map(p => p.name);
    if (before.phases.length > 0) return before.phases.map(p => p.name);
    return [''];
}

/**
 * The old phase a new phase corresponds to: the same name, or, when phases were renamed
 * but their number stayed, the phase in the same place.
 */
function oldPhaseFor(key: string, before: MapModel, after: MapModel): string {
    if (before.phases.some(p => p.name === key)) return key;
    const index = after.phases.findIndex(p => p.name === key);
    if (index >= 0 && before.phases.length === after.phases.length) return before.phases[index].name;
    return key;
}

function lookup(table: AuthorityTable, map: MapModel, key: string): Map<string, Set<string>> | undefined {
    return map.phases.length === 0 ? table.get('') : table.get(key);
}

function finalLevel(map: MapModel): string | undefined {
    return map.scheme.levels.find(l => l.final)?.name;
}

function levelsOf(table: Map<string, Set<string>>, holder: string, final: string | undefined): string[] {
    return [...table.entries()].filter(([level, set]) => level !== final && set.has(holder)).map(([level]) => level);
}

/** Old phase names to new ones, for phases renamed in place (see oldPhaseFor). */
function phaseRenames(before: MapModel, after: MapModel): (phase: string | undefined) => string | undefined {
    return phase => {
        if (phase === undefined || after.phases.some(p => p.name === phase)) return phase;
        const index = before.phases.findIndex(p => p.name === phase);
        return index >= 0 && before.phases.length === after.phases.length ? after.phases[index].name : phase;
    };
}

function boundsMoves(before: DecisionVersion, after: DecisionVersion, renamePhase: (phase: string | undefined) => string | undefined): BoundsMove[] {
    const group = (assignments: readonly AssignmentModel[], rename: (h: string) => string) => {
        const result = new Map<string, AssignmentModel[]>();
        for (const a of assignments) {
            const key = `${a.level} ${a.holders.map(rename).sort().join(', ')}`;
            result.set(key, [...(result.get(key) ?? []), a]);
        }
        return result;
    };
    const oldGroups = group(before.decision.assignments, before.rename);
    const newGroups = group(after.decision.assignments, after.rename);
    const moves: BoundsMove[] = [];
    for (const [key, olds] of oldGroups) {
        const news = newGroups.get(key);
        if (!news || olds.length !== 1 || news.length !== 1) continue;
        const [o, n] = [olds[0], news[0]];
        if (renamePhase(o.from) === n.from && renamePhase(o.until) === n.until) continue;
        moves.push({
            level: n.level,
            holders: n.holders,
            from: { ...(o.from ? { from: o.from } : {}), ...(o.until ? { until: o.until } : {}) },
            to: { ...(n.from ? { from: n.from } : {}), ...(n.until ? { until: n.until } : {}) }
        });
    }
    return moves;
}

/** Consecutive equal values grouped; undefined values (phases not comparable) break runs. */
function runs<T>(values: Array<T | undefined>): Array<{ first: number; last: number; value: T | undefined }> {
    const result: Array<{ first: number; last: number; value: T | undefined }> = [];
    values.forEach((value, index) => {
        const previous = result[result.length - 1];
        if (previous && JSON.stringify(previous.value) === JSON.stringify(value)) previous.last = index;
        else result.push({ first: index, last: index, value });
    });
    return result;
}

/** "in Expansion", "from Expansion on", "until Expansion", or undefined for the whole life. */
function describe(keys: readonly string[], first: number, last: number): PhaseSpan {
    if (keys.length === 1 && keys[0] === '') return undefined;
    if (first === 0 && last === keys.length - 1) return undefined;
    if (first === last) return `in ${keys[first]}`;
    if (first === 0) return `until ${keys[last + 1]}`;
    if (last === keys.length - 1) return `from ${keys[first]} on`;
    return `from ${keys[first]} until ${keys[last + 1]}`;
}

function sorted(values: Iterable<string>): string[] {
    return [...values].sort();
}
