import { describe, expect, test } from 'vitest';
import type { Position, WorkspaceEdit } from 'vscode-languageserver';
import { openWorkspace, uriOf, type EditorWorkspace } from './workspace.js';

const DISTRICT = `map Pine "Pine district"
role Super "Superintendent" { kind district }
domain D { decision Cal "District calendar" { loose  decide Super } }
`;
const NORTH = `map North "North school"
under Pine
role Head "Head" { kind administrator }
domain S { decision Cal "North calendar" { overrides Pine.Cal  decide Head } }
`;

async function rename(ws: EditorWorkspace, file: string, position: Position, newName: string): Promise<WorkspaceEdit | undefined> {
    return ws.services.lsp.RenameProvider!.rename(ws.doc(file), { textDocument: { uri: uriOf(file) }, position, newName });
}

describe('rename across files: under and overrides', () => {
    test('renaming a map rewrites the under line and the map part of overrides', async () => {
        const ws = await openWorkspace({ 'pine.remit': DISTRICT, 'north.remit': NORTH });
        const edit = await rename(ws, 'pine.remit', ws.at('pine.remit', 'map Pine', 4), 'Cedar');
        const north = ws.apply(edit, 'north.remit');
        expect(north).toContain('under Cedar\n');
        expect(north).toContain('overrides Cedar.Cal ');
        expect(ws.apply(edit, 'pine.remit')).toContain('map Cedar "Pine district"');
    });

    test('renaming the overridden decision, from the overrides line, renames it everywhere', async () => {
        const ws = await openWorkspace({ 'pine.remit': DISTRICT, 'north.remit': NORTH });
        const edit = await rename(ws, 'north.remit', ws.at('north.remit', 'Pine.Cal', 'Pine.'.length + 1), 'Calendar');
        expect(ws.apply(edit, 'pine.remit')).toContain('decision Calendar "District calendar"');
        expect(ws.apply(edit, 'north.remit')).toContain('overrides Pine.Calendar ');
        // North's own decision of the same name is another element.
        expect(ws.apply(edit, 'north.remit')).toContain('decision Cal "North calendar"');
    });
});
