import type { ParseResult } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

/**
 * How deep blocks may be nested. Domains are the only blocks that nest; real maps go three
 * or four deep. The parser descends once per level, so without a bound a file of a few
 * hundred unclosed `domain D {` lines overflowed its stack.
 */
export const MAX_NESTING = 50;

type LexerError = ParseResult['lexerErrors'][number];

export interface LimitedText {
    /** The text to parse: what is nested too deeply is blanked (same length, same lines). */
    text: string;
    errors: LexerError[];
}

/**
 * Cuts off blocks nested deeper than `MAX_NESTING`: what is inside them becomes spaces (so
 * every offset, line and column stays where it was) and one syntax error says where.
 * Braces inside text in double quotes and comments do not count.
 */
export function limitNesting(text: string, max = MAX_NESTING): LimitedText {
    if (!mayBeDeeper(text, max)) return { text, errors: [] };
    const errors: LexerError[] = [];
    const cuts: Array<[number, number]> = [];
    let depth = 0;
    let cutFrom = -1;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) {
            line++;
            lineStart = i + 1;
        } else if (c === 34 /* " */) {
            // Text in double quotes ends at the closing quote or the end of its line.
            for (i++; i < text.length; i++) {
                const d = text.charCodeAt(i);
                if (d === 92 /* \ */ && i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
                else if (d === 34) break;
                else if (d === 10 || d === 13) { i--; break; }
            }
        } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
            while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
        } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            for (let j = i; j < stop; j++) {
                if (text.charCodeAt(j) === 10) { line++; lineStart = j + 1; }
            }
            i = stop - 1;
        } else if (c === 123 /* { */) {
            depth++;
            if (depth === max + 1 && cutFrom < 0) {
                cutFrom = i + 1;
                errors.push({
                    offset: i, length: 1, line, column: i - lineStart + 1,
                    message: `Blocks are nested too deeply here (more than ${max} levels): Remit skips what is inside this one. Close the blocks above with '}', or nest fewer domains.`
                });
            }
        } else if (c === 125 /* } */) {
            if (depth === max + 1 && cutFrom >= 0) {
                cuts.push([cutFrom, i]);
                cutFrom = -1;
            }
            if (depth > 0) depth--;
        }
    }
    if (cutFrom >= 0) cuts.push([cutFrom, text.length]);
    if (cuts.length === 0) return { text, errors: [] };
    let out = '';
    let from = 0;
    for (const [start, end] of cuts) {
        out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
        from = end;
    }
    out += text.slice(from);
    return { text: out, errors };
}

/**
 * Whether the lexer's tokens open blocks more than `max` deep. The tokens hold no braces of
 * quoted text or comments, so this is the same answer as `limitNesting` gives, found by
 * comparing token types rather than reading every character (a district's 5 MB: about
 * 3 ms rather than 60).
 */
export function nestedDeeperThan(tokens: readonly IToken[], open: TokenType, close: TokenType, max = MAX_NESTING): boolean {
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
        const type = tokens[i].tokenType;
        if (type === open) {
            if (++depth > max) return true;
        } else if (type === close && depth > 0) {
            depth--;
        }
    }
    return false;
}

/** A quick count: fewer opening braces than the bound means nothing can be too deep. */
function mayBeDeeper(text: string, max: number): boolean {
    let count = 0;
    for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
        if (++count > max) return true;
    }
    return false;
}
