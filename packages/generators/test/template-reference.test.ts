import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { buildCharterData, buildMapView } from '@remit/generators';
import { HOSTILE, REPO, loadExample, loadText } from './helpers.js';

/**
 * docs/template-data.md and docs/template-data.schema.json are generated from the
 * CharterData type (scripts/template-reference.mjs): they must be current, and the data
 * a template really gets, for every example, must match the schema exactly (the schema
 * allows no names it does not list, so a field added without its type fails here).
 */
describe('the template data reference', () => {
    it('docs/template-data.md and its schema are current (else run node scripts/template-reference.mjs)', async () => {
        const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/template-reference.mjs'), '--print'], { encoding: 'utf8', maxBuffer: 20_000_000 });
        expect(run.stderr).toBe('');
        const { json, markdown } = JSON.parse(run.stdout) as { json: string; markdown: string };
        expect(await fs.readFile(path.join(REPO, 'docs/template-data.schema.json'), 'utf8')).toBe(json);
        expect(await fs.readFile(path.join(REPO, 'docs/template-data.md'), 'utf8')).toBe(markdown);
    }, 120_000);

    it('the data of every example, and of the hostile map, matches the schema', async () => {
        const schema = JSON.parse(await fs.readFile(path.join(REPO, 'docs/template-data.schema.json'), 'utf8'));
        const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
        const loaded = [
            ...await Promise.all(['lakeside', 'riverside', 'highland', 'pinewood', 'schemes'].map(e => loadExample(e))),
            await loadText(HOSTILE, 'hostile.remit')
        ];
        let checked = 0;
        for (const { workspace, findings } of loaded) {
            for (const map of workspace.model.maps) {
                for (const shown of ['none', 'board', 'full'] as const) {
                    const data = JSON.parse(JSON.stringify(buildCharterData(buildMapView(workspace.model, map, findings), { findings: shown })));
                    expect(validate(data) ? [] : validate.errors, `${map.name} with --findings ${shown}`).toEqual([]);
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(15);
    });
});
