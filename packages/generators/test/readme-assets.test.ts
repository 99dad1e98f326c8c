import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { DIAGRAM_FILE, README_FILE, computeAssets, withExcerpt } from '../../../scripts/readme-assets.mjs';

/** The README's diagram and charter excerpt must be what the generators make today. */
describe('README assets', () => {
    it('docs/images/lakeside-diagram.svg and the README charter excerpt are current (else run node scripts/readme-assets.mjs)', async () => {
        const { diagram, excerpt } = await computeAssets();
        expect(await fs.readFile(DIAGRAM_FILE, 'utf8'), 'docs/images/lakeside-diagram.svg is out of date').toBe(diagram);
        const readme = await fs.readFile(README_FILE, 'utf8');
        const expected = withExcerpt(readme, excerpt);
        expect(expected, 'README.md lacks the charter-excerpt markers').toBeDefined();
        expect(readme, 'the README charter excerpt is out of date').toBe(expected);
        expect(excerpt).toContain('- Each of Principal (until Expansion) and Instructional Leadership Team (from Expansion on) makes the final decision and is accountable for it.');
    }, 120_000);
});
