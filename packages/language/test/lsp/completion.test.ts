import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf } from './workspace.js';

/**
 * The completion items at `<|>` in `text`, with Lakeside and District in the workspace.
 * The file is named school.remit; its map may name the other two.
 */
async function complete(text: string, others: Record<string, string> = { 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT }, triggerCharacter?: string): Promise<CompletionItem[]> {
    const offset = text.indexOf('<|>');
    const ws = await openWorkspace({ ...others, 'school.remit': text.replace('<|>', '') });
    const document = ws.doc('school.remit');
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: uriOf('school.remit') }, position: document.textDocument.positionAt(offset),
        ...(triggerCharacter ? { context: { triggerKind: 2, triggerCharacter } } : {})
    });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

/** The labels in the order an editor shows them: by sortText, then label. */
const shown = (items: CompletionItem[]) => labels([...items].sort((a, b) =>
    (a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : (a.sortText ?? a.label) > (b.sortText ?? b.label) ? 1 : a.label < b.label ? -1 : 1));

const SCHOOL = (decisionBody: string, extra = '') => `map School "Northfield Primary"
phases { Pilot "Pilot year"  Full "Full rollout" }
role Head "Head of school" { kind administrator }
role Teachers "All teachers" { kind teacher }
team Council "School council" { members Head, Teachers  rule majority }
${extra}
domain Planning "Planning" {
  decision Calendar "Set the school calendar" { decide Head }
  decision Budget "Set the budget" {
    ${decisionBody}
  }
}
`;

describe('completion', () => {
    test('at the start of a line in a decision: the levels of the map\'s scheme, then the other lines', async () => {
        const items = await complete(SCHOOL('decide Head\n    <|>'));
        expect(labels(items)).toEqual(expect.arrayContaining(['recommend', 'consult', 'agree', 'decide', 'inform', 'after', 'escalate', 'review', 'pattern', 'source', 'status']));
        expect(labels(items)).not.toContain('perform');
        const decide = items.find(i => i.label === 'decide')!;
        expect(decide.detail).toBe('Makes the final decision and is accountable for it');
        // Levels come first, in the order they act; then the keywords, each saying what it is for.
        const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label));
        expect(labels(sorted).slice(0, 5)).toEqual(['recommend', 'consult', 'agree', 'decide', 'inform']);
        expect(items.find(i => i.label === 'escalate')?.detail).toBe('Where a deadlock or appeal goes');
    });

    test('a map with its own scheme is offered its own levels', async () => {
        const items = await complete(`map Westfield
uses Advisory
levels Advisory { propose "Drafts the proposal" required  approve "Gives the final approval" final }
role Head
domain Trips { decision TripPlan { <|> } }
`, {});
        expect(labels(items)).toEqual(expect.arrayContaining(['propose', 'approve']));
        expect(labels(items)).not.toContain('decide');
        expect(items.find(i => i.label === 'approve')?.detail).toBe('Gives the final approval');
    });

    test('after a level: the map\'s roles and teams by plain name, other maps\' by qualified name, with titles', async () => {
        const items = await complete(SCHOOL('decide Head\n    consult <|>'));
        expect(labels(items)).toEqual(expect.arrayContaining(['Head', 'Teachers', 'Council', 'District.Coach', 'Lakeside.Principal', 'Lakeside.ILT']));
        expect(labels(items)).not.toContain('School.Head');
        expect(labels(items)).not.toContain('Calendar');
        expect(labels(items)).not.toContain('Pilot');
        expect(items.find(i => i.label === 'Council')?.detail).toBe('School council');
        expect(items.find(i => i.label === 'District.Coach')?.detail).toBe('Instructional coach');
    });

    test('after a comma in a list of holders', async () => {
        const items = await complete(SCHOOL('decide Head\n    consult Teachers, <|>'));
        expect(labels(items)).toEqual(expect.arrayContaining(['Head', 'Council']));
    });

    test('after the holders: from and until, and the next line\'s levels', async () => {
        const items = await complete(SCHOOL('decide Head <|>'));
        expect(labels(items)).toEqual(expect.arrayContaining(['from', 'until', 'consult']));
        expect(items.find(i => i.label === 'until')?.detail).toBe('Holds this level until that phase begins');
    });

    test('after from and until: the map\'s phases', async () => {
        for (const keyword of ['from', 'until']) {
            const items = await complete(SCHOOL(`decide Head ${keyword} <|>`));
            expect(labels(items)).toEqual(['Pilot', 'Full']);
            expect(items[0].detail).toBe('Pilot year');
        }
    });

    test('after after: decisions, this map\'s and other maps\'', async () => {
        const items = await complete(SCHOOL('decide Head\n    after <|>'));
        expect(labels(items)).toEqual(expect.arrayContaining(['Calendar', 'Lakeside.AdoptMaterials', 'District.MentorProgram']));
        expect(labels(items)).not.toContain('Head');
        expect(items.find(i => i.label === 'Calendar')?.detail).toBe('Set the school calendar');
    });

    test('after escalate, backup and members: holders; after chair and reports: roles only', async () => {
        expect(labels(await complete(SCHOOL('decide Head\n    escalate <|>')))).toEqual(expect.arrayContaining(['Head', 'Council', 'District.Coach']));
        const chair = labels(await complete(SCHOOL('decide Head', 'team Board { chair <|> }')));
        expect(chair).toContain('Head');
        expect(chair).not.toContain('Council');
    });

    test.each([
        ['kind', 'role Coach { kind <|> }', ['administrator', 'teacher', 'staff', 'student', 'family', 'community', 'district', 'external']],
        ['rule', 'team Board { members Head  rule <|> }', ['consensus', 'majority', 'unanimous', 'chair', 'vote']]
    ])('after %s: its values', async (_, extra, expected) => {
        const items = await complete(SCHOOL('decide Head', extra));
        expect(labels(items)).toEqual(expect.arrayContaining(expected));
    });

    test.each([
        ['pattern', ['collaborative', 'collective', 'coordinated', 'parallel']],
        ['status', ['draft', 'proposed', 'ratified']],
        ['review', ['yearly', 'termly', 'monthly', 'weekly']]
    ])('after %s in a decision: its values', async (keyword, expected) => {
        const items = await complete(SCHOOL(`decide Head\n    ${keyword} <|>`));
        expect(labels(items)).toEqual(expect.arrayContaining(expected));
        expect(labels(items)).not.toContain('Head');
    });

    test('at the top level: the kinds of element a map holds', async () => {
        const items = await complete('map School "Northfield Primary"\n<|>\n', {});
        expect(labels(items)).toEqual(expect.arrayContaining(['role', 'team', 'domain', 'levels', 'phases', 'uses', 'status']));
    });

    test('after uses: the built-in schemes and the map\'s own', async () => {
        const items = await complete('map School\nuses <|>\nlevels Mine { a final }\n', {});
        expect(labels(items)).toEqual(expect.arrayContaining(['School', 'RAPID', 'RACI', 'DACI', 'Mine']));
    });

    test('a partly typed qualified name narrows to that map', async () => {
        const items = await complete(SCHOOL('decide Head\n    consult District.<|>'));
        expect(labels(items)).toContain('District.Coach');
        expect(labels(items)).not.toContain('Head');
    });

    test('after a level: the map\'s own roles and teams first, then those of the maps it refers to, then the rest', async () => {
        const items = await complete(SCHOOL('decide Head\n    inform Lakeside.Staff\n    consult <|>'));
        const order = shown(items);
        expect(order.slice(0, 3)).toEqual(['Council', 'Head', 'Teachers']);
        expect(order[3]).toMatch(/^Lakeside\./);
        expect(order.indexOf('Lakeside.Principal')).toBeLessThan(order.indexOf('District.Coach'));
        // Without the reference to Lakeside, the other maps' names follow in alphabetical order.
        const plain = shown(await complete(SCHOOL('decide Head\n    consult <|>')));
        expect(plain.slice(0, 3)).toEqual(['Council', 'Head', 'Teachers']);
        expect(plain.indexOf('District.Coach')).toBeLessThan(plain.indexOf('Lakeside.Principal'));
    });

    test('phases in phase order, not alphabetical', async () => {
        const map = 'map M\nphases { Zeta "Last letter, first phase"  Alpha  Middle }\nrole Head\ndomain D { decision X { decide Head from <|> } }\n';
        const items = await complete(map, {});
        expect(shown(items)).toEqual(['Zeta', 'Alpha', 'Middle']);
    });

    test('typing a space after a level word pops up the names; after other words it stays quiet', async () => {
        const afterLevel = await complete(SCHOOL('decide <|>'), undefined, ' ');
        expect(shown(afterLevel).slice(0, 3)).toEqual(['Council', 'Head', 'Teachers']);
        expect(labels(await complete(SCHOOL('decide Head from <|>'), undefined, ' '))).toEqual(['Pilot', 'Full']);
        expect(labels(await complete(SCHOOL('decide Head, <|>'), undefined, ','))).toContain('Teachers');
        expect(await complete(SCHOOL('decide Head <|>'), undefined, ' ')).toEqual([]);
        expect(await complete(SCHOOL('decide Head', 'role Coach <|>'), undefined, ' ')).toEqual([]);
        // Asked for explicitly (Ctrl+Space), the same places still list what may follow.
        expect(labels(await complete(SCHOOL('decide Head <|>')))).toContain('from');
    });
});
