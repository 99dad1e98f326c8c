import { DefaultIndexManager, type AstNodeDescription, type Cancellation, type LangiumDocument, type URI } from 'langium';

/**
 * Langium's index, with two questions answered from tables kept per document instead of
 * by scanning the whole workspace: which documents an edit affects (asked of every
 * document on every keystroke; Langium scans each document's references), and each
 * document's exported names of one type (for the global scope, see scope-provider.ts).
 */
export class RemitIndexManager extends DefaultIndexManager {
    /** Per document: the other documents its references point to. */
    private readonly dependencies = new Map<string, Set<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) targets.add(reference.targetUri.toString());
        }
        this.dependencies.set(uri, targets);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.dependencies.delete(uri.toString());
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

    /** A document's exported descriptions of a type: the same array until the document's exports change. */
    exportsOf(uri: string, nodeType: string): AstNodeDescription[] {
        return this.getFileDescriptions(uri, nodeType);
    }
}
