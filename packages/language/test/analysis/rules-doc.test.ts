import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULE_CODES } from '@remit/language';
import { check } from './helpers.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/rules.md', import.meta.url)), 'utf8');

/** The sections of docs/rules.md, by heading. */
const sections = new Map(doc.split(/^## /m).slice(1).map(section => {
    const [heading, ...rest] = section.split('\n');
    return [heading.trim(), rest.join('\n')];
}));

describe('docs/rules.md', () => {
    test('has a section headed by every rule code', () => {
        for (const code of RULE_CODES) expect(sections.has(code), code).toBe(true);
    });

    for (const code of RULE_CODES) {
        // Blocks that start with `// workspace:` are the files of one workspace, checked together.
        const blocks = [...(sections.get(code) ?? '').matchAll(/```remit\n([\s\S]*?)```/g)].map(m => m[1]);
        const example = blocks[0]?.startsWith('// workspace:') ? blocks.filter(b => b.startsWith('// workspace:')) : blocks[0];
        if (!example) continue;
        test(`the example under ${code} is reported as ${code}`, async () => {
            const codes = (await check(example)).map(d => d.code);
            expect(codes).toContain(code);
        });
    }
});
