import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkSources, diffWorkspaces, renderDiff } from '@remit/language';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');

/**
 * Lakeside, before and after an edit that hands two decisions to the ILT a phase early,
 * removes one decision, renames another, ratifies two and adds a role. The expected
 * reports were read line by line when they were written; a change to them is a change
 * in what reviewers see.
 */
describe('the diff report for a realistic change (golden files)', () => {
    test.each(['text', 'md'] as const)('%s', async format => {
        // Problems are left out: their wording belongs to the rules and is tested there.
        const [before, after] = await Promise.all(['before.remit.txt', 'after.remit.txt'].map(name =>
            checkSources([{ uri: 'file:///school/lakeside.remit', text: read(name) }])));
        const diff = diffWorkspaces({ model: before.model }, { model: after.model });
        const output = renderDiff(diff, format, { displayPath: uri => uri.replace('file:///school/', '') });
        expect(output).toBe(read(`expected.${format === 'md' ? 'md' : 'txt'}`));
    });
});
