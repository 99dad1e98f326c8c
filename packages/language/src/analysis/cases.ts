import type { DecisionModel } from '../model/types.js';

/**
 * Authority that depends on the case (`when "case"` on assignments). The cases of a decision
 * are the distinct `when` texts of its assignments; an assignment without `when` holds in
 * every case. A decision with cases is judged once per case, as if it were one decision per
 * case: the view of a case keeps the assignments that hold in it.
 */
export interface CaseView {
    /** Undefined for a decision without cases. */
    case?: string;
    /** The decision as it stands in this case (the decision itself when it has no cases). */
    decision: DecisionModel;
}

/**
 * The views of a decision with cases, kept with its model, which never changes once built;
 * so are the views (timeline caches key on them). A decision without cases (nearly all) is
 * its own one view, made when asked rather than kept.
 */
const viewsCache = new WeakMap<DecisionModel, readonly CaseView[]>();

/** The distinct cases of a decision, in the order first written. */
export function casesOf(decision: DecisionModel): string[] {
    const cases: string[] = [];
    for (const assignment of decision.assignments) {
        if (assignment.when !== undefined && !cases.includes(assignment.when)) cases.push(assignment.when);
    }
    return cases;
}

/** One view per case, or the decision alone when it has none. */
export function caseViews(decision: DecisionModel): readonly CaseView[] {
    if (!decision.assignments.some(a => a.when !== undefined)) return [{ decision }];
    let views = viewsCache.get(decision);
    if (views) return views;
    views = casesOf(decision).map(c => ({
        case: c,
        decision: { ...decision, assignments: decision.assignments.filter(a => a.when === undefined || a.when === c) }
    }));
    viewsCache.set(decision, views);
    return views;
}

/** "When over $5,000, nobody ..." from "Nobody ...". */
export function inCase(theCase: string, message: string): string {
    return `When ${theCase}, ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
