import { RULES, RULE_CODES, ruleFacts, type RemitDiagnostic } from '@remit/language';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from './paths.js';
import { VERSION } from '../version.js';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const RULES_DOC = 'docs/rules.md';

/** SARIF 2.1.0, with Remit's rule codes as rule ids, for code scanning in CI. */
export function formatSarif(diagnostics: readonly RemitDiagnostic[], cwd: string): string {
    const ruleIndex = new Map(RULE_CODES.map((code, i) => [code, i]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'remit',
                    version: VERSION,
                    rules: RULE_CODES.map(code => ({
                        id: code,
                        name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
                        shortDescription: { text: RULES[code].summary },
                        help: { text: `${RULES[code].summary} Examples and fixes: ${RULES_DOC}#${code}.` },
                        defaultConfiguration: { level: LEVEL[RULES[code].defaultSeverity] }
                    }))
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(cwd) } },
            results: diagnostics.map(d => ({
                ruleId: d.code,
                ...(ruleIndex.has(d.code as never) ? { ruleIndex: ruleIndex.get(d.code as never) } : {}),
                level: LEVEL[d.severity] ?? 'warning',
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: uriReference(displayPath(d.uri, cwd)), uriBaseId: '%SRCROOT%' },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
                    },
                    ...(d.element ? { logicalLocations: [{ fullyQualifiedName: d.element, kind: 'member' }] } : {})
                }],
                ...properties(d)
            }))
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/**
 * The rule's facts (holders, levels, phases, suggestions) and the titles of its quick fixes,
 * in the result's property bag, for tools that want more than the message.
 */
function properties(d: RemitDiagnostic): { properties?: Record<string, unknown> } {
    if (!d.data) return {};
    const facts = ruleFacts(d.data);
    const fixes = (d.data.fixes ?? []).map(f => f.title);
    if (Object.keys(facts).length === 0 && fixes.length === 0) return {};
    return { properties: { ...(Object.keys(facts).length ? { facts } : {}), ...(fixes.length ? { fixes } : {}) } };
}

/** SARIF locations are URI references: a space or '#' in a folder name must be escaped. */
function uriReference(relativePath: string): string {
    return relativePath.split('/').map(encodeURIComponent).join('/');
}

function pathToFileUri(dir: string): string {
    return pathToFileURL(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`).href;
}
