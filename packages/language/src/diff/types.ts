/**
 * What changed in authority between two versions of a set of maps: the structured
 * answer of `remit diff`, rendered as text, Markdown or JSON. Every name is a qualified
 * name (`Map.Element`) of the version it comes from; plain data, safe to serialise.
 */

/** Where in a map's life a change holds: undefined for the whole life, else words such as "from Expansion on". */
export type PhaseSpan = string | undefined;

/** Final authority over a decision passed from some holders to others during a span. */
export interface Transfer {
    span: PhaseSpan;
    /** Final holders before (empty: nobody had final authority). */
    from: string[];
    /** Final holders after (empty: nobody has final authority now). */
    to: string[];
}

/** A holder's levels on one decision, before and after, during a span (the final level is reported as a transfer). */
export interface LevelChange {
    holder: string;
    span: PhaseSpan;
    gained: string[];
    lost: string[];
}

/** An assignment whose holders and level stayed but whose `from`/`until` moved. */
export interface BoundsMove {
    level: string;
    holders: string[];
    from: { from?: string; until?: string };
    to: { from?: string; until?: string };
}

/** A property that changed, in the words of the map: `status`, `source`, `kind` ... */
export interface PropertyChange {
    property: string;
    from?: string;
    to?: string;
}

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** One assignment as it reads in the map, for describing what an added or removed decision held. */
export interface AuthorityLine {
    level: string;
    holders: string[];
    from?: string;
    until?: string;
}

export interface DecisionChange {
    kind: ChangeKind;
    /** The decision's qualified name (in the new version; in the old one for a removal). */
    name: string;
    /** The old qualified name of a renamed decision. */
    oldName?: string;
    title: string;
    /** For an added or removed decision: the authority it brings or takes away. */
    authority?: AuthorityLine[];
    transfers: Transfer[];
    levels: LevelChange[];
    bounds: BoundsMove[];
    properties: PropertyChange[];
}

export interface HolderChange {
    kind: ChangeKind;
    type: 'role' | 'team';
    name: string;
    oldName?: string;
    title: string;
    properties: PropertyChange[];
}

export interface MapChange {
    kind: ChangeKind;
    name: string;
    title: string;
    /** `uses`, `status`, `title`, and phase changes (`phase Expansion`, `phases`). */
    properties: PropertyChange[];
}

export interface SchemeChange {
    kind: ChangeKind;
    name: string;
    title: string;
    properties: PropertyChange[];
}

/** A problem `remit check` reports, identified by rule, element and message (not by position). */
export interface ProblemRef {
    code: string;
    severity: string;
    element?: string;
    message: string;
    uri: string;
    line: number;
}

export interface DiffCounts {
    decisionsChangedHands: number;
    decisionsRemoved: number;
    decisionsAdded: number;
    decisionsRenamed: number;
    decisionsChanged: number;
    rolesRemoved: number;
    rolesAdded: number;
    rolesRenamed: number;
    rolesChanged: number;
    teamsRemoved: number;
    teamsAdded: number;
    teamsRenamed: number;
    teamsChanged: number;
    mapsRemoved: number;
    mapsAdded: number;
    mapsChanged: number;
    schemesChanged: number;
    statusChanges: number;
    sourceChanges: number;
    problemsIntroduced: number;
    problemsResolved: number;
}

export interface AuthorityDiff {
    /** One sentence: "3 decisions changed hands, 1 decision removed, 2 roles added". */
    summary: string;
    counts: DiffCounts;
    maps: MapChange[];
    schemes: SchemeChange[];
    holders: HolderChange[];
    decisions: DecisionChange[];
    problems: { introduced: ProblemRef[]; resolved: ProblemRef[] };
}
