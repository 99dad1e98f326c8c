import { describe, expect, test } from 'vitest';
import type { MarkupContent, Position } from 'vscode-languageserver';
import { openWorkspace, uriOf, type EditorWorkspace } from './workspace.js';

async function hoverText(ws: EditorWorkspace, file: string, position: Position): Promise<string> {
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.doc(file), { textDocument: { uri: uriOf(file) }, position });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

const DISTRICT = `map Pine "Pine district"
role Super "Superintendent" { kind district }
domain D {
  decision Cal "District calendar" { loose  decide Super }
  decision Books "Core books" { tight  decide Super }
}
`;
const NORTH = `map North "North school"
under Pine
role Head "Head" { kind administrator  requires "Leadership licence" }
role Lead "Lead" { kind teacher }
team Council "Council" { members Lead  advisory Head  rule consensus then majority }
domain S {
  decision Cal "North calendar" {
    overrides Pine.Cal
    decide Head when "term days"
    decide Council when "training days"
    fallback "Last year's calendar" by "1 June"
  }
}
`;

describe('hover on part 2', () => {
    test('a loose decision lists the maps that override it; a tight one says it is set for every map', async () => {
        const ws = await openWorkspace({ 'pine.remit': DISTRICT, 'north.remit': NORTH });
        const loose = await hoverText(ws, 'pine.remit', ws.at('pine.remit', 'decision Cal', 10));
        expect(loose).toContain("- Loose: Pine district's default for the maps under it; overridden by North school");
        const tight = await hoverText(ws, 'pine.remit', ws.at('pine.remit', 'decision Books', 10));
        expect(tight).toContain('- Tight: Pine district decides it for every map under it');
    });

    test('an overriding decision says what it replaces; cases, fallback, advisory members, rule steps and requires are shown', async () => {
        const ws = await openWorkspace({ 'pine.remit': DISTRICT, 'north.remit': NORTH });
        const cal = await hoverText(ws, 'north.remit', ws.at('north.remit', 'decision Cal', 10));
        expect(cal).toContain('- Replaces District calendar, a decision of Pine district, a map above');
        expect(cal).toContain('Head (when term days)');
        expect(cal).toContain("- If the deciders do not agree: Last year's calendar (by 1 June)");
        const council = await hoverText(ws, 'north.remit', ws.at('north.remit', 'team Council', 6));
        expect(council).toContain('- Advisory members (no vote): Head');
        expect(council).toContain('- Decides by consensus, then if that fails by majority');
        const head = await hoverText(ws, 'north.remit', ws.at('north.remit', 'role Head', 6));
        expect(head).toContain('- Requires: Leadership licence');
    });
});
