import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The command line installed the ways a school's repository would install it: the packed
 * tarball (what npm publishes) into a fresh project and globally, and the repository's
 * folder as a development dependency. Nothing of this repository is on the path there.
 */
const cliFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(cliFolder, 'package.json'), 'utf8')) as {
    name: string; version: string; private?: boolean; bin: Record<string, string>; engines: { node: string }; files: string[];
    dependencies?: Record<string, string>;
};
const lakeside = readFileSync(path.resolve(cliFolder, '../../examples/lakeside/lakeside.remit'), 'utf8');
// Node 22 first on the path (this test runs on it), as on a machine that has it.
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
let work: string;
let tarball: string;

function run(command: string, args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function project(name: string): string {
    const folder = path.join(work, name);
    mkdirSync(path.join(folder, 'maps'), { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
    writeFileSync(path.join(folder, 'maps', 'lakeside.remit'), lakeside);
    return folder;
}

beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'remit-install-'));
    // --ignore-scripts: the bundle was built by `npm run build`; rebuilding it here would swap it under other tests.
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: cliFolder, env, encoding: 'utf8' });
    tarball = path.join(work, out.trim().split('\n').pop()!);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the remit-cli package', () => {
    test('is ready to publish: public, a bin, Node 22 in engines, only its own files, no dependencies to fetch', () => {
        expect(manifest.private).toBeUndefined();
        expect(manifest.bin.remit).toBe('./bin/remit.js');
        expect(manifest.engines.node).toBe('>=22');
        expect(manifest.dependencies ?? {}).toEqual({});
        const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
        expect(listed).toContain('package/bin/remit.js');
        expect(listed).toContain('package/dist/bundle/remit.js');
        expect(listed.some(f => f.startsWith('package/dist/generators/templates/'))).toBe(true);
        expect(listed.some(f => f.startsWith('package/dist/generators/starters/'))).toBe(true);
        expect(listed.filter(f => f.endsWith('.ts') || f.endsWith('.map'))).toEqual([]);
    });

    test('the docs install it by this name, pinned to this version, and never through a bare `npx remit` outside this repository', () => {
        const docs = ['../../README.md', '../../docs/cli.md', '../../docs/git.md', 'README.md'].map(f => readFileSync(path.resolve(cliFolder, f), 'utf8'));
        for (const text of docs) {
            const pins = [...text.matchAll(/remit-cli@(\d+\.\d+\.\d+)/g)].map(m => m[1]);
            expect(pins.length).toBeGreaterThan(0);
            expect(new Set(pins)).toEqual(new Set([manifest.version]));
        }
        const workflow = readFileSync(path.resolve(cliFolder, '../../docs/workflows/remit-review.yml'), 'utf8');
        expect(workflow).toContain(`REMIT_VERSION: ${manifest.version}`);
        expect(workflow).not.toMatch(/npx (--\S+ )*remit\b/);
    });

    test('installed from the packed tarball into a fresh project, `npx remit-cli check` and the generators work', () => {
        const folder = project('fresh');
        const install = run('npm', ['install', '--save-dev', '--prefer-offline', tarball], folder);
        expect(install.code, install.stderr).toBe(0);
        expect(readdirSync(path.join(folder, 'node_modules')).filter(n => !n.startsWith('.'))).toEqual(['remit-cli']);
        const check = run('npx', ['--no-install', 'remit-cli', 'check', 'maps'], folder);
        expect(check.stderr).toBe('');
        expect(check.stdout).toMatch(/^0 errors, \d+ warnings?, \d+ hints? in 1 file\n$/m);
        expect(check.code).toBe(0);
        const charter = run('npx', ['--no-install', 'remit', 'generate', 'charter', 'maps', '--out', 'out'], folder);
        expect(charter.code, charter.stderr).toBe(0);
        expect(readFileSync(path.join(folder, 'out', 'lakeside-charter.md'), 'utf8')).toContain('Set the professional development calendar');
        const starter = run('npx', ['--no-install', 'remit', 'new', 'blank-school', 'starter'], folder);
        expect(starter.code, starter.stderr).toBe(0);
        expect(existsSync(path.join(folder, 'starter'))).toBe(true);
    });

    test('installed globally from the tarball, `remit` runs from anywhere', () => {
        const prefix = path.join(work, 'global');
        const install = run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], work);
        expect(install.code, install.stderr).toBe(0);
        const bin = process.platform === 'win32' ? path.join(prefix, 'remit.cmd') : path.join(prefix, 'bin', 'remit');
        const version = run(bin, ['--version'], project('elsewhere'));
        expect(version.stdout.trim()).toBe(manifest.version);
        const check = run(bin, ['check', 'maps'], path.join(work, 'elsewhere'));
        expect(check.code, check.stderr).toBe(0);
    });

    test('installed from the repository\'s folder as a development dependency, `npx remit check` works', () => {
        const folder = project('from-path');
        const install = run('npm', ['install', '--save-dev', '--prefer-offline', cliFolder], folder);
        expect(install.code, install.stderr).toBe(0);
        const check = run('npx', ['--no-install', 'remit', 'check', 'maps'], folder);
        expect(check.code, check.stderr).toBe(0);
        expect(check.stdout).toMatch(/0 errors/);
    });

    // The machine's own Node (older than 22) where there is one; a skip says so otherwise.
    const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find(candidate => {
        if (!existsSync(candidate)) return false;
        const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
        return /^v(1\d|2[01])\./.test(version);
    });
    test.skipIf(!oldNode)('on Node older than 22, remit says in one line that Node 22 is needed (exit 2, no stack trace)', () => {
        const folder = project('old-node');
        const result = spawnSync(oldNode!, [path.join(cliFolder, 'bin', 'remit.js'), 'check', 'maps'], { cwd: folder, encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^remit needs Node\.js 22 or newer, and this is Node\.js \d+\.\d+\.\d+\. Install Node\.js 22 \(https:\/\/nodejs\.org\) and run remit again\.\n$/);
    });
});
