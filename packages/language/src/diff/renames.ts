/**
 * Pairs elements that disappeared under one name with elements that appeared under
 * another, when they are otherwise the same (tests tried in order: the first that pairs
 * an old element with exactly one unpaired new one wins). Returns old name -> new name.
 */
export function matchRenames<T>(
    olds: readonly T[], news: readonly T[], nameOf: (element: T) => string,
    sameElement: ReadonlyArray<(old: T, current: T) => boolean>
): Map<string, string> {
    const newNames = new Set(news.map(nameOf));
    const oldNames = new Set(olds.map(nameOf));
    const gone = olds.filter(e => !newNames.has(nameOf(e)));
    const arrived = news.filter(e => !oldNames.has(nameOf(e)));
    const renames = new Map<string, string>();
    const taken = new Set<string>();
    for (const test of sameElement) {
        for (const old of gone) {
            if (renames.has(nameOf(old))) continue;
            const candidates = arrived.filter(e => !taken.has(nameOf(e)) && test(old, e));
            // Two equally good candidates: a guess would mislead the reviewer, so report a removal and an addition.
            if (candidates.length !== 1) continue;
            renames.set(nameOf(old), nameOf(candidates[0]));
            taken.add(nameOf(candidates[0]));
        }
    }
    return renames;
}
