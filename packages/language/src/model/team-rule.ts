import type { TeamRuleModel } from './types.js';

/** A team's rule as the map writes it: `consensus then majority`, `vote 2/3`. */
export function teamRuleText(rule: TeamRuleModel): string {
    const steps = rule.steps ?? [rule];
    return steps.map(s => (s.kind === 'vote' ? `vote ${s.needed}/${s.of}` : s.kind)).join(' then ');
}
