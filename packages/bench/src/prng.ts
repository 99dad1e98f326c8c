/**
 * A small seeded pseudo-random generator (mulberry32). The benchmark's workspaces must be
 * the same bytes on every run and every machine, so that figures can be compared; Math.random
 * cannot be seeded.
 */
export class Random {
    private state: number;

    constructor(seed: number | string) {
        this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    chance(p: number): boolean {
        return this.next() < p;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Up to `n` distinct items, in the order they first appear in `items`. */
    sample<T>(items: readonly T[], n: number): T[] {
        const chosen = new Set<number>();
        const count = Math.min(n, items.length);
        while (chosen.size < count) chosen.add(Math.floor(this.next() * items.length));
        return [...chosen].sort((a, b) => a - b).map(i => items[i]);
    }

    /** Picks by weight: `[[value, weight], ...]`. */
    weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
        const total = choices.reduce((sum, [, w]) => sum + w, 0);
        let r = this.next() * total;
        for (const [value, weight] of choices) {
            r -= weight;
            if (r < 0) return value;
        }
        return choices[choices.length - 1][0];
    }
}

/** FNV-1a, to turn a readable seed ("district-7") into a 32-bit state. */
export function hashString(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
