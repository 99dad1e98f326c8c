import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Langium's value converter, with text in double quotes unquoted in pieces rather than one
 * character at a time. Langium's `convertString` adds each character to the string built
 * so far, which V8 keeps as a chain of one string per character: every title of a district
 * (about 20,000) was held as such a chain, and read slowly. Same values, escapes included.
 */
export class RemitValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name.toUpperCase() === 'STRING') return unquote(input);
        if (rule.name === 'ID') return tightName(input);
        return super.runConverter(rule, input, cstNode);
    }
}

/** `District . Coach` as the name it is, `District.Coach` (spaces around the dot were always allowed). */
export function tightName(text: string): string {
    return text.includes(' ') || text.includes('\t') ? text.replace(/[ \t]*\.[ \t]*/g, '.') : text;
}

/** As Langium's `ValueConverter.convertString`: the text between the quotes, each `\x` read as its escape. */
export function unquote(input: string): string {
    const end = input.length - 1;
    const parts: string[] = [];
    let from = 1;
    for (let i = 1; i < end; i++) {
        if (input.charCodeAt(i) !== 92 /* \ */) continue;
        if (i > from) parts.push(input.slice(from, i));
        i++;
        parts.push(escaped(input.charAt(i)));
        from = i + 1;
    }
    if (from < end) parts.push(input.slice(from, end));
    return parts.length === 1 ? parts[0] : parts.join('');
}

function escaped(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}
