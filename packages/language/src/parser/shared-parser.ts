import { createLangiumParser, type CstNodeBuilder, type LangiumCoreServices, type LangiumParser, type Linker, type ParseResult } from 'langium';
import { limitNesting, MAX_NESTING } from './nesting.js';
import { canParse, parse } from './link-content.js';
import { SlimCstNodeBuilder } from './slim-cst.js';
import { withPositions } from './lexer.js';

/**
 * One parser for every set of services in a process.
 *
 * A new Langium parser costs more than building it (about 40 ms): its rules are closures
 * of their own, which V8 has to warm up again, so the first file it reads is several
 * times slower than the next one (about 120 ms against 15 to 20 ms for a 66 KB school
 * map). Anything that checks more than once in a process makes a fresh set of services
 * each time: `remit diff` (two revisions), the editor's Compare with HEAD, the test suite.
 *
 * A parser holds nothing of one set of services but the linker, with which it creates the
 * references of the trees it builds (they must resolve in the workspace the tree belongs
 * to). So each set of services gets a view of the one parser that hands it its own linker
 * just before each parse. Parsing is synchronous, so no other parse can come in between.
 * The grammar, lexer and value converter are the same for every set of services.
 *
 * Parsing never fails (see ARCHITECTURE.md): domains nested deeper than the parser can
 * follow are cut off with a syntax error (`nesting.ts`), the parser's error recovery is
 * made iterative (`iterativeRecovery`) and linear (`rememberedResync`), and should the parser still throw, it is replaced
 * by a fresh one (a parser that threw is left in an unknown state) and the map is read as
 * empty, with one syntax error that says so.
 */
let shared: LangiumParser | undefined;
let creator: LangiumCoreServices | undefined;

function newParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // Leaner leaves for the syntax tree (`slim-cst.ts`).
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new SlimCstNodeBuilder();
    iterativeRecovery(parser);
    rememberedResync(parser);
    rememberedFollows(parser);
    creator = services;
    return parser;
}

export function sharedParser(services: LangiumCoreServices): LangiumParser {
    shared ??= newParser(services);
    const view = Object.create(shared) as LangiumParser;
    view.parse = ((input: string, options?: unknown) => safeParse(services, input, options)) as LangiumParser['parse'];
    return view;
}

type Parse = (input: string, options?: unknown) => ParseResult;

/** Parses the text as it is, nested however deep. */
function parseWith(services: LangiumCoreServices, input: string, options?: unknown): ParseResult {
    return parseNestedUpTo(services, input, options, Infinity)!;
}

/** Parses the text, or answers undefined when its blocks nest deeper than `maxNesting`. */
function parseNestedUpTo(services: LangiumCoreServices, input: string, options: unknown, maxNesting: number): ParseResult | undefined {
    const parser = shared ??= newParser(creator ?? services);
    (parser as unknown as { linker: Linker }).linker = services.references.Linker;
    // Langium's own parse, with a leaner last walk over the tree (`link-content.ts`).
    if (canParse(parser)) {
        const result = parse(parser, input, options as { rule?: string } | undefined, maxNesting);
        return result && withPositions(result, input);
    }
    if (maxNesting !== Infinity && limitNesting(input, maxNesting).errors.length > 0) return undefined;
    return withPositions((parser.parse as Parse).call(parser, input, options), input);
}

function safeParse(services: LangiumCoreServices, input: string, options?: unknown): ParseResult {
    try {
        // Nearly every map: the lexer's tokens show it nests no deeper than the parser can follow.
        const result = parseNestedUpTo(services, input, options, MAX_NESTING);
        if (result) return result;
        const limited = limitNesting(input);
        const cut = parseWith(services, limited.text, options);
        cut.lexerErrors = [...limited.errors, ...cut.lexerErrors];
        return cut;
    } catch (err) {
        // A parser that threw may hold half a rule stack: never use it again.
        shared = undefined;
        const result = parseWith(services, blank(input), options);
        result.lexerErrors = [{
            offset: 0, length: 0, line: 1, column: 1,
            message: `Remit could not read this map (${plainReason(err)}). Split it into smaller maps or remove the part that repeats.`
        }];
        result.parserErrors = [];
        return result;
    }
}

function plainReason(err: unknown): string {
    return err instanceof RangeError ? 'it is too long or too deeply nested in one place' : 'its text could not be followed';
}

/** The same text with every character but line breaks turned into a space: same lines, same offsets, no tokens. */
export function blank(text: string): string {
    return text.replace(/[^\r\n]/g, ' ');
}

interface RecoveringParser {
    RULE_STACK_IDX: number;
    currRuleShortName: number;
    tryInRepetitionRecovery(grammarRule: (...args: unknown[]) => unknown, args: unknown[], lookAhead: unknown, expected: unknown): void;
}

