import type { RemitConfig } from '../config/remit-config.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { DecisionModel, HolderModel, LevelModel, MapModel } from '../model/types.js';
import { PhaseTimeline } from './phase-timeline.js';

/** What every rule family needs: the workspace, the thresholds, one timeline per map. */
export class AnalysisContext {
    private readonly timelines = new Map<MapModel, PhaseTimeline>();

    constructor(readonly model: WorkspaceModel, readonly config: RemitConfig) {}

    timeline(map: MapModel): PhaseTimeline {
        let timeline = this.timelines.get(map);
        if (!timeline) {
            timeline = new PhaseTimeline(map);
            this.timelines.set(map, timeline);
        }
        return timeline;
    }

    /**
     * The map's final level, when its scheme has exactly one. A scheme with none or several
     * is already reported as scheme-shape; judging decisions by it would only add noise.
     */
    finalLevel(map: MapModel): LevelModel | undefined {
        const finals = map.scheme.levels.filter(l => l.final);
        return finals.length === 1 ? finals[0] : undefined;
    }

    holder(name: string): HolderModel | undefined {
        return this.model.holder(name);
    }

    /** A holder as a person reads it: its title, with the name written in the map when it differs. */
    who(name: string, from: MapModel): string {
        const holder = this.model.holder(name);
        const written = writtenName(name, from);
        if (!holder || (holder.title === holder.name && written === holder.name)) return `'${written}'`;
        return `'${holder.title}' (${written})`;
    }

    /** How a decision is named in messages. */
    decision(decision: DecisionModel): string {
        return `'${decision.title}'`;
    }
}

/** The name as it would be written inside `map`: plain for its own elements, `Map.Element` for others. */
export function writtenName(qualified: string, map: MapModel): string {
    const prefix = `${map.name}.`;
    return qualified.startsWith(prefix) ? qualified.slice(prefix.length) : qualified;
}

/** "A", "A and B", "A, B and C" (or, for alternatives, "A, B or C"). */
export function listWords(items: readonly string[], joiner: 'and' | 'or' = 'and'): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

/** A sentence may begin with a span ("From Expansion on") or, for the whole life, with nothing. */
export function spanPrefix(span: string | undefined): string {
    return span ? `${span}, ` : '';
}

/** The phase bounds of a run of periods, as an assignment would write them. */
export function boundsOf(timeline: PhaseTimeline, first: number, last: number): { from?: string; until?: string } {
    const periods = timeline.periods;
    return {
        from: first > 0 ? periods[first].phase?.name : undefined,
        until: last < periods.length - 1 ? periods[last + 1].phase?.name : undefined
    };
}

/** ` from X until Y` as written after an assignment's holders. */
export function boundsText(bounds: { from?: string; until?: string }): string {
    return `${bounds.from ? ` from ${bounds.from}` : ''}${bounds.until ? ` until ${bounds.until}` : ''}`;
}
