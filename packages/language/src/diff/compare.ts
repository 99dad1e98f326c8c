import type { RemitConfig } from '../config/remit-config.js';
import type { DecisionModel, HolderModel, MapModel, RoleModel, SchemeModel, TeamModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { mapNameOf } from '../references/names.js';
import { RULE_CODES } from '../validation/rule-catalog.js';
import type { RemitDiagnostic } from '../workspace/diagnostics.js';
import { authorityLines, authoritySignature, compareAuthority } from './decision-authority.js';
import { holderImpacts } from './impact.js';
import { matchRenames, similarTitles } from './renames.js';
import { countChanges, overview, summarise } from './summary.js';
import type {
    AuthorityDiff, DecisionChange, HolderChange, IncompleteNote, MapChange, ProblemRef, PropertyChange, SchemeChange, VetoChange
} from './types.js';
import { compareText } from '../utils/compare-text.js';
import { teamRuleText } from '../model/team-rule.js';

/** One version of the maps: the checked model and, optionally, what `remit check` said about it. */
export interface DiffSide {
    model: WorkspaceModel;
    diagnostics?: readonly RemitDiagnostic[];
    /** How the version is called in notes: `HEAD~1`, "the working tree". */
    label?: string;
    /** The rule settings this version was checked with (its own remit.json). */
    config?: RemitConfig;
    /** Why this version's remit.json could not be used (it was then checked with the defaults). */
    configError?: { uri?: string; line?: number; message: string };
}

/**
 * What changed between two versions of a set of maps, by meaning: layout, comments and
 * the order of elements are not changes. Renames are reported only on strong evidence
 * (see renames.ts): a map with a new name but the same title (or most of the same
 * elements) is one rename; inside a map, a role, team or decision with a new name and
 * the same title, or a similar title and the same assignments, is a rename; anything
 * less is a removal and an addition, so no removal is ever hidden.
 */
export function diffWorkspaces(before: DiffSide, after: DiffSide): AuthorityDiff {
    const oldMaps = before.model.maps;
    const newMaps = after.model.maps;

    const mapRenames = matchRenames(oldMaps, newMaps, m => m.name, [
        (a, b) => a.title !== '' && a.title === b.title,
        (a, b) => similarTitles(a.title, b.title) && sharedElements(a, b) >= 0.5
    ], name => name, false);
    /** An old qualified name as it reads after its map's rename (the same name when the map kept its name). */
    const carry = (name: string) => {
        const map = mapNameOf(name);
        const renamed = mapRenames.get(map);
        return renamed ? `${renamed}${name.slice(map.length)}` : name;
    };

    const oldHolders = oldMaps.flatMap(m => [...m.roles, ...m.teams]);
    const newHolders = newMaps.flatMap(m => [...m.roles, ...m.teams]);
    const oldUsage = memoUsage(oldMaps, carry);
    const newUsage = memoUsage(newMaps, n => n);
    const holderRenames = matchRenames(oldHolders, newHolders, h => h.qualifiedName, [
        (a, b) => a.type === b.type && a.title !== '' && a.title === b.title,
        (a, b) => a.type === b.type && similarTitles(a.title, b.title) && (
            (oldUsage(a.qualifiedName) !== '' && oldUsage(a.qualifiedName) === newUsage(b.qualifiedName))
            || (holderSignature(a, carry) !== '' && holderSignature(a, carry) === holderSignature(b, n => n)))
    ], carry);
    const renameHolder = (name: string) => holderRenames.get(name) ?? carry(name);

    const oldDecisions = oldMaps.flatMap(m => m.decisions);
    const newDecisions = newMaps.flatMap(m => m.decisions);
    // Signatures are computed once per decision: rename matching compares many pairs.
    const oldSignature = memo((d: DecisionModel) => authoritySignature(d, renameHolder));
    const newSignature = memo((d: DecisionModel) => authoritySignature(d, n => n));
    const decisionRenames = matchRenames(oldDecisions, newDecisions, d => d.qualifiedName, [
        (a, b) => a.title !== '' && a.title === b.title,
        (a, b) => a.assignments.length > 0 && similarTitles(a.title, b.title) && oldSignature(a) === newSignature(b)
    ], carry);
    const renameDecision = (name: string) => decisionRenames.get(name) ?? carry(name);
    const renameAny = (name: string) => holderRenames.get(name) ?? decisionRenames.get(name) ?? carry(name);

    const titles: Record<string, string> = {};
    for (const model of [before.model, after.model]) {
        for (const map of model.maps) {
            titles[map.name] = map.title;
            for (const element of [...map.roles, ...map.teams, ...map.decisions]) titles[element.qualifiedName] = element.title;
            const domains = [...map.domains];
            for (let domain = domains.shift(); domain; domain = domains.shift()) {
                titles[domain.qualifiedName] = domain.title;
                domains.push(...domain.domains);
            }
        }
    }

    const holders = compareHolders(oldHolders, newHolders, renameHolder, after.model);
    const decisions: DecisionChange[] = [];
    const newByName = new Map(newDecisions.map(d => [d.qualifiedName, d]));
    const matched = new Set<string>();
    for (const old of oldDecisions) {
        const newName = renameDecision(old.qualifiedName);
        const current = newByName.get(newName);
        if (!current) {
            decisions.push({
                kind: 'removed', name: old.qualifiedName, title: old.title, authority: authorityLines(old),
                transfers: [], levels: [], bounds: [], vetoes: [], properties: []
            });
            continue;
        }
        matched.add(newName);
        const change = compareDecision(old, current, before.model, after.model, renameHolder, renameDecision, titles);
        // A decision whose map was renamed is not renamed itself: the map's rename says it.
        const renamed = newName !== carry(old.qualifiedName);
        if (renamed) decisions.push({ ...change, kind: 'renamed', oldName: old.qualifiedName });
        else if (change.transfers.length + change.levels.length + change.bounds.length + change.properties.length > 0) decisions.push(change);
    }
    for (const added of newDecisions) {
        if (matched.has(added.qualifiedName)) continue;
        const map = after.model.mapOf(added.qualifiedName);
        decisions.push({
            kind: 'added', name: added.qualifiedName, title: added.title, authority: authorityLines(added),
            transfers: [], levels: [], bounds: [], properties: [],
            vetoes: map ? vetoesOf(added, map) : []
        });
    }

    const maps = compareMaps(oldMaps, newMaps, mapRenames);
    const schemes = compareSchemes(oldMaps.flatMap(m => m.schemes), newMaps.flatMap(m => m.schemes), carry);
    const problems = compareProblems(before.diagnostics ?? [], after.diagnostics ?? [], renameAny);
    const settings = compareSettings(before.config, after.config);
    const incomplete = [...incompleteNotes(before, 'before'), ...incompleteNotes(after, 'after')];
    const sortedDecisions = sortChanges(decisions);
    const counts = countChanges({ maps, schemes, holders, decisions: sortedDecisions, problems, settings });
    const byHolder = holderImpacts(sortedDecisions, before.model, after.model, renameHolder, titles);
    const rows = overview(counts);
    return {
        summary: summarise(rows), overview: rows, incomplete, counts, settings,
        maps, schemes, holders, decisions: sortedDecisions, problems, byHolder, titles
    };
}

/** Share of a map's roles, teams and decisions (by plain name) the other map has too. */
function sharedElements(a: MapModel, b: MapModel): number {
    const names = (m: MapModel) => new Set([...m.roles, ...m.teams, ...m.decisions].map(e => e.name));
    const x = names(a);
    const y = names(b);
    if (x.size === 0 || y.size === 0) return 0;
    let shared = 0;
    for (const n of x) if (y.has(n)) shared++;
    return (2 * shared) / (x.size + y.size);
}

/** For each holder, the assignments that name it, as one comparable string (decisions by their carried names). */
function memoUsage(maps: readonly MapModel[], carry: (n: string) => string): (holder: string) => string {
    let usage: Map<string, string[]> | undefined;
    return holder => {
        if (!usage) {
            usage = new Map();
            for (const decision of maps.flatMap(m => m.decisions)) {
                for (const a of decision.assignments) {
                    for (const h of a.holders) {
                        const list = usage.get(h) ?? [];
                        list.push(`${carry(decision.qualifiedName)} ${a.level} ${a.from ?? ''} ${a.until ?? ''}`);
                        usage.set(h, list);
                    }
                }
            }
        }
        return [...(usage.get(holder) ?? [])].sort().join(';');
    };
}

function vetoesOf(decision: DecisionModel, map: MapModel): VetoChange[] {
    const vetoes = new Map(map.scheme.levels.filter(l => l.veto).map(l => [l.name, l.title]));
    return decision.assignments.filter(a => vetoes.has(a.level)).flatMap(a => a.holders.map(holder => ({
        holder, span: [a.from && `from ${a.from}`, a.until && `until ${a.until}`].filter(Boolean).join(' ') || undefined,
        level: a.level, levelTitle: vetoes.get(a.level) ?? '', added: true
    })));
}

function incompleteNotes(side: DiffSide, which: 'before' | 'after'): IncompleteNote[] {
    const label = side.label ?? (which === 'before' ? 'the old version' : 'the new version');
    const notes: IncompleteNote[] = [];
    if (side.configError) {
        notes.push({ side: which, label, reason: 'config', ...side.configError });
    }
    const seen = new Set<string>();
    for (const d of side.diagnostics ?? []) {
        if (d.code !== 'syntax-error' || seen.has(d.uri)) continue;
        seen.add(d.uri);
        notes.push({ side: which, label, reason: 'syntax', uri: d.uri, line: d.line, message: d.message });
    }
    return notes;
}

function compareSettings(before: RemitConfig | undefined, after: RemitConfig | undefined): PropertyChange[] {
    if (!before || !after) return [];
    const changes: PropertyChange[] = [];
    for (const code of RULE_CODES) property(changes, `rule ${code}`, before.severity(code), after.severity(code));
    return changes;
}

function compareDecision(
    old: DecisionModel, current: DecisionModel, before: WorkspaceModel, after: WorkspaceModel,
    renameHolder: (n: string) => string, renameDecision: (n: string) => string, titles: Record<string, string>
): DecisionChange {
    const oldMap = before.mapOf(old.qualifiedName)!;
    const newMap = after.mapOf(current.qualifiedName)!;
    const authority = compareAuthority(
        { decision: old, map: oldMap, rename: renameHolder },
        { decision: current, map: newMap, rename: n => n }
    );
    const oldVetoes = new Map(oldMap.scheme.levels.filter(l => l.veto).map(l => [l.name, l.title]));
    const newVetoes = new Map(newMap.scheme.levels.filter(l => l.veto).map(l => [l.name, l.title]));
    const vetoes: VetoChange[] = authority.levels.flatMap(l => [
        ...l.gained.filter(level => newVetoes.has(level)).map(level => ({ holder: l.holder, span: l.span, ...(l.case ? { case: l.case } : {}), level, levelTitle: newVetoes.get(level)!, added: true })),
        ...l.lost.filter(level => oldVetoes.has(level)).map(level => ({ holder: l.holder, span: l.span, ...(l.case ? { case: l.case } : {}), level, levelTitle: oldVetoes.get(level)!, added: false }))
    ]);
    const properties: PropertyChange[] = [];
    property(properties, 'title', old.title, current.title);
    const oldDomain = old.domainPath[old.domainPath.length - 1];
    const newDomain = current.domainPath[current.domainPath.length - 1];
    // A domain that only changed its name (same title) moves nothing.
    const oldDomainTitle = oldDomain && (titles[oldDomain] || oldDomain);
    const newDomainTitle = newDomain && (titles[newDomain] || newDomain);
    if (oldDomainTitle !== newDomainTitle) {
        keyed(properties, 'domain', oldDomainTitle, newDomainTitle, oldDomain && renameDecision(oldDomain), newDomain);
    }
    property(properties, 'status', old.status, current.status);
    property(properties, 'source', old.source, current.source);
    // Compared under new names, shown as each version wrote them: no name the old version never had.
    keyed(properties, 'after', list(old.after), list(current.after), list(old.after.map(renameDecision)), list(current.after));
    keyed(properties, 'escalate', old.escalate, current.escalate, old.escalate && renameHolder(old.escalate), current.escalate);
    property(properties, 'review', old.review, current.review);
    property(properties, 'pattern', old.pattern, current.pattern);
    property(properties, 'cases', caseText(old, renameHolder), caseText(current, n => n));
    property(properties, 'fallback', fallbackText(old), fallbackText(current));
    property(properties, 'binding', old.binding, current.binding);
    property(properties, 'overrides', old.overrides, current.overrides);
    property(properties, 'doc', doc(old.doc), doc(current.doc));
    return { kind: 'changed', name: current.qualifiedName, title: current.title, ...authority, vetoes, properties };
}

function compareHolders(
    olds: readonly HolderModel[], news: readonly HolderModel[], rename: (n: string) => string, after: WorkspaceModel
): HolderChange[] {
    const changes: HolderChange[] = [];
    const newByName = new Map(news.map(h => [h.qualifiedName, h]));
    const matched = new Set<string>();
    for (const old of olds) {
        const newName = rename(old.qualifiedName);
        const current = newByName.get(newName);
        if (!current || current.type !== old.type) {
            changes.push({ kind: 'removed', type: old.type, name: old.qualifiedName, title: old.title, properties: [] });
            continue;
        }
        matched.add(newName);
        const properties = holderProperties(old, current, rename);
        const decides = current.type === 'team' && properties.some(p => p.property === 'rule' || p.property === 'members')
            ? finalDecisionsOf(current.qualifiedName, after) : undefined;
        const extra = decides ? { decides } : {};
        if (holderRenamed(old.qualifiedName, newName)) {
            changes.push({ kind: 'renamed', type: current.type, name: newName, oldName: old.qualifiedName, title: current.title, properties, ...extra });
        } else if (properties.length > 0) {
            changes.push({ kind: 'changed', type: current.type, name: newName, title: current.title, properties, ...extra });
        }
    }
    for (const added of news) {
        if (!matched.has(added.qualifiedName)) changes.push({ kind: 'added', type: added.type, name: added.qualifiedName, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

/** Whether an element changed its own name (not only its map's). */
function holderRenamed(oldName: string, newName: string): boolean {
    return oldName.slice(mapNameOf(oldName).length) !== newName.slice(mapNameOf(newName).length);
}

/** The decisions a holder has the final say on, in some phase (new names). */
function finalDecisionsOf(holder: string, model: WorkspaceModel): string[] {
    const map = model.mapOf(holder);
    if (!map) return [];
    const final = map.scheme.levels.find(l => l.final)?.name;
    return model.maps.flatMap(m => m.decisions)
        .filter(d => d.assignments.some(a => a.level === (model.mapOf(d.qualifiedName)?.scheme.levels.find(l => l.final)?.name ?? final) && a.holders.includes(holder)))
        .map(d => d.qualifiedName);
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
        keyed(properties, 'backup', old.backup, current.backup, old.backup && rename(old.backup), current.backup);
        keyed(properties, 'reports', old.reports, current.reports, old.reports && rename(old.reports), current.reports);
    } else if (old.type === 'team' && current.type === 'team') {
        keyed(properties, 'members', list([...old.members].sort()), list([...current.members].sort()),
            list(old.members.map(rename).sort()), list([...current.members].sort()));
        keyed(properties, 'advisory', list([...old.advisory].sort()), list([...current.advisory].sort()),
            list(old.advisory.map(rename).sort()), list([...current.advisory].sort()));
        keyed(properties, 'chair', old.chair, current.chair, old.chair && rename(old.chair), current.chair);
        property(properties, 'rule', ruleText(old), ruleText(current));
    }
    property(properties, 'doc', doc(old.doc), doc(current.doc));
    return properties;
}

function compareMaps(olds: readonly MapModel[], news: readonly MapModel[], renames: ReadonlyMap<string, string>): MapChange[] {
    const changes: MapChange[] = [];
    const newByName = new Map(news.map(m => [m.name, m]));
    for (const old of olds) {
        const newName = renames.get(old.name) ?? old.name;
        const current = newByName.get(newName);
        if (!current) {
            changes.push({ kind: 'removed', name: old.name, title: old.title, properties: [] });
            continue;
        }
        const properties: PropertyChange[] = [];
        property(properties, 'title', old.title, current.title);
        const carry = (n: string) => (n.startsWith(`${old.name}.`) ? `${newName}${n.slice(old.name.length)}` : n);
        keyed(properties, 'uses', old.scheme.qualifiedName, current.scheme.qualifiedName, carry(old.scheme.qualifiedName), current.scheme.qualifiedName);
        property(properties, 'under', old.under, current.under);
        property(properties, 'status', old.status, current.status);
        property(properties, 'phases', list(old.phases.map(p => p.name)), list(current.phases.map(p => p.name)));
        for (const phase of current.phases) {
            const was = old.phases.find(p => p.name === phase.name);
            if (was) property(properties, `phase ${phase.name}`, phaseText(was), phaseText(phase));
        }
        property(properties, 'doc', doc(old.doc), doc(current.doc));
        if (newName !== old.name) changes.push({ kind: 'renamed', name: newName, oldName: old.name, title: current.title, properties });
        else if (properties.length > 0) changes.push({ kind: 'changed', name: current.name, title: current.title, properties });
    }
    const kept = new Set(olds.map(m => renames.get(m.name) ?? m.name));
    for (const added of news) {
        if (!kept.has(added.name)) changes.push({ kind: 'added', name: added.name, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

/** Levels are reported one by one: `level advise added`, `level agree: "..." veto -> "..."`. */
function compareSchemes(olds: readonly SchemeModel[], news: readonly SchemeModel[], carry: (n: string) => string): SchemeChange[] {
    const changes: SchemeChange[] = [];
    for (const old of olds) {
        const current = news.find(s => s.qualifiedName === carry(old.qualifiedName));
        if (!current) {
            changes.push({ kind: 'removed', name: old.qualifiedName, title: old.title, properties: [] });
            continue;
        }
        const properties: PropertyChange[] = [];
        property(properties, 'title', old.title, current.title);
        const common = (a: SchemeModel, b: SchemeModel) => a.levels.filter(l => b.levels.some(m => m.name === l.name)).map(l => l.name);
        property(properties, 'order', list(common(old, current)), list(common(current, old)));
        for (const level of old.levels) {
            if (!current.levels.some(l => l.name === level.name)) properties.push({ property: `level ${level.name}`, from: levelText(level) });
        }
        for (const level of current.levels) {
            const was = old.levels.find(l => l.name === level.name);
            if (was) property(properties, `level ${level.name}`, levelText(was), levelText(level));
            else properties.push({ property: `level ${level.name}`, to: levelText(level) });
        }
        if (properties.length > 0) changes.push({ kind: 'changed', name: current.qualifiedName, title: current.title, properties });
    }
    for (const added of news) {
        if (!olds.some(s => carry(s.qualifiedName) === added.qualifiedName)) changes.push({ kind: 'added', name: added.qualifiedName, title: added.title, properties: [] });
    }
    return sortChanges(changes);
}

/**
 * Problems are the same when rule and element are (the element under its new name, the
 * message only for problems without an element): moving a line or renaming a role is not
 * a new problem. Counted, so a second problem of one kind on one element still shows. A
 * problem found in both versions with another severity (remit.json changed) is listed
 * with the severity it had.
 */
function compareProblems(before: readonly RemitDiagnostic[], after: readonly RemitDiagnostic[], rename: (name: string) => string): AuthorityDiff['problems'] {
    const key = (d: RemitDiagnostic, renamed: boolean) => {
        const element = d.element && renamed ? rename(d.element) : d.element;
        return `${d.code}\u0000${element ?? ''}\u0000${element ? '' : d.message}`;
    };
    const ref = (d: RemitDiagnostic): ProblemRef => ({
        code: d.code, severity: d.severity, ...(d.element ? { element: d.element } : {}), message: d.message, uri: d.uri, line: d.line
    });
    const olds = new Map<string, RemitDiagnostic[]>();
    for (const d of before) olds.set(key(d, true), [...(olds.get(key(d, true)) ?? []), d]);
    const introduced: ProblemRef[] = [];
    const changedSeverity: ProblemRef[] = [];
    for (const d of after) {
        const candidates = olds.get(key(d, false));
        if (!candidates || candidates.length === 0) {
            introduced.push(ref(d));
            continue;
        }
        const same = candidates.findIndex(c => c.severity === d.severity);
        const [was] = candidates.splice(same >= 0 ? same : 0, 1);
        if (was.severity !== d.severity) changedSeverity.push({ ...ref(d), was: was.severity });
    }
    const resolved = [...olds.values()].flat().map(ref);
    return { introduced, resolved, changedSeverity };
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
    const cache = new Map<K, V>();
    return key => {
        if (!cache.has(key)) cache.set(key, compute(key));
        return cache.get(key)!;
    };
}

/** A role's kind and named people, or a team's members: evidence of a rename only together with a similar title. */
function holderSignature(holder: HolderModel, carry: (n: string) => string): string {
    if (holder.type === 'role') {
        const role = holder as RoleModel;
        if (role.people.length === 0) return '';
        return `role ${role.kind ?? ''} ${role.people.join(',')}`;
    }
    const team = holder as TeamModel;
    return team.members.length > 0 ? `team ${team.members.map(carry).sort().join(',')}` : '';
}

/** A doc comment's words, spacing aside. */
function doc(text: string | undefined): string | undefined {
    const flat = text?.replace(/\s+/g, ' ').trim();
    return flat ? flat : undefined;
}

function ruleText(team: TeamModel): string | undefined {
    return team.rule ? teamRuleText(team.rule) : undefined;
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

/** A property compared by `fromKey`/`toKey` (old names read as new) but shown as each version wrote it. */
function keyed(into: PropertyChange[], name: string, from: string | undefined, to: string | undefined, fromKey: string | undefined, toKey: string | undefined): void {
    const a = from === '' ? undefined : from;
    const b = to === '' ? undefined : to;
    if ((fromKey || undefined) !== (toKey || undefined)) into.push({ property: name, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) });
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
    return changes.sort((a, b) => order[a.kind] - order[b.kind] || compareText(a.name, b.name));
}
