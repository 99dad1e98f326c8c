import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../generator-error.js';
import { compareText } from '@remit/language';

/**
 * A charter template and the partials it may include, read into memory before
 * rendering. Liquid then renders from this mapping alone and never touches the file
 * system, so a template can reach no file outside its folder.
 */
export interface TemplateSet {
    /** Name of the entry template within `files` (for messages and lookups). */
    entry: string;
    /** File name (relative to the folder, forward slashes) to template text. */
    files: Record<string, string>;
    /** Where the folder is, for messages. */
    folder: string;
}

const MAX_FILES = 200;
const MAX_BYTES = 1_000_000;

/** The templates shipped with Remit (`charter` and `role-cards`, each `.md.liquid` and `.html.liquid`). */
export function builtinTemplateFolder(): string {
    // src/charter or dist/charter: the templates folder sits beside both.
    return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** The built-in templates, by name: the full charter, or the role cards alone. */
export const BUILTIN_TEMPLATES = ['charter', 'role-cards'] as const;
export type BuiltinTemplateName = typeof BUILTIN_TEMPLATES[number];

export async function builtinTemplate(format: 'md' | 'html', name: BuiltinTemplateName = 'charter'): Promise<TemplateSet> {
    return loadTemplateFolder(path.join(builtinTemplateFolder(), `${name}.${format}.liquid`));
}

/**
 * Reads a template file, the other `.liquid` files beside it and those of a `partials/`
 * folder beside it: nothing else, never a walk of the folder's sub-folders (a template
 * may sit in a folder of thousands of files). Only regular files are read: a FIFO or a
 * device is looked at (stat) and never opened, and links that lead outside the folder
 * are ignored. At most 200 files of at most 1 MB each.
 */
export async function loadTemplateFolder(templateFile: string): Promise<TemplateSet> {
    const entryPath = path.resolve(templateFile);
    const stat = await fs.stat(entryPath).catch(() => undefined);
    if (!stat?.isFile()) throw new GeneratorError(`${templateFile}: no such template file. Give the path of a .liquid file.`);
    if (stat.size > MAX_BYTES) throw new GeneratorError(`${templateFile}: the template is larger than 1 MB; split it into partials.`);
    const folder = await fs.realpath(path.dirname(entryPath));
    const files: Record<string, string> = {};
    let count = 0;
    const readFolder = async (dir: string, prefix: string): Promise<void> => {
        const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
        const names = entries.filter(e => e.name.endsWith('.liquid')).map(e => e.name).sort(compareText);
        for (const name of names) {
            if (count >= MAX_FILES) return;
            const real = await fs.realpath(path.join(dir, name)).catch(() => undefined);
            if (!real || !isInside(folder, real)) continue;
            const info = await fs.stat(real).catch(() => undefined);
            if (!info?.isFile() || info.size > MAX_BYTES) continue;
            files[prefix + name] = await fs.readFile(real, 'utf8');
            count++;
        }
    };
    await readFolder(folder, '');
    const partials = path.join(folder, 'partials');
    const partialsInfo = await fs.lstat(partials).catch(() => undefined);
    if (partialsInfo?.isDirectory()) await readFolder(partials, 'partials/');
    const entry = path.relative(folder, await fs.realpath(entryPath)).split(path.sep).join('/');
    if (!(entry in files)) {
        files[entry] = await fs.readFile(entryPath, 'utf8');
    }
    return { entry, files, folder };
}

function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
