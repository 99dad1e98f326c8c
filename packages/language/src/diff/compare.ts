import type { DecisionModel, HolderModel, MapModel, RoleModel, SchemeModel, TeamModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { RemitDiagnostic } from '../workspace/diagnostics.js';
import { authorityLines, authoritySignature, compareAuthority } from './decision-authority.js';
import { matchRenames } from './renames.js';
import { countChanges, summarise } from './summary.js';
import type { AuthorityDiff, DecisionChange, HolderChange, MapChange, ProblemRef, PropertyChange, SchemeChange } from './types.js';

/** One version of the maps: the checked model and, optionally, what `remit check` said about it. */
export interface DiffSide {
    model: WorkspaceModel;
    diagnostics?: readonly RemitDiagnostic[];
}

/**
 * What changed between two versions of a set of maps, by meaning: layout, comments and
 * the order of elements are not changes; a role or decision with a new name but the same
 * title (or the same authority) is a rename, not a removal and an addition.
 */
export function diffWorkspaces(before: DiffSide, after: DiffSide): AuthorityDiff {
    const oldMaps = before.model.maps;
    const newMaps = after.model.maps;

    const oldHolders = oldMaps.flatMap(m => [...m.roles, ...m.teams]);
    const newHolders = newMaps.flatMap(m => [...m.roles, ...m.teams]);
    const holderRenames = matchRenames(oldHolders, newHolders, h => h.qualifiedName, [
        (a, b) => a.type === b.type && a.title !== '' && a.title === b.title,
        (a, b) => a.type === b.type && holderSignature(a) !== '' && holderSignature(a) === holderSignature(b)
    ]);
    const renameHolder = (name: string) => holderRenames.get(name) ?? name;

    const oldDecisions = oldMaps.flatMap(m => m.decisions);
    const newDecisions = newMaps.flatMap(m => m.decisions);
    // Signatures are computed once per decision: rename matching compares many pairs.
    const oldSignature = memo((d: DecisionModel) => authoritySignature(d, renameHolder));
    const newSignature = memo((d: DecisionModel) => authoritySignature(d, n => n));
    const decisionRenames = matchRenames(oldDecisions, newDecisions, d => d.qualifiedName, [
        (a, b) => a.title !== '' && a.title === b.title,
        (a, b) => a.assignments.length > 0 && oldSignature(a) === newSignature(b)
    ]);
    const renameDecision = (name: string) => decisionRenames.get(name) ?? name;

    const holders = compareHolders(oldHolders, newHolders, holderRenames, renameHolder);
    const decisions: DecisionChange[] = [];
    const newByName = new Map(newDecisions.map(d => [d.qualifiedName, d]));
    const matched = new Set<string>();
    for (const old of oldDecisions) {
        const newName = renameDecision(old.qualifiedName);
        const current = newByName.get(newName);
        if (!current) {
            decisions.push({
                kind: 'removed', name: old.qualifiedName, title: old.title, authority: authorityLines(old),
                transfers: [], levels: [], bounds: [], properties: []
            });
            continue;
        }
        matched.add(newName);
        const change = compareDecision(old, current, before.model, after.model, renameHolder, renameDecision);
        const renamed = newName !== old.qualifiedName;
        if (renamed) decisions.push({ ...change, kind: 'renamed', oldName: old.qualifiedName });
        else if (change.transfers.length + change.levels.length + change.bounds.length + change.properties.length > 0) decisions.push(change);
    }
    for (const added of newDecisions) {
        if (matched.has(added.qualifiedName)) continue;
        decisions.push({
            kind: 'added', name: added.qualifiedName, title: added.title, authority: authorityLines(added),
            transfers: [], levels: [], bounds: [], properties: []
        });
    }

    const maps = compareMaps(oldMaps, newMaps);
    const schemes = compareSchemes(oldMaps.flatMap(m => m.schemes), newMaps.flatMap(m => m.schemes));
    const problems = compareProblems(before.diagnostics ?? [], after.diagnostics ?? [], name => renameHolder(renameDecision(name)));
    const diff = { summary: '', counts: countChanges({ maps, schemes, holders, decisions, problems }), maps, schemes, holders, decisions: sortChanges(decisions), problems };
    diff.summary = summarise(diff.counts);
    return diff;
}

function compareDecision(
    old: DecisionModel, current: DecisionModel, before: WorkspaceModel, after: WorkspaceModel,
    renameHolder: (n: string) => string, renameDecision: (n: string) => string
): DecisionChange {
    const oldMap = before.mapOf(old.qualifiedName)!;
    const newMap = after.mapOf(current.qualifiedName)!;
    const authority = compareAuthority(
        { decision: old, map: oldMap, rename: renameHolder },
        { decision: current, map: newMap, rename: n => n }
    );
    const properties: PropertyChange[] = [];
    property(properties, 'title', old.title, current.title);
    property(properties, 'status', old.status, current.status);
    property(properties, 'source', old.source, current.source);
    property(properties, 'after', list(old.after.map(renameDecision)), list(current.after));
    property(properties, 'escalate', old.escalate && renameHolder(old.escalate), current.escalate);
    property(properties, 'review', old.review, current.review);
    property(properties, 'pattern', old.pattern, current.pattern);
    property(properties, 'cases', caseText(old, renameHolder), caseText(current, n => n));
    property(properties, 'fallback', fallbackText(old), fallbackText(current));
    property(properties, 'binding', old.binding, current.binding);
    property(properties, 'overrides', old.overrides, current.overrides);
    return { kind: 'changed', name: current.qualifiedName, title: current.title, ...authority, properties };
}

function compareHolders(
    olds: readonly HolderModel[], news: readonly HolderModel[],
    renames: ReadonlyMap<string, string>, rename: (n: string) => string
): HolderChange[] {
    const changes: HolderChange[] = [];
    const newByName = new Map(news.map(h => [h.qualifiedName, h]));
    const matched = new Set<string>();
    for (const old of olds) {
        const newName = renames.get(old.qualifiedName) ?? old.qualifiedName;
        const current = newByName.get(newName);
        if (!current || current.type !== old.type) {
            changes.push({ kind: 'removed', type: old.type, name: old.qualifiedName, title: old.title, properties: [] });
            continue;
        }
        matched.add(newName);
        const properties = holderProperties(old, current, rename);
        if (newName !== old.qualifiedName) {
            changes.push({ kind: 'renamed', type: current.type, name: newName, oldName: old.qualifiedName, title: current.title, properties });
        } else if (properties.length > 0) {
            changes.push({ kind: 'changed', type: current.type, name: newName, title: current.title, properties });
        }
    }
    for (const added of news) {
        if (!matched.has(added.qualifiedName)) changes.push({ kind: 'added', type: added.type, name: added.qualifiedName, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

function holderProperties(old: HolderModel, current: HolderModel, rename: (n: string) => string): PropertyChange[] {
    const properties: PropertyChange[] = [];
    property(properties, 'title', old.title, current.title);
    property(properties, 'requires', old.requires, current.requires);
    if (old.type === 'role' && current.type === 'role') {
        property(properties, 'kind', old.kind, current.kind);
        property(properties, 'holders', list(old.people), list(current.people));
        property(properties, 'seats', num(old.seats), num(current.seats));
        property(properties, 'vacant', old.vacant ? 'vacant' : undefined, current.vacant ? 'vacant' : undefined);
        property(properties, 'release', old.release !== undefined ? `${old.release}%` : undefined, current.release !== undefined ? `${current.release}%` : undefined);
        property(properties, 'backup', old.backup && rename(old.backup), current.backup);
        property(properties, 'reports', old.reports && rename(old.reports), current.reports);
    } else if (old.type === 'team' && current.type === 'team') {
        property(properties, 'members', list([...old.members.map(rename)].sort()), list([...current.members].sort()));
        property(properties, 'advisory', list([...old.advisory.map(rename)].sort()), list([...current.advisory].sort()));
        property(properties, 'chair', old.chair && rename(old.chair), current.chair);
        property(properties, 'rule', ruleText(old), ruleText(current));
    }
    return properties;
}

function compareMaps(olds: readonly MapModel[], news: readonly MapModel[]): MapChange[] {
    const changes: MapChange[] = [];
    const newByName = new Map(news.map(m => [m.name, m]));
    for (const old of olds) {
        const current = newByName.get(old.name);
        if (!current) {
            changes.push({ kind: 'removed', name: old.name, title: old.title, properties: [] });
            continue;
        }
        const properties: PropertyChange[] = [];
        property(properties, 'title', old.title, current.title);
        property(properties, 'uses', old.scheme.qualifiedName, current.scheme.qualifiedName);
        property(properties, 'under', old.under, current.under);
        property(properties, 'status', old.status, current.status);
        property(properties, 'phases', list(old.phases.map(p => p.name)), list(current.phases.map(p => p.name)));
        for (const phase of current.phases) {
            const was = old.phases.find(p => p.name === phase.name);
            if (was) property(properties, `phase ${phase.name}`, phaseText(was), phaseText(phase));
        }
        if (properties.length > 0) changes.push({ kind: 'changed', name: current.name, title: current.title, properties });
    }
    for (const added of news) {
        if (!olds.some(m => m.name === added.name)) changes.push({ kind: 'added', name: added.name, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

function compareSchemes(olds: readonly SchemeModel[], news: readonly SchemeModel[]): SchemeChange[] {
    const changes: SchemeChange[] = [];
    for (const old of olds) {
        const current = news.find(s => s.qualifiedName === old.qualifiedName);
        if (!current) {
            changes.push({ kind: 'removed', name: old.qualifiedName, title: old.title, properties: [] });
            continue;
        }
        const properties: PropertyChange[] = [];
        property(properties, 'title', old.title, current.title);
        property(properties, 'levels', list(old.levels.map(l => l.name)), list(current.levels.map(l => l.name)));
        for (const level of current.levels) {
            const was = old.levels.find(l => l.name === level.name);
            if (was) property(properties, `level ${level.name}`, levelText(was), levelText(level));
        }
        if (properties.length > 0) changes.push({ kind: 'changed', name: current.qualifiedName, title: current.title, properties });
    }
    for (const added of news) {
        if (!olds.some(s => s.qualifiedName === added.qualifiedName)) changes.push({ kind: 'added', name: added.qualifiedName, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

/**
 * Problems are the same when rule and element are (the element under its new name, the
 * message only for problems without an element): moving a line or renaming a role is not
 * a new problem. Counted, so a second problem of one kind on one element still shows.
 */
function compareProblems(before: readonly RemitDiagnostic[], after: readonly RemitDiagnostic[], rename: (name: string) => string): AuthorityDiff['problems'] {
    const key = (d: RemitDiagnostic, renamed: boolean) => {
        const element = d.element && renamed ? rename(d.element) : d.element;
        return `${d.code}\u0000${element ?? ''}\u0000${element ? '' : d.message}`;
    };
    const ref = (d: RemitDiagnostic): ProblemRef => ({
        code: d.code, severity: d.severity, ...(d.element ? { element: d.element } : {}), message: d.message, uri: d.uri, line: d.line
    });
    const unmatched = (from: readonly RemitDiagnostic[], fromRenamed: boolean, against: readonly RemitDiagnostic[], againstRenamed: boolean) => {
        const counts = new Map<string, number>();
        for (const d of against) counts.set(key(d, againstRenamed), (counts.get(key(d, againstRenamed)) ?? 0) + 1);
        return from.filter(d => {
            const n = counts.get(key(d, fromRenamed)) ?? 0;
            if (n > 0) counts.set(key(d, fromRenamed), n - 1);
            return n === 0;
        }).map(ref);
    };
    return { introduced: unmatched(after, false, before, true), resolved: unmatched(before, true, after, false) };
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
    const cache = new Map<K, V>();
    return key => {
        if (!cache.has(key)) cache.set(key, compute(key));
        return cache.get(key)!;
    };
}

function holderSignature(holder: HolderModel): string {
    if (holder.type === 'role') {
        const role = holder as RoleModel;
        if (role.people.length === 0) return '';
        return `role ${role.kind ?? ''} ${role.people.join(',')}`;
    }
    const team = holder as TeamModel;
    return team.members.length > 0 ? `team ${[...team.members].sort().join(',')}` : '';
}

function ruleText(team: TeamModel): string | undefined {
    if (!team.rule) return undefined;
    const steps = team.rule.steps ?? [team.rule];
    return steps.map(s => (s.kind === 'vote' ? `vote ${s.needed}/${s.of}` : s.kind)).join(' then ');
}

/** Who holds what in which case (`when`): a change of case is a change of authority. */
function caseText(decision: DecisionModel, rename: (name: string) => string): string | undefined {
    const lines = decision.assignments
        .filter(a => a.when !== undefined)
        .flatMap(a => a.holders.map(h => `${a.level} ${rename(h)} when "${a.when}"`))
        .sort();
    return lines.length ? lines.join('; ') : undefined;
}

function fallbackText(decision: DecisionModel): string | undefined {
    if (decision.fallback === undefined) return undefined;
    return `"${decision.fallback}"${decision.fallbackBy !== undefined ? ` by "${decision.fallbackBy}"` : ''}`;
}

function phaseText(phase: MapModel['phases'][number]): string {
    const d = phase.duration;
    const duration = d ? ` ${d.min}${d.max !== undefined ? `..${d.max}` : ''} ${d.unit}` : '';
    return `"${phase.title}"${duration}`;
}

function levelText(level: SchemeModel['levels'][number]): string {
    const flags = [level.final && 'final', level.veto && 'veto', level.required && 'required'].filter(Boolean);
    return [`"${level.title}"`, ...flags].join(' ');
}

function property(into: PropertyChange[], name: string, from: string | undefined, to: string | undefined): void {
    const a = from === '' ? undefined : from;
    const b = to === '' ? undefined : to;
    if (a !== b) into.push({ property: name, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) });
}

function list(values: readonly string[]): string | undefined {
    return values.length > 0 ? values.join(', ') : undefined;
}

function num(value: number | undefined): string | undefined {
    return value === undefined ? undefined : String(value);
}

/** Removals first (they must never hide at the bottom), then by name. */
function sortChanges<T extends { kind: string; name: string }>(changes: T[]): T[] {
    const order: Record<string, number> = { removed: 0, changed: 1, renamed: 2, added: 3 };
    return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}
