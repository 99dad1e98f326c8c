import { mapNameOf } from '../references/names.js';
import type { DecisionModel, DomainModel, HolderModel, MapModel } from './types.js';

/** One map's elements by qualified name. */
interface MapIndex {
    holders: Map<string, HolderModel>;
    decisions: Map<string, DecisionModel>;
    domains: Map<string, DomainModel>;
}

/**
 * Built once per map model and kept with it: a keystroke makes a new workspace model, but
 * only the edited map's index has to be built again, not the 20,000 decisions of a district.
 */
const mapIndexes = new WeakMap<MapModel, MapIndex>();

function indexOf(map: MapModel): MapIndex {
    let index = mapIndexes.get(map);
    if (index) return index;
    index = { holders: new Map(), decisions: new Map(), domains: new Map() };
    // The first of two same-named elements wins, as it does for references.
    const add = <T>(into: Map<string, T>, name: string, value: T) => {
        if (!into.has(name)) into.set(name, value);
    };
    for (const holder of [...map.roles, ...map.teams]) add(index.holders, holder.qualifiedName, holder);
    for (const decision of map.decisions) add(index.decisions, decision.qualifiedName, decision);
    const visit = (domain: DomainModel) => {
        add(index!.domains, domain.qualifiedName, domain);
        domain.domains.forEach(visit);
    };
    map.domains.forEach(visit);
    mapIndexes.set(map, index);
    return index;
}

/** All maps of a workspace, with lookup by qualified name across maps. */
export class WorkspaceModel {
    /** Maps by name, in workspace order (two maps with one name are an error, but both are here). */
    private readonly mapsByName = new Map<string, MapModel[]>();
    /** The holder each qualified name names, once asked (null: none). */
    private readonly holders = new Map<string, HolderModel | null>();

    constructor(readonly maps: readonly MapModel[]) {
        for (const map of maps) {
            const same = this.mapsByName.get(map.name);
            if (same) same.push(map);
            else this.mapsByName.set(map.name, [map]);
        }
    }

    /**
     * The element with a qualified name, and its map. Every element's qualified name starts
     * with its map's name (`Map.Element`, names have no dots), so only that map is searched;
     * of two maps with one name, the first that has the element wins, as for references.
     */
    private find<T>(qualifiedName: string, kind: (index: MapIndex) => Map<string, T>): { value: T; map: MapModel } | undefined {
        if (!qualifiedName.includes('.')) return undefined;
        for (const map of this.mapsByName.get(mapNameOf(qualifiedName)) ?? []) {
            const value = kind(indexOf(map)).get(qualifiedName);
            if (value !== undefined) return { value, map };
        }
        return undefined;
    }

    holder(qualifiedName: string): HolderModel | undefined {
        // Asked for every holder of every decision by several rules: each answer is kept (null: none).
        let holder = this.holders.get(qualifiedName);
        if (holder === undefined) this.holders.set(qualifiedName, holder = this.find(qualifiedName, index => index.holders)?.value ?? null);
        return holder ?? undefined;
    }


    decision(qualifiedName: string): DecisionModel | undefined {
        return this.find(qualifiedName, index => index.decisions)?.value;
    }

    domain(qualifiedName: string): DomainModel | undefined {
        return this.find(qualifiedName, index => index.domains)?.value;
    }

    map(name: string): MapModel | undefined {
        return this.mapsByName.get(name)?.[0];
    }

    /** The map an element (role, team, decision, domain) belongs to. */
    mapOf(qualifiedName: string): MapModel | undefined {
        return (this.find(qualifiedName, index => index.holders)
            ?? this.find(qualifiedName, index => index.decisions)
            ?? this.find(qualifiedName, index => index.domains))?.map;
    }

    /** A holder's title for people to read, or its qualified name if it is unknown. */
    titleOf(qualifiedName: string): string {
        return this.holder(qualifiedName)?.title ?? this.decision(qualifiedName)?.title ?? qualifiedName;
    }
}
