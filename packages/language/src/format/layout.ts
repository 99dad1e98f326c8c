import { CstUtils, GrammarAST, type AstNode, type LeafCstNode } from 'langium';

/**
 * The canonical layout of a Remit file, decided gap by gap.
 *
 * The file is read as the sequence of its tokens, comments included. Formatting only ever
 * rewrites the whitespace between two tokens (and re-indents the continuation lines of a
 * block comment that moves with its code), so no word, name, string or comment can be
 * lost. The rules, in the words of docs/git.md:
 * - two spaces per level of indentation, one property, assignment, level or phase per line;
 * - one blank line between elements (roles, teams, domains, decisions, levels and phases
 *   blocks), none directly inside braces;
 * - a role, team or decision block written on one line, without comments inside, stays on
 *   one line, its properties separated by two spaces: `{ kind teacher  seats 6 }`;
 * - a comment at the end of a line stays there, with the spaces before it as written;
 *   a comment on a line of its own stays on a line of its own, indented with the code, and
 *   keeps one blank line before or after it where the author left one.
 */

/** A stretch of the original text and what it becomes. */
export interface LayoutPiece {
    start: number;
    end: number;
    newText: string;
}

/** The text between two tokens held something other than whitespace: formatting is not safe. */
export class LayoutError extends Error {
    constructor(readonly offset: number) {
        super('The file holds text the formatter does not recognise.');
        this.name = 'LayoutError';
    }
}

const INDENT = '  ';

/** Properties that start a line of their own, by the kind of block they belong to. */
const LINE_KEYWORDS: Record<string, ReadonlySet<string>> = {
    RemitMap: new Set(['uses', 'status', 'under', 'version', 'adopted', 'approved', 'next-review']),
    Role: new Set(['kind', 'holders', 'seats', 'vacant', 'release', 'backup', 'reports', 'requires']),
    Team: new Set(['members', 'advisory', 'chair', 'rule', 'requires']),
    Domain: new Set(['tight', 'loose']),
    Decision: new Set(['after', 'escalate', 'review', 'pattern', 'source', 'status', 'fallback', 'tight', 'loose', 'overrides'])
};

/** Elements separated from their neighbours by a blank line. */
const ELEMENTS = new Set(['Role', 'Team', 'Domain', 'Decision', 'LevelScheme', 'PhaseList']);
/** Lines inside a block, one per line. */
const ITEMS = new Set(['Level', 'Phase', 'Assignment']);
/** Blocks that may stay on one line when written so. */
const ONE_LINE_BLOCKS = new Set(['Role', 'Team', 'Decision']);

/** What goes between two code tokens: line breaks (then indentation) or spaces. */
type Separation = { lines: number; continued?: boolean } | { spaces: number };

interface Block {
    open: number;
    close: number;
    oneLine: boolean;
}

/**
 * The pieces of `text` (parsed into `root` without errors) that the canonical layout
 * rewrites, in order. Pieces whose text stays the same are included; callers filter.
 */
