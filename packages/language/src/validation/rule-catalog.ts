/**
 * Every diagnostic code Remit reports, in one place: its default severity, a one-line
 * description (SARIF rule metadata, `remit.json` errors, docs) and its tunable thresholds.
 * Codes are a stable contract, like a compiler's: never rename one.
 */
export type RuleSeverity = 'off' | 'hint' | 'warning' | 'error';

export interface RuleInfo {
    readonly defaultSeverity: Exclude<RuleSeverity, 'off'>;
    readonly summary: string;
    /** Threshold names and their defaults, settable in `remit.json`. */
    readonly thresholds?: Readonly<Record<string, number>>;
}

export const RULES = {
    'syntax-error': { defaultSeverity: 'error', summary: 'The text does not follow the Remit language, so it cannot be read.' },
    'invalid-encoding': { defaultSeverity: 'error', summary: 'The file is not valid UTF-8 text: some bytes cannot be read as characters.' },
    'unresolved-reference': { defaultSeverity: 'error', summary: 'A name refers to nothing.' },
    'duplicate-name': { defaultSeverity: 'error', summary: 'Two elements of one kind share a name in a map, or two maps share a name.' },
    'duplicate-property': { defaultSeverity: 'error', summary: 'A property (such as kind or seats) is given twice for one element.' },
    'invalid-value': { defaultSeverity: 'error', summary: 'A value is out of range, such as a release above 100% or a vote of 3/2.' },
    'no-final-authority': { defaultSeverity: 'error', summary: 'A decision has no holder of the final level (in some phase, or at all): a gap.' },
    'multiple-final-authority': { defaultSeverity: 'error', summary: 'More than one holder of the final level at the same time, and the pattern is not collaborative: a conflict.' },
    'missing-required-level': { defaultSeverity: 'warning', summary: 'A required level has no holder.' },
    'duplicate-assignment': { defaultSeverity: 'warning', summary: 'The same holder is listed twice at one level of one decision at the same time.' },
    'redundant-assignment': { defaultSeverity: 'hint', summary: 'The same holder stands at two levels of one decision at the same time.' },
    'veto-over-own-decision': { defaultSeverity: 'warning', summary: 'The final holder also holds a veto level.' },
    'phase-order': { defaultSeverity: 'error', summary: '`from` is not before `until`, or phase bounds are inverted.' },
    'sequence-cycle': { defaultSeverity: 'error', summary: '`after` links form a cycle.' },
    'escalation-cycle': { defaultSeverity: 'error', summary: 'Escalation (through escalate and reports) loops, or escalates to the decision\'s own final holder.' },
    'veto-after-final': { defaultSeverity: 'error', summary: 'In a levels block, a veto level stands after the final level.' },
    'scheme-shape': { defaultSeverity: 'error', summary: 'A levels block has no final level, or more than one.' },
    'team-without-rule': { defaultSeverity: 'warning', summary: 'A team holds the final level or a veto level but has no rule for how it decides.' },
    'vacant-final-authority': { defaultSeverity: 'warning', summary: 'The final holder is a role marked vacant or with seats 0.' },
    'overloaded-role': {
        defaultSeverity: 'warning',
        summary: 'A teacher role carries more leadership alone than it has time for.',
        thresholds: { maxDecisions: 3, releasePercentPerDecision: 5 }
    },
    'concentrated-authority': {
        defaultSeverity: 'warning',
        summary: 'Most decisions have only administrators as final holders: tasks are distributed, influence is not.',
        thresholds: { minDecisions: 5, maxAdministratorShare: 80 }
    },
    'single-point-of-failure': {
        defaultSeverity: 'hint',
        summary: 'One role with one holder and no backup is the only final authority in several domains.',
        thresholds: { minDomains: 3 }
    },
    'unused-element': { defaultSeverity: 'hint', summary: 'A role, team, phase or level scheme that nothing refers to.' },
    'empty-domain': { defaultSeverity: 'warning', summary: 'A domain with no decisions.' },
    'no-deadlock-path': { defaultSeverity: 'warning', summary: 'A decision\'s final say needs agreement, and nothing (escalate, fallback, or a team rule that ends in a step that always decides) says what happens when it is not reached.' },
    'team-cycle': { defaultSeverity: 'error', summary: 'A team is a member or advisory member of itself, directly or through other teams.' },
    'duplicate-member': { defaultSeverity: 'warning', summary: 'A holder is listed twice in one team\'s members and advisory members.' },
    'under-cycle': { defaultSeverity: 'error', summary: '`under` links between maps loop.' },
    'overrides-tight': { defaultSeverity: 'error', summary: 'A decision overrides a tight decision of a map above, which that map decides for every map under it.' },
    'invalid-override': { defaultSeverity: 'error', summary: 'A decision overrides one that is not a loose decision of a map above its own.' },
    'duplicate-override': { defaultSeverity: 'error', summary: 'Two decisions of one map override the same decision.' }
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: unknown): code is RuleCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(RULES, code);
}
