import { describe, expect, it } from 'vitest';
import { buildMapView, renderDiagramSvg, renderMatrix, renderMermaid, type Finding } from '@remit/generators';
import { loadExample, loadText } from './helpers.js';

const GAPPY = `map Gappy "Gappy School"
phases {
  One "Phase one"
  Two "Phase two"
}
role Head "Head" { kind administrator }
role Lead "Lead teacher" { kind teacher }
domain D "Domain" {
  decision Handover "Hand over the timetable" {
    decide Head until Two
    recommend Lead
  }
  decision Both "Set the budget" {
    decide Head, Lead
  }
}
`;

describe('the shared map view', () => {
    it('describes when a holding applies, from the phase timeline', async () => {
        const { workspace, findings } = await loadExample('lakeside');
        const view = buildMapView(workspace.model, workspace.model.map('Lakeside')!, findings);
        const pd = view.decisions.find(d => d.decision.name === 'PDCalendar')!;
        expect(pd.finalHolders.map(h => [h.label, h.when])).toEqual([
            ['Principal', 'Until Expansion'],
            ['Instructional Leadership Team', 'From Expansion on']
        ]);
        const expansion = view.transitions.find(t => t.phase.name === 'Expansion')!;
        const decide = expansion.changes.find(c => c.decision === pd && c.level.final)!;
        expect(decide.lost).toEqual(['Principal']);
        expect(decide.gained).toEqual(['Instructional Leadership Team']);
    });

    it('with a phase, shows only what holds in it', async () => {
        const { workspace, findings } = await loadExample('lakeside');
        const before = renderMatrix(workspace.model, findings, { phase: 'Initial' });
        const after = renderMatrix(workspace.model, findings, { phase: 'Expansion' });
        const row = (md: string) => md.split('\n').find(l => l.startsWith('| Set the professional development calendar'))!;
        // Columns: Principal first, the ILT near the end.
        expect(row(before).split('|')[2].trim()).toBe('decide');
        expect(row(after).split('|')[2].trim()).toBe('consult');
        expect(row(after)).not.toMatch(/until|from/);
    });

    it('marks a gap where nobody decides in a phase, and a conflict the checker reports', async () => {
        const { workspace } = await loadText(GAPPY);
        const conflict: Finding = { code: 'multiple-final-authority', severity: 'error', element: 'Gappy.Both', message: 'Head and Lead teacher both decide.' };
        const view = buildMapView(workspace.model, workspace.model.maps[0], [conflict]);
        const [handover, both] = view.decisions;
        expect(handover.gap).toBe(true);
        expect(handover.conflict).toBe(false);
        expect(both.gap).toBe(false);
        expect(both.conflict).toBe(true);
        // In phase one the head still decides: no gap there.
        expect(buildMapView(workspace.model, workspace.model.maps[0], [], { phase: 'One' }).decisions[0].gap).toBe(false);

        const svg = await renderDiagramSvg(workspace.model, [conflict]);
        expect(svg).toContain('⚠ Gap: nobody holds final');
        expect(svg).toContain('⚠ Conflict: more than one final');
        expect(svg).toContain('Nobody holds final authority over: Hand over the timetable.');
        expect(renderMatrix(workspace.model, [conflict])).toContain('**GAP: nobody decides**');
        expect(renderMermaid(workspace.model, [conflict])).toMatch(/class d1,d2 problem/);
    });

    it('gives SVG nodes the qualified names a preview needs to reveal the source', async () => {
        const { workspace, findings } = await loadExample('lakeside');
        const svg = await renderDiagramSvg(workspace.model, findings);
        for (const name of ['Lakeside.Principal', 'Lakeside.ILT', 'Lakeside.AdoptMaterials', 'Lakeside.Instruction']) {
            expect(svg).toContain(`data-element="${name}"`);
        }
    });
});
