import type { RemitDiagnostic } from '@remit/language';
import { displayPath } from './paths.js';

/** Compiler-style lines, `file:line:col severity code message`, then a one-line summary. */
export function formatText(diagnostics: readonly RemitDiagnostic[], files: number, cwd: string): string {
    const lines = diagnostics.map(d => {
        const element = d.element ? ` [${d.element}]` : '';
        return `${displayPath(d.uri, cwd)}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}${element}`;
    });
    lines.push(summaryLine(diagnostics, files));
    return lines.join('\n') + '\n';
}

export function summaryLine(diagnostics: readonly RemitDiagnostic[], files: number): string {
    const count = (severity: string) => diagnostics.filter(d => d.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('hint'), 'hint')} in ${plural(files, 'file')}`;
}
