import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkSources } from '@remit/language';

// The README promises what Remit says about its example map; these tests keep it honest.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const exampleMap = /```remit\n([\s\S]*?)```/.exec(readme)![1];
const promisedMessage = /```\n(Until Expansion[\s\S]*?)```/.exec(readme)![1].replace(/\s+/g, ' ').trim();

describe('README', () => {
    test('the example map checks clean', async () => {
        const { diagnostics } = await checkSources([{ uri: 'file:///readme/lakeside.remit', text: exampleMap }]);
        expect(diagnostics).toEqual([]);
    });

    test('the edit it describes gives the conflict message it quotes', async () => {
        const edited = exampleMap.replace('decide ILT from Expansion', 'decide ILT from Initial');
        expect(edited).not.toBe(exampleMap);
        const { diagnostics } = await checkSources([{ uri: 'file:///readme/lakeside.remit', text: edited }]);
        const conflict = diagnostics.find(d => d.code === 'multiple-final-authority');
        expect(conflict?.severity).toBe('error');
        expect(conflict?.element).toBe('Lakeside.FacultyMeetingAgenda');
        expect(conflict?.message).toBe(promisedMessage);
    });
});
