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
    /** For a decision with cases (`when`): the case it moved in (its new words); absent when it moved in every case. */
    case?: string;
    /** Final holders before (empty: nobody had final authority). */
    from: string[];
    /** Final holders after (empty: nobody has final authority now). */
    to: string[];
}

/** A holder's levels on one decision, before and after, during a span (the final level is reported as a transfer). */
export interface LevelChange {
    holder: string;
    span: PhaseSpan;
    /** For a decision with cases: the case it changed in; absent when in every case. */
    case?: string;
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
    /** Vetoes (levels the scheme marks `veto`, such as `agree`) gained or lost, also listed in `levels`. */
    vetoes: VetoChange[];
    properties: PropertyChange[];
}

/** A holder who can now block a decision, or no longer can. */
export interface VetoChange {
    holder: string;
    span: PhaseSpan;
    /** For a decision with cases: the case it changed in; absent when in every case. */
    case?: string;
    /** The level that carries the veto (`agree`) and what the scheme says it means. */
    level: string;
    levelTitle: string;
    added: boolean;
}

export interface HolderChange {
    kind: ChangeKind;
    type: 'role' | 'team';
    name: string;
    oldName?: string;
    title: string;
    properties: PropertyChange[];
    /** For a team whose rule or members changed: the decisions it has the final say on (new names). */
    decides?: string[];
}

export interface MapChange {
    kind: ChangeKind;
    name: string;
    /** The old name of a renamed map. */
    oldName?: string;
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
    /** For a problem found in both versions with another severity: the severity it had. */
    was?: string;
}

/** Why a comparison may miss or misreport changes: a side with syntax errors, an unusable remit.json. */
export interface IncompleteNote {
    /** Which version: 'before' or 'after'. */
    side: 'before' | 'after';
    /** How the version is called: a revision such as `HEAD~1`, or "the working tree". */
    label: string;
    reason: 'syntax' | 'config';
    uri?: string;
    line?: number;
    message: string;
}

/** The kinds of change, in the order the summary gives them and `--fail-on` names them. */
export type ChangeCategory = 'transfer' | 'veto' | 'removal' | 'problem' | 'other';

/** One row of the summary: how many changes of one kind, and what they are. */
export interface SummaryRow {
    category: ChangeCategory;
    count: number;
    /** "2 decisions", "1 added, 1 removed", "1 role renamed, 1 doc comment changed". */
    detail: string;
}

/** What a change means for one role or team: the decisions it gained or lost a say in. */
export interface HolderImpact {
    name: string;
    title: string;
    type: 'role' | 'team';
    /** Decisions it holds final authority over (in some phase), before and after. */
    finalBefore: number;
    finalAfter: number;
    changes: Array<{ decision: string; what: string }>;
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
    mapsRenamed: number;
    schemesChanged: number;
    schemesRemoved: number;
    levelsAdded: number;
    levelsRemoved: number;
    vetoesAdded: number;
    vetoesRemoved: number;
    domainMoves: number;
    docChanges: number;
    settingsChanged: number;
    problemsChangedSeverity: number;
    statusChanges: number;
    sourceChanges: number;
    problemsIntroduced: number;
    problemsResolved: number;
}

export interface AuthorityDiff {
    /** One line: "1 decision changed hands, 1 veto added, 1 removal, 2 other changes." */
    summary: string;
    /** The summary as rows in a fixed order: transfer, veto, removal, problem, other. */
    overview: SummaryRow[];
    /** Reasons the comparison may be incomplete; shown first. */
    incomplete: IncompleteNote[];
    counts: DiffCounts;
    /** Rule settings (remit.json) that changed: `rule vacant-final-authority: warning -> error`. */
    settings: PropertyChange[];
    maps: MapChange[];
    schemes: SchemeChange[];
    holders: HolderChange[];
    decisions: DecisionChange[];
    problems: { introduced: ProblemRef[]; resolved: ProblemRef[]; changedSeverity: ProblemRef[] };
    /** Per role and team, what changed for it (`remit diff --by role`). */
    byHolder: HolderImpact[];
    /** Titles of the maps, roles, teams, decisions and domains named in the diff (both versions). */
    titles: Record<string, string>;
}
