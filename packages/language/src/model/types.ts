/**
 * The checked model: a plain, serialisable picture of the maps after parsing and linking.
 * Generators, the diff and the authority analysis read this, never raw text or syntax
 * trees. Every reference is resolved to the `Map.Element` name of its target; references
 * that resolve to nothing are left out (they are already reported as unresolved-reference).
 */

import type { RoleKind } from '../generated/ast.js';

/**
 * 0-based LSP positions, so an editor can reveal an element directly. An element's
 * `location` is worked out from its syntax node when read (see `located` in
 * build-model.ts), and reads as data to JSON, spreads and copies.
 */
export interface SourceLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type DecisionPattern = 'collaborative' | 'collective' | 'coordinated' | 'parallel';
export type DecisionStatus = 'draft' | 'proposed' | 'ratified';
export type TeamRuleKind = 'consensus' | 'majority' | 'unanimous' | 'chair' | 'vote';
/** `tight`: decided by the map for every map under it; `loose`: its default, which each map under it may replace. */
export type DecisionBinding = 'tight' | 'loose';

export interface LevelModel {
    name: string;
    title: string;
    doc?: string;
    /** Position in the scheme: order is meaning (levels act in this order). */
    index: number;
    final: boolean;
    veto: boolean;
    required: boolean;
}

export interface SchemeModel {
    name: string;
    /** `Map.Scheme` for a map's own scheme; the plain name for a built-in one. */
    qualifiedName: string;
    title: string;
    doc?: string;
    builtin: boolean;
    levels: LevelModel[];
    location?: SourceLocation;
}

export interface DurationModel {
    min: number;
    max?: number;
    unit: string;
}

export interface PhaseModel {
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    index: number;
    duration?: DurationModel;
    location: SourceLocation;
}

export interface RoleModel {
    type: 'role';
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    kind?: RoleKind;
    /** Names of the people in the role; may be empty for privacy. */
    people: string[];
    seats?: number;
    vacant: boolean;
    /** Share of working time set aside for leading, in percent. */
    release?: number;
    backup?: string;
    reports?: string;
    /** What a holder must have before acting (`requires "text"`). */
    requires?: string;
    location: SourceLocation;
}

export interface TeamRuleStepModel {
    kind: TeamRuleKind;
    /** For `vote N/M`: N of M members must approve. */
    needed?: number;
    of?: number;
}

/** A team's rule: its first step (`kind`, `needed`, `of`, as in part 1) and every step in order. */
export interface TeamRuleModel extends TeamRuleStepModel {
    /** `rule consensus then majority`: the first step that succeeds decides. Always at least one step. */
    steps: TeamRuleStepModel[];
}

export interface TeamModel {
    type: 'team';
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    /** Voting members. */
    members: string[];
    /** Members who take part without a vote (`advisory`). */
    advisory: string[];
    chair?: string;
    rule?: TeamRuleModel;
    requires?: string;
    location: SourceLocation;
}

export type HolderModel = RoleModel | TeamModel;

export interface AssignmentModel {
    level: string;
    holders: string[];
    /** Phase names; `until` is exclusive. */
    from?: string;
    until?: string;
    /** `when "case"`, trimmed: the assignment holds in this case only. Without it, in every case. */
    when?: string;
    location: SourceLocation;
}

export interface DecisionModel {
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    /** Qualified names of the enclosing domains, outermost first. */
    domainPath: string[];
    assignments: AssignmentModel[];
    after: string[];
    escalate?: string;
    /** `yearly`, `termly`, `monthly`, `weekly`, or the text of a custom cadence. */
    review?: string;
    pattern?: DecisionPattern;
    source?: string;
    /** The decision's own status, or the map's default. */
    status?: DecisionStatus;
    /** What happens when the deciders do not agree (`fallback "..."`), and by when (`by "..."`). */
    fallback?: string;
    fallbackBy?: string;
    /** The decision's own `tight`/`loose`, or that of its nearest enclosing domain that says one. */
    binding?: DecisionBinding;
    /** `overrides D.X`: the qualified name of the loose decision of a map above that this one replaces. */
    overrides?: string;
    /** Where the `overrides` name is written. */
    overridesLocation?: SourceLocation;
    location: SourceLocation;
}

export interface DomainModel {
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    /** Qualified names of the decisions directly in this domain. */
    decisions: string[];
    domains: DomainModel[];
    /** The domain's own `tight`/`loose`, the default for its decisions. */
    binding?: DecisionBinding;
    location: SourceLocation;
}

/** `version`, `adopted`, `approved` and `next-review` of a map's header (each optional). */
export interface FrontMatter {
    version?: string;
    /** YYYY-MM-DD. */
    adopted?: string;
    approved?: string;
    /** YYYY-MM or YYYY-MM-DD. */
    nextReview?: string;
}

export interface MapModel {
    name: string;
    title: string;
    doc?: string;
    uri: string;
    /** The scheme the map uses (its `uses`, or School). */
    scheme: SchemeModel;
    /** Schemes this map defines itself. */
    schemes: SchemeModel[];
    status?: DecisionStatus;
    /** `under D`: the name of the map this map is a unit of. */
    under?: string;
    /** Where the `under` name is written. */
    underLocation?: SourceLocation;
    /** The charter's front matter from the map's header lines, as written. */
    frontMatter: FrontMatter;
    phases: PhaseModel[];
    roles: RoleModel[];
    teams: TeamModel[];
    domains: DomainModel[];
    /** Every decision of the map, in the order written, whatever its domain. */
    decisions: DecisionModel[];
    location: SourceLocation;
}
