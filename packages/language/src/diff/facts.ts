import type { Reference } from 'langium';
import type { Decision, Domain, RemitFile, RemitMap, Role, Team } from '../generated/ast.js';
import { parseRemitText } from '../format/parse.js';
import type { FormatProblem } from '../format/parse.js';

/**
 * One line per fact of authority in a file, sorted, for git's textconv diff driver: a
 * plain `git diff` then shows `Lakeside.PDCalendar: decide Lakeside.ILT (from Expansion)`
 * appearing and `... decide Lakeside.Principal` going, whatever the layout. Read from the
 * syntax alone (git hands over one file at a time, without the maps it refers to), so
 * names are qualified as written: a plain name belongs to the file's own map.
 */
export function authorityFacts(text: string): { lines: string[]; error?: undefined } | { error: FormatProblem; lines?: undefined } {
    const parsed = parseRemitText(text);
    if (parsed.error) return { error: parsed.error };
    const map = (parsed.root as RemitFile).map;
    const facts = new Facts(map.name);
    facts.map(map);
    return { lines: [...new Set(facts.lines)].sort() };
}

class Facts {
    readonly lines: string[] = [];

    constructor(private readonly mapName: string) {}

    map(map: RemitMap): void {
        this.add(map.name, `map${title(map.title)}`);
        if (map.scheme) this.add(map.name, `uses ${map.scheme.$refText}`);
        if (map.status) this.add(map.name, `status ${map.status}`);
        if (map.under) this.add(map.name, `under ${map.under.$refText}`);
        for (const element of map.elements) {
            switch (element.$type) {
                case 'LevelScheme':
                    this.add(this.qualify(element.name), `levels${title(element.title)}`);
                    element.levels.forEach((level, i) => {
                        const flags = [level.final && 'final', level.veto && 'veto', level.required && 'required'].filter(Boolean).join(' ');
                        this.add(this.qualify(element.name), `level ${i + 1} ${level.name}${title(level.title)}${flags ? ` ${flags}` : ''}`);
                    });
                    break;
                case 'PhaseList':
                    element.phases.forEach((phase, i) => {
                        const d = phase.duration;
                        const duration = d ? ` ${d.min}${d.max !== undefined ? `..${d.max}` : ''} ${d.unit}` : '';
                        this.add(this.qualify(phase.name), `phase ${i + 1}${title(phase.title)}${duration}`);
                    });
                    break;
                case 'Role': this.role(element); break;
                case 'Team': this.team(element); break;
                case 'Domain': this.domain(element); break;
            }
        }
    }

    private role(role: Role): void {
        const name = this.qualify(role.name);
        this.add(name, `role${title(role.title)}`);
        if (role.kind) this.add(name, `kind ${role.kind}`);
        for (const person of role.holders) this.add(name, `holder "${person}"`);
        if (role.seats !== undefined) this.add(name, `seats ${role.seats}`);
        if (role.vacant) this.add(name, 'vacant');
        if (role.release !== undefined) this.add(name, `release ${role.release}%`);
        if (role.backup) this.add(name, `backup ${this.ref(role.backup)}`);
        if (role.reports) this.add(name, `reports ${this.ref(role.reports)}`);
        if (role.requires !== undefined) this.add(name, `requires "${role.requires}"`);
    }

    private team(team: Team): void {
        const name = this.qualify(team.name);
        this.add(name, `team${title(team.title)}`);
        for (const member of team.members) this.add(name, `member ${this.ref(member)}`);
        for (const member of team.advisory) this.add(name, `advisory member ${this.ref(member)}`);
        if (team.chair) this.add(name, `chair ${this.ref(team.chair)}`);
        if (team.rule) {
            const step = (s: { kind: string; needed?: number; of?: number }) => (s.kind === 'vote' ? `vote ${s.needed}/${s.of}` : s.kind);
            this.add(name, `rule ${[team.rule, ...team.rule.then].map(step).join(' then ')}`);
        }
        if (team.requires !== undefined) this.add(name, `requires "${team.requires}"`);
    }

    private domain(domain: Domain, outer?: string, outerBinding?: string): void {
        const name = this.qualify(domain.name);
        this.add(name, `domain${title(domain.title)}${outer ? ` (in ${outer})` : ''}`);
        if (domain.binding) this.add(name, domain.binding);
        const binding = domain.binding ?? outerBinding;
        for (const inner of domain.domains) this.domain(inner, name, binding);
        for (const decision of domain.decisions) this.decision(decision, name, binding);
    }

    private decision(decision: Decision, domain: string, domainBinding?: string): void {
        const name = this.qualify(decision.name);
        this.add(name, `decision${title(decision.title)} (in ${domain})`);
        // The binding a decision has, whether it says it or its domain does: a change either way is a change of authority.
        const binding = decision.binding ?? domainBinding;
        if (binding) this.add(name, binding);
        if (decision.overrides) this.add(name, `overrides ${this.ref(decision.overrides)}`);
        if (decision.fallback !== undefined) this.add(name, `fallback "${decision.fallback}"${decision.fallbackBy !== undefined ? ` by "${decision.fallbackBy}"` : ''}`);
        for (const a of decision.assignments) {
            const phases = [a.from && `from ${a.from.$refText}`, a.until && `until ${a.until.$refText}`, a.when?.trim() && `when "${a.when.trim()}"`].filter(Boolean).join(' ');
            for (const holder of a.holders) this.add(name, `${a.level.$refText} ${this.ref(holder)}${phases ? ` (${phases})` : ''}`);
        }
        for (const after of decision.after) this.add(name, `after ${this.ref(after)}`);
        if (decision.escalate) this.add(name, `escalate ${this.ref(decision.escalate)}`);
        if (decision.cadence) this.add(name, `review ${decision.cadence}`);
        if (decision.reviewText !== undefined) this.add(name, `review "${decision.reviewText}"`);
        if (decision.pattern) this.add(name, `pattern ${decision.pattern}`);
        if (decision.source !== undefined) this.add(name, `source "${decision.source}"`);
        if (decision.status) this.add(name, `status ${decision.status}`);
    }

    private add(element: string, fact: string): void {
        this.lines.push(`${element}: ${fact.replace(/[\r\n]+/g, ' ')}`);
    }

    private qualify(name: string): string {
        return `${this.mapName}.${name}`;
    }

    private ref(reference: Reference): string {
        const text = reference.$refText;
        return text.includes('.') ? text : this.qualify(text);
    }
}

/** Titles in double quotes, as the map writes them. */
function title(value: string | undefined): string {
    return value !== undefined ? ` "${value}"` : '';
}
