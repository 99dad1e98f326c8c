import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
    builtinTemplate, MERMAID_EDGE_LIMIT, renderCharter, renderDiagramSvg, renderMatrix, renderMermaid, renderMermaidDocument, renderReport
} from '@remit/generators';
import { compact, launchBrowser, openFile } from './browser.js';
import { HOSTILE, HOSTILE_TITLES, REPO, bigMap, loadExample, loadText, type Loaded } from './helpers.js';
import { generateSchool } from '../../bench/src/workspace-generator.js';

/**
 * The generated SVG and HTML opened in headless Chromium: they render without console
 * errors, run no script, and show every role's and team's title. The Mermaid text is
 * checked by Mermaid's own parser, loaded into the page.
 */
let browser: Browser;
let closeBrowser: (() => Promise<void>) | undefined;
let folder: string;

beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchBrowser());
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-pages-'));
});

afterAll(async () => {
    await closeBrowser?.();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
});

async function pages(loaded: Loaded, map: string): Promise<Record<string, string>> {
    const { workspace, findings } = loaded;
    const model = workspace.model;
    return {
        'diagram.svg': await renderDiagramSvg(model, findings, { map }),
        'matrix.html': renderMatrix(model, findings, { map, format: 'html' }),
        'charter.html': await renderCharter(model, findings, await builtinTemplate('html'), { map, format: 'html' }),
        'report.html': renderReport(model, findings, { map, format: 'html' }),
        'role-cards.html': await renderCharter(model, findings, await builtinTemplate('html', 'role-cards'), { map, format: 'html' })
    };
}

async function expectReadable(name: string, text: string, titles: string[]): Promise<void> {
    const file = path.join(folder, name);
    await fs.writeFile(file, text);
    const opened = await openFile(browser, file);
    expect(opened.errors, `${name}: console errors`).toEqual([]);
    expect(opened.scripts, `${name}: scripts`).toBe(0);
    for (const title of titles) expect(opened.compactText, `${name} shows "${title}"`).toContain(compact(title));
}

const EXAMPLES: Array<[string, string]> = [['lakeside', 'Lakeside'], ['riverside', 'Riverside'], ['highland', 'Highland'], ['pinewood', 'PinewoodNorth'], ['schemes', 'Willow']];

