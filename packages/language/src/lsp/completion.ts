import type { AstNodeDescription, GrammarAST, LangiumDocument, ReferenceInfo, Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem
} from 'langium/lsp';
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { isLevel, isPhase, type RemitMap } from '../generated/ast.js';
import { isNamedElement, kindWord, mapNameOf, mapOf } from '../references/names.js';
import { KEYWORD_DETAILS } from './completion-words.js';

/**
 * Sort groups: levels and phases in their written order, then keywords, then names by
 * closeness: the map's own, the maps it is `under`, the maps it refers to, the rest.
 */
const SORT = { level: '0L', phase: '0P', keyword: '1', own: '2', under: '3', referred: '4', other: '5' } as const;

/**
 * Completion from the scopes (so only names that would resolve are offered), shaped for
 * people: every name shows its title beside it, the map's own elements are offered by
 * plain name only (not also as `Map.Element`), levels come first and in their scheme's
 * order, phases in phase order, and holders ranked by closeness: the map's own roles and
 * teams, then those of the maps it refers to (or is `under`), then the rest. Keywords say
 * in a few words what they are for.
 *
 * Typing a space or a comma asks for completion (trigger characters); the list pops up
 * only where a name is expected (after `decide `, `from `, `members `), not after every word.
 */
export class RemitCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' ', ',', '.'] };

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        const trigger = params.context?.triggerCharacter;
        if (!list || (trigger !== ' ' && trigger !== ',')) return list;
        // After a space or comma, pop up only when names are wanted here.
        return list.items.some(offersName) ? list : { isIncomplete: false, items: [] };
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const own = mapOf(refInfo.container)?.name;
        const candidates = super.getReferenceCandidates(refInfo, context);
        return own ? candidates.filter(d => !d.name.startsWith(`${own}.`)) : candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (!node) return item;
        const detail = (isNamedElement(node) ? node.title : undefined) ?? kindWord(node);
        return { ...item, detail, sortText: this.sortTextOf(description, refInfo, context) ?? item.sortText };
    }

    private sortTextOf(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): string | undefined {
        const node = description.node!;
        const index = (i: number) => String(i).padStart(4, '0');
        // Levels in the order they act in a decision, phases in the order they come.
        if (isLevel(node)) return `${SORT.level}${index(node.$container.levels.indexOf(node))}`;
        if (isPhase(node)) return `${SORT.phase}${index(node.$container.phases.indexOf(node))}`;
        if (!description.name.includes('.')) return `${SORT.own}${description.name}`;
        const map = mapOf(refInfo.container);
        const owner = mapNameOf(description.name);
        if (map && underOf(map).includes(owner)) return `${SORT.under}${description.name}`;
        if (map && referredMaps(context.document).has(owner)) return `${SORT.referred}${description.name}`;
        return `${SORT.other}${description.name}`;
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: KEYWORD_DETAILS[keyword.value],
            sortText: SORT.keyword
        });
    }
}

/** Whether the item is a name other than a level (levels start a line, as keywords do). */
function offersName(item: CompletionItem): boolean {
    const sort = item.sortText ?? '';
    return !sort.startsWith(SORT.level) && !sort.startsWith(SORT.keyword);
}

/** The maps `map` is `under`, when the language has the keyword. */
function underOf(map: RemitMap): string[] {
    const under = (map as { under?: { $refText?: string } | Array<{ $refText?: string }> }).under;
    return (Array.isArray(under) ? under : under ? [under] : []).flatMap(r => r.$refText ? [mapNameOf(r.$refText)] : []);
}

/** The maps the document's references name as written (`District.Coach` names District). */
function referredMaps(document: LangiumDocument): Set<string> {
    const names = new Set<string>();
    for (const reference of document.references) {
        if (reference.$refText.includes('.')) names.add(mapNameOf(reference.$refText));
    }
    return names;
}
