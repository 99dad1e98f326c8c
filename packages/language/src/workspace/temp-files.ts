import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Temporary files for atomic writes: the new text goes to a hidden file next to the target,
 * which is then renamed over it. Each name carries the process id of the writer, so that a
 * later run can tell the leftovers of a run that was killed mid-write (its process is gone)
 * from a write in progress, and remove them.
 */
export function temporaryPathFor(target: string): string {
    return path.join(path.dirname(target), `.${path.basename(target)}.remit-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Removes temporary files of `target` left by writers that no longer run (or older than a day). Never fails. */
export async function removeStaleTemporaries(target: string): Promise<number> {
    const folder = path.dirname(target);
    const prefix = `.${path.basename(target)}.remit-`;
    let removed = 0;
    let names: string[];
    try {
        names = await fs.readdir(folder);
    } catch {
        return 0;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
        const match = /^(\d+)-[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
        if (!match) continue;
        const file = path.join(folder, name);
        const pid = Number(match[1]);
        const stat = await fs.lstat(file).catch(() => undefined);
        if (!stat?.isFile()) continue;
        const old = Date.now() - stat.mtimeMs > STALE_AFTER_MS;
        if (pid === process.pid || (!old && isRunning(pid))) continue;
        await fs.rm(file, { force: true }).then(() => removed++, () => undefined);
    }
    return removed;
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
}
