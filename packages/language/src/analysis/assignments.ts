import type { AssignmentModel, DecisionModel, MapModel } from '../model/types.js';
import { AnalysisContext, boundsOf, listWords, writtenName } from './context.js';
import type { Finding } from './finding.js';
import { preferFirst, sentence } from './final-authority.js';
import { withoutHolder, type FixJudge } from './fixes.js';
import type { Fix } from '../validation/finding-data.js';

/**
 * How one holder is listed within one decision at one time: twice at one level
 * (duplicate-assignment), at two levels (redundant-assignment), or with a veto over
 * its own final decision (veto-over-own-decision).
 */
export function checkAssignments(ctx: AnalysisContext, map: MapModel, decision: DecisionModel, out: Finding[], judge?: FixJudge): void {
    // Each rule needs a holder named twice in the decision; most decisions name each once.
    if (!namesAHolderTwice(decision)) return;
    const timeline = ctx.timeline(map);
    const what = ctx.decision(decision);
    const levels = map.scheme.levels;
    const levelOf = new Map(levels.map(l => [l.name, l]));

    // duplicate-assignment: one finding per holder and level, at the line that repeats it.
    const reported = new Set<string>();
    for (const period of timeline.periods) {
        const seen = new Map<string, AssignmentModel>();
        for (const assignment of timeline.activeAssignments(decision, period)) {
            for (const holder of assignment.holders) {
                const key = `${assignment.level}\u0000${holder}`;
                if (!seen.has(key)) { seen.set(key, assignment); continue; }
                if (reported.has(key)) continue;
                reported.add(key);
                const sameLine = seen.get(key) === assignment;
                out.push({
                    code: 'duplicate-assignment', element: decision.qualifiedName, location: assignment.location,
                    message: `${ctx.who(holder, map)} is listed twice as '${assignment.level}' of ${what}${sameLine ? ' on one line' : ''}. Remove the repeat.`,
                    data: {
                        level: assignment.level, holder: writtenName(holder, map), sameLine,
                        fixes: [{ title: `Remove the repeated '${writtenName(holder, map)}'`, preferred: true, edits: [{ kind: 'remove-repeat', holder: writtenName(holder, map) }] }]
                    }
                });
            }
        }
    }

    // Which levels each holder stands at, period by period.
    const holders = new Set(decision.assignments.flatMap(a => a.holders));
    for (const holder of holders) {
        const levelsAt = (p: number) => [...new Set(timeline.activeAssignments(decision, timeline.periods[p])
            .filter(a => a.holders.includes(holder)).map(a => a.level))]
            .sort((a, b) => (levelOf.get(a)?.index ?? 0) - (levelOf.get(b)?.index ?? 0));

        for (const run of timeline.runs(p => levelsAt(p.index).join(' '))) {
            const held = run.value ? run.value.split(' ') : [];
            const finalHeld = held.find(l => levelOf.get(l)?.final);
            const vetoHeld = held.filter(l => levelOf.get(l)?.veto);
            const span = timeline.describeSpan(run.first, run.last);
            const bounds = boundsOf(timeline, run.first, run.last);
            if (finalHeld && vetoHeld.length > 0) {
                const who = writtenName(holder, map);
                const fixes = judge && judge.keeps(map, decision, withoutHolder(map, decision, vetoHeld[0], holder, bounds))
                    ? [{ title: `Remove '${who}' from '${vetoHeld[0]}'`, preferred: true, edits: [{ kind: 'remove-holder' as const, level: vetoHeld[0], holder: who, ...bounds }] }]
                    : undefined;
                out.push({
                    code: 'veto-over-own-decision', element: decision.qualifiedName, location: decision.location,
                    message: sentence(span, `${ctx.who(holder, map)} both holds '${finalHeld}' and can veto ('${vetoHeld[0]}') ${what}: a veto over one's own decision means nothing. Remove the '${vetoHeld[0]}' line for them, or give the veto to someone else.`),
                    data: { holder: who, level: vetoHeld[0], finalLevel: finalHeld, ...bounds, ...(fixes ? { fixes } : {}) }
                });
            }
            // Final plus one veto is the rule above, not a redundancy.
            const onlyFinalAndVeto = held.length === 2 && finalHeld !== undefined && vetoHeld.length === 1;
            if (held.length >= 2 && !onlyFinalAndVeto) {
                const keep = highest(held, levelOf);
                // A required level this holder alone stands at must stay (RACI's "R/A"): removing
                // it would open a missing-required-level finding.
                const needed = (level: string) => levelOf.get(level)?.required === true
                    && timeline.periods.slice(run.first, run.last + 1).every(p => new Set(timeline.holdersAt(decision, level, p)).size === 1);
                const kept = held.filter(l => l === keep || needed(l));
                const removable = held.filter(l => !kept.includes(l));
                if (removable.length === 0) continue;
                const keepWords = listWords(kept.map(l => `'${l}'`));
                const removeWords = removable.length === held.length - 1 && kept.length === 1
                    ? (held.length === 2 ? 'the other' : 'the others')
                    : listWords(removable.map(l => `'${l}'`));
                const fixes = judge ? redundancyFixes(judge, map, decision, holder, held, keep, removable, bounds) : undefined;
                out.push({
                    code: 'redundant-assignment', element: decision.qualifiedName, location: decision.location,
                    message: sentence(span, `${ctx.who(holder, map)} stands at ${held.length} levels of ${what} (${listWords(held.map(l => `'${l}'`))}); listing them at one level is enough. Keep ${keepWords} and remove ${removeWords}.`),
                    data: { holder: writtenName(holder, map), levels: held, keep: kept, remove: removable, ...bounds, ...(fixes ? { fixes } : {}) }
                });
            }
        }
    }
}

