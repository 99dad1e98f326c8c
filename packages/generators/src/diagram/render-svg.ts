import { escapeXml } from '../escape.js';
import { PROBLEM_COLOR, type DiagramNode, type LegendItem, type TextLine } from './diagram-spec.js';
import { EDGE_LABEL_SIZE, type LaidOutDiagram, type LaidOutEdge, type LaidOutNode } from './elk-graph.js';
import { round, textWidth, wrapText } from './text-metrics.js';

const MARGIN = 20;
const TITLE_SIZE = 18;
const LEGEND_SIZE = 11;
const LINE = 1.3;
const FONT = '\'Segoe UI\', \'Helvetica Neue\', Arial, sans-serif';

/**
 * Draws a laid-out diagram as a standalone SVG: a title, a legend, the boxes and the
 * arrows. All text is real text (searchable, read by screen readers) and escaped; the
 * picture has a <title> and <desc>. Role, team and decision boxes carry
 * `data-element="Map.Element"` so a preview can reveal the source on a click.
 */
export function renderSvg(diagram: LaidOutDiagram): string {
    const { spec } = diagram;
    const minWidth = Math.max(diagram.width, 480);
    const titleLines = wrapText(spec.title, minWidth, TITLE_SIZE);
    const legend = layoutLegend(spec.legend, minWidth);
    const top = MARGIN + titleLines.length * TITLE_SIZE * LINE + 8 + legend.height + 12;
    const width = Math.ceil(minWidth + 2 * MARGIN);
    const height = Math.ceil(top + diagram.height + MARGIN);
    const colors = [...new Set(diagram.edges.map(e => e.edge.color))];
    const markerId = (color: string) => `arrow${colors.indexOf(color) + 1}`;

    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="remit-title remit-desc" font-family="${escapeXml(FONT)}">`);
    out.push(`<title id="remit-title">${escapeXml(spec.title)}</title>`);
    out.push(`<desc id="remit-desc">${escapeXml(spec.description)}</desc>`);
    out.push('<defs>');
    for (const color of colors) {
        out.push(`<marker id="${markerId(color)}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`);
    }
    out.push('</defs>');
    out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
    titleLines.forEach((line, i) => {
        out.push(`<text x="${MARGIN}" y="${round(MARGIN + TITLE_SIZE + i * TITLE_SIZE * LINE)}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#102a43">${escapeXml(line)}</text>`);
    });
    out.push(`<g class="legend" transform="translate(${MARGIN},${round(MARGIN + titleLines.length * TITLE_SIZE * LINE + 8)})">`);
    out.push(...legend.parts);
    out.push('</g>');
    out.push(`<g class="diagram" transform="translate(${MARGIN},${round(top)})">`);
    const drawNode = (laid: LaidOutNode) => {
        out.push(nodeSvg(laid));
        laid.children.forEach(drawNode);
    };
    diagram.nodes.forEach(drawNode);
    for (const edge of diagram.edges) out.push(edgeSvg(edge, markerId(edge.edge.color)));
    for (const edge of diagram.edges) if (edge.label) out.push(edgeLabelSvg(edge));
    out.push('</g>');
    out.push('</svg>');
    return `${out.join('\n')}\n`;
}

function nodeStyle(node: DiagramNode): { fill: string; stroke: string; strokeWidth: number; rx: number; dash?: string } {
    const base = node.kind === 'team' ? { fill: '#e3f8ff', stroke: '#0b69a3', strokeWidth: 1.2, rx: 14 }
        : node.kind === 'role' ? { fill: '#f0f4f8', stroke: '#486581', strokeWidth: 1.2, rx: 4 }
        : node.kind === 'domain' ? { fill: '#f8fafc', stroke: '#9fb3c8', strokeWidth: 1, rx: 8, dash: '4 3' }
        : node.kind === 'step' ? { fill: '#ffffff', stroke: '#627d98', strokeWidth: 1.2, rx: 4 }
        : node.kind === 'other' ? { fill: '#fffbea', stroke: '#a16207', strokeWidth: 1.2, rx: 4 }
        : { fill: '#ffffff', stroke: '#829ab1', strokeWidth: 1.2, rx: 4 };
    if (node.emphasis === 'final') return { ...base, stroke: '#102a43', strokeWidth: 2.5 };
    if (node.emphasis === 'focus') return { ...base, fill: '#dceefb', stroke: '#102a43', strokeWidth: 2.5 };
    if (node.emphasis === 'problem') return { ...base, fill: '#fff1f0', stroke: PROBLEM_COLOR, strokeWidth: 3 };
    return base;
}

