import { escapeHtml } from './escape.js';

/**
 * A complete, self-contained HTML document: no scripts, no outside resources, and a
 * Content Security Policy that forbids both, so a generated page is safe to open or
 * attach to an email whatever the map says. It prints on A4 and Letter alike, from a
 * browser or through `--format pdf`: see printStyle.
 */
export function htmlPage(title: string, body: string, extraStyle = '', print: PrintLayout = {}): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${BASE_STYLE}${printStyle(title, print)}${extraStyle}</style>
</head>
<body>
${body.trimEnd()}
</body>
</html>
`;
}

const BASE_STYLE = `body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1f2933; line-height: 1.45; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1, h2, h3, h4 { line-height: 1.2; color: #102a43; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #bcccdc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
.muted { color: #52606d; }
.flag { color: #b42318; font-weight: 600; }
.draft { color: #8a4b00; font-weight: 600; }
`;

export interface PrintLayout {
    /** Print across the page (the matrix, a wide diagram). */
    landscape?: boolean;
}

/**
 * How every generated page prints: margins, the document's title at the top and "Page N
 * of M" at the bottom of every page (CSS page-margin boxes, which Chromium prints both
 * from the browser and in `--format pdf`), headings kept with what follows them, table
 * rows and figures never split, a table's header row repeated on each page.
 */
export function printStyle(title: string, layout: PrintLayout = {}): string {
    return `@page { ${layout.landscape ? 'size: landscape; ' : ''}margin: 18mm 14mm 16mm;
  @top-left { content: ${cssString(title)}; font: 8pt Arial, sans-serif; color: #52606d; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; color: #52606d; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, figure, svg, .keep { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
}

/** Text as a CSS string literal, safe inside a <style> element. */
export function cssString(text: string): string {
    return `"${text.replace(/[\\"<>&\n\r]/g, c => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
