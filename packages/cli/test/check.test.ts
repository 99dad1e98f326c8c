/**
 * `remit check` end to end, as a user runs it: the built binary in a child process, on
 * files in a temporary folder. Run `tsc -b` (or `npm run build`) first; `npm test` does.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_CODES } from '@remit/language';

const BIN = fileURLToPath(new URL('../bin/remit.js', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** The rules of the language core; every other rule is switched off where exact counts matter. */
const CORE = ['syntax-error', 'unresolved-reference', 'duplicate-name', 'scheme-shape', 'veto-after-final', 'phase-order', 'duplicate-property', 'invalid-value'];
const ONLY_CORE_RULES = JSON.stringify({ rules: Object.fromEntries(RULE_CODES.filter(c => !CORE.includes(c)).map(c => [c, 'off'])) }, null, 2);

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function remit(args: string[], cwd: string, options: { uid?: number; gid?: number } = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], {
            cwd,
            env: { ...process.env, REMIT_DEBUG: '', NO_COLOR: '1' },
            ...options
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}

// Each test starts remit as a new process, several times; on a busy machine that is slow.
vi.setConfig({ testTimeout: 120_000 });

let root: string;

/** Writes files under a fresh folder of the temporary root; returns the folder. */
function folder(name: string, files: Record<string, string>): string {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    // Stop the search for remit.json here, whatever lies above the temporary folder.
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

/** A map with one unresolved name (line 3) that otherwise checks clean. */
const BROKEN = 'map Alpha "Alpha"\nrole Head { kind administrator }\ndomain D { decision X { decide Ghost } }\n';
const GHOST_COLUMN = BROKEN.split('\n')[2].indexOf('Ghost') + 1;
/** A clean map, linked to from another file. */
const CLEAN = 'map Beta "Beta"\nrole Head { kind administrator }\ndomain D { decision Y { decide Head } }\n';
/** Two duplicate names: errors by default, warnings with WARN_DUPLICATES. */
const DUPLICATES = 'map Gamma "Gamma"\nrole Head { kind administrator }\nrole Head\nrole Lead\nrole Lead\ndomain D { decision Z { decide Gamma.Head } }\n';
const WARN_DUPLICATES = JSON.stringify({ rules: { ...JSON.parse(ONLY_CORE_RULES).rules, 'duplicate-name': 'warning' } });

/**
 * How to run remit so that file permissions apply. Permissions do not stop root, so when
 * the tests run as root remit runs as the unprivileged user 'nobody' (uid 65534), provided
 * that user can run it from this checkout at all.
 */
async function unprivileged(): Promise<{ uid?: number; gid?: number } | 'impossible'> {
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!asRoot) return {};
    const nobody = { uid: 65534, gid: 65534 };
    const probe = await new Promise<number | null>(resolve => {
        const child = spawn(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(DIST)}, require('fs').constants.R_OK)`], { ...nobody, cwd: root, stdio: 'ignore' });
        child.on('error', () => resolve(null));
        child.on('close', code => resolve(code));
    });
    return probe === 0 ? nobody : 'impossible';
}

function expectOneLineError(run: Run, says: RegExp): void {
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^remit: /);
    expect(lines[0]).toMatch(says);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/Error:|node:internal|\.js:\d+/);
}

beforeAll(() => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build first (npm run build, or tsc -b).`);
    root = mkdtempSync(path.join(tmpdir(), 'remit-cli-'));
    chmodSync(root, 0o755);
});

afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
});

