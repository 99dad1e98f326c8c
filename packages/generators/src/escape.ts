/**
 * One escaping function per output format. Every piece of text a user wrote (titles,
 * doc comments, people's names, sources) passes through one of these before it reaches
 * a document, so a title like `<script>` or `=HYPERLINK(...)` is shown, never run.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => HTML_ENTITIES[c]);
}

/**
 * Text for SVG (XML) content and attribute values. Characters XML 1.0 does not allow at
 * all (most control characters) are dropped, since no escape can carry them.
 */
export function escapeXml(text: string): string {
    // eslint-disable-next-line no-control-regex
    return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/**
 * Inline Markdown text: characters that would start emphasis, links, code, a table cell
 * or (at the start) a heading or list item are backslash-escaped; `<` and `>` become
 * entities so no raw HTML reaches a renderer; line breaks become spaces so text cannot open a new block.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/\r?\n/g, ' ')
        .replace(/[\\`*_[\]|~]/g, c => `\\${c}`)
        .replace(/&(?=#?\w+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // A `#`, `-`, `+` or `1.` at the start would open a heading or a list item.
        .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A Markdown table cell: inline-escaped (so `|` cannot end the cell) and never empty
 * of meaning through stray whitespace.
 */
export function escapeMarkdownCell(text: string): string {
    return escapeMarkdown(text).trim();
}

/**
 * One CSV field (RFC 4180). A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula to a spreadsheet: it is prefixed with an apostrophe so it is shown
 * as text. Fields with commas, quotes or line breaks are quoted.
 */
export function escapeCsv(text: string): string {
    let value = text;
    if (/^[=+\-@\t\r]/.test(value)) value = `'${value}`;
    if (/[",\r\n]/.test(value) || value !== value.trim()) value = `"${value.replace(/"/g, '""')}"`;
    return value;
}

/**
 * A Mermaid label inside double quotes. Mermaid reads `#name;` entity codes in labels;
 * quotes, angle brackets and `#` itself are written that way so the text cannot end the
 * label or inject markup into the rendered HTML.
 */
export function escapeMermaid(text: string): string {
    return text
        .replace(/\r?\n/g, ' ')
        .replace(/#/g, '#35;')
        .replace(/&/g, '#38;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;')
        .replace(/[[\]{}()|]/g, c => `#${c.charCodeAt(0)};`);
}
