import { Command, Option } from 'commander';
import {
    compareWithRevision, diffChecked, hasChange, InputError, loadConfig, openWorkspace, renderDiff,
    type AuthorityDiff, type DiffFormat, type FailOn
} from '@remit/language';
import { displayPath } from '../output/paths.js';
import { writeStdout } from '../output/write.js';

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
        .addOption(new Option('--fail-on <change>', 'exit 1 when the diff holds such a change').choices(['transfer', 'removal', 'any']))
        .option('-c, --config <file>', 'rule settings for the problem lists (default: the nearest remit.json)')
        .action(async (paths: string[], options: { rev?: string; format: DiffFormat; failOn?: FailOn; config?: string }) => {
            const cwd = process.cwd();
            const config = await loadConfig(cwd, options.config);
            const render = { displayPath: (uri: string) => displayPath(uri, cwd) };
            let diff: AuthorityDiff;
            if (options.rev !== undefined) {
                diff = (await compareWithRevision({ cwd, paths, revision: options.rev, config })).diff;
            } else {
                if (paths.length !== 2) {
                    throw new InputError(`remit diff needs two versions to compare: remit diff OLD NEW (files or folders), or remit diff --rev REV to compare with git. Got ${paths.length === 0 ? 'none' : paths.join(' ')}.`);
                }
                const [before, after] = await Promise.all(paths.map(p => openWorkspace([p], { cwd, config })));
                diff = diffChecked(before, after);
            }
            await writeStdout(renderDiff(diff, options.format, render));
            process.exitCode = options.failOn && hasChange(diff, options.failOn) ? 1 : 0;
        });
}
