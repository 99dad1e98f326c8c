import {
    CstNodeBuilder, RootCstNodeImpl,
    type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNode, type LeafCstNodeImpl, type RootCstNode
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Range } from 'vscode-languageserver-types';

/**
 * Leaves of the concrete syntax tree that keep where their text is (offset and length) and
 * work out its line and column when asked, from the line starts of their document.
 *
 * Every token of every map is a leaf, held for as long as the document: about 400,000 on a
 * district, the largest kind of object in its memory. Langium's leaf keeps the token's
 * start and end line and column as well (ten fields, 104 bytes); these keep five (64 bytes).
 * The range is asked of few leaves (the first and last of an element, a reference's name)
 * and is the same: chevrotain counts lines at `\n`, `\r\n` and `\r`, as `lineStarts` does,
 * and columns in UTF-16 code units from the start of the line, as offsets are.
 */
class SlimLeaf implements LeafCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;

    constructor(readonly offset: number, readonly length: number, readonly tokenType: TokenType) {}

    get hidden(): boolean {
        return false;
    }

    get end(): number {
        return this.offset + this.length;
    }

    get root(): RootCstNode {
        let node: CompositeCstNode | undefined = this.container;
        while (node?.container) node = node.container;
        if (!node) throw new Error('This node is not in a tree');
        return node as RootCstNode;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get astNode(): AstNode {
        if (!this.container) throw new Error('This node has no associated AST element');
        return this.container.astNode;
    }

    get range(): Range {
        const root = this.root;
        const slim = root instanceof SlimRoot;
        const starts = slim ? root.lineStarts : lineStarts(root.fullText);
        const startLine = slim ? root.lineOf(this.offset) : lineAt(starts, this.offset);
        // The end is where the last character ends: a token never ends with a line break.
        const endLine = this.length === 0 ? startLine : slim ? root.lineOf(this.end - 1) : lineAt(starts, this.end - 1);
        return {
            start: { line: startLine, character: this.offset - starts[startLine] },
            end: { line: endLine, character: this.end - starts[endLine] }
        };
    }
}

/** A comment, which the parser does not read but the tree keeps. */
class SlimHiddenLeaf extends SlimLeaf {
    override get hidden(): boolean {
        return true;
    }
}

/**
 * An inner node of the tree: Langium's, without the range it keeps once asked (a slot on each
 * of a district's 100,000 inner nodes); its range is worked out when asked (`rangeOf`).
 */
class SlimComposite implements CompositeCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    content: CstNode[] = [];
    private element: AstNode | undefined = undefined;

    get astNode(): AstNode {
        for (let node: CompositeCstNode | undefined = this; node; node = node.container) {
            const own = node instanceof SlimComposite ? node.element : (node as unknown as { _astNode?: AstNode })._astNode;
            if (own) return own;
        }
        throw new Error('This node has no associated AST element');
    }

    set astNode(value: AstNode) {
        this.element = value;
    }

    get hidden(): boolean {
        return false;
    }

    get offset(): number {
        return edgeLeaf(this, 'first')?.offset ?? 0;
    }

    get end(): number {
        return edgeLeaf(this, 'last')?.end ?? 0;
    }

    get length(): number {
        return this.end - this.offset;
    }

    get range(): Range {
        return rangeOf(this);
    }

    get root(): RootCstNode {
        return rootOf(this) as RootCstNode;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }
}

/** Langium's root node, with the line starts of its text kept once asked for. */
class SlimRoot extends RootCstNodeImpl {
    private starts: Uint32Array | undefined = undefined;

    /** The line last answered: ranges are mostly asked in the order of the text, a line or two apart. */
    private lastLine = 0;

    get lineStarts(): Uint32Array {
        return this.starts ??= lineStarts(this.fullText);
    }