/**
 * Fixes for a holder standing at several levels: keep the level that says the most and
 * take them off the others; failing that, off any one level. Only fixes that raise no
 * other finding (a required level left empty, a gap) are offered.
 */
function redundancyFixes(judge: FixJudge, map: MapModel, decision: DecisionModel, holder: string, held: string[], keep: string, others: string[], bounds: { from?: string; until?: string }): Fix[] {
    const who = writtenName(holder, map);
    const remove = (levels: string[]) => levels.map(level => ({ kind: 'remove-holder' as const, level, holder: who, ...bounds }));
    const without = (levels: string[]) => levels.reduce((d, level) => withoutHolder(map, d, level, holder, bounds), decision);
    const fixes: Fix[] = [];
    if (judge.keeps(map, decision, without(others))) {
        fixes.push({ title: others.length === 1 ? `Remove '${who}' from '${others[0]}'` : others.length === held.length - 1 ? `Keep '${who}' at '${keep}' only` : `Remove '${who}' from ${listWords(others.map(l => `'${l}'`))}`, edits: remove(others) });
    }
    for (const level of held) {
        if (others.length === 1 && level === others[0]) continue;
        if (held.length === 2 || level !== keep) {
            if (judge.keeps(map, decision, without([level]))) fixes.push({ title: `Remove '${who}' from '${level}'`, edits: remove([level]) });
        }
    }
    return preferFirst(fixes);
}

/** The level that says the most: the final one, else a veto, else the first that acts before the decision. */
function highest(held: string[], levelOf: Map<string, { final: boolean; veto: boolean; index: number }>): string {
    const finalIndex = [...levelOf.values()].find(l => l.final)?.index ?? Infinity;
    return held.find(l => levelOf.get(l)?.final) ?? held.find(l => levelOf.get(l)?.veto)
        ?? held.find(l => (levelOf.get(l)?.index ?? Infinity) < finalIndex) ?? held[0];
}

function namesAHolderTwice(decision: DecisionModel): boolean {
    const named = new Set<string>();
    for (const assignment of decision.assignments) {
        for (const holder of assignment.holders) {
            if (named.has(holder)) return true;
            named.add(holder);
        }
    }
    return false;
}
