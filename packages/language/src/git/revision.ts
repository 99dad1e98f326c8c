import * as path from 'node:path';
import { URI } from 'langium';
import { fileAt, remitFilesAt, repositoryPath, repositoryRoot, resolveRevision } from './git.js';

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
    const sources: SourceText[] = [];
    for (const file of files) {
        sources.push({ uri: URI.file(path.join(selection.root, file)).toString(), text: await fileAt(selection.root, selection.commit, file) });
    }
    return sources;
}

/** Splits `A..B` into its two revisions; a single revision gives undefined for the second. */
export function splitRange(revision: string): [string, string | undefined] {
    const at = revision.indexOf('..');
    if (at < 0) return [revision, undefined];
    const first = revision.slice(0, at);
    const second = revision.slice(at + 2).replace(/^\./, '');
    return [first || 'HEAD', second || 'HEAD'];
}