describe('exit codes', () => {
    test('0 when clean, with a summary line', async () => {
        const dir = folder('clean', { 'remit.json': ONLY_CORE_RULES, 'beta.remit': CLEAN });
        const run = await remit(['check', 'beta.remit'], dir);
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.stdout).toBe('0 errors, 0 warnings, 0 hints in 1 file\n');
        expect(run.stderr).toBe('');
    });

    test('the repository\'s examples check without errors (exit 0)', async () => {
        const repo = fileURLToPath(new URL('../../../', import.meta.url));
        const run = await remit(['check', 'examples'], repo);
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^0 errors, \d+ warnings?, \d+ hints? in \d+ files$/);
        expect(run.stdout).not.toMatch(/ error /);
    });

    test('1 when there are errors', async () => {
        const dir = folder('errors', { 'remit.json': ONLY_CORE_RULES, 'alpha.remit': BROKEN });
        const run = await remit(['check'], dir);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('1 error, 0 warnings, 0 hints in 1 file');
    });

    test('0 with warnings only; --max-warnings N fails (1) only above N', async () => {
        const dir = folder('warnings', { 'remit.json': WARN_DUPLICATES, 'gamma.remit': DUPLICATES });
        const plain = await remit(['check'], dir);
        expect(plain.code, plain.stdout + plain.stderr).toBe(0);
        expect(plain.stdout).toMatch(/^gamma\.remit:3:6 warning duplicate-name /m);
        expect(plain.stdout).toContain('0 errors, 2 warnings, 0 hints in 1 file');
        expect((await remit(['check', '--max-warnings', '2'], dir)).code).toBe(0);
        expect((await remit(['check', '--max-warnings', '1'], dir)).code).toBe(1);
        expect((await remit(['check', '--max-warnings=0', '--format', 'json'], dir)).code).toBe(1);
    });

    test('2 for options that make no sense', async () => {
        const dir = folder('options', { 'beta.remit': CLEAN });
        const format = await remit(['check', '--format', 'xml'], dir);
        expect(format.code).toBe(2);
        expect(format.stderr).toMatch(/text, json, sarif/);
        const max = await remit(['check', '--max-warnings', 'many'], dir);
        expect(max.code).toBe(2);
        expect(max.stderr).toMatch(/whole number/);
        expect(format.stderr + max.stderr).not.toMatch(/^\s+at /m);
    });
});

describe('text output', () => {
    test('file:line:col severity code message [Map.Element], paths relative to the working folder', async () => {
        const dir = folder('text', { 'remit.json': ONLY_CORE_RULES, 'maps/sub/alpha.remit': BROKEN, 'maps/beta.remit': CLEAN });
        const run = await remit(['check', 'maps'], dir);
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toEqual([
            `maps/sub/alpha.remit:3:${GHOST_COLUMN} error unresolved-reference There is no role or team named 'Ghost' in map Alpha. Declare it, or check the spelling. [Alpha.X]`,
            '1 error, 0 warnings, 0 hints in 2 files'
        ]);
    });

    test('cross-file references resolve, and diagnostics of several files are each named', async () => {
        const dir = folder('cross', {
            'remit.json': ONLY_CORE_RULES,
            'a/district.remit': 'map District "D"\nrole Super { kind district }\nrole Super\n',
            'b/school.remit': 'map School "S"\nrole Head { reports District.Super  backup District.Nobody }\n'
        });
        const run = await remit(['check', 'a', 'b/school.remit'], dir);
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^a\/district\.remit:3:6 error duplicate-name .* \[District\.Super\]$/);
        expect(lines[1]).toMatch(/^b\/school\.remit:2:\d+ error unresolved-reference Map District has no role named 'Nobody'\. .*\[School\.Head\]$/);
        expect(lines[2]).toBe('2 errors, 0 warnings, 0 hints in 2 files');
    });

    test('syntax errors are reported with position and plain words', async () => {
        const dir = folder('syntax', { 'remit.json': ONLY_CORE_RULES, 'bad.remit': 'map Bad "Bad"\nrole R {\n  kind wizard\n}\n' });
        const run = await remit(['check'], dir);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^bad\.remit:3:8 error syntax-error 'wizard' is not a kind of role\. .*\[Bad\.R\]$/m);
        expect(run.stdout).not.toMatch(/token|EOF/i);
    });
});

