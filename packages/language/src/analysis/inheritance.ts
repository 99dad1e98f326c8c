import type { DecisionModel, MapModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';

/**
 * Districts and schools: a map `under` another inherits its `tight` decisions and the
 * `loose` ones it does not override. The one place that answers "which maps are above this
 * one?" and "which decisions does this map really have?".
 */

/** The maps above `map`, nearest first, following `under` until it ends, leaves the workspace or loops. */
export function mapsAbove(model: WorkspaceModel, map: MapModel): MapModel[] {
    const above: MapModel[] = [];
    const seen = new Set<string>([map.name]);
    for (let name = map.under; name !== undefined && !seen.has(name); ) {
        seen.add(name);
        const next = model.map(name);
        if (!next) break;
        above.push(next);
        name = next.under;
    }
    return above;
}

/** One decision as a map has it: its own, or inherited from a map above. */
export interface EffectiveDecision {
    decision: DecisionModel;
    /** The map the decision is written in. */
    map: MapModel;
    /** Undefined for the map's own decisions; else `tight` (set by that map) or `loose` (its default, not overridden). */
    inherited?: 'tight' | 'loose';
}

/**
 * A map's effective decisions: its own, then the `tight` decisions of every map above it
 * (nearest first) and their `loose` decisions that neither it nor a map between overrides.
 */
export function effectiveDecisions(model: WorkspaceModel, map: MapModel): EffectiveDecision[] {
    const result: EffectiveDecision[] = map.decisions.map(decision => ({ decision, map }));
    const overridden = new Set(map.decisions.map(d => d.overrides).filter((n): n is string => n !== undefined));
    for (const above of mapsAbove(model, map)) {
        for (const decision of above.decisions) {
            if (decision.binding === 'tight') result.push({ decision, map: above, inherited: 'tight' });
            else if (decision.binding === 'loose' && !overridden.has(decision.qualifiedName)) result.push({ decision, map: above, inherited: 'loose' });
        }
        for (const decision of above.decisions) if (decision.overrides) overridden.add(decision.overrides);
    }
    return result;
}

/** The decisions of the workspace that override `decision` (a loose decision), maps in workspace order. */
export function overridesOf(model: WorkspaceModel, decision: DecisionModel): DecisionModel[] {
    return model.maps.flatMap(map => map.decisions.filter(d => d.overrides === decision.qualifiedName));
}
