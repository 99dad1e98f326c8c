import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, stream,
    type AstNode, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import { isAssignment, type LevelScheme, type RemitMap } from '../generated/ast.js';
import type { RemitServices } from '../remit-module.js';
import type { SchemeResolver } from './scheme-resolver.js';
import { mapNameOf, mapOf } from './names.js';
import { RemitIndexManager } from '../workspace/index-manager.js';
import { closestCandidate } from '../utils/suggest.js';

/**
 * Adds the two scopes that are not plain names: the level of an assignment is one of the
 * levels of the map's scheme, and `from`/`until` name a phase of the same map.
 *
 * Every scope is looked up by name in a hash map, built once per syntax tree. Langium's
 * default scopes search a stream element by element, so each reference cost a scan of the
 * whole map's names (and a fresh description of every level): on a district of 200 maps
 * that was the largest part of linking.
 */
export class RemitScopeProvider extends DefaultScopeProvider {
    private readonly schemes: SchemeResolver;
    /** The map's own names by reference type, per computation of a document's local symbols. */
    private readonly localScopes = new WeakMap<object, Map<AstNode, Map<string, NameTable>>>();
    private readonly levelScopes = new WeakMap<LevelScheme, NameTable>();
    private readonly phaseScopes = new WeakMap<RemitMap, NameTable>();

    constructor(services: RemitServices) {
        super(services);
        this.schemes = services.references.SchemeResolver;
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isAssignment(container)) {
            const map = mapOf(container);
            if (context.property === 'level') {
                const scheme = map ? this.schemes.schemeOf(map) : undefined;
                if (!scheme) return EMPTY_SCOPE;
                return cached(this.levelScopes, scheme, () => this.tableOf(scheme.levels));
            }
            if (context.property === 'from' || context.property === 'until') {
                return map ? cached(this.phaseScopes, map, () => this.tableOf(this.schemes.phasesOf(map))) : EMPTY_SCOPE;
            }
        }
        const referenceType = this.reflection.getReferenceType(context);
        return this.localScope(context, referenceType, this.getGlobalScope(referenceType, context))!;
    }

    /**
     * Where to look for the name a reference that resolves to nothing may have meant: the
     * names of its own map (all of them, when the scope is only the map's, such as levels and
     * phases) and the other maps' names, whose closest matches are kept per state of the
     * workspace, so that a name misspelt in two hundred maps is compared with every name once.
     */
    suggestionSources(context: ReferenceInfo): { local: string[]; global?: GlobalNames } {
        const container = context.container;
        if (isAssignment(container) && ['level', 'from', 'until'].includes(context.property)) {
            return { local: this.getScope(context).getAllElements().map(d => d.name).distinct().toArray() };
        }
        const referenceType = this.reflection.getReferenceType(context);
        const global = this.getGlobalScope(referenceType, context);
        const local = this.localScope(context, referenceType, undefined);
        const names = local ? local.getAllElements().map(d => d.name).distinct().toArray() : [];
        if (global instanceof GlobalScope) return { local: names, global };
        const localNames = new Set(names);
        return { local: [...names, ...global.getAllElements().map(d => d.name).filter(name => !localNames.has(name)).distinct()] };
    }

    /** The scopes of the map's own names around the reference, innermost first, in front of `outer`. */
    private localScope(context: ReferenceInfo, referenceType: string, outer: Scope | undefined): Scope | undefined {
        const container = context.container;
        const localSymbols = AstUtils.getDocument(container).localSymbols;
        let result: Scope | undefined = outer;
        if (!localSymbols) return result;
        // Innermost last, so that it ends up in front of the chain.
        const holders: AstNode[] = [];
        for (let node: AstNode | undefined = container; node; node = node.$container) {
            if (localSymbols.has(node)) holders.push(node);
        }
        let byNode = this.localScopes.get(localSymbols);
        if (!byNode) this.localScopes.set(localSymbols, byNode = new Map());
        for (let i = holders.length - 1; i >= 0; i--) {
            const node = holders[i];
            let byType = byNode.get(node);
            if (!byType) byNode.set(node, byType = new Map());
            let table = byType.get(referenceType);
            if (!table) {
                table = new NameTable(localSymbols.getStream(node).filter(d => this.reflection.isSubtype(d.type, referenceType)));
                byType.set(referenceType, table);
            }
            result = table.over(result);
        }
        return result;
    }

    /**
     * Names from other documents. Langium's global scope puts every exported name of the
     * workspace into one table, rebuilt after every change: on a district, tens of thousands
     * of names per keystroke. Here each document's names are a table kept until that
     * document's exports change, and a lookup goes straight to the documents that export
     * names beginning as the wanted one does (`Map.` for every element of a map).
     */
    override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const index = this.indexManager;
        if (!(index instanceof RemitIndexManager)) return super.getGlobalScope(referenceType, context);
        return this.globalScopeCache.get(referenceType, () => new GlobalScope(index, referenceType));
    }

    private tableOf(nodes: readonly AstNode[]): NameTable {
        const descriptions: AstNodeDescription[] = [];
        for (const node of nodes) {
            const name = this.nameProvider.getName(node);
            if (name) descriptions.push(this.descriptions.createDescription(node, name));
        }
        return new NameTable(descriptions);
    }
}