describe('generated pages in a browser', () => {
    for (const [example, map] of EXAMPLES) {
        it(`${map}: diagram, matrix, charter, role cards and report render cleanly and name every role and team`, async () => {
            const loaded = await loadExample(example);
            const model = loaded.workspace.model.map(map)!;
            const titles = [...model.roles, ...model.teams].map(h => h.title);
            for (const [name, text] of Object.entries(await pages(loaded, map))) {
                // The report lists the roles that hold something; the others show everywhere.
                const expected = name === 'report.html'
                    ? titles.filter(t => text.includes(t.replace(/&/g, '&amp;').replace(/'/g, '&#39;')))
                    : titles;
                await expectReadable(`${example}-${name}`, text, expected);
            }
        }, 120_000);
    }

    for (const [example, map] of EXAMPLES) {
        it(`${map}: the overview, a domain, a role and a decision, light and dark, render cleanly`, async () => {
            const { workspace, findings } = await loadExample(example);
            const model = workspace.model.map(map)!;
            const views = [{}, { domain: model.domains[0].name }, { role: model.roles[0].name }, { decision: model.decisions[0].name }];
            for (const view of views) {
                for (const theme of ['paper', 'dark'] as const) {
                    const svg = await renderDiagramSvg(workspace.model, findings, { map, theme, ...view });
                    const name = `${example}-${map}-${Object.values(view).join('-') || 'overview'}-${theme}.svg`;
                    const file = path.join(folder, name);
                    await fs.writeFile(file, svg);
                    const page = await browser.newPage();
                    const errors: string[] = [];
                    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
                    page.on('pageerror', e => errors.push(e.message));
                    await page.goto(`file://${file}`, { waitUntil: 'load' });
                    // Every word is drawn inside the picture, and the picture is not empty.
                    const drawn = await page.evaluate(() => {
                        const root = document.documentElement as unknown as SVGSVGElement;
                        const box = { width: root.width.baseVal.value, height: root.height.baseVal.value };
                        const outside = [...document.querySelectorAll('text')].filter(t => {
                            const b = (t as SVGGraphicsElement).getBBox();
                            const m = (t as SVGGraphicsElement).getCTM()!;
                            return m.e + b.x < -1 || m.f + b.y < -1 || m.e + b.x + b.width > box.width + 1 || m.f + b.y + b.height > box.height + 1;
                        }).map(t => t.textContent);
                        return { texts: document.querySelectorAll('text').length, outside };
                    });
                    await page.close();
                    expect(errors, name).toEqual([]);
                    expect(drawn.texts, name).toBeGreaterThan(5);
                    expect(drawn.outside, name).toEqual([]);
                }
            }
        }, 120_000);
    }

    it('the charter\'s summary grid and the matrix keep every role\'s title inside its column, on screen and in print', async () => {
        // Pinewood North names the district's roles with the district's name: the longest titles.
        const checks = [['pinewood', 'PinewoodNorth'], ['highland', 'Highland']] as const;
        for (const [example, map] of checks) {
            const { workspace, findings } = await loadExample(example);
            const pagesToCheck = [
                { name: 'charter', table: 'table.grid', text: await renderCharter(workspace.model, findings, await builtinTemplate('html'), { map, format: 'html' }) },
                { name: 'matrix', table: 'table.matrix', text: renderMatrix(workspace.model, findings, { map, format: 'html' }) }
            ];
            for (const { name, table, text } of pagesToCheck) {
                const file = path.join(folder, `${example}-columns-${name}.html`);
                await fs.writeFile(file, text);
                for (const media of ['screen', 'print'] as const) {
                    for (const width of [1280, 800]) {
                        const page = await browser.newPage({ viewport: { width, height: 1000 } });
                        await page.emulateMedia({ media });
                        await page.goto(`file://${file}`, { waitUntil: 'load' });
                        const headers = `${table} thead th + th`;
                        const spilled = await page.evaluate(selector => [...document.querySelectorAll(selector)].flatMap(th => {
                            const cell = th.getBoundingClientRect();
                            const range = document.createRange();
                            range.selectNodeContents(th);
                            const text = range.getBoundingClientRect();
                            const inside = text.left >= cell.left - 0.5 && text.right <= cell.right + 0.5 && text.top >= cell.top - 0.5 && text.bottom <= cell.bottom + 0.5;
                            return inside ? [] : [th.textContent ?? ''];
                        }), headers);
                        const columns = await page.locator(headers).count();
                        await page.close();
                        expect(columns, `${map} ${name}: a column per holder`).toBeGreaterThan(5);
                        expect(spilled, `${map} ${name}, ${media}, ${width} px: titles outside their column`).toEqual([]);
                    }
                }
            }
        }
    }, 120_000);

    it('a large map\'s diagram (about 300 boxes, laid out without ELK) renders cleanly and names every role and team', async () => {
        const map = generateSchool({ name: 'Lakeview', title: 'Lakeview Elementary School', decisions: 272, seed: 'diagram-300' });
        const loaded = await loadText(map.text, 'lakeview.remit');
        const model = loaded.workspace.model.map('Lakeview')!;
        const svg = await renderDiagramSvg(loaded.workspace.model, loaded.findings, { map: 'Lakeview' });
        const titles = [...model.roles, ...model.teams, ...model.decisions].map(x => x.title);
        await expectReadable('lakeview-diagram.svg', svg, titles);
    }, 120_000);

    it('the hostile map renders as text: no script runs and every hostile title is shown', async () => {
        const loaded = await loadText(HOSTILE, 'hostile.remit');
        for (const [name, text] of Object.entries(await pages(loaded, 'Hostile'))) {
            await expectReadable(`hostile-${name}`, text, name === 'report.html' ? [] : HOSTILE_TITLES);
        }
    }, 120_000);
});

describe('Mermaid output', () => {
    async function parseWithMermaid(texts: string[]): Promise<Array<string | true>> {
        const page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><body></body></html>');
        await page.addScriptTag({ path: path.join(REPO, 'node_modules/mermaid/dist/mermaid.min.js') });
        const results = await page.evaluate(async (inputs: string[]) => {
            const mermaid = (globalThis as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown> } }).mermaid;
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
            const out: Array<string | true> = [];
            for (const text of inputs) {
                try {
                    await mermaid.parse(text);
                    out.push(true);
                } catch (err) {
                    out.push(String((err as Error).message ?? err));
                }
            }
            return out;
        }, texts);
        await page.close();
        return results;
    }

    it('Mermaid\'s own parser accepts the flowchart of every example, of a phase, and of the hostile map', async () => {
        const texts: string[] = [];
        for (const [example] of EXAMPLES) {
            const { workspace, findings } = await loadExample(example);
            for (const map of workspace.model.maps) texts.push(renderMermaid(workspace.model, findings, { map: map.name }));
        }
        const lakeside = await loadExample('lakeside');
        texts.push(renderMermaid(lakeside.workspace.model, lakeside.findings, { phase: 'Expansion' }));
        const hostile = await loadText(HOSTILE, 'hostile.remit');
        texts.push(renderMermaid(hostile.workspace.model, hostile.findings));
        const results = await parseWithMermaid(texts);
        expect(results).toEqual(texts.map(() => true));
    }, 120_000);

    it('a 40-role, 120-decision map: every flowchart stays within Mermaid\'s default edge limit and parses with default settings', async () => {
        const big = await loadText(bigMap(), 'big.remit');
        const mmd = renderMermaidDocument(big.workspace.model, big.findings, { map: 'Big' }, 'mmd').text;
        const md = renderMermaidDocument(big.workspace.model, big.findings, { map: 'Big' }, 'md').text;
        const charts = [mmd, ...md.split('```mermaid\n').slice(1).map(c => c.split('```')[0])];
        expect(charts.length).toBe(7);
        expect(await parseWithMermaid(charts)).toEqual(charts.map(() => true));
        // The limit is real: one arrow more than it, and Mermaid refuses.
        const tooMany = ['flowchart LR', ...Array.from({ length: MERMAID_EDGE_LIMIT + 1 }, (_, i) => `  a${i} --> b${i}`)].join('\n');
        const [refused] = await parseWithMermaid([tooMany]);
        expect(String(refused)).toMatch(/[Ee]dge limit/);
    }, 120_000);

    it('the parser is real: it rejects a broken flowchart', async () => {
        const [result] = await parseWithMermaid(['flowchart LR\n  a["unclosed --> b']);
        expect(result).not.toBe(true);
    }, 120_000);
});
