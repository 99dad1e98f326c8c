import {
    PhaseTimeline, closestName, type DecisionModel, type DomainModel, type HolderModel, type LevelModel, type MapModel,
    type Period, type PhaseModel, type RoleModel, type TeamModel, type WorkspaceModel
} from '@remit/language';
import { CONFLICT_CODE, GAP_CODE, sortFindings, type Finding } from './findings.js';
import { GeneratorError } from './generator-error.js';

/**
 * "Who holds what, when" for one map, computed once and shared by the charter, the
 * matrix, the report and the diagrams. Phase logic comes from PhaseTimeline; this only
 * arranges its answers for people to read.
 */
export interface MapView {
    map: MapModel;
    workspace: WorkspaceModel;
    timeline: PhaseTimeline;
    /** The phase the view is restricted to (`--phase`), if any. */
    phase?: PhaseModel;
    /** The periods the view covers: every phase, the selected one, or the map's whole life. */
    periods: Period[];
    levels: LevelModel[];
    finalLevel?: LevelModel;
    /** Domains in reading order, nested ones flattened after their parent (see `depth`). */
    domains: DomainView[];
    decisions: DecisionView[];
    /** The map's own roles and teams in the order written, then holders from other maps. */
    holders: HolderView[];
    /** What changes hands at the start of each phase after the first (empty with `--phase`). */
    transitions: TransitionView[];
    /** Findings about this map or its elements, in a stable order. */
    findings: Finding[];
}

export interface HoldingView {
    holder: string;
    label: string;
    /** When the holding applies, in words ("From Expansion on"); undefined for always. */
    when?: string;
    /** For a decision with cases: the cases it holds in ("over $5,000"; several joined with " or "); undefined for every case. */
    case?: string;
}

export interface StepView {
    level: LevelModel;
    holders: HoldingView[];
}

export interface DecisionView {
    decision: DecisionModel;
    domain?: DomainView;
    /** One step per level of the scheme, in the scheme's order (holders may be empty). */
    steps: StepView[];
    /** Holders of the final level over the periods of the view. */
    finalHolders: HoldingView[];
    after: Array<{ name: string; label: string }>;
    /** Decisions that are taken after this one. */
    followedBy: Array<{ name: string; label: string }>;
    escalate?: { name: string; label: string };
    /** Not (yet) ratified: `draft` or `proposed`. */
    unratified: boolean;
    findings: Finding[];
    /** Nobody holds the final level in some period of the view, or the checker says so. */
    gap: boolean;
    /** The checker reports more than one final holder at a time. */
    conflict: boolean;
}

export interface DomainView {
    domain: DomainModel;
    depth: number;
    /** Titles of the enclosing domains and this one, outermost first. */
    path: string[];
    decisions: DecisionView[];
}

export interface HolderView {
    name: string;
    label: string;
    holder: HolderModel;
    /** The role's kind, or `team`. */
    kind: string;
    external: boolean;
    holdings: Array<{ decision: DecisionView; level: LevelModel; when?: string; case?: string }>;
    /** Teams this holder is a member of. */
    memberOf: Array<{ name: string; label: string }>;
}

export interface TransitionView {
    phase: PhaseModel;
    changes: Array<{ decision: DecisionView; level: LevelModel; gained: string[]; lost: string[] }>;
}

export interface ViewOptions {
    /** Restrict the view to the map as it stands in this phase. */
    phase?: string;
}

/** Finds a map by name, or the only map when no name is given; a clear error otherwise. */
export function selectMap(workspace: WorkspaceModel, name?: string): MapModel {
    if (name !== undefined) {
        const map = workspace.map(name);
        if (!map) {
            const guess = closestName(name, workspace.maps.map(m => m.name));
            throw new GeneratorError(`There is no map named '${name}'.${guess ? ` Did you mean '${guess}'?` : ''} The maps are: ${mapNames(workspace)}.`);
        }
        return map;
    }
    if (workspace.maps.length === 0) throw new GeneratorError('There are no maps to generate from: no .remit file was found.');
    return workspace.maps[0];
}

function suggest(name: string, candidates: string[]): string {
    const guess = closestName(name, candidates);
    return guess ? ` Did you mean '${guess}'?` : '';
}

