import type { DecisionModel, MapModel, RoleModel } from '../model/types.js';
import { AnalysisContext, boundsOf, boundsText, listWords, writtenName } from './context.js';
import type { Finding } from './finding.js';
import { withAssignment, withoutHolder, type FixJudge } from './fixes.js';
import type { Fix, PhaseBounds } from '../validation/finding-data.js';
import type { Period } from './phase-timeline.js';
import { teamRuleText } from '../model/team-rule.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/**
 * Who has the last word, phase by phase: gaps (no-final-authority), conflicts
 * (multiple-final-authority), required levels nobody holds, and final holders who
 * cannot act (vacant-final-authority). One finding per run of consecutive phases.
 */
export function checkFinalAuthority(ctx: AnalysisContext, map: MapModel, decision: DecisionModel, out: Finding[], judge?: FixJudge): void {
    const final = ctx.finalLevel(map);
    const timeline = ctx.timeline(map);
    const what = ctx.decision(decision);
    // A decision's location is worked out when read (model/build-model.ts): only for a finding.
    const base = () => ({ element: decision.qualifiedName, location: decision.location });

    for (const level of map.scheme.levels.filter(l => l.required && !l.final)) {
        for (const run of timeline.runs(p => timeline.holdersAt(decision, level.name, p).length === 0)) {
            if (!run.value) continue;
            const span = timeline.describeSpan(run.first, run.last);
            const bounds = boundsOf(timeline, run.first, run.last);
            out.push({
                ...base(), code: 'missing-required-level',
                message: sentence(span, `nobody holds '${level.name}' for ${what}, and the ${map.scheme.name} scheme requires it ("${level.title}"). Add '${level.name} <who>${boundsText(bounds)}' to the decision.`),
                data: { level: level.name, ...bounds }
            });
        }
    }

    if (!final) return;
    const verb = final.name === 'decide' ? 'decides' : `holds '${final.name}' (the final say) over`;

    for (const run of timeline.runs(p => timeline.finalHolders(decision, p).length === 0)) {
        if (!run.value) continue;
        const span = timeline.describeSpan(run.first, run.last);
        const bounds = boundsOf(timeline, run.first, run.last);
        const periods = timeline.periods.slice(run.first, run.last + 1);
        const candidates = gapCandidates(ctx, map, decision, periods).map(n => writtenName(n, map));
        const offer = candidates.length ? ` (for example ${listWords(candidates.slice(0, 3), 'or')})` : '';
        const message = span
            ? `${span} nobody ${verb} ${what}. Add '${final.name} <who>${boundsText(bounds)}'${offer}, or extend the phases of the current holder.`
            : `Nobody has final authority over ${what}: no one holds '${final.name}'. Add ${/^[aeiou]/i.test(final.name) ? 'an' : 'a'} '${final.name}' line naming who makes the call${offer}.`;
        const fixes = judge ? gapFixes(ctx, judge, map, decision, final.name, bounds, periods) : undefined;
        out.push({ ...base(), code: 'no-final-authority', message, data: { level: final.name, ...bounds, candidates, ...(fixes ? { fixes } : {}) } });
    }

    if (decision.pattern !== 'collaborative') {
        const runs = timeline.runs(p => timeline.finalHolders(decision, p).sort().join('\u0000'));
        for (const run of runs) {
            const holders = run.value ? run.value.split('\u0000') : [];
            if (holders.length < 2) continue;
            const span = timeline.describeSpan(run.first, run.last);
            const previous = demotionLevel(map, final.index);
            const others = holders.length === 2 ? 'the other' : 'the others';
            const demote = previous ? `move ${others} to '${previous.name}'` : `remove ${others}`;
            const names = listWords(holders.map(h => ctx.who(h, map)));
            const bounds = boundsOf(timeline, run.first, run.last);
            const fixes = judge ? conflictFixes(judge, map, decision, final.name, previous?.name, holders, bounds) : undefined;
            out.push({
                ...base(), code: 'multiple-final-authority',
                message: sentence(span, `${names} ${holders.length === 2 ? 'both' : 'all'} hold '${final.name}' for ${what}, so it is unclear who has the last word. Keep one at '${final.name}' and ${demote}, or add 'pattern collaborative' if they truly decide together.`),
                data: { level: final.name, holders: holders.map(h => writtenName(h, map)), previousLevel: previous?.name, ...bounds, ...(fixes ? { fixes } : {}) }
            });
        }
    }

    const unable = new Set<string>();
    for (const period of timeline.periods) {
        for (const holder of timeline.finalHolders(decision, period)) {
            const role = ctx.holder(holder);
            if (role?.type === 'role' && cannotAct(role)) unable.add(holder);
        }
    }
    for (const name of unable) {
        const role = ctx.holder(name) as RoleModel;
        for (const run of timeline.runs(p => timeline.finalHolders(decision, p).includes(name))) {
            if (!run.value) continue;
            const span = timeline.describeSpan(run.first, run.last);
            const why = role.vacant ? 'the role is vacant' : 'the role has no seats';
            out.push({
                ...base(), code: 'vacant-final-authority',
                message: sentence(span, `${ctx.who(name, map)} has the final say over ${what}, but ${why}, so nobody can make this decision. Name an interim decider, or fill the role.`),
                data: { level: final.name, holder: writtenName(name, map), ...boundsOf(timeline, run.first, run.last) }
            });
        }
    }
}

