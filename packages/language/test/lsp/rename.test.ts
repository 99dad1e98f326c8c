import { describe, expect, test } from 'vitest';
import type { Position, WorkspaceEdit } from 'vscode-languageserver';
import { LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf, type EditorWorkspace } from './workspace.js';

const DISTRICT = `map District "Northfield School District"
uses District.Advisory

levels Advisory "Advisory" {
  propose "Drafts the proposal" required
  approve "Gives the final approval" final
}

role Coach "Instructional coach" { kind district  seats 3 }
role Superintendent "Superintendent" { kind district  backup Coach }

domain Induction "New-teacher induction" {
  decision MentorProgram "Design the mentoring programme" {
    propose Coach
    approve Superintendent
  }
}
`;

const SCHOOL = `map School "Northfield Primary School"

role Principal "Principal" { kind administrator }

domain Mentoring "Mentoring" {
  decision PairMentors "Pair new teachers with mentors" {
    recommend District.Coach
    decide Principal
    inform District.Coach
    escalate District . Superintendent
    after District.MentorProgram
  }
}
`;

async function workspace(): Promise<EditorWorkspace> {
    return openWorkspace({ 'district.remit': DISTRICT, 'school.remit': SCHOOL });
}

async function rename(ws: EditorWorkspace, file: string, position: Position, newName: string): Promise<WorkspaceEdit | undefined> {
    return ws.services.lsp.RenameProvider!.rename(ws.doc(file), { textDocument: { uri: uriOf(file) }, position, newName });
}

