import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { findRemitFiles, formatRemitText, InputError } from '@remit/language';
import { writeStdout } from '../output/write.js';

/**
 * `remit fmt [paths] [--check]`: the canonical layout. Files are rewritten only when they
 * change and parse cleanly, atomically; a file with a syntax error is left untouched.
 * Exit 0: done (or nothing to do); 1: with --check, a file would change, or a file has a
 * syntax error; 2: unusable input.
 */
export function registerFmt(program: Command): void {
    program.command('fmt')
        .description('Format maps in the one canonical layout, keeping every comment. Exit 1 with --check when a file would change, or when a file has a syntax error (left untouched).')
        .argument('[paths...]', '.remit files or folders (searched recursively)', [])
        .option('--check', 'change nothing: list the files that are not formatted and exit 1 if there are any')
        .action(async (paths: string[], options: { check?: boolean }) => {
            const cwd = process.cwd();
            const files = await findRemitFiles(paths, cwd);
            const unformatted: string[] = [];
            let broken = 0;
            for (const file of files) {
                const shown = path.relative(cwd, file).split(path.sep).join('/') || file;
                const text = await read(file, shown);
                const result = formatRemitText(text);
                if (result.error) {
                    broken++;
                    process.stderr.write(`${shown}:${result.error.line}:${result.error.column}: ${result.error.message} (not formatted: fix this first)\n`);
                    continue;
                }
                if (!result.changed) continue;
                unformatted.push(shown);
                if (options.check) continue;
                if (await replaceIfUnchanged(file, text, result.text)) {
                    await writeStdout(`formatted ${shown}\n`);
                } else {
                    broken++;
                    process.stderr.write(`${shown}: changed on disk while it was being formatted; left as it is. Run remit fmt again.\n`);
                }
            }
            if (options.check) {
                await writeStdout(unformatted.map(f => `${f}\n`).join(''));
                if (unformatted.length > 0) {
                    process.stderr.write(`${unformatted.length} of ${files.length} ${files.length === 1 ? 'file is' : 'files are'} not formatted. Run: remit fmt${paths.length > 0 ? ` ${paths.join(' ')}` : ''}\n`);
                }
            }
            process.exitCode = broken > 0 || (options.check && unformatted.length > 0) ? 1 : 0;
        });
}

async function read(file: string, shown: string): Promise<string> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch (err) {
        throw new InputError(`${shown}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
}

/**
 * Writes the formatted text next to the file and renames it over the file, so the map is
 * never half written; keeps the file's permissions and writes through a symbolic link to
 * its target. Gives up (false) when the file changed since it was read.
 */
async function replaceIfUnchanged(file: string, before: string, after: string): Promise<boolean> {
    const target = await fs.realpath(file);
    const stat = await fs.stat(target);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    await fs.writeFile(temp, after, { encoding: 'utf8', mode: stat.mode & 0o7777, flag: 'wx' });
    try {
        if (await fs.readFile(target, 'utf8') !== before) {
            await fs.rm(temp, { force: true });
            return false;
        }
        await fs.rename(temp, target);
        return true;
    } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
    }
}
