import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { compareText } from '../utils/compare-text.js';
import { diagnosticData, type RemitDiagnosticData } from '../validation/finding-data.js';

export type DiagnosticSeverityName = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic as the command line and machine-readable outputs report it (1-based positions). */
export interface RemitDiagnostic {
    /** The document's URI. */
    uri: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: DiagnosticSeverityName;
    code: string;
    element?: string;
    message: string;
    /** The rule's facts and quick fixes, typed by its code (see validation/finding-data.ts). */
    data?: RemitDiagnosticData;
}

export function severityName(severity: DiagnosticSeverity | undefined): DiagnosticSeverityName {
    switch (severity) {
        case DiagnosticSeverity.Warning: return 'warning';
        case DiagnosticSeverity.Information: return 'info';
        case DiagnosticSeverity.Hint: return 'hint';
        default: return 'error';
    }
}

export function toRemitDiagnostic(uri: string, diagnostic: Diagnostic): RemitDiagnostic {
    const data = diagnosticData(diagnostic.data);
    return {
        uri,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: severityName(diagnostic.severity),
        code: String(diagnostic.code ?? data?.code ?? 'unknown'),
        element: data?.element,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        data
    };
}

/** A document's diagnostics in reading order. */
export function diagnosticsOf(document: LangiumDocument): RemitDiagnostic[] {
    const uri = document.uri.toString();
    return (document.diagnostics ?? [])
        .map(d => toRemitDiagnostic(uri, d))
        .sort((a, b) => a.line - b.line || a.column - b.column || compareText(a.code, b.code));
}
