import { caseViews, effectiveDecisions } from '@remit/language';
import type { MapView, DecisionView, HolderView } from '../view-model.js';
import { holdersPhrase, holdingText, lowerFirst } from '../view-model.js';

/**
 * The data a charter template sees: plain objects of strings, numbers, booleans and
 * lists. Templates get no model objects and no functions, so what a template can reach
 * is exactly this. Every element with a name has `id` (its qualified name, Map.Element)
 * and `name` (the short name written in the map). docs/template-data.md and
 * docs/template-data.schema.json are generated from this type and its comments
 * (scripts/template-reference.mjs): keep a comment on every field.
 */
export interface CharterData {
    /** The map itself and the charter's front matter. */
    map: CharterMap;
    /** The map's size in words: "3 decisions, 4 roles and no teams". */
    summary: string;
    /** The one-page grid: a row per decision, a column per role or team, abbreviated levels. */
    grid: CharterGrid;
    /** Where each decision goes when it is appealed or stuck, and the line of reporting. */
    escalation: CharterEscalation;
    /** What the findings sections show (--findings): "none", "board" or "full". */
    findingsShown: string;
    /** The findings in plain sentences for a board ("Two decisions have no final decision-maker yet."); empty with --findings none. */
    boardFindings: string[];
    /** The scheme's levels, in the order they act. */
    levels: CharterLevel[];
    /** The map's implementation phases, in order. */
    phases: CharterPhase[];
    /** Domains in reading order, nested domains right after their parent. */
    domains: CharterDomain[];
    /** Every decision, in the order of the domains. */
    decisions: CharterDecision[];
    /** One card per role and team of the map, then roles of other maps that hold something here. */
    roles: CharterRole[];
    /** What changes hands when each phase after the first begins. */
    transitions: CharterTransition[];
    /** Every finding about the map, as the checks word it; empty unless --findings full. */
    findings: CharterFinding[];
    /** Numbers for sentences of your own. */
    counts: CharterCounts;
    /** Decisions of the maps above (`under`) that hold here: tight ones, and loose ones this map does not override. */
    inherited: CharterInherited[];
}

export interface CharterInherited {
    /** The decision's qualified name: "Pinewood.Calendar". */
    name: string;
    /** The decision's title. */
    title: string;
    /** The title of the map it comes from. */
    from: string;
    /** "set by Pinewood" (tight) or "Pinewood's default" (loose, not overridden). */
    note: string;
    /** Titles of those who have the final say over it, joined by ", ". */
    decidedBy: string;
}

export interface CharterMap {
    /** The map's qualified name (for a map, its own name): "Lakeside". */
    id: string;
    /** The map's name as written: "Lakeside". */
    name: string;
    /** "Lakeside Elementary School". */
    title: string;
    /** The map's doc comment, or "". */
    doc: string;
    /** "draft", "proposed", "ratified" or "". */
    status: string;
    /** True when the map's status is draft or proposed. */
    draft: boolean;
    /** The scheme the map uses. */
    scheme: CharterNamed;
    /** True when the map has phases. */
    hasPhases: boolean;
    /** The map's `version` line: "2.1", or "". */
    version: string;
    /** The map's `adopted` line as written: "2026-09-01", or "". */
    adopted: string;
    /** The adoption date in words: "1 September 2026", or "". */
    adoptedText: string;
    /** Who approved the charter (`approved`): "Governing board", or "". */
    approved: string;
    /** The map's `next-review` line as written: "2027-06", or "". */
    nextReview: string;
    /** The next review in words: "June 2027", or "". */
    nextReviewText: string;
}

export interface CharterNamed {
    /** The short name: "School". */
    name: string;
    /** The title: "School decision rights". */
    title: string;
}

export interface CharterGrid {
    /** One column per role and team. */
    columns: CharterGridColumn[];
    /** What each abbreviation stands for. */
    key: CharterGridKey[];
    /** One row per decision. */
    rows: CharterGridRow[];
    /**
     * What the mark after an abbreviation means, when some cell has one ("D†": held only in
     * some phases or cases, so a row may show two "D"s that never hold at once); "" when no cell does.
     */
    partialNote: string;
}

export interface CharterGridColumn {
    /** The role's or team's qualified name: "Lakeside.Principal". */
    id: string;
    /** Its short name: "Principal". */
    name: string;
    /** Its title. */
    title: string;
}