describe('--format json', () => {
    test('the spec\'s shape: files, diagnostics with 1-based positions and relative file, summary', async () => {
        const dir = folder('json', { 'remit.json': WARN_DUPLICATES, 'maps/sub/alpha.remit': BROKEN, 'maps/gamma.remit': DUPLICATES });
        const run = await remit(['check', '--format', 'json'], dir);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const result = JSON.parse(run.stdout);
        expect(Object.keys(result)).toEqual(['files', 'diagnostics', 'summary']);
        expect(result.files).toBe(2);
        expect(result.summary).toEqual({ errors: 1, warnings: 2, hints: 0 });
        expect(result.diagnostics).toHaveLength(3);
        for (const d of result.diagnostics) {
            expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'element', 'message']);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
        }
        const ghost = result.diagnostics.find((d: { code: string }) => d.code === 'unresolved-reference');
        expect(ghost).toEqual({
            file: 'maps/sub/alpha.remit',
            line: 3,
            column: GHOST_COLUMN,
            endLine: 3,
            endColumn: GHOST_COLUMN + 'Ghost'.length,
            severity: 'error',
            code: 'unresolved-reference',
            element: 'Alpha.X',
            message: "There is no role or team named 'Ghost' in map Alpha. Declare it, or check the spelling."
        });
        const duplicates = result.diagnostics.filter((d: { code: string }) => d.code === 'duplicate-name');
        expect(duplicates.map((d: { file: string; line: number; column: number; severity: string; element: string }) => [d.file, d.line, d.column, d.severity, d.element])).toEqual([
            ['maps/gamma.remit', 3, 6, 'warning', 'Gamma.Head'],
            ['maps/gamma.remit', 5, 6, 'warning', 'Gamma.Lead']
        ]);
    });

    test('a clean run is an empty list and zero counts', async () => {
        const dir = folder('json-clean', { 'remit.json': ONLY_CORE_RULES, 'beta.remit': CLEAN });
        const run = await remit(['check', '-f', 'json'], dir);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ files: 1, diagnostics: [], summary: { errors: 0, warnings: 0, hints: 0 } });
    });

    test('a diagnostic about no element leaves element out', async () => {
        const dir = folder('json-empty', { 'remit.json': ONLY_CORE_RULES, 'empty.remit': '' });
        const run = await remit(['check', '--format', 'json'], dir);
        const [d] = JSON.parse(run.stdout).diagnostics;
        expect(d).toMatchObject({ file: 'empty.remit', line: 1, column: 1, code: 'syntax-error', severity: 'error' });
        expect('element' in d).toBe(false);
        expect(d.message).toContain('This file is empty');
    });
});

describe('--format sarif', () => {
    test('SARIF 2.1.0 with rule ids, levels and physical locations', async () => {
        const dir = folder('sarif', { 'remit.json': WARN_DUPLICATES, 'maps/sub/alpha.remit': BROKEN, 'maps/gamma.remit': DUPLICATES });
        const run = await remit(['check', '--format', 'sarif'], dir);
        expect(run.code).toBe(1);
        const log = JSON.parse(run.stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-2\.1\.0/);
        expect(log.runs).toHaveLength(1);
        const [sarifRun] = log.runs;
        const rules: Array<{ id: string; shortDescription: { text: string } }> = sarifRun.tool.driver.rules;
        expect(sarifRun.tool.driver.name).toBe('remit');
        const ids = rules.map(r => r.id);
        expect(ids).toEqual(expect.arrayContaining(CORE));
        expect(new Set(ids).size).toBe(ids.length);
        for (const rule of rules) expect(rule.shortDescription.text.length).toBeGreaterThan(0);
        expect(sarifRun.results).toHaveLength(3);
        for (const result of sarifRun.results) {
            expect(ids).toContain(result.ruleId);
            expect(rules[result.ruleIndex].id).toBe(result.ruleId);
            expect(['error', 'warning', 'note']).toContain(result.level);
            expect(result.message.text.length).toBeGreaterThan(0);
        }
        const ghost = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'unresolved-reference');
        expect(ghost.level).toBe('error');
        expect(ghost.locations[0].physicalLocation).toEqual({
            artifactLocation: { uri: 'maps/sub/alpha.remit', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: GHOST_COLUMN, endLine: 3, endColumn: GHOST_COLUMN + 5 }
        });
        expect(ghost.locations[0].logicalLocations[0].fullyQualifiedName).toBe('Alpha.X');
        expect(ghost.properties.facts).toMatchObject({ refText: 'Ghost', property: 'holders' });
        expect(ghost.properties.fixes).toContain("Create the role 'Ghost'");
        const warnings = sarifRun.results.filter((r: { ruleId: string }) => r.ruleId === 'duplicate-name');
        expect(warnings.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning']);
        expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    });
});

describe('--format sarif, paths', () => {
    test('locations are URI references: spaces and # in folder names are escaped', async () => {
        const dir = folder('sarif-paths', { 'remit.json': ONLY_CORE_RULES, 'our maps #2/alpha.remit': BROKEN });
        const run = await remit(['check', '--format', 'sarif'], dir);
        const [result] = JSON.parse(run.stdout).runs[0].results;
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('our%20maps%20%232/alpha.remit');
        expect(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri)).toBe('our maps #2/alpha.remit');
    });
});

