import type { AstNodeDescription, GrammarAST, ReferenceInfo, Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import { isLevel } from '../generated/ast.js';
import { isNamedElement, kindWord, mapOf } from '../references/names.js';
import { KEYWORD_DETAILS } from './completion-words.js';

/**
 * Completion from the scopes (so only names that would resolve are offered), shaped for
 * people: every name shows its title beside it, the map's own elements are offered by
 * plain name only (not also as `Map.Element`), levels come first and in their scheme's
 * order, and keywords say in a few words what they are for.
 */
export class RemitCompletionProvider extends DefaultCompletionProvider {
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
        // Levels in the order they act in a decision, ahead of everything else.
        const sortText = isLevel(node) ? `0${String(node.$container.levels.indexOf(node)).padStart(3, '0')}` : item.sortText;
        return { ...item, detail, sortText };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: KEYWORD_DETAILS[keyword.value],
            sortText: '1'
        });
    }
}