    /** The 0-based line holding the offset. */
    lineOf(offset: number): number {
        const starts = this.lineStarts;
        let line = this.lastLine;
        const holds = (n: number) => n < starts.length && starts[n] <= offset && (n + 1 === starts.length || offset < starts[n + 1]);
        if (!holds(line)) line = holds(line + 1) ? line + 1 : lineAt(starts, offset);
        return this.lastLine = line;
    }
}

/** The offset at which each line starts; a line ends at `\n`, `\r\n` or `\r`. */
export function lineStarts(text: string): Uint32Array {
    const starts = [0];
    if (!text.includes('\r')) {
        // Most maps: only `\n`, found by the string search rather than character by character.
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        return Uint32Array.from(starts);
    }
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
        } else if (c === 10 /* \n */) {
            starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/** The 0-based line holding the offset. */
export function lineAt(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}

/**
 * The range of a node, as its `range` reads, worked out from the offsets of its first and
 * last leaves without keeping anything on the node. Langium's inner node keeps the range it
 * was asked for, and works it out from its children's, which keep theirs: the model asks for
 * the range of every element (a district's 100,000 decisions and assignment lines), and each
 * asking left two or three ranges behind on the tree.
 */
export function rangeOf(node: CstNode): Range {
    const root = rootOf(node);
    if (!(root instanceof SlimRoot)) return node.range;
    const first = edgeLeaf(node, 'first');
    const last = edgeLeaf(node, 'last');
    if (!first || !last) return node.range;
    const startLine = root.lineOf(first.offset);
    const endLine = last.length === 0 ? root.lineOf(last.offset) : root.lineOf(last.end - 1);
    const starts = root.lineStarts;
    const start = { line: startLine, character: first.offset - starts[startLine] };
    // As Langium's: a node whose last leaf ends before its first begins ends where it starts.
    return { start, end: endLine < startLine ? start : { line: endLine, character: last.end - starts[endLine] } };
}

function rootOf(node: CstNode): CompositeCstNode | CstNode {
    let current: CstNode = node;
    while (current.container) current = current.container;
    return current;
}

/**
 * The first (or last) leaf that the node's range starts (or ends) at: Langium's
 * `firstNonHiddenNode` (`lastNonHiddenNode`) followed down to a leaf. That is the child that
 * is not hidden, or the first (last) child when all are.
 */
function edgeLeaf(node: CstNode, edge: 'first' | 'last'): CstNode | undefined {
    let current: CstNode = node;
    while (isComposite(current)) {
        const content = current.content;
        if (content.length === 0) return undefined;
        let next: CstNode | undefined;
        if (edge === 'first') {
            for (let i = 0; i < content.length && !next; i++) if (!content[i].hidden) next = content[i];
            current = next ?? content[0];
        } else {
            for (let i = content.length - 1; i >= 0 && !next; i--) if (!content[i].hidden) next = content[i];
            current = next ?? content[content.length - 1];
        }
    }
    return current;
}

function isComposite(node: CstNode): node is CompositeCstNode {
    return Array.isArray((node as Partial<CompositeCstNode>).content);
}

/** Langium's tree builder, making the leaves and root above. */
export class SlimCstNodeBuilder extends CstNodeBuilder {
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new SlimComposite();
        node.grammarSource = feature;
        this.appendChild(this.current, node);
        (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack.push(node);
        return node;
    }

    override buildRootNode(input: string): RootCstNodeImpl {
        const root = new SlimRoot(input);
        (this as unknown as { rootNode: RootCstNodeImpl }).rootNode = root;
        (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack = [root];
        return root;
    }

    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // Positions as small integers, as Langium stores them (see its `toSmi`).
        const leaf = hidden
            ? new SlimHiddenLeaf(token.startOffset | 0, token.image.length | 0, token.tokenType)
            : new SlimLeaf(token.startOffset | 0, token.image.length | 0, token.tokenType);
        // Langium's builder only sets a leaf's container and grammar source, which these have.
        return leaf as unknown as LeafCstNodeImpl;
    }
}
