import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CstUtils, EmptyFileSystem } from 'langium';
import { formatRemitText } from '@remit/language';
import { createRemitServices } from '@remit/language/lsp';
import { astShape } from '../../src/format/ast-shape.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examplesFolder = path.resolve(here, '../../../../examples');
const parser = createRemitServices(EmptyFileSystem).Remit.parser.LangiumParser;

function remitFiles(folder: string, suffix = '.remit'): string[] {
    return readdirSync(folder).flatMap(name => {
        const full = path.join(folder, name);
        return statSync(full).isDirectory() ? remitFiles(full, suffix) : name.endsWith(suffix) ? [full] : [];
    });
}

const samples = [...remitFiles(examplesFolder), ...remitFiles(path.join(here, 'golden'), '.remit.txt')]
    .map(file => ({ name: path.relative(examplesFolder, file), text: readFileSync(file, 'utf8') }));

/** The tokens of a text, comments included, as written. */
function tokens(text: string): Array<{ text: string; comment: boolean }> {
    const root = parser.parse(text).value;
    return CstUtils.flattenCst(root.$cstNode!).toArray().map(leaf => ({ text: leaf.text, comment: leaf.hidden }));
}

/** A comment's words: its lines without the indentation the formatter may move. */
function commentWords(comment: string): string {
    return comment.split('\n').map(line => line.trim()).join('\n');
}

const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\n    ', ' \n\t', '\n\n\n  ', '\r\n', '\r', ' \r\n\r\n ');
/** What may be put into a gap between two tokens: whitespace, or a comment in whitespace. */
const gapFiller = fc.oneof(
    { weight: 6, arbitrary: whitespace },
    { weight: 1, arbitrary: fc.tuple(whitespace, fc.nat(999)).map(([ws, n]) => `${ws}/* note ${n} */${ws}`) },
    { weight: 1, arbitrary: fc.tuple(whitespace, fc.nat(999)).map(([ws, n]) => `${ws}// remark ${n}\n`) },
    { weight: 1, arbitrary: fc.nat(999).map(n => `\n/** doc ${n}\n * more words\n */\n`) }
);

/** The sample with every gap between tokens replaced: the same map, written differently. */
function rewrite(text: string, fillers: readonly string[]): string {
    const leaves = CstUtils.flattenCst(parser.parse(text).value.$cstNode!).toArray();
    let result = '';
    leaves.forEach((leaf, i) => {
        const filler = fillers[i % fillers.length];
        // After a line comment the next token must start on a new line.
        const needsBreak = i > 0 && leaves[i - 1].text.startsWith('//') && !/^[\r\n]/.test(filler);
        result += (i === 0 ? '' : needsBreak ? `\n${filler}` : filler) + leaf.text;
    });
    return result + '\n';
}

describe('formatting keeps the map, every comment, and is idempotent', () => {
    const variants = fc.tuple(fc.constantFrom(...samples), fc.array(gapFiller, { minLength: 1, maxLength: 40 }));

    test('over the examples with random whitespace and comments', () => {
        fc.assert(fc.property(variants, ([sample, fillers]) => {
            const text = rewrite(sample.text, fillers);
            const before = parser.parse(text);
            if (before.lexerErrors.length > 0 || before.parserErrors.length > 0) return; // not a variant of the same map
            const result = formatRemitText(text);
            expect(result.error, sample.name).toBeUndefined();
            const formatted = result.text!;
            // Idempotent.
            expect(formatRemitText(formatted)).toEqual({ text: formatted, changed: false });
            // The same syntax tree, references and all.
            expect(astShape(parser.parse(formatted).value)).toEqual(astShape(before.value));
            // The same tokens in the same order, comments with their words unchanged.
            const a = tokens(text);
            const b = tokens(formatted);
            expect(b.map(t => t.comment ? commentWords(t.text) : t.text)).toEqual(a.map(t => t.comment ? commentWords(t.text) : t.text));
        }), { numRuns: 150 });
    });

    test.each(samples.map(s => [s.name, s.text]))('%s: formatting twice changes nothing more', (_name, text) => {
        const once = formatRemitText(text);
        expect(once.error).toBeUndefined();
        expect(formatRemitText(once.text!).changed).toBe(false);
    });

    test('a file with a syntax error anywhere is never changed', () => {
        fc.assert(fc.property(fc.constantFrom(...samples), fc.nat(), fc.constantFrom('{', '}', '"', '%', ','), (sample, at, junk) => {
            const offset = at % sample.text.length;
            const broken = sample.text.slice(0, offset) + junk + sample.text.slice(offset);
            const parsed = parser.parse(broken);
            if (parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0) return;
            const result = formatRemitText(broken);
            expect(result.text).toBeUndefined();
            expect(result.error!.line).toBeGreaterThan(0);
        }), { numRuns: 100 });
    });
});
