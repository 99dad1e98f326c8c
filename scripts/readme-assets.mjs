#!/usr/bin/env node
// Regenerates the pictures and excerpts the README shows, from examples/lakeside:
//   docs/images/lakeside-diagram.svg          the diagram (remit generate diagram)
//   README.md between the charter-excerpt markers  one decision of the charter
//   docs/images/lakeside-charter-page.png     the board charter's summary page, printed to
//                                             PDF and rasterised (written, not --check'ed:
//                                             pixels differ from one machine's fonts to another's)
// Run `node scripts/readme-assets.mjs` after a change to the generators or the example
// (build first), or `--check` to fail when they are out of date (a test does this too).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openWorkspace } from '@remit/language';
import { builtinTemplate, findingsFromDiagnostics, renderCharter, renderDiagramSvg, writeOutputFile } from '@remit/generators';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIAGRAM_FILE = path.join(ROOT, 'docs/images/lakeside-diagram.svg');
export const README_FILE = path.join(ROOT, 'README.md');
const START = '<!-- charter-excerpt:start -->';
const END = '<!-- charter-excerpt:end -->';
/** The decision the excerpt shows: it changes hands between phases. */
const EXCERPT_DECISION = 'Set the professional development calendar';

/** The diagram and the charter excerpt, as they should be now. */
export async function computeAssets() {
    const workspace = await openWorkspace([path.join(ROOT, 'examples/lakeside')], { cwd: ROOT });
    const findings = findingsFromDiagnostics(workspace.diagnostics);
    const diagram = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside' });
    const charter = await renderCharter(workspace.model, findings, await builtinTemplate('md'), { map: 'Lakeside', format: 'md' });
    return { diagram, excerpt: charterExcerpt(charter) };
}

export const CHARTER_PAGE_FILE = path.join(ROOT, 'docs/images/lakeside-charter-page.png');

/**
 * The summary page of the Lakeside board charter as a board member sees it: the HTML
 * charter printed by `remit generate charter --format pdf`'s printer, the page with the
 * summary grid rasterised by pdf.js.
 */
export async function charterPagePng() {
    const { printPdf } = await import('@remit/render');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { createCanvas } = await import('@napi-rs/canvas');
    const workspace = await openWorkspace([path.join(ROOT, 'examples/lakeside')], { cwd: ROOT });
    const findings = findingsFromDiagnostics(workspace.diagnostics);
    const html = await renderCharter(workspace.model, findings, await builtinTemplate('html'), { map: 'Lakeside', format: 'html', findings: 'board' });
    const pdf = await getDocument({ data: await printPdf(html, { paper: 'letter' }), verbosity: 0, isEvalSupported: false }).promise;
    for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        const text = (await page.getTextContent()).items.map(item => item.str ?? '').join('');
        if (!text.includes('Summary: who decides what') || !text.includes('Key:')) continue;
        const viewport = page.getViewport({ scale: 1.25 });
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas, canvasContext: context, viewport }).promise;
        await pdf.destroy();
        return canvas.toBuffer('image/png');
    }
    throw new Error('The Lakeside charter has no summary page.');
}

/** The charter's entry for one decision: from its bold title to the next entry or heading. */
export function charterExcerpt(charter) {
    const lines = charter.split('\n');
    const start = lines.findIndex(l => l.startsWith(`**${EXCERPT_DECISION}**`));
    if (start < 0) throw new Error(`The Lakeside charter has no entry for "${EXCERPT_DECISION}".`);
    let end = start + 1;
    while (end < lines.length && !lines[end].startsWith('**') && !lines[end].startsWith('#')) end++;
    return lines.slice(start, end).join('\n').trim();
}

/** README text with the excerpt between the markers, or undefined when the markers are missing. */
export function withExcerpt(readme, excerpt) {
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) return undefined;
    return `${readme.slice(0, start + START.length)}\n${excerpt}\n${readme.slice(end)}`;
}

async function main() {
    const check = process.argv.includes('--check');
    const { diagram, excerpt } = await computeAssets();
    const readme = await fs.readFile(README_FILE, 'utf8');
    const updated = withExcerpt(readme, excerpt);
    if (updated === undefined) {
        console.error(`README.md: the markers ${START} and ${END} are missing; add them where the charter excerpt belongs.`);
        process.exitCode = 1;
        return;
    }
    const currentDiagram = await fs.readFile(DIAGRAM_FILE, 'utf8').catch(() => '');
    if (check) {
        const stale = [currentDiagram !== diagram && 'docs/images/lakeside-diagram.svg', updated !== readme && 'README.md (charter excerpt)'].filter(Boolean);
        if (stale.length) {
            console.error(`Out of date: ${stale.join(', ')}. Run: node scripts/readme-assets.mjs`);
            process.exitCode = 1;
        }
        return;
    }
    if (currentDiagram !== diagram) await writeOutputFile(DIAGRAM_FILE, diagram);
    if (updated !== readme) await writeOutputFile(README_FILE, updated);
    await writeOutputFile(CHARTER_PAGE_FILE, await charterPagePng());
    console.log('docs/images/lakeside-diagram.svg, docs/images/lakeside-charter-page.png and the README charter excerpt are current.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    main().catch(err => {
        console.error(`readme-assets: ${err.message}`);
        process.exitCode = 2;
    });
}
