import type { RemitDiagnostic } from '@remit/language';
import { compareText } from '@remit/language';

/**
 * What the checker and the authority analysis found, as the generators show it. A
 * `RemitDiagnostic` is one; so is each finding of the analysis. Generators never decide
 * what is wrong themselves: they mark and list what they are given.
 */
export interface Finding {
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    /** Qualified name (`Map.Element`) of the element the finding is about. */
    element?: string;
    message: string;
    /** The document the finding is in, when known. */
    uri?: string;
}

/** Codes whose findings mark a decision as a gap or a conflict in every output. */
export const GAP_CODE = 'no-final-authority';
export const CONFLICT_CODE = 'multiple-final-authority';

/** Findings from a workspace's diagnostics (the stable route until the analysis reports its own). */
export function findingsFromDiagnostics(diagnostics: readonly RemitDiagnostic[]): Finding[] {
    return diagnostics.map(d => ({ code: d.code, severity: d.severity, element: d.element, message: d.message, uri: d.uri }));
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** A stable order for findings: by severity, then code, element and message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
    return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || compareText(a.code, b.code) || compareText(a.element ?? '', b.element ?? '')
        || compareText(a.message, b.message));
}
