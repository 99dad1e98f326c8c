import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { decodeUtf8, describeOsError, encodingMessage, findRemitFiles, formatRemitText, InputError, loadConfig, readMapFile, removeStaleTemporaries, temporaryPathFor, type FormatResult } from '@remit/language';
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
        .option('--stdin', 'format the text given on stdin and print it (for editors); with a syntax error, print it unchanged and exit 1')
        .action(async (paths: string[], options: { check?: boolean; stdin?: boolean }) => {
            if (options.stdin) {
                if (paths.length > 0) throw new InputError('remit fmt --stdin reads the map from stdin: give no paths with it.');
                process.exitCode = await formatStdin();
                return;
            }
            const cwd = process.cwd();
            const files = await findRemitFiles(paths, cwd);
            const config = await loadConfig(cwd);
            const unformatted: string[] = [];
            let broken = 0;
            for (const file of files) {
                const shown = path.relative(cwd, file).split(path.sep).join('/') || file;
                const { text, problem } = await readMapFile(file, { shown, maxFileSize: config?.maxFileSize });
                if (problem) {
                    // Formatting would write U+FFFD over the bytes that are not UTF-8: never.
                    broken++;
                    process.stderr.write(`${shown}:${problem.line}:${problem.column}: ${encodingMessage(problem)} (not formatted)\n`);
                    continue;
                }
                const result = safeFormat(text);
                if (result.error) {
                    broken++;
                    process.stderr.write(`${shown}:${result.error.line}:${result.error.column}: ${result.error.message} (not formatted: fix this first)\n`);
                    continue;
                }
                if (!result.changed) continue;
                unformatted.push(shown);
                if (options.check) continue;
                const outcome = await replaceIfUnchanged(file, text, result.text);
                if (outcome === 'written') {
                    await writeStdout(`formatted ${shown}\n`);
                } else {
                    broken++;
                    process.stderr.write(outcome === 'changed'
                        ? `${shown}: changed on disk while it was being formatted; left as it is. Run remit fmt again.\n`
                        : `${shown}: cannot be written (${outcome}); left as it is. Check the permissions of the file and its folder.\n`);
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

/**
 * The formatter's answer, or why it gave none: whatever goes wrong inside it, the text is
 * reported as not formatted and left as it is.
 */
function safeFormat(text: string): FormatResult {
    try {
        return formatRemitText(text);
    } catch (err) {
        if (process.env.REMIT_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
        return { error: { line: 1, column: 1, message: 'Remit could not format this text, so it was left as it is. Please report this as a bug in remit.' } };
    }
}

/** `remit fmt --stdin`: text in, formatted text out; never loses the input, byte for byte. */
async function formatStdin(): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const { text, problem } = decodeUtf8(bytes);
    if (problem) {
        process.stderr.write(`<stdin>:${problem.line}:${problem.column}: ${encodingMessage(problem)} (not formatted)\n`);
        await writeStdout(bytes);
        return 1;
    }
    const result = safeFormat(text);
    if (result.error) {
        process.stderr.write(`<stdin>:${result.error.line}:${result.error.column}: ${result.error.message} (not formatted: fix this first)\n`);
        await writeStdout(bytes);
        return 1;
    }
    await writeStdout(result.text);
    return 0;
}

/**
 * Writes the formatted text next to the file and renames it over the file, so the map is
 * never half written; keeps the file's permissions and writes through a symbolic link to
 * its target. Gives up when the file changed since it was read ('changed') or cannot be
 * written (the reason).
 */
async function replaceIfUnchanged(file: string, before: string, after: string): Promise<'written' | 'changed' | string> {
    let temp: string | undefined;
    try {
        const target = await fs.realpath(file);
        const stat = await fs.stat(target);
        await removeStaleTemporaries(target);
        temp = temporaryPathFor(target);
        await fs.writeFile(temp, after, { encoding: 'utf8', mode: stat.mode & 0o7777, flag: 'wx' });
        if (await fs.readFile(target, 'utf8') !== before) return 'changed';
        await fs.rename(temp, target);
        temp = undefined;
        return 'written';
    } catch (err) {
        return describeOsError(err);
    } finally {
        if (temp) await fs.rm(temp, { force: true }).catch(() => undefined);
    }
}
