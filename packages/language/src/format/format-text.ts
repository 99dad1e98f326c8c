import { EmptyFileSystem, URI, type LangiumDocument, type LangiumDocumentFactory } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createRemitCoreServices, type RemitServices } from '../remit-module.js';
import { applyPieces, layoutPieces, LayoutError } from './layout.js';
import { astShape } from './ast-shape.js';

/** Where and why a file could not be formatted; 1-based line and column. */
export interface FormatProblem {
    line: number;
    column: number;
    message: string;
}

export type FormatResult =
    | { text: string; changed: boolean; error?: undefined }
    | { error: FormatProblem; text?: undefined; changed?: undefined };

let services: { Remit: RemitServices; factory: LangiumDocumentFactory } | undefined;

/** The parser and validator, made once: formatting needs no workspace and no file system. */
function remit(): { Remit: RemitServices; factory: LangiumDocumentFactory } {
    if (!services) {
        const { shared, Remit } = createRemitCoreServices(EmptyFileSystem);
        services = { Remit, factory: shared.workspace.LangiumDocumentFactory };
    }
    return services;
}

/**
 * The canonical layout of one file's text (see format/layout.ts for the rules). A file
 * with a syntax error is not formatted: the result names the first error instead. The
 * output is checked before it is returned: the same words and comments in the same order,
 * and the same map once parsed; should that ever fail, the file is reported, not changed.
 */
export async function formatRemitText(text: string): Promise<FormatResult> {
    const document = remit().factory.fromString(text, URI.parse('memory:///format.remit'));
    const parsed = document.parseResult;
    if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) {
        return { error: await firstSyntaxError(document) };
    }
    let formatted: string;
    try {
        formatted = applyPieces(text, layoutPieces(parsed.value, text));
    } catch (err) {
        if (!(err instanceof LayoutError)) throw err;
        const { line, character } = document.textDocument.positionAt(err.offset);
        return { error: { line: line + 1, column: character + 1, message: err.message + ' The file was left as it is.' } };
    }
    if (!sameMeaning(text, formatted)) {
        return { error: { line: 1, column: 1, message: 'Formatting this file would change more than its layout, so it was left as it is. Please report this as a bug in remit.' } };
    }
    return { text: formatted, changed: formatted !== text };
}

function sameMeaning(before: string, after: string): boolean {
    if (before.replace(/\s+/g, '') !== after.replace(/\s+/g, '')) return false;
    const parser = remit().Remit.parser.LangiumParser;
    const a = parser.parse(before);
    const b = parser.parse(after);
    if (b.lexerErrors.length > 0 || b.parserErrors.length > 0) return false;
    return JSON.stringify(astShape(a.value)) === JSON.stringify(astShape(b.value));
}

async function firstSyntaxError(document: LangiumDocument): Promise<FormatProblem> {
    const diagnostics: Diagnostic[] = await remit().Remit.validation.DocumentValidator.validateDocument(document, { stopAfterParsingErrors: true });
    const first = diagnostics
        .filter(d => d.severity === 1)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    const message = first ? (typeof first.message === 'string' ? first.message : first.message.value) : 'The file has a syntax error.';
    return {
        line: (first?.range.start.line ?? 0) + 1,
        column: (first?.range.start.character ?? 0) + 1,
        message
    };
}
