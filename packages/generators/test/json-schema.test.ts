import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { renderJson } from '@remit/generators';
import { HOSTILE, REPO, loadExample, loadText, repoPath } from './helpers.js';

/** The `json` output is exactly what docs/model.schema.json says, for every example. */
describe('the json output and its schema', () => {
    it('every example, and the hostile map, validate against docs/model.schema.json', async () => {
        const schema = JSON.parse(await fs.readFile(path.join(REPO, 'docs/model.schema.json'), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        const outputs = [];
        for (const example of ['lakeside', 'riverside', 'highland', 'pinewood', 'schemes']) {
            const { workspace, findings } = await loadExample(example);
            outputs.push(renderJson(workspace.model, findings, { fileOf: repoPath }));
        }
        const pinewoodNorthAlone = await loadExample('pinewood/north-school.remit');
        outputs.push(renderJson(pinewoodNorthAlone.workspace.model, pinewoodNorthAlone.findings, { fileOf: repoPath }));
        const hostile = await loadText(HOSTILE, 'hostile.remit');
        outputs.push(renderJson(hostile.workspace.model, hostile.findings));
        for (const text of outputs) {
            const data = JSON.parse(text);
            const valid = validate(data);
            expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
            expect(valid).toBe(true);
        }
        // Findings are there when the checker has some: a school map without its district map.
        expect(JSON.parse(outputs[5]).findings.map((f: { code: string }) => f.code)).toContain('unresolved-reference');
    }, 120_000);

    it('the schema is strict: an unknown property is rejected', async () => {
        const schema = JSON.parse(await fs.readFile(path.join(REPO, 'docs/model.schema.json'), 'utf8'));
        const validate = new Ajv2020({ strict: true }).compile(schema);
        const { workspace, findings } = await loadExample('lakeside');
        const data = JSON.parse(renderJson(workspace.model, findings, { fileOf: repoPath }));
        data.maps[0].roles[0].salary = 1;
        expect(validate(data)).toBe(false);
    });
});
