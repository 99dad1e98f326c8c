import { escapeHtml } from './escape.js';

/**
 * A complete, self-contained HTML document: no scripts, no outside resources, and a
 * Content Security Policy that forbids both, so a generated page is safe to open or
 * attach to an email whatever the map says. Styles print well on A4 and Letter.
 */
export function htmlPage(title: string, body: string, extraStyle = ''): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${BASE_STYLE}${extraStyle}</style>
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
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; } h2 { break-before: page; } h3, tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;
