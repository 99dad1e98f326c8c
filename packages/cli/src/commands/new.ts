import * as path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '@remit/language';
import { promises as fs } from 'node:fs';
import { writeStdout } from '../output/write.js';

export function registerNew(program: Command): void {
    program.command('new')
        .description('Start a map from a template: a case-study school or a blank map per scheme. Run without a template to list them.')
        .argument('[template]', 'the starter to copy')
        .argument('[dir]', 'folder to create the map in (created if missing)', '.')
        .option('-n, --name <name>', 'the map\'s name (for example Oakdale); also names the file')
        .option('-t, --title <title>', 'the map\'s title (for example "Oakdale Elementary School")')
        .action(async (template: string | undefined, dir: string, options: { name?: string; title?: string }) => {
            // Loaded here, not at start-up: `check` and the other commands need no generators.
            const { STARTERS, createNewFile, instantiateStarter } = await import('@remit/generators');
            if (template === undefined) {
                const width = Math.max(...STARTERS.map(s => s.name.length));
                await writeStdout(`Templates for remit new TEMPLATE [dir] --name NAME:\n${STARTERS.map(s => `  ${s.name.padEnd(width)}  ${s.description}`).join('\n')}\n`);
                return;
            }
            const cwd = process.cwd();
            const files = await instantiateStarter(template, options.name, options.title);
            const folder = path.resolve(cwd, dir);
            // Check every target first, so nothing is half created.
            for (const file of files) {
                const target = path.join(folder, file.name);
                if (await fs.stat(target).then(() => true, () => false)) {
                    throw new InputError(`${path.relative(cwd, target) || target}: already exists and will not be overwritten. Choose another folder or --name.`);
                }
            }
            const written: string[] = [];
            for (const file of files) {
                const target = path.join(folder, file.name);
                await createNewFile(target, file.text);
                written.push(path.relative(cwd, target).split(path.sep).join('/'));
            }
            const shown = path.relative(cwd, folder).split(path.sep).join('/') || '.';
            await writeStdout(`Created ${written.join(', ')}.\nNext: make the roles and decisions your school's own, then run remit check ${shown}\n`);
        });
}
