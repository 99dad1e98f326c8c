import { mapNameOf } from '../references/names.js';

/**
 * Pairs elements that disappeared under one name with elements that appeared under
 * another, only on strong evidence: a rename a reviewer is told about hides a removal, so
 * when in doubt the answer is "removed" plus "added". Tests are tried in order; a test
 * pairs an old element with a new one only when each is the other's one and only match.
 * Elements are paired only inside one map (`carry` maps a renamed map's old names to the
 * new map, so its elements keep their pairs without a rename of their own).
 * Returns old name -> new name for the renamed elements.
 */
export function matchRenames<T>(
    olds: readonly T[], news: readonly T[], nameOf: (element: T) => string,
    sameElement: ReadonlyArray<(old: T, current: T) => boolean>,
    carry: (oldName: string) => string = name => name,
    /** Whether elements pair only inside one map (false for maps themselves). */
    withinMap = true
): Map<string, string> {
    const newNames = new Set(news.map(nameOf));
    const carried = new Set(olds.map(e => carry(nameOf(e))));
    const gone = olds.filter(e => !newNames.has(carry(nameOf(e))));
    const arrived = news.filter(e => !carried.has(nameOf(e)));
    const renames = new Map<string, string>();
    const taken = new Set<string>();
    const sameMap = (old: T, current: T) => !withinMap || mapNameOf(carry(nameOf(old))) === mapNameOf(nameOf(current));
    for (const test of sameElement) {
        const open = gone.filter(e => !renames.has(nameOf(e)));
        for (const old of open) {
            const candidates = arrived.filter(e => !taken.has(nameOf(e)) && sameMap(old, e) && test(old, e));
            // Two equally good candidates: a guess would mislead the reviewer.
            if (candidates.length !== 1) continue;
            const [current] = candidates;
            const rivals = open.filter(o => !renames.has(nameOf(o)) && sameMap(o, current) && test(o, current));
            if (rivals.length !== 1) continue;
            renames.set(nameOf(old), nameOf(current));
            taken.add(nameOf(current));
        }
    }
    return renames;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function words(title: string): Set<string> {
    return new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w !== '' && !STOP_WORDS.has(w)));
}

/**
 * Whether two titles say much the same (at least half their words shared, by the Dice
 * coefficient; "lead" and "leader" count as one word): "Assistant principal, operations" and "Assistant principal for operations"
 * do; "Set the SIC agenda" and "Change the daily bell schedule" do not.
 */
export function similarTitles(a: string, b: string): boolean {
    const x = words(a);
    const y = words(b);
    if (x.size === 0 || y.size === 0) return false;
    // A word matches the same word or one it begins (lead, leader; coordinator, coordination is not).
    const matches = (w: string, v: string) => w === v || (Math.min(w.length, v.length) >= 4 && (w.startsWith(v) || v.startsWith(w)));
    let shared = 0;
    for (const w of x) if ([...y].some(v => matches(w, v))) shared++;
    return (2 * shared) / (x.size + y.size) >= 0.5;
}
