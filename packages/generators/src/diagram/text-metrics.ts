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
    for (const c of text) {
        if (NARROW.has(c)) units += 0.36;
        else if (WIDE.has(c)) units += 0.92;
        else if (c >= 'A' && c <= 'Z') units += 0.74;
        else if (c.charCodeAt(0) > 0x2e7f) units += 1; // CJK and other full-width characters
        else units += 0.62;
    }
    return Math.ceil(units * fontSize);
}

/** Breaks text into lines no wider than `maxWidth`, at spaces where it can. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (textWidth(candidate, fontSize) <= maxWidth || !line) {
            line = candidate;
        } else {
            lines.push(line);
            line = word;
        }
        // A single word wider than the box is cut so it cannot overflow.
        while (textWidth(line, fontSize) > maxWidth && line.length > 1) {
            let cut = line.length - 1;
            while (cut > 1 && textWidth(line.slice(0, cut), fontSize) > maxWidth) cut--;
            lines.push(line.slice(0, cut));
            line = line.slice(cut);
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
