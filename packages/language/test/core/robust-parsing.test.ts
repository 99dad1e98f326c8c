/**
 * Parsing never fails and never poisons the next parse (issue 14); a syntax error in one
 * map does not produce wrong findings in the maps that refer to it.
 */
import { describe, expect, test } from 'vitest';
import { createLangiumParser, EmptyFileSystem, type ParseResult } from 'langium';
import { checkSources, createRemitCoreServices, formatRemitText } from '@remit/language';
import fc from 'fast-check';
import { LAKESIDE } from '../lsp/fixtures.js';
import { limitNesting, nestedDeeperThan } from '../../src/parser/nesting.js';

const CANARY = 'map Canary "Canary"\nuses School\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P }\n}\n';
const errorsOf = (ws: Awaited<ReturnType<typeof checkSources>>) => ws.diagnostics.filter(d => d.severity === 'error');

async function canaryIsClean(): Promise<void> {
    const ws = await checkSources([{ uri: 'file:///canary/canary.remit', text: CANARY }]);
    expect(errorsOf(ws)).toEqual([]);
    expect(ws.model.maps[0].decisions.map(d => d.qualifiedName)).toEqual(['Canary.X']);
    expect(formatRemitText(CANARY).error).toBeUndefined();
}

describe('parsing never fails', () => {
    const inputs: Array<[string, string]> = [
        ['196+ unclosed domains', 'map Nest\n' + 'domain D {\n'.repeat(300)],
        ['400 nested domains', 'map Nest\n' + 'domain D {\n'.repeat(400) + '}\n'.repeat(400)],
        ['decide "" 5,373 times', 'map R\nuses School\nrole X\ndomain D {\n decision Y {' + ' decide ""'.repeat(5373) + ' }\n}\n'],
        ['a long run of one short token', 'map R\n' + ', '.repeat(4000) + '} '.repeat(4000) + 'role '.repeat(4000)]
    ];
    test.each(inputs)('%s: syntax errors, then a clean canary parse', async (_name, text) => {
        const ws = await checkSources([{ uri: 'file:///deep/deep.remit', text }]);
        expect(ws.diagnostics.some(d => d.code === 'syntax-error')).toBe(true);
        await canaryIsClean();
    });

    test('nesting beyond the bound is one syntax error naming where', async () => {
        const ws = await checkSources([{ uri: 'file:///deep/deep.remit', text: 'map Nest\n' + 'domain D {\n'.repeat(60) + '}\n'.repeat(60) }]);
        const deep = ws.diagnostics.filter(d => /nested too deeply/.test(d.message));
        expect(deep.map(d => [d.line, d.column])).toEqual([[52, 10]]);
    });

    test('braces in quoted text and comments do not count as nesting', async () => {
        const text = 'map Nest\nuses School\nrole P\n'
            + Array.from({ length: 40 }, (_, i) => `domain D${i} "{{ ${i}" { // {{{{\n/* { { { */\n`).join('')
            + 'decision X "}}}}" { decide P }\n' + '}\n'.repeat(40);
        const ws = await checkSources([{ uri: 'file:///deep/quoted.remit', text }]);
        expect(errorsOf(ws).map(d => d.message)).toEqual([]);
    });

    test('the lexer\'s tokens find too deep nesting exactly where a reading of the characters does', () => {
        // The parser looks at the tokens (fast); the cut, when needed, reads the characters.
        const lexer = createRemitCoreServices(EmptyFileSystem).Remit.parser.Lexer;
        const [open, close] = [lexer.definition['{'], lexer.definition['}']];
        const piece = fc.constantFrom('{', '}', ' { ', '"{"', '"}}"', '// {\n', '/* { */', '/* }\n} */', 'domain D ', '\n', '"a \\" {"', 'x');
        fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 4 }), (pieces, max) => {
            const text = pieces.join('');
            expect(nestedDeeperThan(lexer.tokenize(text).tokens, open, close, max)).toBe(limitNesting(text, max).errors.length > 0);
        }), { numRuns: 500 });
    });

    test('nesting within the bound reads with no error', async () => {
        const ws = await checkSources([{ uri: 'file:///deep/ok.remit', text: 'map Nest\nuses School\nrole P\n' + Array.from({ length: 40 }, (_, i) => `domain D${i} {\n`).join('') + 'decision X { decide P }\n' + '}\n'.repeat(40) }]);
        expect(errorsOf(ws).map(d => d.message)).toEqual([]);
    });
});

