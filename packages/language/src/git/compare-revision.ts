import type { RemitConfig } from '../config/remit-config.js';
import { diffWorkspaces } from '../diff/compare.js';
import { renderDiff, type RenderOptions } from '../diff/render.js';
import type { AuthorityDiff } from '../diff/types.js';
import { checkSources, loadConfig, openWorkspace, type RemitWorkspace } from '../workspace/open-workspace.js';
import { mergeBase, readRevision, selectRevision, splitRange, type SourceText } from './revision.js';

/** Checks both versions as `remit check` would and compares them by meaning. */
export async function diffSources(before: readonly SourceText[], after: readonly SourceText[], config?: RemitConfig): Promise<AuthorityDiff> {
    return diffChecked(await checkSources(before, config), await checkSources(after, config));
}

export function diffChecked(before: RemitWorkspace, after: RemitWorkspace): AuthorityDiff {
    return diffWorkspaces(
        { model: before.model, diagnostics: before.diagnostics },
        { model: after.model, diagnostics: after.diagnostics }
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
    config?: RemitConfig;
    /** Link the Markdown's element names and problem lines to where they are written now (`file:///…#L12`). */
    links?: boolean;
}

/**
 * What changed in authority since a revision: the working tree (or `current`) against
 * `revision`, or one revision against another. This is what "Remit: Compare with HEAD"
 * shows; `markdown` is ready for a preview or a pull request comment.
 */
export async function compareWithRevision(options: RevisionCompareOptions, render: RenderOptions = {}): Promise<{ diff: AuthorityDiff; markdown: string; text: string }> {
    const paths = options.paths ?? [];
    const config = options.config ?? await loadConfig(options.cwd);
    const range = splitRange(options.revision ?? 'HEAD');
    const first = range.mergeBase && range.second ? await mergeBase(range.first, range.second, options.cwd) : range.first;
    const second = range.second;
    const before = await readRevision(await selectRevision(first, paths, options.cwd));
    let after: RemitWorkspace;
    if (second !== undefined) {
        after = await checkSources(await readRevision(await selectRevision(second, paths, options.cwd)), config);
    } else if (options.current) {
        after = await checkSources(await withOverrides(paths, options.cwd, options.current), config);
    } else {
        after = await openWorkspace(paths, { cwd: options.cwd, config });
    }
    const diff = diffChecked(await checkSources(before, config), after);
    const link = render.link ?? (options.links ? elementLinks(after) : undefined);
    return { diff, markdown: renderDiff(diff, 'md', { ...render, link }), text: renderDiff(diff, 'text', render) };
}

/** The working tree's files with the given texts in place of what is on disk. */
async function withOverrides(paths: readonly string[], cwd: string, current: readonly SourceText[]): Promise<SourceText[]> {
    const onDisk = await openWorkspace(paths, { cwd });
    const sources = new Map(onDisk.documents.map(d => [d.uri.toString(), d.textDocument.getText()]));
    for (const source of current) sources.set(source.uri, source.text);
    return [...sources].map(([uri, text]) => ({ uri, text }));
}

/** Links to where each element (and each problem's line) is written in the current maps, as editors open them. */
function elementLinks(after: RemitWorkspace): NonNullable<RenderOptions['link']> {
    const model = after.model;
    return target => {
        // Only files on disk can be opened; an element only in the old revision has no place now.
        const at = (uri: string, line: number) => uri.startsWith('file:') ? `${uri}#L${line}` : undefined;
        if ('uri' in target) return at(target.uri, target.line);
        const location = model.decision(target.element)?.location ?? model.holder(target.element)?.location ?? model.map(target.element)?.location;
        return location ? at(location.uri, location.range.start.line + 1) : undefined;
    };
}
