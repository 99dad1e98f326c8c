import type { DecisionModel, MapModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { DecisionChange, HolderImpact } from './types.js';

/**
 * What the changes mean for each role and team ("what changed for me"): how many decisions
 * it has the final say on before and after, and one line per decision where its say
 * changed. Read from the diff's own decision changes, so it can never disagree with them.
 */
export function holderImpacts(
    decisions: readonly DecisionChange[], before: WorkspaceModel, after: WorkspaceModel,
    renameHolder: (name: string) => string, titles: Record<string, string>
): HolderImpact[] {
    const finalBefore = finalCounts(before, renameHolder);
    const finalAfter = finalCounts(after, n => n);
    const changes = new Map<string, Array<{ decision: string; what: string }>>();
    const note = (holder: string, decision: string, what: string) => {
        const list = changes.get(holder) ?? [];
        list.push({ decision, what });
        changes.set(holder, list);
    };
    const span = (s: string | undefined) => (s ? ` (${s})` : '');
    for (const d of decisions) {
        if (d.kind === 'added' || d.kind === 'removed') {
            for (const line of d.authority ?? []) {
                const when = [line.from && `from ${line.from}`, line.until && `until ${line.until}`].filter(Boolean).join(' ');
                for (const h of line.holders) {
                    const holder = d.kind === 'removed' ? renameHolder(h) : h;
                    note(holder, d.name, d.kind === 'added' ? `${line.level} on a new decision${span(when)}` : `loses ${line.level}: the decision is removed${span(when)}`);
                }
            }
            continue;
        }
        for (const t of d.transfers) {
            for (const h of t.to.filter(h => !t.from.includes(h))) note(h, d.name, `now has the final say${span(t.span)}`);
            for (const h of t.from.filter(h => !t.to.includes(h))) note(h, d.name, `no longer has the final say${span(t.span)}`);
        }
        for (const l of d.levels) {
            const veto = (level: string) => (d.vetoes.some(v => v.holder === l.holder && v.level === level) ? `${level} (a veto: can block it)` : level);
            const parts = [
                ...(l.gained.length > 0 ? [`now ${l.gained.map(veto).join(', ')}`] : []),
                ...(l.lost.length > 0 ? [`no longer ${l.lost.map(veto).join(', ')}`] : [])
            ];
            note(l.holder, d.name, `${parts.join('; ')}${span(l.span)}`);
        }
    }
    const names = new Set([...changes.keys(), ...finalBefore.keys(), ...finalAfter.keys()]);
    const impacts: HolderImpact[] = [];
    for (const name of names) {
        const a = finalBefore.get(name) ?? 0;
        const b = finalAfter.get(name) ?? 0;
        const list = changes.get(name) ?? [];
        if (list.length === 0 && a === b) continue;
        const holder = after.holder(name) ?? before.holder(name);
        impacts.push({
            name, title: titles[name] ?? name, type: holder?.type ?? 'role', finalBefore: a, finalAfter: b,
            changes: list.sort((x, y) => (titles[x.decision] ?? x.decision).localeCompare(titles[y.decision] ?? y.decision))
        });
    }
    return impacts.sort((x, y) => Math.abs(y.finalAfter - y.finalBefore) - Math.abs(x.finalAfter - x.finalBefore)
        || y.changes.length - x.changes.length || x.title.localeCompare(y.title));
}

/** For each holder, the number of decisions it has the final say on in some phase. */
function finalCounts(model: WorkspaceModel, rename: (n: string) => string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const map of model.maps) {
        const final = finalLevelOf(map);
        for (const decision of map.decisions) {
            for (const h of finalHolders(decision, final)) counts.set(rename(h), (counts.get(rename(h)) ?? 0) + 1);
        }
    }
    return counts;
}

function finalLevelOf(map: MapModel): string | undefined {
    return map.scheme.levels.find(l => l.final)?.name;
}

function finalHolders(decision: DecisionModel, final: string | undefined): Set<string> {
    return new Set(decision.assignments.filter(a => a.level === final).flatMap(a => a.holders));
}
