import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, interruptAndCheck,
    isReference, UriUtils, type AstNode, type AstNodeLocator, type AstNodeDescription, type CstNode, type DocumentSegment, type LangiumDocument, type NameProvider, type Reference, type ReferenceDescription, type URI
} from 'langium';
import { forEachNode, forEachReferenceOf } from '../utils/ast-walk.js';

/**
 * Langium's name and reference descriptions, with their text segments worked out when
 * they are read instead of when they are made.
 *
 * Every element has two name descriptions and every reference one entry in the index; a
 * district has about 100,000 of them, held for as long as the workspace is. Langium makes
 * each segment at once (four objects: the segment, its range and two positions), and
 * each name description an object literal with a getter, which V8 keeps as a dictionary
 * (about 400 bytes each). The segments are read only by the editor's symbols, references
 * and rename, for a few descriptions at a time. Same fields, same values.
 */
class NameDescription implements AstNodeDescription {
    private nameNodeSegment: DocumentSegment | undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly nameProvider: NameProvider
    ) {}

    get nameSegment(): DocumentSegment | undefined {
        return this.nameNodeSegment ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

/**
 * An element's description in its own map's scope: its plain name, and the rest read from
 * its exported description (`Map.Element`), which was made first and has the same node,
 * path and segments: one object of two fields instead of a second full description and a
 * second copy of its path, for each of a district's 25,000 elements.
 */
export class LocalDescription implements AstNodeDescription {
    constructor(private readonly exported: AstNodeDescription, readonly name: string) {}

    get node(): AstNode | undefined {
        return this.exported.node;
    }

    get type(): string {
        return this.exported.type;
    }

    get documentUri(): URI {
        return this.exported.documentUri;
    }

    get path(): string {
        return this.exported.path;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.exported.nameSegment;
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.exported.selectionSegment;
    }
}

export class RemitAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        return new NameDescription(node, name, node.$type, doc.uri, path, this.nameProvider);
    }
}

/** A document whose references are indexed: one for all of its entries. */
export class ReferenceSource {
    constructor(readonly uri: URI, private readonly locator: AstNodeLocator) {}

    pathOf(node: AstNode): string {
        return this.locator.getAstNodePath(node);
    }
}

/**
 * An entry of the reference index. Its segment is read from the reference's text node, and
 * its source path from the node holding the reference (the text node's element), when asked
 * for: they are read only by find references and rename, a few at a time, while a district
 * holds 190,000 entries (each path its own string of about 40 characters).
 */
export class IndexedReference implements ReferenceDescription {
    constructor(
        private readonly source: ReferenceSource,
        private readonly refNode: CstNode,
        readonly targetUri: URI,
        readonly targetPath: string
    ) {}

    get sourceUri(): URI {
        return this.source.uri;
    }

    get sourcePath(): string {
        return this.source.pathOf(this.refNode.astNode);
    }

    get local(): boolean {
        return UriUtils.equals(this.targetUri, this.source.uri);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }

    /** The same reference pointing somewhere else. */
    retarget(targetUri: URI, targetPath: string): IndexedReference {
        return new IndexedReference(this.source, this.refNode, targetUri, targetPath);
    }
}

export class RemitReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /**
     * The document's references that resolve, in the order Langium lists them.
     */
    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        const source = new ReferenceSource(document.uri, this.nodeLocator);
        forEachNode(document.parseResult.value, node => {
            forEachReferenceOf(node, info => {
                if (info.reference.error) return;
                if (!isReference(info.reference)) {
                    // Remit has no multi-references; should one appear, Langium describes it.
                    descriptions.push(...this.createInfoDescriptions(info));
                    return;
                }
                const description = this.describe(info.reference, source);
                if (description) descriptions.push(description);
            });
        });
        return descriptions;
    }

    /** As Langium's `createInfoDescriptions` for a single reference: none without its text or what it resolved to. */
    private describe(reference: Reference, source: ReferenceSource): IndexedReference | undefined {
        const target = reference.$nodeDescription;
        if (!reference.$refNode || !target) return undefined;
        return new IndexedReference(source, reference.$refNode, target.documentUri, target.path);
    }
}
