import { execFile, spawn } from 'node:child_process';
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

/** The `.remit` files of a commit under the given paths (relative to the repository root), with their blob ids. */
export async function remitFilesAt(root: string, commit: string, paths: readonly string[]): Promise<Array<{ file: string; blob: string }>> {
    const spec = paths.filter(p => p !== '' && p !== '.');
    const out = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(spec.length > 0 && spec.length === paths.length ? spec : [])], root);
    return out.split('\0').flatMap(entry => {
        // "<mode> <type> <object>\t<path>"
        const tab = entry.indexOf('\t');
        if (tab < 0) return [];
        const [, type, blob] = entry.slice(0, tab).split(' ');
        const file = entry.slice(tab + 1);
        if (type !== 'blob' || !file.endsWith('.remit') || file.split('/').some(part => part.startsWith('.') || SKIPPED.has(part))) return [];
        return [{ file, blob }];
    }).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Reads many objects through one `git cat-file --batch` process (one process for a whole
 * revision instead of one `git show` per file). Each name is an object id or `commit:path`;
 * the answer has undefined for a name git does not have.
 */
export function readObjects(root: string, names: readonly string[]): Promise<Array<string | undefined>> {
    if (names.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        child.on('error', err => {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(new InputError('git is not installed (or not on the PATH), so old versions of the maps cannot be read.'));
            else reject(err);
        });
        child.on('close', code => {
            if (code !== 0) return reject(new InputError(`git could not read the files of this revision: ${stderr.trim() || `git cat-file exited with ${code}`}`));
            const out = Buffer.concat(chunks);
            const results: Array<string | undefined> = [];
            let at = 0;
            for (let i = 0; i < names.length; i++) {
                const end = out.indexOf(0x0a, at);
                if (end < 0) return reject(new InputError('git cat-file gave a shorter answer than asked for; try again.'));
                const header = out.toString('utf8', at, end);
                at = end + 1;
                if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
                    results.push(undefined);
                    continue;
                }
                const size = Number(header.split(' ')[2]);
                results.push(out.toString('utf8', at, at + size));
                at += size + 1;
            }
            resolve(results);
        });
        child.stdin.on('error', () => { /* git exited early; 'close' reports it */ });
        child.stdin.end(names.map(n => `${n}\n`).join(''));
    });
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
