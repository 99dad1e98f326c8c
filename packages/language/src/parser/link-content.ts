import { isAstNode, type AstNode, type ParseResult } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { nestedDeeperThan } from './nesting.js';

/** What `parse` reads of Langium's parser (`LangiumParser.parse`, of which this is a copy). */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: {
        tokenize(input: string): { tokens: IToken[]; hidden: unknown[]; errors: ParseResult['lexerErrors']; report?: unknown };
        definition: Record<string, TokenType | undefined>;
    };
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
        && p.allRules instanceof Map && p.unorderedGroups instanceof Map
        && p.lexer?.definition?.['{'] !== undefined && p.lexer.definition['}'] !== undefined;
}

/**
 * Langium's `LangiumParser.parse`, step for step, except for its last walk over the new tree
 * (`linkContentToContainer`), which is `linkContent` below. Undefined, without parsing, when
 * the text nests blocks more deeply than `maxNesting` (see nesting.ts).
 */
export function parse(parser: object, input: string, options: { rule?: string } = {}, maxNesting = Infinity): ParseResult | undefined {
    const p = parser as ParserInternals;
    const lexerResult = p.lexer.tokenize(input);
    if (maxNesting !== Infinity && nestedDeeperThan(lexerResult.tokens, p.lexer.definition['{']!, p.lexer.definition['}']!, maxNesting)) return undefined;
    p.nodeBuilder.buildRootNode(input);
    p.lexerResult = lexerResult;
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
