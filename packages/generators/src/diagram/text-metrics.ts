/**
 * Text sizes without a browser: an estimate from per-character widths of a typical
 * sans-serif face. It only has to be deterministic and a little generous, so ELK can
 * leave room for every label and the same map always gives the same layout.
 */

/** Font size of the words on arrows. */
export const EDGE_LABEL_SIZE = 12;

/** Room for a level's glyph (and a space) before the words of a line. */
export const GLYPH_ROOM = 14;

const NARROW = new Set([...'iljtfrI.,:;\'!|() ']);
const WIDE = new Set([...'mwMWOQGDHNU@%&']);

export function textWidth(text: string, fontSize: number): number {
    let units = 0;
    for (const c of text) units += charUnits(c);
    return Math.ceil(units * fontSize);
}

function charUnits(c: string): number {
    if (NARROW.has(c)) return 0.36;
    if (WIDE.has(c)) return 0.92;
    if (c >= 'A' && c <= 'Z') return 0.74;
    if (c.charCodeAt(0) > 0x2e7f) return 1; // CJK and other full-width characters
    return 0.62;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at spaces where it can. Widths are
 * summed as the line grows (left to right, as `textWidth` sums them), so a long title costs
 * one pass over its characters, not one measurement per character tried.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    const fits = (units: number) => Math.ceil(units * fontSize) <= maxWidth;
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    let lineUnits = 0;
    for (const word of words) {
        if (line) {
            let units = lineUnits + charUnits(' ');
            for (const c of word) units += charUnits(c);
            if (fits(units)) {
                line = `${line} ${word}`;
                lineUnits = units;
                continue;
            }
            lines.push(line);
        }
        // A new line starts with the word; a word wider than the box is cut so it cannot overflow.
        line = '';
        lineUnits = 0;
        for (const c of word) {
            const units = lineUnits + charUnits(c);
            if (line && !fits(units)) {
                lines.push(line);
                line = c;
                lineUnits = charUnits(c);
            } else {
                line += c;
                lineUnits = units;
            }
        }
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
}

/** Rounds a coordinate so output does not depend on floating-point noise. */
export function round(value: number): string {
    const r = Math.round(value * 10) / 10;
    return Object.is(r, -0) ? '0' : String(r);
}
