import type { DecisionModel, MapModel, TeamModel } from '../model/types.js';
import { AnalysisContext, listWords, writtenName } from './context.js';
import type { Finding } from './finding.js';
import { cycleThrough } from './graph.js';
import { mapsAbove } from './inheritance.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/**
 * The rules of part 2 that look across teams and maps: teams inside themselves
 * (`team-cycle`), `under` loops (`under-cycle`), and overrides of decisions of maps above
 * (`overrides-tight`, `invalid-override`, `duplicate-override`).
 */

/** `team-cycle`: one finding per loop, on its first team in reading order. */
export function checkTeamCycles(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const edges = (name: string) => {
        const team = ctx.holder(name);
        return team?.type === 'team' ? [...team.members, ...team.advisory] : [];
    };
    for (const component of facts.teamLoops()) {
        const team = ctx.holder(component[0]) as TeamModel;
        const map = ctx.model.mapOf(component[0])!;
        const path = cycleThrough(component[0], component, edges);
        const who = (name: string) => ctx.who(name, map);
        const message = path.length === 1
            ? `${who(path[0])} lists itself among its own members, so nobody can say who is in it. Remove '${team.name}' from its 'members' or 'advisory' line.`
            : `${listWords(path.map((name, i) => `${who(name)} has ${who(path[(i + 1) % path.length])} among its members`))}: these teams contain each other, so nobody can say who is in them. Remove one of these members.`;
        out.push({
            code: 'team-cycle', element: team.qualifiedName, location: team.location, message,
            data: { loop: path.map(n => writtenName(n, map)) }
        });
    }
}

/** `under-cycle`: one finding per loop, on the `under` line of its first map in workspace order. */
export function checkUnderCycles(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const edges = (name: string) => {
        const under = ctx.model.map(name)?.under;
        return under !== undefined ? [under] : [];
    };
    for (const component of facts.underLoops()) {
        const map = ctx.model.map(component[0])!;
        const path = cycleThrough(component[0], component, edges);
        const message = path.length === 1
            ? `'${map.name}' is under itself, so no map is above it. Remove the 'under ${map.name}' line, or name the map ${map.name} is a unit of.`
            : `${listWords(path.map((name, i) => `'${name}' is under '${path[(i + 1) % path.length]}'`))}: the 'under' lines go round in a circle, so none of these maps is above the others. Remove or change one of these 'under' lines.`;
        out.push({
            code: 'under-cycle', element: map.name, location: map.underLocation ?? map.location, message,
            data: { loop: path }
        });
    }
}

/** Each map's decisions with `overrides`, kept with the map's model. */
const overridingCache = new WeakMap<MapModel, DecisionModel[]>();

function overriding(map: MapModel): DecisionModel[] {
    let found = overridingCache.get(map);
    if (!found) overridingCache.set(map, found = map.decisions.filter(d => d.overrides !== undefined));
    return found;
}

/** `overrides-tight`, `invalid-override` and `duplicate-override`, at each `overrides` line. */
export function checkOverrides(ctx: AnalysisContext, out: Finding[]): void {
    for (const map of ctx.model.maps) {
        const decisions = overriding(map);
        if (decisions.length === 0) continue;
        const above = mapsAbove(ctx.model, map);
        const first = new Map<string, DecisionModel>();
        for (const decision of decisions) {
            const targetName = decision.overrides!;
            const target = ctx.model.decision(targetName);
            const targetMap = ctx.model.mapOf(targetName);
            const location = decision.overridesLocation ?? decision.location;
            const base = { element: decision.qualifiedName, location };
            const written = writtenName(targetName, map);
            if (!target || !targetMap) continue;
            const what = `'${target.title}' (${written})`;
            if (!above.includes(targetMap)) {
                const why = targetMap === map
                    ? `it is a decision of this map itself`
                    : `'${targetMap.name}' is not a map above '${map.name}'${above.length ? ` (above it: ${listWords(above.map(m => `'${m.name}'`))})` : ` ('${map.name}' has no 'under' line)`}`;
                const fix = targetMap === map
                    ? `Remove the 'overrides' line.`
                    : above.length === 0
                    ? `Add 'under ${targetMap.name}' to the map's header if '${map.name}' is one of its units, or remove the 'overrides' line.`
                    : `Override a loose decision of a map above, or remove the 'overrides' line.`;
                out.push({
                    ...base, code: 'invalid-override',
                    message: `${ctx.decision(decision)} overrides ${what}, but ${why}: only a 'loose' decision of a map above can be overridden. ${fix}`,
                    data: { overrides: written, reason: 'not-above', fixes: [{ title: 'Remove the \'overrides\' line', preferred: true, edits: [{ kind: 'remove-overrides' }] }] }
                });
            } else if (target.binding === 'tight') {
                out.push({
                    ...base, code: 'overrides-tight',
                    message: `${ctx.decision(decision)} overrides ${what}, but '${targetMap.name}' decides it for every map under it ('tight'). Remove the 'overrides' line and leave the decision to '${targetMap.name}', or ask '${targetMap.name}' to make it 'loose'.`,
                    data: { overrides: written, fixes: [{ title: 'Remove the \'overrides\' line', preferred: true, edits: [{ kind: 'remove-overrides' }] }] }
                });
            } else if (target.binding !== 'loose') {
                out.push({
                    ...base, code: 'invalid-override',
                    message: `${ctx.decision(decision)} overrides ${what}, but that decision is ${targetMap.name}'s own business: it says neither 'tight' nor 'loose'. Only a 'loose' decision can be overridden: ask '${targetMap.name}' to mark it 'loose', or remove the 'overrides' line.`,
                    data: { overrides: written, reason: 'not-loose', fixes: [{ title: 'Remove the \'overrides\' line', preferred: true, edits: [{ kind: 'remove-overrides' }] }] }
                });
            }
            const earlier = first.get(targetName);
            if (earlier) {
                out.push({
                    ...base, code: 'duplicate-override',
                    message: `${ctx.decision(decision)} and ${ctx.decision(earlier)} (line ${earlier.location.range.start.line + 1}) both override ${what}, so it is unclear which one is this map's choice. Keep one of them, or remove this 'overrides' line.`,
                    data: { overrides: written, other: writtenName(earlier.qualifiedName, map), fixes: [{ title: 'Remove this \'overrides\' line', edits: [{ kind: 'remove-overrides' }] }] }
                });
            } else first.set(targetName, decision);
        }
    }
}
