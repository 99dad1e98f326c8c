import { checkSources, parseRemitConfig, type RemitDiagnostic } from '@remit/language';

export interface Reported {
    code: string;
    severity: string;
    element?: string;
    message: string;
    line: number;
    file: string;
}

/** Checks maps given as text (one map per entry, named a.remit, b.remit ...) and returns their diagnostics. */
export async function check(texts: string | string[], remitJson?: string): Promise<Reported[]> {
    const list = Array.isArray(texts) ? texts : [texts];
    const config = remitJson ? parseRemitConfig(remitJson) : undefined;
    const workspace = await checkSources(list.map((text, i) => ({ uri: `file:///maps/${String.fromCharCode(97 + i)}.remit`, text })), config);
    return workspace.diagnostics.map((d: RemitDiagnostic) => ({
        code: d.code, severity: d.severity, element: d.element, message: d.message, line: d.line,
        file: d.uri.slice(d.uri.lastIndexOf('/') + 1)
    }));
}

/** Only the diagnostics of one rule. */
export async function checkRule(code: string, texts: string | string[], remitJson?: string): Promise<Reported[]> {
    return (await check(texts, remitJson)).filter(d => d.code === code);
}