/**
 * `team-without-rule`: a team with the last word, or one that can block (a veto level), must
 * say how its members reach it.
 */
export function checkTeamRules(ctx: AnalysisContext, facts: WorkspaceFacts, out: Finding[]): void {
    for (const map of ctx.model.maps) {
        for (const team of map.teams) {
            if (team.rule) continue;
            const decides = facts.finalSay.has(team.qualifiedName);
            if (!decides && !facts.vetoSay.has(team.qualifiedName)) continue;
            const decisions = facts.valuesOf(decides ? facts.finalSay : facts.vetoSay, team.qualifiedName).map(name => ctx.model.decision(name)!);
            const more = decisions.length > 1 ? ` and ${decisions.length - 1} more decision${decisions.length > 2 ? 's' : ''}` : '';
            const what = decides
                ? `has the final say over ${ctx.decision(decisions[0])}${more}, but no rule for how its members decide`
                : `can block ${ctx.decision(decisions[0])}${more} (it holds a veto level), but has no rule for how its members decide to block`;
            out.push({
                code: 'team-without-rule', element: team.qualifiedName, location: team.location,
                message: `${ctx.who(team.qualifiedName, map)} ${what}. Add 'rule consensus', 'majority', 'unanimous', 'chair' or 'vote 2/3' to the team.`,
                data: {
                    team: team.name, decisions: decisions.map(d => d.qualifiedName), veto: !decides,
                    fixes: [
                        // Consensus alone would need a fallback (no-deadlock-path); these always reach an answer.
                        { title: 'Add \'rule consensus then majority\' to the team', preferred: true, edits: [{ kind: 'add-team-rule', rule: 'consensus then majority' }] },
                        { title: 'Add \'rule majority\' to the team', edits: [{ kind: 'add-team-rule', rule: 'majority' }] }
                    ]
                }
            });
        }
    }
}

/** Team rule steps that always reach an answer. */
const DECISIVE_STEPS = new Set(['majority', 'vote', 'chair']);

/**
 * `no-deadlock-path`: the final say needs agreement (several holders of a collaborative
 * decision, or a team whose rule ends in consensus or unanimity) and nothing says what
 * happens when it is not reached: no `escalate`, no `fallback`, and no final-holder team
 * whose rule ends in a step that always decides. One finding per run of phases.
 */
