import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '@remit/language';

/**
 * Writes a generated file atomically: the text goes to a temporary file in the same
 * folder, which is then renamed over the target, so a reader never sees half a file and
 * a failed write leaves the old file as it was. A `.remit` source is never written over,
 * and neither is anything that is not a plain file (a folder, say). Missing folders on
 * the way are created.
 */
export async function writeOutputFile(file: string, text: string | Uint8Array): Promise<void> {
    if (path.extname(file).toLowerCase() === '.remit') {
        throw new InputError(`${file}: will not write over a .remit source file. Choose another --out folder or file name.`);
    }
    const folder = path.dirname(file);
    try {
        await fs.mkdir(folder, { recursive: true });
    } catch (err) {
        throw new InputError(`${folder}: the output folder cannot be created (${reasonOf(err)}).`);
    }
    const existing = await fs.lstat(file).catch(() => undefined);
    if (existing && !existing.isFile()) {
        throw new InputError(`${file}: is not a plain file, so it will not be written over.`);
    }
    const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await fs.writeFile(temporary, text, typeof text === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
        await fs.rename(temporary, file);
    } catch (err) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw new InputError(`${file}: cannot be written (${reasonOf(err)}).`);
    }
}

function reasonOf(err: unknown): string {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
    if (code === 'ENOSPC') return 'the disk is full';
    return (err as Error).message;
}

/**
 * Creates a new file atomically and only if nothing is there yet (used by `remit new`,
 * which writes .remit files): the text is written to a temporary file that is then
 * hard-linked into place, which fails rather than replace an existing file.
 */
export async function createNewFile(file: string, text: string): Promise<void> {
    const folder = path.dirname(file);
    try {
        await fs.mkdir(folder, { recursive: true });
    } catch (err) {
        throw new InputError(`${folder}: the folder cannot be created (${reasonOf(err)}).`);
    }
    const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await fs.writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
        await fs.link(temporary, file);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new InputError(`${file}: already exists and will not be overwritten. Choose another folder or --name.`);
        }
        throw new InputError(`${file}: cannot be written (${reasonOf(err)}).`);
    } finally {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
}
