import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { checkSources } from '@remit/language';
import { districtWorkspace, schoolWorkspace, stateWorkspace } from '../src/workspace-generator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('workspace generator', () => {
    test('is deterministic: the same seed gives the same bytes', () => {
        const a = districtWorkspace('seed-a', { maps: 5, decisionsPerSchool: 12 });
        const b = districtWorkspace('seed-a', { maps: 5, decisionsPerSchool: 12 });
        const c = districtWorkspace('seed-b', { maps: 5, decisionsPerSchool: 12 });
        expect(b.files).toEqual(a.files);
        expect(c.files).not.toEqual(a.files);
    });

    test('writes a district whose schools refer to the district map, with phased handovers', () => {
        const ws = districtWorkspace('seed-a', { maps: 4, decisionsPerSchool: 40 });
        const schools = ws.files.filter(f => f.path.startsWith('schools/'));
        expect(schools).toHaveLength(3);
        for (const school of schools) {
            expect(school.text).toContain('reports District.Superintendent');
            expect(school.text).toMatch(/members [^\n]*District\.LiteracyLead/);
        }
        const all = ws.files.map(f => f.text).join('\n');
        expect(all).toMatch(/decide \w+ until \w+\n\s*decide \w+ from \w+/);
        expect(all).toMatch(/after [^\n]*District\.\w+/);
    });

    test('writes valid maps: no errors, no warnings, whatever the size', async () => {
        for (const ws of [schoolWorkspace('s', 120), districtWorkspace('d', { maps: 6, decisionsPerSchool: 30 }), stateWorkspace('t', 2, { maps: 3, decisionsPerSchool: 10 })]) {
            const checked = await checkSources(ws.files.map(f => ({ uri: `file:///ws/${ws.name}/${f.path}`, text: f.text })));
            const serious = checked.diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning');
            expect(serious.map(d => `${d.code} ${d.element}: ${d.message}`)).toEqual([]);
            expect(checked.model.maps).toHaveLength(ws.maps);
            expect(checked.model.maps.reduce((n, m) => n + m.decisions.length, 0)).toBe(ws.decisions);
        }
    });
});

