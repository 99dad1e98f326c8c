import type { MapView, DecisionView, HolderView } from '../view-model.js';
import { holdersPhrase, lowerFirst } from '../view-model.js';

/**
 * The data a charter template sees: plain objects of strings, numbers, booleans and
 * lists (documented in docs/templates.md). Templates get no model objects and no
 * functions, so what a template can reach is exactly this.
 */
export interface CharterData {
    map: { name: string; title: string; doc: string; status: string; scheme: { name: string; title: string }; hasPhases: boolean };
    levels: Array<{ name: string; title: string; doc: string; order: number; final: boolean; veto: boolean; required: boolean }>;
    phases: Array<{ name: string; title: string; duration: string }>;
    domains: Array<{ name: string; title: string; doc: string; depth: number; path: string; decisions: CharterDecision[] }>;
    decisions: CharterDecision[];
    roles: CharterRole[];
    transitions: Array<{ phase: { name: string; title: string }; changes: Array<{ decision: string; level: string; gained: string[]; lost: string[]; text: string }> }>;
    findings: Array<{ code: string; severity: string; element: string; message: string }>;
    counts: { decisions: number; roles: number; teams: number; unratified: number; gaps: number; conflicts: number };
}

export interface CharterDecision {
    name: string;
    qualifiedName: string;
    title: string;
    doc: string;
    domain: string;
    status: string;
    unratified: boolean;
    pattern: string;
    review: string;
    source: string;
    escalate: string;
    after: string[];
    followedBy: string[];
    /** Who holds final authority, in one phrase ("Principal (until Expansion), ILT (from Expansion on)"). */
    decidedBy: string;
    steps: Array<{ order: number; level: string; levelTitle: string; final: boolean; veto: boolean; holders: Array<{ name: string; title: string; when: string }>; text: string }>;
    gap: boolean;
    conflict: boolean;
    findings: Array<{ code: string; severity: string; message: string }>;
}

export interface CharterRole {
    name: string;
    title: string;
    isTeam: boolean;
    external: boolean;
    kind: string;
    doc: string;
    people: string[];
    seats: string;
    vacant: boolean;
    release: string;
    backup: string;
    reports: string;
    members: string[];
    chair: string;
    rule: string;
    memberOf: string[];
    /** Decisions this holder has final authority over. */
    decides: Array<{ decision: string; when: string }>;
    /** Everything else it holds, level by level in the scheme's order. */
    holds: Array<{ level: string; levelTitle: string; decisions: Array<{ decision: string; when: string }> }>;
}

const PATTERN_WORDS: Record<string, string> = {
    collaborative: 'collaborative: the final holders decide jointly',
    collective: 'collective: several people act on it independently',
    coordinated: 'coordinated: part of an agreed sequence of decisions',
    parallel: 'parallel: the same authority held separately in each seat'
};

const RULE_WORDS: Record<string, string> = {
    consensus: 'by consensus',
    majority: 'by majority vote',
    unanimous: 'unanimously',
    chair: 'the chair decides after hearing the members'
};

export function buildCharterData(view: MapView): CharterData {
    const { map, workspace } = view;
    const decisionData = new Map<DecisionView, CharterDecision>();
    for (const d of view.decisions) decisionData.set(d, decisionOf(d));
    const decisions = view.decisions.map(d => decisionData.get(d)!);
    return {
        map: {
            name: map.name, title: map.title, doc: map.doc ?? '', status: map.status ?? '',
            scheme: { name: map.scheme.name, title: map.scheme.title }, hasPhases: map.phases.length > 0
        },
        levels: view.levels.map(l => ({ name: l.name, title: l.title, doc: l.doc ?? '', order: l.index + 1, final: l.final, veto: l.veto, required: l.required })),
        phases: map.phases.map(p => ({
            name: p.name, title: p.title,
            duration: p.duration ? `${p.duration.min}${p.duration.max !== undefined ? `..${p.duration.max}` : ''} ${p.duration.unit}` : ''
        })),
        domains: view.domains.map(d => ({
            name: d.domain.name, title: d.domain.title, doc: d.domain.doc ?? '', depth: d.depth, path: d.path.join(' › '),
            decisions: d.decisions.map(x => decisionData.get(x)!)
        })),
        decisions,
        roles: view.holders.map(h => roleOf(h, workspace.titleOf.bind(workspace))),
        transitions: view.transitions.map(t => ({
            phase: { name: t.phase.name, title: t.phase.title },
            changes: t.changes.map(c => ({
                decision: c.decision.decision.title,
                level: c.level.name,
                gained: c.gained,
                lost: c.lost,
                text: transitionText(c.decision.decision.title, c.level.name, c.gained, c.lost)
            }))
        })),
        findings: view.findings.map(f => ({ code: f.code, severity: f.severity, element: f.element ?? '', message: f.message })),
        counts: {
            decisions: decisions.length,
            roles: map.roles.length,
            teams: map.teams.length,
            unratified: decisions.filter(d => d.unratified).length,
            gaps: decisions.filter(d => d.gap).length,
            conflicts: decisions.filter(d => d.conflict).length
        }
    };
}

