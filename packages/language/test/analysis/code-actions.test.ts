import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { createRemitServices } from '@remit/language/lsp';
import { ensureStandardLibrary } from '@remit/language';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';

/** Opens the text in a fresh editor workspace, with every check run. */
async function open(text: string): Promise<{ document: LangiumDocument; services: ReturnType<typeof createRemitServices> }> {
    const services = createRemitServices(EmptyFileSystem);
    const library = ensureStandardLibrary(services.shared);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///school.remit'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    return { document, services };
}

function codesOf(diagnostics: readonly Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(d => String(d.code));
}

/** The quick fixes offered for the one diagnostic with `code`. */
async function quickFixes(text: string, code: string): Promise<{ titles: string[]; apply: (title: string) => string }> {
    const { document, services } = await open(text);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics, `one ${code} expected, got ${codesOf(document.diagnostics).join(', ')}`).toHaveLength(1);
    const actions = await services.Remit.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostics[0].range,
        context: { diagnostics, triggerKind: 1 }
    }) as CodeAction[];
    return {
        titles: actions.map(a => a.title),
        apply: (title: string) => {
            const action = actions.find(a => a.title === title);
            expect(action, `no fix '${title}' among ${actions.map(a => a.title).join(' | ')}`).toBeDefined();
            const edits = action!.edit!.changes![document.textDocument.uri] as TextEdit[];
            return TextDocument.applyEdits(document.textDocument, edits);
        }
    };
}

/** Applies a fix and checks the diagnostic is gone from the result, and that no other appeared. */
async function fixed(text: string, code: string, title: string): Promise<string> {
    const after = (await quickFixes(text, code)).apply(title);
    const { document } = await open(after);
    expect(codesOf(document.diagnostics)).not.toContain(code);
    const { document: original } = await open(text);
    const known = new Set(codesOf(original.diagnostics));
    expect(codesOf(document.diagnostics).filter(c => !known.has(c)), `new findings after '${title}'`).toEqual([]);
    return after;
}

/** Applies every fix offered for `code` and checks each removes it and raises nothing new. */
async function everyFixIsClean(text: string, code: string): Promise<string[]> {
    const { titles } = await quickFixes(text, code);
    for (const title of titles) await fixed(text, code, title);
    return titles;
}

const ROLES = `role Principal "Principal" { kind administrator }
role Lead "Grade lead" { kind teacher }
`;

