import { describe, expect, test } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import { DISTRICT, LAKESIDE } from './fixtures.js';
import { openWorkspace, uriOf } from './workspace.js';

/** Every token of the file as "text: type modifier modifier". */
async function tokens(files: Record<string, string>, file: string): Promise<string[]> {
    const ws = await openWorkspace(files);
    const provider = ws.services.lsp.SemanticTokenProvider!;
    const result = await provider.semanticHighlight(ws.doc(file), { textDocument: { uri: uriOf(file) } });
    const modifierNames = Object.entries(provider.tokenModifiers);
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, ws.doc(file)).map(t => {
        const modifiers = modifierNames.filter(([, bit]) => (t.tokenModifiers & bit) !== 0).map(([name]) => name);
        return [`${t.text}: ${t.tokenType}`, ...modifiers].join(' ');
    });
}

describe('semantic tokens', () => {
    test('each kind of element has its own type, where defined and where named', async () => {
        const result = await tokens({ 'lakeside.remit': LAKESIDE }, 'lakeside.remit');
        expect(result).toContain('Lakeside: namespace declaration');
        expect(result).toContain('Expansion: event declaration');
        expect(result).toContain('Principal: class declaration');
        expect(result).toContain('ILT: struct declaration');
        expect(result).toContain('Curriculum: type declaration');
        expect(result).toContain('AdoptMaterials: function declaration');
        // Where they are named:
        expect(result).toContain('Expansion: event');
        expect(result).toContain('ILT: struct');
        expect(result).toContain('SetInstructionalFocus: function');
        expect(result).toContain('School: enum defaultLibrary');
    });

    test('the final level stands out from the others, a veto level is marked too', async () => {
        const result = await tokens({ 'a.remit': 'map A\nrole R\nrole S\ndomain D { decision X { recommend S  agree S  decide R } }\n' }, 'a.remit');
        expect(result).toContain('recommend: enumMember defaultLibrary');
        expect(result).toContain('agree: enumMember defaultLibrary veto');
        expect(result).toContain('decide: enumMember defaultLibrary final');
    });

    test('in a qualified name the map part is a namespace', async () => {
        const result = await tokens({ 'lakeside.remit': LAKESIDE, 'district.remit': DISTRICT }, 'district.remit');
        expect(result).toContain('Lakeside: namespace');
        expect(result).toContain('GradeLead: class');
        expect(result).not.toContain('Lakeside.GradeLead: class');
    });

    test('written with spaces around the dot, each part is coloured on its own text', async () => {
        const school = 'map S\nrole R\ndomain D { decision X { decide R  inform District .  Coach } }\n';
        const result = await tokens({ 's.remit': school, 'd.remit': 'map District\nrole Coach\n' }, 's.remit');
        expect(result).toContain('District: namespace');
        expect(result).toContain('Coach: class');
    });

    test('the legend declares the level modifiers', async () => {
        const ws = await openWorkspace({});
        expect(ws.services.lsp.SemanticTokenProvider!.semanticTokensOptions.legend.tokenModifiers).toEqual(expect.arrayContaining(['final', 'veto']));
    });
});
