import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

/**
 * Same maps, same bytes, whatever the machine's language settings: `remit generate` (the
 * built command line, in a child process) under a Turkish, an English and a Swedish locale.
 * Their collations disagree on exactly these names: Turkish puts 'ı' and 'I' before 'i' and
 * 'İ', English sorts 'ä' with 'a', Swedish after 'Z'.
 */
const BIN = path.join(REPO, 'packages/cli/bin/remit.js');
const LOCALES = ['tr_TR.UTF-8', 'en_US.UTF-8', 'sv_SE.UTF-8'];
const FILES = ['Z', 'ä', 'i', 'İ', 'ı', 'I', 'a'];
let folder: string;

beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-locale-'));
    await Promise.all(FILES.map((name, n) => fs.writeFile(path.join(folder, `${name}.remit`), [
        `map School${n} "Okul ${name}"`,
        `role Principal "Müdür ${name}" { kind administrator }`,
        `role Idle "Öğretmen ${name}" { kind teacher }`,
        `domain Plan "Plan ${name}" {`,
        `  decision Budget "Bütçe ${name}" { decide Principal }`,
        '}',
        ''
    ].join('\n'))));
});

afterAll(async () => {
    if (folder) await fs.rm(folder, { recursive: true, force: true });
});

function generate(what: string, locale: string, args: string[] = []): string {
    const env = { ...process.env, LANG: locale, LC_ALL: locale, LANGUAGE: locale.split('.')[0], NO_COLOR: '1' };
    const run = spawnSync(process.execPath, [BIN, 'generate', what, folder, ...args], { cwd: folder, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
}

/** Every file `remit generate WHAT --out` writes, name and text. */
async function generateFiles(what: string, locale: string): Promise<string> {
    const out = path.join(folder, `out-${what}-${locale}`);
    generate(what, locale, ['--out', out]);
    const names = (await fs.readdir(out)).sort();
    const files = await Promise.all(names.map(async name => `== ${name}\n${await fs.readFile(path.join(out, name), 'utf8')}`));
    return files.join('\n');
}

describe('generated documents do not depend on the locale', () => {
    it('remit generate json gives the same bytes under every locale', () => {
        const outputs = LOCALES.map(locale => generate('json', locale));
        for (const output of outputs.slice(1)) expect(output).toBe(outputs[0]);
    });

    it.each(['report', 'matrix', 'charter', 'mermaid'])('remit generate %s --out writes the same files, byte for byte, under every locale', async (what) => {
        const outputs = await Promise.all(LOCALES.map(locale => generateFiles(what, locale)));
        expect(outputs[0]).toContain('Okul İ');
        for (const output of outputs.slice(1)) expect(output).toBe(outputs[0]);
    });

    it('maps come in the order of their files\' URIs, code unit by code unit', () => {
        const json = JSON.parse(generate('json', 'tr_TR.UTF-8'));
        const files: string[] = json.maps.map((map: { file: string }) => map.file);
        const uri = (file: string) => encodeURIComponent(file);
        expect(files).toEqual(FILES.map(name => `${name}.remit`).sort((a, b) => (uri(a) < uri(b) ? -1 : uri(a) > uri(b) ? 1 : 0)));
        expect(files).toHaveLength(FILES.length);
    });
});