describe('quick fixes', () => {
    test('a gap gets a final-level line for the principal; the recommender is moved up rather than listed twice', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead\n  }\n}\n`;
        const { titles } = await quickFixes(before, 'no-final-authority');
        expect(titles).toEqual(["Add 'decide Principal'", "Move 'Lead' from 'recommend' to 'decide'"]);
        expect(await fixed(before, 'no-final-authority', "Move 'Lead' from 'recommend' to 'decide'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Lead\n  }\n}\n`);
        expect(await fixed(before, 'no-final-authority', "Add 'decide Principal'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead\n    decide Principal\n  }\n}\n`);
    });

    test('a new line goes below a comment that ends the line above', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead   // the grade leads draft it\n  }\n}\n`;
        expect(await fixed(before, 'no-final-authority', "Add 'decide Principal'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead   // the grade leads draft it\n    decide Principal\n  }\n}\n`);
    });

    test('a gap in a handover gets a line bounded to the missing phases', async () => {
        const before = `map M\nphases { One Two Three }\n${ROLES}domain D { decision X "X" { decide Principal until Two  decide Lead from Three } }\n`;
        const after = await fixed(before, 'no-final-authority', "Add 'decide Principal from Two until Three'");
        expect(after).toContain('{ decide Principal until Two  decide Lead from Three  decide Principal from Two until Three }');
    });

    test('two deciders: mark the decision collaborative, with a fallback unless it has one', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Principal, Lead\n  }\n}\n`;
        expect(await fixed(before, 'multiple-final-authority', "Mark the decision 'pattern collaborative' (they decide together) with a fallback for when they do not agree"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    pattern collaborative\n    decide Principal, Lead\n    fallback "What happens if they do not agree"\n  }\n}\n`);
        const settled = `map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Principal, Lead\n    fallback "Status quo"\n  }\n}\n`;
        expect(await fixed(settled, 'multiple-final-authority', "Mark the decision 'pattern collaborative' (they decide together)"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    pattern collaborative\n    decide Principal, Lead\n    fallback "Status quo"\n  }\n}\n`);
    });

    test('two deciders: move one to the level before the final one', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Principal, Lead\n  }\n}\n`;
        expect(await fixed(before, 'multiple-final-authority', "Move 'Lead' to 'consult'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Principal\n    consult Lead\n  }\n}\n`);
        const separate = `map M\n${ROLES}domain D {\n  decision X "X" {\n    decide Principal\n    decide Lead\n  }\n}\n`;
        expect(await fixed(separate, 'multiple-final-authority', "Move 'Principal' to 'consult'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    consult Principal\n    decide Lead\n  }\n}\n`);
    });

    test('a duplicate assignment is removed, on its own line or within a list', async () => {
        const lines = `map M\n${ROLES}domain D {\n  decision X "X" {\n    consult Lead\n    decide Principal\n    consult Lead\n  }\n}\n`;
        expect(await fixed(lines, 'duplicate-assignment', "Remove the repeated 'Lead'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    consult Lead\n    decide Principal\n  }\n}\n`);
        const list = `map M\n${ROLES}domain D { decision X "X" { consult Lead, Lead  decide Principal } }\n`;
        expect(await fixed(list, 'duplicate-assignment', "Remove the repeated 'Lead'"))
            .toBe(`map M\n${ROLES}domain D { decision X "X" { consult Lead  decide Principal } }\n`);
    });

    test('a veto over one\u2019s own decision is removed', async () => {
        const before = `map M\n${ROLES}role Rep { kind teacher }\ndomain D {\n  decision X "X" {\n    recommend Lead\n    agree Principal, Rep\n    decide Principal\n  }\n}\n`;
        expect(await fixed(before, 'veto-over-own-decision', "Remove 'Principal' from 'agree'"))
            .toBe(`map M\n${ROLES}role Rep { kind teacher }\ndomain D {\n  decision X "X" {\n    recommend Lead\n    agree Rep\n    decide Principal\n  }\n}\n`);
    });

    test('a deciding team gets a rule', async () => {
        const before = `map M\n${ROLES}team ILT "ILT" {\n  members Lead, Principal\n}\ndomain D { decision X "X" { decide ILT } }\n`;
        expect(await fixed(before, 'team-without-rule', "Add 'rule consensus then majority' to the team"))
            .toBe(`map M\n${ROLES}team ILT "ILT" {\n  members Lead, Principal\n  rule consensus then majority\n}\ndomain D { decision X "X" { decide ILT } }\n`);
        const oneLine = `map M\n${ROLES}team ILT "ILT" { members Lead, Principal }\ndomain D { decision X "X" { decide ILT } }\n`;
        expect(await fixed(oneLine, 'team-without-rule', "Add 'rule majority' to the team"))
            .toContain('team ILT "ILT" { members Lead, Principal  rule majority }');
    });

    test('a misspelt name is corrected, or the missing role created', async () => {
        const typo = `map M\n${ROLES}domain D { decision X "X" { recommend Lead  decide Principl } }\n`;
        expect(await fixed(typo, 'unresolved-reference', "Change to 'Principal'")).toContain('decide Principal }');
        const missing = `map M\n${ROLES}domain D { decision X "X" { recommend Lead  decide Head } }\n`;
        expect(await fixed(missing, 'unresolved-reference', "Create the role 'Head'"))
            .toBe(`map M\n${ROLES}role Head\ndomain D { decision X "X" { recommend Lead  decide Head } }\n`);
    });

    test('an unused element is removed with its line', async () => {
        const before = `map M\n${ROLES}role Counsellor "Counsellor" {\n  kind staff\n}\ndomain D { decision X "X" { recommend Lead  decide Principal } }\n`;
        expect(await fixed(before, 'unused-element', "Remove the unused role 'Counsellor'"))
            .toBe(`map M\n${ROLES}domain D { decision X "X" { recommend Lead  decide Principal } }\n`);
        const phase = `map M\nphases {\n  Early\n  Middle\n  Late\n}\n${ROLES}domain D { decision X "X" { recommend Lead from Early until Late  decide Principal } }\n`;
        expect(await fixed(phase, 'unused-element', "Remove the unused phase 'Middle'")).toContain('phases {\n  Early\n  Late\n}');
    });

    test('a new final-level line goes where its level stands in the scheme, not after inform', async () => {
        const before = `map M\n${ROLES}role Staff { kind teacher }\ndomain D {\n  decision X "X" {\n    recommend Lead\n    consult Staff\n    inform Staff\n  }\n}\n`;
        expect(await fixed(before, 'no-final-authority', "Add 'decide Principal'"))
            .toBe(`map M\n${ROLES}role Staff { kind teacher }\ndomain D {\n  decision X "X" {\n    recommend Lead\n    consult Staff\n    decide Principal\n    inform Staff\n  }\n}\n`);
        const onlyInform = `map M\n${ROLES}domain D { decision X "X" { inform Lead } }\n`;
        expect(await fixed(onlyInform, 'no-final-authority', "Add 'decide Principal'"))
            .toBe(`map M\n${ROLES}domain D { decision X "X" { decide Principal  inform Lead } }\n`);
    });

    test('no gap fix adds someone who would then stand at two levels, lead a team without a rule, or be overloaded', async () => {
        const team = `map M\n${ROLES}team T { members Lead }\ndomain D { decision X "X" { recommend T  escalate T } }\n`;
        const titles = await everyFixIsClean(team, 'no-final-authority');
        expect(titles).not.toContain("Add 'decide T'");
        expect(titles).toContain("Add 'decide Principal'");
        const busy = ['A', 'B', 'C'].map(n => `decision ${n} "${n}" { decide Lead }`).join('\n  ');
        const overloaded = `map M\nrole Lead "Grade lead" { kind teacher }\nrole Other { kind teacher }\ndomain D {\n  ${busy}\n  decision X "X" { recommend Other  escalate Lead }\n}\n`;
        const offered = await everyFixIsClean(overloaded, 'no-final-authority');
        expect(offered).not.toContain("Add 'decide Lead'");
    });

    test('a holder at two levels is kept at the one that says the most', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead\n    consult Lead\n    decide Principal\n  }\n}\n`;
        const titles = await everyFixIsClean(before, 'redundant-assignment');
        expect(titles[0]).toBe("Remove 'Lead' from 'consult'");
        expect(await fixed(before, 'redundant-assignment', "Remove 'Lead' from 'consult'"))
            .toBe(`map M\n${ROLES}domain D {\n  decision X "X" {\n    recommend Lead\n    decide Principal\n  }\n}\n`);
    });

    test('a redundancy fix never leaves the decision without its final holder', async () => {
        const before = `map M\n${ROLES}domain D { decision X "X" { consult Principal  decide Principal } }\n`;
        const titles = await everyFixIsClean(before, 'redundant-assignment');
        expect(titles).toEqual(["Remove 'Principal' from 'consult'"]);
    });

    test('every fix offered for the rules with fixes clears its finding and raises no other', async () => {
        const cases: Array<[string, string]> = [
            [`map M\n${ROLES}domain D { decision X "X" { recommend Lead  inform Lead } }\n`, 'no-final-authority'],
            [`map M\n${ROLES}domain D { decision X "X" { decide Principal, Lead } }\n`, 'multiple-final-authority'],
            [`map M\n${ROLES}domain D { decision X "X" { consult Lead, Lead  decide Principal } }\n`, 'duplicate-assignment'],
            [`map M\n${ROLES}domain D { decision X "X" { recommend Lead  decide Lead  inform Lead } }\n`, 'redundant-assignment'],
            [`map M\n${ROLES}domain D { decision X "X" { agree Principal  decide Principal  recommend Lead } }\n`, 'veto-over-own-decision']
        ];
        for (const [text, code] of cases) expect(await everyFixIsClean(text, code), code).not.toEqual([]);
    });
});
