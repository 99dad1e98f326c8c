import { EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createRemitCoreServices, type RemitServices } from '../remit-module.js';

/** Where and why a file could not be read; 1-based line and column, message in plain words. */
export interface FormatProblem {
    line: number;
    column: number;
    message: string;
}

let remit: RemitServices | undefined;

/** The language's services, made once: reading one file's syntax needs no workspace and no file system. */
export function syntaxServices(): RemitServices {
    remit ??= createRemitCoreServices(EmptyFileSystem).Remit;
    return remit;
}

export interface ParsedText {
    document: LangiumDocument;
    root: AstNode;
    /** The first syntax error, in the same words `remit check` uses. */
    error?: FormatProblem;
}

/** Parses one file's text, without linking it to other maps. */
export function parseRemitText(text: string): ParsedText {
    const services = syntaxServices();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///file.remit'));
    const parsed = document.parseResult;
    if (parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0) return { document, root: parsed.value };
    return { document, root: parsed.value, error: firstSyntaxError(document) };
}

function firstSyntaxError(document: LangiumDocument): FormatProblem {
    const validator = syntaxServices().validation.DocumentValidator as unknown as {
        processLexingErrors(p: unknown, d: Diagnostic[], o: unknown): void;
        processParsingErrors(p: unknown, d: Diagnostic[], o: unknown): void;
    };
    // Only the syntax steps of validation: they need no linking, and they word errors for people.
    const diagnostics: Diagnostic[] = [];
    validator.processLexingErrors(document.parseResult, diagnostics, {});
    validator.processParsingErrors(document.parseResult, diagnostics, {});
    const first = diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    const message = first ? (typeof first.message === 'string' ? first.message : first.message.value) : 'The file has a syntax error.';
    return { line: (first?.range.start.line ?? 0) + 1, column: (first?.range.start.character ?? 0) + 1, message };
}
