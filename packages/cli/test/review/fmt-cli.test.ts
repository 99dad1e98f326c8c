import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { remit } from './run-remit.js';

let folder: string;
const UNFORMATTED = 'map M "M"\n// keep me\nrole R "R" {kind teacher   seats 3}\nrole S "S" {\nkind staff /* and me */\n}\n';
const FORMATTED = 'map M "M"\n\n// keep me\nrole R "R" { kind teacher  seats 3 }\n\nrole S "S" {\n  kind staff /* and me */\n}\n';
const BROKEN = 'map B "B"\nrole R "R" {\n   kind\n}\n';

beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'remit-fmt-'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

const file = (name: string) => path.join(folder, name);

describe('remit fmt', () => {
    test('--check lists the files that would change, exits 1, and changes nothing', () => {
        writeFileSync(file('a.remit'), UNFORMATTED);
        writeFileSync(file('b.remit'), FORMATTED);
        const result = remit(['fmt', '--check'], folder);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('a.remit\n');
        expect(result.stderr).toContain('1 of 2 files are not formatted');
        expect(readFileSync(file('a.remit'), 'utf8')).toBe(UNFORMATTED);
    });

    test('rewrites only the files that change, keeping their permissions, then --check passes', () => {
        writeFileSync(file('a.remit'), UNFORMATTED);
        chmodSync(file('a.remit'), 0o640);
        writeFileSync(file('b.remit'), FORMATTED);
        const before = statSync(file('b.remit')).mtimeMs;
        const result = remit(['fmt', '.'], folder);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('formatted a.remit\n');
        expect(readFileSync(file('a.remit'), 'utf8')).toBe(FORMATTED);
        expect(statSync(file('a.remit')).mode & 0o777).toBe(0o640);
        expect(statSync(file('b.remit')).mtimeMs).toBe(before);
        expect(readdirSync(folder).sort()).toEqual(['a.remit', 'b.remit']);
        expect(remit(['fmt', '--check'], folder).code).toBe(0);
    });

    test('a file with a syntax error is left byte for byte, named with line and column; the others are formatted', () => {
        writeFileSync(file('broken.remit'), BROKEN);
        writeFileSync(file('a.remit'), UNFORMATTED);
        const result = remit(['fmt'], folder);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^broken\.remit:4:1: .+ \(not formatted: fix this first\)\n$/);
        expect(readFileSync(file('broken.remit'), 'utf8')).toBe(BROKEN);
        expect(readFileSync(file('a.remit'), 'utf8')).toBe(FORMATTED);
    });

    test('--stdin formats text for editors, and gives a broken map back unchanged with exit 1', () => {
        expect(remit(['fmt', '--stdin'], folder, UNFORMATTED)).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
        const broken = remit(['fmt', '--stdin'], folder, BROKEN);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toBe(BROKEN);
        expect(broken.stderr).toMatch(/^<stdin>:4:1: /);
    });

    test('a path that does not exist is unusable input: exit 2', () => {
        const result = remit(['fmt', 'missing.remit'], folder);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('remit: missing.remit: no such file or folder. Check the path.\n');
    });
});
