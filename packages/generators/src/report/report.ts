import type { WorkspaceModel } from '@remit/language';
import { escapeHtml, escapeMarkdown, escapeMarkdownCell } from '../escape.js';
import type { Finding } from '../findings.js';
import { htmlPage } from '../html-page.js';
import { buildMapView, selectMap } from '../view-model.js';
import { buildReportData, type ReportData } from './report-data.js';
import { renderShareChart } from './share-chart.js';

export type ReportFormat = 'md' | 'html';

export interface ReportOptions {
    map?: string;
    phase?: string;
    format?: ReportFormat;
}

/** How leadership is distributed in a map, with the findings that matter for it. */
export function renderReport(workspace: WorkspaceModel, findings: readonly Finding[], options: ReportOptions = {}): string {
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings, { phase: options.phase });
    const data = buildReportData(view);
    return options.format === 'html' ? reportHtml(data) : reportMarkdown(data);
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

function findingSections(data: ReportData): Array<{ title: string; none: string; items: Finding[] }> {
    return [
        { title: 'Gaps: nobody decides', none: 'None found.', items: data.findings.gaps },
        { title: 'Conflicts: more than one decides', none: 'None found.', items: data.findings.conflicts },
        { title: 'Overloaded teacher leaders', none: 'None found.', items: data.findings.overload },
        { title: 'Concentration of authority', none: 'None found.', items: data.findings.concentration },
        { title: 'Single points of failure', none: 'None found.', items: data.findings.singlePoints },
        { title: 'Other problems', none: 'None found.', items: data.findings.other }
    ];
}

function reportMarkdown(data: ReportData): string {
    const lines = [`# ${escapeMarkdown(data.title)}`, '', '## Final authority by kind of role', ''];
    const periods = data.shares.map(s => s.period);
    lines.push(`| Kind | ${periods.map(escapeMarkdownCell).join(' | ')} |`, `|---|${periods.map(() => '---:').join('|')}|`);
    for (const kind of data.kinds) {
        lines.push(`| ${kind} | ${data.shares.map(s => { const k = s.byKind.find(x => x.kind === kind); return k ? `${pct(k.share)} (${k.decisions})` : '0%'; }).join(' | ')} |`);
    }
    lines.push(`| *administrators alone* | ${data.shares.map(s => `${s.total ? pct(s.administratorOnly / s.total) : '0%'} (${s.administratorOnly} of ${s.total})`).join(' | ')} |`, '');
    lines.push('Shares count each decision once; a decision held jointly is split between its holders. The number in brackets is how many decisions the kind has a hand in.', '');
    lines.push('## Who holds what', '');
    lines.push(`| Role or team | Kind | Release | ${data.levels.map(escapeMarkdownCell).join(' | ')} | Decisions |`);
    lines.push(`|---|---|---:|${data.levels.map(() => '---:').join('|')}|---:|`);
    for (const row of data.load) {
        lines.push(`| ${escapeMarkdownCell(row.label)} | ${row.kind} | ${row.release !== undefined ? `${row.release}%` : ''} | ${row.counts.join(' | ')} | ${row.total} |`);
    }
    lines.push('');
    for (const section of findingSections(data)) {
        lines.push(`## ${section.title}`, '');
        if (section.items.length === 0) lines.push(section.none);
        else for (const f of section.items) lines.push(`- ${escapeMarkdown(f.message)}${f.element ? ` (${escapeMarkdown(f.element)})` : ''}`);
        lines.push('');
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

function reportHtml(data: ReportData): string {
    const periods = data.shares.map(s => s.period);
    const parts: string[] = [`<h1>${escapeHtml(data.title)}</h1>`, '<h2>Final authority by kind of role</h2>', `<figure>${renderShareChart(data)}</figure>`];
    parts.push(`<table><thead><tr><th scope="col">Kind</th>${periods.map(p => `<th scope="col">${escapeHtml(p)}</th>`).join('')}</tr></thead><tbody>`);
    for (const kind of data.kinds) {
        parts.push(`<tr><th scope="row">${escapeHtml(kind)}</th>${data.shares.map(s => { const k = s.byKind.find(x => x.kind === kind); return `<td>${k ? `${pct(k.share)} (${k.decisions})` : '0%'}</td>`; }).join('')}</tr>`);
    }
    parts.push(`<tr><th scope="row">administrators alone</th>${data.shares.map(s => `<td>${s.total ? pct(s.administratorOnly / s.total) : '0%'} (${s.administratorOnly} of ${s.total})</td>`).join('')}</tr></tbody></table>`);
    parts.push('<h2>Who holds what</h2>');
    parts.push(`<table><thead><tr><th scope="col">Role or team</th><th scope="col">Kind</th><th scope="col">Release</th>${data.levels.map(l => `<th scope="col">${escapeHtml(l)}</th>`).join('')}<th scope="col">Decisions</th></tr></thead><tbody>`);
    for (const row of data.load) {
        parts.push(`<tr data-element="${escapeHtml(row.name)}"><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.kind)}</td><td>${row.release !== undefined ? `${row.release}%` : ''}</td>${row.counts.map(c => `<td>${c}</td>`).join('')}<td>${row.total}</td></tr>`);
    }
    parts.push('</tbody></table>');
    for (const section of findingSections(data)) {
        parts.push(`<h2>${escapeHtml(section.title)}</h2>`);
        if (section.items.length === 0) parts.push(`<p class="muted">${escapeHtml(section.none)}</p>`);
        else parts.push(`<ul>${section.items.map(f => `<li>${escapeHtml(f.message)}</li>`).join('')}</ul>`);
    }
    return htmlPage(data.title, parts.join('\n'), 'figure { margin: 1rem 0; }\n');
}
