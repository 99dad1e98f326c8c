/**
 * The reproductions of "never fail, never lose" (issue 14), each run as a user runs it: the
 * built `remit` in a child process, on files in a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/remit.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../examples', import.meta.url));

interface Run { code: number | null; stdout: Buffer; stderr: string }

function remit(args: string[], cwd: string, input?: Buffer | string): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, REMIT_DEBUG: '', NO_COLOR: '1' } });
        const out: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', chunk => out.push(chunk as Buffer));
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout: Buffer.concat(out), stderr }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}

let dir: string;
const write = (name: string, text: string | Buffer) => { writeFileSync(path.join(dir, name), text); return name; };
const noBug = (run: Run) => {
    expect(run.stderr).not.toMatch(/something went wrong|Maximum call stack|\n\s+at /);
    expect(run.stderr).not.toMatch(/\bundefined\b|\bnull\b/);
};

beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'remit-robust-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsing never fails, at any depth or length', () => {
    const deep = 'map Nest\n' + 'domain D {\n'.repeat(250);
    const nested = 'map Nest\n' + 'domain D {\n'.repeat(400) + '}\n'.repeat(400);
    const repeated = 'map R\nuses School\nrole X\ndomain D {\n decision Y {' + ' decide ""'.repeat(5373) + ' }\n}\n';
    const soup = 'map R\n' + 'role '.repeat(3000) + '\n' + '} '.repeat(3000);

    test.each([['deep', deep], ['nested', nested], ['repeated', repeated], ['soup', soup]])('%s: check reports syntax errors, not a crash', async (name, text) => {
        const file = write(`${name}.remit`, text);
        const run = await remit(['check', file], dir);
        noBug(run);
        expect(run.code).toBe(1);
        expect(run.stdout.toString()).toContain('syntax-error');
    });

    test('too deep nesting is named with its line', async () => {
        const run = await remit(['check', write('deep2.remit', deep)], dir);
        expect(run.stdout.toString()).toMatch(/deep2\.remit:52:\d+ error syntax-error Blocks are nested too deeply here/);
    });

    test.each(['fmt', 'textconv'])('%s survives the deepest map', async command => {
        const run = await remit([command, write(`deep-${command}.remit`, deep)], dir);
        noBug(run);
        expect(run.code === 0 || run.code === 1).toBe(true);
    });

    test('generate and diff survive it too', async () => {
        const file = write('deep-gen.remit', deep);
        noBug(await remit(['generate', 'json', file, '--out', path.join(dir, 'out-deep')], dir));
        noBug(await remit(['diff', file, write('deep-other.remit', nested)], dir));
    });

    test('fmt --stdin prints its input back unchanged when it cannot format it', async () => {
        const run = await remit(['fmt', '--stdin'], dir, deep);
        noBug(run);
        expect(run.code).toBe(1);
        expect(run.stdout.toString()).toBe(deep);
    });
});

describe('input is never damaged', () => {
    const latin1 = Buffer.concat([Buffer.from('map  L "Jos'), Buffer.from([0xe9]), Buffer.from('"  // Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);

    test('fmt refuses to write a file that is not UTF-8, and says where', async () => {
        const file = write('latin1.remit', latin1);
        const run = await remit(['fmt', file], dir);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('latin1.remit:1:12:');
        expect(run.stderr).toContain('0xE9');
        expect(run.stdout.toString()).not.toContain('formatted');
        expect(readFileSync(path.join(dir, file)).equals(latin1)).toBe(true);
    });

    test('check reports invalid-encoding at the first bad byte', async () => {
        const run = await remit(['check', write('latin1b.remit', latin1)], dir);
        expect(run.code).toBe(1);
        expect(run.stdout.toString()).toMatch(/latin1b\.remit:1:12 error invalid-encoding .*0xE9/);
    });

    test('fmt --stdin gives bytes that are not UTF-8 back byte for byte', async () => {
        const run = await remit(['fmt', '--stdin'], dir, latin1);
        expect(run.code).toBe(1);
        expect(run.stdout.equals(latin1)).toBe(true);
    });

    test('a named pipe is refused without being read', async () => {
        execFileSync('mkfifo', [path.join(dir, 'pipe.remit')]);
        for (const command of ['check', 'fmt', 'textconv']) {
            const run = await remit([command, 'pipe.remit'], dir);
            expect(run.code).toBe(2);
            expect(run.stderr).toBe('remit: pipe.remit: is not a regular file (it is a named pipe), so it was not read. Give the path of a .remit file.\n');
        }
    });

    test('a device named .remit is refused, and a map above the size limit too', async () => {
        symlinkSync('/dev/zero', path.join(dir, 'zero.remit'));
        const run = await remit(['check', 'zero.remit'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('zero.remit: is not a regular file (it is a device)');
        const big = mkdtempSync(path.join(dir, 'big-'));
        writeFileSync(path.join(big, 'remit.json'), '{ "maxFileSize": 0.001 }');
        writeFileSync(path.join(big, 'big.remit'), 'map Big\n' + '// padding\n'.repeat(200));
        const limited = await remit(['check', 'big.remit'], big);
        expect(limited.code).toBe(2);
        expect(limited.stderr).toMatch(/^remit: big\.remit: is 2 KB, larger than the 1 KB a map may be\. .*"maxFileSize" in remit\.json\.\n$/);
    });
});

describe('every OS error is one plain sentence', () => {
    test('a symbolic link loop is called one', async () => {
        symlinkSync('loop-b.remit', path.join(dir, 'loop-a.remit'));
        symlinkSync('loop-a.remit', path.join(dir, 'loop-b.remit'));
        const run = await remit(['check', 'loop-a.remit'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('remit: loop-a.remit: cannot be read (it is a symbolic link that leads back to itself).\n');
    });

    test('a read-only output folder is named, without ENOENT or EROFS', async () => {
        if (process.getuid?.() === 0) return; // root writes anywhere: nothing to refuse
        const locked = path.join(dir, 'locked');
        mkdirSync(locked);
        chmodSync(locked, 0o500);
        const run = await remit(['generate', 'json', path.join(EXAMPLES, 'lakeside'), '--out', path.join(locked, 'inner')], dir);
        chmodSync(locked, 0o700);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/cannot be created \(permission denied\)\.\n$/);
        expect(run.stderr).not.toMatch(/ENOENT|EACCES|EROFS|mkdir/);
    });

    test('| head closes the pipe: remit stops quietly', async () => {
        const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
            const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" generate json "${EXAMPLES}" | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS:-done}" >&2`], { cwd: dir });
            let stderr = '';
            child.stderr.on('data', c => { stderr += c; });
            child.on('error', reject);
            child.on('close', code => resolve({ code, stderr }));
        });
        expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |something went wrong/);
    });
});

describe('temporary files', () => {
    test('leftovers of a killed run are removed by the next write', async () => {
        const folder = mkdtempSync(path.join(dir, 'tmp-'));
        writeFileSync(path.join(folder, 'm.remit'), 'map   M\n');
        // A writer that no longer runs: a process id that cannot exist.
        writeFileSync(path.join(folder, '.m.remit.remit-99999999-abcdef012345.tmp'), 'half');
        const run = await remit(['fmt', 'm.remit'], folder);
        expect(run.code).toBe(0);
        expect(readdirSync(folder).sort()).toEqual(['m.remit']);
        expect(readFileSync(path.join(folder, 'm.remit'), 'utf8')).toBe('map M\n');
    });
});

describe('slow paths and crashes in the generators', () => {
    test('a keyword used as a name draws a diagram without a crash', async () => {
        const file = write('kw.remit', 'map M\nuses School\nrole R\ndomain from "x" {\n decision X { decide R }\n}\n');
        const run = await remit(['generate', 'diagram', file, '--out', path.join(dir, 'out-kw')], dir);
        noBug(run);
        expect(run.code).toBe(0);
        expect(existsSync(path.join(dir, 'out-kw', 'm.svg'))).toBe(true);
    });
});
