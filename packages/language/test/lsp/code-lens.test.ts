import { describe, expect, test } from 'vitest';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf } from './workspace.js';

async function lenses(files: Record<string, string>, file: string): Promise<Array<{ line: number; title: string }>> {
    const ws = await openWorkspace(files);
    const result = await ws.services.lsp.CodeLensProvider!.provideCodeLens(ws.doc(file), { textDocument: { uri: uriOf(file) } });
    return (result ?? []).map(lens => ({ line: lens.range.start.line, title: lens.command!.title }));
}

describe('code lens on each decision', () => {
    test('names the final holder by title and counts the others, one lens per decision at its first line', async () => {
        const result = await lenses({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT }, 'lakeside.remit');
        const text = LAKESIDE.split('\n');
        expect(result.map(l => text[l.line].trim().split(' ').slice(0, 2).join(' '))).toEqual([
            'decision SetInstructionalFocus', 'decision AdoptMaterials', 'decision FacultyMeetingAgenda', 'decision Timetable'
        ]);
        expect(result.map(l => l.title)).toEqual([
            'decided by Principal · 1 recommends · 1 informed',
            'decided by Principal · 1 recommends · 1 consulted · 1 informed',
            'decided by Principal until Expansion, then Instructional Leadership Team · 1 consulted',
            'no one decides · 1 recommends · 3 consulted'
        ]);
    });

    test('a collaborative decision names every final holder', async () => {
        const map = 'map A\nrole Head "Head of school"\nrole Chair "Council chair"\ndomain D { decision X { pattern collaborative  decide Head, Chair } }\n';
        expect((await lenses({ 'a.remit': map }, 'a.remit')).map(l => l.title)).toEqual(['decided by Head of school and Council chair']);
    });

    test('holders from other maps are named by their titles', async () => {
        const result = await lenses({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT }, 'district.remit');
        expect(result.map(l => l.title)).toEqual(['decided by Principal · 1 recommends · 2 consulted']);
    });

    test('a gap in some phases is named, and a map\'s own levels are counted by name', async () => {
        const map = `map Westfield
uses Advisory
levels Advisory { propose required  approve final  carry }
phases { One  Two  Three }
role Head "Head of school"
role Team7 "Grade 7 team"
domain Trips { decision TripPlan { propose Team7  approve Head until Two  approve Team7 from Three  carry Team7, Head } }
`;
        const result = await lenses({ 'westfield.remit': map }, 'westfield.remit');
        expect(result.map(l => l.title)).toEqual(["decided by Head of school until Two, then no one until Three, then Grade 7 team · 1 'propose' · 2 'carry'"]);
    });
});
