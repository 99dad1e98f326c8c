import type { AstNode, DiagnosticInfo, Properties, ValidationAcceptor } from 'langium';
import { RULES, type RuleCode } from './rule-catalog.js';
import type { FindingFacts, RemitDiagnosticData } from './finding-data.js';

export type { RemitDiagnosticData } from './finding-data.js';

/**
 * Reports a rule's finding with its default severity; `remit.json` may change or silence it
 * afterwards (see RemitDocumentValidator). Every check reports through here so that codes
 * and severities cannot drift apart, and a rule's data is the shape its code promises.
 */
export function report<N extends AstNode, C extends RuleCode>(
    accept: ValidationAcceptor,
    code: C,
    message: string,
    info: Omit<DiagnosticInfo<N, Properties<N>>, 'code' | 'data'> & { data?: FindingFacts<C> }
): void {
    const severity = RULES[code].defaultSeverity;
    const data = { ...info.data, code } as RemitDiagnosticData;
    accept(severity === 'hint' ? 'hint' : severity, message, { ...info, code, data } as DiagnosticInfo<N>);
}