export interface CharterGridKey {
    /** The abbreviation: "D". */
    short: string;
    /** The level it stands for: "decide". */
    level: string;
    /** True for the level that has the final say. */
    final: boolean;
}

export interface CharterGridRow {
    /** The decision's qualified name. */
    id: string;
    /** The decision's title. */
    title: string;
    /** True when nobody has the final say in some phase. */
    gap: boolean;
    /** One cell per column, in the order of `columns`: the abbreviated levels held ("R D"), each marked "†" when held only in some phases or cases, or "". */
    cells: string[];
}

export interface CharterEscalation {
    /** The decisions that name where they go (`escalate`). */
    decisions: CharterEscalationStep[];
    /** Each role that reports to another (`reports`). */
    reporting: CharterReporting[];
}

export interface CharterEscalationStep {
    /** The decision's qualified name. */
    id: string;
    /** The decision's title. */
    title: string;
    /** Where appeals and deadlocks go (a title). */
    to: string;
    /** Who normally decides, in one phrase, or "". */
    decidedBy: string;
}

export interface CharterReporting {
    /** The role's title. */
    role: string;
    /** The title of the role it reports to. */
    reportsTo: string;
}

export interface CharterLevel {
    /** "decide". */
    name: string;
    /** What it means in practice: "Makes the final decision and is accountable for it". */
    title: string;
    /** The level's doc comment, or "". */
    doc: string;
    /** 1, 2, … in the order levels act. */
    order: number;
    /** True for the level that has the final say. */
    final: boolean;
    /** True for a level that can block (veto). */
    veto: boolean;
    /** True for a level every decision must fill. */
    required: boolean;
}

export interface CharterPhase {
    /** "Preparation". */
    name: string;
    /** The phase's title. */
    title: string;
    /** The expected length in words: "6 to 12 months", "1 year", or "" for open-ended. */
    duration: string;
}

export interface CharterDomain {
    /** The domain's short name. */
    name: string;
    /** The domain's title. */
    title: string;
    /** The domain's doc comment, or "". */
    doc: string;
    /** 0 for a top-level domain, 1 inside it, … */
    depth: number;
    /** The titles from the top-level domain down, joined by " › ". */
    path: string;
    /** The domain's own decisions. */
    decisions: CharterDecision[];
}

export interface CharterTransition {
    /** The phase that begins. */
    phase: CharterNamed;
    /** What changes hands. */
    changes: CharterChange[];
}

export interface CharterChange {
    /** The decision's title. */
    decision: string;
    /** The level that changes hands. */
    level: string;
    /** Titles of those who gain it. */
    gained: string[];
    /** Titles of those who lose it. */
    lost: string[];
    /** A ready sentence: "Set the PD calendar: decide passes from Principal to ILT." */
    text: string;
}

export interface CharterFinding {
    /** The rule's code: "no-final-authority". */
    code: string;
    /** "error", "warning", "info" or "hint". */
    severity: string;
    /** The qualified name of the element it is about, or "". */
    element: string;
    /** The finding in the checks' words. */
    message: string;
}

export interface CharterCounts {
    /** Number of decisions. */
    decisions: number;
    /** Number of roles. */
    roles: number;
    /** Number of teams. */
    teams: number;
    /** Decisions not yet ratified. */
    unratified: number;
    /** Decisions with nobody to decide in some phase. */
    gaps: number;
    /** Decisions with more than one final decision-maker at once. */
    conflicts: number;
}

export interface CharterDecision {
    /** Qualified name: "Lakeside.PDCalendar". */
    id: string;
    /** Short name, as written after `decision`: "PDCalendar". */
    name: string;
    /** The same as `id` (kept for older templates). */
    qualifiedName: string;
    /** The decision's title. */
    title: string;
    /** The decision's doc comment, or "". */
    doc: string;
    /** The domain path (titles joined by " › "), or "". */
    domain: string;
    /** "draft", "proposed", "ratified" or "". */
    status: string;
    /** True for a draft or proposed decision. */
    unratified: boolean;
    /** The pattern in words: "coordinated: part of an agreed sequence of decisions", or "". */
    pattern: string;
    /** "yearly", "termly", "monthly", "weekly", or "". */
    review: string;
    /** Where the authority comes from (a policy, a contract clause), or "". */
    source: string;
    /** Where appeals and deadlocks go (a title), or "". */
    escalate: string;
    /** Titles of the decisions taken before this one. */
    after: string[];
    /** Titles of the decisions taken after this one. */
    followedBy: string[];
    /** Who holds final authority, in one phrase ("Principal (until Expansion), ILT (from Expansion on)"), or "". */
    decidedBy: string;
    /** The decision's rights in plain sentences, the final say first ("Principal makes the final decision…"). */
    sentences: string[];
    /** One per level that someone holds, in the scheme's order. */
    steps: CharterStep[];
    /** True when nobody decides in some phase. */
    gap: boolean;
    /** True when the checks report more than one final authority at once. */
    conflict: boolean;
    /** What the checks say about this decision; empty unless --findings full. */
    findings: CharterDecisionFinding[];
    /** What happens when the deciders do not agree, with its deadline ("Status quo, by 1 November"); empty when none. */
    fallback: string;
    /** One sentence per case (`when`): "When over $5,000: School board decides."; empty without cases. */
    cases: string[];
    /** `tight` or `loose` in words; empty when the decision says neither. */
    binding: string;
    /** What this decision replaces (`overrides`), in words; empty when none. */
    overrides: string;
}

