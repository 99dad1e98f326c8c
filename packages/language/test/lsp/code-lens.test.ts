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
            'decided by Principal · 1 recommender · 1 to inform',
            'decided by Principal · 1 recommender · 1 to consult · 1 to inform',
            'decided by Principal until Expansion, then Instructional Leadership Team · 1 to consult',
            'no one decides · 1 recommender · 3 to consult'
        ]);
    });

    test('a collaborative decision names every final holder', async () => {
        const map = 'map A\nrole Head "Head of school"\nrole Chair "Council chair"\ndomain D { decision X { pattern collaborative  decide Head, Chair } }\n';
        expect((await lenses({ 'a.remit': map }, 'a.remit')).map(l => l.title)).toEqual(['decided by Head of school and Council chair']);
    });

    test('holders from other maps are named by their titles', async () => {
        const result = await lenses({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT }, 'district.remit');
        expect(result.map(l => l.title)).toEqual(['decided by Principal · 1 recommender · 2 to consult']);
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
        expect(result.map(l => l.title)).toEqual(["decided by Head of school until Two, then no one until Three, then Grade 7 team · 1 at 'propose' · 2 at 'carry'"]);
    });

    test('every count reads as English, with one holder and with several, in every built-in scheme', async () => {
        const roles = 'role A\nrole B\n';
        const lens = async (scheme: string, lines: string) =>
            (await lenses({ 'm.remit': `map M\nuses ${scheme}\n${roles}domain D { decision X { ${lines} } }\n` }, 'm.remit'))[0].title;
        expect(await lens('School', 'recommend A  consult A  agree A  decide B  inform A')).toBe('decided by B · 1 recommender · 1 to consult · 1 who must agree · 1 to inform');
        expect(await lens('School', 'recommend A, B  consult A, B  agree A, B  decide B  inform A, B')).toBe('decided by B · 2 recommenders · 2 to consult · 2 who must agree · 2 to inform');
        expect(await lens('RAPID', 'recommend A  input A, B  decide B  perform A')).toBe('decided by B · 1 recommender · 2 giving input · 1 to carry it out');
        expect(await lens('RACI', 'responsible A  consulted B  accountable B  informed A, B')).toBe('decided by B · 1 doing the work · 1 to consult · 2 to inform');
        expect(await lens('DACI', 'driver A  contributor A, B  approver B')).toBe('decided by B · 1 driver · 2 contributors');
        expect(await lens('DACI', 'driver A, B  contributor A  approver B')).toBe('decided by B · 2 drivers · 1 contributor');
    });
});
