import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf } from './workspace.js';

const KIND_NAMES = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** The outline as indented lines: "name (title) kind". */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [
        `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} ${KIND_NAMES[s.kind]}`,
        ...outline(s.children ?? [], depth + 1)
    ]);
}

describe('outline and workspace symbols', () => {
    test('the outline is the map with its phases, roles, teams, and domains holding their decisions', async () => {
        const ws = await openWorkspace({
            'westfield.remit': `map Westfield "Westfield Middle School"
uses Advisory
levels Advisory "Advisory model" { propose required  approve final }
phases { Pilot "Pilot year"  Full }
role Head "Head of school"
team Council "School council" { members Head  rule majority }
domain Trips "Field trips" {
  decision TripPlan "Approve the trip" { propose Council  approve Head }
  domain Overnight { decision Stay "Overnight stays" { approve Head } }
}
`
        });
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(ws.doc('westfield.remit'), { textDocument: { uri: uriOf('westfield.remit') } });
        expect(outline(symbols)).toEqual([
            'Westfield (Westfield Middle School) Module',
            '  Advisory (Advisory model) Enum',
            '    propose EnumMember',
            '    approve EnumMember',
            '  Pilot (Pilot year) Event',
            '  Full Event',
            '  Head (Head of school) Class',
            '  Council (School council) Struct',
            '  Trips (Field trips) Namespace',
            '    TripPlan (Approve the trip) Function',
            '    Overnight Namespace',
            '      Stay (Overnight stays) Function'
        ]);
    });

    test('workspace symbols find elements of every map by qualified name, built-in schemes left out', async () => {
        const ws = await openWorkspace({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT });
        const provider = ws.services.shared.lsp.WorkspaceSymbolProvider!;
        const found = await provider.getSymbols({ query: 'principal' });
        expect(found.map(s => [s.name, KIND_NAMES[s.kind], s.containerName])).toContainEqual(['Lakeside.Principal', 'Class', 'Lakeside']);
        expect(found.every(s => s.location.uri.startsWith('file:'))).toBe(true);
        const all = await provider.getSymbols({ query: '' });
        expect(all.map(s => s.name)).toContain('District.MentorProgram');
        expect(all.map(s => s.name)).not.toContain('RAPID');
    });
});

describe('folding', () => {
    test('blocks in braces and long block comments fold; the map and one-line blocks do not', async () => {
        const ws = await openWorkspace({ 'lakeside.remit': LAKESIDE });
        const ranges: FoldingRange[] = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(ws.doc('lakeside.remit'), { textDocument: { uri: uriOf('lakeside.remit') } });
        const lines = LAKESIDE.split('\n');
        const starts = ranges.map(r => `${r.kind ?? 'block'}: ${lines[r.startLine].trim()}`);
        expect(starts).toContain('block: phases {');
        expect(starts).toContain('block: role Principal "Principal" {');
        expect(starts).toContain('block: team ILT "Instructional Leadership Team" {');
        expect(starts).toContain('block: domain Curriculum "Curriculum and instruction" {');
        expect(starts).toContain('block: decision AdoptMaterials "Adopt core curriculum materials" {');
        expect(starts.some(s => s.includes('map Lakeside'))).toBe(false);
        expect(starts.some(s => s.includes('AssistantPrincipal "Assistant'))).toBe(false);
        // The closing brace stays visible.
        const principal = ranges.find(r => lines[r.startLine].startsWith('role Principal'))!;
        expect(lines[principal.endLine + 1]).toBe('}');

        const commented = await openWorkspace({ 'a.remit': 'map A\n/*\n  Notes\n  on roles\n*/\nrole R\n' });
        const comment = await commented.services.lsp.FoldingRangeProvider!.getFoldingRanges(commented.doc('a.remit'), { textDocument: { uri: uriOf('a.remit') } });
        expect(comment.map(r => [r.kind, r.startLine])).toEqual([['comment', 1]]);
    });
});
