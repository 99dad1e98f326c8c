import {
    AstUtils, DefaultIndexManager, stream,
    type AstNode, type AstNodeDescription, type Cancellation, type LangiumDocument, type ReferenceDescription, type Stream, type URI
} from 'langium';
import { IndexedReference } from './descriptions.js';

/**
 * Langium's index, with questions answered from tables kept per document instead of by
 * scanning the whole workspace: which documents an edit affects (asked of every document
 * on every keystroke), who refers to an element (asked for every unused-element hint, and
 * by find references and rename), which documents declare a map name, and each
 * document's exported names of one type (for the global scope, see scope-provider.ts).
 * Each table changes only with the document it is about, so the cost of an edit does not
 * grow with the workspace, and checking 2,000 maps is not quadratic.
 */
export class RemitIndexManager extends DefaultIndexManager {
    /** Per document: the other documents its references point to. */
    private readonly dependencies = new Map<string, Set<string>>();
    /**
     * Per referenced element (its document, then its path): the references to it, by the
     * document they are in. Two levels rather than one key `uri#path`, which was a new string
     * joined and hashed for each of a district's 190,000 references.
     */
    private readonly incoming = new Map<string, Map<string, Map<string, ReferenceDescription[]>>>();
    /** Per map name: the documents that declare a map of that name. */
    private readonly mapDeclarations = new Map<string, Set<string>>();
    private readonly declaredMapNames = new Map<string, string[]>();

    override async updateContent(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.updateContent(document, cancelToken);
        const uri = document.uri.toString();
        this.forgetMapNames(uri);
        const names = (this.symbolIndex.get(uri) ?? []).filter(d => d.type === 'RemitMap').map(d => d.name);
        for (const name of names) {
            let uris = this.mapDeclarations.get(name);
            if (!uris) this.mapDeclarations.set(name, uris = new Set());
            uris.add(uri);
        }
        this.declaredMapNames.set(uri, names);
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        this.forgetMapNames(uri.toString());
    }

    private forgetMapNames(uri: string): void {
        for (const name of this.declaredMapNames.get(uri) ?? []) {
            const uris = this.mapDeclarations.get(name);
            uris?.delete(uri);
            if (uris?.size === 0) this.mapDeclarations.delete(name);
        }
        this.declaredMapNames.delete(uri);
    }

    /** The documents that declare a map with this name, sorted. */
    documentsDeclaringMap(name: string): string[] {
        return [...this.mapDeclarations.get(name) ?? []].sort();
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        this.forgetIncoming(uri);
        await super.updateReferences(document, cancelToken);
        this.indexIncoming(uri);
    }

