import type { AssignmentModel, DecisionModel, MapModel } from '../model/types.js';
import type { PhaseBounds } from '../validation/finding-data.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { mapFacts } from './map-facts.js';

/** The rules about one decision, run over a decision as a fix would leave it. */
export type DecisionRules = (map: MapModel, decision: DecisionModel, out: Finding[]) => void;

/**
 * Checks proposed quick fixes before a rule offers them: a fix is offered only when the
 * decision it changes would raise no finding it does not raise now (a gap filled by the
 * recommender would make them stand at two levels, a redundant-assignment), nor a
 * team-without-rule, overloaded-role or concentrated-authority finding the map does not
 * have. The change is tried on a copy of the decision's model; nothing is mutated.
 */
export class FixJudge {
    constructor(private readonly ctx: AnalysisContext, private readonly rules: DecisionRules) {}

    /** Whether `after` (the decision as the fix leaves it) raises no new finding. */
    keeps(map: MapModel, before: DecisionModel, after: DecisionModel): boolean {
        const known = new Set(this.judge(map, before).map(findingKey));
        if (!this.judge(map, after).every(f => known.has(findingKey(f)))) return false;
        const timeline = this.ctx.timeline(map);
        const newFinal = timeline.everFinalHolders(after).filter(h => !timeline.everFinalHolders(before).includes(h));
        if (newFinal.some(h => this.teamWithoutRule(h))) return false;
        if (this.overloads(map, before, after)) return false;
        return !this.concentrates(map, before, after);
    }

    private judge(map: MapModel, decision: DecisionModel): Finding[] {
        const out: Finding[] = [];
        this.rules(map, decision, out);
        return out;
    }

    private teamWithoutRule(name: string): boolean {
        const holder = this.ctx.holder(name);
        return holder?.type === 'team' && holder.rule === undefined;
    }

    /** A teacher role newly carrying the decision alone, beyond what its time allows. */
    private overloads(map: MapModel, before: DecisionModel, after: DecisionModel): boolean {
        const carriedBefore = loneCarriers(map, before);
        for (const name of loneCarriers(map, after)) {
            if (carriedBefore.has(name)) continue;
            const role = this.ctx.holder(name);
            if (role?.type !== 'role' || role.kind !== 'teacher') continue;
            const maxDecisions = this.ctx.config.threshold('overloaded-role', 'maxDecisions');
            const perDecision = this.ctx.config.threshold('overloaded-role', 'releasePercentPerDecision');
            const bonus = role.release !== undefined && perDecision > 0 ? Math.floor(role.release / perDecision) : 0;
            const carried = this.ctx.model.maps.reduce((n, m) => n + (mapFacts(m).carriedAlone.get(name)?.length ?? 0), 0);
            if (carried + 1 > maxDecisions + bonus) return true;
        }
        return false;
    }

    /** The map tipping into concentrated-authority because of the change. */
    private concentrates(map: MapModel, before: DecisionModel, after: DecisionModel): boolean {
        const minDecisions = this.ctx.config.threshold('concentrated-authority', 'minDecisions');
        const maxShare = this.ctx.config.threshold('concentrated-authority', 'maxAdministratorShare');
        const total = map.decisions.length;
        if (total === 0 || total < minDecisions) return false;
        const timeline = this.ctx.timeline(map);
        const adminsOnly = (decision: DecisionModel) => {
            const holders = timeline.everFinalHolders(decision);
            return holders.length > 0 && holders.every(h => {
                const holder = this.ctx.holder(h);
                return holder?.type === 'role' && holder.kind === 'administrator';
            });
        };
        if (adminsOnly(before) || !adminsOnly(after)) return false;
        const count = map.decisions.filter(adminsOnly).length;
        return (count * 100) / total <= maxShare && ((count + 1) * 100) / total > maxShare;
    }
}

/** Who alone holds the first level, a veto or the final level of the decision in some phase (see map-facts). */
function loneCarriers(map: MapModel, decision: DecisionModel): Set<string> {
    const facts = mapFacts({ ...map, decisions: [decision] });
    return new Set(facts.carriedAlone.keys());
}

/** What makes a finding the same finding after a change: its rule, element and facts, not its wording or fixes. */
function findingKey(finding: Finding): string {
    const { fixes: _fixes, ...facts } = finding.data as Finding['data'] & { candidates?: unknown };
    if ('candidates' in facts) delete (facts as { candidates?: unknown }).candidates;
    return `${finding.code}\u0000${finding.element}\u0000${JSON.stringify(facts)}`;
}

/** The decision with one more assignment (holders qualified, as in the model). */
export function withAssignment(decision: DecisionModel, level: string, holder: string, bounds: PhaseBounds): DecisionModel {
    const added: AssignmentModel = { level, holders: [holder], ...definedBounds(bounds), location: decision.location };
    return { ...decision, assignments: [...decision.assignments, added] };
}

/**
 * The decision with `holder` taken off (or, with `to`, moved from) `level` on every line
 * that applies within `bounds`, as the quick fix edits the text.
 */
export function withoutHolder(map: MapModel, decision: DecisionModel, level: string, holder: string, bounds: PhaseBounds, to?: string): DecisionModel {
    const assignments: AssignmentModel[] = [];
    for (const assignment of decision.assignments) {
        if (assignment.level !== level || !assignment.holders.includes(holder) || !overlaps(map, assignment, bounds)) {
            assignments.push(assignment);
            continue;
        }
        const rest = assignment.holders.filter(h => h !== holder);
        if (rest.length > 0) assignments.push({ ...assignment, holders: rest });
        if (to) assignments.push({ ...assignment, level: to, holders: [holder] });
    }
    return { ...decision, assignments };
}

function definedBounds(bounds: PhaseBounds): PhaseBounds {
    return { ...(bounds.from ? { from: bounds.from } : {}), ...(bounds.until ? { until: bounds.until } : {}) };
}

/** Whether the assignment applies in some phase within the bounds. */
export function overlaps(map: MapModel, assignment: PhaseBounds, bounds: PhaseBounds): boolean {
    const [a, b] = span(map, assignment);
    const [c, d] = span(map, bounds);
    return a < d && c < b;
}

function span(map: MapModel, bounds: PhaseBounds): [number, number] {
    const index = (name: string) => map.phases.findIndex(p => p.name === name);
    const start = bounds.from !== undefined ? Math.max(0, index(bounds.from)) : 0;
    const end = bounds.until !== undefined && index(bounds.until) >= 0 ? index(bounds.until) : Math.max(map.phases.length, 1);
    return [start, end];
}
