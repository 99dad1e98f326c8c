// The few requests the extension adds between its client and its server, for the preview
// and the generate commands. They only call the generators on the server's checked model:
// no analysis of their own. docs/editors.md describes them for other editors' clients.

import type { BuiltinSourceParams, BuiltinSourceResult } from '@remit/language/lsp';

/**
 * One request of the protocol: its method, with the types of its params, its result and the
 * data of its errors (each result says what went wrong in words instead, so no request
 * fails with data). The client and the server turn it into their library's
 * `RequestType<P, R, E>` (client/requests.ts, server/requests.ts): they bundle different
 * versions of vscode-jsonrpc, whose RequestType classes TypeScript keeps apart.
 */
export interface RemitRequest<P, R, E = void> {
    readonly method: string;
    /** Types only: never set. */
    readonly types?: { params: P; result: R; error: E };
}

function request<P, R, E = void>(method: string): RemitRequest<P, R, E> {
    return { method };
}

/** `remit/preview`: the picture of the map in `uri`. */
export const PreviewRequest = request<PreviewParams, PreviewResult>('remit/preview');
export interface PreviewParams {
    uri: string;
    /** Show the map as it stands in this phase; every phase when left out. */
    phase?: string;
    /** What the diagram shows: the overview (default), or a domain, a role or a decision. */
    view?: DiagramView;
    /** `dark` draws the diagram for a dark editor; `paper` (default) as it prints. */
    theme?: 'paper' | 'dark';
}
/** A drill-down of the diagram: `name` is the element's `Map.Element` name. */
export interface DiagramView { kind: 'overview' | 'domain' | 'role' | 'decision'; name?: string }
export interface SourcePosition { uri: string; line: number; character: number }
export interface PreviewProblem { line: number; column: number; code: string; message: string }
export interface PreviewResult {
    uri: string;
    /** The map in the document, when it has one. */
    map?: { name: string; title: string; phases: { name: string; title: string }[] };
    /** The map cannot be drawn as written (syntax errors, names that refer to nothing). */
    broken: boolean;
    /** Why it is broken: the errors that stop it being drawn. */
    problems: PreviewProblem[];
    /** The diagram, as SVG. */
    svg?: string;
    /** The responsibility matrix, as an HTML fragment (a table). */
    matrix?: string;
    /** Where each element (`Map.Element`) the pictures show is written, to reveal it on a click. */
    locations: Record<string, SourcePosition>;
    /** A generator failed (a bug, not the map's fault). */
    error?: string;
}

/** `remit/generate`: a document generated from the map in `uri`. */
export const GenerateRequest = request<GenerateParams, GenerateResult>('remit/generate');
export type GenerateKind = 'diagram' | 'matrix' | 'charter';
export interface GenerateParams {
    uri: string;
    kind: GenerateKind;
    /** `svg` for a diagram; `md`, `csv` or `html` for a matrix; `md` or `html` for a charter. */
    format?: string;
    phase?: string;
    /** A charter template file (`.liquid`) to use instead of the built-in one. */
    template?: string;
    /** Diagram: the view to draw (as the preview shows it). */
    view?: DiagramView;
}
export interface GenerateResult {
    /** The generated text, when the map could be read. */
    text?: string;
    /** The map's name, for a file name. */
    map?: string;
    /** Why nothing was generated, in words for the person who asked. */
    error?: string;
}

/** `remit/starters`: the starter maps a new map can begin from. */
export const StartersRequest = request<StartersParams, StarterInfo[]>('remit/starters');
/** No parameters: an empty object. */
export type StartersParams = Record<string, never>;
export interface StarterInfo { name: string; label: string; description: string; maps: string[] }

/** `remit/starter`: the files of a starter, its main map renamed to `mapName`. */
export const StarterRequest = request<StarterParams, StarterResult>('remit/starter');
export interface StarterParams { name: string; mapName?: string; title?: string }
export interface StarterResult { files?: { name: string; text: string }[]; error?: string }

/** `remit/compareWithRevision`: what changed in authority in a folder since a git revision. */
export const CompareWithRevisionRequest = request<CompareWithRevisionParams, CompareWithRevisionResult>('remit/compareWithRevision');
export interface CompareWithRevisionParams {
    /** The folder (a path on disk) inside a git repository whose maps are compared. */
    folder: string;
    /** `HEAD` unless given; `REV1..REV2` compares two revisions. */
    revision?: string;
}
export interface CompareWithRevisionResult {
    /** The review, as Markdown (the same as `remit diff --format md`). */
    markdown?: string;
    /** One sentence: "1 decision changed hands, 2 roles added". */
    summary?: string;
    /** Why nothing could be compared (not a git repository, an unknown revision ...). */
    error?: string;
}

/**
 * `remit/builtinSource`: the text of the built-in schemes, for Go to Definition on a built-in
 * level. The language server answers it (the language package's `BUILTIN_SOURCE_REQUEST`);
 * only its types are imported here, so the client bundle stays free of the language package.
 */
export const BuiltinSourceRequest = request<BuiltinSourceParams, BuiltinSourceResult>('remit/builtinSource');
