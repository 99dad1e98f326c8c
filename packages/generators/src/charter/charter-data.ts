import type { MapView, DecisionView, HolderView } from '../view-model.js';
import { holdersPhrase, lowerFirst } from '../view-model.js';

/**
 * The data a charter template sees: plain objects of strings, numbers, booleans and
 * lists (documented in docs/templates.md). Templates get no model objects and no
 * functions, so what a template can reach is exactly this.
 */
export interface CharterData {
    map: {
        /** The map's qualified name (for a map, its own name). */
        id: string;
        name: string; title: string; doc: string; status: string; draft: boolean; scheme: { name: string; title: string }; hasPhases: boolean;
        /** Front matter from the map's header lines; each '' when not written. Dates as written and in words. */
        version: string; adopted: string; adoptedText: string; approved: string; nextReview: string; nextReviewText: string;
    };
    /** "3 decisions, 4 roles and no teams". */
    summary: string;
    /** The one-page grid: a row per decision, a column per role or team, abbreviated levels. */
    grid: {
        columns: Array<{ id: string; name: string; title: string }>;
        key: Array<{ short: string; level: string; final: boolean }>;
        rows: Array<{ id: string; title: string; gap: boolean; cells: string[] }>;
    };
    /** Where each decision goes when it is appealed or stuck, and the line of reporting. */
    escalation: {
        decisions: Array<{ id: string; title: string; to: string; decidedBy: string }>;
        reporting: Array<{ role: string; reportsTo: string }>;
    };
    /** `none`, `board` or `full` (--findings): what the findings sections show. */
    findingsShown: string;
    /** The findings in plain sentences for a board ("Two decisions have no final decision-maker yet."). */
    boardFindings: string[];
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
    /** Qualified name: Map.Decision. */
    id: string;
    /** Short name, as written after `decision`. */
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
    /** The decision's rights in plain sentences, the final say first ("Principal makes the final decision…"). */
    sentences: string[];
    steps: Array<{ order: number; level: string; levelTitle: string; final: boolean; veto: boolean; holders: Array<{ name: string; title: string; when: string }>; text: string }>;
    gap: boolean;
    conflict: boolean;
    findings: Array<{ code: string; severity: string; message: string }>;
}

