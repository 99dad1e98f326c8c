import * as path from 'node:path';
import { Liquid } from 'liquidjs';
import { closestName, type WorkspaceModel } from '@remit/language';
import { escapeHtml, escapeMarkdown } from '../escape.js';
import { cssString } from '../html-page.js';
import type { Finding } from '../findings.js';
import { GeneratorError } from '../generator-error.js';
import { buildMapView, selectMap } from '../view-model.js';
import { buildCharterData, type CharterData, type FindingsShown } from './charter-data.js';
import type { TemplateSet } from './template-folder.js';

export type CharterFormat = 'md' | 'html';

export interface CharterOptions {
    map?: string;
    format?: CharterFormat;
    /** What the charter says about findings (default: full for drafts, board otherwise). */
    findings?: FindingsShown;
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
    return renderTemplate(template, buildCharterData(view, { findings: options.findings }), format);
}

export async function renderTemplate(template: TemplateSet, data: CharterData, format: CharterFormat): Promise<string> {
    const engine = new Liquid({
        templates: template.files,
        extname: '.liquid',
        outputEscape: (value: unknown) => (format === 'html' ? escapeHtml : escapeMarkdown)(value === undefined || value === null ? '' : String(value)),
        ownPropertyOnly: true,
        strictFilters: true,
        // A misspelt name ({{ map.titel }}) is an error naming the nearest valid one, never
        // an empty string in a document handed to a board.
        strictVariables: true,
        lenientIf: true,
        parseLimit: 2_000_000,
        renderLimit: 20_000,
        memoryLimit: 50_000_000
    });
    // The page's title in its @page rules (the running title of every printed page).
    engine.registerFilter('css_string', (value: unknown) => cssString(String(value ?? '')));
    let text: string;
    try {
        // A JSON round trip leaves plain data only: no functions, classes or prototypes.
        const scope = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        text = await engine.renderFile(template.entry.replace(/\.liquid$/, ''), scope);
    } catch (err) {
        throw templateError(template, err, data);
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
function templateError(template: TemplateSet, err: unknown, data: CharterData): GeneratorError {
    const raw = String((err as Error)?.message ?? err).split('\n')[0];
    const parts = /^(.*?)(?:, file:(.*?))?, line:(\d+), col:(\d+)$/.exec(raw);
    let reason = (parts ? parts[1] : raw).replace(/^ENOENT: Failed to lookup "(.*?)".*$/, 'no template named "$1" in the template\'s folder (templates can only use files from their own folder and its partials/ folder)');
    const unknown = /^undefined variable: (.*)$/.exec(reason);
    if (unknown) reason = unknownVariable(unknown[1], data);
    const unknownFilter = /^undefined filter: (.*)$/.exec(reason);
    if (unknownFilter) reason = `there is no filter named '${unknownFilter[1]}'${nearest(unknownFilter[1], FILTER_NAMES)}`;
    const fileName = parts?.[2] || (parts ? fileWith(template, unknown?.[1] ?? '', Number(parts[3]), Number(parts[4])) : template.entry);
    const file = path.join(template.folder, fileName);
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
    const where = parts ? `${shown}:${parts[3]}:${parts[4]}` : shown;
    return new GeneratorError(`${where}: the template cannot be used: ${reason}.`);
}

/**
 * Liquid names no file for an error raised while rendering (only for one raised while
 * parsing), so the file is the one whose text has the name at that line and column,
 * the entry template first.
 */
function fileWith(template: TemplateSet, name: string, line: number, column: number): string {
    const candidates = [template.entry, ...Object.keys(template.files).filter(f => f !== template.entry)];
    return candidates.find(file => (template.files[file].split('\n')[line - 1] ?? '').slice(column - 1).includes(name.split('.')[0])) ?? template.entry;
}

/** "there is no 'titel' in map; did you mean map.title?" from the names the data really has. */
function unknownVariable(variable: string, data: CharterData): string {
    const segments = variable.split('.');
    const last = segments[segments.length - 1];
    const names = new Set<string>();
    const collect = (value: unknown, depth: number): void => {
        if (depth > 6 || value === null || typeof value !== 'object') return;
        for (const item of Array.isArray(value) ? value : [value]) {
            if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
            for (const [key, inner] of Object.entries(item)) {
                names.add(key);
                collect(inner, depth + 1);
            }
        }
    };
    collect(data, 0);
    const suggestion = closest(last, [...names]);
    const where = segments.length > 1 ? ` in ${segments.slice(0, -1).join('.')}` : '';
    const hint = suggestion ? `; did you mean ${[...segments.slice(0, -1), suggestion].join('.')}?` : '';
    return `there is no '${last}'${where}${hint} (docs/templates.md lists every name a template can use)`;
}

const FILTER_NAMES = ['abs', 'append', 'capitalize', 'css_string', 'ceil', 'compact', 'concat', 'date', 'default', 'divided_by', 'downcase', 'escape', 'first', 'floor',
    'join', 'last', 'lstrip', 'map', 'minus', 'modulo', 'newline_to_br', 'plus', 'prepend', 'raw', 'remove', 'replace', 'reverse', 'round', 'rstrip',
    'size', 'slice', 'sort', 'split', 'strip', 'strip_html', 'times', 'truncate', 'truncatewords', 'uniq', 'upcase', 'url_encode', 'where'];

function nearest(name: string, names: readonly string[]): string {
    const found = closest(name, names);
    return found ? `; did you mean ${found}?` : '';
}

/** The name most like `name`, if it is close enough to be a typo (the language's own rule). */
function closest(name: string, names: readonly string[]): string | undefined {
    return closestName(name, [...names].sort());
}