function mapNames(workspace: WorkspaceModel): string {
    return workspace.maps.map(m => m.name).join(', ') || 'none';
}

export function buildMapView(workspace: WorkspaceModel, map: MapModel, findings: readonly Finding[], options: ViewOptions = {}): MapView {
    const timeline = new PhaseTimeline(map);
    let phase: PhaseModel | undefined;
    let periods = [...timeline.periods];
    if (options.phase !== undefined) {
        const index = map.phases.findIndex(p => p.name === options.phase);
        if (index < 0) {
            const names = map.phases.map(p => p.name).join(', ');
            throw new GeneratorError(names
                ? `Map '${map.name}' has no phase named '${options.phase}'.${suggest(options.phase, map.phases.map(p => p.name))} Its phases are: ${names}.`
                : `Map '${map.name}' has no phases, so --phase ${options.phase} cannot be used with it.`);
        }
        phase = map.phases[index];
        periods = [timeline.periods[index]];
    }
    const label = (name: string) => labelOf(workspace, map, name);
    const mapFindings = sortFindings(findings.filter(f => belongsTo(f, map)));
    const levels = map.scheme.levels;

    // When something holds, in words: false if never in the view's periods, undefined if
    // always, else "From Expansion on" (several stretches are joined with "; ").
    const when = (active: (period: Period) => boolean): string | undefined | false => {
        const flags = periods.map(active);
        if (!flags.some(Boolean)) return false;
        if (phase || flags.every(Boolean)) return undefined;
        const runs = timeline.runs(p => active(p)).filter(r => r.value);
        return runs.map(r => timeline.describeSpan(r.first, r.last)).filter((t): t is string => !!t).join('; ') || undefined;
    };

    const holdingsAt = (decision: DecisionModel, level: string): HoldingView[] => {
        const names = [...new Set(decision.assignments.filter(a => a.level === level).flatMap(a => a.holders))];
        const result: HoldingView[] = [];
        for (const holder of names) {
            const span = when(p => timeline.holdersAt(decision, level, p).includes(holder));
            if (span === false) continue;
            const assigned = decision.assignments.filter(a => a.level === level && a.holders.includes(holder));
            const cases = assigned.some(a => a.when === undefined) ? [] : [...new Set(assigned.map(a => a.when!))];
            result.push({ holder, label: label(holder), when: span, ...(cases.length ? { case: cases.join(' or ') } : {}) });
        }
        return result;
    };

    const decisionViews = new Map<string, DecisionView>();
    for (const decision of map.decisions) {
        const own = findings.filter(f => f.element === decision.qualifiedName);
        const steps = levels.map(level => ({ level, holders: holdingsAt(decision, level.name) }));
        const finalLevel = levels.find(l => l.final);
        decisionViews.set(decision.qualifiedName, {
            decision,
            steps,
            finalHolders: finalLevel ? steps[finalLevel.index]?.holders ?? holdingsAt(decision, finalLevel.name) : [],
            after: decision.after.map(name => ({ name, label: label(name) })),
            followedBy: [],
            escalate: decision.escalate ? { name: decision.escalate, label: label(decision.escalate) } : undefined,
            unratified: decision.status === 'draft' || decision.status === 'proposed',
            findings: sortFindings(own),
            gap: own.some(f => f.code === GAP_CODE) || periods.some(p => timeline.finalHolders(decision, p).length === 0),
            conflict: own.some(f => f.code === CONFLICT_CODE)
        });
    }
    for (const view of decisionViews.values()) {
        for (const before of view.decision.after) {
            decisionViews.get(before)?.followedBy.push({ name: view.decision.qualifiedName, label: view.decision.title });
        }
    }

    const domains: DomainView[] = [];
    const visit = (domain: DomainModel, depth: number, path: string[]) => {
        const view: DomainView = { domain, depth, path: [...path, domain.title], decisions: [] };
        for (const name of domain.decisions) {
            const decision = decisionViews.get(name);
            if (decision) {
                decision.domain = view;
                view.decisions.push(decision);
            }
        }
        domains.push(view);
        domain.domains.forEach(child => visit(child, depth + 1, view.path));
    };
    map.domains.forEach(domain => visit(domain, 0, []));
    const decisions = domains.flatMap(d => d.decisions);
    // Decisions outside any domain (the grammar may allow them) still count.
    for (const view of decisionViews.values()) if (!view.domain) decisions.push(view);

    const holders = buildHolders(workspace, map, decisions, label);
    return {
        map, workspace, timeline, phase, periods, levels,
        finalLevel: levels.find(l => l.final),
        domains, decisions, holders,
        transitions: phase ? [] : buildTransitions(map, timeline, decisions, label),
        findings: mapFindings
    };
}

