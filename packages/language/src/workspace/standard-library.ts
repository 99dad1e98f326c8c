import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { STANDARD_LIBRARY_TEXT, STANDARD_LIBRARY_URI } from '../builtin/standard-library.js';

/** Adds the standard library to the workspace's documents once, and returns it. */
export function ensureStandardLibrary(shared: LangiumSharedCoreServices): LangiumDocument {
    const documents = shared.workspace.LangiumDocuments;
    const uri = URI.parse(STANDARD_LIBRARY_URI);
    const existing = documents.getDocument(uri);
    if (existing) return existing;
    const document = shared.workspace.LangiumDocumentFactory.fromString(STANDARD_LIBRARY_TEXT, uri);
    documents.addDocument(document);
    return document;
}
