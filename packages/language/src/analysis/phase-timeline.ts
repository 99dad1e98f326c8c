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
 * Final holders per period, kept with each decision's model: a decision's model never
 * changes once built, and is used again in a map built again only while that map's levels
 * and phases read the same (`MapModelBuilder`); every rule family, generator and hover asks
 * this question again and again.
 */
const finalHoldersCache = new WeakMap<DecisionModel, ByPeriod<string[]>>();

/** Per decision, the assignments that apply in each period, and the holders at each level per period (kept as above). */
const activeCache = new WeakMap<DecisionModel, ByPeriod<readonly AssignmentModel[]>>();
const holdersCache = new WeakMap<DecisionModel, Map<string, ByPeriod<string[]>>>();

/**
 * An answer per period, or, for a decision without bounds (most of them), the one answer of
 * every period: a district keeps tens of thousands of these.
 */
type ByPeriod<T> = T[] | { every: T };

function inPeriod<T>(answers: ByPeriod<T>, period: Period, none: T): T {
    return Array.isArray(answers) ? answers[period.index] ?? none : answers.every;
}

/** Whether every assignment of the decision spans the map's whole life (the same in every period). */
function unbounded(decision: DecisionModel): boolean {
    return decision.assignments.every(a => a.from === undefined && a.until === undefined);
}

/**
 * Answers "who holds this level of this decision in this phase?". An assignment without
 * bounds spans every phase; `from` is inclusive and `until` exclusive.
 */
export class PhaseTimeline {
    readonly periods: readonly Period[];
    private readonly phaseIndex: ReadonlyMap<string, number>;

    constructor(readonly map: MapModel) {
        this.periods = map.phases.length > 0
            ? map.phases.map((phase, index) => ({ index, phase }))
            : [{ index: 0 }];
        this.phaseIndex = new Map(map.phases.map((p, i) => [p.name, i]));
    }

    /** Whether the assignment applies in the period. */
    isActive(assignment: AssignmentModel, period: Period): boolean {
        const from = assignment.from !== undefined ? this.phaseIndex.get(assignment.from) ?? 0 : 0;
        const until = assignment.until !== undefined ? this.phaseIndex.get(assignment.until) ?? this.periods.length : this.periods.length;
        return period.index >= from && period.index < until;
    }

    /** The assignments of a decision that apply in the period. */
    activeAssignments(decision: DecisionModel, period: Period): readonly AssignmentModel[] {
        let byPeriod = activeCache.get(decision);
        if (!byPeriod) {
            // Most decisions have no bounds: every period then shares the one list.
            byPeriod = unbounded(decision) ? { every: decision.assignments } : this.periods.map(p => decision.assignments.filter(a => this.isActive(a, p)));
            activeCache.set(decision, byPeriod);
        }
        return inPeriod(byPeriod, period, []);
    }

    /** Every holder listed at a level in the period, repeats included (in the order written). */
    holdersAt(decision: DecisionModel, level: string, period: Period): readonly string[] {
        let byLevel = holdersCache.get(decision);
        if (!byLevel) holdersCache.set(decision, byLevel = new Map());
        let byPeriod = byLevel.get(level);
        if (!byPeriod) {
            const holders = (p: Period) => this.activeAssignments(decision, p).filter(a => a.level === level).flatMap(a => a.holders);
            byPeriod = unbounded(decision) ? { every: holders(this.periods[0]) } : this.periods.map(holders);
            byLevel.set(level, byPeriod);
        }
        return inPeriod(byPeriod, period, []);
    }

    /** The distinct holders of the scheme's final level in the period (a fresh array). */
    finalHolders(decision: DecisionModel, period: Period): string[] {
        let byPeriod = finalHoldersCache.get(decision);
        if (!byPeriod) {
            const final = this.finalLevel();
            const distinct = (p: Period) => final ? [...new Set(this.holdersAt(decision, final.name, p))] : [];
            byPeriod = unbounded(decision) ? { every: distinct(this.periods[0]) } : this.periods.map(distinct);
            finalHoldersCache.set(decision, byPeriod);
        }
        return [...inPeriod(byPeriod, period, [])];
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
