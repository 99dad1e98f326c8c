import type { AuthorityDiff, ChangeCategory, DiffCounts, SummaryRow } from './types.js';

type Parts = Pick<AuthorityDiff, 'maps' | 'schemes' | 'holders' | 'decisions' | 'problems' | 'settings'>;

export function countChanges(diff: Parts): DiffCounts {
    const decisions = (kind: string) => diff.decisions.filter(d => d.kind === kind).length;
    const holders = (type: string, kind: string) => diff.holders.filter(h => h.type === type && h.kind === kind).length;
    const matched = diff.decisions.filter(d => d.kind === 'changed' || d.kind === 'renamed');
    const levelProperties = diff.schemes.filter(s => s.kind === 'changed').flatMap(s => s.properties.filter(p => p.property.startsWith('level ')));
    const vetoes = diff.decisions.filter(d => d.kind !== 'removed').flatMap(d => d.vetoes);
    return {
        decisionsChangedHands: matched.filter(d => d.transfers.length > 0).length,
        decisionsRemoved: decisions('removed'),
        decisionsAdded: decisions('added'),
        decisionsRenamed: decisions('renamed'),
        // A renamed decision counts as changed only when more than its name and title changed.
        // A decision that moved final authority or a veto is counted in those rows only.
        decisionsChanged: matched.filter(d => d.transfers.length === 0 && d.vetoes.length === 0
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
        mapsRenamed: diff.maps.filter(m => m.kind === 'renamed').length,
        schemesChanged: diff.schemes.length,
        schemesRemoved: diff.schemes.filter(s => s.kind === 'removed').length,
        levelsAdded: levelProperties.filter(p => p.from === undefined).length,
        levelsRemoved: levelProperties.filter(p => p.to === undefined).length,
        vetoesAdded: vetoes.filter(v => v.added).length,
        vetoesRemoved: vetoes.filter(v => !v.added).length,
        domainMoves: matched.filter(d => d.properties.some(p => p.property === 'domain')).length,
        docChanges: [...matched, ...diff.holders, ...diff.maps].filter(e => e.properties.some(p => p.property === 'doc')).length,
        settingsChanged: diff.settings.length,
        statusChanges: matched.filter(d => d.properties.some(p => p.property === 'status')).length,
        sourceChanges: matched.filter(d => d.properties.some(p => p.property === 'source')).length,
        problemsIntroduced: diff.problems.introduced.length,
        problemsResolved: diff.problems.resolved.length,
        problemsChangedSeverity: diff.problems.changedSeverity.length
    };
}

const RANK: Record<string, number> = { off: 0, hint: 1, info: 1, warning: 2, error: 3 };

/**
 * The summary rows, always the same five in the same order (like a plan's summary): final
 * authority moved, vetoes added or removed, removals, new problems, other changes.
 */
export function overview(c: DiffCounts): SummaryRow[] {
    const phrase = (parts: Array<[number, string, string]>) => parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
    const removals = c.decisionsRemoved + c.rolesRemoved + c.teamsRemoved + c.mapsRemoved + c.schemesRemoved + c.levelsRemoved;
    const other: Array<[number, string, string]> = [
        [c.decisionsChanged, 'decision changed', 'decisions changed'],
        [c.decisionsAdded, 'decision added', 'decisions added'],
        [c.decisionsRenamed, 'decision renamed', 'decisions renamed'],
        [c.domainMoves, 'decision moved to another domain', 'decisions moved to another domain'],
        [c.rolesAdded, 'role added', 'roles added'],
        [c.rolesRenamed, 'role renamed', 'roles renamed'],
        [c.rolesChanged, 'role changed', 'roles changed'],
        [c.teamsAdded, 'team added', 'teams added'],
        [c.teamsRenamed, 'team renamed', 'teams renamed'],
        [c.teamsChanged, 'team changed', 'teams changed'],
        [c.mapsAdded, 'map added', 'maps added'],
        [c.mapsRenamed, 'map renamed', 'maps renamed'],
        [c.mapsChanged, 'map changed', 'maps changed'],
        [c.levelsAdded, 'level added', 'levels added'],
        [c.docChanges, 'doc comment changed', 'doc comments changed'],
        [c.settingsChanged, 'rule setting changed', 'rule settings changed'],
        [c.problemsResolved, 'problem resolved', 'problems resolved']
    ];
    // Doc comments and domain moves are counted on elements already counted as changed: the "other" total counts elements.
    const otherCount = c.decisionsChanged + c.decisionsAdded + c.decisionsRenamed + c.rolesAdded + c.rolesRenamed + c.rolesChanged
        + c.teamsAdded + c.teamsRenamed + c.teamsChanged + c.mapsAdded + c.mapsRenamed + c.mapsChanged
        + diffSchemesOther(c) + c.settingsChanged + c.problemsResolved;
    return [
        { category: 'transfer', count: c.decisionsChangedHands, detail: phrase([[c.decisionsChangedHands, 'decision changed hands', 'decisions changed hands']]) },
        { category: 'veto', count: c.vetoesAdded + c.vetoesRemoved, detail: phrase([[c.vetoesAdded, 'veto added', 'vetoes added'], [c.vetoesRemoved, 'veto removed', 'vetoes removed']]) },
        {
            category: 'removal', count: removals, detail: phrase([
                [c.decisionsRemoved, 'decision removed', 'decisions removed'], [c.rolesRemoved, 'role removed', 'roles removed'],
                [c.teamsRemoved, 'team removed', 'teams removed'], [c.mapsRemoved, 'map removed', 'maps removed'],
                [c.schemesRemoved, 'level scheme removed', 'level schemes removed'], [c.levelsRemoved, 'level removed', 'levels removed']
            ])
        },
        {
            category: 'problem', count: c.problemsIntroduced + c.problemsChangedSeverity, detail: phrase([
                [c.problemsIntroduced, 'new problem', 'new problems'], [c.problemsChangedSeverity, 'problem with a new severity', 'problems with a new severity']
            ])
        },
        { category: 'other', count: otherCount, detail: phrase(other) }
    ];
}

export const CATEGORY_LABELS: Record<ChangeCategory, string> = {
    transfer: 'Final authority moved',
    veto: 'Vetoes added or removed',
    removal: 'Removals',
    problem: 'New problems',
    other: 'Other changes'
};

/** The one line a reviewer reads first: the non-empty rows, in their fixed order. */
export function summarise(rows: readonly SummaryRow[]): string {
    const parts = rows.filter(r => r.count > 0).map(r => {
        switch (r.category) {
            case 'transfer': return r.detail;
            case 'veto': return r.detail;
            case 'removal': return r.detail;
            case 'problem': return r.detail;
            default: return `${r.count} other ${r.count === 1 ? 'change' : 'changes'}`;
        }
    });
    return parts.length > 0 ? `${parts.join(', ')}.` : 'No change in authority.';
}

/** What `--fail-on` looks for: one of the summary's kinds of change, or `any`. */
export type FailOn = ChangeCategory | 'any';
export const FAIL_ON_VALUES: readonly FailOn[] = ['transfer', 'veto', 'removal', 'problem', 'any'];

/**
 * Whether the diff holds a change of one of the kinds. `problem` is a new problem, or one
 * whose severity rose; `any` is any change at all, new problems included.
 */
export function hasChange(diff: AuthorityDiff, kinds: FailOn | readonly FailOn[]): boolean {
    const list = typeof kinds === 'string' ? [kinds] : kinds;
    const count = (category: ChangeCategory) => diff.overview.find(r => r.category === category)?.count ?? 0;
    return list.some(kind => {
        if (kind === 'any') {
            return diff.maps.length + diff.schemes.length + diff.holders.length + diff.decisions.length
                + diff.problems.introduced.length + diff.problems.changedSeverity.length + diff.settings.length > 0;
        }
        if (kind === 'problem') {
            return diff.problems.introduced.length > 0
                || diff.problems.changedSeverity.some(p => (RANK[p.severity] ?? 0) > (RANK[p.was ?? ''] ?? 0));
        }
        return count(kind) > 0;
    });
}

/** Scheme changes other than removals: a scheme added or changed counts once, however many levels it gained. */
function diffSchemesOther(c: DiffCounts): number {
    return c.schemesChanged - c.schemesRemoved;
}
