import type { MapModel, RoleModel } from '../model/types.js';
import { AnalysisContext, listWords } from './context.js';
import type { Finding } from './finding.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/** Titles of the first few items, then "and N more". */
function some(titles: readonly string[], shown = 3): string {
    const quoted = titles.map(t => `'${t}'`);
    if (quoted.length <= shown) return listWords(quoted);
    return `${quoted.slice(0, shown).join(', ')} and ${quoted.length - shown} more`;
}

/**
 * `overloaded-role`: a teacher role that alone holds the scheme's first level, a veto or the
 * final level in more decisions than its time allows. Shared and team assignments do not
 * count: they are the distribution the seed asks for.
 */
export function checkOverload(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const maxDecisions = ctx.config.threshold('overloaded-role', 'maxDecisions');
    const perDecision = ctx.config.threshold('overloaded-role', 'releasePercentPerDecision');
    for (const map of ctx.model.maps) {
        for (const role of map.roles) {
            const version = role.kind === 'teacher' ? facts.carriedAlone.version(role.qualifiedName) : 0;
            if (version === 0) continue;
            const finding = facts.kept.overloaded.judge(role, version, ctx.config, () => {
                const bonus = role.release !== undefined && perDecision > 0 ? Math.floor(role.release / perDecision) : 0;
                const limit = maxDecisions + bonus;
                if (facts.carriedAlone.count(role.qualifiedName) <= limit) return undefined;
                const decisions = facts.valuesOf(facts.carriedAlone, role.qualifiedName).map(name => ctx.model.decision(name)!);
                const time = role.release !== undefined
                    ? `with ${role.release}% release time it can carry ${limit}`
                    : `with no release time it can carry ${limit}`;
                return {
                    code: 'overloaded-role', element: role.qualifiedName, location: role.location,
                    message: `${ctx.who(role.qualifiedName, map)} alone proposes, vetoes or decides ${decisions.length} decisions (${some(decisions.map(d => d.title))}), but ${time} alongside teaching. Share some of them with a team or another role, or give the role more release time (each ${perDecision}% adds one decision).`,
                    data: { count: decisions.length, limit, decisions: decisions.map(d => d.qualifiedName) }
                };
            });
            if (finding) out.push(finding);
        }
    }
}

/**
 * `concentrated-authority`: in a map with enough decisions, nearly all final say rests with
 * administrators alone. A decision counts when everyone who ever holds its final level, over
 * all its phases, is an administrator role: a decision being handed over to teachers does not.
 */
export function checkConcentration(ctx: AnalysisContext, map: MapModel, out: Finding[]): void {
    const minDecisions = ctx.config.threshold('concentrated-authority', 'minDecisions');
    const maxShare = ctx.config.threshold('concentrated-authority', 'maxAdministratorShare');
    const total = map.decisions.length;
    if (total === 0 || total < minDecisions) return;
    const timeline = ctx.timeline(map);
    const concentrated = map.decisions.filter(decision => {
        const holders = timeline.everFinalHolders(decision);
        return holders.length > 0 && holders.every(h => administratorsOnly(ctx, h, new Set()));
    });
    const share = (concentrated.length * 100) / total;
    if (share <= maxShare) return;
    out.push({
        code: 'concentrated-authority', element: map.name, location: map.location,
        message: `In '${map.title}', administrators alone have the final say over ${concentrated.length} of ${total} decisions (${Math.round(share)}%): tasks are distributed, influence is not. Give teacher leaders or teams the final say over some of them (more than ${maxShare}% is flagged).`,
        data: { count: concentrated.length, total, decisions: concentrated.map(d => d.qualifiedName) }
    });
}

/**
 * Whether a holder is an administrator role, or a team whose voting members all are (through
 * nested teams): a cabinet of administrators is still administrators alone. Advisory
 * members do not vote; a team with no voting members, or inside itself, does not count.
 */
function administratorsOnly(ctx: AnalysisContext, name: string, seen: Set<string>): boolean {
    const holder = ctx.holder(name);
    if (!holder) return false;
    if (holder.type === 'role') return holder.kind === 'administrator';
    if (seen.has(name) || holder.members.length === 0) return false;
    seen.add(name);
    return holder.members.every(m => administratorsOnly(ctx, m, seen));
}

/**
 * `single-point-of-failure`: one person, with no backup, who alone decides in many domains.
 * Domains are counted by the innermost domain of each decision, across the workspace.
 */
export function checkSinglePoints(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    const minDomains = ctx.config.threshold('single-point-of-failure', 'minDomains');
    for (const map of ctx.model.maps) {
        for (const role of map.roles) {
            const version = isOnePerson(role) && !role.backup ? facts.soleFinalSayDomains.version(role.qualifiedName) : 0;
            if (version === 0) continue;
            const finding = facts.kept.singlePoints.judge(role, version, ctx.config, () => {
                const domains = [...new Set(facts.valuesOf(facts.soleFinalSayDomains, role.qualifiedName))];
                if (domains.length === 0 || domains.length < minDomains) return undefined;
                return {
                    code: 'single-point-of-failure', element: role.qualifiedName, location: role.location,
                    message: `${ctx.who(role.qualifiedName, map)} is one person with no backup, and the only one with the final say in ${domains.length} domains (${some(domains.map(d => ctx.model.domain(d)?.title ?? d))}). When they are away, these decisions stop. Name a 'backup' for the role, or share some of these decisions.`,
                    data: { domains }
                };
            });
            if (finding) out.push(finding);
        }
    }
}

/** At most one named holder and at most one seat. */
function isOnePerson(role: RoleModel): boolean {
    return role.people.length <= 1 && (role.seats === undefined || role.seats === 1);
}
