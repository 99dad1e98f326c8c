import { DEFAULT_CONFIG, RemitConfigError, parseRemitConfig, type RemitConfig } from '../config/remit-config.js';
import { diffWorkspaces, type DiffSide } from '../diff/compare.js';
import { renderDiff, type RenderOptions } from '../diff/render.js';
import type { AuthorityDiff } from '../diff/types.js';
import { InputError } from '../workspace/input-error.js';
import { checkSources, loadConfig, openWorkspace, type RemitWorkspace } from '../workspace/open-workspace.js';
import { configAt, mergeBase, readRevision, selectRevision, splitRange, type RevisionSelection, type SourceText } from './revision.js';
import { URI } from 'langium';
import * as path from 'node:path';

/** Checks both versions as `remit check` would and compares them by meaning. */
export async function diffSources(before: readonly SourceText[], after: readonly SourceText[], config?: RemitConfig): Promise<AuthorityDiff> {
    return diffChecked(await checkSources(before, config), await checkSources(after, config));
}

/** Two checked versions compared; `labels` name them in notes ("HEAD~1", "the working tree"). */
export function diffChecked(
    before: RemitWorkspace, after: RemitWorkspace,
    extra: { before?: Partial<DiffSide>; after?: Partial<DiffSide> } = {}
): AuthorityDiff {
    return diffWorkspaces(
        { label: 'the old version', ...extra.before, model: before.model, diagnostics: before.diagnostics },
        { label: 'the new version', ...extra.after, model: after.model, diagnostics: after.diagnostics }
    );
}

export interface RevisionCompareOptions {
    /** The folder paths are relative to; inside the git repository. */
    cwd: string;
    /** Files or folders (default: `cwd`). */
    paths?: readonly string[];
    /** `REV` (compared with the working tree), `REV1..REV2`, or `REV1...REV2` (from their merge base); default HEAD. */
    revision?: string;
    /** The current text of open files, when it differs from the disk (an editor's unsaved changes). */
    current?: readonly SourceText[];
    /**
     * Rule settings for both versions. Left out, each version is checked with its own
     * remit.json (read from that revision), so a change of settings shows as a change.
     */
    config?: RemitConfig;
}

/** A side's rule settings: the given ones, or its own remit.json; one that cannot be used is noted, never fatal. */
interface SideConfig {
    config: RemitConfig | undefined;
    error?: DiffSide['configError'];
}

async function revisionConfig(selection: RevisionSelection, cwd: string, label: string): Promise<SideConfig> {
    const found = await configAt(selection, cwd);
    if (!found) return { config: undefined };
    try {
        return { config: parseRemitConfig(found.text, `${found.file} at ${label}`) };
    } catch (err) {
        if (!(err instanceof RemitConfigError)) throw err;
        return { config: undefined, error: { uri: URI.file(path.join(selection.root, found.file)).toString(), line: err.line, message: err.detail } };
    }
}

async function workingTreeConfig(cwd: string): Promise<SideConfig> {
    try {
        return { config: await loadConfig(cwd) };
    } catch (err) {
        if (!(err instanceof InputError)) throw err;
        return { config: undefined, error: { message: err.message } };
    }
}

/**
 * What changed in authority since a revision: the working tree (or `current`) against
 * `revision`, or one revision against another. This is what "Remit: Compare with HEAD"
 * shows; `markdown` is ready for a preview or a pull request comment.
 */
export async function compareWithRevision(options: RevisionCompareOptions, render: RenderOptions = {}): Promise<{ diff: AuthorityDiff; markdown: string; text: string }> {
    const paths = options.paths ?? [];
    const range = splitRange(options.revision ?? 'HEAD');
    const first = range.mergeBase && range.second ? await mergeBase(range.first, range.second, options.cwd) : range.first;
    const second = range.second;
    const beforeLabel = range.mergeBase && range.second ? `the merge base of ${range.first} and ${range.second}` : range.first;
    const beforeSelection = await selectRevision(first, paths, options.cwd);
    const [beforeSources, beforeConfig] = await Promise.all([
        readRevision(beforeSelection),
        options.config ? { config: options.config } as SideConfig : revisionConfig(beforeSelection, options.cwd, beforeLabel)
    ]);
    let after: RemitWorkspace;
    let afterConfig: SideConfig;
    let afterLabel: string;
    if (second !== undefined) {
        afterLabel = second;
        const selection = await selectRevision(second, paths, options.cwd);
        const [sources, config] = await Promise.all([
            readRevision(selection),
            options.config ? { config: options.config } as SideConfig : revisionConfig(selection, options.cwd, second)
        ]);
        afterConfig = config;
        after = await checkSources(sources, afterConfig.config);
    } else {
        afterLabel = options.current ? 'the editor' : 'the working tree';
        afterConfig = options.config ? { config: options.config } : await workingTreeConfig(options.cwd);
        after = options.current
            ? await checkSources(await withOverrides(paths, options.cwd, options.current), afterConfig.config)
            : await openWorkspace(paths, { cwd: options.cwd, config: afterConfig.config ?? DEFAULT_CONFIG });
    }
    const before = await checkSources(beforeSources, beforeConfig.config);
    const diff = diffChecked(before, after, {
        before: { label: beforeLabel, config: beforeConfig.config ?? DEFAULT_CONFIG, ...(beforeConfig.error ? { configError: beforeConfig.error } : {}) },
        after: { label: afterLabel, config: afterConfig.config ?? DEFAULT_CONFIG, ...(afterConfig.error ? { configError: afterConfig.error } : {}) }
    });
    return { diff, markdown: renderDiff(diff, 'md', render), text: renderDiff(diff, 'text', render) };
}

/** The working tree's files with the given texts in place of what is on disk. */
async function withOverrides(paths: readonly string[], cwd: string, current: readonly SourceText[]): Promise<SourceText[]> {
    const onDisk = await openWorkspace(paths, { cwd });
    const sources = new Map(onDisk.documents.map(d => [d.uri.toString(), d.textDocument.getText()]));
    for (const source of current) sources.set(source.uri, source.text);
    return [...sources].map(([uri, text]) => ({ uri, text }));
}
