import * as path from 'node:path';
import { URI } from 'langium';
import { InputError } from '../workspace/input-error.js';
import { readObjects, remitFilesAt, repositoryPath, repositoryRoot, resolveRevision, runGit } from './git.js';

export interface SourceText {
    uri: string;
    text: string;
}

/** Where a revision's files live: the repository, the commit and the paths asked for. */
export interface RevisionSelection {
    root: string;
    commit: string;
    /** Paths relative to the repository root ('' for all of it). */
    paths: string[];
}

/** Resolves a revision and paths given relative to `cwd` (no paths: the folder `cwd`). */
export async function selectRevision(revision: string, paths: readonly string[], cwd: string): Promise<RevisionSelection> {
    const root = await repositoryRoot(cwd);
    const commit = await resolveRevision(root, revision);
    const given = paths.length > 0 ? paths : ['.'];
    return { root, commit, paths: given.map(p => repositoryPath(root, cwd, p)) };
}

/**
 * The `.remit` files of a revision, as text. Each gets the URI its file has in the working
 * tree, so problems found in the old version point at the file a reviewer knows.
 */
export async function readRevision(selection: RevisionSelection): Promise<SourceText[]> {
    const files = await remitFilesAt(selection.root, selection.commit, selection.paths);
    const texts = await readObjects(selection.root, files.map(f => f.blob));
    return files.map((f, i) => ({ uri: URI.file(path.join(selection.root, f.file)).toString(), text: texts[i] ?? '' }));
}

/**
 * The remit.json a revision would be checked with: the nearest one from the folder `cwd`
 * stands for, upwards to the repository root, as it was in that commit.
 */
export async function configAt(selection: RevisionSelection, cwd: string): Promise<{ file: string; text: string } | undefined> {
    const start = repositoryPath(selection.root, cwd, '.');
    const folders: string[] = [];
    for (let dir = start === '' ? '' : start; ; dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') {
        folders.push(dir);
        if (dir === '') break;
    }
    const files = folders.map(dir => (dir === '' ? 'remit.json' : `${dir}/remit.json`));
    const texts = await readObjects(selection.root, files.map(file => `${selection.commit}:${file}`));
    const found = texts.findIndex(t => t !== undefined);
    return found < 0 ? undefined : { file: files[found], text: texts[found]! };
}

/**
 * Splits `A..B` into its two revisions (a missing side is HEAD); a single revision gives
 * undefined for the second. `A...B` is marked `mergeBase`: compare B with where it left A.
 */
export function splitRange(revision: string): { first: string; second?: string; mergeBase: boolean } {
    const at = revision.indexOf('..');
    if (at < 0) return { first: revision, mergeBase: false };
    const threeDots = revision.startsWith('...', at);
    const first = revision.slice(0, at);
    const second = revision.slice(at + (threeDots ? 3 : 2));
    return { first: first || 'HEAD', second: second || 'HEAD', mergeBase: threeDots };
}

/** The commit where `second` branched from `first` (for `A...B`). */
export async function mergeBase(first: string, second: string, cwd: string): Promise<string> {
    const root = await repositoryRoot(cwd);
    const [a, b] = [await resolveRevision(root, first), await resolveRevision(root, second)];
    try {
        return (await runGit(['merge-base', a, b], root)).trim();
    } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`${first} and ${second} have no commit in common, so ${first}...${second} means nothing. Use two dots: ${first}..${second}`);
    }
}
