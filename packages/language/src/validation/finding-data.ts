import { isRuleCode, type RuleCode } from './rule-catalog.js';

/**
 * The facts each rule attaches to its findings, keyed by rule code: the one contract
 * between the rules (which fill it), the reporting (`report.ts`, the document validator),
 * the quick fixes (`lsp/code-actions.ts`) and the machine-readable outputs (JSON, SARIF).
 * A new rule adds its entry here; the compiler then holds every reader to it.
 */

/** Phase bounds as an assignment writes them: `from` inclusive, `until` exclusive. */
export interface PhaseBounds {
    from?: string;
    until?: string;
}

/**
 * One change to the map, described as data by the rule that proposes the fix; the
 * language server turns it into a text edit of the map as written. Names are written as
 * they would be in the map (`Principal`, or `District.Superintendent` for another map's).
 * Edits about a decision or element act on the finding's `element`.
 */
export type FixEdit =
    /** Adds `level holder [from X] [until Y]` to the decision, in the scheme's order of levels. */
    | { kind: 'add-assignment'; level: string; holder: string; from?: string; until?: string }
    /** Takes `holder` off every `level` line of the decision that applies within the bounds. */
    | { kind: 'remove-holder'; level: string; holder: string; from?: string; until?: string }
    /** Takes the last repeat of `holder` off the line the finding points at. */
    | { kind: 'remove-repeat'; holder: string }
    /** Moves `holder` from `level` to `to` on every line that applies within the bounds. */
    | { kind: 'move-holder'; holder: string; level: string; to: string; from?: string; until?: string }
    /** Gives the decision `pattern collaborative` (or changes its pattern to it). */
    | { kind: 'set-pattern'; pattern: 'collaborative' }
    /** Adds `rule <rule>` to the team. */
    | { kind: 'add-team-rule'; rule: string }
    /** Replaces the name the finding points at. */
    | { kind: 'replace-reference'; text: string }
    /** Declares a new role after the map's roles and teams. */
    | { kind: 'create-role'; name: string }
    /** Removes the element (a role, team, phase or level scheme) with its lines. */
    | { kind: 'remove-element' }
    /** Adds a line (such as a `fallback` stub) to the decision, after its assignments. */
    | { kind: 'add-decision-line'; line: string }
    /** Adds `then <step>` to the rule of `team` (a team of this map). */
    | { kind: 'extend-team-rule'; team: string; step: string }
    /** Takes the repeat at `index` of the team's `members` or `advisory` list off it. */
    | { kind: 'remove-member'; property: 'members' | 'advisory'; index: number }
    /** Removes the decision's `overrides` line. */
    | { kind: 'remove-overrides' };

export type FixEditKind = FixEdit['kind'];

/** A quick fix a rule proposes: its title as the user reads it, and the edits it makes. */
export interface Fix {
    title: string;
    /** The fix an editor applies on "fix all" or shows first. */
    preferred?: boolean;
    edits: FixEdit[];
}

/** What every finding's data holds, whatever its rule. */
interface CommonData {
    /** `Map.Element` the finding is about (the document validator fills it in when a check leaves it out). */
    element?: string;
    /** Quick fixes, best first. A rule offers only fixes that raise no other finding of its own. */
    fixes?: Fix[];
    /** The `when` case a finding about one decision holds in, when it does not hold in all of them. */
    case?: string;
}

/** The facts of each rule beyond the common ones. */
export interface RuleFacts {
    'syntax-error': { unclosedText?: boolean };
    'invalid-encoding': object;
    'unresolved-reference': { refText: string; property: string; suggestions: string[] };
    'duplicate-name': object;
    'duplicate-property': object;
    'invalid-value': object;
    'no-final-authority': PhaseBounds & { level: string; candidates: string[] };
    'multiple-final-authority': PhaseBounds & { level: string; holders: string[]; previousLevel?: string };
    'missing-required-level': PhaseBounds & { level: string };
    'duplicate-assignment': { level: string; holder: string; sameLine: boolean };
    'redundant-assignment': PhaseBounds & { holder: string; levels: string[]; keep: string[]; remove: string[] };
    'veto-over-own-decision': PhaseBounds & { holder: string; level: string; finalLevel: string };
    'phase-order': object;
    'sequence-cycle': { loop: string[] };
    'escalation-cycle': { loop: string[] } | { escalate: string; route: string[]; suggestion?: string };
    'veto-after-final': object;
    'scheme-shape': object;
    'team-without-rule': { team: string; decisions: string[]; veto: boolean };
    'vacant-final-authority': PhaseBounds & { level: string; holder: string };
    'overloaded-role': { count: number; limit: number; decisions: string[] };
    'concentrated-authority': { count: number; total: number; decisions: string[] };
    'single-point-of-failure': { domains: string[] };
    'unused-element': { kind: string; name: string };
    'empty-domain': { name: string };
    'no-deadlock-path': PhaseBounds & { holders: string[]; teams: string[] };
    'team-cycle': { loop: string[] };
    'duplicate-member': { holder: string; property: 'members' | 'advisory'; index: number; first: 'members' | 'advisory' };
    'under-cycle': { loop: string[] };
    'overrides-tight': { overrides: string };
    'invalid-override': { overrides: string; reason: 'not-above' | 'not-loose' };
    'duplicate-override': { overrides: string; other: string };
}

/** Fails to compile, naming the codes, when a rule of the catalogue has no entry in `RuleFacts`. */
type MissingFacts = Exclude<RuleCode, keyof RuleFacts>;
const everyRuleHasFacts: [MissingFacts] extends [never] ? true : MissingFacts = true;
void everyRuleHasFacts;

/** The data of a finding of rule `C`, as a rule fills it in (without its code). */
export type FindingFacts<C extends RuleCode = RuleCode> = { [K in C]: RuleFacts[K] & CommonData }[C];

/** The data a diagnostic carries: a union discriminated by `code`. */
export type RemitDiagnosticData<C extends RuleCode = RuleCode> = { [K in C]: { code: K } & RuleFacts[K] & CommonData }[C];

/** Reads a diagnostic's `data` back (from an LSP client, or the JSON it was sent as). */
export function diagnosticData(data: unknown): RemitDiagnosticData | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    return isRuleCode((data as { code?: unknown }).code) ? data as RemitDiagnosticData : undefined;
}

/** A rule's own facts, without the code, element and fixes every finding carries. */
export function ruleFacts(data: RemitDiagnosticData): Record<string, unknown> {
    const { code: _code, element: _element, fixes: _fixes, ...facts } = data;
    return facts;
}
