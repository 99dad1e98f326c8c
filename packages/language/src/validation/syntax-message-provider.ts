import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';
import { mismatchMessage, noAlternativeMessage, notAllInputParsedMessage, unexpectedCharacterMessage } from './syntax-messages.js';

/**
 * Langium's extension points for syntax messages: the parser and the lexer ask these for
 * the text of each error, with what they know (the token expected, the one found, the rule
 * being read), so Remit's plain-English messages are built from that, never from the
 * parser's own English. Bound in remit-module.ts.
 */
export class RemitParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const expectedName = tokenName(expected);
        expectedTokens.set(keyOf(actual, previous), expectedName);
        return mismatchMessage(expectedName, imageOf(actual), { rule: ruleName, foundKeyword: isKeyword(actual), previous: previous?.image });
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return notAllInputParsedMessage(imageOf(firstRedundant), isKeyword(firstRedundant));
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const options = expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0])).filter(t => t !== undefined).map(tokenName);
        return noAlternativeMessage(options, imageOf(actual[0]), { rule: ruleName, previous: previous?.image });
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const options = expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined).map(tokenName);
        return noAlternativeMessage(options, imageOf(actual[0]), { rule: ruleName, previous: previous?.image });
    }
}

export class RemitLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number): string {
        return unexpectedCharacterMessage(String.fromCodePoint(fullText.codePointAt(startOffset) ?? 0xFFFD));
    }
}

/**
 * The token each mismatch wanted, by the token found there (or, at the end of the file,
 * by the token before it: the end-of-file token is one object for every file). The
 * document validator asks, to point at the end of the line where something was left out.
 */
const expectedTokens = new WeakMap<IToken, string>();

/** The token a parser error (a mismatch) expected: a keyword, or ID, STRING, NUMBER. */
export function expectedTokenOf(error: { token: IToken; previousToken?: IToken }): string | undefined {
    return expectedTokens.get(keyOf(error.token, error.previousToken));
}

function keyOf(actual: IToken, previous: IToken | undefined): IToken {
    return isEndOfFile(actual) && previous ? previous : actual;
}

function isEndOfFile(token: IToken | undefined): boolean {
    return !token || token.tokenType?.name === 'EOF';
}

/** The text found, '' at the end of the file. */
function imageOf(token: IToken | undefined): string {
    return isEndOfFile(token) ? '' : token!.image;
}

/** Keywords are the tokens named by their own text (chevrotain's LABEL when one is set). */
function tokenName(type: TokenType): string {
    return type.LABEL ?? type.name;
}

function isKeyword(token: IToken | undefined): boolean {
    return !!token && !isEndOfFile(token) && /^[a-z]+$/.test(token.image) && token.tokenType?.name !== 'ID';
}
