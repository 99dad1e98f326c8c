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

/** Applies a fix and checks the diagnostic is gone from the result. */
async function fixed(text: string, code: string, title: string): Promise<string> {
    const after = (await quickFixes(text, code)).apply(title);
    const { document } = await open(after);
    expect(codesOf(document.diagnostics)).not.toContain(code);
    return after;
}

const ROLES = `role Principal "Principal" { kind administrator }
role Lead "Grade lead" { kind teacher }
`;

describe('quick fixes for part 2', () => {
    test('a deadlock gets a fallback stub, or a last step the chair takes', async () => {
        const before = `map M\n${ROLES}team Council "Council" { members Lead, Principal  chair Principal  rule consensus }\ndomain D {\n  decision X "X" {\n    decide Council\n  }\n}\n`;
        const { titles } = await quickFixes(before, 'no-deadlock-path');
        expect(titles).toContain('Add a fallback: \'fallback "What happens if they do not agree"\'');
        expect(await fixed(before, 'no-deadlock-path', titles[0]))
            .toBe(before.replace('    decide Council\n', '    decide Council\n    fallback "What happens if they do not agree"\n'));
        const chair = titles.find(t => t.startsWith('Change to \'rule consensus then chair\''))!;
        expect(await fixed(before, 'no-deadlock-path', chair)).toBe(before.replace('rule consensus', 'rule consensus then chair'));
    });

    test('a duplicate member is removed, from the list it is repeated in', async () => {
        const before = `map M\n${ROLES}team Council "Council" { members Lead, Principal  advisory Principal  rule majority }\ndomain D { decision X "X" { decide Council } }\n`;
        expect(await fixed(before, 'duplicate-member', 'Remove the repeated \'Principal\''))
            .toBe(before.replace('  advisory Principal', ''));
        const twice = `map M\n${ROLES}team Council "Council" { members Lead, Principal, Lead  rule majority }\ndomain D { decision X "X" { decide Council } }\n`;
        expect(await fixed(twice, 'duplicate-member', 'Remove the repeated \'Lead\'')).toBe(twice.replace('Principal, Lead ', 'Principal '));
    });

    test('an invalid override is removed with its line', async () => {
        const before = `map M\n${ROLES}domain D {\n  decision X "X" { decide Principal }\n  decision Y "Y" {\n    overrides M.X\n    decide Lead\n  }\n}\n`;
        expect(await fixed(before, 'invalid-override', 'Remove the \'overrides\' line')).toBe(before.replace('    overrides M.X\n', ''));
    });
});