function buildHolders(workspace: WorkspaceModel, map: MapModel, decisions: DecisionView[], label: (name: string) => string): HolderView[] {
    const views = new Map<string, HolderView>();
    const add = (holder: HolderModel, external: boolean) => {
        if (views.has(holder.qualifiedName)) return;
        views.set(holder.qualifiedName, {
            name: holder.qualifiedName,
            label: label(holder.qualifiedName),
            holder,
            kind: holder.type === 'team' ? 'team' : (holder as RoleModel).kind ?? 'unspecified',
            external,
            holdings: [],
            memberOf: []
        });
    };
    map.roles.forEach(r => add(r, false));
    map.teams.forEach(t => add(t, false));
    const externals = new Set<string>();
    for (const decision of decisions) {
        for (const step of decision.steps) {
            for (const holding of step.holders) {
                if (!views.has(holding.holder)) externals.add(holding.holder);
            }
        }
    }
    for (const name of [...externals].sort()) {
        const holder = workspace.holder(name);
        if (holder) add(holder, true);
    }
    for (const decision of decisions) {
        for (const step of decision.steps) {
            for (const holding of step.holders) {
                views.get(holding.holder)?.holdings.push({ decision, level: step.level, when: holding.when, case: holding.case });
            }
        }
    }
    for (const team of map.teams as TeamModel[]) {
        for (const member of team.members) {
            views.get(member)?.memberOf.push({ name: team.qualifiedName, label: label(team.qualifiedName) });
        }
    }
    return [...views.values()];
}

function buildTransitions(map: MapModel, timeline: PhaseTimeline, decisions: DecisionView[], label: (name: string) => string): TransitionView[] {
    const result: TransitionView[] = [];
    for (let i = 1; i < timeline.periods.length; i++) {
        const before = timeline.periods[i - 1];
        const now = timeline.periods[i];
        const changes: TransitionView['changes'] = [];
        for (const decision of decisions) {
            for (const level of map.scheme.levels) {
                const was = new Set(timeline.holdersAt(decision.decision, level.name, before));
                const is = new Set(timeline.holdersAt(decision.decision, level.name, now));
                const gained = [...is].filter(h => !was.has(h)).map(label);
                const lost = [...was].filter(h => !is.has(h)).map(label);
                if (gained.length || lost.length) changes.push({ decision, level, gained, lost });
            }
        }
        result.push({ phase: now.phase!, changes });
    }
    return result;
}

/** A holder's or decision's title; elements of another map say which map they are from. */
export function labelOf(workspace: WorkspaceModel, map: MapModel, name: string): string {
    const title = workspace.titleOf(name);
    const owner = workspace.mapOf(name);
    return owner && owner.name !== map.name ? `${title} (${owner.title})` : title;
}

/** Whether a finding is about the map or one of its elements. */
export function belongsTo(finding: Finding, map: MapModel): boolean {
    if (finding.element) return finding.element === map.name || finding.element.startsWith(`${map.name}.`);
    return finding.uri === map.uri;
}

/** The level a decision's final holder stands at, for "who decides" in one phrase. */
export function holdersPhrase(holdings: readonly HoldingView[]): string {
    return holdings.map(holdingText).join(', ');
}

/** "Principal", "Principal (until Expansion)", "School board (when over $5,000)". */
export function holdingText(h: HoldingView): string {
    const note = [h.when && lowerFirst(h.when), h.case && `when ${h.case}`].filter(Boolean).join('; ');
    return note ? `${h.label} (${note})` : h.label;
}

export function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
