/**
 * The labelled corpus: every `.remit` file here (and every folder, checked as one
 * workspace) says in `// expect: <code> <element>` comments exactly which findings
 * `remit check --format json` must report. A missing finding and an extra one both fail.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = path.join(root, 'packages/cli/bin/remit.js');

function remitFiles(target: string): string[] {
    if (!statSync(target).isDirectory()) return [target];
    return readdirSync(target).flatMap(name => remitFiles(path.join(target, name))).filter(f => f.endsWith('.remit'));
}

function expected(target: string): string[] {
    return remitFiles(target).flatMap(file => {
        const relative = path.relative(root, file);
        return [...readFileSync(file, 'utf8').matchAll(/\/\/\s*expect:\s*([a-z-]+)\s+(\S+)/g)]
            .map(m => `${relative} ${m[1]} ${m[2]}`);
    }).sort();
}

interface CheckOutput {
    diagnostics: Array<{ file: string; code: string; element?: string }>;
}

function reported(target: string): string[] {
    let stdout: string;
    try {
        stdout = execFileSync(process.execPath, [cli, 'check', '--format', 'json', path.relative(root, target)], { cwd: root, encoding: 'utf8' });
    } catch (err) {
        // Exit 1 (errors found) still prints the report.
        stdout = (err as { stdout: string }).stdout;
    }
    const output = JSON.parse(stdout) as CheckOutput;
    return output.diagnostics.map(d => `${d.file} ${d.code} ${d.element ?? '-'}`).sort();
}

const cases = readdirSync(here)
    .filter(name => name.endsWith('.remit') || statSync(path.join(here, name)).isDirectory())
    .sort();

describe('labelled rule corpus (remit check --format json)', () => {
    test('has cases', () => {
        expect(cases.length).toBeGreaterThan(10);
    });
    for (const name of cases) {
        test(name, () => {
            const target = path.join(here, name);
            expect(reported(target)).toEqual(expected(target));
        });
    }
});