/**
 * Chevrotain recovers from an error inside a repetition (`{ decide "" decide "" … }`) by
 * calling the repetition again from inside its recovery: one level of the call stack per
 * error, so a few thousand errors in one block overflowed the stack. Here the repetition
 * is entered again from a loop instead, once the recovery has returned: same steps, in the
 * same order, with a stack that does not grow.
 */
function iterativeRecovery(parser: LangiumParser): void {
    const chevrotain = (parser as unknown as { wrapper: RecoveringParser }).wrapper;
    const original = chevrotain.tryInRepetitionRecovery;
    interface Active { depth: number; ruleName: number; rule: unknown; occurrence: unknown; again: boolean }
    const active: Active[] = [];
    chevrotain.tryInRepetitionRecovery = function (this: RecoveringParser, grammarRule, args, lookAhead, expected) {
        const top = active[active.length - 1];
        if (top && top.depth === this.RULE_STACK_IDX && top.ruleName === this.currRuleShortName
            && top.rule === grammarRule && top.occurrence === args[0]) {
            // Inside the loop below for this very repetition: let the loop enter it again.
            original.call(this, () => { top.again = true; }, args, lookAhead, expected);
            return;
        }
        const entry: Active = { depth: this.RULE_STACK_IDX, ruleName: this.currRuleShortName, rule: grammarRule, occurrence: args[0], again: false };
        active.push(entry);
        try {
            original.call(this, () => { entry.again = true; }, args, lookAhead, expected);
            while (entry.again) {
                entry.again = false;
                grammarRule.apply(this, args);
            }
        } finally {
            active.pop();
        }
    };
}

interface ResyncingParser {
    tokVector: unknown[];
    currIdx: number;
    LA(howFar: number): unknown;
    tokenMatcher(token: unknown, tokenType: unknown): boolean;
    flattenFollowSet(): unknown[];
    findReSyncTokenType(): unknown;
}

/**
 * To recover from an error, chevrotain looks ahead for the first token that may follow any
 * rule being parsed (`findReSyncTokenType`): in a block of thousands of misplaced words
 * (`decide "" decide "" …`) that is the block's closing `}`, far ahead, and it looked for
 * it again from each error, so recovering took time in the square of the block's length
 * (a 40 KB block: 3 s). The answer cannot change while the parser is still before the token
 * found and the rules being parsed are the same (the tokens between were already looked
 * at and none may follow them), so it is remembered: the same answer, found once per block.
 */
function rememberedResync(parser: LangiumParser): void {
    const chevrotain = (parser as unknown as { wrapper: ResyncingParser }).wrapper;
    // The tokens are held weakly: the last map read with an error is not kept in memory for it.
    let last: { tokens: WeakRef<unknown[]>; follows: unknown[]; from: number; at: number; found: unknown } | undefined;
    chevrotain.findReSyncTokenType = function (this: ResyncingParser) {
        const follows = this.flattenFollowSet();
        const here = this.currIdx;
        if (last && last.tokens.deref() === this.tokVector && last.from <= here && here < last.at && sameTypes(last.follows, follows)) return last.found;
        // As chevrotain does: the first token ahead that some rule being parsed may be followed by (EOF always is).
        for (let ahead = 1; ; ahead++) {
            const token = this.LA(ahead);
            const found = follows.find(type => this.tokenMatcher(token, type));
            if (found !== undefined) {
                last = { tokens: new WeakRef(this.tokVector), follows, from: here, at: here + ahead, found };
                return found;
            }
        }
    };
}

function sameTypes(a: unknown[], b: unknown[]): boolean {
    return a.length === b.length && a.every((type, i) => type === b[i]);
}

interface GrammarPath {
    ruleStack: string[];
    occurrenceStack: number[];
    lastTok: { tokenTypeIdx?: number; name: string };
    lastTokOccurrence: number;
}

/**
 * Which tokens may come next at a point of the grammar is worked out by walking the grammar
 * (`getNextPossibleTokenTypes`), again for every syntax error. It depends on the point of
 * the grammar alone, so each answer is kept: thousands of errors in a block share a few.
 */
function rememberedFollows(parser: LangiumParser): void {
    const chevrotain = (parser as unknown as { wrapper: { getNextPossibleTokenTypes(path: GrammarPath): unknown[] } }).wrapper;
    const original = chevrotain.getNextPossibleTokenTypes;
    const known = new Map<string, unknown[]>();
    chevrotain.getNextPossibleTokenTypes = function (this: unknown, path: GrammarPath) {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.tokenTypeIdx ?? path.lastTok.name}|${path.lastTokOccurrence}`;
        let follows = known.get(key);
        if (!follows) {
            follows = original.call(this, path);
            known.set(key, follows);
        }
        return follows;
    };
}
