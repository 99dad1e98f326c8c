import { describe, expect, test } from 'vitest';
import { diffSources, renderDiff } from '@remit/language';

const base = (title: string, decider = 'Head') => `map Ash "Ash"\nrole Head "Head" { kind administrator }\nrole Board "Board" { kind district }\n` +
    `domain D "D" {\n  decision Budget "${title}" {\n    decide ${decider}\n  }\n  decision Trips "Trips" {\n    decide Head\n  }\n}\n`;

describe('rendering a diff', () => {
    test('Markdown shows user text literally: no HTML, links, tables or mentions come through', async () => {
        const sneaky = '<img src=x> *bold* | [link](http://x) @staff';
        const diff = await diffSources([{ uri: 'file:///a/ash.remit', text: base('Budget') }], [{ uri: 'file:///b/ash.remit', text: base(sneaky) }]);
        const md = renderDiff(diff, 'md');
        // Code spans show their text literally; everywhere else it must be escaped.
        const outsideCode = md.replace(/(`+)[^`]*?\1/g, '');
        expect(outsideCode).not.toContain('<img');
        expect(outsideCode).not.toContain('@staff');
        expect(md).toContain('&lt;img src=x&gt;');
        expect(md).toContain('\\*bold\\*');
        expect(md).toContain('\\|');
        expect(md).toContain('\\[link\\]');
    });

    test('a removal leads the summary right after transfers, and says what authority goes', async () => {
        const after = base('Budget', 'Board').replace('  decision Trips "Trips" {\n    decide Head\n  }\n', '');
        const diff = await diffSources([{ uri: 'file:///a.remit', text: base('Budget') }], [{ uri: 'file:///a.remit', text: after }]);
        expect(diff.summary).toMatch(/^1 decision changed hands, 1 decision removed[,.]/);
        const text = renderDiff(diff, 'text');
        expect(text).toContain('REMOVED decision "Trips" (Ash.Trips)\n      removed with its authority: decide Head');
        expect(text).toMatch(/final authority moved: Head\b.* -> Board\b/);
        expect(renderDiff(diff, 'md')).toContain('- **REMOVED** decision "Trips" (`Ash.Trips`)');
    });

    test('JSON is the whole structured diff', async () => {
        const diff = await diffSources([{ uri: 'file:///a.remit', text: base('Budget') }], [{ uri: 'file:///a.remit', text: base('Budget', 'Board') }]);
        const json = JSON.parse(renderDiff(diff, 'json'));
        expect(json).toEqual(JSON.parse(JSON.stringify(diff)));
        expect(json.decisions[0].transfers).toEqual([{ from: ['Ash.Head'], to: ['Ash.Board'] }]);
    });

    test('a value holding backticks stays one code span', async () => {
        const diff = await diffSources([{ uri: 'file:///a.remit', text: base('Budget') }], [{ uri: 'file:///a.remit', text: base('Budget \`x\` and \`\`y') }]);
        expect(renderDiff(diff, 'md')).toContain('title: `Budget` → ```Budget `x` and ``y```');
    });

    test('no change reads as such', async () => {
        const diff = await diffSources([{ uri: 'file:///a.remit', text: base('Budget') }], [{ uri: 'file:///b.remit', text: base('Budget').replace(/\n/g, '\n\n') }]);
        expect(renderDiff(diff, 'text')).toBe('No change in authority.\n');
    });
});
