/**
 * The one order of text in everything Remit writes: by UTF-16 code unit, as `Array.sort()`
 * without a comparator orders strings. Unlike `localeCompare`, it does not depend on the
 * machine's language settings (LANG, LC_ALL) or on the ICU data of the Node.js that runs it,
 * so the same maps give the same bytes everywhere.
 */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
