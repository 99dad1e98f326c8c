import {
    Cancellation, DefaultDocumentBuilder, Disposable, DocumentState, interruptAndCheck, isLinkingError,
    type AstNode, type AstNodeDescription, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type Linker,
    type Reference, type ReferenceDescription, type URI
} from 'langium';
import type { RemitServices } from '../remit-module.js';
import { RemitIndexManager } from '../workspace/index-manager.js';
import { IndexedReference, ReferenceSource } from '../workspace/descriptions.js';
import { findingsFingerprint, shownFingerprint } from './register.js';

/**
 * The kinds of element a map may refer to in another map without being linked again when
 * that map changes: of these, the referring map reads only the name and the kind (its
 * model holds `Map.Element` names, and the name of the map it is `under`; everything else
 * about the element is the other map's model's). A scheme or a level is read whole (`uses`), so a reference to one is linked again.
 */
const RETARGETABLE = new Set<string>(['Role', 'Team', 'Decision', 'RemitMap']);

/** What Langium's references keep of where they stand; read to resolve one reference again. */
interface ReferenceInternals {
    node?: AstNode;
    property?: string;
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
}

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
    /**
     * Documents that refer to a changed document and are not linked again for it, each with
     * the changed documents it refers to: their references into those are resolved again
     * once the new names are indexed. Until that is done (a newer edit cancels it), such a
     * document points into an old syntax tree; the next update resolves them again then.
     */
    private readonly unsettled = new Map<LangiumDocument, Set<string>>();
    private pending: Map<LangiumDocument, Set<string>> | undefined;
    private retargeting = true;
    private background = false;
    /** How many documents were linked again and how many had references resolved again, for tests and the benchmark. */
    readonly counts = { relinked: 0, retargeted: 0 };

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, () => { this.counts.relinked++; });
    }

    /** Turns resolving references again in place of relinking on or off (tests compare the two). */
    setRetargeting(on: boolean): void {
        this.retargeting = on;
    }

    /**
     * Whether the running update has published the diagnostics of every document the edit
     * changed and is re-checking the others (the maps that refer to them, and those whose
     * findings changed). A newer edit may cancel that: what it leaves undone is done by the
     * next update.
     */
    get inBackground(): boolean {
        return this.background;
    }

    private readonly backgroundListeners = new Set<() => void>();

    /** Calls `listener` each time an update starts its background work (see `inBackground`). */
    onBackground(listener: () => void): Disposable {
        this.backgroundListeners.add(listener);
        return Disposable.create(() => this.backgroundListeners.delete(listener));
    }

    private startBackground(): void {
        this.background = true;
        for (const listener of this.backgroundListeners) listener();
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.pending = this.retargeting && deleted.length === 0 ? new Map() : undefined;
        this.background = false;
        // Maps left pointing into an old tree by a cancelled update are resolved again (or
        // linked again) by this one, even with nothing changed; the maps they point into show
        // who refers to their elements, from the reference index: those are checked again too.
        const pointedInto = new Set<string>();
        for (const uris of this.unsettled.values()) for (const uri of uris) pointedInto.add(uri);
        try {
            await super.update(changed, deleted, cancelToken);
            if (changed.length === 0 && deleted.length === 0 && pointedInto.size === 0) return;
            if (!this.background) this.startBackground();
            const clashes = this.mapNameCounts();
            const stale = this.langiumDocuments.all
                .filter(document => document.state === DocumentState.Validated
                    && (this.isStale(document, clashes) || pointedInto.has(document.uri.toString())))
                .toArray();
            if (stale.length === 0) return;
            for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
            await this.buildDocuments(stale, this.updateBuildOptions, cancelToken ?? Cancellation.CancellationToken.None);
        } finally {
            this.pending = undefined;
            this.background = false;
        }
    }

    /**
     * Whether a document must be linked again after a change: it has a name that did not
     * resolve (it may now), or it refers to a changed document. Langium scans every
     * reference of every document for this on each keystroke; whether a document has
     * unresolved names is remembered until it is linked again (its list of references is
     * new each time).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const unresolved = hasUnresolvedNames(document);
        const waiting = this.unsettled.get(document);
        const affected = unresolved || this.indexManager.isAffected(document, changedUris);
        if (!waiting && !affected) return false;
        // Linking a document again redoes every reference in it and rebuilds its model; when
        // a map every school refers to changes, that was all 199 schools on each keystroke.
        // Only its references into the changed documents can resolve differently.
        if (this.pending && document.state === DocumentState.Validated && this.buildState.get(document.uri.toString())?.completed) {
            const into = new Set(waiting);
            if (affected) for (const uri of changedUris) into.add(uri);
            this.pending.set(document, into);
            this.unsettled.set(document, into);
            return false;
        }
        return true;
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        // Unlinked, it will be linked in full.
        if (state <= DocumentState.ComputedScopes) this.unsettled.delete(document);
        super.resetToState(document, state);
    }

    /**
     * With documents waiting to have their references resolved again: the changed documents
     * are built and validated first, so their diagnostics are published before any other
     * document is touched; then, in the background of the update (a newer edit cancels it),
     * those documents' references into them are resolved again (those that cannot be,
     * relinked in full) and the documents whose references now resolve differently are
     * checked again.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const pending = this.pending;
        this.pending = undefined;
        if (!pending || pending.size === 0) return super.buildDocuments(documents, options, cancelToken);
        await super.buildDocuments(documents, options, cancelToken);
        this.startBackground();
        const relink: LangiumDocument[] = [];
        // Whether some reference into the changed documents now stands elsewhere in them (or
        // nowhere): what they show of who refers to their elements is then checked again.
        let moved = false;
        // The documents those references point into: this update's, or an earlier one's whose
        // update was cancelled before the maps naming them were resolved again.
        const pointedInto = new Set<string>();
        for (const [document, changed] of pending) {
            if (!this.unsettled.has(document)) continue;
            await interruptAndCheck(cancelToken);
            for (const uri of changed) pointedInto.add(uri);
            const result = this.retarget(document, changed);
            if (result === 'relink') {
                this.resetToState(document, DocumentState.ComputedScopes);
                relink.push(document);
                moved = true;
                continue;
            }
            this.unsettled.delete(document);
            this.counts.retargeted++;
            if (result === 'moved') moved = true;
            if (result === 'recheck') {
                // Same references, but a name that does not resolve is described with the
                // names the workspace has now: checked again, its model kept.
                this.resetToState(document, DocumentState.IndexedReferences);
                relink.push(document);
            }
            if (result === 'changed') {
                moved = true;
                // Its references now resolve differently (a name gone, or another element's):
                // its model is built again and it is checked again.
                await this.notifyDocumentPhase(document, DocumentState.Linked, cancelToken);
                this.resetToState(document, DocumentState.IndexedReferences);
                relink.push(document);
            }
        }
        if (moved) {
            const again = new Set(documents);
            for (const document of this.langiumDocuments.all) if (pointedInto.has(document.uri.toString())) again.add(document);
            for (const document of again) {
                if (relink.includes(document)) continue;
                if (document.state === DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
                relink.push(document);
            }
        }
        if (relink.length > 0) await super.buildDocuments(relink, options, cancelToken);
    }

    /**
     * Resolves again the document's references into the changed documents, as linking would:
     * 'same' when each finds an element of the same name and kind as before (nothing the
     * document shows can change), 'changed' when some resolve differently, 'relink' when
     * one is of a kind whose contents the document reads, and the document must be linked again;
     * 'moved' when each finds the same element, some at another place in its map's tree.
     */
    private retarget(document: LangiumDocument, changed: ReadonlySet<string>): 'same' | 'moved' | 'recheck' | 'changed' | 'relink' {
        const linker: Linker = this.serviceRegistry.getServices(document.uri).references.Linker;
        const index = this.indexManager;
        if (!(index instanceof RemitIndexManager)) return 'relink';
        const updates: Array<{ reference: ReferenceInternals; description?: AstNodeDescription; node?: AstNode; error?: unknown; offset: number; added?: boolean }> = [];
        const resolvedNow: ReferenceDescription[] = [];
        let source: ReferenceSource | undefined;
        let same = true;
        let recheck = false;
        let moved = false;
        for (const reference of document.references) {
            const internals = reference as unknown as ReferenceInternals;
            if (!('_ref' in internals)) return 'relink';
            const before = internals._nodeDescription;
            if (!before && isLinkingError(internals._ref)) {
                // A name that did not resolve may now: the changed map may have it again.
                const found = this.resolveAgain(reference as Reference, internals, linker);
                if (found === 'relink') return 'relink';
                if (found === 'unresolved') {
                    // Its message suggests names of the workspace, which may have changed.
                    recheck = true;
                    continue;
                }
                same = false;
                updates.push({ reference: internals, description: found.description, node: found.node, offset: reference.$refNode!.offset, added: true });
                source ??= new ReferenceSource(document.uri, this.serviceRegistry.getServices(document.uri).workspace.AstNodeLocator);
                resolvedNow.push(new IndexedReference(source, reference.$refNode!, found.description.documentUri, found.description.path));
                continue;
            }
            if (!before || !changed.has(before.documentUri.toString())) continue;
            if (!RETARGETABLE.has(before.type) || !internals.node || !internals.property || !reference.$refNode) return 'relink';
            const candidate = linker.getCandidate({ reference: reference as Reference, container: internals.node, property: internals.property });
            const offset = reference.$refNode.offset;
            if (isLinkingError(candidate)) {
                updates.push({ reference: internals, error: candidate, offset });
                same = false;
                continue;
            }
            if (!RETARGETABLE.has(candidate.type)) return 'relink';
            const node = candidate.node ?? (linker as unknown as { loadAstNode?(d: AstNodeDescription): AstNode | undefined }).loadAstNode?.(candidate);
            if (!node) return 'relink';
            if (candidate.name !== before.name || candidate.type !== before.type || candidate.documentUri.toString() !== before.documentUri.toString()) same = false;
            if (candidate.path !== before.path) moved = true;
            updates.push({ reference: internals, description: candidate, node, offset });
        }
        const bySegment = new Map<number, { targetUri: URI; targetPath: string } | undefined>();
        for (const update of updates) {
            if (update.node) {
                update.reference._ref = update.node;
                update.reference._nodeDescription = update.description;
                // A name resolved for the first time has no entry to move: it is added below.
                if (update.added) continue;
                bySegment.set(update.offset, { targetUri: update.description!.documentUri, targetPath: update.description!.path });
            } else {
                update.reference._ref = update.error;
                // Set, not deleted: a deleted field turns the reference into a dictionary (see references/linker.ts).
                update.reference._nodeDescription = undefined;
                bySegment.set(update.offset, undefined);
            }
        }
        index.retargetReferences(document, changed, bySegment);
        index.addResolvedReferences(document, resolvedNow);
        unresolvedNames.delete(document.references);
        return !same ? 'changed' : recheck ? 'recheck' : moved ? 'moved' : 'same';
    }

    /**
     * Resolves a name that did not resolve, as linking would: 'unresolved' when it still does
     * not, 'relink' when it now names something whose contents the
     * document reads (a scheme, a level, a phase) or cannot be resolved here.
     */
    private resolveAgain(reference: Reference, internals: ReferenceInternals, linker: Linker):
        { description: AstNodeDescription; node: AstNode } | 'relink' | 'unresolved' {
        if (!internals.node || !internals.property || !reference.$refNode) return 'relink';
        const candidate = linker.getCandidate({ reference, container: internals.node, property: internals.property });
        if (isLinkingError(candidate)) return 'unresolved';
        if (!RETARGETABLE.has(candidate.type)) return 'relink';
        const node = candidate.node ?? (linker as unknown as { loadAstNode?(d: AstNodeDescription): AstNode | undefined }).loadAstNode?.(candidate);
        if (!node) return 'relink';
        return { description: candidate, node };
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
