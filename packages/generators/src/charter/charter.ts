import * as path from 'node:path';
import { Liquid } from 'liquidjs';
import type { WorkspaceModel } from '@remit/language';
import { escapeHtml, escapeMarkdown } from '../escape.js';
import type { Finding } from '../findings.js';
import { GeneratorError } from '../generator-error.js';
import { buildMapView, selectMap } from '../view-model.js';
import { buildCharterData, type CharterData } from './charter-data.js';
import type { TemplateSet } from './template-folder.js';

export type CharterFormat = 'md' | 'html';

export interface CharterOptions {
    map?: string;
    format?: CharterFormat;
}

/**
 * Renders a charter from a template set (the built-in one, or a consultant's). Output
 * is escaped for the format by default ({{ value }}); Liquid cannot run code, reads no
 * files (templates come from memory), reaches only the plain data of CharterData, and
 * runs under size and time limits.
 */
export async function renderCharter(workspace: WorkspaceModel, findings: readonly Finding[], template: TemplateSet, options: CharterOptions = {}): Promise<string> {
    const format = options.format ?? 'md';
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings);
    return renderTemplate(template, buildCharterData(view), format);
}

export async function renderTemplate(template: TemplateSet, data: CharterData, format: CharterFormat): Promise<string> {
    const engine = new Liquid({
        templates: template.files,
        extname: '.liquid',
        outputEscape: (value: unknown) => (format === 'html' ? escapeHtml : escapeMarkdown)(value === undefined || value === null ? '' : String(value)),
        ownPropertyOnly: true,
        strictFilters: true,
        strictVariables: false,
        lenientIf: true,
        parseLimit: 2_000_000,
        renderLimit: 20_000,
        memoryLimit: 50_000_000
    });
    let text: string;
    try {
        // A JSON round trip leaves plain data only: no functions, classes or prototypes.
        const scope = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        text = await engine.renderFile(template.entry.replace(/\.liquid$/, ''), scope);
    } catch (err) {
        throw templateError(template, err);
    }
    return tidy(text);
}

/** LF line endings, no trailing spaces, at most one blank line in a row, one final newline. */
function tidy(text: string): string {
    const lines = text.replace(/\r\n?/g, '\n').split('\n').map(trimEndSpaces);
    const out: string[] = [];
    for (const line of lines) {
        if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
        out.push(line);
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return `${out.join('\n')}\n`;
}

/** The line without the spaces and tabs at its end: one pass from the end (a regex here backtracked on long runs of spaces). */
function trimEndSpaces(line: string): string {
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    return end === line.length ? line : line.slice(0, end);
}

/** A Liquid error as one line naming the template file, line and column, as a compiler would. */
function templateError(template: TemplateSet, err: unknown): GeneratorError {
    const raw = String((err as Error)?.message ?? err).split('\n')[0];
    const parts = /^(.*?), file:(.*?), line:(\d+), col:(\d+)$/.exec(raw);
    const file = path.join(template.folder, parts?.[2] || template.entry);
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
    const where = parts ? `${shown}:${parts[3]}:${parts[4]}` : shown;
    const reason = (parts ? parts[1] : raw).replace(/^ENOENT: Failed to lookup "(.*?)".*$/, 'no template named "$1" in the template\'s folder (templates can only use files from their own folder)');
    return new GeneratorError(`${where}: the template cannot be used: ${reason}.`);
}
