import type { MapModel, RoleModel } from '../model/types.js';
import { mapNameOf } from '../references/names.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { loops } from './graph.js';
import type { Finding } from './finding.js';
import { mapFacts, type MapFacts } from './map-facts.js';

/** How many maps refer to each name, and when names last became or stopped being referred to. */
class NameTally {
    private readonly counts = new Map<string, number>();
    /** Per map name: the generation in which one of its elements last changed between used and unused. */
    private readonly flips = new Map<string, number>();

    change(names: readonly string[], by: 1 | -1, generation: number): void {
        for (const name of names) {
            const before = this.counts.get(name) ?? 0;
            const count = before + by;
            if (count > 0) this.counts.set(name, count);
            else this.counts.delete(name);
            if ((before === 0) !== (count === 0)) this.flips.set(mapNameOf(name), generation);
        }
    }

    has(name: string): boolean {
        return this.counts.has(name);
    }

    /** The last generation in which an element of a map so named became used or unused. */
    lastFlip(mapName: string): number {
        return this.flips.get(mapName) ?? 0;
    }
}

/** Ticks whenever any holder's entries change, so a version is never reused. */
let clock = 0;

/** Per holder, what each map says of it (decisions, domains), in the order each map wrote them. */
export class HolderIndex {
    private readonly byHolder = new Map<string, Map<MapModel, string[]>>();
    private readonly versions = new Map<string, number>();

    add(map: MapModel, entries: ReadonlyMap<string, string[]>): void {
        for (const [holder, values] of entries) {
            let perMap = this.byHolder.get(holder);
            if (!perMap) this.byHolder.set(holder, perMap = new Map());
            perMap.set(map, values);
            this.versions.set(holder, ++clock);
        }
    }

    remove(map: MapModel, entries: ReadonlyMap<string, string[]>): void {
        for (const holder of entries.keys()) {
            const perMap = this.byHolder.get(holder);
            perMap?.delete(map);
            if (perMap?.size === 0) {
                this.byHolder.delete(holder);
                this.versions.delete(holder);
            } else this.versions.set(holder, ++clock);
        }
    }

    /**
     * Changes whenever what the index says of the holder changes; 0 while it says nothing.
     * Rules keep their finding about a holder while its version stays the same.
     */
    version(holder: string): number {
        return this.byHolder.has(holder) ? this.versions.get(holder)! : 0;
    }

    has(holder: string): boolean {
        return this.byHolder.has(holder);
    }

    /** Everything said of the holder, maps in workspace order. */
    values(holder: string, maps: readonly MapModel[]): string[] {
        const perMap = this.byHolder.get(holder);
        if (!perMap) return [];
        if (perMap.size === 1) return [...perMap.values()][0];
        return maps.flatMap(map => perMap.get(map) ?? []);
    }

    count(holder: string): number {
        let total = 0;
        for (const values of this.byHolder.get(holder)?.values() ?? []) total += values.length;
        return total;
    }
}

/**
 * The loops of a graph whose links each map contributes (`after` between decisions,
 * `reports` between roles). Finding loops walks every link of the workspace, so the loops
 * are kept until some map's links change: typing a title leaves them as they were.
 */
class LinkLoops {
    private readonly signatures = new Map<MapModel, string>();
    private found: string[][] | undefined;

    constructor(private readonly linksOf: (facts: MapFacts) => ReadonlyArray<readonly [string, readonly string[]]>) {}

    /** `position`: where each added map stands in the workspace's order. */
    change(removed: readonly MapModel[], added: readonly MapModel[], position: (map: MapModel) => number, reordered: boolean): void {
        const before = removed.map(map => this.signatures.get(map) ?? '').sort();
        for (const map of removed) this.signatures.delete(map);
        const after = added.map(map => {
            const signature = `${position(map)} ${map.uri}\n${this.linksOf(mapFacts(map)).map(([from, to]) => `${from}>${to.join(',')}`).join(';')}`;
            this.signatures.set(map, signature);
            return signature;
        }).sort();
        if (reordered || before.join('\n\n') !== after.join('\n\n')) this.found = undefined;
    }

    /** The loops, each in workspace order, as `loops` in graph.ts gives them. */
    loops(maps: readonly MapModel[]): string[][] {
        if (this.found) return this.found;
        // Only elements with links of their own can be in a loop; the first of two same-named wins.
        const links = new Map<string, readonly string[]>();
        for (const map of maps) {
            for (const [from, to] of this.linksOf(mapFacts(map))) if (!links.has(from)) links.set(from, to);
        }
        this.found = loops([...links.keys()], node => links.get(node) ?? []);
        return this.found;
    }
}

/**
 * The workspace-wide facts the cross-map rules need (who refers to what, who has the final
 * say where, the `after` and `reports` loops), kept up to date map by map: moving to a new
 * state of the workspace takes back the facts of the maps that changed and adds their new
 * ones, so a keystroke costs one map's work, not the district's. The facts depend on the
 * set of map models alone, so any sequence of states gives the same answers as building
 * from scratch. Each workspace has its own (`WorkspaceAnalysis`, a service of the
 * workspace's language services): analysing another set of maps, such as a git revision
 * for Compare with HEAD, never moves an editor's facts.
 */
