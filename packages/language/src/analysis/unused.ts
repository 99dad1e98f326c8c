import type { DomainModel, MapModel } from '../model/types.js';
import { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';

/**
 * Every name something refers to, across all maps: holders (in assignments, team members
 * and chairs, backup, reports, escalate), phases (in `from` and `until`) and level schemes
 * (in `uses`). An element's reference to itself does not count.
 */
export function referencedNames(ctx: AnalysisContext): Set<string> {
    const used = new Set<string>();
    for (const map of ctx.model.maps) {
        if (!map.scheme.builtin && map.scheme.qualifiedName) used.add(map.scheme.qualifiedName);
        for (const role of map.roles) {
            for (const target of [role.backup, role.reports]) {
                if (target && target !== role.qualifiedName) used.add(target);
            }
        }
        for (const team of map.teams) {
            for (const target of [...team.members, team.chair]) {
                if (target && target !== team.qualifiedName) used.add(target);
            }
        }
        for (const decision of map.decisions) {
            if (decision.escalate) used.add(decision.escalate);
            for (const assignment of decision.assignments) {
                assignment.holders.forEach(h => used.add(h));
                for (const phase of [assignment.from, assignment.until]) if (phase) used.add(`${map.name}.${phase}`);
            }
        }
    }
    return used;
}

/** `unused-element`: roles, teams, phases and a map's own level schemes nothing refers to. */
export function checkUnused(ctx: AnalysisContext, map: MapModel, used: Set<string>, out: Finding[]): void {
    const unused = (kind: string, name: string, qualifiedName: string, title: string, location: Finding['location'] | undefined, advice: string) => {
        if (used.has(qualifiedName) || !location) return;
        const shown = title && title !== name ? `'${title}' (${name})` : `'${name}'`;
        out.push({
            code: 'unused-element', element: qualifiedName, location,
            message: `The ${kind} ${shown} is not used anywhere. ${advice}`,
            data: { kind, name }
        });
    };
    for (const role of map.roles) unused('role', role.name, role.qualifiedName, role.title, role.location, 'Give it a part in a decision or a team, or remove it.');
    for (const team of map.teams) unused('team', team.name, team.qualifiedName, team.title, team.location, 'Give it a part in a decision, or remove it.');
    for (const phase of map.phases) unused('phase', phase.name, phase.qualifiedName, phase.title, phase.location, `No assignment starts or ends with it ('from ${phase.name}' or 'until ${phase.name}'). Use it to hand authority over, or remove it.`);
    for (const scheme of map.schemes) {
        if (scheme.builtin) continue;
        unused('level scheme', scheme.name, scheme.qualifiedName, scheme.title, scheme.location, `No map uses it: add 'uses ${scheme.name}' after the map line, or remove it.`);
    }
}

/** `empty-domain`: a domain with no decisions, in itself or in the domains inside it. */
export function checkEmptyDomains(map: MapModel, out: Finding[]): void {
    const count = (domain: DomainModel): number => domain.decisions.length + domain.domains.reduce((n, d) => n + count(d), 0);
    const visit = (domain: DomainModel) => {
        if (count(domain) === 0) {
            const shown = domain.title !== domain.name ? `'${domain.title}' (${domain.name})` : `'${domain.name}'`;
            out.push({
                code: 'empty-domain', element: domain.qualifiedName, location: domain.location,
                message: `The domain ${shown} has no decisions. Add the decisions it is for, or remove it.`,
                data: { name: domain.name }
            });
        }
        domain.domains.forEach(visit);
    };
    map.domains.forEach(visit);
}