export function layoutPieces(root: AstNode, text: string): LayoutPiece[] {
    const rootCst = root.$cstNode;
    if (!rootCst) return [];
    const leaves = CstUtils.flattenCst(rootCst).toArray();
    if (leaves.length === 0) return [];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const layout = new Layout(leaves, text);
    const pieces: LayoutPiece[] = [];
    let inLeadingRun = false;
    let lastCode: number | undefined;

    for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i];
        const start = i === 0 ? 0 : leaves[i - 1].end;
        const original = text.slice(start, leaf.offset);
        if (/\S/.test(original)) throw new LayoutError(start + original.search(/\S/));
        const originalLines = countLines(original);
        const next = layout.nextCode[i];
        const separation = lastCode !== undefined && next !== undefined ? layout.separation(lastCode, next) : { lines: 1 };
        const continuation = 'spaces' in separation;
        let gap: string;

        if (i === 0) {
            // A byte order mark is kept: some Windows editors rely on it.
            gap = original.startsWith('\uFEFF') ? '\uFEFF' : '';
        } else if (leaf.hidden && originalLines === 0) {
            // A comment at the end of a line (or after another on the same line) stays there.
            gap = ' '.repeat(Math.max(1, original.length));
        } else {
            let lines: number;
            const previous = leaves[i - 1];
            if (!leaf.hidden && !inLeadingRun) {
                // Code after code (or after a comment at the end of the code's line).
                if ('lines' in separation) lines = separation.lines;
                else lines = isLineComment(previous) ? 1 : 0;
                if (lines === 2 && layout.keepsTogether(lastCode!, i)) lines = clamp(originalLines, 1, 2);
            } else if (!leaf.hidden) {
                // Code after a comment on a line of its own: keep the comment attached.
                lines = continuation ? 1 : clamp(originalLines, 1, leaf.text === '}' ? 1 : 2);
            } else if (!inLeadingRun) {
                // The first comment on a line of its own after some code.
                const afterBrace = lastCode !== undefined && leaves[lastCode].text === '{' && !leaves[lastCode].hidden;
                lines = continuation ? 1
                    : afterBrace ? 1
                    : Math.max('lines' in separation ? separation.lines : 1, clamp(originalLines, 1, 2));
            } else {
                lines = clamp(originalLines, 1, 2);
            }
            if (lines === 0) {
                gap = ' '.repeat((separation as { spaces: number }).spaces);
            } else {
                const continued = continuation || ('lines' in separation && separation.continued === true);
                const depth = layout.depthOf(i) + (continued ? 1 : 0);
                gap = eol.repeat(lines) + INDENT.repeat(depth);
            }
        }
        pieces.push({ start, end: leaf.offset, newText: gap });
        // `District . Coach` is one name token: the spaces around its dot go.
        if (!leaf.hidden) for (const inside of spacesAroundDots(leaf)) pieces.push(inside);

        if (leaf.hidden) {
            const ownLine = i === 0 || originalLines > 0;
            if (ownLine) {
                inLeadingRun = true;
                const moved = reindentComment(leaf, text, gap);
                if (moved !== undefined) pieces.push({ start: leaf.offset, end: leaf.end, newText: moved });
            }
        } else {
            inLeadingRun = false;
            lastCode = i;
        }
    }
    const last = leaves[leaves.length - 1];
    const rest = text.slice(last.end);
    if (/\S/.test(rest)) throw new LayoutError(last.end + rest.search(/\S/));
    pieces.push({ start: last.end, end: text.length, newText: eol });
    return pieces;
}

/** The spaces and tabs around the dots of a qualified name (a name token), as pieces that remove them. */
function spacesAroundDots(leaf: LeafCstNode): LayoutPiece[] {
    if (leaf.tokenType.name !== 'ID') return [];
    const text = leaf.text;
    if (!text.includes('.') || !/[ \t]/.test(text)) return [];
    const pieces: LayoutPiece[] = [];
    for (const match of text.matchAll(/[ \t]+/g)) {
        pieces.push({ start: leaf.offset + match.index, end: leaf.offset + match.index + match[0].length, newText: '' });
    }
    return pieces;
}

/** Applies pieces (sorted, not overlapping) to the text. */
export function applyPieces(text: string, pieces: readonly LayoutPiece[]): string {
    let result = '';
    let at = 0;
    for (const piece of pieces) {
        result += text.slice(at, piece.start) + piece.newText;
        at = piece.end;
    }
    return result + text.slice(at);
}

/** Facts about the token sequence the layout rules need. */
class Layout {
    /** For each token, the index of the first code token at or after it. */
    readonly nextCode: Array<number | undefined>;
    /** Open braces before each token. */
    private readonly depth: number[];
    /** The innermost block each token lies in (undefined at the top level). */
    private readonly blockOf: Array<Block | undefined>;
    private readonly blockByBrace = new Map<number, Block>();
    private readonly firstLeaf = new Map<AstNode, number>();
    /** Spaces after a level's name or title, so a levels block reads as a table. */
    private readonly columns = new Map<number, number>();
    /** Offsets of the comments, in order. */
    private readonly comments: number[];

