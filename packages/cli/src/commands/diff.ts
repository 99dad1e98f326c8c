import { Command, Option } from 'commander';
import {
    compareWithRevision, DEFAULT_CONFIG, diffChecked, FAIL_ON_VALUES, hasChange, InputError, loadConfig, openWorkspace, renderDiff,
    type AuthorityDiff, type DiffFormat, type FailOn
} from '@remit/language';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../output/paths.js';
import { writeStdout } from '../output/write.js';

/** `--fail-on transfer,veto`: the kinds, each checked against the list; an unknown one is an InputError. */
function parseFailOn(value: string): FailOn[] {
    const kinds = value.split(',').map(k => k.trim()).filter(k => k !== '');
    for (const kind of kinds) {
        if (!(FAIL_ON_VALUES as readonly string[]).includes(kind)) {
            throw new InputError(`--fail-on: '${kind}' is not a kind of change. Use one or more of ${FAIL_ON_VALUES.join(', ')}, separated by commas (such as --fail-on transfer,veto).`);
        }
    }
    if (kinds.length === 0) throw new InputError(`--fail-on needs a kind of change: ${FAIL_ON_VALUES.join(', ')}.`);
    return kinds as FailOn[];
}

/** The remit.json nearest to a file or folder; one that cannot be used is noted, not fatal. */
async function nearestConfig(target: string): Promise<{ config?: Awaited<ReturnType<typeof loadConfig>>; error?: string }> {
    const folder = existsSync(target) && statSync(target).isFile() ? path.dirname(target) : target;
    try {
        return { config: await loadConfig(folder) };
    } catch (err) {
        if (err instanceof InputError) return { error: err.message };
        throw err;
    }
}

/**
 * `remit diff OLD NEW` and `remit diff --rev REV [paths]`: what changed in authority, not in
 * text. Exit 0, or 1 when `--fail-on` finds its kind of change; 2 for unusable input.
 */
export function registerDiff(program: Command): void {
    program.command('diff')
        .description('Show what changed in authority between two versions of the maps. Exit 1 when --fail-on finds such a change; 2: unusable input.')
        .argument('[paths...]', 'OLD and NEW (files or folders); with --rev, the files or folders to compare (default: this folder)', [])
        .option('-r, --rev <revision>', 'compare the working tree with a git revision (HEAD, main, a tag), or two revisions: REV1..REV2')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
        .addOption(new Option('--by <grouping>', 'text: list the changes per role and team').choices(['role']))
        .option('--fail-on <changes>', `exit 1 when the diff holds such a change: ${FAIL_ON_VALUES.join(', ')} (comma-separated)`)
        .option('--max-length <chars>', 'Markdown: the most characters to write (default 60000, under GitHub\'s comment limit)')
        .option('-c, --config <file>', 'rule settings for both versions (default: each version\'s own remit.json)')
        .action(async (paths: string[], options: { rev?: string; format: DiffFormat; by?: 'role'; failOn?: string; maxLength?: string; config?: string }) => {
            const cwd = process.cwd();
            const failOn = options.failOn !== undefined ? parseFailOn(options.failOn) : undefined;
            const maxLength = options.maxLength !== undefined ? Number(options.maxLength) : undefined;
            if (maxLength !== undefined && !(Number.isInteger(maxLength) && maxLength >= 1000)) {
                throw new InputError(`--max-length must be a whole number of characters, 1000 or more; got '${options.maxLength}'.`);
            }
            const explicit = options.config !== undefined ? await loadConfig(cwd, options.config) : undefined;
            const render = { displayPath: (uri: string) => displayPath(uri, cwd), byRole: options.by === 'role', ...(maxLength ? { maxLength } : {}) };
            let diff: AuthorityDiff;
            if (options.rev !== undefined) {
                diff = (await compareWithRevision({ cwd, paths, revision: options.rev, ...(explicit ? { config: explicit } : {}) })).diff;
            } else {
                if (paths.length !== 2) {
                    throw new InputError(`remit diff needs two versions to compare: remit diff OLD NEW (files or folders), or remit diff --rev REV to compare with git. Got ${paths.length === 0 ? 'none' : paths.join(' ')}.`);
                }
                // Each side with the remit.json nearest to it (or --config for both), as remit check would.
                const sides = await Promise.all(paths.map(async p => {
                    const settings = explicit ? { config: explicit } : await nearestConfig(path.resolve(cwd, p));
                    const workspace = await openWorkspace([p], { cwd, config: settings.config ?? DEFAULT_CONFIG });
                    return { workspace, side: { label: p, config: settings.config ?? DEFAULT_CONFIG, ...(settings.error ? { configError: { message: settings.error } } : {}) } };
                }));
                diff = diffChecked(sides[0].workspace, sides[1].workspace, { before: sides[0].side, after: sides[1].side });
            }
            await writeStdout(renderDiff(diff, options.format, render));
            process.exitCode = failOn && hasChange(diff, failOn) ? 1 : 0;
        });
}