function nodeSvg(laid: LaidOutNode): string {
    const { node } = laid;
    const style = nodeStyle(node);
    const attrs = [`class="node ${node.kind}${node.emphasis ? ` ${node.emphasis}` : ''}"`];
    if (node.element) attrs.push(`data-element="${escapeXml(node.element)}"`);
    const parts = [`<g ${attrs.join(' ')}>`];
    parts.push(`<rect x="${round(laid.x)}" y="${round(laid.y)}" width="${round(laid.width)}" height="${round(laid.height)}" rx="${style.rx}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    parts.push(...textLines(node.lines, laid.x + 10, laid.y + 10));
    parts.push('</g>');
    return parts.join('');
}

function textLines(lines: readonly TextLine[], x: number, top: number): string[] {
    const parts: string[] = [];
    let y = top;
    for (const line of lines) {
        const fill = line.tone === 'problem' ? PROBLEM_COLOR : line.tone === 'muted' ? '#52606d' : '#102a43';
        const element = line.element ? ` data-element="${escapeXml(line.element)}"` : '';
        parts.push(`<text x="${round(x)}" y="${round(y + line.size)}" font-size="${line.size}"${line.weight ? ' font-weight="bold"' : ''} fill="${fill}"${element}>${escapeXml(line.text)}</text>`);
        y += line.size * LINE;
    }
    return parts;
}

function edgeSvg(laid: LaidOutEdge, marker: string): string {
    const { edge } = laid;
    if (laid.points.length < 2) return '';
    const d = laid.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
    const dash = edge.dash === 'phased' ? ' stroke-dasharray="7 4"' : edge.dash === 'link' ? ' stroke-dasharray="2 4"' : '';
    return `<path class="edge" d="${d}" fill="none" stroke="${edge.color}" stroke-width="${edge.strong ? 3 : 1.4}"${dash} marker-end="url(#${marker})"/>`;
}

function edgeLabelSvg(laid: LaidOutEdge): string {
    const label = laid.label!;
    const text = laid.text ?? laid.edge.label ?? '';
    return `<g class="edge-label"><rect x="${round(label.x)}" y="${round(label.y)}" width="${round(label.width)}" height="${round(label.height)}" rx="2" fill="#ffffff" fill-opacity="0.9"/>`
        + `<text x="${round(label.x + 3)}" y="${round(label.y + EDGE_LABEL_SIZE + 1)}" font-size="${EDGE_LABEL_SIZE}" fill="${laid.edge.color}"${laid.edge.strong ? ' font-weight="bold"' : ''}>${escapeXml(text)}</text></g>`;
}

/** Legend entries in rows, each a sample stroke (or box) and its words. */
function layoutLegend(items: readonly LegendItem[], maxWidth: number): { parts: string[]; height: number } {
    const parts: string[] = [];
    const rowHeight = LEGEND_SIZE * 1.8;
    let x = 0;
    let row = 0;
    for (const item of items) {
        const width = 34 + textWidth(item.label, LEGEND_SIZE) + 18;
        if (x > 0 && x + width > maxWidth) {
            x = 0;
            row++;
        }
        const y = row * rowHeight + LEGEND_SIZE * 0.9;
        if (item.box) {
            parts.push(`<rect x="${round(x)}" y="${round(y - 7)}" width="26" height="14" rx="3" fill="#fff1f0" stroke="${item.color}" stroke-width="2.5"/>`);
        } else {
            const dash = item.dash === 'phased' ? ' stroke-dasharray="7 4"' : item.dash === 'link' ? ' stroke-dasharray="2 4"' : '';
            parts.push(`<line x1="${round(x)}" y1="${round(y)}" x2="${round(x + 26)}" y2="${round(y)}" stroke="${item.color}" stroke-width="${item.strong ? 3 : 1.6}"${dash}/>`);
        }
        parts.push(`<text x="${round(x + 32)}" y="${round(y + LEGEND_SIZE * 0.35)}" font-size="${LEGEND_SIZE}" fill="#243b53">${escapeXml(item.label)}</text>`);
        x += width;
    }
    return { parts, height: items.length ? (row + 1) * rowHeight : 0 };
}
