import { spawnSync } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTERS, writeOutputFile } from '@remit/generators';
import { REPO, bigMap, scratchFolder } from './helpers.js';

/**
 * `remit generate` and `remit new` as a user runs them: the built command line in a
 * child process (build first: `tsc -b`), in a scratch folder.
 */
const BIN = path.join(REPO, 'packages/cli/bin/remit.js');
const LAKESIDE = path.join(REPO, 'examples/lakeside');
const scratch = scratchFolder('remit-cli-');

function remit(args: string[], cwd = scratch()): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function leftovers(folder: string): Promise<string[]> {
    return (await fs.readdir(folder)).filter(name => name.endsWith('.tmp'));
}

describe('remit generate', () => {
    it('--out creates missing folders and writes the file whole', async () => {
        const out = path.join(scratch(), 'site', 'maps');
        const run = remit(['generate', 'diagram', LAKESIDE, '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('Wrote site/maps/lakeside.svg\n');
        const svg = await fs.readFile(path.join(out, 'lakeside.svg'), 'utf8');
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
        expect(await leftovers(out)).toEqual([]);
    });

    it('replaces an earlier output completely and leaves no temporary file', async () => {
        const out = path.join(scratch(), 'again');
        await fs.mkdir(out, { recursive: true });
        await fs.writeFile(path.join(out, 'lakeside-matrix.csv'), 'old content that is much longer than nothing\n'.repeat(500));
        const run = remit(['generate', 'matrix', LAKESIDE, '--format', 'csv', '--out', out]);
        expect(run.status).toBe(0);
        const csv = await fs.readFile(path.join(out, 'lakeside-matrix.csv'), 'utf8');
        expect(csv.startsWith('\uFEFFDomain,Decision,')).toBe(true);
        expect(csv).not.toContain('old content');
        expect(await leftovers(out)).toEqual([]);
    });

    it('prints to stdout without --out, byte for byte the same on a second run', () => {
        const first = remit(['generate', 'mermaid', LAKESIDE]);
        const second = remit(['generate', 'mermaid', LAKESIDE]);
        expect(first.status).toBe(0);
        expect(first.stdout.startsWith('flowchart LR\n')).toBe(true);
        expect(second.stdout).toBe(first.stdout);
    });

    it('never writes over a .remit file given as --out', async () => {
        const source = path.join(scratch(), 'keep.remit');
        const text = 'map Keep "Keep me"\n';
        await fs.writeFile(source, text);
        const run = remit(['generate', 'json', LAKESIDE, '--out', source]);
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain('--out takes a folder');
        expect(await fs.readFile(source, 'utf8')).toBe(text);
    });

    it('the writer refuses any .remit target, whatever the command', async () => {
        const source = path.join(scratch(), 'other.remit');
        await fs.writeFile(source, 'map Other "Other"\n');
        await expect(writeOutputFile(source, 'overwritten')).rejects.toThrow(/will not write over a \.remit source file/);
        expect(await fs.readFile(source, 'utf8')).toBe('map Other "Other"\n');
    });

    it('unknown decision, phase and map names give one clear line and exit 2', () => {
        for (const [args, words] of [
            [['generate', 'diagram', LAKESIDE, '--decision', 'AdoptMaterial'], /No map has a decision named 'AdoptMaterial'\. Did you mean 'AdoptMaterials'\?/],
            [['generate', 'matrix', LAKESIDE, '--phase', 'Later'], /Map 'Lakeside' has no phase named 'Later'\..*Its phases are: Preparation, Initial, Expansion, Institutionalization\./],
            [['generate', 'report', LAKESIDE, '--map', 'Lakesid'], /There is no map named 'Lakesid'\. Did you mean 'Lakeside'\?/],
            [['generate', 'charter', LAKESIDE, '--format', 'csv'], /charter cannot be written as 'csv'\. Use --format md or html or pdf or docx\./]
        ] as Array<[string[], RegExp]>) {
            const run = remit(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toMatch(words);
            expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
            expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
        }
    });

    it('draws a domain, a role or team, and names the file after it', async () => {
        const out = path.join(scratch(), 'drill');
        const domain = remit(['generate', 'diagram', LAKESIDE, '--domain', 'Staffing', '--out', out]);
        expect(domain.stderr).toBe('');
        expect(domain.stdout).toBe('Wrote drill/lakeside-staffing.svg\n');
        expect(await fs.readFile(path.join(out, 'lakeside-staffing.svg'), 'utf8')).toContain('Roles, staffing and the career ladder: who holds what');
        const role = remit(['generate', 'diagram', LAKESIDE, '--role', 'Lakeside.ILT', '--phase', 'Expansion', '--out', out]);
        expect(role.stdout).toBe('Wrote drill/lakeside-ilt-expansion.svg\n');
        const printed = remit(['generate', 'diagram', LAKESIDE, '--role', 'ILT', '--theme', 'dark']);
        expect(printed.stdout).toContain('what Instructional Leadership Team holds');
        for (const [args, words] of [
            [['generate', 'diagram', LAKESIDE, '--domain', 'Staffin'], /no domain named 'Staffin'\. Did you mean 'Staffing'\?/],
            [['generate', 'diagram', LAKESIDE, '--role', 'ILT', '--domain', 'Staffing'], /Choose one of --domain, --role: a diagram shows one of them at a time\./],
            [['generate', 'matrix', LAKESIDE, '--role', 'ILT'], /--role only applies to the diagram\./],
            [['generate', 'diagram', LAKESIDE, '--format', 'png'], /A PNG is a file, not text: add --out FOLDER to write it\./]
        ] as Array<[string[], RegExp]>) {
            const run = remit(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toMatch(words);
        }
    });

    it('--format png writes a picture for slides', async () => {
        const out = path.join(scratch(), 'slides');
        const run = remit(['generate', 'diagram', LAKESIDE, '--format', 'png', '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('Wrote slides/lakeside.png\n');
        const png = await fs.readFile(path.join(out, 'lakeside.png'));
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        // drawn at twice the SVG's size
        const svg = remit(['generate', 'diagram', LAKESIDE]).stdout;
        const width = Number(/width="(\d+)"/.exec(svg)![1]);
        expect(png.readUInt32BE(16)).toBe(2 * width);
    }, 120_000);

    it('mermaid: a map too big for Mermaid is split, and stderr says so', async () => {
        const folder = path.join(scratch(), 'big');
        await fs.mkdir(folder, { recursive: true });
        await fs.writeFile(path.join(folder, 'big.remit'), bigMap());
        const run = remit(['generate', 'mermaid', folder, '--format', 'md']);
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/^remit: note: Big: the full flowchart would have 720 arrows, more than Mermaid draws by default \(500\); wrote one flowchart per domain \(6\) instead\.\n$/);
        expect(run.stdout.split('```mermaid').length - 1).toBe(6);
    });

    it('asks which map when the files hold several and the output goes to stdout', () => {
        const run = remit(['generate', 'matrix', path.join(REPO, 'examples/pinewood')]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('choose one with --map NAME');
    });

    it('renders a charter from the user\'s own template with its partials', async () => {
        const folder = path.join(scratch(), 'templates-ok');
        await fs.mkdir(folder, { recursive: true });
        await fs.writeFile(path.join(folder, 'charter.liquid'), '# {{ map.title }}\n{% for role in roles %}{% render "card", role: role %}{% endfor %}');
        await fs.writeFile(path.join(folder, 'card.liquid'), '- {{ role.title }} decides {{ role.decides.size }}\n');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'charter.liquid')]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('# Lakeside Elementary School\n');
        expect(run.stdout).toContain('- Principal decides 8\n');
    });

    it('--template role-cards writes the built-in role cards', async () => {
        const out = path.join(scratch(), 'cards');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', 'role-cards', '--out', out]);
        expect(run.status).toBe(0);
        const cards = await fs.readFile(path.join(out, 'lakeside-role-cards.md'), 'utf8');
        expect(cards.startsWith('# Lakeside Elementary School: role cards\n')).toBe(true);
        expect(cards).toContain('## Grade-level team leader\n');
        expect(cards).toContain('- Release time for leadership: 5%');
    });

    it('a template cannot read files outside its folder', async () => {
        const secret = path.join(scratch(), 'secret.liquid');
        await fs.writeFile(secret, 'TOP SECRET');
        const folder = path.join(scratch(), 'templates-bad');
        await fs.mkdir(folder, { recursive: true });
        for (const [name, body] of [
            ['up.liquid', '{% include "../secret" %}'],
            ['absolute.liquid', `{% render "${secret.replace(/\.liquid$/, '')}" %}`],
            ['layout.liquid', '{% layout "../secret" %}x']
        ]) {
            await fs.writeFile(path.join(folder, name), body);
            const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, name)]);
            expect(run.stdout, name).not.toContain('TOP SECRET');
            expect(run.status, name).toBe(2);
            expect(run.stderr, name).toContain('the template cannot be used');
        }
        await fs.symlink(secret, path.join(folder, 'link.liquid'));
        await fs.writeFile(path.join(folder, 'via-link.liquid'), '{% include "link" %}');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'via-link.liquid')]);
        expect(run.stdout).not.toContain('TOP SECRET');
        expect(run.status).toBe(2);
    });

    it('a broken template is reported with its file, line and column', async () => {
        const folder = path.join(scratch(), 'templates-broken');
        await fs.mkdir(folder, { recursive: true });
        await fs.writeFile(path.join(folder, 'broken.liquid'), '# {{ map.title }}\n{% for r in roles %}\n{{ r.title | shout }}\n{% endfor %}\n');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', 'broken.liquid'], folder);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('remit: broken.liquid:3:1: the template cannot be used: there is no filter named \'shout\'.\n');
    });

    it('a template reaches plain data only: no prototypes, no functions', async () => {
        const folder = path.join(scratch(), 'templates-probe');
        await fs.mkdir(folder, { recursive: true });
        // Reaching for a prototype is a name the data does not have: an error, never a value.
        for (const [probe, name] of [['map.constructor', 'constructor'], ['map.__proto__', '__proto__'], ['roles.constructor.name', 'constructor']]) {
            await fs.writeFile(path.join(folder, 'probe.liquid'), `[{{ map.title }}]\n[{{ ${probe} }}]`);
            const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'probe.liquid')]);
            expect(run.status).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr).toContain(`probe.liquid:2:5: the template cannot be used: there is no '${name}'`);
        }
    });
});

