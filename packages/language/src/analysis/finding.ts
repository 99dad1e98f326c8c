import type { RuleCode } from '../validation/rule-catalog.js';
import type { FindingFacts } from '../validation/finding-data.js';
import type { SourceLocation } from '../model/types.js';

/** A finding of one rule: its data is that rule's facts (see validation/finding-data.ts). */
export interface FindingOf<C extends RuleCode> {
    code: C;
    /** Plain English for a principal: which decision, who, which phase, what to do. */
    message: string;
    /** `Map.Element` the finding is about (see docs/rules.md for which element each rule names). */
    element: string;
    /** Where to show it: the decision, assignment, role, team ... it is about. */
    location: SourceLocation;
    /** The rule's facts and proposed quick fixes. */
    data: FindingFacts<C>;
}

/**
 * One thing the authority analysis found, discriminated by its rule code. The language
 * server and `remit check` report it as a diagnostic; reports and generators can list it
 * as it is.
 */
export type Finding = { [C in RuleCode]: FindingOf<C> }[RuleCode];
