import { describe, expect, test } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { openWorkspace, uriOf } from './workspace.js';

const DISTRICT = `map Pine "Pine district"
role Super "Superintendent" { kind district }
domain D { decision Cal "District calendar" { loose  decide Super } }
`;

async function complete(text: string): Promise<string[]> {
    const offset = text.indexOf('<|>');
    const ws = await openWorkspace({ 'pine.remit': DISTRICT, 'school.remit': text.replace('<|>', '') });
    const document = ws.doc('school.remit');
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: uriOf('school.remit') }, position: document.textDocument.positionAt(offset)
    });
    return (list?.items ?? []).map((i: CompletionItem) => String(i.label));
}

describe('completion for part 2', () => {
    test('after under, the maps of the workspace', async () => {
        expect(await complete('map School "S"\nunder <|>\nrole Head { kind administrator }\n')).toContain('Pine');
    });

    test('after overrides, the decisions of other maps by qualified name', async () => {
        const labels = await complete('map School "S"\nunder Pine\nrole Head { kind administrator }\ndomain S { decision Cal "C" { overrides <|>  decide Head } }\n');
        expect(labels).toContain('Pine.Cal');
    });

    test('the new lines of a decision and a team are offered as keywords', async () => {
        const decision = await complete('map School "S"\nrole Head { kind administrator }\ndomain S { decision Cal "C" { decide Head\n    <|>\n  } }\n');
        expect(decision).toEqual(expect.arrayContaining(['fallback', 'overrides', 'tight', 'loose']));
        const team = await complete('map School "S"\nrole Head { kind administrator }\nteam T { members Head\n  <|>\n}\n');
        expect(team).toEqual(expect.arrayContaining(['advisory', 'requires']));
    });
});
