import { Lexer as ChevrotainLexer, type IToken, type TokenType } from 'chevrotain';
import {
    DEFAULT_TOKENIZE_OPTIONS, isIMultiModeLexerDefinition, isTokenTypeDictionary,
    type LangiumCoreServices, type Lexer, type LexerResult, type ParseResult, type TokenBuilder, type TokenizeOptions
} from 'langium';
import { lineAt, lineStarts } from './slim-cst.js';

/**
 * Langium's lexer (`DefaultLexer`), with tokens that keep only where they are (offset and
 * length), not also their line and column.
 *
 * Chevrotain counts lines and columns for every token it makes when asked to ('full'); a
 * district is a million tokens, each of nine fields, and nothing reads those four positions
 * but the syntax errors: the tree's leaves work their line and column out from the offset
 * (slim-cst.ts). So the positions are added afterwards, to the few tokens and lexer errors a
 * syntax error names (`withPositions`), from the same line starts the leaves use.
 */
export class RemitLexer implements Lexer {
    private readonly chevrotainLexer: ChevrotainLexer;
    private readonly tokenTypes: Record<string, TokenType>;
    private readonly tokenBuilder: TokenBuilder;

    constructor(services: LangiumCoreServices) {
        const tokenBuilder = this.tokenBuilder = services.parser.TokenBuilder;
        const tokens = tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        // As Langium's: a dictionary of token types is read as its list; a list or modes as they are.
        const lexerTokens = isTokenTypeDictionary(tokens) ? Object.values(tokens) : tokens;
        const all = isIMultiModeLexerDefinition(tokens) ? Object.values(tokens.modes).flat() : isTokenTypeDictionary(tokens) ? Object.values(tokens) : tokens;
        this.tokenTypes = Object.fromEntries(all.map(type => [type.name, type]));
        const lexer = (positionTracking: 'full' | 'onlyOffset') => new ChevrotainLexer(lexerTokens, {
            positionTracking,
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: services.parser.LexerErrorMessageProvider
        });
        const lean = lexer('onlyOffset') as ChevrotainLexer & { createTokenInstance?: unknown };
        if (typeof lean.createTokenInstance === 'function') {
            // Chevrotain's offset-only token has no end; Langium's parser needs one to take the token.
            lean.createTokenInstance = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType) =>
                ({ image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType });
            this.chevrotainLexer = lean;
        } else {
            // A chevrotain that makes its tokens otherwise: positions counted, as Langium asks.
            this.chevrotainLexer = lexer('full');
        }
    }

    get definition(): Record<string, TokenType> {
        return this.tokenTypes;
    }

    tokenize(text: string, _options: TokenizeOptions = DEFAULT_TOKENIZE_OPTIONS): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        if (result.errors.length > 0) addPositions(text, result.errors);
        return { tokens: result.tokens, errors: result.errors, hidden: result.groups.hidden ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }
}

type Positioned = { startOffset: number; endOffset?: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };

/**
 * Gives the tokens a parse's syntax errors name their 1-based line and column, as
 * chevrotain's 'full' tracking would have (the end column is that of the last character).
 */
export function withPositions(result: ParseResult, text: string): ParseResult {
    if (result.parserErrors.length === 0) return result;
    const starts = lineStarts(text);
    for (const error of result.parserErrors) {
        placeToken(error.token as Positioned, starts);
        const previous = (error as { previousToken?: IToken }).previousToken;
        if (previous) placeToken(previous as Positioned, starts);
    }
    return result;
}

function addPositions(text: string, errors: Array<{ offset: number; line?: number; column?: number }>): void {
    const starts = lineStarts(text);
    for (const error of errors) {
        const line = lineAt(starts, error.offset);
        error.line = line + 1;
        error.column = error.offset - starts[line] + 1;
    }
}

function placeToken(token: Positioned, starts: Uint32Array): void {
    // Tokens the parser made up to recover (NaN offsets) have no place; placed ones keep theirs.
    if (!Number.isFinite(token.startOffset) || token.startOffset < 0 || token.startLine !== undefined) return;
    const end = Number.isFinite(token.endOffset) ? token.endOffset! : token.startOffset;
    const startLine = lineAt(starts, token.startOffset);
    const endLine = lineAt(starts, end);
    token.startLine = startLine + 1;
    token.startColumn = token.startOffset - starts[startLine] + 1;
    token.endLine = endLine + 1;
    token.endColumn = end - starts[endLine] + 1;
}
