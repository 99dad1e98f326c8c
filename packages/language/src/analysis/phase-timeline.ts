import type { AssignmentModel, DecisionModel, LevelModel, MapModel, PhaseModel } from '../model/types.js';

/**
 * A stretch of a map's life in which authority does not change: one phase, or, for a map
 * without phases, its whole life. Each decision's authority is a timeline over these.
 */
export interface Period {
    index: number;
    /** Undefined for a map without phases. */
    phase?: PhaseModel;
}

/**
 * What the timeline works out for one decision: the assignments that apply in each period,
 * the holders at each level per period, and the distinct final holders per period. Kept with
 * each decision's model: a decision's model never changes once built, and is used again in
 * a map built again only while that map's levels and phases read the same
 * (`MapModelBuilder`); every rule family, generator and hover asks these questions again and
 * again. One record per decision, and the lists at their exact length: a district keeps
 * 20,000 of them.
 */
interface WorkedOut {
    /**
     * Whether every assignment spans the map's whole life (most decisions do): each answer
     * below is then the one answer of every period, else a list with one per period.
     */
    readonly unbounded: boolean;
    active: ByPeriod<readonly AssignmentModel[]> | undefined;
    /** By the level's position in the scheme. */
    holders: Array<ByPeriod<readonly string[]> | undefined> | undefined;
    final: ByPeriod<readonly string[]> | undefined;
}

/** One answer (a decision without bounds) or one per period; `WorkedOut.unbounded` says which. */
type ByPeriod<T> = T | T[];

const workedOut = new WeakMap<DecisionModel, WorkedOut>();

function workedOutFor(decision: DecisionModel): WorkedOut {
    let worked = workedOut.get(decision);
    if (!worked) {
        worked = { unbounded: unbounded(decision), active: undefined, holders: undefined, final: undefined };
        workedOut.set(decision, worked);
    }
    return worked;
}

function inPeriod<T>(worked: WorkedOut, answers: ByPeriod<T>, period: Period, none: T): T {
    return worked.unbounded ? answers as T : (answers as T[])[period.index] ?? none;
}

/** Whether every assignment of the decision spans the map's whole life (the same in every period). */
function unbounded(decision: DecisionModel): boolean {
    return decision.assignments.every(a => a.from === undefined && a.until === undefined);
}

/** The holders listed at the level by the assignments, repeats included, in a list of its exact length. */
function holdersOf(assignments: readonly AssignmentModel[], level: string): readonly string[] {
    let count = 0;
    for (const a of assignments) if (a.level === level) count += a.holders.length;
    if (count === 0) return NONE;
    const holders = new Array<string>(count);
    let at = 0;
    for (const a of assignments) if (a.level === level) for (const h of a.holders) holders[at++] = h;
    return holders;
}

