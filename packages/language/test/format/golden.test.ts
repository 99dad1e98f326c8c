import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatRemitText } from '@remit/language';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
// Fixtures end in .txt so that a workspace opened at the repository root does not take them for maps.
const cases = readdirSync(folder).filter(f => f.endsWith('.remit.txt') && !f.endsWith('.formatted.remit.txt'));

describe('the canonical layout (golden files)', () => {
    test.each(cases)('%s formats to its .formatted.remit', name => {
        const input = readFileSync(path.join(folder, name), 'utf8');
        const expected = readFileSync(path.join(folder, name.replace(/\.remit\.txt$/, '.formatted.remit.txt')), 'utf8');
        const result = formatRemitText(input);
        expect(result.error).toBeUndefined();
        expect(result.text).toBe(expected);
        expect(result.changed).toBe(true);
    });

    test.each(cases)('%s: the formatted file is left as it is', name => {
        const formatted = readFileSync(path.join(folder, name.replace(/\.remit\.txt$/, '.formatted.remit.txt')), 'utf8');
        expect(formatRemitText(formatted)).toEqual({ text: formatted, changed: false });
    });
});

describe('layout rules', () => {
    const format = (text: string) => {
        const result = formatRemitText(text);
        if (result.error) throw new Error(result.error.message);
        return result.text;
    };

    test('a block written on several lines gets one property per line, indented by two spaces', () => {
        expect(format('map M\nrole R "R" {\nkind teacher seats 3 release 5 %\n}\n')).toBe(
            'map M\n\nrole R "R" {\n  kind teacher\n  seats 3\n  release 5%\n}\n');
    });

    test('a one-line block stays on one line with two spaces between properties', () => {
        expect(format('map M\nrole R "R" {kind teacher    seats 3}\n')).toBe('map M\n\nrole R "R" { kind teacher  seats 3 }\n');
    });

    test('a one-line block holding a comment is opened up so the comment keeps its place', () => {
        expect(format('map M\nrole R "R" { kind teacher /* why */ seats 3 }\n')).toBe(
            'map M\n\nrole R "R" {\n  kind teacher /* why */\n  seats 3\n}\n');
    });

    test('elements are separated by one blank line; one-line elements may stay together', () => {
        const text = 'map M\nrole A "A" { kind teacher }\nrole B "B" { kind teacher }\n\n\n\nrole C "C" {\nkind staff\n}\nrole D "D"\n';
        expect(format(text)).toBe('map M\n\nrole A "A" { kind teacher }\nrole B "B" { kind teacher }\n\nrole C "C" {\n  kind staff\n}\n\nrole D "D"\n');
    });

    test('qualified names, lists, durations and votes are written tight', () => {
        const text = 'map M\nphases { P "P" 6 .. 12 months }\nteam T "T" {\nmembers Other . A ,B\nrule vote 2 / 3\n}\n';
        expect(format(text)).toBe('map M\n\nphases {\n  P "P" 6..12 months\n}\n\nteam T "T" {\n  members Other.A, B\n  rule vote 2/3\n}\n');
    });

    test('Windows line endings stay Windows line endings', () => {
        expect(format('map M\r\nrole R "R" {\r\nkind teacher\r\n}\r\n')).toBe('map M\r\n\r\nrole R "R" {\r\n  kind teacher\r\n}\r\n');
    });

    test('old Mac line breaks (a lone carriage return) still separate comments', () => {
        expect(format('map M\r// a\r// b\rrole R "R" // c\r')).toBe('map M\n\n// a\n// b\nrole R "R" // c\n');
    });

    test('a byte order mark at the start is kept', () => {
        expect(format('\uFEFF  map M\nrole R "R"')).toBe('\uFEFFmap M\n\nrole R "R"\n');
    });

    test('trailing spaces go, and the file ends with exactly one line break', () => {
        expect(format('map M   \nrole R "R"   \n\n\n')).toBe('map M\n\nrole R "R"\n');
    });
});

describe('files that cannot be formatted', () => {
    test('a syntax error is reported with its line and column, in plain words, and nothing is formatted', () => {
        const text = 'map M\nrole R "R" {\n  kind teacher\n  seats\n}\n';
        const result = formatRemitText(text);
        expect(result.text).toBeUndefined();
        expect(result.error?.line).toBe(5);
        expect(result.error?.message).toMatch(/number/i);
        expect(result.error?.message).not.toMatch(/token|MismatchedToken|NoViableAlt/);
    });

    test('an unclosed comment is a syntax error, not a lost comment', () => {
        const result = formatRemitText('map M\n/* never closed\nrole R "R"\n');
        expect(result.error).toBeDefined();
    });
});