export function checkDeadlock(ctx: AnalysisContext, map: MapModel, decision: DecisionModel, out: Finding[]): void {
    if (decision.escalate !== undefined || decision.fallback !== undefined || !ctx.finalLevel(map)) return;
    const timeline = ctx.timeline(map);
    const reason = (period: Period): string => {
        const holders = timeline.finalHolders(decision, period);
        const lastSteps = holders.map(h => {
            const holder = ctx.holder(h);
            const steps = holder?.type === 'team' ? holder.rule?.steps : undefined;
            return steps ? steps[steps.length - 1].kind : undefined;
        });
        if (lastSteps.some(kind => kind !== undefined && DECISIVE_STEPS.has(kind))) return '';
        const agreeing = holders.filter((_, i) => lastSteps[i] === 'consensus' || lastSteps[i] === 'unanimous');
        const joint = decision.pattern === 'collaborative' && holders.length >= 2;
        if (!joint && agreeing.length === 0) return '';
        return JSON.stringify({ joint: joint ? holders.sort() : [], agreeing: agreeing.sort() });
    };
    const what = ctx.decision(decision);
    for (const run of timeline.runs(reason)) {
        if (!run.value) continue;
        const { joint, agreeing } = JSON.parse(run.value) as { joint: string[]; agreeing: string[] };
        const span = timeline.describeSpan(run.first, run.last);
        const who = (names: string[]) => listWords(names.map(h => ctx.who(h, map)));
        const problem = joint.length > 0
            ? `${who(joint)} decide ${what} together, but nothing says what happens if they do not agree`
            : `${who(agreeing)} must agree (${agreeing.length === 1 ? 'its rule ends' : 'their rules end'} in consensus or unanimity) to decide ${what}, but nothing says what happens if ${agreeing.length === 1 ? 'it does' : 'they do'} not`;
        const fixes = [`'fallback "what happens then"' (optionally with 'by "deadline"')`, `an 'escalate' line naming who settles it`];
        if (agreeing.length > 0) fixes.push(`a last step that always decides in the team's rule (such as 'rule consensus then chair')`);
        out.push({
            code: 'no-deadlock-path', element: decision.qualifiedName, location: decision.location,
            message: sentence(span, `${problem}. Add ${listWords(fixes, 'or')}.`),
            data: {
                holders: joint.map(h => writtenName(h, map)), teams: agreeing.map(h => writtenName(h, map)), ...boundsOf(timeline, run.first, run.last),
                fixes: deadlockFixes(ctx, agreeing)
            }
        });
    }
}

/** The `fallback` line a fix adds for the author to complete. */
const DEADLOCK_FALLBACK_STUB = 'fallback "What happens if they do not agree"';

/** A fallback stub; for each team whose rule ends in agreement, a last step that always decides. */
function deadlockFixes(ctx: AnalysisContext, agreeing: string[]): Fix[] {
    const stub = DEADLOCK_FALLBACK_STUB;
    const fixes: Fix[] = [{ title: `Add a fallback: '${stub}'`, preferred: true, edits: [{ kind: 'add-decision-line', line: stub }] }];
    for (const name of agreeing) {
        const team = ctx.holder(name);
        if (team?.type !== 'team' || !team.rule) continue;
        const rule = teamRuleText(team.rule);
        fixes.push({ title: `Change to 'rule ${rule} then chair' (the chair decides when '${team.name}' cannot agree)`, edits: [{ kind: 'extend-team-rule', team: team.name, step: 'chair' }] });
        fixes.push({ title: `Change to 'rule ${rule} then majority'`, edits: [{ kind: 'extend-team-rule', team: team.name, step: 'majority' }] });
    }
    return fixes;
}

/** Where a second decider can go: the nearest earlier level that is not a veto (a veto is nearly a decision). */
export function demotionLevel(map: MapModel, finalIndex: number) {
    const before = map.scheme.levels.slice(0, finalIndex).reverse();
    return before.find(l => !l.veto) ?? before[0];
}

function cannotAct(role: RoleModel): boolean {
    return role.vacant || role.seats === 0;
}

/**
 * Fixes for a gap, best candidate first: add a final-level line for those who hold nothing
 * in the gap; move those who already hold another level (a recommender) up to it. Only
 * fixes that raise no other finding are offered, at most three.
 */