function cached<K extends object>(cache: WeakMap<K, NameTable>, key: K, build: () => NameTable): Scope {
    let table = cache.get(key);
    if (!table) cache.set(key, table = build());
    return table.over(undefined);
}

/**
 * Descriptions by name. Of two elements with one name the first wins, as it did with the
 * stream scopes (the second is reported as a duplicate-name error).
 */
class NameTable {
    private readonly byName = new Map<string, AstNodeDescription[]>();
    private readonly all: AstNodeDescription[] = [];

    constructor(descriptions: Iterable<AstNodeDescription>) {
        for (const description of descriptions) {
            this.all.push(description);
            const list = this.byName.get(description.name);
            if (list) list.push(description);
            else this.byName.set(description.name, [description]);
        }
    }

    /** This table in front of `outer`, as one scope. */
    over(outer: Scope | undefined): Scope {
        const table = this;
        return {
            getElement(name: string): AstNodeDescription | undefined {
                return table.byName.get(name)?.[0] ?? outer?.getElement(name);
            },
            getElements(name: string): Stream<AstNodeDescription> {
                const local = stream(table.byName.get(name) ?? []);
                return outer ? local.concat(outer.getElements(name)) : local;
            },
            getAllElements(): Stream<AstNodeDescription> {
                const local = stream(table.all);
                return outer ? local.concat(outer.getAllElements()) : local;
            }
        };
    }
}

/** The part of a name that picks the documents to search: its map's name (or a built-in scheme's). */
const bucketOf = mapNameOf;

/** One document's exported names of one type, by name, and the buckets they fall in. */
interface ExportTable {
    byName: Map<string, AstNodeDescription[]>;
    buckets: Set<string>;
    all: AstNodeDescription[];
}

const exportTables = new WeakMap<AstNodeDescription[], ExportTable>();

function exportTableOf(exports: AstNodeDescription[]): ExportTable {
    let table = exportTables.get(exports);
    if (table) return table;
    table = { byName: new Map(), buckets: new Set(), all: exports };
    for (const description of exports) {
        const list = table.byName.get(description.name);
        if (list) list.push(description);
        else table.byName.set(description.name, [description]);
        table.buckets.add(bucketOf(description.name));
    }
    exportTables.set(exports, table);
    return table;
}

/** The names of every map, for suggestions: each question answered once per state of the workspace. */
export interface GlobalNames {
    /** The first name (in index order) closest to `text`, within the distance of a likely typo. */
    closest(text: string): { name: string; distance: number } | undefined;
    /** Every distinct name ending in `suffix`, in index order. */
    endingWith(suffix: string): string[];
}

/** Every document's exported names, searched in index order: the first of two same-named wins, as in Langium's. */
class GlobalScope implements Scope, GlobalNames {
    private readonly tables: ExportTable[] = [];
    private readonly byBucket = new Map<string, ExportTable[]>();
    private names: string[] | undefined;
    private readonly closestByText = new Map<string, { name: string; distance: number } | undefined>();
    private readonly endingByText = new Map<string, string[]>();

    closest(text: string): { name: string; distance: number } | undefined {
        if (!this.closestByText.has(text)) this.closestByText.set(text, closestCandidate(text, this.allNames()));
        return this.closestByText.get(text);
    }

    endingWith(suffix: string): string[] {
        let found = this.endingByText.get(suffix);
        if (!found) this.endingByText.set(suffix, found = this.allNames().filter(name => name.endsWith(suffix)));
        return found;
    }

    private allNames(): string[] {
        this.names ??= [...new Set(this.tables.flatMap(table => table.all.map(d => d.name)))];
        return this.names;
    }

    constructor(index: RemitIndexManager, referenceType: string) {
        for (const uri of index.indexedUris()) {
            const exports = index.exportsOf(uri, referenceType);
            if (exports.length === 0) continue;
            const table = exportTableOf(exports);
            this.tables.push(table);
            for (const bucket of table.buckets) {
                const list = this.byBucket.get(bucket);
                if (list) list.push(table);
                else this.byBucket.set(bucket, [table]);
            }
        }
    }

    getElement(name: string): AstNodeDescription | undefined {
        for (const table of this.byBucket.get(bucketOf(name)) ?? []) {
            const found = table.byName.get(name);
            if (found) return found[0];
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byBucket.get(bucketOf(name)) ?? []).flatMap(table => table.byName.get(name) ?? []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.tables).flatMap(table => table.all);
    }
}
