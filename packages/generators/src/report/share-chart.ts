import { escapeXml } from '../escape.js';
import { round, textWidth } from '../diagram/text-metrics.js';
import type { ReportData } from './report-data.js';

export const KIND_COLORS: Record<string, string> = {
    administrator: '#102a43', teacher: '#2563eb', staff: '#0f766e', team: '#7c3aed', student: '#d97706',
    family: '#be185d', community: '#65a30d', district: '#64748b', external: '#a16207', unspecified: '#9aa5b1'
};

/**
 * A stacked bar per phase: the share of final authority held by each kind of role.
 * Plain SVG with a <title>, real text labels and the numbers written on the bars.
 */
export function renderShareChart(data: ReportData): string {
    const labelWidth = Math.max(80, ...data.shares.map(s => textWidth(s.period, 12))) + 12;
    const barWidth = 480;
    const barHeight = 26;
    const gap = 12;
    const legendTop = data.shares.length * (barHeight + gap) + 40;
    const width = labelWidth + barWidth + 20;
    const height = legendTop + 30;
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="share-title share-desc" font-family="'Segoe UI', 'Helvetica Neue', Arial, sans-serif">`);
    out.push(`<title id="share-title">${escapeXml('Share of final authority by kind of role')}</title>`);
    const words = data.shares.map(s => `${s.period}: ${s.byKind.map(k => `${k.kind} ${Math.round(k.share * 100)}%`).join(', ') || 'nobody'}`).join('; ');
    out.push(`<desc id="share-desc">${escapeXml(words)}</desc>`);
    out.push(`<text x="0" y="16" font-size="13" font-weight="bold" fill="#102a43">${escapeXml('Share of final authority by kind of role')}</text>`);
    data.shares.forEach((s, i) => {
        const y = 30 + i * (barHeight + gap);
        out.push(`<text x="0" y="${round(y + barHeight / 2 + 4)}" font-size="12" fill="#243b53">${escapeXml(s.period)}</text>`);
        out.push(`<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}" fill="#f0f4f8"/>`);
        let x = labelWidth;
        for (const k of s.byKind) {
            const w = k.share * barWidth;
            out.push(`<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${barHeight}" fill="${KIND_COLORS[k.kind] ?? '#9aa5b1'}"><title>${escapeXml(`${k.kind}: ${Math.round(k.share * 100)}%`)}</title></rect>`);
            const label = `${Math.round(k.share * 100)}%`;
            if (w > textWidth(label, 11) + 6) out.push(`<text x="${round(x + 4)}" y="${round(y + barHeight / 2 + 4)}" font-size="11" fill="#ffffff">${label}</text>`);
            x += w;
        }
    });
    let x = 0;
    for (const kind of data.kinds) {
        out.push(`<rect x="${round(x)}" y="${legendTop}" width="12" height="12" fill="${KIND_COLORS[kind] ?? '#9aa5b1'}"/>`);
        out.push(`<text x="${round(x + 16)}" y="${legendTop + 10}" font-size="11" fill="#243b53">${escapeXml(kind)}</text>`);
        x += 16 + textWidth(kind, 11) + 14;
    }
    out.push('</svg>');
    return out.join('\n');
}