    /**
     * A document's references into the `changed` documents were resolved again without
     * relinking the document (see analysis/workspace-revalidation.ts): its entries for them
     * take their new targets, found by where each reference stands (`bySegment`: the offset
     * of a reference's text to what it refers to now, undefined when it no longer resolves).
     */
    retargetReferences(document: LangiumDocument, changed: ReadonlySet<string>, bySegment: ReadonlyMap<number, { targetUri: URI; targetPath: string } | undefined>): void {
        const uri = document.uri.toString();
        const updated: ReferenceDescription[] = [];
        let dropped = false;
        // Only the entries into the changed documents move: a school has thousands of
        // references, a few dozen of them into the district map.
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            const targetUri = reference.targetUri.toString();
            if (!changed.has(targetUri)) {
                updated.push(reference);
                continue;
            }
            this.removeIncoming(uri, reference);
            const target = bySegment.get(reference.segment.offset);
            if (!target) {
                dropped = true;
                continue;
            }
            const moved = reference instanceof IndexedReference
                ? reference.retarget(target.targetUri, target.targetPath)
                : { ...reference, targetUri: target.targetUri, targetPath: target.targetPath, local: target.targetUri.toString() === uri };
            updated.push(moved);
            this.addIncoming(uri, moved);
        }
        this.referenceIndex.set(uri, updated);
        if (dropped) {
            const targets = new Set<string>();
            for (const reference of updated) if (!reference.local) targets.add(reference.targetUri.toString());
            this.dependencies.set(uri, targets);
        }
    }

    /**
     * Adds entries for references of the document that did not resolve and now do (a name
     * put back in the map it names): the document is not linked again for them.
     */
    addResolvedReferences(document: LangiumDocument, references: readonly ReferenceDescription[]): void {
        if (references.length === 0) return;
        const uri = document.uri.toString();
        const list = this.referenceIndex.get(uri) ?? [];
        let targets = this.dependencies.get(uri);
        if (!targets) this.dependencies.set(uri, targets = new Set());
        for (const reference of references) {
            list.push(reference);
            this.addIncoming(uri, reference);
            if (!reference.local) targets.add(reference.targetUri.toString());
        }
        this.referenceIndex.set(uri, list);
    }

    private addIncoming(uri: string, reference: ReferenceDescription): void {
        const targetUri = reference.targetUri.toString();
        let byPath = this.incoming.get(targetUri);
        if (!byPath) this.incoming.set(targetUri, byPath = new Map());
        let bySource = byPath.get(reference.targetPath);
        if (!bySource) byPath.set(reference.targetPath, bySource = new Map());
        const list = bySource.get(uri);
        if (list) list.push(reference);
        else bySource.set(uri, [reference]);
    }

    private removeIncoming(uri: string, reference: ReferenceDescription): void {
        const bySource = this.incoming.get(reference.targetUri.toString())?.get(reference.targetPath);
        const list = bySource?.get(uri);
        if (!bySource || !list) return;
        const at = list.indexOf(reference);
        if (at >= 0) list.splice(at, 1);
        if (list.length === 0) this.dropSource(reference, bySource, uri);
    }

    /** Forgets the references from one document to the reference's target. */
    private dropSource(reference: ReferenceDescription, bySource: Map<string, ReferenceDescription[]>, uri: string): void {
        bySource.delete(uri);
        if (bySource.size > 0) return;
        const targetUri = reference.targetUri.toString();
        const byPath = this.incoming.get(targetUri);
        byPath?.delete(reference.targetPath);
        if (byPath?.size === 0) this.incoming.delete(targetUri);
    }

    private indexIncoming(uri: string): void {
        const targets = new Set<string>();
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) targets.add(reference.targetUri.toString());
            this.addIncoming(uri, reference);
        }
        this.dependencies.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        this.forgetIncoming(uri.toString());
        super.removeReferences(uri);
        this.dependencies.delete(uri.toString());
    }

    private forgetIncoming(uri: string): void {
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            const bySource = this.incoming.get(reference.targetUri.toString())?.get(reference.targetPath);
            if (bySource) this.dropSource(reference, bySource, uri);
        }
    }

    /** The references to a node, documents in index order (as Langium's, without the scan). */
    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const bySource = this.incoming.get(AstUtils.getDocument(targetNode).uri.toString())?.get(astNodePath);
        if (!bySource) return stream([]);
        const found: ReferenceDescription[] = [];
        if (bySource.size === 1) found.push(...bySource.values().next().value!);
        else for (const uri of this.referenceIndex.keys()) found.push(...bySource.get(uri) ?? []);
        return stream(found);
    }

    /** Whether the document refers to any of the changed documents (as Langium's, without the scan). */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.dependencies.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }

    /** The indexed documents, in the order the index holds them (the order of the global scope). */
    indexedUris(): Iterable<string> {
        return this.symbolIndex.keys();
    }

    /** A document's exported descriptions, in the order they were made; undefined before it is indexed. */
    exportsOfDocument(uri: string): readonly AstNodeDescription[] | undefined {
        return this.symbolIndex.get(uri);
    }

    /** A document's exported descriptions of a type: the same array until the document's exports change. */
    exportsOf(uri: string, nodeType: string): AstNodeDescription[] {
        return this.getFileDescriptions(uri, nodeType);
    }
}
