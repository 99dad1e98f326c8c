import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error.js';
import { compareText } from '../utils/compare-text.js';
import { describeOsError } from './os-errors.js';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/**
 * The `.remit` files named by `paths`: files as given, folders searched recursively
 * (hidden folders and dependency folders skipped). Sorted, without repeats.
 */
export async function findRemitFiles(paths: readonly string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        const absolute = path.resolve(cwd, given);
        let stat;
        try {
            stat = await fs.stat(absolute);
        } catch (err) {
            throw new InputError((err as NodeJS.ErrnoException).code === 'ENOENT'
                ? `${given}: no such file or folder. Check the path.`
                : `${given}: cannot be read (${describeOsError(err)}).`);
        }
        if (stat.isDirectory()) {
            // Counted per folder: a folder whose maps another path already named still has maps.
            const count = await walk(absolute, found, cwd, new Set());
            if (count === 0) {
                throw new InputError(path.resolve(cwd, given) === path.resolve(cwd)
                    ? 'no .remit files in the current folder or the folders inside it. Give the path of your maps, such as: remit check maps'
                    : `${given}: no .remit files in this folder or the folders inside it.`);
            }
        } else if (absolute.endsWith('.remit')) {
            found.add(absolute);
        } else {
            throw new InputError(`${given}: not a .remit file. Give .remit files or folders that contain them.`);
        }
    }
    // The same file reached twice (through a link) is one map, not two maps with one name.
    const seen = new Set<string>();
    const unique: string[] = [];
    for (const file of [...found].sort()) {
        const real = await fs.realpath(file).catch(() => file);
        if (seen.has(real)) continue;
        seen.add(real);
        unique.push(file);
    }
    return unique;
}

function shown(file: string, cwd: string): string {
    return path.relative(cwd, file) || file;
}

/** Adds the folder's maps to `found`; returns how many it holds. */
async function walk(folder: string, found: Set<string>, cwd: string, visited: Set<string>): Promise<number> {
    // A linked folder that leads back to one already searched is not searched again.
    const real = await fs.realpath(folder).catch(() => folder);
    if (visited.has(real)) return 0;
    visited.add(real);
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (err) {
        throw new InputError(`${shown(folder, cwd)}: this folder cannot be read (${describeOsError(err)}).`);
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    let count = 0;
    for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            // Follow links: a linked map is a map. A link to nothing named *.remit is unreadable input.
            let failure: unknown;
            const target = await fs.stat(full).catch(err => { failure = err; return undefined; });
            if (!target) {
                if (entry.name.endsWith('.remit')) {
                    throw new InputError(`${shown(full, cwd)}: cannot be read (${(failure as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
                        ? 'it is a link to something that does not exist' : describeOsError(failure)}).`);
                }
                continue;
            }
            isDirectory = target.isDirectory();
            isFile = target.isFile();
        }
        if (isDirectory) {
            if (!SKIPPED_FOLDERS.has(entry.name)) count += await walk(full, found, cwd, visited);
        } else if (isFile && entry.name.endsWith('.remit')) {
            found.add(full);
            count++;
        }
    }
    return count;
}
