import type { MapModel, RoleModel } from '../model/types.js';
import { AnalysisContext, listWords, writtenName } from './context.js';
import type { Finding } from './finding.js';
import { sentence } from './final-authority.js';
import { cycleThrough } from './graph.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/**
 * `sequence-cycle`: decisions that wait for each other through `after`, across maps.
 * One finding per loop, on the loop's first decision in reading order; the message names
 * the whole loop.
 */
export function checkSequenceCycles(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const edges = (name: string) => ctx.model.decision(name)?.after ?? [];
    for (const component of facts.sequenceLoops()) {
        const decision = ctx.model.decision(component[0])!;
        const map = ctx.model.mapOf(component[0])!;
        const path = cycleThrough(component[0], component, edges);
        const title = (name: string) => `'${ctx.model.decision(name)?.title ?? name}'`;
        const message = path.length === 1
            ? `${title(path[0])} is to be taken after itself, so it can never be taken. Remove '${decision.name}' from its own 'after' line.`
            : `${listWords(path.map((name, i) => `${title(name)} comes after ${title(path[(i + 1) % path.length])}`))}: these decisions wait for each other, so none of them can ever be taken. Remove one of these 'after' links.`;
        out.push({
            code: 'sequence-cycle', element: decision.qualifiedName, location: decision.location, message,
            data: { loop: path.map(n => writtenName(n, map)) }
        });
    }
}

/**
 * `escalation-cycle`: reporting lines that go round in a circle (so an appeal never reaches
 * someone who can settle it), and decisions whose escalation comes back to their own final
 * holder: directly (`escalate` names the decider) or up the target's reporting line.
 */
export function checkEscalation(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const edges = (name: string) => {
        const reports = reportsOf(ctx, name);
        return reports ? [reports] : [];
    };
    for (const component of facts.reportingLoops()) {
        const role = ctx.holder(component[0]) as RoleModel;
        const map = ctx.model.mapOf(component[0])!;
        const path = cycleThrough(component[0], component, edges);
        const who = (name: string) => ctx.who(name, map);
        const message = path.length === 1
            ? `${who(path[0])} reports to itself, so an escalation from it goes nowhere. Name the role it answers to in 'reports', or remove the line.`
            : `${listWords(path.map((name, i) => `${who(name)} reports to ${who(path[(i + 1) % path.length])}`))}: escalation goes round in a circle and never reaches someone who can settle it. Remove or change one of these 'reports' lines.`;
        out.push({
            code: 'escalation-cycle', element: role.qualifiedName, location: role.location, message,
            data: { loop: path.map(n => writtenName(n, map)) }
        });
    }

    for (const map of ctx.model.maps) out.push(...appealsToDecider(ctx, map));
}

/**
 * Each map's appeals that come back to the decider, with the escalation routes they were
 * judged on: kept while every route stays as it was (reporting lines are in other maps too).
 */
const appealsCache = new WeakMap<MapModel, { routes: string; findings: Finding[] }>();

/** The holders each map's decisions escalate to, once per map model. */
const escalationTargets = new WeakMap<MapModel, string[]>();

/** Escalation routes per analysis: the maps of a district mostly escalate to the same few roles. */
const routesPerAnalysis = new WeakMap<AnalysisContext, Map<string, string[]>>();

function appealsToDecider(ctx: AnalysisContext, map: MapModel): Finding[] {
    let targets = escalationTargets.get(map);
    if (!targets) {
        targets = [...new Set(map.decisions.map(d => d.escalate).filter((t): t is string => t !== undefined))];
        escalationTargets.set(map, targets);
    }
    if (targets.length === 0) return [];
    let routes = routesPerAnalysis.get(ctx);
    if (!routes) routesPerAnalysis.set(ctx, routes = new Map());
    const known = routes;
    const routeOf = new Map(targets.map(target => {
        let route = known.get(target);
        if (!route) known.set(target, route = escalationRoute(ctx, target));
        return [target, route];
    }));
    const signature = [...routeOf.values()].map(route => route.join('>')).join('\n');
    const cached = appealsCache.get(map);
    if (cached?.routes === signature) return cached.findings;
    const out: Finding[] = [];
    const timeline = ctx.timeline(map);
    for (const decision of map.decisions) {
        if (!decision.escalate) continue;
        const route = routeOf.get(decision.escalate)!;
        // The first holder on the route who also decides: the appeal comes back to them.
        const reached = (p: Parameters<typeof timeline.finalHolders>[1]) => {
            const deciders = timeline.finalHolders(decision, p);
            return route.find(h => deciders.includes(h)) ?? '';
        };
        for (const run of timeline.runs(reached)) {
            if (!run.value) continue;
            const span = timeline.describeSpan(run.first, run.last);
            const path = route.slice(0, route.indexOf(run.value) + 1);
            const above = reportsOf(ctx, run.value);
            const instead = above && !path.includes(above) ? `, such as ${ctx.who(above, map)}` : '';
            const via = path.slice(1).map(h => `, who reports to ${ctx.who(h, map)}`).join('');
            out.push({
                code: 'escalation-cycle', element: decision.qualifiedName, location: decision.location,
                message: sentence(span, `${ctx.decision(decision)} escalates to ${ctx.who(path[0], map)}${via}, who already has the final say over it: an appeal would come back to whoever decided. Escalate to someone above ${path.length > 1 ? ctx.who(run.value, map) : 'them'}${instead}.`),
                data: { escalate: writtenName(decision.escalate, map), route: path.map(h => writtenName(h, map)), suggestion: instead ? writtenName(above!, map) : undefined }
            });
        }
    }
    appealsCache.set(map, { routes: signature, findings: out });
    return out;
}

/** Where an appeal goes: the escalation target, then up its reporting line until it ends or repeats. */
function escalationRoute(ctx: AnalysisContext, target: string): string[] {
    const route: string[] = [];
    for (let holder: string | undefined = target; holder && !route.includes(holder); holder = reportsOf(ctx, holder)) {
        route.push(holder);
    }
    return route;
}

function reportsOf(ctx: AnalysisContext, holder: string): string | undefined {
    const found = ctx.holder(holder);
    return found?.type === 'role' ? found.reports : undefined;
}
