import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCHOOL_MAP, TempRepo } from '../../../language/test/diff/temp-repo.js';
import { remit, REMIT_BIN } from './run-remit.js';

let repo: TempRepo;

beforeEach(() => {
    repo = TempRepo.create();
    repo.write('maps/oak.remit', SCHOOL_MAP);
    repo.commit('Oak map');
});

afterEach(() => repo.dispose());

describe('remit diff on the command line', () => {
    test('--fail-on transfer exits 1 on a transfer of final authority, and the text leads with the summary', () => {
        repo.edit('maps/oak.remit', '    decide Lead\n', '    decide Principal\n');
        repo.commit('Principal decides pacing');
        const result = remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'transfer'], repo.root);
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')[0]).toBe('1 decision changed hands.');
        expect(result.stdout).toContain('final authority moved: Grade lead -> Principal');
        expect(result.stderr).toBe('');
    });

    test('--fail-on transfer exits 0 when decisions were only added; --fail-on any exits 1', () => {
        repo.edit('maps/oak.remit', '  decision Pacing', '  decision Trips "Approve field trips" {\n    decide Principal\n  }\n\n  decision Pacing');
        repo.commit('Trips');
        expect(remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'transfer'], repo.root).code).toBe(0);
        expect(remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'removal'], repo.root).code).toBe(0);
        expect(remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'any'], repo.root).code).toBe(1);
    });

    test('--fail-on removal exits 1 when a role is removed, even with nothing else changed', () => {
        repo.edit('maps/oak.remit', 'role Staff "Teaching staff" { kind teacher }\n', 'role Staff "Teaching staff" { kind teacher }\nrole Spare "Spare" { kind staff }\n');
        repo.commit('Spare');
        repo.edit('maps/oak.remit', 'role Spare "Spare" { kind staff }\n', '');
        const result = remit(['diff', '--rev', 'HEAD', '--fail-on', 'removal'], repo.root);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^1 role removed, 1 other change\./);
        expect(result.stdout).toContain('REMOVED role "Spare" (Oak.Spare)');
    });

    test('a reformat-only change passes --fail-on any', () => {
        repo.write('maps/oak.remit', SCHOOL_MAP.replace(/\n  /g, '\n\t').replace('\n\n', '\n\n\n// a new comment\n'));
        const result = remit(['diff', '--rev', 'HEAD', '--fail-on', 'any', 'maps'], repo.root);
        expect(result.stdout).toBe('No change in authority.\n');
        expect(result.code).toBe(0);
    });

    test('two folders compare by meaning; JSON and Markdown are complete', () => {
        repo.write('old/oak.remit', SCHOOL_MAP);
        repo.write('new/renamed-file.remit', SCHOOL_MAP.replace('status ratified', 'status draft'));
        const json = remit(['diff', 'old', 'new', '--format', 'json'], repo.root);
        expect(json.code).toBe(0);
        const diff = JSON.parse(json.stdout);
        expect(diff.counts.statusChanges).toBe(1);
        expect(diff.decisions[0]).toMatchObject({ name: 'Oak.Pacing', properties: [{ property: 'status', from: 'ratified', to: 'draft' }] });
        const md = remit(['diff', 'old', 'new', '--format', 'md'], repo.root);
        expect(md.stdout).toContain('### Remit: changes in authority');
        expect(md.stdout).toContain('status: `ratified` → `draft`');
    });

    test('unusable input exits 2 with one line and no stack trace', () => {
        const unknown = remit(['diff', '--rev', 'nope'], repo.root);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^remit: 'nope' is not a commit, branch or tag in this repository/);
        expect(unknown.stderr).not.toMatch(/\bat .*\.js:\d+/);
        const one = remit(['diff', 'maps'], repo.root);
        expect(one.code).toBe(2);
        expect(one.stderr).toContain('remit diff needs two versions to compare');
        const missing = remit(['diff', 'maps', 'nowhere'], repo.root);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('nowhere: no such file or folder');
    });

    test('--fail-on takes several kinds separated by commas, veto and problem among them; an unknown kind is unusable input', () => {
        repo.edit('maps/oak.remit', '    consult Staff\n    decide Principal\n', '    consult Staff\n    agree Deputy\n    decide Principal\n');
        repo.commit('The deputy must agree');
        expect(remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'transfer,removal'], repo.root).code).toBe(0);
        const veto = remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'transfer,veto'], repo.root);
        expect(veto.code).toBe(1);
        expect(veto.stdout).toContain('veto added: Deputy head can now block this decision');
        expect(remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'problem'], repo.root).code).toBe(0);
        const wrong = remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'transfer,vetos'], repo.root);
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toBe("remit: --fail-on: 'vetos' is not a kind of change. Use one or more of transfer, veto, removal, problem, any, separated by commas (such as --fail-on transfer,veto).\n");
    });

    test('--fail-on problem exits 1 when remit.json makes a problem an error; --by role lists what changed per role', () => {
        repo.write('remit.json', '{ "rules": { "unused-element": "error" } }\n');
        repo.edit('maps/oak.remit', '    decide Lead\n', '    decide Principal\n');
        repo.commit('Stricter, and the principal decides pacing');
        const problem = remit(['diff', '--rev', 'HEAD~1..HEAD', '--fail-on', 'problem'], repo.root);
        expect(problem.code).toBe(1);
        expect(problem.stdout).toContain('changed rule unused-element: hint -> error');
        const byRole = remit(['diff', '--rev', 'HEAD~1..HEAD', '--by', 'role'], repo.root);
        expect(byRole.code).toBe(0);
        expect(byRole.stdout).toContain('What changed for each role and team:\n');
        expect(byRole.stdout).toContain('  "Principal" (Oak.Principal): now has the final say on 3 decisions, 1 more than before\n      "Set the grade\'s pacing": now has the final say\n');
        expect(byRole.stdout).toContain('  "Grade lead" (Oak.Lead): now has the final say on 0 decisions, 1 fewer than before\n');
        expect(byRole.stdout).not.toContain('Final authority moved:');
    });

    test('--rev reads all the files of a revision through one git process, however many files there are', () => {
        for (let i = 0; i < 40; i++) repo.write(`maps/school${i}.remit`, `map School${i} "School ${i}"\nrole Head "Head" { kind administrator }\ndomain D "D" {\n  decision X "X" {\n    decide Head\n  }\n}\n`);
        repo.commit('Forty schools');
        for (let i = 0; i < 40; i++) repo.edit(`maps/school${i}.remit`, 'decide Head', 'consult Head');
        repo.commit('Nobody decides');
        // git on the path through a wrapper that notes each time it is started.
        const bin = path.join(repo.root, '.bin');
        mkdirSync(bin);
        const log = path.join(repo.root, '.git-calls');
        const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
        repo.write('.bin/git', `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
        chmodSync(path.join(bin, 'git'), 0o755);
        const result = execFileSync(process.execPath, [REMIT_BIN, 'diff', '--rev', 'HEAD~1..HEAD'], {
            cwd: repo.root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }
        });
        expect(result).toMatch(/^40 decisions changed hands[,.]/);
        const calls = readFileSync(log, 'utf8').trim().split('\n');
        expect(calls.filter(c => c === 'cat-file').length).toBeLessThanOrEqual(4);
        expect(calls.filter(c => c === 'show')).toEqual([]);
        expect(calls.length).toBeLessThan(16);
    });

    test('two folders are each checked with the remit.json nearest to them', () => {
        repo.write('old/oak.remit', SCHOOL_MAP);
        repo.write('new/oak.remit', SCHOOL_MAP);
        repo.write('new/remit.json', '{ "rules": { "unused-element": "error" } }\n');
        const result = remit(['diff', 'old', 'new', '--fail-on', 'problem'], repo.root);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('changed rule unused-element: hint -> error');
        expect(result.stdout).toContain('severity changed: hint -> error unused-element (Oak.Preparation)');
    });
});
