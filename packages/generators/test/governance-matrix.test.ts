import { describe, expect, it } from 'vitest';
import { renderMatrix } from '@remit/generators';
import { loadExample } from './helpers.js';

/** Part 2 in the matrix: one row per case; decisions inherited from the maps above, marked. */
describe('the matrix of a school under a district', () => {
    it('has one row per case of a decision, each with the holders of that case', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const md = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'md' });
        const rows = md.split('\n').filter(line => line.startsWith('| Approve a purchase'));
        expect(rows).toHaveLength(2);
        expect(rows[0]).toMatch(/^\| Approve a purchase from the school's budget \(when up to \$5,000\) \*\*proposed\*\* \| decide \| recommend \| inform \|/);
        expect(rows[1]).toContain('(when over $5,000)');
        expect(rows[1]).toMatch(/\| consult \| decide \|$/);
        const csv = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'csv' });
        expect(csv.split('\r\n').filter(line => line.includes('PinewoodSouth.Purchases'))).toHaveLength(2);
        const html = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'html' });
        expect(html.match(/data-element="PinewoodSouth\.Purchases"/g)).toHaveLength(2);
    });

    it('lists inherited decisions: set by the district (tight) or its default (loose, not overridden)', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const south = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'md' });
        expect(south).toContain('- Adopt the district literacy framework (set by Pinewood): District leadership team decides');
        expect(south).toContain("- Set each school's professional learning calendar (Pinewood's default): Building principals decides");
        const north = renderMatrix(workspace.model, findings, { map: 'PinewoodNorth', format: 'md' });
        expect(north).toContain('(set by Pinewood)');
        // North overrides the calendar: the district's default is not North's.
        expect(north).not.toContain("Set each school's professional learning calendar (Pinewood's default)");
        const district = renderMatrix(workspace.model, findings, { map: 'Pinewood', format: 'md' });
        expect(district).not.toContain('Decisions from the maps above');
    });
});