export interface CharterStep {
    /** 1, 2, … */
    order: number;
    /** The level's name: "recommend". */
    level: string;
    /** What the level means: "Prepares and proposes a course of action". */
    levelTitle: string;
    /** True for the final level. */
    final: boolean;
    /** True for a level that can block. */
    veto: boolean;
    /** Who holds the level. */
    holders: CharterStepHolder[];
    /** The holders in one phrase: "Principal (until Expansion), ILT". */
    text: string;
}

export interface CharterStepHolder {
    /** The holder's qualified name: "Lakeside.Principal". */
    id: string;
    /** Its short name: "Principal". */
    name: string;
    /** Its title. */
    title: string;
    /** "" for always and in every case, else "until Expansion", "from Expansion on", "from Initial until Expansion", "when over $5,000". */
    when: string;
}

export interface CharterDecisionFinding {
    /** The rule's code. */
    code: string;
    /** "error", "warning", "info" or "hint". */
    severity: string;
    /** The finding in the checks' words. */
    message: string;
}

export interface CharterHolding {
    /** The decision's title. */
    decision: string;
    /** "" for always and in every case, else the phases and the case: "until Expansion", "when over $5,000". */
    when: string;
}

export interface CharterLevelHoldings {
    /** The level's name. */
    level: string;
    /** What the level means. */
    levelTitle: string;
    /** The decisions held at this level. */
    decisions: CharterHolding[];
}

export interface CharterTeamSeat {
    /** The team's qualified name. */
    id: string;
    /** The team's title. */
    title: string;
    /** Decisions the team has the final say over, each with the phases and case it has it in (`when`: "" for always, "from Expansion on"). */
    decides: CharterHolding[];
    /** Everything else the team holds, level by level, each decision with its phases (`when`). */
    holds: CharterTeamHoldings[];
}

export interface CharterTeamHoldings {
    /** The level's name. */
    level: string;
    /** The decisions the team holds at this level, each with the phases it holds it in (`when`). */
    decisions: CharterHolding[];
}

