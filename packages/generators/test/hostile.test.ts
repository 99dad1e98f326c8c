import { describe, expect, it } from 'vitest';
import {
    builtinTemplate, escapeCsv, escapeMarkdown, renderCharter, renderDiagramSvg, renderJson, renderMatrix, renderMermaid, renderReport
} from '@remit/generators';
import { HOSTILE, loadText } from './helpers.js';

/** Splits CSV text (RFC 4180) into rows of cells, so tests read it as a spreadsheet would. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    if (cell || row.length) { row.push(cell); rows.push(row); }
    return rows;
}

/** Cells of a Markdown table row, split at pipes that are not backslash-escaped. */
function markdownCells(line: string): string[] {
    return line.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

const load = () => loadText(HOSTILE, 'hostile.remit');

describe('hostile names and titles', () => {
    it('the hostile map itself is readable by the checker (no syntax errors)', async () => {
        const { workspace } = await load();
        expect(workspace.diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        expect(workspace.model.maps[0].roles.map(r => r.title)).toContain('<script>alert(1)</script>');
    });

    it('SVG diagrams contain no markup from titles, and still say every title', async () => {
        const { workspace, findings } = await load();
        for (const options of [{}, { decision: 'Risky' }, { phase: 'Second' }]) {
            const svg = await renderDiagramSvg(workspace.model, findings, options);
            expect(svg).not.toMatch(/<script/i);
            expect(svg).not.toMatch(/<svg onload/i);
            expect(svg).not.toMatch(/<img/i);
            expect(svg.match(/<\/svg>/g)).toHaveLength(1);
            expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
            expect(svg).toContain('&lt;script&gt;');
        }
        const svg = await renderDiagramSvg(workspace.model, findings);
        expect(svg).toContain('&lt;/svg&gt;&lt;svg');
        expect(svg).toContain('onload=alert(1)&gt;');
    });

    it('HTML outputs (matrix, charter, report) escape every title', async () => {
        const { workspace, findings } = await load();
        const pages = [
            renderMatrix(workspace.model, findings, { format: 'html' }),
            await renderCharter(workspace.model, findings, await builtinTemplate('html'), { format: 'html' }),
            renderReport(workspace.model, findings, { format: 'html' }),
            await renderCharter(workspace.model, findings, await builtinTemplate('html', 'role-cards'), { format: 'html' })
        ];
        for (const html of pages) {
            expect(html).not.toMatch(/<script/i);
            expect(html).not.toMatch(/<img/i);
            expect(html).not.toMatch(/<svg onload/i);
            expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        }
        expect(pages[1]).toContain('&lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt;');
        expect(pages[1]).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;click&quot;)');
    });

    it('Markdown outputs keep every table row to its columns and pass no raw HTML', async () => {
        const { workspace, findings } = await load();
        const docs = [
            renderMatrix(workspace.model, findings, { format: 'md' }),
            renderMatrix(workspace.model, findings, { format: 'md', phase: 'Second' }),
            await renderCharter(workspace.model, findings, await builtinTemplate('md'), { format: 'md' }),
            renderReport(workspace.model, findings, { format: 'md' }),
            await renderCharter(workspace.model, findings, await builtinTemplate('md', 'role-cards'), { format: 'md' })
        ];
        for (const md of docs) {
            expect(md).not.toMatch(/<script/i);
            expect(md).not.toMatch(/<img/i);
            expect(md).not.toMatch(/<\/?svg/i);
            const lines = md.split('\n');
            for (let i = 0; i < lines.length; i++) {
                if (!/^\|---/.test(lines[i])) continue;
                const columns = markdownCells(lines[i]).length;
                for (let j = i - 1; j < lines.length && lines[j].startsWith('|'); j++) {
                    expect(markdownCells(lines[j]), lines[j]).toHaveLength(columns);
                }
            }
        }
        expect(docs[0]).toContain('a \\| b \\| c "quoted" -dash');
        // No link or emphasis can be made from a doc comment.
        expect(docs[2]).toContain('\\[link\\](javascript:alert(1))');
    });

    it('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
        const { workspace, findings } = await load();
        const rows = parseCsv(renderMatrix(workspace.model, findings, { format: 'csv' }));
        const width = rows[0].length;
        const cells = rows.flat();
        for (const row of rows) expect(row).toHaveLength(width);
        for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cells).toContain('\'=HYPERLINK("http://evil","title") | <i>x</i> "q"');
        expect(cells).toContain('\'+cmd|\' /C calc\'!A0');
        expect(cells).toContain('\'-2+3 --> end');
    });

    it('Mermaid labels cannot end their quotes or open markup', async () => {
        const { workspace, findings } = await load();
        const text = renderMermaid(workspace.model, findings);
        for (const line of text.split('\n')) {
            const labels = line.match(/"[^"]*"/g) ?? [];
            for (const label of labels) expect(label).not.toMatch(/[<>]/);
            // Quotes come in pairs on every line: no label was cut short.
            expect((line.match(/"/g) ?? []).length % 2).toBe(0);
        }
        expect(text).toContain('#lt;script#gt;alert#40;1#41;#lt;/script#gt;');
    });

    it('JSON carries titles unchanged and parses', async () => {
        const { workspace, findings } = await load();
        const json = JSON.parse(renderJson(workspace.model, findings));
        expect(json.maps[0].roles[0].title).toBe('<script>alert(1)</script>');
        expect(json.maps[0].roles[0].people).toEqual(['=HYPERLINK("http://evil","click")', '@SUM(1+1)']);
    });

    it('the escaping functions handle the edge cases', () => {
        expect(escapeCsv('plain')).toBe('plain');
        expect(escapeCsv('a,b')).toBe('"a,b"');
        expect(escapeCsv('=1+1')).toBe('\'=1+1');
        expect(escapeCsv('@x')).toBe('\'@x');
        expect(escapeCsv('-1')).toBe('\'-1');
        expect(escapeCsv('say "hi"')).toBe('"say ""hi"""');
        expect(escapeMarkdown('# heading')).toBe('\\# heading');
        expect(escapeMarkdown('- item')).toBe('\\- item');
        expect(escapeMarkdown('1. first')).toBe('1\\. first');
        expect(escapeMarkdown('6..12 months')).toBe('6..12 months');
        expect(escapeMarkdown('a | b')).toBe('a \\| b');
    });
});
