// Serves the preview and the generate commands: reads the checked model and the
// diagnostics the language server already has, and hands them to the generators.
import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { diagnosticsOf, isStandardLibrary, type MapModel, type RemitDiagnostic, type WorkspaceModel } from '@remit/language';
import type { RemitLspServices } from '@remit/language/lsp';
import { findingsFromDiagnostics, instantiateStarter, STARTERS } from '@remit/generators';
import type { RenderWorker } from './render.js';
import { serverRequest } from './requests.js';
import {
    GenerateRequest, PreviewRequest, StarterRequest, StartersRequest,
    type StarterResult, type GenerateResult, type PreviewProblem, type PreviewResult, type SourcePosition
} from '../shared/protocol.js';

/** Errors that make a picture of the map untrustworthy: the preview keeps the last good one. */
const BLOCKING = new Set(['syntax-error', 'unresolved-reference', 'duplicate-name']);

interface Snapshot {
    document: LangiumDocument;
    map?: MapModel;
    workspace: WorkspaceModel;
    diagnostics: RemitDiagnostic[];
}

export function registerGenerateRequests(connection: Connection, shared: LangiumSharedServices, renderer: RenderWorker): void {
    /** The model and diagnostics once every pending change is built (under the workspace lock). */
    const snapshot = async (uri: string): Promise<Snapshot | undefined> => {
        await shared.workspace.WorkspaceManager.ready;
        return shared.workspace.WorkspaceLock.read(() => {
            const parsed = URI.parse(uri);
            const documents = shared.workspace.LangiumDocuments;
            const document = documents.getDocument(parsed);
            if (!document) return undefined;
            const services = shared.ServiceRegistry.getServices(parsed) as RemitLspServices;
            const provider = services.model.ModelProvider;
            const diagnostics = documents.all.filter(d => !isStandardLibrary(d.uri)).flatMap(d => diagnosticsOf(d)).toArray();
            return { document, map: provider.mapOf(document), workspace: provider.workspace(), diagnostics };
        });
    };

    connection.onRequest(serverRequest(PreviewRequest), async (params): Promise<PreviewResult> => {
        const snap = await snapshot(params.uri);
        const result: PreviewResult = { uri: params.uri, broken: false, problems: [], locations: {} };
        if (!snap) return { ...result, broken: true, problems: [{ line: 1, column: 1, code: 'not-in-workspace', message: 'This file is not part of the workspace Remit checks.' }] };
        const { map, workspace } = snap;
        result.problems = snap.diagnostics
            .filter(d => d.uri === params.uri && d.severity === 'error' && BLOCKING.has(d.code))
            .map((d): PreviewProblem => ({ line: d.line, column: d.column, code: d.code, message: d.message }));
        result.broken = result.problems.length > 0 || !map;
        if (!map) return result;
        result.map = { name: map.name, title: map.title, phases: map.phases.map(p => ({ name: p.name, title: p.title })) };
        if (result.broken) return result;
        const phase = params.phase && map.phases.some(p => p.name === params.phase) ? params.phase : undefined;
        const findings = findingsFromDiagnostics(snap.diagnostics);
        const maps = workspace.maps;
        try {
            const [svg, matrix] = await Promise.all([
                renderer.run({ kind: 'diagram', maps, findings, map: map.name, phase, view: params.view, theme: params.theme }),
                renderer.run({ kind: 'matrix', maps, findings, map: map.name, phase, format: 'html' })
            ]);
            result.svg = svg;
            result.matrix = bodyOf(matrix);
        } catch (e) {
            result.error = e instanceof Error ? e.message : String(e);
        }
        result.locations = locationsOf(map, workspace);
        return result;
    });

    connection.onRequest(serverRequest(GenerateRequest), async (params): Promise<GenerateResult> => {
        const snap = await snapshot(params.uri);
        if (!snap?.map) return { error: 'This file holds no map Remit can read.' };
        const blocking = snap.diagnostics.filter(d => d.uri === params.uri && d.severity === 'error' && BLOCKING.has(d.code));
        if (blocking.length) {
            const first = blocking[0];
            return { map: snap.map.name, error: `Map ${snap.map.name} cannot be read as written: line ${first.line}: ${first.message}` };
        }
        const findings = findingsFromDiagnostics(snap.diagnostics);
        const common = { maps: snap.workspace.maps, findings, map: snap.map.name };
        try {
            switch (params.kind) {
                case 'diagram':
                    return { map: snap.map.name, text: await renderer.run({ ...common, kind: 'diagram', phase: params.phase, view: params.view }) };
                case 'matrix': {
                    const format = params.format === 'csv' || params.format === 'html' ? params.format : 'md';
                    return { map: snap.map.name, text: await renderer.run({ ...common, kind: 'matrix', phase: params.phase, format }) };
                }
                case 'charter': {
                    const format = params.format === 'html' ? 'html' : 'md';
                    return { map: snap.map.name, text: await renderer.run({ ...common, kind: 'charter', format, template: params.template }) };
                }
            }
        } catch (e) {
            return { map: snap.map.name, error: e instanceof Error ? e.message : String(e) };
        }
        return { error: `unknown kind ${String(params.kind)}` };
    });
}

export function registerStarterRequests(connection: Connection): void {
    connection.onRequest(serverRequest(StartersRequest), () =>
        STARTERS.map(s => ({ name: s.name, label: s.label, description: s.description, maps: [...s.maps] })));
    connection.onRequest(serverRequest(StarterRequest), async (params): Promise<StarterResult> => {
        try {
            return { files: await instantiateStarter(params.name, params.mapName, params.title) };
        } catch (e) {
            return { error: e instanceof Error ? e.message : String(e) };
        }
    });
}

/** The inside of a generated page's <body>: the preview supplies its own page and styles. */
function bodyOf(html: string): string {
    const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
    return (m ? m[1] : html).trim();
}

function locationsOf(map: MapModel, workspace: WorkspaceModel): Record<string, SourcePosition> {
    const out: Record<string, SourcePosition> = {};
    const add = (name: string, loc?: { uri: string; range: { start: { line: number; character: number } } }) => {
        if (loc) out[name] = { uri: loc.uri, line: loc.range.start.line, character: loc.range.start.character };
    };
    const visitDomains = (domains: MapModel['domains']) => domains.forEach(d => { add(d.qualifiedName, d.location); visitDomains(d.domains); });
    add(map.name, map.location);
    for (const e of [...map.roles, ...map.teams, ...map.decisions, ...map.phases]) add(e.qualifiedName, e.location);
    visitDomains(map.domains);
    // holders from other maps that this map's decisions name
    for (const decision of map.decisions) {
        for (const a of decision.assignments) for (const h of a.holders) if (!out[h]) add(h, workspace.holder(h)?.location);
    }
    return out;
}