describe('a syntax error in one map', () => {
    const district = (broken: boolean) => `map District "District"\nuses School\nrole Superintendent "Superintendent" { kind district }\n${broken ? '}\n' : ''}role Coach "Coach" { kind teacher }\nrole Mentor "Mentor" { kind teacher }\n`;
    const school = 'map School1 "School 1"\nuses School\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P  consult District.Coach, District.Mentor  inform District.Superintendent }\n}\n';

    test('gives no "did you mean" in maps that refer to it', async () => {
        const clean = await checkSources([{ uri: 'file:///w/district.remit', text: district(false) }, { uri: 'file:///w/school.remit', text: school }]);
        expect(errorsOf(clean)).toEqual([]);
        const ws = await checkSources([{ uri: 'file:///w/district.remit', text: district(true) }, { uri: 'file:///w/school.remit', text: school }]);
        const inSchool = ws.diagnostics.filter(d => d.uri.endsWith('school.remit'));
        expect(inSchool.filter(d => d.severity === 'error').map(d => d.message)).toEqual([]);
        expect(ws.diagnostics.some(d => d.uri.endsWith('district.remit') && d.code === 'syntax-error')).toBe(true);
    });
});

/** The text with a few dozen words (seeded) deleted or repeated. */
function mangled(text: string, seed: number): string {
    let state = seed + 1;
    const next = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
    };
    const words = text.split(/(?<=\s)/);
    for (let i = 0; i < 30; i++) {
        const at = next(words.length);
        if (next(2) === 0) words.splice(at, 1);
        else words.splice(at, 0, words[next(words.length)]);
    }
    return words.join('');
}

describe('error recovery in linear time', () => {
    // The shared parser remembers where it can resume after an error and which tokens may
    // come next (shared-parser.ts), instead of looking them up again for each error. It must
    // read every broken map exactly as the parser without those memories does. (Inputs stay
    // within what the unchanged parser can follow: its recovery recurses once per error.)
    const services = createRemitCoreServices(EmptyFileSystem).Remit;
    const plain = createLangiumParser(services);
    const broken = [
        'map R\nuses School\nrole X\ndomain D {\n decision Y {' + ' decide ""'.repeat(300) + ' }\n}\n',
        'map R\nuses School\nrole X\ndomain D {\n decision Y {' + ' decide X , role "'.repeat(80) + ' }\n decision Z { decide X }\n}\n',
        'map R\n' + 'role '.repeat(300) + 'domain D { decision Y { decide } }\n',
        'map R\nuses School\nrole X\n' + 'domain D {\n decision Y { decide X levels L { } }\n'.repeat(40) + '}\n'.repeat(20),
        'map R\nphases { a 1..2 years b } role X { kind teacher release 5% reports } ' + '} '.repeat(200) + 'domain D { decision Y { decide X from a until } }\n',
        // Lakeside with words cut out here and there: errors in many rules, one after another.
        ...Array.from({ length: 40 }, (_, seed) => mangled(LAKESIDE, seed))
    ];
    test.each(broken.map((text, i) => [i, text]))('broken map %i: the same errors as the parser without memories', (_i, text) => {
        const errors = (result: ParseResult) => result.parserErrors.map(e => [e.name, e.message, e.token.startOffset, e.token.image]);
        const expected = errors(plain.parse(text as string));
        expect(expected.length).toBeGreaterThan(0);
        expect(errors(services.parser.LangiumParser.parse(text as string))).toEqual(expected);
    });
});
