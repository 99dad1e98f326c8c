import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { createRemitServices } from '@remit/language/lsp';
import { formatRemitText } from '@remit/language';
import type { TextEdit } from 'vscode-languageserver';

const services = createRemitServices(EmptyFileSystem);

async function open(text: string) {
    const uri = URI.parse(`file:///editor-${Math.random().toString(36).slice(2)}.remit`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document]);
    return document;
}

const options = { tabSize: 4, insertSpaces: true };

describe('formatting in the editor', () => {
    test('document formatting gives the same text as remit fmt', async () => {
        const text = 'map M\nrole R "R" {\nkind teacher // note\n    seats 3 }\ndomain D "D" { decision X "X" {\ndecide R } }\n';
        const document = await open(text);
        const edits = await services.Remit.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
        expect(TextDocument.applyEdits(document.textDocument, edits as TextEdit[])).toBe(formatRemitText(text).text);
    });

    test('range formatting changes the selected lines only', async () => {
        const text = 'map M\nrole A "A" {\nkind teacher\n}\nrole B "B" {\nkind teacher\n}\n';
        const document = await open(text);
        const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 12 } };
        const edits = await services.Remit.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, options, range });
        const result = TextDocument.applyEdits(document.textDocument, edits as TextEdit[]);
        expect(result).toContain('role A "A" {\nkind teacher\n}');
        expect(result).toContain('role B "B" {\n  kind teacher');
    });

    test('a document with a syntax error gets no edits at all', async () => {
        const document = await open('map M\nrole   R "R" {\n  kind\n}\n');
        const edits = await services.Remit.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
        expect(edits).toEqual([]);
    });
});
