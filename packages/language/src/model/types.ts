/**
 * The checked model: a plain, serialisable picture of the maps after parsing and linking.
 * Generators, the diff and the authority analysis read this, never raw text or syntax
 * trees. Every reference is resolved to the `Map.Element` name of its target; references
 * that resolve to nothing are left out (they are already reported as unresolved-reference).
 */

/** 0-based LSP positions, so an editor can reveal an element directly. */
import type { RoleKind } from '../generated/ast.js';

export interface SourceLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export type DecisionPattern = 'collaborative' | 'collective' | 'coordinated' | 'parallel';
export type DecisionStatus = 'draft' | 'proposed' | 'ratified';
export type TeamRuleKind = 'consensus' | 'majority' | 'unanimous' | 'chair' | 'vote';

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
    location: SourceLocation;
}

export interface TeamRuleModel {
    kind: TeamRuleKind;
    /** For `vote N/M`: N of M members must approve. */
    needed?: number;
    of?: number;
}

export interface TeamModel {
    type: 'team';
    name: string;
    qualifiedName: string;
    title: string;
    doc?: string;
    members: string[];
    chair?: string;
    rule?: TeamRuleModel;
    location: SourceLocation;
}

export type HolderModel = RoleModel | TeamModel;

export interface AssignmentModel {
    level: string;
    holders: string[];
    /** Phase names; `until` is exclusive. */
    from?: string;
    until?: string;
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
