import {
    DefaultDocumentValidator, type AstNode, type DiagnosticInfo, type LangiumDocument, type ParseResult,
    type ReferenceInfo, type ScopeProvider, type ValidationOptions, type ValidationSeverity
} from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver';
import type { RemitServices } from '../remit-module.js';
import type { RemitSettings } from '../config/settings.js';
import { elementNameAt, mapOf } from '../references/names.js';
import { isRuleCode, type RuleSeverity } from './rule-catalog.js';
import { describeLinkingError } from './linking-messages.js';
import { friendlyLexerMessage, friendlyParserMessage } from './syntax-messages.js';

/**
 * Turns Langium's diagnostics into Remit's: every diagnostic gets a stable rule code, the
 * qualified name of the element it is about, a message in plain English, and the severity
 * `remit.json` sets for its rule (or none, when the rule is off).
 */
export class RemitDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: RemitSettings;
    private readonly scopes: ScopeProvider;

    constructor(services: RemitServices) {
        super(services);
        this.settings = services.settings.RemitSettings;
        this.scopes = services.references.ScopeProvider;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const config = this.settings.config;
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            if (isRuleCode(code)) {
                const severity = config.severity(code);
                if (severity === 'off') continue;
                diagnostic.severity = toLspSeverity(severity);
            }
            result.push(diagnostic);
        }
        return result;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.message = friendlyLexerMessage(messageText(diagnostic));
            markSyntaxError(diagnostic);
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.message = friendlyParserMessage(messageText(diagnostic));
            markSyntaxError(diagnostic);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info as ReferenceInfo;
            const described = describeLinkingError(info, this.scopes, mapOf(info.container));
            diagnostics.push(this.toDiagnostic('error', described.message, {
                node: info.container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                code: 'unresolved-reference',
                data: {
                    code: 'unresolved-reference',
                    refText: reference.$refText,
                    property: info.property,
                    suggestions: described.suggestions
                }
            }));
        }
    }

    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        const data = (diagnostic.data ?? {}) as Record<string, unknown>;
        const code = info.code ?? data.code;
        diagnostic.code = code as string | undefined;
        diagnostic.data = { ...data, code, element: data.element ?? elementNameAt(info.node) };
        return diagnostic;
    }
}

function markSyntaxError(diagnostic: Diagnostic): void {
    diagnostic.code = 'syntax-error';
    diagnostic.data = { ...(diagnostic.data as object), code: 'syntax-error' };
}

export function toLspSeverity(severity: Exclude<RuleSeverity, 'off'>): DiagnosticSeverity {
    switch (severity) {
        case 'error': return DiagnosticSeverity.Error;
        case 'warning': return DiagnosticSeverity.Warning;
        case 'hint': return DiagnosticSeverity.Hint;
    }
}

function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
