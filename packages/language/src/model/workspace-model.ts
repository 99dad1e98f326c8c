import type { DecisionModel, DomainModel, HolderModel, MapModel } from './types.js';

/** All maps of a workspace, with lookup by qualified name across maps. */
export class WorkspaceModel {
    private readonly holders = new Map<string, HolderModel>();
    private readonly decisionIndex = new Map<string, DecisionModel>();
    private readonly domainIndex = new Map<string, DomainModel>();
    private readonly mapIndex = new Map<string, MapModel>();
    private readonly mapOfElement = new Map<string, MapModel>();

    constructor(readonly maps: readonly MapModel[]) {
        for (const map of maps) {
            if (!this.mapIndex.has(map.name)) this.mapIndex.set(map.name, map);
            for (const holder of [...map.roles, ...map.teams]) this.index(this.holders, holder.qualifiedName, holder, map);
            for (const decision of map.decisions) this.index(this.decisionIndex, decision.qualifiedName, decision, map);
            const visit = (domain: DomainModel) => {
                this.index(this.domainIndex, domain.qualifiedName, domain, map);
                domain.domains.forEach(visit);
            };
            map.domains.forEach(visit);
        }
    }

    private index<T>(index: Map<string, T>, name: string, value: T, map: MapModel): void {
        // The first of two same-named elements wins, as it does for references.
        if (index.has(name)) return;
        index.set(name, value);
        this.mapOfElement.set(name, map);
    }

    holder(qualifiedName: string): HolderModel | undefined {
        return this.holders.get(qualifiedName);
    }

    decision(qualifiedName: string): DecisionModel | undefined {
        return this.decisionIndex.get(qualifiedName);
    }

    domain(qualifiedName: string): DomainModel | undefined {
        return this.domainIndex.get(qualifiedName);
    }

    map(name: string): MapModel | undefined {
        return this.mapIndex.get(name);
    }

    /** The map an element (role, team, decision, domain) belongs to. */
    mapOf(qualifiedName: string): MapModel | undefined {
        return this.mapOfElement.get(qualifiedName);
    }

    /** A holder's title for people to read, or its qualified name if it is unknown. */
    titleOf(qualifiedName: string): string {
        return this.holders.get(qualifiedName)?.title ?? this.decisionIndex.get(qualifiedName)?.title ?? qualifiedName;
    }
}