export interface CharterRole {
    /** Qualified name: "Lakeside.Principal". */
    id: string;
    /** Short name, as written after `role` or `team`: "Principal". */
    name: string;
    /** The role's or team's title. */
    title: string;
    /** True for a team. */
    isTeam: boolean;
    /** True for a role of another map that holds something here. */
    external: boolean;
    /** The role's kind ("administrator", "teacher", …), or "team". */
    kind: string;
    /** The doc comment, or "". */
    doc: string;
    /** The names on the role's `holders` line. */
    people: string[];
    /** The number of seats ("6"), or "". */
    seats: string;
    /** True when the role is marked vacant. */
    vacant: boolean;
    /** Release time for leadership ("5%"), or "". */
    release: string;
    /** The backup's title, or "". */
    backup: string;
    /** The title of the role it reports to, or "". */
    reports: string;
    /** For a team: its members' titles. */
    members: string[];
    /** For a team: the chair's title, or "". */
    chair: string;
    /** For a team: how it decides, in words ("by consensus", "by a vote of 2 in 3 members"), or "". */
    rule: string;
    /** For a team: members who take part without a vote (their titles). */
    advisory: string[];
    /** Titles of the teams it sits on. */
    memberOf: string[];
    /** The teams this role sits on, and what each team holds (so what the role holds through it). */
    teams: CharterTeamSeat[];
    /** What it must have before acting (`requires`), or "" when not written. */
    requires: string;
    /** Decisions this holder has final authority over. */
    decides: CharterHolding[];
    /** Everything else it holds, level by level in the scheme's order. */
    holds: CharterLevelHoldings[];
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
    for (const d of view.decisions) decisionData.set(d, decisionOf(d, view));
    const decisions = view.decisions.map(d => decisionData.get(d)!);
    const draft = map.status === 'draft' || map.status === 'proposed';
    const findingsShown: FindingsShown = options.findings ?? (draft || decisions.some(d => d.unratified) ? 'full' : 'board');
    const roles = view.holders.map(h => roleOf(h, workspace.titleOf.bind(workspace)));
    addTeams(roles);
    const short = levelShortNames(view.levels.map(l => l.name));
    const front = map.frontMatter ?? {};
    const gridRows = view.decisions.map(d => ({
        id: d.decision.qualifiedName,
        title: d.decision.title,
        gap: d.gap,
        cells: view.holders.map(h => gridCell(h.holdings.filter(x => x.decision === d), short))
    }));
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
            rows: gridRows,
            partialNote: gridRows.some(r => r.cells.some(c => c.includes(PARTIAL_MARK)))
                ? `${PARTIAL_MARK} held only in some phases or some cases: see the decision for when.`
                : ''
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

/** The phases and the case of a holding, in words: "until Expansion", "when over $5,000", both joined by "; ". */
function when(h: { when?: string; case?: string }): string {
    return [h.when && lowerFirst(h.when), h.case && `when ${h.case}`].filter(Boolean).join('; ');
}

function decisionOf(d: DecisionView, view: MapView): CharterDecision {
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
        fallback: d.decision.fallback !== undefined ? `${d.decision.fallback}${d.decision.fallbackBy !== undefined ? `, by ${d.decision.fallbackBy}` : ''}` : '',
        cases: caseSentences(d, view),
        binding: d.decision.binding === 'tight' ? 'tight: decided here for every map under this one'
            : d.decision.binding === 'loose' ? 'loose: the default for every map under this one, which each may replace' : '',
        overrides: d.decision.overrides ? `${view.workspace.decision(d.decision.overrides)?.title ?? d.decision.overrides} (${d.decision.overrides}), the default of a map above` : '',
        decidedBy: holdersPhrase(d.finalHolders),
        sentences: rightsSentences(steps, d.finalHolders.length === 0),
        steps: steps.map((s, i) => ({
            order: i + 1,
            level: s.level.name,
            levelTitle: s.level.title,
            final: s.level.final,
            veto: s.level.veto,
            holders: s.holders.map(h => ({ id: h.holder, name: shortName(h.holder), title: h.label, when: when(h) })),
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
        const who = step.holders.map(holdingText);
        // Holders of different cases take turns ("Principal (when up to $5,000) or Board (when over $5,000)"); others each hold it.
        const list = who.length < 2 ? who[0]
            : step.holders.every(h => h.case) ? `${who.slice(0, -1).join(', ')} or ${who[who.length - 1]}`
                : `Each of ${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}`;
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
    const stepWords = (step: { kind: string; needed?: number; of?: number }) =>
        step.kind === 'vote' ? `by a vote of ${step.needed} in ${step.of} members` : RULE_WORDS[step.kind] ?? step.kind;
    const rule = team?.rule ? (team.rule.steps ?? [team.rule]).map(stepWords).join(', and if that fails, ') : '';
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
        advisory: team?.advisory.map(titleOf) ?? [],
        requires: h.holder.requires ?? '',
        memberOf: h.memberOf.map(m => m.label),
        teams: [],
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

/** Marks a level in the summary grid that a holder has only in some phases or cases. */
const PARTIAL_MARK = '\u2020';

/**
 * One cell of the summary grid: the abbreviated levels a holder has in a decision, each
 * marked when it holds only in some phases or cases (never at all times), so that a row with
 * a hand-over at a phase, or a decision split by amount, does not read as two final deciders.
 */
function gridCell(holdings: ReadonlyArray<{ level: { name: string }; when?: string; case?: string }>, short: ReadonlyMap<string, string>): string {
    const levels = new Map<string, boolean>();
    for (const holding of holdings) {
        const always = holding.when === undefined && holding.case === undefined;
        levels.set(holding.level.name, (levels.get(holding.level.name) ?? false) || always);
    }
    return [...levels].map(([level, always]) => (short.get(level) ?? level) + (always ? '' : PARTIAL_MARK)).join(' ');
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