describe('which files are checked', () => {
    test('no path means the working folder, searched recursively; hidden and dependency folders are skipped', async () => {
        const dir = folder('default', {
            'remit.json': ONLY_CORE_RULES,
            'top.remit': CLEAN,
            'deep/er/still/alpha.remit': BROKEN,
            '.hidden/skip.remit': 'this is not a map',
            'node_modules/pkg/skip.remit': 'nor is this',
            'notes.txt': 'not a map either'
        });
        const run = await remit(['check'], dir);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^deep\/er\/still\/alpha\.remit:3:/m);
        expect(run.stdout).not.toContain('skip.remit');
        expect(run.stdout.trimEnd().split('\n').pop()).toBe('1 error, 0 warnings, 0 hints in 2 files');
    });

    test('a folder and a file inside it count each map once', async () => {
        const dir = folder('overlap', { 'remit.json': ONLY_CORE_RULES, 'maps/beta.remit': CLEAN });
        const run = await remit(['check', 'maps', 'maps/beta.remit', 'maps'], dir);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe('0 errors, 0 warnings, 0 hints in 1 file\n');
    });

    test('an explicit --config file is used', async () => {
        const dir = folder('explicit-config', { 'settings/strict.json': WARN_DUPLICATES, 'gamma.remit': DUPLICATES });
        const run = await remit(['check', '--config', 'settings/strict.json'], dir);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('0 errors, 2 warnings');
    });
});

describe('unusable input: one clear line on stderr, exit 2, no stack trace', () => {
    test('a missing path', async () => {
        const dir = folder('missing', { 'beta.remit': CLEAN });
        expectOneLineError(await remit(['check', 'nowhere.remit'], dir), /nowhere\.remit: no such file or folder/);
    });

    test('a file that is not a .remit file', async () => {
        const dir = folder('not-remit', { 'notes.txt': 'hello' });
        expectOneLineError(await remit(['check', 'notes.txt'], dir), /notes\.txt: not a \.remit file/);
    });

    test('a folder without maps', async () => {
        const dir = folder('no-maps', { 'docs/readme.md': '# nothing' });
        expectOneLineError(await remit(['check', 'docs'], dir), /docs: no \.remit files in this folder/);
        // and the default path, when the working folder holds none
        expectOneLineError(await remit(['check'], dir), /^remit: no \.remit files in the current folder/);
    });

    test('a link named like a map that leads nowhere', async () => {
        const dir = folder('dangling', { 'beta.remit': CLEAN });
        symlinkSync(path.join(dir, 'gone-for-good'), path.join(dir, 'lost.remit'));
        expectOneLineError(await remit(['check'], dir), /lost\.remit: cannot be read/);
    });

    test('an unreadable file', async () => {
        const dir = folder('unreadable', { 'locked.remit': CLEAN });
        chmodSync(dir, 0o755);
        chmodSync(path.join(dir, 'locked.remit'), 0o000);
        const user = await unprivileged();
        // Root reads any file whatever its permissions, and 'nobody' cannot reach this checkout:
        // nothing can be unreadable here, so this one assertion cannot be made on this machine.
        if (user === 'impossible') return;
        const run = await remit(['check', 'locked.remit'], dir, user);
        expectOneLineError(run, /locked\.remit: cannot be read \(permission denied\)/);
    });

    test('an unreadable folder inside the searched one', async () => {
        const dir = folder('unreadable-folder', { 'beta.remit': CLEAN, 'private/x.remit': CLEAN });
        chmodSync(dir, 0o755);
        chmodSync(path.join(dir, 'private'), 0o000);
        const user = await unprivileged();
        if (user === 'impossible') {
            // As for the unreadable file: root reads every folder, see above.
            chmodSync(path.join(dir, 'private'), 0o755);
            return;
        }
        const run = await remit(['check'], dir, user);
        chmodSync(path.join(dir, 'private'), 0o755);
        expectOneLineError(run, /^remit: private: this folder cannot be read/);
    });

    test('a bad remit.json names its line', async () => {
        const dir = folder('bad-config', { 'remit.json': '{\n  "rules": {\n    "unused-elemnt": "off"\n  }\n}\n', 'beta.remit': CLEAN });
        expectOneLineError(await remit(['check'], dir), /^remit: remit\.json:3:5: unknown rule 'unused-elemnt'\. Did you mean 'unused-element'\?/);
    });

    test('a remit.json that is not JSON', async () => {
        const dir = folder('broken-config', { 'remit.json': '{ "rules": { "unused-element": "off", } }', 'beta.remit': CLEAN });
        expectOneLineError(await remit(['check'], dir), /^remit: remit\.json:1:\d+: this is not valid JSON/);
    });
});
