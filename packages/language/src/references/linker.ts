import {
    Cancellation, DefaultLinker, interruptAndCheck, isLinkingError,
    type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference
} from 'langium';
import { forEachNode, forEachReferenceOf } from '../utils/ast-walk.js';

/** How many nodes are linked between two looks at the cancellation token. */
const NODES_PER_CHECK = 64;

/** How many distinct reference texts the linker keeps one copy of. */
const MAX_SHARED_TEXTS = 50_000;

/** What Langium's linker reads and writes of a reference it made (`DefaultReferenceImpl`). */
interface Resolver {
    resolveReference(reference: RemitReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * Langium's reference, with every field it is given in its life declared when it is made.
 * Langium's adds what it resolves to later, which V8 keeps in a second block of fields
 * (about 40 bytes more for each of a district's 190,000 references). Same behaviour: the
 * same getters over the same fields. The linker that resolves it is not a field either
 * (the same for every reference of a set of services): each linker makes its references
 * from a class of its own that knows it (`referencesOf`).
 */
export abstract class RemitReference implements Reference {
    _ref: AstNode | LinkingError | symbol | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        readonly node: AstNode,
        readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string
    ) {}

    protected abstract get resolver(): Resolver;

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

type ReferenceClass = new (node: AstNode, property: string, refNode: CstNode | undefined, refText: string) => RemitReference;

/** The class of the references one linker resolves. */
function referencesOf(resolver: Resolver): ReferenceClass {
    return class extends RemitReference {
        protected override get resolver(): Resolver {
            return resolver;
        }
    };
}

/**
 * Langium's linker, walking the tree in plain loops (`utils/ast-walk.ts`) and looking at the
 * cancellation token every few dozen nodes instead of awaiting it at every node. The same
 * references are resolved in the same order.
 */
export class RemitLinker extends DefaultLinker {
    /**
     * One string for each name references are written with. A district's 190,000 references
     * name a few hundred things (`decide` alone is written 20,000 times), and the parser gives
     * each its own copy of its text, or for `District.Coach` a chain of joined pieces.
     */
    private readonly referenceTexts = new Map<string, string>();
    private readonly References: ReferenceClass = referencesOf(this.referenceResolver as unknown as Resolver);

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new this.References(node, property, refNode, this.shared(refText));
    }

    private shared(text: string): string {
        const known = this.referenceTexts.get(text);
        if (known !== undefined) return known;
        // Names typed letter by letter in a long editing session add up; a bound keeps the table small.
        if (this.referenceTexts.size >= MAX_SHARED_TEXTS) this.referenceTexts.clear();
        // A copy of its own: the parser's text may be a slice of the whole map's text, which
        // the table would otherwise keep alive after the map is edited.
        const own = JSON.parse(JSON.stringify(text)) as string;
        this.referenceTexts.set(own, own);
        return own;
    }

    /** As Langium's, but a reference forgets its description by setting it to undefined: deleting the field would make V8 keep it as a dictionary. */
    override unlink(document: LangiumDocument): void {
        const others: LangiumDocument['references'] = [];
        for (const reference of document.references) {
            if (reference instanceof RemitReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else {
                others.push(reference);
            }
        }
        // References Langium made (none in Remit) are unlinked by Langium.
        document.references = others;
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes: AstNode[] = [];
        forEachNode(document.parseResult.value, node => nodes.push(node));
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReferenceOf(nodes[i], info => this.doLink(info, document));
        }
    }
}