    constructor(private readonly leaves: readonly LeafCstNode[], private readonly text: string) {
        this.comments = leaves.filter(l => l.hidden).map(l => l.offset);
        this.nextCode = new Array(leaves.length);
        let following: number | undefined;
        for (let i = leaves.length - 1; i >= 0; i--) {
            if (!leaves[i].hidden) following = i;
            this.nextCode[i] = following;
        }
        this.depth = new Array(leaves.length);
        this.blockOf = new Array(leaves.length);
        const open: number[] = [];
        const blocks: Block[] = [];
        leaves.forEach((leaf, i) => {
            if (!leaf.hidden && !this.firstLeaf.has(leaf.astNode)) this.firstLeaf.set(leaf.astNode, i);
            if (isBrace(leaf, '}') && open.length > 0) {
                const block = { open: open.pop()!, close: i, oneLine: false };
                blocks.push(block);
            }
            this.depth[i] = open.length + (isBrace(leaf, '}') ? 1 : 0);
            if (isBrace(leaf, '{')) open.push(i);
        });
        this.alignLevels();
        for (const block of blocks) {
            block.oneLine = this.staysOnOneLine(block);
            this.blockByBrace.set(block.open, block);
            this.blockByBrace.set(block.close, block);
            for (let i = block.open + 1; i < block.close; i++) {
                // Inner blocks were closed first, so only tokens not yet claimed are direct contents.
                if (this.blockOf[i] === undefined) this.blockOf[i] = block;
            }
        }
    }

    /**
     * Whether two elements written on one line each, one right under the other, stay
     * together without a blank line (a roster of one-line roles reads best that way).
     */
    keepsTogether(a: number, b: number): boolean {
        const next = this.leaves[b].astNode;
        let previous: AstNode | undefined = this.leaves[a].astNode;
        while (previous && !ELEMENTS.has(previous.$type)) previous = previous.$container;
        if (!previous?.$cstNode || previous.$cstNode.end !== this.leaves[a].end) return false;
        return this.staysOneLine(previous) && this.staysOneLine(next);
    }

    /** Written on one line, and without a comment inside that would open its block up. */
    private staysOneLine(node: AstNode): boolean {
        const cst = node.$cstNode;
        if (!cst || /[\r\n]/.test(cst.text)) return false;
        // The first comment starting after the element's start, found by halving.
        let low = 0;
        let high = this.comments.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (this.comments[middle] <= cst.offset) low = middle + 1;
            else high = middle;
        }
        if (low < this.comments.length && this.comments[low] < cst.end) return false;
        // Blocks of levels, phases and domains are opened up even when written on one line.
        for (let i = this.firstLeaf.get(node) ?? this.leaves.length; i < this.leaves.length && this.leaves[i].offset < cst.end; i++) {
            if (isBrace(this.leaves[i], '{') && !this.blockByBrace.get(i)?.oneLine) return false;
        }
        return true;
    }

    private alignLevels(): void {
        const levels = new Map<AstNode, number[]>();
        this.leaves.forEach((leaf, i) => {
            if (leaf.hidden || leaf.astNode.$type !== 'Level') return;
            const list = levels.get(leaf.astNode) ?? [];
            list.push(i);
            levels.set(leaf.astNode, list);
        });
        const schemes = new Map<AstNode | undefined, number[][]>();
        for (const [level, indices] of levels) {
            const list = schemes.get(level.$container) ?? [];
            list.push(indices);
            schemes.set(level.$container, list);
        }
        for (const rows of schemes.values()) {
            const isTitle = (row: number[]) => row.length > 1 && this.leaves[row[1]].tokenType.name === 'STRING';
            const nameWidth = Math.max(0, ...rows.filter(r => r.length > 1).map(r => this.leaves[r[0]].text.length));
            const titleWidth = Math.max(0, ...rows.filter(r => isTitle(r) && r.length > 2).map(r => this.leaves[r[1]].text.length));
            for (const row of rows) {
                if (row.length > 1) this.columns.set(row[0], nameWidth - this.leaves[row[0]].text.length + 1);
                if (isTitle(row) && row.length > 2) this.columns.set(row[1], titleWidth - this.leaves[row[1]].text.length + 1);
            }
        }
    }

    /** The indentation depth of a token's line. A closing brace lines up with its opening line. */
    depthOf(index: number): number {
        return isBrace(this.leaves[index], '}') ? this.depth[index] - 1 : this.depth[index];
    }

    /** What stands between the code tokens `a` and `b` (b follows a, comments aside). */
    separation(a: number, b: number): Separation {
        const before = this.leaves[a];
        const after = this.leaves[b];
        if (isBrace(after, '}')) return this.blockByBrace.get(b)?.oneLine ? { spaces: 1 } : { lines: 1 };
        if (isBrace(before, '{')) return this.blockByBrace.get(a)?.oneLine ? { spaces: 1 } : { lines: 1 };
        const start = this.lineStart(b);
        if (start > 0) return this.blockOf[b]?.oneLine ? { spaces: 2 } : { lines: start };
        // A long list may be wrapped after a comma; the next line is indented one step more.
        if (before.text === ',' && /[\r\n]/.test(this.text.slice(before.end, after.offset))) return { lines: 1, continued: true };
        return { spaces: this.columns.get(a) ?? (tight(before.text, after.text) ? 0 : 1) };
    }

    /** 2 when the token starts an element, 1 when it starts a line inside a block, else 0. */
    private lineStart(index: number): number {
        const leaf = this.leaves[index];
        const node = leaf.astNode;
        if (this.firstLeaf.get(node) === index) {
            if (ELEMENTS.has(node.$type)) return 2;
            if (ITEMS.has(node.$type)) return 1;
        }
        if (GrammarAST.isKeyword(leaf.grammarSource) && LINE_KEYWORDS[node.$type]?.has(leaf.text)) return 1;
        return 0;
    }

    private staysOnOneLine(block: Block): boolean {
        if (block.close === block.open + 1) return true;
        const owner = this.leaves[block.open].astNode.$type;
        if (!ONE_LINE_BLOCKS.has(owner)) return false;
        for (let i = block.open + 1; i < block.close; i++) {
            if (this.leaves[i].hidden) return false;
        }
        const written = this.text.slice(this.leaves[block.open].offset, this.leaves[block.close].end);
        return !/[\r\n]/.test(written);
    }
}

