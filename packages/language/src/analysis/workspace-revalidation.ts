import { Cancellation, DefaultDocumentBuilder, DocumentState, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import type { RemitServices } from '../remit-module.js';
import { findingsFingerprint, shownFingerprint } from './register.js';

/**
 * The authority rules judge each map with the whole workspace in view: a role becomes used
 * when another map names it, a decision joins a loop through another map's `after`.
 * Langium re-checks only the documents an edit can affect through their references, which
 * would leave such findings stale in the editor. After each update, this builder also
 * re-checks every other document whose findings are no longer the ones it shows (and
 * whose map name now clashes, or no longer clashes, with another's), and no others: the
 * analysis runs once per change, so finding those documents costs little, while checking
 * all 200 maps of a district on every keystroke would not.
 */
export class WorkspaceRevalidatingBuilder extends DefaultDocumentBuilder {
    private readonly shownMapNameClash = new WeakMap<LangiumDocument, boolean>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        if (changed.length === 0 && deleted.length === 0) return;
        const clashes = this.mapNameCounts();
        const stale = this.langiumDocuments.all
            .filter(document => document.state === DocumentState.Validated && this.isStale(document, clashes))
            .toArray();
        if (stale.length === 0) return;
        for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken ?? Cancellation.CancellationToken.None);
    }

    /**
     * Whether a document must be linked again after a change: it has a name that did not
     * resolve (it may now), or it refers to a changed document. Langium scans every
     * reference of every document for this on each keystroke; whether a document has
     * unresolved names is remembered until it is linked again (its list of references is
     * new each time).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return hasUnresolvedNames(document) || this.indexManager.isAffected(document, changedUris);
    }

    private isStale(document: LangiumDocument, mapNames: Map<string, number>): boolean {
        const services = this.serviceRegistry.getServices(document.uri) as Partial<RemitServices>;
        if (!services.model) return false;
        const name = (document.parseResult.value as { map?: { name?: string } }).map?.name;
        const clash = name !== undefined && (mapNames.get(name) ?? 0) > 1;
        const clashChanged = this.shownMapNameClash.get(document) !== undefined && this.shownMapNameClash.get(document) !== clash;
        this.shownMapNameClash.set(document, clash);
        return clashChanged || findingsFingerprint(document, services as RemitServices) !== shownFingerprint(document);
    }

    /** How many documents declare each map name (two is a duplicate-name error in both). */
    private mapNameCounts(): Map<string, number> {
        const counts = new Map<string, number>();
        for (const document of this.langiumDocuments.all) {
            const name = (document.parseResult.value as { map?: { name?: string } }).map?.name;
            if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
        }
        return counts;
    }
}

const unresolvedNames = new WeakMap<object, { count: number; unresolved: boolean }>();

function hasUnresolvedNames(document: LangiumDocument): boolean {
    const references = document.references;
    const known = unresolvedNames.get(references);
    if (known && known.count === references.length) return known.unresolved;
    const unresolved = references.some(reference => reference.error !== undefined);
    unresolvedNames.set(references, { count: references.length, unresolved });
    return unresolved;
}
