import type { WorkspaceModel } from '@remit/language';
import { sortFindings, type Finding } from './findings.js';
import { belongsTo, selectMap } from './view-model.js';

export interface JsonOptions {
    /**
     * How a document URI is written (the command line writes paths relative to the
     * current folder, so the output is the same on every machine). Default: the URI.
     */
    fileOf?: (uri: string) => string;
    /** Only this map (and the findings about it); every map when left out. */
    map?: string;
}

/** Version of the `json` output's shape; raised whenever `docs/model.schema.json` changes incompatibly. */
export const MODEL_FORMAT_VERSION = 1;

/**
 * The checked model as JSON, described by `docs/model.schema.json`: every map with every
 * reference resolved to a `Map.Element` name, and the findings. Document URIs become
 * `file` fields. Keys keep the model's order, so the same maps give the same bytes.
 */
export function renderJson(workspace: WorkspaceModel, findings: readonly Finding[], options: JsonOptions = {}): string {
    const fileOf = options.fileOf ?? ((uri: string) => uri);
    const rewrite = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(rewrite);
        if (value && typeof value === 'object') {
            const result: Record<string, unknown> = {};
            for (const [key, inner] of Object.entries(value)) {
                if (inner === undefined) continue;
                if (key === 'uri' && typeof inner === 'string') result.file = fileOf(inner);
                else result[key] = rewrite(inner);
            }
            return result;
        }
        return value;
    };
    const selected = options.map !== undefined ? selectMap(workspace, options.map) : undefined;
    const maps = selected ? [selected] : workspace.maps;
    const output = {
        format: 'remit-model',
        version: MODEL_FORMAT_VERSION,
        maps: maps.map(rewrite),
        findings: sortFindings(findings.filter(f => !selected || belongsTo(f, selected))).map(f => rewrite({ code: f.code, severity: f.severity, element: f.element, message: f.message, uri: f.uri }))
    };
    return `${JSON.stringify(output, null, 2)}\n`;
}
