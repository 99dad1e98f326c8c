import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { spawn as spawnPty } from '@lydell/node-pty';
import { describe, expect, it } from 'vitest';
import { REPO, scratchFolder } from './helpers.js';

/**
 * `remit new STARTER` run in a terminal asks for the school's title and the map's name:
 * the built command line in a real pseudo-terminal, answered as a principal types, and
 * the written map read back.
 */
const BIN = path.join(REPO, 'packages/cli/bin/remit.js');
const scratch = scratchFolder('remit-new-prompt-');

interface Exchange { prompt: RegExp; answer: string }

/**
 * Runs `remit ARGS` in a pseudo-terminal; each time the screen shows the next prompt, types
 * its answer and Enter (a control key such as Ctrl+C alone). Resolves with everything shown and the exit code.
 */
function inTerminal(args: string[], exchanges: Exchange[]): Promise<{ screen: string; exitCode: number; prompts: number }> {
    return new Promise((resolve, reject) => {
        const terminal = spawnPty(process.execPath, [BIN, ...args], {
            cwd: scratch(), cols: 200, rows: 40, env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } as Record<string, string>
        });
        let screen = '';
        let next = 0;
        let seenUpTo = 0;
        const timer = setTimeout(() => {
            terminal.kill();
            reject(new Error(`remit ${args.join(' ')} still waiting; the screen shows:\n${screen}`));
        }, 30_000);
        terminal.onData(data => {
            screen += data;
            const pending = exchanges[next];
            if (pending && pending.prompt.test(screen.slice(seenUpTo))) {
                seenUpTo = screen.length;
                next++;
                terminal.write(pending.answer.length === 1 && pending.answer < " " ? pending.answer : `${pending.answer}\r`);
            }
        });
        terminal.onExit(({ exitCode }) => {
            clearTimeout(timer);
            resolve({ screen: screen.replace(/\r\n/g, '\n'), exitCode, prompts: next });
        });
    });
}

function header(text: string): string {
    return text.split('\n').find(line => line.startsWith('map '))!;
}

describe('remit new in a terminal', () => {
    it('asks for the school\'s name and suggests the map\'s short name from it', async () => {
        const run = await inTerminal(['new', 'elementary-ilt', 'elm'], [
            { prompt: /Your school's full name, as the charter should show it \(for example Oakdale [^)]*\): $/, answer: 'Elm Street Primary School' },
            { prompt: /A short name for the map, one word used in file names and references \[Elm\]: $/, answer: '' }
        ]);
        expect(run.screen).toContain('Created elm/elm.remit.');
        expect(run.exitCode).toBe(0);
        expect(run.prompts).toBe(2);
        const text = await fs.readFile(path.join(scratch(), 'elm', 'elm.remit'), 'utf8');
        expect(header(text)).toBe('map Elm "Elm Street Primary School"');
        expect(text).toMatch(/^status draft\b/m);
        const check = spawnSync(process.execPath, [BIN, 'check', path.join(scratch(), 'elm'), '--format', 'json'], { encoding: 'utf8' });
        expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    }, 60_000);

    it('takes a typed short name over the suggestion, quotes in the title included', async () => {
        const run = await inTerminal(['new', 'high-school-departments', 'oak'], [
            { prompt: /Your school's full name[^:]*: $/, answer: 'Oak "Hill" Academy' },
            { prompt: /A short name for the map[^:]*\[Oak\]: $/, answer: 'OakHill' }
        ]);
        expect(run.screen).toContain('Created oak/oak-hill.remit.');
        expect(run.exitCode).toBe(0);
        const text = await fs.readFile(path.join(scratch(), 'oak', 'oak-hill.remit'), 'utf8');
        expect(header(text)).toBe('map OakHill "Oak \\"Hill\\" Academy"');
    }, 60_000);

    it('asks only for what --name and --title leave out', async () => {
        const run = await inTerminal(['new', 'elementary-ilt', 'birch', '--name', 'Birch'], [
            { prompt: /Your school's full name[^:]*: $/, answer: 'Birch Lane School' }
        ]);
        expect(run.exitCode).toBe(0);
        expect(run.screen).not.toContain('A short name for the map');
        expect(header(await fs.readFile(path.join(scratch(), 'birch', 'birch.remit'), 'utf8'))).toBe('map Birch "Birch Lane School"');

        const both = await inTerminal(['new', 'elementary-ilt', 'cedar', '--name', 'Cedar', '--title', 'Cedar Grove School'], []);
        expect(both.exitCode).toBe(0);
        expect(both.screen).not.toMatch(/full name|short name/);
        expect(header(await fs.readFile(path.join(scratch(), 'cedar', 'cedar.remit'), 'utf8'))).toBe('map Cedar "Cedar Grove School"');
    }, 60_000);

    for (const [key, label] of [['\x03', 'Ctrl+C'], ['\x04', 'Ctrl+D']]) {
        it(`${label} at a question stops with one line and writes nothing`, async () => {
            const run = await inTerminal(['new', 'elementary-ilt', `stopped-${key.charCodeAt(0)}`], [
                { prompt: /Your school's full name[^:]*: $/, answer: key }
            ]);
            expect(run.exitCode).toBe(2);
            expect(run.screen.trimEnd().split('\n').at(-1)).toBe('remit: stopped before the questions were answered; nothing was written. Run remit new again, or give --name and --title.');
            expect(run.screen).not.toMatch(/bug in remit|Warning|at .*\.js:/);
            await expect(fs.stat(path.join(scratch(), `stopped-${key.charCodeAt(0)}`))).rejects.toThrow();
        }, 60_000);
    }

    it('asks nothing when its input is not a terminal (a script), and still writes a map', async () => {
        const run = spawnSync(process.execPath, [BIN, 'new', 'elementary-ilt', 'piped'], { cwd: scratch(), input: 'Typed Into A Pipe\n', encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).not.toMatch(/full name|short name/);
        const files = await fs.readdir(path.join(scratch(), 'piped'));
        const text = await fs.readFile(path.join(scratch(), 'piped', files[0]), 'utf8');
        expect(text).not.toContain('Typed Into A Pipe');
        expect(text).toMatch(/^status draft\b/m);
    });
});
