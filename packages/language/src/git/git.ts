import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../workspace/input-error.js';

/**
 * Reading old versions of maps with the real git: nothing is checked out and the working
 * tree is never touched. Every failure a user can cause (no git, not a repository, an
 * unknown revision) becomes an InputError in plain words.
 */
export function runGit(args: readonly string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (!error) return resolve(stdout);
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
                return reject(new InputError('git is not installed (or not on the PATH), so old versions of the maps cannot be read.'));
            }
            reject(Object.assign(new Error(stderr.trim() || error.message), { gitFailed: true }));
        });
    });
}

/** The top folder of the git repository `cwd` is in. */
export async function repositoryRoot(cwd: string): Promise<string> {
    try {
        return realpathSync((await runGit(['rev-parse', '--show-toplevel'], cwd)).trim());
    } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`${cwd} is not inside a git repository, so there is no revision to compare with. Compare two folders instead: remit diff OLD NEW.`);
    }
}

/** The commit a revision (branch, tag, HEAD~1, a hash) names; an InputError when there is none. */
export async function resolveRevision(root: string, revision: string): Promise<string> {
    if (revision === '' || revision.startsWith('-')) throw new InputError(`'${revision}' is not a revision. Give a branch, a tag or a commit, such as HEAD or main.`);
    try {
        return (await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root)).trim();
    } catch (err) {
        if (err instanceof InputError) throw err;
        const hint = revision === 'HEAD' ? ' A new repository has no HEAD until its first commit.' : ' Check the name with: git log --oneline';
        throw new InputError(`'${revision}' is not a commit, branch or tag in this repository (${root}).${hint}`);
    }
}

/** Folders the working-tree search skips too (see workspace/find-files.ts). */
const SKIPPED = new Set(['node_modules', 'dist', 'out']);

/** The `.remit` files of a commit under the given paths (relative to the repository root). */
export async function remitFilesAt(root: string, commit: string, paths: readonly string[]): Promise<string[]> {
    const spec = paths.filter(p => p !== '' && p !== '.');
    const out = await runGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...(spec.length > 0 && spec.length === paths.length ? spec : [])], root);
    return out.split('\0').filter(name => name.endsWith('.remit') && !name.split('/').some(part => part.startsWith('.') || SKIPPED.has(part))).sort();
}

/** A file's text as it was at a commit. */
export async function fileAt(root: string, commit: string, file: string): Promise<string> {
    try {
        return await runGit(['show', `${commit}:${file}`], root);
    } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`${file} cannot be read at ${commit.slice(0, 12)}: ${(err as Error).message}`);
    }
}

/** A path given on the command line, relative to the repository root with forward slashes. */
export function repositoryPath(root: string, cwd: string, given: string): string {
    const absolute = path.resolve(cwd, given);
    let real = absolute;
    try {
        real = realpathSync(absolute);
    } catch {
        // A path deleted from the working tree still names files in old revisions.
        try {
            real = path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
        } catch { /* keep it as given */ }
    }
    const relative = path.relative(root, real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new InputError(`${given} is outside the git repository at ${root}.`);
    }
    return relative.split(path.sep).join('/');
}
