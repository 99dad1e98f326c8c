import { isAstNode, type AstNode, type ParseResult } from 'langium';

/** What `parse` reads of Langium's parser (`LangiumParser.parse`, of which this is a copy). */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(input: string): { tokens: unknown[]; hidden: unknown[]; errors: ParseResult['lexerErrors']; report?: unknown } };
    wrapper: { input: unknown[]; errors: ParseResult['parserErrors'] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<unknown, unknown>;
    lexerResult: unknown;
    doParse(rule: unknown): AstNode;
}

/** Whether the parser has what `parse` reads (so a Langium that changed them is used as it is). */
export function canParse(parser: object): boolean {
    const p = parser as Partial<ParserInternals>;
    return typeof p.doParse === 'function' && p.nodeBuilder !== undefined && p.lexer !== undefined && p.wrapper !== undefined
        && p.allRules instanceof Map && p.unorderedGroups instanceof Map;
}

/**
 * Langium's `LangiumParser.parse`, step for step, except for its last walk over the new tree
 * (`linkContentToContainer`), which is `linkContent` below.
 */
export function parse(parser: object, input: string, options: { rule?: string } = {}): ParseResult {
    const p = parser as ParserInternals;
    p.nodeBuilder.buildRootNode(input);
    const lexerResult = p.lexerResult = p.lexer.tokenize(input);
    p.wrapper.input = lexerResult.tokens;
    const ruleMethod = options.rule ? p.allRules.get(options.rule) : p.mainRule;
    if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
    const result = p.doParse(ruleMethod);
    p.nodeBuilder.addHiddenNodes(lexerResult.hidden);
    p.unorderedGroups.clear();
    p.lexerResult = undefined;
    linkContent(result);
    return {
        value: result,
        lexerErrors: lexerResult.errors,
        lexerReport: lexerResult.report as ParseResult['lexerReport'],
        parserErrors: p.wrapper.errors
    };
}

/**
 * Langium's `linkContentToContainer(node, { deep: true })` (each node's `$container`,
 * `$containerProperty` and `$containerIndex`) in plain loops, and each list of the tree
 * copied to its exact length on the way: the parser fills a list by pushing into it, and V8
 * then keeps room for 17 items in a list that mostly holds one or two (a decision line's
 * holders), which on a district was several MB.
 */
export function linkContent(node: AstNode): void {
    const record = node as unknown as Record<string, unknown>;
    // `for ... in`: the keys of `Object.keys` (see utils/ast-walk.ts), without an array of them.
    for (const name in node) {
        if (name.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[name];
        if (Array.isArray(value)) {
            const items: unknown[] = value.length > 0 ? value.slice() : value;
            if (items !== value) record[name] = items;
            for (let index = 0; index < items.length; index++) {
                const item = items[index];
                if (!isAstNode(item)) continue;
                const child = item as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
                child.$container = node;
                child.$containerProperty = name;
                child.$containerIndex = index;
                linkContent(item);
            }
        } else if (isAstNode(value)) {
            const child = value as { $container?: AstNode; $containerProperty?: string };
            child.$container = node;
            child.$containerProperty = name;
            linkContent(value);
        }
    }
}
