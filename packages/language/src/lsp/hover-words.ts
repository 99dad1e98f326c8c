import { finalAuthorityOf } from '../analysis/analyze.js';
import { listWords } from '../analysis/context.js';
import { PhaseTimeline } from '../analysis/phase-timeline.js';
import type { AssignmentModel, DecisionModel, LevelModel, MapModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';

/**
 * The words the editor uses for authority: what a holder does at a level ("decides",
 * "is consulted on"), and the one-line summaries of hover and code lens. Built-in levels
 * have their own verbs; a map's own levels are named as written ("holds 'propose' on").
 */
const VERBS: Record<string, string> = {
    decide: 'decides', recommend: 'recommends', consult: 'is consulted on', agree: 'must agree to',
    inform: 'is informed of', input: 'gives input on', perform: 'carries out',
    responsible: 'is responsible for', consulted: 'is consulted on', accountable: 'is accountable for',
    informed: 'is informed of', driver: 'drives', contributor: 'contributes to', approver: 'approves'
};

/**
 * How the holders of a level are counted on a decision's code lens, as English reads with
 * one and with several: "1 recommender", "3 to consult", "2 who must agree".
 */
const COUNTED: Record<string, [one: string, more: string]> = {
    recommend: ['recommender', 'recommenders'], consult: ['to consult', 'to consult'], agree: ['who must agree', 'who must agree'],
    inform: ['to inform', 'to inform'], input: ['giving input', 'giving input'], perform: ['to carry it out', 'to carry it out'],
    responsible: ['doing the work', 'doing the work'], consulted: ['to consult', 'to consult'], informed: ['to inform', 'to inform'],
    driver: ['driver', 'drivers'], contributor: ['contributor', 'contributors']
};

/** "1 recommender", "3 to consult"; a map's own level by name: "2 at 'carry'". */
export function countWords(level: string, count: number): string {
    const words = COUNTED[level];
    return `${count} ${words ? words[count === 1 ? 0 : 1] : `at '${level}'`}`;
}

export function verbOf(level: string): string {
    return VERBS[level] ?? `holds '${level}' on`;
}

/** One level a holder stands at, across the workspace. */
export interface HeldLevel {
    level: string;
    /** How many decisions, in any phase. */
    decisions: number;
}

/** A decision where what a holder does changes from one phase to the next. */
export interface PhasedHolding {
    decision: string;
    /** "decides until Expansion", "decides from Expansion on". */
    spans: string[];
}

export interface HolderAuthority {
    levels: HeldLevel[];
    phased: PhasedHolding[];
}

/**
 * What a role or team holds over the whole workspace, level by level (the final say first,
 * then the others in the order they act), and the decisions where that changes with the phases.
 */
export function authorityOf(model: WorkspaceModel, holder: string): HolderAuthority {
    const counts = new Map<string, { index: number; final: boolean; decisions: Set<string> }>();
    const phased: PhasedHolding[] = [];
    for (const map of model.maps) {
        const timeline = new PhaseTimeline(map);
        const levelOf = new Map(map.scheme.levels.map(l => [l.name, l]));
        for (const decision of map.decisions) {
            const mine = decision.assignments.filter(a => a.holders.includes(holder));
            if (mine.length === 0) continue;
            for (const assignment of mine) {
                let entry = counts.get(assignment.level);
                const level = levelOf.get(assignment.level);
                if (!entry) counts.set(assignment.level, entry = { index: level?.index ?? Infinity, final: level?.final ?? false, decisions: new Set() });
                entry.decisions.add(decision.qualifiedName);
            }
            if (mine.some(a => a.from !== undefined || a.until !== undefined)) {
                const runs = timeline.runs(p => [...new Set(timeline.activeAssignments(decision, p)
                    .filter(a => a.holders.includes(holder)).map(a => a.level))].join(' '));
                const spans = runs.filter(r => r.value).map(r => {
                    const verbs = listWords(r.value.split(' ').map(verbOf));
                    const span = timeline.describeSpan(r.first, r.last);
                    return span ? `${verbs} ${lowerFirst(span)}` : verbs;
                });
                if (runs.length > 1) phased.push({ decision: decision.title, spans });
            }
        }
    }
    const levels = [...counts.entries()]
        // The final say first: it is what people ask about; then the others in the order they act.
        .sort((a, b) => Number(b[1].final) - Number(a[1].final) || a[1].index - b[1].index)
        .map(([level, entry]) => ({ level, decisions: entry.decisions.size }));
    return { levels, phased };
}

/** "Decides 4 decisions, recommends 2, is consulted on 5." or that nothing is held. */
export function authoritySentence(authority: HolderAuthority): string {
    if (authority.levels.length === 0) return 'Holds no authority in any decision yet.';
    const parts = authority.levels.map((held, i) =>
        `${verbOf(held.level)} ${held.decisions}${i === 0 ? ` decision${held.decisions === 1 ? '' : 's'}` : ''}`);
    return `${upperFirst(parts.join(', '))}.`;
}

/**
 * The decision's code lens: "decided by Principal · 1 recommender · 3 to consult", "no one decides", or,
 * when the final say moves between phases, "decided by Principal until Expansion, then ILT".
 */
export function decisionLensText(model: WorkspaceModel, map: MapModel, decision: DecisionModel): string {
    const spans = finalAuthorityOf(map, decision);
    // In the order the map lists them, not alphabetical.
    const written = [...new Set(decision.assignments.flatMap(a => a.holders))];
    const inOrder = (holders: string[]) => [...holders].sort((a, b) => written.indexOf(a) - written.indexOf(b));
    const who = (holders: string[]) => holders.length ? listWords(inOrder(holders).map(h => model.titleOf(h))) : 'no one';
    let final: string;
    if (spans.length <= 1) {
        const holders = spans[0]?.holders ?? [];
        final = holders.length ? `decided by ${who(holders)}` : 'no one decides';
    } else {
        final = 'decided by ' + spans.map((span, i) =>
            `${i > 0 ? 'then ' : ''}${who(span.holders)}${span.until ? ` until ${span.until}` : ''}`).join(', ');
    }
    const counts = map.scheme.levels
        .filter(level => !level.final)
        .map(level => ({ level, count: distinctHolders(decision, level).length }))
        .filter(c => c.count > 0)
        .map(c => countWords(c.level.name, c.count));
    return [final, ...counts].join(' · ');
}

function distinctHolders(decision: DecisionModel, level: LevelModel): string[] {
    return [...new Set(decision.assignments.filter(a => a.level === level.name).flatMap(a => a.holders))];
}

/** " (from Expansion on)", " (until Expansion)", " (from Initial until Expansion)", or nothing. */
export function boundsWords(assignment: Pick<AssignmentModel, 'from' | 'until'>): string {
    const { from, until } = assignment;
    if (from && until) return ` (from ${from} until ${until})`;
    if (from) return ` (from ${from} on)`;
    if (until) return ` (until ${until})`;
    return '';
}

export function upperFirst(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
