import * as path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '@remit/language';
import { promises as fs } from 'node:fs';
import { writeStdout } from '../output/write.js';

export function registerNew(program: Command): void {
    program.command('new')
        .description('Start your school\'s map from a starter: a kind of school, or a blank map per scheme. Run without a starter to list them. Asks for the school\'s name and title when run in a terminal without --name and --title.')
        .argument('[template]', 'the starter to begin from')
        .argument('[dir]', 'folder to create the map in (created if missing)', '.')
        .option('-n, --name <name>', 'the map\'s name (for example Oakdale); also names the file')
        .option('-t, --title <title>', 'the map\'s title (for example "Oakdale Elementary School")')
        .action(async (template: string | undefined, dir: string, options: { name?: string; title?: string }) => {
            // Loaded here, not at start-up: `check` and the other commands need no generators.
            const { STARTERS, createNewFile, findStarter, instantiateStarter } = await import('@remit/generators');
            if (template === undefined) {
                const width = Math.max(...STARTERS.map(s => s.name.length));
                await writeStdout(`Starters for remit new STARTER [dir] --name NAME --title "TITLE":\n${STARTERS.map(s => `  ${s.name.padEnd(width)}  ${s.label}\n  ${''.padEnd(width)}  ${s.description}`).join('\n')}\n`);
                return;
            }
            const cwd = process.cwd();
            const starter = findStarter(template);
            let { name, title } = options;
            if ((name === undefined || title === undefined) && process.stdin.isTTY && process.stdout.isTTY) {
                ({ name, title } = await ask(name, title, starter.titleSuffix));
            }
            const files = await instantiateStarter(template, name, title);
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

/** Asks in the terminal for what --name and --title leave out; Enter takes the suggestion in brackets. */
async function ask(name: string | undefined, title: string | undefined, suffix: string): Promise<{ name?: string; title?: string }> {
    const { createInterface } = await import('node:readline/promises');
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    // Ctrl+C or Ctrl+D at a question: stop, having written nothing.
    const stop = new AbortController();
    terminal.on('SIGINT', () => stop.abort());
    terminal.on('close', () => stop.abort());
    const question = async (text: string): Promise<string> => {
        try {
            return (await terminal.question(text, { signal: stop.signal })).trim();
        } catch (error) {
            if (stop.signal.aborted) {
                throw new InputError('stopped before the questions were answered; nothing was written. Run remit new again, or give --name and --title.');
            }
            throw error;
        }
    };
    try {
        if (title === undefined) {
            const answer = await question(`Your school's full name, as the charter should show it (for example Oakdale ${suffix}): `);
            title = answer || undefined;
        }
        if (name === undefined) {
            const suggestion = title ? identifierFrom(title) : undefined;
            const answer = await question(`A short name for the map, one word used in file names and references${suggestion ? ` [${suggestion}]` : ' (for example Oakdale)'}: `);
            name = answer || suggestion;
        }
        return { name, title };
    } finally {
        terminal.close();
    }
}

/** "Oakdale Elementary School" → "Oakdale": the first word, as a name. */
function identifierFrom(title: string): string | undefined {
    const word = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9_-]+/).find(w => /^[A-Za-z]/.test(w));
    return word ? word.charAt(0).toUpperCase() + word.slice(1) : undefined;
}
