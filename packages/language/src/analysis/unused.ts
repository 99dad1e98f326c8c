import type { DomainModel, MapModel } from '../model/types.js';
import type { Finding } from './finding.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/**
 * `unused-element`: roles, teams, phases and a map's own level schemes that nothing in the
 * workspace refers to (an element's reference to itself does not count).
 */
export function checkUnused(facts: WorkspaceFacts, map: MapModel, out: Finding[]): void {
    // Each map's findings, with the state they were judged in, are kept with the workspace's
    // facts while none of the map's elements becomes used or unused (and the map is unchanged).
    const cached = facts.kept.unused.get(map);
    if (cached && !facts.usedChangedSince(map, cached.state)) {
        out.push(...cached.findings);
        return;
    }
    const findings: Finding[] = [];
    const unused = (kind: string, name: string, qualifiedName: string, title: string, location: Finding['location'] | undefined, advice: string) => {
        if (facts.isReferenced(qualifiedName) || !location) return;
        const shown = title && title !== name ? `'${title}' (${name})` : `'${name}'`;
        findings.push({
            code: 'unused-element', element: qualifiedName, location,
            message: `The ${kind} ${shown} is not used anywhere. ${advice}`,
            data: { kind, name, fixes: [{ title: `Remove the unused ${kind} '${name}'`, edits: [{ kind: 'remove-element' }] }] }
        });
    };
    for (const role of map.roles) unused('role', role.name, role.qualifiedName, role.title, role.location, 'Give it a part in a decision or a team, or remove it.');
    for (const team of map.teams) unused('team', team.name, team.qualifiedName, team.title, team.location, 'Give it a part in a decision, or remove it.');
    for (const phase of map.phases) unused('phase', phase.name, phase.qualifiedName, phase.title, phase.location, `No assignment starts or ends with it ('from ${phase.name}' or 'until ${phase.name}'). Use it to hand authority over, or remove it.`);
    for (const scheme of map.schemes) {
        if (scheme.builtin) continue;
        unused('level scheme', scheme.name, scheme.qualifiedName, scheme.title, scheme.location, `No map uses it: add 'uses ${scheme.name}' after the map line, or remove it.`);
    }
    facts.kept.unused.set(map, { state: facts.state, findings });
    out.push(...findings);
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
