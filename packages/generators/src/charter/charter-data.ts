import { caseViews, effectiveDecisions } from '@remit/language';
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
    /** Decisions of the maps above (`under`): "set by Pinewood" (tight) or "Pinewood's default" (loose, not overridden). */
    inherited: Array<{ name: string; title: string; from: string; note: string; decidedBy: string }>;
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
    /** What happens when the deciders do not agree, with its deadline ("Status quo, by 1 November"); empty when none. */
    fallback: string;
    /** One sentence per case (`when`): "When over $5,000: School board decides."; empty without cases. */
    cases: string[];
    /** `tight` or `loose` in words; empty when the decision says neither. */
    binding: string;
    /** What this decision replaces (`overrides`), in words; empty when none. */
    overrides: string;
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
    /** Members who take part without a vote. */
    advisory: string[];
    /** What a holder must have before acting. */
    requires: string;
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
    for (const d of view.decisions) decisionData.set(d, decisionOf(d, view));
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
        inherited: effectiveDecisions(workspace, map).filter(e => e.inherited !== undefined).map(e => {
            const final = e.map.scheme.levels.find(l => l.final)?.name;
            const deciders = [...new Set(e.decision.assignments.filter(a => a.level === final).flatMap(a => a.holders))];
            return {
                name: e.decision.qualifiedName, title: e.decision.title, from: e.map.title,
                note: e.inherited === 'tight' ? `set by ${e.map.name}` : `${e.map.name}'s default`,
                decidedBy: deciders.map(h => workspace.titleOf(h)).join(', ')
            };
        }),
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

/** "When over $5,000: School board decides." for each case of the decision. */
function caseSentences(d: DecisionView, view: MapView): string[] {
    const views = caseViews(d.decision);
    if (views.length < 2 && views[0]?.case === undefined) return [];
    const finalLevel = view.finalLevel?.name;
    const title = (name: string) => view.workspace.titleOf(name);
    return views.map(v => {
        const deciders = [...new Set(v.decision.assignments.filter(a => a.level === finalLevel).flatMap(a => a.holders))].map(title);
        return `When ${v.case}: ${deciders.length ? `${deciders.join(', ')} decide${deciders.length === 1 ? 's' : ''}` : 'nobody decides'}.`;
    });
}

function when(h: { when?: string }): string {
    return h.when ? lowerFirst(h.when) : '';
}

function decisionOf(d: DecisionView, view: MapView): CharterDecision {
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
        fallback: d.decision.fallback !== undefined ? `${d.decision.fallback}${d.decision.fallbackBy !== undefined ? `, by ${d.decision.fallbackBy}` : ''}` : '',
        cases: caseSentences(d, view),
        binding: d.decision.binding === 'tight' ? 'tight: decided here for every map under this one'
            : d.decision.binding === 'loose' ? 'loose: the default for every map under this one, which each may replace' : '',
        overrides: d.decision.overrides ? `${view.workspace.decision(d.decision.overrides)?.title ?? d.decision.overrides} (${d.decision.overrides}), the default of a map above` : '',
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
    const stepWords = (step: { kind: string; needed?: number; of?: number }) =>
        step.kind === 'vote' ? `by a vote of ${step.needed} in ${step.of} members` : RULE_WORDS[step.kind] ?? step.kind;
    const rule = team?.rule ? (team.rule.steps ?? [team.rule]).map(stepWords).join(', and if that fails, ') : '';
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
        advisory: team?.advisory.map(titleOf) ?? [],
        requires: h.holder.requires ?? '',
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