describe('npm run bench -- --size small', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'remit-bench-test-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // Proves the benchmark still runs end to end; the figures themselves are never asserted.
    test('prints every row with sane numbers', () => {
        const json = path.join(dir, 'results.json');
        const run = spawnSync(process.execPath, [path.join(root, 'packages/bench/dist/main.js'), '--size', 'small', '--json', json], { encoding: 'utf8' });
        expect(run.stderr).not.toMatch(/Error/);
        expect(run.status).toBe(0);

        const table = run.stdout;
        expect(table).toMatch(/Machine: .+, \d+ cores, [\d.]+ GB, .+; Node v\d+/);
        const lines = table.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| measurement') && !l.startsWith('| ---'));
        const check = 'full check (parse, link, every rule), per input byte vs JSON.parse per byte';
        const memory = 'full check: peak memory per MB of maps';
        const server = 'language server: initialize to every map\'s diagnostics; peak memory per MB of maps';
        const expected = [
            `${check} | school`, `${check} | district`, `${check} | state`,
            `${memory} | school`, `${memory} | district`, `${memory} | state`,
            'language server: initialize', 'language server: peak memory, the district open',
            'keystroke in a school map', 'remove / restore a decide line', 'keystroke in the district map',
            'a district role every school names renamed', 'every dependent school\'s diagnostics current',
            'hover while 100 edits arrive back to back',
            `${server} | school`, `${server} | state`,
            'the same keystrokes, the map open with only the district map', 'diagram layout + SVG', 'preview redraw after an edit', 'CLI start-up',
            'remit diff --rev of a commit changing every map'
        ];
        expect(lines).toHaveLength(expected.length);
        const cells = (line: string) => line.split('|').map(c => c.trim()).join(' | ');
        expected.forEach((label, i) => expect(cells(lines[i])).toContain(label));
        // Every target has its row, with a verdict.
        for (const target of ['<= 30x per byte', '<= 50 MB per MB', 'within 2 GB', '< 500 MB', '<= 2000 ms', 'p95 < 50 ms', 'p95 < 100 ms', '<= 1000 ms']) {
            expect(lines.some(l => l.includes(target) && /\| (yes|NO) +\|/.test(l)), target).toBe(true);
        }
        for (const line of lines) expect(line).toMatch(/\| (yes|NO|-) +\| (\d+ MB|-) +\|$/);

        const r = JSON.parse(readFileSync(json, 'utf8'));
        const sane = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
        expect(r.check.map((c: { workspace: string }) => c.workspace)).toEqual(['school', 'district', 'state']);
        for (const c of r.check) {
            for (const key of ['checkMs', 'jsonParseMs', 'bytes', 'jsonBytes', 'peakRssMB']) expect(sane(c[key]), key).toBe(true);
            expect(c.checkMs).toBeGreaterThan(0);
            expect(c.errors).toBe(0);
        }
        // The keys outside tools read stay where they are, with numbers.
        for (const key of ['initialMs', 'peakRssMB']) expect(sane(r.lsp[key]), `lsp.${key}`).toBe(true);
        expect(sane(r.lsp.keystroke.p95) && sane(r.lsp.districtKeystroke.p95)).toBe(true);
        expect(r.lsp.files).toBe(r.workspaces[1].maps + 1);
        // Renaming a district role every school names reaches every one of them.
        expect(r.lsp.districtRename.schools).toBe(r.workspaces[1].maps - 1);
        expect(sane(r.lsp.districtRename.p95) && sane(r.lsp.districtRename.dependents.p95)).toBe(true);
        expect(r.lspWorkspaces.map((l: { workspace: string }) => l.workspace)).toEqual(['school', 'state']);
        for (const l of r.lspWorkspaces) expect(sane(l.initialMs) && sane(l.peakRssMB), l.workspace).toBe(true);
        for (const l of [r.lsp.keystroke, r.lsp.gapToggle, r.lsp.districtKeystroke]) {
            expect(sane(l.p50) && sane(l.p95)).toBe(true);
            expect(l.p95).toBeGreaterThanOrEqual(l.p50);
        }
        expect(r.lspAlone.files).toBe(3); // the school, the district and the standard library
        expect(sane(r.lspAlone.keystroke.p50) && r.lspAlone.keystroke.p95 >= r.lspAlone.keystroke.p50).toBe(true);
        // Removing a decision's only `decide` line must show the gap.
        expect(r.lsp.gapToggle.gapsReported).toBe(1);
        for (const d of r.diagram.sizes) {
            expect(d.nodes).toBeGreaterThan(0);
            expect(d.svgBytes).toBeGreaterThan(0);
            for (const key of ['mainMs', 'mainStallMs', 'workerMs', 'workerStallMs']) expect(sane(d[key]), key).toBe(true);
            expect(d.svgBytes).toBeGreaterThan(0);
        }
        // The preview is redrawn after edits of every example map (the extension's own server).
        expect(r.preview.maps.map((m: { map: string }) => m.map)).toEqual(['lakeside', 'riverside', 'highland', 'north-school']);
        for (const m of r.preview.maps) expect(sane(m.medianMs) && m.samples > 0, m.map).toBe(true);
        expect(sane(r.preview.medianMs)).toBe(true);
        expect(sane(r.startup.checkMs) && sane(r.startup.nodeMs)).toBe(true);
        expect(r.startup.exitCode).toBe(0);
        expect(sane(r.review.diffMs) && sane(r.review.checkMs)).toBe(true);
        // The edit hands one decision of every map to someone else: the diff must see each.
        expect(r.review.changedHands).toBe(r.review.maps);
    }, 300_000);
});
