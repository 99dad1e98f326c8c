/**
 * Chevrotain speaks of tokens and token sequences; a principal does not. These functions
 * rewrite its messages into plain English, keeping what was found and what fits there.
 */
const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a title in double quotes',
    NUMBER: 'a number',
    EOF: 'the end of the file'
};

function describeToken(token: string): string {
    return TOKEN_WORDS[token] ?? `'${token}'`;
}

function describeFound(found: string): string {
    return found === '' || found === 'EOF' ? 'the end of the file' : `'${found}'`;
}

export function friendlyParserMessage(message: string): string {
    let match = /^Expecting token of type '([^']+)' but found `([\s\S]*)`\.?$/.exec(message);
    if (match) {
        const [, expected, found] = match;
        const hint = expected === 'STRING' && /^[A-Za-z]/.test(found) ? ' Titles are written in double quotes.' : '';
        return `Expected ${describeToken(expected)} here, but found ${describeFound(found)}.${hint}`;
    }
    match = /^Redundant input, expecting EOF but found: ([\s\S]*)$/.exec(message);
    if (match) {
        return `Unexpected ${describeFound(match[1])}: the map has already ended here. A file holds one map; check for an extra closing brace '}' or a line outside the map's elements.`;
    }
    match = /^Expecting: [\s\S]*?but found: '([\s\S]*)'$/.exec(message) ?? /^Expecting: [\s\S]*?but found: ([\s\S]*)$/.exec(message);
    if (match) {
        const options = [...message.matchAll(/\[([^\]]+)\]/g)]
            .map(m => m[1].split(',')[0].trim())
            .map(token => describeToken(token.replace(/^'|'$/g, '')));
        const unique = [...new Set(options)];
        const list = unique.length > 0 && unique.length <= 10 ? ` Expected ${joinOr(unique)}.` : '';
        return `${describeFound(match[1])} does not fit here.${list}`.replace(/^'/, "'");
    }
    return message;
}

export function friendlyLexerMessage(message: string): string {
    const match = /unexpected character: ->([\s\S])<-/.exec(message);
    if (!match) return message;
    const character = match[1];
    if (character === '"') {
        return 'This title is not closed: add the closing double quote (") on the same line.';
    }
    return `The character '${character}' is not part of the Remit language. Names use letters, digits, '_' and '-'; titles go in double quotes.`;
}

function joinOr(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
