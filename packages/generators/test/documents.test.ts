import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { REPO, scratchFolder } from './helpers.js';
import { readPdf, type PdfPage } from './pdf-pages.js';

/**
 * The documents a consultant hands to a board, made as a user makes them (the built
 * `remit` in a child process) and read back with readers independent of the libraries
 * that wrote them: pdf.js for PDF, mammoth and the raw XML for Word, ExcelJS for the
 * workbook. PNGs of the PDF pages are left in $REMIT_PDF_PNG (when set) to look at.
 */
const BIN = path.join(REPO, 'packages/cli/bin/remit.js');
const LAKESIDE = path.join(REPO, 'examples/lakeside');
const HIGHLAND = path.join(REPO, 'examples/highland');
const scratch = scratchFolder('remit-documents-');

function remit(args: string[], cwd = scratch()): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[]): { maps: Array<{ roles: Array<{ title: string }>; teams: Array<{ title: string }>; decisions: Array<{ title: string }>; title: string }> } {
    return JSON.parse(remit(['generate', 'json', ...args]).stdout);
}

async function pdfOf(args: string[], file: string): Promise<PdfPage[]> {
    const out = path.join(scratch(), 'pdf');
    const run = remit([...args, '--format', 'pdf', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = await fs.readFile(path.join(out, file));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const keep = process.env.REMIT_PDF_PNG;
    return readPdf(bytes, keep ? { png: (n, png) => void fs.writeFile(path.join(keep, `${file}-${n}.png`), png) } : {});
}

/** Text without spaces: PDF text runs split words at arbitrary places. */
function compact(text: string): string {
    return text.replace(/\s+/g, '');
}

describe('PDF', () => {
    it('the charter: title and page numbers on every page, the summary grid on one page, nothing off the paper', async () => {
        const pages = await pdfOf(['generate', 'charter', LAKESIDE], 'lakeside-charter.pdf');
        const model = json([LAKESIDE]).maps[0];
        expect(pages.length).toBeGreaterThan(3);
        for (const page of pages) {
            expect(page.text.startsWith(`${model.title} Page ${page.number} of ${pages.length}`)).toBe(true);
            expect(page.outside).toEqual([]);
            // No blank page: each has more than its running title and number.
            expect(page.text.length).toBeGreaterThan(`${model.title} Page 10 of 10`.length + 20);
        }
        expect(pages[0].text).toContain('Contents');
        const grid = pages.filter(p => p.text.includes('Key: R recommend'));
        expect(grid).toHaveLength(1);
        for (const decision of model.decisions) expect(compact(grid[0].text)).toContain(compact(decision.title));
        for (const holder of [...model.roles, ...model.teams]) expect(compact(grid[0].text)).toContain(compact(holder.title));
        const all = pages.map(p => p.text).join(' ');
        expect(all).toContain('6 to 12 months');
        expect(all).not.toContain('6..12');
        expect(all).toContain('When a decision is appealed or stuck');
    }, 120_000);

    it('the matrix: landscape, every role column header on each page of the table, the header row repeated', async () => {
        const pages = await pdfOf(['generate', 'matrix', HIGHLAND], 'highland-matrix.pdf');
        const model = json([HIGHLAND]).maps[0];
        const holders = [...model.roles, ...model.teams].map(h => compact(h.title));
        for (const page of pages) {
            expect(page.widthPt).toBeGreaterThan(page.heightPt);
            expect(page.outside).toEqual([]);
            for (const holder of holders) expect(compact(page.text)).toContain(holder);
        }
        const text = compact(pages.map(p => p.text).join(''));
        for (const decision of model.decisions) expect(text).toContain(compact(decision.title));
    }, 120_000);

    it('the diagram fits one page, and the report prints', async () => {
        const diagram = await pdfOf(['generate', 'diagram', LAKESIDE], 'lakeside.pdf');
        expect(diagram).toHaveLength(1);
        expect(diagram[0].outside).toEqual([]);
        const model = json([LAKESIDE]).maps[0];
        for (const decision of model.decisions.slice(0, 3)) expect(compact(diagram[0].text)).toContain(compact(decision.title));
        const report = await pdfOf(['generate', 'report', LAKESIDE], 'lakeside-report.pdf');
        expect(report.length).toBeGreaterThan(0);
        expect(report[0].text).toContain('Page 1 of');
    }, 120_000);

    it('refuses to print a PDF into a terminal, with what to do instead', () => {
        // spawnSync gives no terminal, so this checks the message's wording through --format.
        const run = remit(['generate', 'mermaid', LAKESIDE, '--format', 'pdf']);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('remit: mermaid cannot be written as \'pdf\'. Use --format mmd or md.\n');
    });
});

describe('Word', () => {
    it('the charter as .docx: a valid package, real headings and tables, role cards and page numbers', async () => {
        const out = path.join(scratch(), 'docx');
        const run = remit(['generate', 'charter', LAKESIDE, '--format', 'docx', '--out', out]);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(`Wrote ${path.relative(scratch(), path.join(out, 'lakeside-charter.docx'))}\n`);
        const bytes = await fs.readFile(path.join(out, 'lakeside-charter.docx'));
        const zip = await JSZip.loadAsync(bytes);
        // The parts Word needs to open a file without a repair prompt.
        for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml']) {
            expect(zip.file(part), part).not.toBeNull();
        }
        const types = await zip.file('[Content_Types].xml')!.async('string');
        expect(types).toContain('wordprocessingml.document.main+xml');
        const footers = Object.keys(zip.files).filter(name => /^word\/footer\d*\.xml$/.test(name));
        const footerXml = (await Promise.all(footers.map(name => zip.file(name)!.async('string')))).join('');
        expect(footerXml).toContain('PAGE');
        expect(footerXml).toContain('NUMPAGES');

        const model = json([LAKESIDE]).maps[0];
        const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
        expect(html).toContain(`<h1>Summary: who decides what</h1>`);
        expect(html).toContain('<h1>Role cards</h1>');
        expect(html).toContain('<h1>When a decision is appealed or stuck</h1>');
        for (const role of model.roles) expect(html).toContain(`<h2>${escape(role.title)}</h2>`);
        // The summary grid is a real table: a header row with every role and team.
        const firstTable = /<table>([\s\S]*?)<\/table>/g;
        const tables = [...html.matchAll(firstTable)].map(m => m[1]);
        const grid = tables.find(t => t.includes('<p><strong>Decision</strong></p>'))!;
        expect(grid).toBeDefined();
        for (const holder of [...model.roles, ...model.teams]) expect(grid).toContain(escape(holder.title));
        expect(grid.match(/<tr>/g)!.length).toBe(model.decisions.length + 1);
        const text = (await mammoth.extractRawText({ buffer: bytes })).value;
        expect(text).toContain('Sits on Instructional Leadership Team');
        expect(text).not.toContain('..');
    }, 60_000);
});

describe('Excel and CSV', () => {
    it('the matrix as .xlsx: frozen header row and first column, one sheet per phase where authority changes', async () => {
        const out = path.join(scratch(), 'xlsx');
        expect(remit(['generate', 'matrix', LAKESIDE, '--format', 'xlsx', '--out', out]).status).toBe(0);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(out, 'lakeside-matrix.xlsx'));
        const names = workbook.worksheets.map(s => s.name);
        expect(names[0]).toBe('All phases');
        // Lakeside hands authority over in Initial implementation, Expansion and Institutionalization.
        expect(names.slice(1)).toEqual(['Initial implementation', 'Expansion', 'Institutionalization']);
        const model = json([LAKESIDE]).maps[0];
        for (const sheet of workbook.worksheets) {
            expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
            const header = (sheet.getRow(1).values as unknown[]).slice(1);
            expect(header[0]).toBe('Decision');
            for (const holder of [...model.roles, ...model.teams]) expect(header).toContain(holder.title);
            expect(sheet.rowCount).toBe(model.decisions.length + 1);
        }
        const all = workbook.getWorksheet('All phases')!;
        const principal = (all.getRow(1).values as unknown[]).indexOf('Principal');
        expect(all.getRow(2).getCell(principal).value).toBe('decide');
        // In Expansion the ILT decides the professional development calendar; before, the principal.
        const row = (sheet: ExcelJS.Worksheet) => sheet.getRows(2, sheet.rowCount - 1)!.find(r => r.getCell(1).value === 'Set the professional development calendar')!;
        const ilt = (all.getRow(1).values as unknown[]).indexOf('Instructional Leadership Team');
        expect(row(workbook.getWorksheet('Expansion')!).getCell(ilt).value).toBe('decide');
        expect(row(workbook.getWorksheet('Initial implementation')!).getCell(ilt).value).toBe('recommend');
    }, 60_000);

    it('CSV starts with a UTF-8 byte-order mark, and --no-bom leaves it out', () => {
        const withBom = remit(['generate', 'matrix', LAKESIDE, '--format', 'csv']);
        expect(withBom.stdout.startsWith('\uFEFFDomain,Decision,')).toBe(true);
        const without = remit(['generate', 'matrix', LAKESIDE, '--format', 'csv', '--no-bom']);
        expect(without.stdout.startsWith('Domain,Decision,')).toBe(true);
        expect(without.stdout).toBe(withBom.stdout.slice(1));
    });
});

