import type { AuthorityDiff, DiffCounts } from './types.js';

type Parts = Pick<AuthorityDiff, 'maps' | 'schemes' | 'holders' | 'decisions' | 'problems'>;

export function countChanges(diff: Parts): DiffCounts {
    const decisions = (kind: string) => diff.decisions.filter(d => d.kind === kind).length;
    const holders = (type: string, kind: string) => diff.holders.filter(h => h.type === type && h.kind === kind).length;
    const matched = diff.decisions.filter(d => d.kind === 'changed' || d.kind === 'renamed');
    return {
        decisionsChangedHands: matched.filter(d => d.transfers.length > 0).length,
        decisionsRemoved: decisions('removed'),
        decisionsAdded: decisions('added'),
        decisionsRenamed: decisions('renamed'),
        // A renamed decision counts as changed only when more than its name and title changed.
        decisionsChanged: matched.filter(d => d.transfers.length === 0
            && (d.kind === 'changed' || d.levels.length + d.bounds.length + d.properties.filter(p => p.property !== 'title').length > 0)).length,
        rolesRemoved: holders('role', 'removed'),
        rolesAdded: holders('role', 'added'),
        rolesRenamed: holders('role', 'renamed'),
        rolesChanged: holders('role', 'changed'),
        teamsRemoved: holders('team', 'removed'),
        teamsAdded: holders('team', 'added'),
        teamsRenamed: holders('team', 'renamed'),
        teamsChanged: holders('team', 'changed'),
        mapsRemoved: diff.maps.filter(m => m.kind === 'removed').length,
        mapsAdded: diff.maps.filter(m => m.kind === 'added').length,
        mapsChanged: diff.maps.filter(m => m.kind === 'changed').length,
        schemesChanged: diff.schemes.length,
        statusChanges: matched.filter(d => d.properties.some(p => p.property === 'status')).length,
        sourceChanges: matched.filter(d => d.properties.some(p => p.property === 'source')).length,
        problemsIntroduced: diff.problems.introduced.length,
        problemsResolved: diff.problems.resolved.length
    };
}

/** The sentence a reviewer reads first. Removals come right after transfers of final authority. */
export function summarise(counts: DiffCounts): string {
    const parts: string[] = [];
    const add = (n: number, one: string, many: string, what: string) => {
        if (n > 0) parts.push(`${n} ${n === 1 ? one : many} ${what}`);
    };
    add(counts.decisionsChangedHands, 'decision', 'decisions', 'changed hands');
    add(counts.decisionsRemoved, 'decision', 'decisions', 'removed');
    add(counts.rolesRemoved, 'role', 'roles', 'removed');
    add(counts.teamsRemoved, 'team', 'teams', 'removed');
    add(counts.mapsRemoved, 'map', 'maps', 'removed');
    add(counts.decisionsChanged, 'other decision', 'other decisions', 'changed');
    add(counts.decisionsAdded, 'decision', 'decisions', 'added');
    add(counts.decisionsRenamed, 'decision', 'decisions', 'renamed');
    add(counts.rolesAdded, 'role', 'roles', 'added');
    add(counts.rolesRenamed, 'role', 'roles', 'renamed');
    add(counts.rolesChanged, 'role', 'roles', 'changed');
    add(counts.teamsAdded, 'team', 'teams', 'added');
    add(counts.teamsRenamed, 'team', 'teams', 'renamed');
    add(counts.teamsChanged, 'team', 'teams', 'changed');
    add(counts.mapsAdded, 'map', 'maps', 'added');
    add(counts.mapsChanged, 'map', 'maps', 'changed');
    add(counts.schemesChanged, 'level scheme', 'level schemes', 'changed');
    const authority = parts.length > 0 ? parts.join(', ') : 'No change in authority';
    const problems: string[] = [];
    add2(problems, counts.problemsIntroduced, 'new problem', 'new problems');
    add2(problems, counts.problemsResolved, 'problem resolved', 'problems resolved');
    return problems.length > 0 ? `${authority}; ${problems.join(', ')}.` : `${authority}.`;
}

function add2(into: string[], n: number, one: string, many: string): void {
    if (n > 0) into.push(`${n} ${n === 1 ? one : many}`);
}

/** What `--fail-on` looks for. */
export type FailOn = 'transfer' | 'removal' | 'any';

export function hasChange(diff: AuthorityDiff, kind: FailOn): boolean {
    const c = diff.counts;
    const removals = c.decisionsRemoved + c.rolesRemoved + c.teamsRemoved + c.mapsRemoved
        + diff.schemes.filter(s => s.kind === 'removed').length;
    if (kind === 'transfer') return c.decisionsChangedHands > 0;
    if (kind === 'removal') return removals > 0;
    return diff.maps.length + diff.schemes.length + diff.holders.length + diff.decisions.length + diff.problems.introduced.length > 0;
}
