import type { LevelModel } from '@remit/language';

/*
 * How levels and boxes look, in one place. A level is told apart three ways, so that it
 * still reads on a greyscale photocopy and for readers with red-green colour blindness:
 *
 * - its colour, chosen on a ladder of lightness (final authority darkest, then each level
 *   lighter), so levels differ in lightness and not only in hue;
 * - its glyph (◆ ▲ ● ○ ...), printed before the level's name in labels and legends and
 *   drawn as the arrowhead of its arrows;
 * - its dash pattern on arrows.
 *
 * test/palette.test.ts simulates protanopia and deuteranopia (Machado, Oliveira and
 * Fernandes 2009) and greyscale, and checks that the levels of every built-in scheme stay
 * apart. The dark theme is the same ladder turned over (final authority lightest).
 */

/** Which slot of the palette a level takes: final, veto, or the n-th other level. */
export type StyleKey = 'final' | 'veto' | 'p0' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'link' | 'problem';

export type MarkerShape = 'diamond' | 'square' | 'triangle' | 'circle' | 'ring' | 'open-triangle' | 'open-square' | 'open-diamond' | 'arrow';

export interface LevelStyle {
    key: StyleKey;
    glyph: string;
    /** SVG stroke-dasharray, or undefined for a solid line. */
    dash?: string;
    marker: MarkerShape;
}

const OTHER: Array<Omit<LevelStyle, 'key'>> = [
    { glyph: '▲', marker: 'triangle' },
    { glyph: '●', dash: '7 3', marker: 'circle' },
    { glyph: '○', dash: '2 3', marker: 'ring' },
    { glyph: '△', dash: '10 3 2 3', marker: 'open-triangle' },
    { glyph: '□', dash: '5 2 1 2', marker: 'open-square' },
    { glyph: '◇', dash: '1 4', marker: 'open-diamond' }
];
export const FINAL_STYLE: LevelStyle = { key: 'final', glyph: '◆', marker: 'diamond' };
export const VETO_STYLE: LevelStyle = { key: 'veto', glyph: '■', dash: '12 3', marker: 'square' };
export const LINK_STYLE: LevelStyle = { key: 'link', glyph: '→', dash: '2 4', marker: 'arrow' };
export const ESCALATE_STYLE: LevelStyle = { key: 'problem', glyph: '!', dash: '2 4', marker: 'arrow' };

/** The style of every level of a scheme: final, veto, and the others in the scheme's order. */
export function levelStyles(levels: readonly LevelModel[]): Map<string, LevelStyle> {
    const styles = new Map<string, LevelStyle>();
    let next = 0;
    for (const level of levels) {
        if (level.final) styles.set(level.name, FINAL_STYLE);
        else if (level.veto) styles.set(level.name, VETO_STYLE);
        else {
            const i = next++ % OTHER.length;
            styles.set(level.name, { key: `p${i}` as StyleKey, ...OTHER[i] });
        }
    }
    return styles;
}

export type ThemeName = 'paper' | 'dark';

export interface DiagramTheme {
    name: ThemeName;
    background: string;
    ink: string;
    muted: string;
    legendInk: string;
    problem: string;
    problemFill: string;
    handover: string;
    handoverFill: string;
    labelBackground: string;
    levels: Record<StyleKey, string>;
    box: Record<'team' | 'role' | 'domain' | 'step' | 'other' | 'decision', { fill: string; stroke: string }>;
    finalStroke: string;
    focusFill: string;
    idleOpacity: number;
}

/** The picture as it prints: white paper, dark ink. Levels on a ladder of lightness (L* 12 to 67). */
export const PAPER: DiagramTheme = {
    name: 'paper',
    background: '#ffffff',
    ink: '#102a43',
    muted: '#52606d',
    legendInk: '#243b53',
    problem: '#b42318',
    problemFill: '#fff1f0',
    handover: '#9a3412',
    handoverFill: '#fff4e0',
    labelBackground: '#ffffff',
    levels: {
        final: '#0b1f3a', p0: '#1e4fb0', veto: '#c2410c', p1: '#1a9c8c', p2: '#a99be0',
        p3: '#6b4f2a', p4: '#8a9bb0', p5: '#e0a030', link: '#52606d', problem: '#b42318'
    },
    box: {
        team: { fill: '#e3f8ff', stroke: '#0b69a3' },
        role: { fill: '#f0f4f8', stroke: '#486581' },
        domain: { fill: '#f8fafc', stroke: '#9fb3c8' },
        step: { fill: '#ffffff', stroke: '#627d98' },
        other: { fill: '#fffbea', stroke: '#a16207' },
        decision: { fill: '#ffffff', stroke: '#829ab1' }
    },
    finalStroke: '#102a43',
    focusFill: '#dceefb',
    idleOpacity: 0.45
};

/** For a dark editor: the same ladder turned over, final authority lightest (L* 96 to 46). */
export const DARK: DiagramTheme = {
    name: 'dark',
    background: '#1e1e1e',
    ink: '#e6edf3',
    muted: '#a9b4c0',
    legendInk: '#d0d7de',
    problem: '#ff7b72',
    problemFill: '#3d1f1f',
    handover: '#ffb86b',
    handoverFill: '#3a2a12',
    labelBackground: '#1e1e1e',
    levels: {
        final: '#f2f5f8', p0: '#a9c8ff', veto: '#f0803a', p1: '#1a9384', p2: '#7354d8',
        p3: '#c9a877', p4: '#7d8da3', p5: '#d99a1e', link: '#a9b4c0', problem: '#ff7b72'
    },
    box: {
        team: { fill: '#12334a', stroke: '#5fb3e6' },
        role: { fill: '#263241', stroke: '#8da4be' },
        domain: { fill: '#232a33', stroke: '#56677a' },
        step: { fill: '#1e1e1e', stroke: '#8da4be' },
        other: { fill: '#33290f', stroke: '#d9a441' },
        decision: { fill: '#1b2129', stroke: '#6e849c' }
    },
    finalStroke: '#f2f5f8',
    focusFill: '#173a5e',
    idleOpacity: 0.45
};

export function themeNamed(name: ThemeName | undefined): DiagramTheme {
    return name === 'dark' ? DARK : PAPER;
}