describe('remit new', () => {
    for (const starter of STARTERS) {
        it(`${starter.name}: creates a map that checks clean`, () => {
            const dir = path.join(scratch(), 'new', starter.name);
            const created = remit(['new', starter.name, dir, '--name', 'Oakdale']);
            expect(created.stderr).toBe('');
            expect(created.status).toBe(0);
            expect(existsSync(path.join(dir, 'oakdale.remit'))).toBe(true);
            const check = remit(['check', dir, '--format', 'json']);
            const report = JSON.parse(check.stdout);
            expect(report.diagnostics).toEqual([]);
            expect(check.status).toBe(0);
        });
    }

    it('a starter becomes the school\'s own draft: its name and title, no case-study names or people, a guide to what to change', async () => {
        for (const starter of STARTERS) {
            const dir = path.join(scratch(), 'own', starter.name);
            expect(remit(['new', starter.name, dir, '--name', 'Oakdale']).status).toBe(0);
            for (const file of await fs.readdir(dir)) {
                const text = await fs.readFile(path.join(dir, file), 'utf8');
                expect(text).not.toMatch(/Lakeside|Riverside|Highland|Pinewood/);
                expect(text).not.toMatch(/^\s*holders\s+"/m);
                expect(text).not.toMatch(/^\s*status\s+(ratified|proposed)/m);
            }
            const main = await fs.readFile(path.join(dir, 'oakdale.remit'), 'utf8');
            expect(main.startsWith(`// Started from the "${starter.label}" starter of remit new. To make it your school's own:\n`)).toBe(true);
            expect(main).toContain(`map Oakdale "Oakdale ${starter.titleSuffix}"\n`);
            expect(main).toMatch(/^status draft\b/m);
        }
        const titled = path.join(scratch(), 'own-titled');
        expect(remit(['new', 'elementary-ilt', titled, '--name', 'Elm', '--title', 'Elm Street Primary']).status).toBe(0);
        const json = JSON.parse(remit(['generate', 'json', titled]).stdout);
        expect(json.maps[0].title).toBe('Elm Street Primary');
        expect(json.maps[0].roles.find((r: { name: string }) => r.name === 'Principal').holders ?? []).toEqual([]);
    });

    it('renames the maps of a two-map starter together, and only as names', async () => {
        const dir = path.join(scratch(), 'new-network');
        expect(remit(['new', 'district-network', dir, '--name', 'Oakdale']).status).toBe(0);
        const school = await fs.readFile(path.join(dir, 'oakdale-north.remit'), 'utf8');
        expect(school).toContain('map OakdaleNorth ');
        expect(school).toContain('reports Oakdale.Superintendent');
        const code = school.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
        expect(code).not.toMatch(/\bPinewood\./);
        // The case-study school's name gives way to the new school's, in titles and comments too.
        expect(school).toContain('"Oakdale North School"');
        expect(school).not.toContain('Pinewood');
    });

    it('--title sets the map\'s title, quotes and backslashes included', async () => {
        const dir = path.join(scratch(), 'new-titled');
        expect(remit(['new', 'blank-raci', dir, '--name', 'Oakdale', '--title', 'Oakdale "Elm" \\ School']).status).toBe(0);
        const json = JSON.parse(remit(['generate', 'json', dir]).stdout);
        expect(json.maps[0].name).toBe('Oakdale');
        expect(json.maps[0].title).toBe('Oakdale "Elm" \\ School');
        expect(json.findings).toEqual([]);
    });

    it('never overwrites an existing map', async () => {
        const dir = path.join(scratch(), 'existing');
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(path.join(dir, 'oakdale.remit'), 'map Oakdale "Mine"\n');
        const run = remit(['new', 'blank-school', dir, '--name', 'Oakdale']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('already exists and will not be overwritten');
        expect(await fs.readFile(path.join(dir, 'oakdale.remit'), 'utf8')).toBe('map Oakdale "Mine"\n');
        expect(await leftovers(dir)).toEqual([]);
    });

    it('lists the starters, and rejects an unknown one or a name that is not an identifier', () => {
        const list = remit(['new']);
        expect(list.status).toBe(0);
        for (const starter of STARTERS) expect(list.stdout).toContain(`  ${starter.name}  `.replace(/ {2}$/, ''));
        for (const starter of STARTERS) expect(list.stdout).toContain(starter.label);
        const unknown = remit(['new', 'elementary']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('There is no starter named \'elementary\'');
        const badName = remit(['new', 'blank-school', path.join(scratch(), 'bad'), '--name', 'Oak dale']);
        expect(badName.status).toBe(2);
        expect(badName.stderr).toContain('cannot be a map name');
    });
});
