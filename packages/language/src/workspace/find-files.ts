import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input-error.js';

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
            throw new InputError(`${given}: no such file or folder. Check the path.`);
        }
        if (stat.isDirectory()) {
            const before = found.size;
            await walk(absolute, found);
            if (found.size === before) throw new InputError(`${given}: no .remit files in this folder.`);
        } else if (absolute.endsWith('.remit')) {
            found.add(absolute);
        } else {
            throw new InputError(`${given}: not a .remit file. Give .remit files or folders that contain them.`);
        }
    }
    return [...found].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
        throw new InputError(`${folder}: this folder cannot be read (check its permissions).`);
    }
    for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, found);
        } else if (entry.isFile() && entry.name.endsWith('.remit')) {
            found.add(full);
        }
    }
}
