import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveDecisions } from '@remit/language';
import ExcelJS from 'exceljs';
import { renderDiagramSvg, renderMatrix, renderMatrixXlsx } from '@remit/generators';
import { launchBrowser } from './browser.js';
import { loadExample } from './helpers.js';

/** Part 2 in the matrix: one row per case; decisions inherited from the maps above, marked. */
describe('the matrix of a school under a district', () => {
    it('has one row per case of a decision, each with the holders of that case', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const md = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'md' });
        const rows = md.split('\n').filter(line => line.startsWith('| Approve a purchase'));
        expect(rows).toHaveLength(2);
        expect(rows[0]).toMatch(/^\| Approve a purchase from the school's budget \(when up to \$5,000\) \*\*proposed\*\* \| decide \| recommend \| inform \|/);
        expect(rows[1]).toContain('(when over $5,000)');
        expect(rows[1]).toMatch(/\| consult \| decide \|$/);
        const csv = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'csv' });
        expect(csv.split('\r\n').filter(line => line.includes('PinewoodSouth.Purchases'))).toHaveLength(2);
        const html = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'html' });
        expect(html.match(/data-element="PinewoodSouth\.Purchases"/g)).toHaveLength(2);
    });

    it('the workbook too: one row per case, then the decisions from the maps above', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(await renderMatrixXlsx(workspace.model, findings, { map: 'PinewoodSouth' })) as unknown as ArrayBuffer);
        const sheet = book.worksheets[0];
        const rows: string[][] = [];
        sheet.eachRow(row => rows.push((row.values as unknown[]).slice(1).map(v => (v === null || v === undefined ? '' : String(v)))));
        const header = rows[0];
        const column = (title: string) => header.indexOf(title);
        const purchases = rows.filter(r => r[0].startsWith('Approve a purchase'));
        expect(purchases.map(r => r[0])).toEqual([
            "Approve a purchase from the school's budget (when up to $5,000)",
            "Approve a purchase from the school's budget (when over $5,000)"
        ]);
        expect(purchases[0][column('Principal')]).toBe('decide');
        expect(purchases[1][column('Principal')]).toBe('');
        const expected = effectiveDecisions(workspace.model, workspace.model.maps.find(m => m.name === 'PinewoodSouth')!).filter(e => e.inherited !== undefined);
        const notes = header.length - 1;
        for (const e of expected) {
            const row = rows.find(r => r[0] === e.decision.title);
            expect(row, e.decision.title).toBeDefined();
            expect(row![notes]).toMatch(e.inherited === 'tight' ? /^set by Pinewood: .+ decides$/ : /^Pinewood's default: .+ decides$/);
        }
    });

    it('lists inherited decisions: set by the district (tight) or its default (loose, not overridden)', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const south = renderMatrix(workspace.model, findings, { map: 'PinewoodSouth', format: 'md' });
        expect(south).toContain('- Adopt the district literacy framework (set by Pinewood): District leadership team decides');
        expect(south).toContain("- Set each school's professional learning calendar (Pinewood's default): Building principals decides");
        const north = renderMatrix(workspace.model, findings, { map: 'PinewoodNorth', format: 'md' });
        expect(north).toContain('(set by Pinewood)');
        // North overrides the calendar: the district's default is not North's.
        expect(north).not.toContain("Set each school's professional learning calendar (Pinewood's default)");
        const district = renderMatrix(workspace.model, findings, { map: 'Pinewood', format: 'md' });
        expect(district).not.toContain('Decisions from the maps above');
    });
});

/** What a principal sees in a browser: the page's text as laid out, and a screenshot in $REMIT_SCREENSHOTS (when set). */
async function seen(content: string, file: string, selector = 'body'): Promise<string> {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-governance-'));
    const { browser, close } = await launchBrowser();
    try {
        // A picture is shown in a page, as a browser shows an SVG put in a document.
        const html = file.endsWith('.svg') ? `${file}.html` : file;
        await fs.writeFile(path.join(folder, html), file.endsWith('.svg') ? `<!doctype html><meta charset="utf-8"><body>${content}</body>` : content);
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`file://${path.join(folder, html)}`, { waitUntil: 'load' });
        const shots = process.env.REMIT_SCREENSHOTS;
        if (shots) await page.screenshot({ path: path.join(shots, `${file}.png`), fullPage: true });
        return await page.locator(selector).first().evaluate(e => (e instanceof HTMLElement ? e.innerText : e.textContent) ?? '');
    } finally {
        await close();
        await fs.rm(folder, { recursive: true, force: true });
    }
}

describe('governance as a principal sees it in a browser', () => {
    it('the matrix page of a school lists every decision it takes from the maps above, after its own', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        for (const map of ['PinewoodNorth', 'PinewoodSouth']) {
            const expected = effectiveDecisions(workspace.model, workspace.model.maps.find(m => m.name === map)!).filter(e => e.inherited !== undefined);
            expect(expected.length, map).toBeGreaterThan(0);
            const text = await seen(renderMatrix(workspace.model, findings, { map, format: 'html' }), `${map}-matrix.html`);
            const after = text.slice(text.indexOf('Decisions from the maps above'));
            expect(text.indexOf('Decisions from the maps above'), map).toBeGreaterThan(text.indexOf('Decision'));
            for (const e of expected) {
                const note = e.inherited === 'tight' ? `set by ${e.map.name}` : `${e.map.name}'s default`;
                expect(after, `${map}: ${e.decision.title}`).toMatch(new RegExp(`${escapeRegExp(e.decision.title)}\\s+${escapeRegExp(note)}\\s+\\S`));
            }
        }
        const district = await seen(renderMatrix(workspace.model, findings, { map: 'Pinewood', format: 'html' }), 'Pinewood-matrix.html');
        expect(district).not.toContain('Decisions from the maps above');
    }, 60_000);

    it('the diagram names who decides in each case, in the overview and in the decision\'s own picture', async () => {
        const { workspace, findings } = await loadExample('pinewood');
        const overview = await seen(await renderDiagramSvg(workspace.model, findings, { map: 'PinewoodSouth' }), 'south.svg');
        // SVG text is wrapped over several lines: compared without white space.
        const compact = overview.replace(/\s+/g, '');
        expect(compact).toContain('decide:Principal(whenupto$5,000),Boardofeducation(PinewoodRuralSchoolDistrict)(whenover$5,000)');
        expect(compact).toContain('consult:Southsitecouncil(whenover$5,000)');
        const flow = await seen(await renderDiagramSvg(workspace.model, findings, { map: 'PinewoodSouth', decision: 'Purchases' }), 'south-purchases.svg');
        expect(flow.replace(/\s+/g, '')).toContain('decide(finalauthority)Principal(whenupto$5,000)Boardofeducation(PinewoodRuralSchoolDistrict)(whenover$5,000)');
    }, 60_000);
});

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
