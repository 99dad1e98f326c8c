import { describe, expect, it } from 'vitest';
import { buildCharterData, buildMapView } from '@remit/generators';
import { loadExample, loadText } from './helpers.js';

/** The charter's one-page summary grid, as a board reads it: who has the final say in each row. */
describe('the charter\'s summary grid', () => {
    it('marks levels held only in some phases, so a hand-over does not read as two deciders', async () => {
        const { workspace, findings } = await loadExample('highland');
        const data = buildCharterData(buildMapView(workspace.model, workspace.model.map('Highland')!, findings));
        const column = (id: string) => data.grid.columns.findIndex(c => c.id === id);
        const row = (title: string) => data.grid.rows.find(r => r.title === title)!;
        // decide Principal until Schoolwide; decide SIC from Schoolwide on.
        const grading = row('Adopt schoolwide grading practices');
        expect(grading.cells[column('Highland.Principal')]).toBe('D\u2020');
        expect(grading.cells[column('Highland.SIC')]).toBe('D\u2020');
        // Held at all times: no mark.
        expect(row('Set the department meeting agenda').cells[column('Highland.DeptChair')]).toBe('D');
        expect(data.grid.partialNote).toMatch(/^\u2020 held only in some phases or some cases/);
    });

    it('marks a level held in some cases only, and leaves the note out when no cell is marked', async () => {
        const cases = await loadText(`map Cases "Cases School"
role Head "Head" { kind administrator }
role Board "Board" { kind board }
domain D "Money" {
  decision Buy "Approve a purchase" {
    decide Head when "up to $5,000"
    decide Board when "over $5,000"
    inform Board
  }
}
`);
        const data = buildCharterData(buildMapView(cases.workspace.model, cases.workspace.model.map('Cases')!, cases.findings));
        const cells = Object.fromEntries(data.grid.columns.map((c, i) => [c.name, data.grid.rows[0].cells[i]]));
        expect(cells).toEqual({ Head: 'D\u2020', Board: 'D\u2020 I' });
        expect(data.grid.partialNote).not.toBe('');

        const plain = await loadText('map Plain "Plain School"\nrole Head "Head" { kind administrator }\ndomain D "D" {\n  decision X "Decide X" { decide Head }\n}\n');
        const plainData = buildCharterData(buildMapView(plain.workspace.model, plain.workspace.model.map('Plain')!, plain.findings));
        expect(plainData.grid.rows[0].cells).toEqual(['D']);
        expect(plainData.grid.partialNote).toBe('');
    });
});
