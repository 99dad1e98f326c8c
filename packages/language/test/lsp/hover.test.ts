import { describe, expect, test } from 'vitest';
import type { MarkupContent, Position } from 'vscode-languageserver';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf, type EditorWorkspace } from './workspace.js';

async function hoverText(ws: EditorWorkspace, file: string, position: Position): Promise<string> {
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.doc(file), { textDocument: { uri: uriOf(file) }, position });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

const workspace = () => openWorkspace({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT });

describe('hover', () => {
    test('a role: doc comment, what it holds across the workspace, and its facts', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'role Principal', 6));
        expect(text.split('\n\n').slice(0, 3)).toEqual([
            '**Principal** · role `Lakeside.Principal`',
            'Leads the school and signs off its instructional plan.',
            'Decides 4 decisions, is consulted on 1.'
        ]);
        expect(text).toContain('- Set the faculty meeting agenda: decides until Expansion');
        expect(text).toContain('- Kind: administrator');
        expect(text).toContain('- Held by A. Rivera');
        expect(text).toContain('- Backup: Assistant principal');
        expect(text).toContain('- Member of Instructional Leadership Team');
        expect(text).not.toContain('release time');
    });

    test('the same summary where the role is named, in another map', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'district.remit', ws.at('district.remit', 'Lakeside.GradeLead', 10));
        expect(text).toContain('**Grade-level team leader** · role `Lakeside.GradeLead`');
        expect(text).toContain('Recommends 1 decision, is consulted on 3.');
        expect(text).toContain('- 6 seats');
        expect(text).toContain('- Release time: 5% of working time set aside for leading');
        const staff = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'role Staff', 6));
        expect(staff).toContain('- No release time set aside for leading');
    });

    test('a team: members, chair, rule, and when it takes over', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'team ILT', 6));
        expect(text).toContain('Decides 1 decision, recommends 2.');
        expect(text).toContain('- Set the faculty meeting agenda: decides from Expansion on');
        expect(text).toContain('- Members: Grade-level team leader, Special areas lead and Principal');
        expect(text).toContain('- Chaired by Principal');
        expect(text).toContain('- Decides by consensus');
    });

    test('a decision: who holds each level, in which phases, and its particulars', async () => {
        const ws = await workspace();
        const agenda = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'FacultyMeetingAgenda', 2));
        expect(agenda).toContain('**Set the faculty meeting agenda** · decision `Lakeside.FacultyMeetingAgenda` in Curriculum and instruction');
        expect(agenda).toContain('- **Decide**: Principal (until Expansion) and Instructional Leadership Team (from Expansion on)');
        expect(agenda).toContain('- **Consult**: Grade-level team leader');
        const materials = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'AdoptMaterials', 2));
        expect(materials).toContain('The core programme for reading and mathematics.');
        for (const line of ['- Taken after Set the school\'s instructional focus', '- Escalates to Superintendent', '- Reviewed yearly',
            '- Status: ratified', '- Source: Board policy 6161.1']) {
            expect(materials).toContain(line);
        }
    });

    test('a decision nobody decides says so', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'Timetable', 2));
        expect(text).toContain('- **Decide**: no one (nobody has the final say)');
        expect(text).toContain('- **Consult**: Special areas lead, All teaching staff and Assistant principal');
    });

    test('a level: its title and what its flags mean', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'decide Principal\n    inform', 2));
        expect(text).toContain('**decide** · level of the School scheme');
        expect(text).toContain('Makes the final decision and is accountable for it');
        expect(text).toContain('- Has the final say');
        const agree = await openWorkspace({ 'a.remit': 'map A\nrole R\ndomain D { decision X { agree R  decide R } }\n' });
        expect(await hoverText(agree, 'a.remit', agree.at('a.remit', 'agree', 1))).toContain('- Can block the decision (a veto)');
    });

    test('a phase: its place and duration', async () => {
        const ws = await workspace();
        const text = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'from Expansion', 6));
        expect(text).toContain('**Expansion** · phase `Lakeside.Expansion`');
        expect(text).toContain('Phase 3 of 4 · Lasts 2 to 3 years');
    });

    test('a map and its scheme', async () => {
        const ws = await workspace();
        const map = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'map Lakeside', 5));
        expect(map).toContain('**Lakeside Elementary School** · map `Lakeside`');
        expect(map).toContain("Lakeside's instructional decision map.");
        expect(map).toContain('Uses the School scheme · 6 roles, 1 team, 4 decisions, 4 phases');
        const scheme = await hoverText(ws, 'lakeside.remit', ws.at('lakeside.remit', 'uses School', 6));
        expect(scheme).toContain('Levels in order: recommend, consult, agree (veto), decide (final), inform');
    });

    test('titles are shown as written, never read as formatting', async () => {
        const ws = await openWorkspace({ 'a.remit': 'map A\nrole R "*Head* of <school>"\ndomain D { decision X { decide R } }\n' });
        const text = await hoverText(ws, 'a.remit', ws.at('a.remit', 'decide R', 7));
        expect(text).toContain('**\\*Head\\* of \\<school\\>**');
    });
});
