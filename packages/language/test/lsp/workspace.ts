import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { createRemitServices, type RemitLspServices } from '@remit/language/lsp';
import { ensureStandardLibrary } from '@remit/language';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

/** An editor workspace of maps given as text, every check run, as the language server holds it. */
export interface EditorWorkspace {
    services: RemitLspServices;
    documents: Record<string, LangiumDocument>;
    /** The document named `file` (e.g. 'district.remit'). */
    doc(file: string): LangiumDocument;
    /** The position of the `occurrence`-th `text` in `file`, moved `offset` characters in. */
    at(file: string, text: string, offset?: number, occurrence?: number): Position;
    /** The text of `file` once the edit is applied. */
    apply(edit: WorkspaceEdit | undefined, file: string): string;
}

export const uriOf = (file: string) => `file:///maps/${file}`;

export async function openWorkspace(files: Record<string, string>): Promise<EditorWorkspace> {
    const { shared, Remit } = createRemitServices(EmptyFileSystem);
    const library = ensureStandardLibrary(shared);
    const documents: Record<string, LangiumDocument> = {};
    for (const [file, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uriOf(file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents[file] = document;
    }
    await shared.workspace.DocumentBuilder.build([library, ...Object.values(documents)], { validation: true });
    const doc = (file: string) => {
        const document = documents[file];
        if (!document) throw new Error(`no document ${file}`);
        return document;
    };
    return {
        services: Remit, documents, doc,
        at(file, text, offset = 0, occurrence = 1) {
            const content = doc(file).textDocument.getText();
            let index = -1;
            for (let i = 0; i < occurrence; i++) {
                index = content.indexOf(text, index + 1);
                if (index < 0) throw new Error(`'${text}' (occurrence ${occurrence}) not found in ${file}`);
            }
            return doc(file).textDocument.positionAt(index + offset);
        },
        apply(edit, file) {
            const edits = (edit?.changes?.[uriOf(file)] ?? []) as TextEdit[];
            return TextDocument.applyEdits(doc(file).textDocument, edits);
        }
    };
}
