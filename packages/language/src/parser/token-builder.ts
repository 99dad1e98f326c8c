import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';

/**
 * Langium's token builder, with one change. To find the terminals a keyword could also be
 * read as (`map` is an ID too), Langium compiles a partial-match RegExp of the terminal for
 * every pair of keyword and terminal: about 400 RegExp compilations, a quarter of building
 * the lexer, which every `remit check` does. Here each terminal's is compiled once.
 */
export class RemitTokenBuilder extends DefaultTokenBuilder {
    private readonly partialPatterns = new Map<string, RegExp>();

    protected override findLongerAlt<T extends { PATTERN?: unknown }>(keyword: GrammarAST.Keyword, terminalTokens: T[]): T[] {
        return terminalTokens.filter(token => {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            if (!source) return false;
            let partial = this.partialPatterns.get(source);
            if (!partial) {
                partial = RegExpUtils.partialRegExp(`^${source}$`);
                this.partialPatterns.set(source, partial);
            }
            // What RegExpUtils.partialMatches answers: a non-empty match at the keyword's start.
            return (keyword.value.match(partial)?.[0].length ?? 0) > 0;
        });
    }
}
