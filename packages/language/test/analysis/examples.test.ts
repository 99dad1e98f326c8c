import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { analyzeWorkspace, finalAuthorityOf, openWorkspace } from '@remit/language';

const examples = fileURLToPath(new URL('../../../../examples', import.meta.url));

describe('the example maps', () => {
    test('are clean but for their two commented, deliberate findings', async () => {
        const workspace = await openWorkspace([examples], { cwd: examples });
        const found = workspace.diagnostics.map(d => [d.code, d.severity, d.element]);
        expect(found).toEqual([
            ['single-point-of-failure', 'hint', 'Pinewood.Superintendent'],
            ['vacant-final-authority', 'warning', 'Riverside.ScienceSequence']
        ]);
    });

    test('analyzeWorkspace gives the same findings to other tools, without an editor', async () => {
        const workspace = await openWorkspace([examples], { cwd: examples });
        const findings = analyzeWorkspace(workspace.model);
        expect(findings.map(f => f.code).sort()).toEqual(['single-point-of-failure', 'vacant-final-authority']);
        expect(findings.every(f => f.location.uri.startsWith('file://'))).toBe(true);
    });

    test('finalAuthorityOf tells who has the final say, phase by phase', async () => {
        const workspace = await openWorkspace([examples], { cwd: examples });
        const map = workspace.model.map('Lakeside')!;
        const decision = workspace.model.decision('Lakeside.PDCalendar')!;
        expect(finalAuthorityOf(map, decision)).toEqual([
            { span: 'Until Expansion', from: undefined, until: 'Expansion', holders: ['Lakeside.Principal'] },
            { span: 'From Expansion on', from: 'Expansion', until: undefined, holders: ['Lakeside.ILT'] }
        ]);
    });
});