async function refusal(ws: EditorWorkspace, file: string, position: Position, newName: string): Promise<string> {
    try {
        await rename(ws, file, position, newName);
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error(`renaming to '${newName}' was accepted`);
}

describe('rename', () => {
    test('a role: plain names inside its map, qualified names in other maps', async () => {
        const ws = await workspace();
        const edit = await rename(ws, 'district.remit', ws.at('district.remit', 'role Coach', 5), 'Mentor');
        const district = ws.apply(edit, 'district.remit');
        expect(district).toContain('role Mentor "Instructional coach"');
        expect(district).toContain('backup Mentor }');
        expect(district).toContain('propose Mentor\n');
        const school = ws.apply(edit, 'school.remit');
        expect(school).toContain('recommend District.Mentor\n');
        expect(school).toContain('inform District.Mentor\n');
        expect(school).toContain('escalate District . Superintendent\n');
    });

    test('from a qualified reference in another map, the element is renamed everywhere', async () => {
        const ws = await workspace();
        const edit = await rename(ws, 'school.remit', ws.at('school.remit', 'District.Coach', 'District.'.length + 2), 'Mentor');
        expect(ws.apply(edit, 'district.remit')).toContain('role Mentor "Instructional coach"');
        expect(ws.apply(edit, 'school.remit').match(/District\.Mentor\n/g)).toHaveLength(2);
    });

    test('a map: every qualified reference to its elements takes the new map name', async () => {
        const ws = await workspace();
        const edit = await rename(ws, 'district.remit', ws.at('district.remit', 'map District', 4), 'Northfield');
        const district = ws.apply(edit, 'district.remit');
        expect(district).toMatch(/^map Northfield "Northfield School District"\nuses Northfield\.Advisory\n/);
        expect(district).toContain('propose Coach\n');
        const school = ws.apply(edit, 'school.remit');
        expect(school).toContain('recommend Northfield.Coach\n');
        expect(school).toContain('escalate Northfield.Superintendent\n');
        expect(school).toContain('after Northfield.MentorProgram\n');
    });

    test('on the map part of a qualified reference, the map is renamed', async () => {
        const ws = await workspace();
        const position = ws.at('school.remit', 'District.Coach', 2);
        const prepared = await ws.services.lsp.RenameProvider!.prepareRename(ws.doc('school.remit'), { textDocument: { uri: uriOf('school.remit') }, position });
        expect(ws.doc('school.remit').textDocument.getText(prepared!)).toBe('District');
        const edit = await rename(ws, 'school.remit', position, 'Northfield');
        expect(ws.apply(edit, 'district.remit')).toMatch(/^map Northfield /);
        expect(ws.apply(edit, 'school.remit')).toContain('inform Northfield.Coach\n');
    });

    test('a reference written with spaces around the dot: the part under the cursor, then written tight', async () => {
        const ws = await workspace();
        const position = ws.at('school.remit', 'District . Superintendent', 'District . '.length + 2);
        const prepared = await ws.services.lsp.RenameProvider!.prepareRename(ws.doc('school.remit'), { textDocument: { uri: uriOf('school.remit') }, position });
        expect(ws.doc('school.remit').textDocument.getText(prepared!)).toBe('Superintendent');
        const edit = await rename(ws, 'school.remit', position, 'Director');
        expect(ws.apply(edit, 'school.remit')).toContain('escalate District.Director\n');
        expect(ws.apply(edit, 'district.remit')).toContain('role Director "Superintendent"');
    });

    test('the editor is offered the element name, not the whole qualified reference', async () => {
        const ws = await workspace();
        const position = ws.at('school.remit', 'District.Coach', 'District.'.length + 1);
        const prepared = await ws.services.lsp.RenameProvider!.prepareRename(ws.doc('school.remit'), { textDocument: { uri: uriOf('school.remit') }, position });
        expect(ws.doc('school.remit').textDocument.getText(prepared!)).toBe('Coach');
    });

    test('a level of a map\'s own scheme, in every map that uses it', async () => {
        const ws = await workspace();
        const edit = await rename(ws, 'district.remit', ws.at('district.remit', 'propose "Drafts', 1), 'prepare');
        const district = ws.apply(edit, 'district.remit');
        expect(district).toContain('  prepare "Drafts the proposal" required');
        expect(district).toContain('    prepare Coach\n');
    });

    test('a phase, from where it bounds an assignment', async () => {
        const ws = await openWorkspace({ 'lakeside.remit': LAKESIDE });
        const edit = await rename(ws, 'lakeside.remit', ws.at('lakeside.remit', 'until Expansion', 7), 'Growth');
        const text = ws.apply(edit, 'lakeside.remit');
        expect(text).toContain('  Growth "Expansion" 2..3 years\n');
        expect(text).toContain('decide Principal until Growth\n');
        expect(text).toContain('decide ILT from Growth\n');
    });

    test('a decision named after `after` in another map', async () => {
        const ws = await workspace();
        const edit = await rename(ws, 'district.remit', ws.at('district.remit', 'MentorProgram'), 'Mentoring');
        expect(ws.apply(edit, 'school.remit')).toContain('after District.Mentoring\n');
    });

    test.each([
        ['a name with a space', 'Lead Coach', /'Lead Coach' cannot be the name of a role: a name starts with a letter/],
        ['a qualified name', 'District.Mentor', /no spaces or dots/],
        ['a keyword', 'role', /'role' is a word of the Remit language/],
        ['a name already taken in the map', 'Superintendent', /District already has a role named 'Superintendent'/]
    ])('refuses %s, saying why', async (_, newName, message) => {
        const ws = await workspace();
        expect(await refusal(ws, 'district.remit', ws.at('district.remit', 'role Coach', 5), newName)).toMatch(message);
    });

    test('refuses a map name another map has', async () => {
        const ws = await workspace();
        expect(await refusal(ws, 'district.remit', ws.at('district.remit', 'map District', 4), 'School'))
            .toBe("There is already a map named 'School'. Choose another name.");
    });

    test('refuses to rename a built-in level, and says what to do instead', async () => {
        const ws = await workspace();
        const position = ws.at('school.remit', 'decide Principal', 1);
        expect(() => ws.services.lsp.RenameProvider!.prepareRename(ws.doc('school.remit'), { textDocument: { uri: uriOf('school.remit') }, position }))
            .toThrow(/'decide' is a level of the built-in School scheme and cannot be renamed/);
    });
});