export class WorkspaceFacts {
    private maps: readonly MapModel[] = [];
    private readonly included = new Set<MapModel>();
    /** Counts the states this instance has moved to. */
    private generation = 0;
    private readonly referenced = new NameTally();
    /** Holder: decisions it has the final say over in some phase. */
    readonly finalSay = new HolderIndex();
    /** Holder: decisions in which it holds a veto level. */
    readonly vetoSay = new HolderIndex();
    /** Holder: decisions whose first level, a veto or the final level it holds alone. */
    readonly carriedAlone = new HolderIndex();
    /** Holder: innermost domains of decisions it alone has the final say over. */
    readonly soleFinalSayDomains = new HolderIndex();
    private readonly sequence = new LinkLoops(facts => facts.after);
    private readonly reporting = new LinkLoops(facts => facts.reports.map(([role, to]) => [role, [to]] as const));
    private readonly teamNesting = new LinkLoops(facts => facts.teams);
    private readonly underLinks = new LinkLoops(facts => facts.under);

    /**
     * Findings judged from these facts, kept while what they were judged from stays the
     * same: per holder (workload.ts) and per map (unused.ts).
     */
    readonly kept = {
        overloaded: new FindingPerHolder<RoleModel>(),
        singlePoints: new FindingPerHolder<RoleModel>(),
        unused: new WeakMap<MapModel, { state: number; findings: Finding[] }>()
    };

    /** Moves to the workspace's current maps. */
    update(model: WorkspaceModel): this {
        this.moveTo(model.maps);
        return this;
    }

    private moveTo(maps: readonly MapModel[]): void {
        const generation = ++this.generation;
        const next = new Set(maps);
        const removed = [...this.included].filter(map => !next.has(map));
        const added = maps.filter(map => !this.included.has(map));
        // Loops are listed in workspace order: the same maps in another order list them anew.
        const reordered = !sameOrder(this.maps.filter(map => next.has(map)), maps.filter(map => this.included.has(map)));
        for (const map of removed) {
            const facts = mapFacts(map);
            this.referenced.change(facts.referenced, -1, generation);
            this.finalSay.remove(map, facts.finalSay);
            this.vetoSay.remove(map, facts.vetoSay);
            this.carriedAlone.remove(map, facts.carriedAlone);
            this.soleFinalSayDomains.remove(map, facts.soleFinalSayDomains);
            this.included.delete(map);
        }
        for (const map of added) {
            const facts = mapFacts(map);
            this.referenced.change(facts.referenced, 1, generation);
            this.finalSay.add(map, facts.finalSay);
            this.vetoSay.add(map, facts.vetoSay);
            this.carriedAlone.add(map, facts.carriedAlone);
            this.soleFinalSayDomains.add(map, facts.soleFinalSayDomains);
            this.included.add(map);
        }
        const position = (map: MapModel) => maps.indexOf(map);
        this.sequence.change(removed, added, position, reordered);
        this.reporting.change(removed, added, position, reordered);
        this.teamNesting.change(removed, added, position, reordered);
        this.underLinks.change(removed, added, position, reordered);
        this.maps = maps;
    }

    /** Whether any map refers to the name. */
    isReferenced(qualifiedName: string): boolean {
        return this.referenced.has(qualifiedName);
    }

    /** Which state this is: findings judged in it stay right until `usedChangedSince` says otherwise. */
    get state(): number {
        return this.generation;
    }

    /** Whether an element of the map has become used or unused since the state given. */
    usedChangedSince(map: MapModel, state: number): boolean {
        return this.referenced.lastFlip(map.name) > state;
    }

    /** Loops of decisions waiting for each other through `after`. */
    sequenceLoops(): string[][] {
        return this.sequence.loops(this.maps);
    }

    /** Loops of roles reporting to each other. */
    reportingLoops(): string[][] {
        return this.reporting.loops(this.maps);
    }

    /** Loops of teams sitting in each other (members or advisory members). */
    teamLoops(): string[][] {
        return this.teamNesting.loops(this.maps);
    }

    /** Loops of maps `under` each other. */
    underLoops(): string[][] {
        return this.underLinks.loops(this.maps);
    }

    /** Everything an index says of a holder, maps in workspace order. */
    valuesOf(index: HolderIndex, holder: string): string[] {
        return index.values(holder, this.maps);
    }
}

function sameOrder(a: readonly MapModel[], b: readonly MapModel[]): boolean {
    return a.length === b.length && a.every((map, i) => map === b[i]);
}

/**
 * One rule's finding (or none) per holder, kept while what the index says of the holder
 * and the settings stay the same. The holder's model is the key: it is new whenever its
 * map changes, and with it its title, kind, seats and release time.
 */
export class FindingPerHolder<Holder extends object> {
    private readonly kept = new WeakMap<Holder, { version: number; settings: unknown; finding: Finding | undefined }>();

    judge(holder: Holder, version: number, settings: unknown, judge: () => Finding | undefined): Finding | undefined {
        const kept = this.kept.get(holder);
        if (kept && kept.version === version && kept.settings === settings) return kept.finding;
        const finding = judge();
        this.kept.set(holder, { version, settings, finding });
        return finding;
    }
}
