/** The candidate most like `name` (edit distance), if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    return closestCandidate(name, candidates)?.name;
}

/**
 * The first candidate at the smallest edit distance from `name`, with that distance, if it is
 * close enough to be a likely typo (at most a third of the name's letters, at least one).
 */
export function closestCandidate(name: string, candidates: Iterable<string>): { name: string; distance: number } | undefined {
    let best: string | undefined;
    const limit = Math.max(1, Math.floor(name.length / 3));
    // Only a candidate within the limit counts; one whose length alone puts it further is skipped.
    let bestDistance = limit + 1;
    const lower = name.toLowerCase();
    for (const candidate of candidates) {
        if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
        const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best === undefined ? undefined : { name: best, distance: bestDistance };
}

/**
 * Edits that turn `a` into `b`: insertions, deletions, substitutions, and swaps of two
 * neighbouring letters (the commonest typing slip, `Laed` for `Lead`), each counting one.
 * With `atLeast`, a distance known to be that much or more is answered as `atLeast` as soon
 * as it is known (every cell of a row at least that much), without finishing the table:
 * looking for the closest of many names, the others are mostly told apart in a few letters.
 */
export function editDistance(a: string, b: string, atLeast = Number.POSITIVE_INFINITY): number {
    // Three rows of the table: two rows back are needed to see a swap.
    let beforePrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, beforePrevious[j - 2] + 1);
            }
            current.push(best);
        }
        // No cell is less than the least of the row above (a swap reaches two rows back, but
        // adds one to a cell at most one less than the one below it): the bound holds from here.
        if (Math.min(...current) >= atLeast) return atLeast;
        beforePrevious = previous;
        previous = current;
    }
    return Math.min(previous[b.length], atLeast);
}
