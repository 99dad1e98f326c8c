import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { diffSources, formatRemitText } from '@remit/language';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const folders = readdirSync(examples).filter(name => statSync(path.join(examples, name)).isDirectory());

/** The formatter and the diff agree: formatting a workspace changes no authority and no problem. */
describe('formatting the examples is no change to the diff', () => {
    test.each(folders)('%s', async folder => {
        const files = readdirSync(path.join(examples, folder)).filter(f => f.endsWith('.remit'));
        const before = files.map(f => ({ uri: `file:///ex/${folder}/${f}`, text: readFileSync(path.join(examples, folder, f), 'utf8') }));
        const after = before.map(source => ({ uri: source.uri, text: formatRemitText(source.text).text! }));
        const diff = await diffSources(before, after);
        expect(diff.summary).toBe('No change in authority.');
        expect(diff.problems).toEqual({ introduced: [], resolved: [], changedSeverity: [] });
        expect(diff.decisions).toEqual([]);
    });
});
