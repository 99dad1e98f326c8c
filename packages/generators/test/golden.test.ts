import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    builtinTemplate, renderCharter, renderDiagramSvg, renderJson, renderMatrix, renderMermaid, renderReport
} from '@remit/generators';
import { loadExample, repoPath, type Loaded } from './helpers.js';

/**
 * Golden tests: every output of every example, compared byte for byte with the files in
 * test/golden/. After an intended change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run packages/generators/test/golden.test.ts` and review the diff.
 */
const GOLDEN = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function expectGolden(file: string, actual: string): Promise<void> {
    const target = path.join(GOLDEN, file);
    if (UPDATE || !existsSync(target)) {
        if (!UPDATE) throw new Error(`${file}: no golden file yet; run with UPDATE_GOLDEN=1 to create it.`);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, actual);
        return;
    }
    const expected = await fs.readFile(target, 'utf8');
    expect(actual, `${file} differs from its golden file`).toBe(expected);
}

interface Case {
    example: string;
    maps: string[];
    decision?: string;
    phase?: string;
}

const CASES: Case[] = [
    { example: 'lakeside', maps: ['Lakeside'], decision: 'PDCalendar', phase: 'Expansion' },
    { example: 'riverside', maps: ['Riverside'], decision: 'RoundsSchedule' },
    { example: 'highland', maps: ['Highland'], phase: 'Schoolwide' },
    { example: 'pinewood', maps: ['Pinewood', 'PinewoodNorth', 'PinewoodSouth'] },
    { example: 'schemes', maps: ['Maple', 'Cedar', 'Birch', 'Aspen', 'Willow'] }
];

async function allOutputs(loaded: Loaded, c: Case): Promise<Record<string, string>> {
    const { workspace, findings } = loaded;
    const model = workspace.model;
    const outputs: Record<string, string> = {};
    outputs['model.json'] = renderJson(model, findings, { fileOf: repoPath });
    for (const map of c.maps) {
        const base = map.toLowerCase();
        outputs[`${base}.svg`] = await renderDiagramSvg(model, findings, { map });
        outputs[`${base}.mmd`] = renderMermaid(model, findings, { map });
        for (const format of ['md', 'csv', 'html'] as const) outputs[`${base}-matrix.${format}`] = renderMatrix(model, findings, { map, format });
        for (const format of ['md', 'html'] as const) {
            outputs[`${base}-charter.${format}`] = await renderCharter(model, findings, await builtinTemplate(format), { map, format });
            outputs[`${base}-report.${format}`] = renderReport(model, findings, { map, format });
            outputs[`${base}-role-cards.${format}`] = await renderCharter(model, findings, await builtinTemplate(format, 'role-cards'), { map, format });
        }
    }
    if (c.decision) {
        outputs[`${c.maps[0].toLowerCase()}-${c.decision.toLowerCase()}.svg`] = await renderDiagramSvg(model, findings, { map: c.maps[0], decision: c.decision });
    }
    if (c.phase) {
        const p = c.phase.toLowerCase();
        outputs[`${c.maps[0].toLowerCase()}-${p}.svg`] = await renderDiagramSvg(model, findings, { map: c.maps[0], phase: c.phase });
        outputs[`${c.maps[0].toLowerCase()}-matrix-${p}.md`] = renderMatrix(model, findings, { map: c.maps[0], phase: c.phase });
        outputs[`${c.maps[0].toLowerCase()}-${p}.mmd`] = renderMermaid(model, findings, { map: c.maps[0], phase: c.phase });
    }
    return outputs;
}

describe('golden outputs of the examples', () => {
    for (const c of CASES) {
        it(`${c.example}: every output matches its golden file`, async () => {
            const first = await allOutputs(await loadExample(c.example), c);
            if (c.example === 'lakeside') {
                // Same input, same bytes: a second run from freshly read files.
                expect(await allOutputs(await loadExample(c.example), c)).toEqual(first);
            }
            for (const [file, text] of Object.entries(first)) {
                expect(text.includes('\r\n') && !file.endsWith('.csv'), `${file} uses CRLF`).toBe(false);
                await expectGolden(path.join(c.example, file), text);
            }
        }, 180_000);
    }
});