function when(h: { when?: string }): string {
    return h.when ? lowerFirst(h.when) : '';
}

function decisionOf(d: DecisionView): CharterDecision {
    const steps = d.steps.filter(s => s.holders.length > 0);
    return {
        name: d.decision.name,
        qualifiedName: d.decision.qualifiedName,
        title: d.decision.title,
        doc: d.decision.doc ?? '',
        domain: d.domain?.path.join(' › ') ?? '',
        status: d.decision.status ?? '',
        unratified: d.unratified,
        pattern: d.decision.pattern ? PATTERN_WORDS[d.decision.pattern] ?? d.decision.pattern : '',
        review: d.decision.review ?? '',
        source: d.decision.source ?? '',
        escalate: d.escalate?.label ?? '',
        after: d.after.map(a => a.label),
        followedBy: d.followedBy.map(a => a.label),
        decidedBy: holdersPhrase(d.finalHolders),
        steps: steps.map((s, i) => ({
            order: i + 1,
            level: s.level.name,
            levelTitle: s.level.title,
            final: s.level.final,
            veto: s.level.veto,
            holders: s.holders.map(h => ({ name: h.holder, title: h.label, when: when(h) })),
            text: holdersPhrase(s.holders)
        })),
        gap: d.gap,
        conflict: d.conflict,
        findings: d.findings.map(f => ({ code: f.code, severity: f.severity, message: f.message }))
    };
}

function roleOf(h: HolderView, titleOf: (name: string) => string): CharterRole {
    const role = h.holder.type === 'role' ? h.holder : undefined;
    const team = h.holder.type === 'team' ? h.holder : undefined;
    const byLevel = new Map<string, CharterRole['holds'][number]>();
    const decides: CharterRole['decides'] = [];
    for (const holding of h.holdings) {
        const entry = { decision: holding.decision.decision.title, when: when(holding) };
        if (holding.level.final) {
            decides.push(entry);
            continue;
        }
        let group = byLevel.get(holding.level.name);
        if (!group) {
            group = { level: holding.level.name, levelTitle: holding.level.title, decisions: [] };
            byLevel.set(holding.level.name, group);
        }
        group.decisions.push(entry);
    }
    const holds = [...byLevel.values()].sort((a, b) => levelIndex(h, a.level) - levelIndex(h, b.level));
    const rule = team?.rule
        ? team.rule.kind === 'vote' ? `by a vote of ${team.rule.needed} in ${team.rule.of} members` : RULE_WORDS[team.rule.kind] ?? team.rule.kind
        : '';
    return {
        name: h.name,
        title: h.label,
        isTeam: !!team,
        external: h.external,
        kind: h.kind,
        doc: h.holder.doc ?? '',
        people: role?.people ?? [],
        seats: role?.seats !== undefined ? String(role.seats) : '',
        vacant: role?.vacant ?? false,
        release: role?.release !== undefined ? `${role.release}%` : '',
        backup: role?.backup ? titleOf(role.backup) : '',
        reports: role?.reports ? titleOf(role.reports) : '',
        members: team?.members.map(titleOf) ?? [],
        chair: team?.chair ? titleOf(team.chair) : '',
        rule,
        memberOf: h.memberOf.map(m => m.label),
        decides,
        holds
    };
}

function levelIndex(h: HolderView, level: string): number {
    return h.holdings.find(x => x.level.name === level)?.level.index ?? 0;
}

function transitionText(decision: string, level: string, gained: string[], lost: string[]): string {
    if (gained.length && lost.length) return `${decision}: ${level} passes from ${lost.join(', ')} to ${gained.join(', ')}.`;
    if (gained.length) return `${decision}: ${gained.join(', ')} now ${gained.length > 1 ? 'hold' : 'holds'} ${level}.`;
    return `${decision}: ${lost.join(', ')} no longer ${lost.length > 1 ? 'hold' : 'holds'} ${level}.`;
}
