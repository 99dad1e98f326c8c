import { escapeXml } from '../escape.js';
import type { DiagramNode, LegendItem, TextLine } from './diagram-spec.js';
import { EDGE_LABEL_SIZE, type LaidOutDiagram, type LaidOutEdge, type LaidOutNode } from './elk-graph.js';
import { GLYPH_ROOM, round, textWidth, wrapText } from './text-metrics.js';
import { PAPER, type DiagramTheme, type LevelStyle, type MarkerShape } from './theme.js';

const MARGIN = 20;
const TITLE_SIZE = 18;
const LEGEND_SIZE = 12;
const LINE = 1.3;
const FONT = '\'Segoe UI\', \'Helvetica Neue\', Arial, sans-serif';

/**
 * Draws a laid-out diagram as a standalone SVG: a title, a legend, the boxes and the
 * arrows. All text is real text (searchable, read by screen readers) and escaped; the
 * picture has a <title> and <desc>. Role, team and decision boxes carry
 * `data-element="Map.Element"` so a preview can reveal the source on a click.
 */
export function renderSvg(diagram: LaidOutDiagram, theme: DiagramTheme = PAPER): string {
    const { spec } = diagram;
    const minWidth = Math.max(diagram.width, 480);
    // Bold words run about a tenth wider than the estimate of text-metrics.ts.
    const titleLines = wrapText(spec.title, minWidth / 1.15, TITLE_SIZE);
    const legend = layoutLegend(spec.legend, minWidth, theme);
    const top = MARGIN + titleLines.length * TITLE_SIZE * LINE + 8 + legend.height + 12;
    const width = Math.ceil(minWidth + 2 * MARGIN);
    const height = Math.ceil(top + diagram.height + MARGIN);
    const drawn = diagram.edges.filter(e => !e.edge.ghost && e.points.length >= 2);
    const markerKeys = [...new Set([...drawn.map(e => markerKey(e.edge.style)), ...spec.legend.filter(i => i.style && !i.box).map(i => markerKey(i.style!))])];
    const markerId = (style: LevelStyle) => `arrow${markerKeys.indexOf(markerKey(style)) + 1}`;

    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="remit-title remit-desc" font-family="${escapeXml(FONT)}">`);
    out.push(`<title id="remit-title">${escapeXml(spec.title)}</title>`);
    out.push(`<desc id="remit-desc">${escapeXml(spec.description)}</desc>`);
    out.push('<defs>');
    for (const key of markerKeys) {
        const [shape, styleKey] = key.split(':') as [MarkerShape, LevelStyle['key']];
        out.push(`<marker id="arrow${markerKeys.indexOf(key) + 1}" viewBox="0 0 12 12" refX="11" refY="6" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto">${markerShape(shape, theme.levels[styleKey], theme.background)}</marker>`);
    }
    out.push('</defs>');
    out.push(`<rect class="background" width="${width}" height="${height}" fill="${theme.background}"/>`);
    titleLines.forEach((line, i) => {
        out.push(`<text x="${MARGIN}" y="${round(MARGIN + TITLE_SIZE + i * TITLE_SIZE * LINE)}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${theme.ink}">${escapeXml(line)}</text>`);
    });
    out.push(`<g class="legend" transform="translate(${MARGIN},${round(MARGIN + titleLines.length * TITLE_SIZE * LINE + 8)})">`);
    out.push(...legend.parts.map(part => part.replace(/MARKER\(([^)]*)\)/g, (_, key: string) => `url(#arrow${markerKeys.indexOf(key) + 1})`)));
    out.push('</g>');
    out.push(`<g class="diagram" transform="translate(${MARGIN},${round(top)})">`);
    const drawNode = (laid: LaidOutNode) => {
        out.push(nodeSvg(laid, theme));
        laid.children.forEach(drawNode);
    };
    diagram.nodes.forEach(drawNode);
    for (const edge of drawn) out.push(edgeSvg(edge, markerId(edge.edge.style), theme));
    for (const edge of drawn) if (edge.label) out.push(edgeLabelSvg(edge, theme));
    out.push('</g>');
    out.push('</svg>');
    return `${out.join('\n')}\n`;
}

