import { checkSources, type RemitDiagnostic, type RemitFile, type RemitMap, type RemitConfig, type MapModel } from '@remit/language';

/** The rule codes the language core owns (the authority analysis adds others). */
export const CORE_CODES = [
    'syntax-error', 'unresolved-reference', 'duplicate-name', 'scheme-shape', 'veto-after-final',
    'phase-order', 'duplicate-property', 'invalid-value'
] as const;

export interface Checked {
    diagnostics: RemitDiagnostic[];
    /** The map of the first file, as parsed. */
    ast: RemitMap;
    /** The checked model of the first file's map. */
    model: MapModel | undefined;
    models: readonly MapModel[];
    /** Diagnostics with one of the given codes. */
    only(...codes: string[]): RemitDiagnostic[];
    /** Errors and warnings of the core rules (the authority analysis is tested elsewhere). */
    core(): RemitDiagnostic[];
}

/** Checks files given as `{ 'name.remit': text }`, all in one workspace. */
export async function checkFiles(files: Record<string, string>, config?: RemitConfig): Promise<Checked> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///workspace/${name}`, text }));
    const workspace = await checkSources(sources, config);
    const first = workspace.documents.find(d => d.uri.toString() === sources[0].uri) ?? workspace.documents[0];
    const ast = (first.parseResult.value as RemitFile).map;
    const model = workspace.model.maps.find(m => m.uri === sources[0].uri);
    const diagnostics = workspace.diagnostics;
    return {
        diagnostics,
        ast,
        model,
        models: workspace.model.maps,
        only: (...codes) => diagnostics.filter(d => codes.includes(d.code)),
        core: () => diagnostics.filter(d => (CORE_CODES as readonly string[]).includes(d.code))
    };
}

/** Checks one file. */
export function check(text: string, config?: RemitConfig): Promise<Checked> {
    return checkFiles({ 'map.remit': text }, config);
}

/** The file name of a diagnostic's document. */
export function fileOf(d: RemitDiagnostic): string {
    return d.uri.split('/').pop() ?? d.uri;
}

/** A compact view for failure messages: `line:col code message`. */
export function describe(diagnostics: readonly RemitDiagnostic[]): string {
    return diagnostics.map(d => `${fileOf(d)}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n');
}

/** Strips source positions from a model, so two spellings of one map compare equal. */
export function withoutLocations<T>(value: T): T {
    return JSON.parse(JSON.stringify(value, (key, v) => (key === 'location' ? undefined : v)));
}

/** Words of the parser's own vocabulary that must never reach a user. */
export const JARGON = /token|\bEOF\b|sequences?\b|Expecting|NoViableAlt|MismatchedToken|Redundant input|\bID\b|\bSTRING\b|\bNUMBER\b/;
