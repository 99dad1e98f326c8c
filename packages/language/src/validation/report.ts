import type { AstNode, DiagnosticInfo, Properties, ValidationAcceptor } from 'langium';
import { RULES, type RuleCode } from './rule-catalog.js';

/** Extra facts a diagnostic carries to quick fixes and machine-readable output. */
export interface RemitDiagnosticData {
    code: RuleCode;
    /** `Map.Element` the diagnostic is about (filled in by the document validator when left out). */
    element?: string;
    [key: string]: unknown;
}

/**
 * Reports a rule's finding with its default severity; `remit.json` may change or silence it
 * afterwards (see RemitDocumentValidator). Every check reports through here so that codes
 * and severities cannot drift apart.
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: RuleCode,
    message: string,
    info: Omit<DiagnosticInfo<N, Properties<N>>, 'code' | 'data'> & { data?: Record<string, unknown> }
): void {
    const severity = RULES[code].defaultSeverity;
    accept(severity === 'hint' ? 'hint' : severity, message, { ...info, code, data: { ...info.data, code } } as DiagnosticInfo<N>);
}