/** The holders without repeats: the same list when it has none (a list kept is never changed). */
function distinct(holders: readonly string[]): readonly string[] {
    if (holders.length <= 1) return holders;
    const set = new Set(holders);
    return set.size === holders.length ? holders : [...set];
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Answers "who holds this level of this decision in this phase?". An assignment without
 * bounds spans every phase; `from` is inclusive and `until` exclusive.
 */
export class PhaseTimeline {
    readonly periods: readonly Period[];
    private readonly phaseIndex: ReadonlyMap<string, number>;
    private readonly levelIndex: ReadonlyMap<string, number>;

    constructor(readonly map: MapModel) {
        this.periods = map.phases.length > 0
            ? map.phases.map((phase, index) => ({ index, phase }))
            : [{ index: 0 }];
        this.phaseIndex = new Map(map.phases.map((p, i) => [p.name, i]));
        this.levelIndex = new Map(map.scheme.levels.map((l, i) => [l.name, i]));
    }

    /** Whether the assignment applies in the period. */
    isActive(assignment: AssignmentModel, period: Period): boolean {
        const from = assignment.from !== undefined ? this.phaseIndex.get(assignment.from) ?? 0 : 0;
        const until = assignment.until !== undefined ? this.phaseIndex.get(assignment.until) ?? this.periods.length : this.periods.length;
        return period.index >= from && period.index < until;
    }

    /** The assignments of a decision that apply in the period. */
    activeAssignments(decision: DecisionModel, period: Period): readonly AssignmentModel[] {
        const worked = workedOutFor(decision);
        // Without bounds, every period shares the decision's own list.
        worked.active ??= worked.unbounded ? decision.assignments : this.periods.map(p => decision.assignments.filter(a => this.isActive(a, p)));
        return inPeriod(worked, worked.active, period, []);
    }

    /** Every holder listed at a level in the period, repeats included (in the order written). */
    holdersAt(decision: DecisionModel, level: string, period: Period): readonly string[] {
        const at = this.levelIndex.get(level);
        // A level the scheme does not have: nobody holds it (asked only by mistake).
        if (at === undefined) return holdersOf(this.activeAssignments(decision, period), level);
        const worked = workedOutFor(decision);
        const byLevel = worked.holders ??= new Array<ByPeriod<readonly string[]> | undefined>(this.levelIndex.size).fill(undefined);
        const byPeriod = byLevel[at] ??= worked.unbounded
            ? holdersOf(decision.assignments, level)
            : this.periods.map(p => holdersOf(this.activeAssignments(decision, p), level));
        return inPeriod(worked, byPeriod, period, NONE);
    }

    /** The distinct holders of the scheme's final level in the period (a fresh array). */
    finalHolders(decision: DecisionModel, period: Period): string[] {
        const worked = workedOutFor(decision);
        if (!worked.final) {
            const final = this.finalLevel();
            worked.final = !final ? (worked.unbounded ? NONE : this.periods.map(() => NONE))
                : worked.unbounded ? distinct(this.holdersAt(decision, final.name, this.periods[0]))
                    : this.periods.map(p => distinct(this.holdersAt(decision, final.name, p)));
        }
        return [...inPeriod(worked, worked.final, period, NONE)];
    }

    /** Everyone who holds the final level in some period, in the order first met. */
    everFinalHolders(decision: DecisionModel): string[] {
        const periods = this.distinctPeriods(decision);
        // One period's holders are already distinct (and a fresh array).
        if (periods.length === 1) return this.finalHolders(decision, periods[0]);
        return [...new Set(periods.flatMap(p => this.finalHolders(decision, p)))];
    }

    /**
     * The periods in which the decision's authority may differ: all of them, or only the
     * first for a decision without bounds, whose every period is the same. For questions
     * whose answer is the same when a period is asked twice (who ever holds, who alone).
     */
    distinctPeriods(decision: DecisionModel): readonly Period[] {
        return unbounded(decision) ? this.periods.slice(0, 1) : this.periods;
    }

    finalLevel(): LevelModel | undefined {
        return this.map.scheme.levels.find(l => l.final);
    }

    /**
     * Words for a run of periods (inclusive indices) as a principal would say them:
     * undefined when the run is the map's whole life, else "From Expansion until
     * Institutionalization", "Until Expansion", "From Expansion on".
     */
    describeSpan(first: number, last: number): string | undefined {
        const count = this.periods.length;
        if (first <= 0 && last >= count - 1) return undefined;
        const name = (i: number) => this.periods[i].phase?.name ?? '';
        if (first <= 0) return `Until ${name(last + 1)}`;
        if (last >= count - 1) return `From ${name(first)} on`;
        return `From ${name(first)} until ${name(last + 1)}`;
    }

    /**
     * Groups consecutive periods that give the same answer, so a finding is reported once
     * per stretch of phases rather than once per phase.
     */
    runs<T>(answer: (period: Period) => T, same: (a: T, b: T) => boolean = (a, b) => a === b): Array<{ first: number; last: number; value: T }> {
        const result: Array<{ first: number; last: number; value: T }> = [];
        for (const period of this.periods) {
            const value = answer(period);
            const previous = result[result.length - 1];
            if (previous && same(previous.value, value)) previous.last = period.index;
            else result.push({ first: period.index, last: period.index, value });
        }
        return result;
    }
}
