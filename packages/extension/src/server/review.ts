// "Remit: Compare with HEAD": the semantic diff of the language package, run on the
// server because it already holds every open map's unsaved text.
import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { compareWithRevision, InputError } from '@remit/language';
import {
    CompareWithRevisionRequest, type CompareWithRevisionResult
} from '../shared/protocol.js';
import { serverRequest } from './requests.js';

export function registerReviewRequests(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(serverRequest(CompareWithRevisionRequest), async (params): Promise<CompareWithRevisionResult> => {
        // What the user sees in the editor, saved or not, is what is compared.
        const current = shared.workspace.TextDocuments.all()
            .filter(document => document.uri.endsWith('.remit'))
            .map(document => ({ uri: document.uri, text: document.getText() }));
        try {
            const { diff, markdown } = await compareWithRevision({ cwd: params.folder, revision: params.revision ?? 'HEAD', current, links: true });
            return { markdown, summary: diff.summary };
        } catch (err) {
            if (err instanceof InputError) return { error: err.message };
            return { error: `the comparison failed inside Remit (${err instanceof Error ? err.message : String(err)}). This is a bug in Remit, not in your map.` };
        }
    });
}
