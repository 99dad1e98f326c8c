import { CstUtils, type AstNode } from 'langium';
import { applyPieces, layoutPieces, LayoutError, type LayoutPiece } from './layout.js';
import { sameShape } from './ast-shape.js';
import { parseRemitText, syntaxServices, type FormatProblem } from './parse.js';

export type { FormatProblem } from './parse.js';

export type FormatResult =
    | { text: string; changed: boolean; error?: undefined }
    | { error: FormatProblem; text?: undefined; changed?: undefined };

/**
 * The canonical layout of one file's text (see format/layout.ts for the rules). A file
 * with a syntax error is not formatted: the result names the first error instead. The
 * output is checked before it is returned: the same words and comments in the same order,
 * and the same map once parsed; should that ever fail, the file is reported, not changed.
 */
export function formatRemitText(text: string): FormatResult {
    const parsed = parseRemitText(text);
    if (parsed.error) return { error: parsed.error };
    const layout = checkedLayout(parsed.root, text);
    if ('offset' in layout) {
        const { line, character } = parsed.document.textDocument.positionAt(layout.offset);
        return { error: { line: line + 1, column: character + 1, message: layout.message } };
    }
    return { text: layout.text, changed: layout.text !== text };
}

/**
 * The layout of a parsed text, checked: the pieces to rewrite and the result, or why the
 * text is left as it is. Used by `remit fmt` and by the editor's formatting alike.
 */
export function checkedLayout(root: AstNode, text: string): { pieces: LayoutPiece[]; text: string } | { offset: number; message: string } {
    let pieces: LayoutPiece[];
    try {
        pieces = layoutPieces(root, text);
    } catch (err) {
        if (!(err instanceof LayoutError)) throw err;
        return { offset: err.offset, message: `${err.message} The file was left as it is.` };
    }
    const formatted = applyPieces(text, pieces);
    if (!sameMeaning(root, formatted)) {
        return { offset: 0, message: 'Formatting this file would change more than its layout, so it was left as it is. Please report this as a bug in remit.' };
    }
    return { pieces, text: formatted };
}

function sameMeaning(before: AstNode, after: string): boolean {
    const reparsed = syntaxServices().parser.LangiumParser.parse(after);
    if (reparsed.lexerErrors.length > 0 || reparsed.parserErrors.length > 0) return false;
    if (!sameWords(before.$cstNode?.root.fullText ?? '', after)) return false;
    const a = commentsOf(before);
    const b = commentsOf(reparsed.value);
    if (a.length !== b.length || a.some((comment, i) => comment !== b[i])) return false;
    return sameShape(before, reparsed.value);
}

/** The same text once whitespace is left out, compared character by character without copies. */
function sameWords(a: string, b: string): boolean {
    let i = 0;
    let j = 0;
    for (;;) {
        while (i < a.length && isSpace(a.charCodeAt(i))) i++;
        while (j < b.length && isSpace(b.charCodeAt(j))) j++;
        if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
        if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
        i++;
        j++;
    }
}

function isSpace(code: number): boolean {
    return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** Each comment's words, line by line: its indentation may move, its words and its bounds may not. */
function commentsOf(root: AstNode): string[] {
    if (!root.$cstNode) return [];
    return CstUtils.flattenCst(root.$cstNode).filter(leaf => leaf.hidden)
        .map(leaf => leaf.text.split(/\r\n|\n|\r/).map(line => line.trim()).join('\n')).toArray();
}