describe('the board charter', () => {
    const FRONT = `/** A school's charter with its front matter. */
map Oakdale "Oakdale Elementary School"
uses School
status ratified
version "2.1"
adopted "2026-09-01"
approved "Governing board"
next-review "2027-06"

phases {
  Start "Getting started" 6..12 months
  Later "Later on" 1 year
}

role Principal "Principal" { kind administrator backup Deputy }
role Deputy "Deputy principal" { kind administrator }

domain Teaching "Teaching" {
  decision Focus "Set the instructional focus" {
    recommend Deputy
    decide Principal
  }
  decision Books "Adopt curriculum materials" {
    recommend Deputy
  }
}
`;

    async function oakdale(text = FRONT): Promise<string> {
        const folder = await fs.mkdtemp(path.join(scratch(), 'oakdale-'));
        await fs.writeFile(path.join(folder, 'oakdale.remit'), text);
        return folder;
    }

    it('prints the front matter in words, counts in good English, durations without syntax', async () => {
        const folder = await oakdale();
        const run = remit(['generate', 'charter', folder]);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('- Version: 2.1\n- Adopted: 1 September 2026\n- Approved by: Governing board\n- Next review: June 2027\n');
        expect(run.stdout).toContain('It covers 2 decisions, 2 roles and no teams.');
        expect(run.stdout).toContain('| Getting started | 6 to 12 months |');
        expect(run.stdout).toContain('| Later on | 1 year |');
        expect(run.stdout).toContain('- Principal makes the final decision and is accountable for it.');
    });

    it('--findings none, board and full', async () => {
        const folder = await oakdale();
        const board = remit(['generate', 'charter', folder, '--findings', 'board']).stdout;
        expect(board).toContain('## Open questions');
        expect(board).toContain('- One decision has no final decision-maker yet.');
        expect(board).not.toMatch(/no-final-authority|\*\*error\*\*/);
        // A ratified map shows the board's summary by default.
        expect(remit(['generate', 'charter', folder]).stdout).toContain('## Open questions');
        const none = remit(['generate', 'charter', folder, '--findings', 'none']).stdout;
        expect(none).not.toContain('Open questions');
        expect(none).not.toContain('Open findings');
        expect(none).not.toContain('Check (');
        const full = remit(['generate', 'charter', folder, '--findings', 'full']).stdout;
        expect(full).toContain('## Open findings');
        expect(full).toContain('(no-final-authority)');
        const wrong = remit(['generate', 'charter', folder, '--findings', 'some']);
        expect(wrong.status).toBe(2);
        expect(wrong.stderr).toBe('remit: --findings cannot be \'some\'. Use --findings none, board or full.\n');
    });

    it('a date that is not a real date is an error naming the line, in plain words', async () => {
        const folder = await oakdale(FRONT.replace('"2026-09-01"', '"2026-02-30"').replace('"2027-06"', '"June 2027"'));
        const run = remit(['check', folder]);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('oakdale.remit:6:9');
        expect(run.stdout).toContain('\'2026-02-30\' is not a date the charter can print as its adoption date. Write the day it was adopted as year-month-day, for example adopted "2026-09-01".');
        expect(run.stdout).toContain('oakdale.remit:8:13');
        expect(run.stdout).toContain('\'June 2027\' is not a date the charter can print as its next review.');
    });

    it('remit fmt keeps the front matter, one line each', async () => {
        const text = FRONT.replace('status ratified\nversion "2.1"\n', 'status ratified   version   "2.1"\n');
        const result = spawnSync(process.execPath, [BIN, 'fmt', '--stdin'], { input: text, encoding: 'utf8' });
        const run = { stdout: result.stdout, stderr: result.stderr };
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('status ratified\nversion "2.1"\nadopted "2026-09-01"\n');
    });
});

