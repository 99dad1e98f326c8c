import { describe, expect, test } from 'vitest';
import { checkSources } from '@remit/language';

describe('duplicate-property on level flags', () => {
    test('a flag written twice on one level is reported once, on the repeat', async () => {
        const text = [
            'map Westfield "Westfield"',
            'uses Advisory',
            'levels Advisory "Advisory" {',
            '  propose "Drafts" required',
            '  approve "Approves" final final',
            '}',
            'role Head "Head" { kind administrator }',
            'domain Trips "Trips" {',
            '  decision TripPlan "Trip" { propose Head  approve Head }',
            '}'
        ].join('\n');
        const { diagnostics } = await checkSources([{ uri: 'file:///flags/westfield.remit', text }]);
        const repeats = diagnostics.filter(d => d.code === 'duplicate-property');
        expect(repeats).toHaveLength(1);
        expect(repeats[0]).toMatchObject({ severity: 'error', line: 5, column: 28, element: 'Westfield.Advisory.approve' });
        expect(repeats[0].message).toBe("The level 'approve' is marked 'final' twice; once is enough. Remove the repeat.");
    });

    test('each flag once is fine', async () => {
        const text = 'map W "W"\nuses A\nlevels A "A" { p "P" required  d "D" final }\nrole H "H" { kind administrator }\ndomain T "T" { decision X "X" { p H  d H } }\n';
        const { diagnostics } = await checkSources([{ uri: 'file:///flags/w.remit', text }]);
        expect(diagnostics.filter(d => d.code === 'duplicate-property')).toEqual([]);
    });
});
