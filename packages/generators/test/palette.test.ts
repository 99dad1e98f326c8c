import { describe, expect, it } from 'vitest';
import { DARK, PAPER, levelStyles, type DiagramTheme } from '@remit/generators';
import { loadExample } from './helpers.js';

/**
 * The levels of every built-in scheme stay apart for readers with protanopia or
 * deuteranopia and on a greyscale photocopy. Colour vision is simulated with the
 * matrices of Machado, Oliveira and Fernandes (2009, severity 1.0) in linear RGB;
 * distances are CIE76 ΔE in CIELAB, lightness is CIE L*.
 */
const MACHADO = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
};
type Vec = [number, number, number];

const toLinear = (c: number) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const linearOf = (hex: string): Vec => [1, 3, 5].map(i => toLinear(parseInt(hex.slice(i, i + 2), 16))) as Vec;

export function simulate(hex: string, matrix?: number[][]): Vec {
    const rgb = linearOf(hex);
    if (!matrix) return rgb;
    return matrix.map(row => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Vec;
}

export function lab([r, g, b]: Vec): Vec {
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Vec, b: Vec) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The smallest distance between two of the colours under a simulation, and which pair. */
function closest(colors: string[], measure: (a: string, b: string) => number): { value: number; pair: string } {
    let best = { value: Infinity, pair: '' };
    for (let i = 0; i < colors.length; i++) {
        for (let j = i + 1; j < colors.length; j++) {
            const value = measure(colors[i], colors[j]);
            if (value < best.value) best = { value, pair: `${colors[i]} and ${colors[j]}` };
        }
    }
    return best;
}

async function schemes() {
    const { workspace } = await loadExample('schemes');
    const result = new Map<string, ReturnType<typeof levelStyles>>();
    for (const map of workspace.model.maps) result.set(map.scheme.name, levelStyles(map.scheme.levels));
    return result;
}

describe('the level palette', () => {
    it('simulates colour blindness the way the literature does (the old palette fails, as the issue found)', () => {
        // recommend #2563eb and inform #7c3aed were nearly identical for deuteranopes.
        expect(deltaE(lab(simulate('#2563eb', MACHADO.deuteranopia)), lab(simulate('#7c3aed', MACHADO.deuteranopia)))).toBeLessThan(5);
        // and every old level sat at about the same lightness
        expect(Math.abs(lab(simulate('#2563eb'))[0] - lab(simulate('#0f766e'))[0])).toBeLessThan(5);
        // white stays white
        expect(lab(simulate('#ffffff', MACHADO.protanopia))[0]).toBeCloseTo(100, 0);
    });

    for (const theme of [PAPER, DARK] as DiagramTheme[]) {
        it(`${theme.name}: the levels of every built-in scheme stay apart under protanopia, deuteranopia and in greyscale`, async () => {
            for (const [scheme, styles] of await schemes()) {
                const colors = [...styles.values()].map(s => theme.levels[s.key]);
                expect(new Set(colors).size, `${scheme}: one colour per level`).toBe(colors.length);
                for (const [name, matrix] of Object.entries(MACHADO)) {
                    const worst = closest(colors, (a, b) => deltaE(lab(simulate(a, matrix)), lab(simulate(b, matrix))));
                    expect(worst.value, `${theme.name} ${scheme} under ${name}: ${worst.pair}`).toBeGreaterThanOrEqual(15);
                }
                const grey = closest(colors, (a, b) => Math.abs(lab(simulate(a))[0] - lab(simulate(b))[0]));
                expect(grey.value, `${theme.name} ${scheme} in greyscale: ${grey.pair}`).toBeGreaterThanOrEqual(8);
                // and every level is drawn visibly on the background
                for (const c of colors) expect(Math.abs(lab(simulate(c))[0] - lab(simulate(theme.background))[0]), `${c} on ${theme.background}`).toBeGreaterThanOrEqual(25);
            }
        });
    }

    it('gives every level its own glyph, arrowhead and line (dash pattern or thickness), so colour is never the only difference', async () => {
        for (const [scheme, styles] of await schemes()) {
            const all = [...styles.values()];
            expect(new Set(all.map(s => s.glyph)).size, scheme).toBe(all.length);
            expect(new Set(all.map(s => s.marker)).size, scheme).toBe(all.length);
            // final authority is drawn thick and solid; every other level has its own line
            const lines = all.map(s => `${s.dash ?? 'solid'} ${s.key === 'final' ? 'thick' : 'thin'}`);
            expect(new Set(lines).size, `${scheme}: ${lines.join(', ')}`).toBe(all.length);
        }
    });
});