function gapFixes(ctx: AnalysisContext, judge: FixJudge, map: MapModel, decision: DecisionModel, final: string, bounds: PhaseBounds, periods: Period[]): Fix[] {
    const timeline = ctx.timeline(map);
    const adds: Fix[] = [];
    const moves: Fix[] = [];
    for (const candidate of gapCandidates(ctx, map, decision, periods)) {
        const who = writtenName(candidate, map);
        const held = [...new Set(periods.flatMap(p => timeline.activeAssignments(decision, p)
            .filter(a => a.holders.includes(candidate)).map(a => a.level)))];
        const line = `${final} ${who}${boundsText(bounds)}`;
        const added = withAssignment(decision, final, candidate, bounds);
        if (judge.keeps(map, decision, added)) {
            adds.push({ title: `Add '${line}'`, edits: [{ kind: 'add-assignment', level: final, holder: who, ...bounds }] });
        } else if (held.length === 1) {
            const moved = withoutHolder(map, decision, held[0], candidate, bounds, final);
            if (judge.keeps(map, decision, moved)) {
                moves.push({ title: `Move '${who}' from '${held[0]}' to '${final}'`, edits: [{ kind: 'move-holder', holder: who, level: held[0], to: final, ...bounds }] });
            }
        }
    }
    return preferFirst([...adds, ...moves].slice(0, 3));
}

/** Fixes for a conflict: decide together, or move all but one holder to the level before the final one. */
function conflictFixes(judge: FixJudge, map: MapModel, decision: DecisionModel, final: string, lower: string | undefined, holders: string[], bounds: PhaseBounds): Fix[] {
    // Deciding together needs a way out when they do not agree (no-deadlock-path).
    const settled = decision.escalate !== undefined || decision.fallback !== undefined;
    const fixes: Fix[] = [settled
        ? { title: 'Mark the decision \'pattern collaborative\' (they decide together)', edits: [{ kind: 'set-pattern', pattern: 'collaborative' }] }
        : {
            title: 'Mark the decision \'pattern collaborative\' (they decide together) with a fallback for when they do not agree',
            edits: [{ kind: 'set-pattern', pattern: 'collaborative' }, { kind: 'add-decision-line', line: DEADLOCK_FALLBACK_STUB }]
        }];
    if (!lower) return fixes;
    for (const holder of holders) {
        const who = writtenName(holder, map);
        if (!judge.keeps(map, decision, withoutHolder(map, decision, final, holder, bounds, lower))) continue;
        fixes.push({ title: `Move '${who}' to '${lower}'`, edits: [{ kind: 'move-holder', holder: who, level: final, to: lower, ...bounds }] });
    }
    return fixes;
}

/** Marks the first fix as the preferred one. */
export function preferFirst(fixes: Fix[]): Fix[] {
    return fixes.map((fix, i) => i === 0 ? { ...fix, preferred: true } : fix);
}

/**
 * Who could plausibly fill a gap (qualified names): those who recommend in the gap, the escalation target,
 * whoever decides in the other phases, and the map's principal-like administrators.
 */
function gapCandidates(ctx: AnalysisContext, map: MapModel, decision: DecisionModel, periods: Period[]): string[] {
    const timeline = ctx.timeline(map);
    const first = map.scheme.levels[0];
    const names: string[] = [];
    if (first && !first.final) for (const p of periods) names.push(...timeline.holdersAt(decision, first.name, p));
    if (decision.escalate) names.push(decision.escalate);
    for (const p of timeline.periods) names.push(...timeline.finalHolders(decision, p));
    const admins = map.roles.filter(r => r.kind === 'administrator');
    const heads = admins.filter(r => /principal|head|director|superintendent/i.test(`${r.name} ${r.title}`)
        && !/assistant|deputy|vice/i.test(`${r.name} ${r.title}`));
    names.push(...(heads.length ? heads : admins).map(r => r.qualifiedName));
    return [...new Set(names)];
}

/** Starts a sentence with the span ("From Expansion on, ...") or with a capital. */
export function sentence(span: string | undefined, rest: string): string {
    return span ? `${span}, ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}
