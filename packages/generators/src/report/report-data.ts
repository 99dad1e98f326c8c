import type { MapView } from '../view-model.js';
import type { Finding } from '../findings.js';

/**
 * How leadership is distributed in a map: plain counts from the shared view. Which of
 * these are problems is the analysis's call; its findings are listed alongside.
 */
export interface ReportData {
    title: string;
    levels: string[];
    /** One row per role or team holding anything: how many decisions it holds at each level. */
    load: Array<{ name: string; label: string; kind: string; release?: number; counts: number[]; finalCount: number; total: number }>;
    /** Share of final authority by kind of holder, one entry per period (phase). */
    shares: Array<{ period: string; byKind: Array<{ kind: string; share: number; decisions: number }>; administratorOnly: number; total: number }>;
    kinds: string[];
    findings: { gaps: Finding[]; conflicts: Finding[]; overload: Finding[]; concentration: Finding[]; singlePoints: Finding[]; other: Finding[] };
}

const KIND_ORDER = ['administrator', 'teacher', 'staff', 'team', 'student', 'family', 'community', 'district', 'external', 'unspecified'];

export function buildReportData(view: MapView): ReportData {
    const levels = view.levels.map(l => l.name);
    const kindOf = new Map(view.holders.map(h => [h.name, h.kind]));
    const load = view.holders.filter(h => h.holdings.length > 0).map(h => {
        const counts = levels.map(level => new Set(h.holdings.filter(x => x.level.name === level).map(x => x.decision)).size);
        const role = h.holder.type === 'role' ? h.holder : undefined;
        return {
            name: h.name, label: h.label, kind: h.kind, release: role?.release, counts,
            finalCount: new Set(h.holdings.filter(x => x.level.final).map(x => x.decision)).size,
            total: new Set(h.holdings.map(x => x.decision)).size
        };
    });
    const usedKinds = new Set<string>();
    const shares = view.periods.map(period => {
        const weight = new Map<string, number>();
        const decisionsByKind = new Map<string, Set<string>>();
        let administratorOnly = 0;
        for (const decision of view.decisions) {
            const holders = view.timeline.finalHolders(decision.decision, period);
            if (holders.length === 0) continue;
            if (holders.every(h => kindOf.get(h) === 'administrator')) administratorOnly++;
            for (const holder of holders) {
                const kind = kindOf.get(holder) ?? 'unspecified';
                usedKinds.add(kind);
                weight.set(kind, (weight.get(kind) ?? 0) + 1 / holders.length);
                if (!decisionsByKind.has(kind)) decisionsByKind.set(kind, new Set());
                decisionsByKind.get(kind)!.add(decision.decision.qualifiedName);
            }
        }
        const total = view.decisions.length;
        return {
            period: period.phase?.title ?? 'All phases',
            byKind: [...weight.entries()].sort((a, b) => KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]))
                .map(([kind, w]) => ({ kind, share: total ? w / total : 0, decisions: decisionsByKind.get(kind)!.size })),
            administratorOnly,
            total
        };
    });
    const pick = (...codes: string[]) => view.findings.filter(f => codes.includes(f.code));
    const known = ['no-final-authority', 'multiple-final-authority', 'overloaded-role', 'concentrated-authority', 'single-point-of-failure'];
    return {
        title: view.phase ? `${view.map.title}: how leadership is distributed in ${view.phase.title}` : `${view.map.title}: how leadership is distributed`,
        levels,
        load,
        shares,
        kinds: KIND_ORDER.filter(k => usedKinds.has(k)),
        findings: {
            gaps: pick('no-final-authority'),
            conflicts: pick('multiple-final-authority'),
            overload: pick('overloaded-role'),
            concentration: pick('concentrated-authority'),
            singlePoints: pick('single-point-of-failure'),
            other: view.findings.filter(f => !known.includes(f.code) && f.severity !== 'hint')
        }
    };
}