function nodeStyle(node: DiagramNode, theme: DiagramTheme): { fill: string; stroke: string; strokeWidth: number; rx: number; dash?: string; opacity?: number } {
    const colors = theme.box[node.kind];
    const base = node.kind === 'team' ? { ...colors, strokeWidth: 1.2, rx: 14 }
        : node.kind === 'domain' ? { ...colors, strokeWidth: 1, rx: 8, dash: '4 3' }
        : { ...colors, strokeWidth: 1.2, rx: 4 };
    if (node.emphasis === 'final') return { ...base, stroke: theme.finalStroke, strokeWidth: 2.5 };
    if (node.emphasis === 'focus') return { ...base, fill: theme.focusFill, stroke: theme.finalStroke, strokeWidth: 2.5 };
    if (node.emphasis === 'problem') return { ...base, fill: theme.problemFill, stroke: theme.problem, strokeWidth: 3 };
    if (node.emphasis === 'handover') return { ...base, fill: theme.handoverFill, stroke: theme.handover, strokeWidth: 2.5, dash: '6 2' };
    if (node.emphasis === 'idle') return { ...base, opacity: theme.idleOpacity };
    return base;
}

function nodeSvg(laid: LaidOutNode, theme: DiagramTheme): string {
    const { node } = laid;
    const style = nodeStyle(node, theme);
    const attrs = [`class="node ${node.kind}${node.emphasis ? ` ${node.emphasis}` : ''}"`];
    if (node.element) attrs.push(`data-element="${escapeXml(node.element)}"`);
    if (style.opacity !== undefined) attrs.push(`opacity="${style.opacity}"`);
    const parts = [`<g ${attrs.join(' ')}>`];
    parts.push(`<rect x="${round(laid.x)}" y="${round(laid.y)}" width="${round(laid.width)}" height="${round(laid.height)}" rx="${style.rx}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    parts.push(...textLines(node.lines, laid.x + 10, laid.y + 10, theme));
    parts.push('</g>');
    return parts.join('');
}

function textLines(lines: readonly TextLine[], x: number, top: number, theme: DiagramTheme): string[] {
    const parts: string[] = [];
    let y = top;
    for (const line of lines) {
        const fill = line.tone === 'problem' ? theme.problem : line.tone === 'handover' ? theme.handover : line.tone === 'muted' ? theme.muted : theme.ink;
        const element = line.element ? ` data-element="${escapeXml(line.element)}"` : '';
        // A level's glyph, in its colour, before the words it stands for; the lines the
        // words wrap onto are indented under them.
        const glyph = line.glyph;
        const mark = glyph && !line.continued ? `<tspan fill="${theme.levels[glyph.key]}">${escapeXml(glyph.glyph)}</tspan> ` : '';
        const textX = glyph && line.continued ? x + GLYPH_ROOM : x;
        parts.push(`<text x="${round(textX)}" y="${round(y + line.size)}" font-size="${line.size}"${line.weight ? ' font-weight="bold"' : ''} fill="${fill}"${element}>${mark}${escapeXml(line.text)}</text>`);
        y += line.size * LINE;
    }
    return parts;
}

function markerKey(style: LevelStyle): string {
    return `${style.marker}:${style.key}`;
}

/** The arrowhead: the level's glyph as a shape, so the level shows where the arrow ends. */
function markerShape(shape: MarkerShape, color: string, background: string): string {
    const filled = (d: string) => `<path d="${d}" fill="${color}"/>`;
    const open = (d: string) => `<path d="${d}" fill="${background}" stroke="${color}" stroke-width="1.6"/>`;
    switch (shape) {
        case 'diamond': return filled('M0,6 L6,0 L12,6 L6,12 z');
        case 'square': return filled('M1,1 L11,1 L11,11 L1,11 z');
        case 'triangle': return filled('M0,0 L12,6 L0,12 z');
        case 'circle': return '<circle cx="6" cy="6" r="5" fill="' + color + '"/>';
        case 'ring': return `<circle cx="6" cy="6" r="4.6" fill="${background}" stroke="${color}" stroke-width="1.8"/>`;
        case 'open-triangle': return open('M1,1 L11,6 L1,11 z');
        case 'open-square': return open('M1.5,1.5 L10.5,1.5 L10.5,10.5 L1.5,10.5 z');
        case 'open-diamond': return open('M1,6 L6,1 L11,6 L6,11 z');
        case 'arrow': return `<path d="M1,1 L11,6 L1,11" fill="none" stroke="${color}" stroke-width="1.8"/>`;
    }
}

function edgeSvg(laid: LaidOutEdge, marker: string, theme: DiagramTheme): string {
    const { edge } = laid;
    if (laid.points.length < 2) return '';
    const d = laid.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
    const dash = edge.style.dash ? ` stroke-dasharray="${edge.style.dash}"` : '';
    const width = edge.strong ? 3 : 1.8;
    const classes = ['edge', `level-${edge.style.key}`, edge.fresh ? 'fresh' : '', edge.phased ? 'phased' : ''].filter(Boolean).join(' ');
    return `<path class="${classes}" d="${d}" fill="none" stroke="${theme.levels[edge.style.key]}" stroke-width="${edge.fresh ? width + 1.5 : width}"${dash}${edge.phased ? ' stroke-opacity="0.6"' : ''} marker-end="url(#${marker})"/>`;
}

function edgeLabelSvg(laid: LaidOutEdge, theme: DiagramTheme): string {
    const label = laid.label!;
    const text = laid.text ?? laid.edge.label ?? '';
    const fill = laid.edge.fresh ? theme.handover : theme.ink;
    return `<g class="edge-label"><rect x="${round(label.x)}" y="${round(label.y)}" width="${round(label.width)}" height="${round(label.height)}" rx="2" fill="${theme.labelBackground}" fill-opacity="0.9"/>`
        + `<text x="${round(label.x + 4)}" y="${round(label.y + EDGE_LABEL_SIZE + 1)}" font-size="${EDGE_LABEL_SIZE}" fill="${fill}"${laid.edge.strong || laid.edge.fresh ? ' font-weight="bold"' : ''}>${escapeXml(text)}</text></g>`;
}

/** Legend entries in rows, each a sample arrow with its arrowhead (or a box) and its words. */
function layoutLegend(items: readonly LegendItem[], maxWidth: number, theme: DiagramTheme): { parts: string[]; height: number } {
    const parts: string[] = [];
    const rowHeight = LEGEND_SIZE * 1.9;
    let x = 0;
    let row = 0;
    for (const item of items) {
        const words = item.style && !item.box ? `${item.style.glyph} ${item.label}` : item.label;
        const width = 42 + textWidth(words, LEGEND_SIZE) + 18;
        if (x > 0 && x + width > maxWidth) {
            x = 0;
            row++;
        }
        const y = row * rowHeight + LEGEND_SIZE * 0.9;
        if (item.box) {
            const fill = item.box === 'problem' ? theme.problemFill : theme.handoverFill;
            const stroke = item.box === 'problem' ? theme.problem : theme.handover;
            parts.push(`<rect x="${round(x)}" y="${round(y - 7)}" width="34" height="14" rx="3" fill="${fill}" stroke="${stroke}" stroke-width="2.5"${item.box === 'handover' ? ' stroke-dasharray="6 2"' : ''}/>`);
            parts.push(`<text x="${round(x + 40)}" y="${round(y + LEGEND_SIZE * 0.35)}" font-size="${LEGEND_SIZE}" fill="${theme.legendInk}">${escapeXml(words)}</text>`);
        } else if (item.style) {
            const style = item.style;
            const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
            parts.push(`<line x1="${round(x)}" y1="${round(y)}" x2="${round(x + 34)}" y2="${round(y)}" stroke="${theme.levels[style.key]}" stroke-width="${item.strong ? 3 : 1.8}"${dash}${item.phased ? ' stroke-opacity="0.6"' : ''} marker-end="MARKER(${markerKey(style)})"/>`);
            parts.push(`<text x="${round(x + 40)}" y="${round(y + LEGEND_SIZE * 0.35)}" font-size="${LEGEND_SIZE}" fill="${theme.legendInk}"><tspan fill="${theme.levels[style.key]}">${escapeXml(style.glyph)}</tspan> ${escapeXml(item.label)}</text>`);
        }
        x += width;
    }
    return { parts, height: items.length ? (row + 1) * rowHeight : 0 };
}