describe('templates', () => {
    it('a consultant\'s template with a header partial and a loop over roles', async () => {
        const folder = path.join(scratch(), 'consultant');
        await fs.mkdir(path.join(folder, 'partials'), { recursive: true });
        await fs.writeFile(path.join(folder, 'partials', 'header.liquid'), '# {{ map.title }} ({{ map.id }})\nPrepared by Example Consulting.\n');
        await fs.writeFile(path.join(folder, 'board.md.liquid'), '{% render "partials/header", map: map %}\n{% for role in roles %}- {{ role.title }} [{{ role.id }} / {{ role.name }}]: decides {{ role.decides.size }}\n{% endfor %}');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'board.md.liquid')]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const model = json([LAKESIDE]).maps[0];
        expect(run.stdout.startsWith('# Lakeside Elementary School (Lakeside)\nPrepared by Example Consulting.\n')).toBe(true);
        expect(run.stdout).toContain('- Principal [Lakeside.Principal / Principal]: decides 8\n');
        expect(run.stdout.split('\n').filter(l => l.startsWith('- '))).toHaveLength(model.roles.length + model.teams.length);
    });

    it('a typo is an error naming the file, line and the nearest valid name (exit 2)', async () => {
        const folder = path.join(scratch(), 'typo');
        await fs.mkdir(folder, { recursive: true });
        await fs.writeFile(path.join(folder, 'typo.liquid'), '# Charter\n{{ map.titel }}\n');
        const run = remit(['generate', 'charter', LAKESIDE, '--template', 'typo.liquid'], folder);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('remit: typo.liquid:2:4: the template cannot be used: there is no \'titel\' in map; did you mean map.title? (docs/templates.md lists every name a template can use).\n');
        await fs.writeFile(path.join(folder, 'loop.liquid'), '{% for r in roles %}\n{{ r.nmae }}\n{% endfor %}\n');
        const loop = remit(['generate', 'charter', LAKESIDE, '--template', 'loop.liquid'], folder);
        expect(loop.status).toBe(2);
        expect(loop.stderr).toContain('loop.liquid:2:4: the template cannot be used: there is no \'nmae\' in r; did you mean r.name?');
    });

    it('reads only its own folder and partials/, never sub-folders, and never opens a FIFO', async () => {
        const folder = path.join(scratch(), 'fifo');
        await fs.mkdir(path.join(folder, 'deep', 'deeper'), { recursive: true });
        await fs.writeFile(path.join(folder, 'deep', 'deeper', 'secret.liquid'), 'SECRET');
        await fs.writeFile(path.join(folder, 'main.liquid'), '{{ map.title }}\n');
        const made = spawnSync('mkfifo', [path.join(folder, 'pipe.liquid')]);
        expect(made.status).toBe(0);
        const run = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'main.liquid')]);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('Lakeside Elementary School\n');
        await fs.writeFile(path.join(folder, 'include.liquid'), '{% render "deep/deeper/secret" %}\n');
        const deep = remit(['generate', 'charter', LAKESIDE, '--template', path.join(folder, 'include.liquid')]);
        expect(deep.status).toBe(2);
        expect(deep.stderr).toContain('no template named "deep/deeper/secret"');
    }, 30_000);
});

function escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
