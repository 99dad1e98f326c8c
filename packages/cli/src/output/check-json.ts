import type { RemitDiagnostic } from '@remit/language';
import { displayPath } from './paths.js';

/** The machine-readable shape the language spec defines for `remit check --format json`. */
export function formatJson(diagnostics: readonly RemitDiagnostic[], files: number, cwd: string): string {
    const count = (severity: string) => diagnostics.filter(d => d.severity === severity).length;
    const result = {
        files,
        diagnostics: diagnostics.map(d => ({
            file: displayPath(d.uri, cwd),
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            severity: d.severity,
            code: d.code,
            ...(d.element ? { element: d.element } : {}),
            message: d.message
        })),
        summary: { errors: count('error'), warnings: count('warning'), hints: count('hint') }
    };
    return JSON.stringify(result, null, 2) + '\n';
}
