import { describe as group, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, describe } from './helpers.js';

/**
 * Every `remit` block of the specification's "by example" section is a complete file that
 * checks without errors. The blocks are read from the specification beside the repository
 * when it is there (as in CI), else from the copy committed in test/spec-snippets/.
 */
const repo = new URL('../../../../', import.meta.url);
const candidates = [new URL('../shared/spec/language.md', repo), new URL('test/spec-snippets/language.md', repo)].map(u => fileURLToPath(u));
const specFile = candidates.find(file => existsSync(file));

function snippets(markdown: string): Array<{ line: number; text: string }> {
    const found: Array<{ line: number; text: string }> = [];
    for (const match of markdown.matchAll(/^```remit[^\n]*\n([\s\S]*?)^```/gm)) {
        found.push({ line: markdown.slice(0, match.index).split('\n').length + 1, text: match[1] });
    }
    return found;
}

group('the specification\'s examples', () => {
    test('the specification or its copy is there, with examples in it', () => {
        expect(specFile, `none of ${candidates.join(', ')}`).toBeDefined();
        expect(snippets(readFileSync(specFile!, 'utf8')).length).toBeGreaterThanOrEqual(2);
    });

    const blocks = specFile ? snippets(readFileSync(specFile, 'utf8')) : [];
    for (const block of blocks) {
        test(`the remit block at line ${block.line} parses and checks without errors`, async () => {
            const { diagnostics, model } = await check(block.text);
            const errors = diagnostics.filter(d => d.severity === 'error');
            expect(errors, describe(errors)).toEqual([]);
            expect(model?.name).toMatch(/^[A-Za-z_]/);
        });
    }
});
