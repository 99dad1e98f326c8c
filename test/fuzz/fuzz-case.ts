/**
 * One fuzz case: the whole pipeline over one input, and every property the tools promise.
 * Returns what went wrong, in words; an empty list is a pass.
 */
import { authorityFacts, checkSources, formatRemitText } from '@remit/language';
import { buildCharterData, buildDiagramSpec, buildMapView, findingsFromDiagnostics, renderJson, renderMatrix, renderMermaid } from '@remit/generators';

export interface CaseResult {
    problems: string[];
    ms: number;
    formatted: boolean;
}

const CANARY = 'map Canary "Canary"\nuses School\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P }\n}\n';

/** Words no message may contain unless the input itself has them. */
const NOT_WORDS = /\b(undefined|null|NaN)\b|\[object Object\]/;

export async function runCase(text: string, index: number): Promise<CaseResult> {
    const problems: string[] = [];
    const started = performance.now();
    let formatted = false;
    const uri = `file:///remit-fuzz-does-not-exist/case-${index}.remit`;
    try {
        const ws = await checkSources([{ uri, text }]);
        for (const d of ws.diagnostics) {
            if (NOT_WORDS.test(d.message) && !NOT_WORDS.test(text)) problems.push(`message with a placeholder word: ${d.message}`);
            if (!Number.isInteger(d.line) || d.line < 1 || !Number.isInteger(d.column) || d.column < 1) problems.push(`diagnostic without a position: ${d.message}`);
        }
        const findings = findingsFromDiagnostics(ws.diagnostics);
        renderJson(ws.model, findings, {});
        const map = ws.model.maps[0];
        if (map) {
            renderMermaid(ws.model, findings, {});
            renderMatrix(ws.model, findings, { format: 'csv' });
            buildDiagramSpec(ws.model, findings, {});
            buildCharterData(buildMapView(ws.model, map, findings));
        }
    } catch (err) {
        problems.push(`threw: ${err instanceof Error ? err.stack?.split('\n').slice(0, 4).join(' | ') : String(err)}`);
    }
    try {
        const result = formatRemitText(text);
        if (result.error) {
            if (NOT_WORDS.test(result.error.message) && !NOT_WORDS.test(text)) problems.push(`formatter message with a placeholder word: ${result.error.message}`);
            if (/report this as a bug/.test(result.error.message)) problems.push(`formatter safety check failed: ${result.error.message}`);
        } else {
            formatted = true;
            problems.push(...formatterProblems(text, result.text));
        }
    } catch (err) {
        problems.push(`formatter threw: ${err instanceof Error ? err.message : String(err)}`);
    }
    // The canary: the next parse in the same process is as good as the first.
    const canary = await checkSources([{ uri: 'file:///remit-fuzz-does-not-exist/canary.remit', text: CANARY }]);
    const canaryErrors = canary.diagnostics.filter(d => d.severity === 'error');
    if (canaryErrors.length > 0 || canary.model.maps[0]?.decisions.length !== 1) {
        problems.push(`the canary map no longer reads cleanly: ${canaryErrors.map(d => d.message).join('; ')}`);
    }
    return { problems, ms: performance.now() - started, formatted };
}

/** Comments kept, same meaning, idempotent. */
function formatterProblems(before: string, after: string): string[] {
    const problems: string[] = [];
    // Titles are skipped as the lexer skips them: `"a // b"` is a title, not a comment.
    const comments = (text: string) => [...text.matchAll(/"(?:\\.|[^"\\\r\n])*"|\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g)]
        .filter(m => !m[0].startsWith('"'))
        .map(m => m[0].split(/\r\n|\n|\r/).map(l => l.trim()).join('\n'));
    const a = comments(before);
    const b = comments(after);
    if (a.length !== b.length || a.some((c, i) => c !== b[i])) problems.push('the formatter changed or lost a comment');
    const factsBefore = authorityFacts(before);
    const factsAfter = authorityFacts(after);
    if (factsAfter.error || JSON.stringify(factsBefore.lines) !== JSON.stringify(factsAfter.lines)) problems.push('the formatter changed the meaning of the map');
    const again = formatRemitText(after);
    if (again.error || again.text !== after) problems.push('formatting is not idempotent');
    return problems;
}