export interface CharterRole {
    /** Qualified name: Map.Role. */
    id: string;
    /** Short name, as written after `role` or `team`. */
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
    /** The teams this role sits on, and what each team holds (so what the role holds through it). */
    teams: Array<{ id: string; title: string; decides: Array<{ decision: string; when: string }>; holds: Array<{ level: string; decisions: Array<{ decision: string; when: string }> }> }>;
    /** What it must have before acting (`requires`), '' when not written. */
    requires: string;
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

export type FindingsShown = 'none' | 'board' | 'full';

export interface CharterDataOptions {
    /** Default: `full` for a draft map (or one with decisions not yet ratified), else `board`. */
    findings?: FindingsShown;
}

export function buildCharterData(view: MapView, options: CharterDataOptions = {}): CharterData {
    const { map, workspace } = view;
    const decisionData = new Map<DecisionView, CharterDecision>();
    for (const d of view.decisions) decisionData.set(d, decisionOf(d));
    const decisions = view.decisions.map(d => decisionData.get(d)!);
    const draft = map.status === 'draft' || map.status === 'proposed';
    const findingsShown: FindingsShown = options.findings ?? (draft || decisions.some(d => d.unratified) ? 'full' : 'board');
    const roles = view.holders.map(h => roleOf(h, workspace.titleOf.bind(workspace)));
    addTeams(roles);
    const short = levelShortNames(view.levels.map(l => l.name));
    const front = map.frontMatter ?? {};
    if (findingsShown !== 'full') for (const d of decisions) d.findings = [];
    return {
        map: {
            id: map.name, name: map.name, title: map.title, doc: map.doc ?? '', status: map.status ?? '', draft,
            scheme: { name: map.scheme.name, title: map.scheme.title }, hasPhases: map.phases.length > 0,
            version: front.version ?? '', adopted: front.adopted ?? '', adoptedText: dateText(front.adopted),
            approved: front.approved ?? '', nextReview: front.nextReview ?? '', nextReviewText: dateText(front.nextReview)
        },
        summary: countsSentence(decisions.length, map.roles.length, map.teams.length),
        grid: {
            columns: view.holders.map(h => ({ id: h.name, name: shortName(h.name), title: h.label })),
            key: view.levels.map(l => ({ short: short.get(l.name)!, level: l.name, final: l.final })),
            rows: view.decisions.map(d => ({
                id: d.decision.qualifiedName,
                title: d.decision.title,
                gap: d.gap,
                cells: view.holders.map(h => h.holdings.filter(x => x.decision === d).map(x => short.get(x.level.name) ?? x.level.name)
                    .filter((x, i, all) => all.indexOf(x) === i).join(' '))
            }))
        },
        escalation: {
            decisions: decisions.filter(d => d.escalate !== '').map(d => ({ id: d.id, title: d.title, to: d.escalate, decidedBy: d.decidedBy })),
            reporting: roles.filter(r => r.reports !== '').map(r => ({ role: r.title, reportsTo: r.reports }))
        },
        findingsShown,
        boardFindings: findingsShown === 'none' ? [] : boardSentences(decisions, view.findings.length),
        levels: view.levels.map(l => ({ name: l.name, title: l.title, doc: l.doc ?? '', order: l.index + 1, final: l.final, veto: l.veto, required: l.required })),
        phases: map.phases.map(p => ({
            name: p.name, title: p.title,
            duration: p.duration ? durationText(p.duration) : ''
        })),
        domains: view.domains.map(d => ({
            name: d.domain.name, title: d.domain.title, doc: d.domain.doc ?? '', depth: d.depth, path: d.path.join(' › '),
            decisions: d.decisions.map(x => decisionData.get(x)!)
        })),
        decisions,
        roles,
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
        findings: findingsShown === 'full' ? view.findings.map(f => ({ code: f.code, severity: f.severity, element: f.element ?? '', message: f.message })) : [],
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
        id: d.decision.qualifiedName,
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
        sentences: rightsSentences(steps, d.finalHolders.length === 0),
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

/**
 * "Principal makes the final decision and is accountable for it." from each level's
 * title (what it means in practice); several holders read "Each of A and B is asked…".
 */
function rightsSentences(steps: DecisionView['steps'], gap: boolean): string[] {
    const ordered = [...steps.filter(s => s.level.final), ...steps.filter(s => !s.level.final)];
    const out: string[] = gap ? ['Nobody has the final say yet: this is a gap the leadership team has to close.'] : [];
    for (const step of ordered) {
        const who = step.holders.map(h => (h.when ? `${h.label} (${lowerFirst(h.when)})` : h.label));
        const list = who.length > 1 ? `Each of ${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0];
        const meaning = step.level.title && step.level.title !== step.level.name ? lowerFirst(step.level.title).replace(/\.$/, '') : `holds the ${step.level.name} level`;
        out.push(`${list} ${meaning}.`);
    }
    return out;
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
        id: h.name,
        name: shortName(h.name),
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
        teams: [],
        // Hook for `requires` (what a role must have before acting), once the model has it.
        requires: String((h.holder as { requires?: string }).requires ?? ''),
        decides,
        holds
    };
}

/** The teams each role sits on, with what the team holds: filled in once every card is built. */
function addTeams(roles: CharterRole[]): void {
    const byTitle = new Map(roles.filter(r => r.isTeam).map(r => [r.title, r]));
    for (const role of roles) {
        role.teams = role.memberOf.map(title => byTitle.get(title)).filter((t): t is CharterRole => !!t)
            .map(t => ({ id: t.id, title: t.title, decides: t.decides, holds: t.holds.map(g => ({ level: g.level, decisions: g.decisions })) }));
    }
}

function shortName(qualified: string): string {
    return qualified.slice(qualified.lastIndexOf('.') + 1);
}

/** Short names for levels, unique within the scheme: D for decide, R for recommend, I for inform… */
export function levelShortNames(levels: readonly string[]): Map<string, string> {
    const result = new Map<string, string>();
    const used = new Set<string>();
    for (const name of levels) {
        let short = name.charAt(0).toUpperCase();
        for (let length = 2; used.has(short) && length <= name.length; length++) short = name.charAt(0).toUpperCase() + name.slice(1, length);
        used.add(short);
        result.set(name, short);
    }
    return result;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "no teams", "one team", "3 decisions": words for none and one, figures above. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
    return `${n === 0 ? 'no' : n === 1 ? 'one' : n} ${n === 1 ? singular : plural}`;
}

/** "3 decisions, 4 roles and no teams". */
function countsSentence(decisions: number, roles: number, teams: number): string {
    return `${countOf(decisions, 'decision')}, ${countOf(roles, 'role')} and ${countOf(teams, 'team')}`;
}

/** "Two decisions", "One decision", "13 decisions": the start of a sentence. */
function sentenceCount(n: number, singular: string, plural = `${singular}s`): string {
    const word = n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n);
    return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${n === 1 ? singular : plural}`;
}

/** What a board needs to know about the findings, in plain sentences, without rule names. */
function boardSentences(decisions: CharterDecision[], total: number): string[] {
    const out: string[] = [];
    const gaps = decisions.filter(d => d.gap).length;
    const conflicts = decisions.filter(d => d.conflict).length;
    const unratified = decisions.filter(d => d.unratified).length;
    if (gaps) out.push(`${sentenceCount(gaps, 'decision has', 'decisions have')} no final decision-maker yet.`);
    if (conflicts) out.push(`${sentenceCount(conflicts, 'decision has', 'decisions have')} more than one final decision-maker at the same time.`);
    if (unratified) out.push(`${sentenceCount(unratified, 'decision is', 'decisions are')} still being agreed and not yet ratified.`);
    const other = total - gaps - conflicts;
    if (other > 0) out.push(`The leadership team is following up ${countOf(other, 'other point')} about workload, backups and the wording of the map.`);
    if (out.length === 0) out.push('Every decision has exactly one final decision-maker, and the checks found nothing to follow up.');
    return out;
}

const UNIT_WORDS: Record<string, [string, string]> = {
    day: ['day', 'days'], days: ['day', 'days'], week: ['week', 'weeks'], weeks: ['week', 'weeks'],
    month: ['month', 'months'], months: ['month', 'months'], term: ['term', 'terms'], terms: ['term', 'terms'],
    year: ['year', 'years'], years: ['year', 'years']
};

/** "6 to 12 months", "1 month", "2 terms". */
function durationText(duration: { min: number; max?: number; unit: string }): string {
    const [one, many] = UNIT_WORDS[duration.unit] ?? [duration.unit, duration.unit];
    if (duration.max !== undefined && duration.max !== duration.min) return `${duration.min} to ${duration.max} ${many}`;
    return `${duration.min} ${duration.min === 1 ? one : many}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-09-01" → "1 September 2026", "2027-06" → "June 2027"; anything else as written. */
function dateText(date: string | undefined): string {
    if (!date) return '';
    const parts = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
    const month = parts ? MONTHS[Number(parts[2]) - 1] : undefined;
    if (!parts || !month) return date;
    return parts[3] ? `${Number(parts[3])} ${month} ${parts[1]}` : `${month} ${parts[1]}`;
}

function levelIndex(h: HolderView, level: string): number {
    return h.holdings.find(x => x.level.name === level)?.level.index ?? 0;
}

function transitionText(decision: string, level: string, gained: string[], lost: string[]): string {
    if (gained.length && lost.length) return `${decision}: ${level} passes from ${lost.join(', ')} to ${gained.join(', ')}.`;
    if (gained.length) return `${decision}: ${gained.join(', ')} now ${gained.length > 1 ? 'hold' : 'holds'} ${level}.`;
    return `${decision}: ${lost.join(', ')} no longer ${lost.length > 1 ? 'hold' : 'holds'} ${level}.`;
}
