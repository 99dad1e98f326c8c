import type { RuleCode } from '../validation/rule-catalog.js';
import type { SourceLocation } from '../model/types.js';

/**
 * One thing the authority analysis found. The language server and `remit check` report
 * it as a diagnostic; reports and generators can list it as it is.
 */
export interface Finding {
    code: RuleCode;
    /** Plain English for a principal: which decision, who, which phase, what to do. */
    message: string;
    /** `Map.Element` the finding is about (see docs/rules.md for which element each rule names). */
    element: string;
    /** Where to show it: the decision, assignment, role, team ... it is about. */
    location: SourceLocation;
    /** Facts for quick fixes (level names, holders, phases). */
    data: Record<string, unknown>;
}
