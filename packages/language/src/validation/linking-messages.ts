import type { ReferenceInfo, ScopeProvider } from 'langium';
import type { RemitMap } from '../generated/ast.js';
import { closestCandidate } from '../utils/suggest.js';
import { RemitScopeProvider, type GlobalNames } from '../references/scope-provider.js';

/** What each reference property points at, in words. */
const TARGET_WORDS: Record<string, string> = {
    holders: 'role or team',
    members: 'role or team',
    advisory: 'role or team',
    under: 'map',
    overrides: 'decision',
    escalate: 'role or team',
    chair: 'role',
    backup: 'role',
    reports: 'role',
    after: 'decision',
    scheme: 'level scheme',
    level: 'level',
    from: 'phase',
    until: 'phase'
};

/** Why a reference needs its kind of element, for names of the wrong kind. */
const WHY: Record<string, string> = {
    holders: 'Only roles and teams hold authority over a decision.',
    members: 'A team is made of roles and other teams.',
    advisory: 'A team\'s advisory members are roles or other teams.',
    under: '\'under\' names the map this map is a unit of (a district, a network, a state).',
    overrides: '\'overrides\' names a loose decision of a map above this one, as Map.Decision.',
    escalate: 'A deadlock or appeal goes to a role or a team.',
    chair: 'A chair is a role.',
    backup: 'A backup is another role.',
    reports: 'A role reports to another role.',
    after: '\'after\' names the decisions taken before this one.',
    scheme: '\'uses\' names a levels block.',
    from: '\'from\' and \'until\' name phases of this map.',
    until: '\'from\' and \'until\' name phases of this map.'
};

export interface DescribedLinkingError {
    message: string;
    /** Names in scope that the user may have meant, closest first. */
    suggestions: string[];
}

/**
 * A name that ends with '.': `District.` left while typing (the element's name is still to
 * come), or a full stop after a name, as at the end of a sentence (`decide Head.`).
 */
function endingWithDot(info: ReferenceInfo, scopes: ScopeProvider, text: string, what: string, mapNames: ReadonlySet<string> | undefined): DescribedLinkingError {
    const before = text.slice(0, -1);
    const names = (name: string) => scopes.getScope(info).getElement(name) !== undefined;
    if (names(before)) {
        return { message: `'${text}' ends with a '.': remove it. A '.' only joins a map's name to the name of one of its elements, as in District.Coach.`, suggestions: [before] };
    }
    const isMap = !before.includes('.') && (mapNames?.has(before) ?? false);
    if (isMap) {
        return { message: `'${text}' stops at the '.': write the name of ${article(what)} ${what} of map ${before} right after the '.', with no space in between.`, suggestions: [] };
    }
    return { message: `'${text}' ends with a '.', and no ${what} is named '${before}' either. Remove the '.', and check the name.`, suggestions: [] };
}

function article(word: string): string {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/**
 * A plain-English message for a name that refers to nothing, with a likely intended name.
 * `foundKind` is what the name does name, when it names an element of another kind
 * (a decision where a role was expected, say).
 */
export function describeLinkingError(
    info: ReferenceInfo, scopes: ScopeProvider, map: RemitMap | undefined, foundKind?: string, mapNames?: ReadonlySet<string>
): DescribedLinkingError {
    const text = info.reference.$refText;
    const what = TARGET_WORDS[info.property] ?? 'element';
    if (text.endsWith('.')) return endingWithDot(info, scopes, text, what, mapNames);
    if (foundKind && info.property !== 'level') {
        return {
            message: `'${text}' is ${article(foundKind)} ${foundKind}, but ${article(what)} ${what} is needed here. ${WHY[info.property] ?? ''}`.trimEnd(),
            suggestions: []
        };
    }
    const sources = scopes instanceof RemitScopeProvider
        ? scopes.suggestionSources(info)
        : { local: scopes.getScope(info).getAllElements().map(d => d.name).distinct().toArray(), global: undefined };
    const { local, global } = sources;
    const localNames = global ? new Set(local) : undefined;
    // Every name in scope, the map's own first (only levels and phases list them, and their scope is the map's own).
    const allCandidates = () => global ? [...local, ...global.endingWith('').filter(name => !localNames!.has(name))] : local;
    // A plain name that exists in another map is most likely meant with that map's name in front.
    const foreign = (name: string) => !(map && name.startsWith(`${map.name}.`));
    const qualified = text.includes('.') ? [] : [
        ...local.filter(name => name.endsWith(`.${text}`) && foreign(name)),
        ...(global?.endingWith(`.${text}`).filter(name => !localNames!.has(name) && foreign(name)) ?? [])
    ];
    const guess = qualified.length > 0 ? qualified[0] : closest(text, local, global);
    const suggestions = guess ? [guess] : [];
    const didYouMean = guess ? ` Did you mean '${guess}'?` : '';
    const here = map?.name ? ` in map ${map.name}` : '';

    if (info.property === 'level') {
        const candidates = allCandidates();
        const levels = candidates.length ? ` Its levels are ${candidates.join(', ')}.` : '';
        const scheme = map?.scheme?.$refText ?? 'School';
        return { message: `'${text}' is not a level of ${scheme}, the scheme this map uses.${levels}${didYouMean}`, suggestions };
    }
    if (info.property === 'from' || info.property === 'until') {
        const candidates = allCandidates();
        const phases = candidates.length
            ? ` Its phases are ${candidates.join(', ')}.`
            : ' This map has no phases block yet: declare the phases first.';
        return { message: `'${text}' is not a phase of this map.${phases}${didYouMean}`, suggestions };
    }
    if (info.property === 'scheme' && !text.includes('.')) {
        return { message: `There is no level scheme named '${text}'. The built-in schemes are School, RAPID, RACI and DACI; a map can also define its own with a levels block.${didYouMean}`, suggestions };
    }
    const dot = text.indexOf('.');
    if (dot > 0) {
        const mapName = text.slice(0, dot);
        // A map may exist and simply hold nothing of the kind wanted here.
        const knowsMap = mapNames ? mapNames.has(mapName) : allCandidates().some(name => name.startsWith(`${mapName}.`));
        if (!knowsMap) {
            return { message: `There is no map named '${mapName}' in the workspace, so '${text}' refers to nothing. Check the map's name, or add its file to the workspace.${didYouMean}`, suggestions };
        }
        return { message: `Map ${mapName} has no ${what} named '${text.slice(dot + 1)}'.${didYouMean}`, suggestions };
    }
    if (qualified.length > 0) {
        const maps = qualified.map(name => name.slice(0, name.length - text.length - 1));
        return {
            message: `There is no ${what} named '${text}'${here}. '${text}' belongs to map ${joinOr(maps)}: from another map, write the map's name in front, such as '${qualified[0]}'.`,
            suggestions: qualified
        };
    }
    return { message: `There is no ${what} named '${text}'${here}. Declare it, or check the spelling.${didYouMean}`, suggestions };
}

/** The name closest to `text`, of the map's own first, then the others' (as if one list, the map's names in front). */
function closest(text: string, local: string[], global: GlobalNames | undefined): string | undefined {
    const own = closestCandidate(text, local);
    const other = global?.closest(text);
    if (own && (!other || own.distance <= other.distance)) return own.name;
    return other?.name;
}

function joinOr(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
