import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import { checkedLayout } from '../format/format-text.js';

/**
 * Document and range formatting in the editor, with the same canonical layout as
 * `remit fmt` (format/layout.ts decides every gap between tokens). A document with a
 * syntax error is never formatted: the editor gets no edits and the text stays as typed.
 *
 * This implements Langium's `Formatter` interface rather than extending its
 * `AbstractFormatter`: that one re-indents only comments standing on their own line and
 * leaves the blank lines around comments as written, so it can give neither one
 * canonical layout nor a guarantee about where every comment ends up. Here comments are
 * tokens like any other, and only the whitespace between tokens is ever rewritten.
 */
export class RemitFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.edits(document, params.range);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): undefined {
        return undefined;
    }

    private edits(document: LangiumDocument, range?: Range): TextEdit[] {
        const parsed = document.parseResult;
        if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) return [];
        const text = document.textDocument.getText();
        const layout = checkedLayout(parsed.value, text);
        if (!('pieces' in layout)) return [];
        const pieces = layout.pieces;
        const from = range ? document.textDocument.offsetAt(range.start) : 0;
        const to = range ? document.textDocument.offsetAt(range.end) : text.length;
        return pieces
            .filter(p => text.slice(p.start, p.end) !== p.newText)
            // A piece touching the range is formatted: the indentation before a selected line belongs to it.
            .filter(p => p.end >= from && p.start <= to)
            .map(p => ({
                range: { start: document.textDocument.positionAt(p.start), end: document.textDocument.positionAt(p.end) },
                newText: p.newText
            }));
    }
}