function isBrace(leaf: LeafCstNode, brace: '{' | '}'): boolean {
    return !leaf.hidden && leaf.text === brace && GrammarAST.isKeyword(leaf.grammarSource);
}

function isLineComment(leaf: LeafCstNode): boolean {
    return leaf.hidden && leaf.text.startsWith('//');
}

/** Tokens written without a space between them: `A, B`, `5%`, `6..12`, `2/3` (`A.B` is one token). */
function tight(before: string, after: string): boolean {
    return after === ',' || after === '%'
        || after === '..' || before === '..' || after === '/' || before === '/';
}

/** Line breaks in whitespace: \n, \r\n, and a lone \r (old Mac files) each count once. */
function countLines(whitespace: string): number {
    return whitespace.match(/\r\n|\n|\r/g)?.length ?? 0;
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}

/**
 * A block comment on a line of its own that moves left or right takes its continuation
 * lines (the ` * ` lines of a doc comment) with it, so it still reads as one block. Its
 * words are never touched; when a line has too little indentation to move, the comment is
 * left exactly as written.
 */
function reindentComment(leaf: LeafCstNode, text: string, gap: string): string | undefined {
    if (!leaf.text.includes('\n')) return undefined;
    const lineStart = text.lastIndexOf('\n', leaf.offset - 1) + 1;
    const before = text.slice(lineStart, leaf.offset);
    if (!/^[ ]*$/.test(before)) return undefined;
    const newColumn = gap.length - (gap.lastIndexOf('\n') + 1);
    const shift = newColumn - before.length;
    if (shift === 0) return undefined;
    const lines = leaf.text.split('\n');
    for (let i = 1; i < lines.length; i++) {
        if (shift < 0 && lines[i].trim() !== '' && !lines[i].startsWith(' '.repeat(-shift))) return undefined;
    }
    return lines.map((line, i) => {
        if (i === 0 || line.trim() === '') return line;
        return shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift);
    }).join('\n');
}
