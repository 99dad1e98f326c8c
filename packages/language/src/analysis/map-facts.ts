import type { DecisionModel, LevelModel, MapModel } from '../model/types.js';
import { caseViews } from './cases.js';
import { PhaseTimeline } from './phase-timeline.js';

/**
 * What one map contributes to the rules that look across the whole workspace: the names it
 * refers to, its `after` and `reports` links, and who holds which authority in it. Facts
 * depend on the map alone (names are qualified, so they mean the same from anywhere), and
 * are computed once per map model: an edit to one map of a district recomputes that map's
 * facts only.
 */
export interface MapFacts {
    /** Every name the map refers to; an element's reference to itself does not count. */
    referenced: string[];
    /** Decisions with `after` links, and the decisions each waits for. */
    after: Array<[decision: string, after: string[]]>;
    /** Roles with a `reports` line, and the role each reports to. */
    reports: Array<[role: string, reportsTo: string]>;
    /** Teams and the teams and roles that sit in each (members and advisory members). */
    teams: Array<[team: string, members: string[]]>;
    /** The map and the map it is `under`, when it says one. */
    under: Array<[map: string, under: string[]]>;
    /** Holder: the decisions it has the final say over in some phase (in the order written). */
    finalSay: Map<string, string[]>;
    /** Holder: the decisions in which it holds a veto level in some phase. */
    vetoSay: Map<string, string[]>;
    /** Holder: the decisions whose first level, a veto or the final level it holds alone in some phase. */
    carriedAlone: Map<string, string[]>;
    /** Holder: the innermost domains of the decisions it alone has the final say over in some phase. */
    soleFinalSayDomains: Map<string, string[]>;
}

const factsCache = new WeakMap<MapModel, MapFacts>();

export function mapFacts(map: MapModel): MapFacts {
    let facts = factsCache.get(map);
    if (!facts) {
        facts = computeFacts(map);
        factsCache.set(map, facts);
    }
    return facts;
}

function computeFacts(map: MapModel): MapFacts {
    const timeline = new PhaseTimeline(map);
    const facts: MapFacts = {
        referenced: referencedBy(map),
        after: map.decisions.filter(d => d.after.length > 0).map(d => [d.qualifiedName, d.after]),
        reports: map.roles.filter(r => r.reports !== undefined).map(r => [r.qualifiedName, r.reports!]),
        teams: map.teams.filter(t => t.members.length + t.advisory.length > 0).map(t => [t.qualifiedName, [...t.members, ...t.advisory]]),
        under: map.under !== undefined ? [[map.name, [map.under]]] : [],
        finalSay: new Map(),
        vetoSay: new Map(),
        carriedAlone: new Map(),
        soleFinalSayDomains: new Map()
    };
    const vetoLevels = map.scheme.levels.filter(l => l.veto).map(l => l.name);
    const loneLevels = map.scheme.levels.filter((l, i) => i === 0 || l.veto || l.final);
    for (const decision of map.decisions) {
        // A decision with cases counts once, whatever the case.
        const views = caseViews(decision).map(v => v.decision);
        const name = decision.qualifiedName;
        // Each list is already without repeats; only several views' lists need merging.
        const finalSay = views.length === 1 ? timeline.everFinalHolders(views[0]) : new Set(views.flatMap(v => timeline.everFinalHolders(v)));
        for (const holder of finalSay) add(facts.finalSay, holder, name);
        const alone = views.length === 1 ? loneHolders(timeline, loneLevels, views[0]) : new Set(views.flatMap(v => loneHolders(timeline, loneLevels, v)));
        for (const holder of alone) add(facts.carriedAlone, holder, name);
        const vetoHolders = new Set(decision.assignments.filter(a => vetoLevels.includes(a.level)).flatMap(a => a.holders));
        for (const holder of vetoHolders) add(facts.vetoSay, holder, name);
        const domain = decision.domainPath[decision.domainPath.length - 1];
        if (!domain) continue;
        for (const view of views) {
            for (const period of timeline.distinctPeriods(view)) {
                const holders = timeline.finalHolders(view, period);
                if (holders.length === 1) addOnce(facts.soleFinalSayDomains, holders[0], domain);
            }
        }
    }
    return facts;
}

function referencedBy(map: MapModel): string[] {
    const used = new Set<string>();
    if (!map.scheme.builtin && map.scheme.qualifiedName) used.add(map.scheme.qualifiedName);
    for (const role of map.roles) {
        for (const target of [role.backup, role.reports]) {
            if (target && target !== role.qualifiedName) used.add(target);
        }
    }
    for (const team of map.teams) {
        for (const target of [...team.members, ...team.advisory, team.chair]) {
            if (target && target !== team.qualifiedName) used.add(target);
        }
    }
    // Plain loops: this runs over every assignment of the workspace.
    for (const decision of map.decisions) {
        if (decision.escalate) used.add(decision.escalate);
        for (const assignment of decision.assignments) {
            for (const holder of assignment.holders) used.add(holder);
            if (assignment.from) used.add(`${map.name}.${assignment.from}`);
            if (assignment.until) used.add(`${map.name}.${assignment.until}`);
        }
    }
    return [...used];
}

/** Who alone holds one of `levels` (the scheme's first level, a veto or its final level), in some phase. */
function loneHolders(timeline: PhaseTimeline, levels: readonly LevelModel[], decision: DecisionModel): string[] {
    const found = new Set<string>();
    for (const period of timeline.distinctPeriods(decision)) {
        for (const level of levels) {
            // One holder, perhaps listed more than once.
            const holders = timeline.holdersAt(decision, level.name, period);
            if (holders.length > 0 && holders.every(h => h === holders[0])) found.add(holders[0]);
        }
    }
    return [...found];
}

function add(into: Map<string, string[]>, key: string, value: string): void {
    const list = into.get(key);
    if (list) list.push(value);
    else into.set(key, [value]);
}

function addOnce(into: Map<string, string[]>, key: string, value: string): void {
    const list = into.get(key);
    if (!list) into.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
}
