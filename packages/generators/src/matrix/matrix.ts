import { caseViews, effectiveDecisions, type AssignmentModel, type WorkspaceModel } from '@remit/language';
import { escapeCsv, escapeHtml, escapeMarkdownCell } from '../escape.js';
import type { Finding } from '../findings.js';
import { htmlPage } from '../html-page.js';
import { levelShortNames } from '../charter/charter-data.js';
import { buildMapView, lowerFirst, selectMap, type DecisionView, type HolderView, type MapView } from '../view-model.js';

export type MatrixFormat = 'md' | 'csv' | 'html';

export interface MatrixOptions {
    /** The map to draw; the first map when left out. */
    map?: string;
    /** Show the map as it stands in this phase. */
    phase?: string;
    format?: MatrixFormat;
    /**
     * CSV: start with a UTF-8 byte-order mark (the default), so that Excel on Windows
     * reads accented names correctly; false leaves it out.
     */
    bom?: boolean;
}

/**
 * The responsibility matrix: one row per decision, grouped by domain, one column per
 * role or team that holds anything; a cell lists the levels the holder has in the
 * decision (with the phases, when a holding does not last the map's whole life).
 */
export function renderMatrix(workspace: WorkspaceModel, findings: readonly Finding[], options: MatrixOptions = {}): string {
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings, { phase: options.phase });
    switch (options.format ?? 'md') {
        case 'csv': return (options.bom === false ? '' : '\uFEFF') + matrixCsv(view);
        case 'html': return matrixHtml(view);
        default: return matrixMarkdown(view);
    }
}

function columns(view: MapView): HolderView[] {
    // Every role and team of the map, even one that holds nothing (that is worth seeing).
    return view.holders;
}

/** Level names a holder has in a decision, with their phases: "decide (until Expansion)". */
export function cell(holder: HolderView, decision: DecisionView): string {
    return holder.holdings
        .filter(h => h.decision === decision)
        .map(h => (h.when ? `${h.level.name} (${lowerFirst(h.when)})` : h.level.name))
        .join('; ');
}

/** One row of the matrix: a decision, or one case of it (`when`). */
export interface Row {
    title: string;
    cell: (holder: HolderView) => string;
    /** The cell with levels abbreviated (for narrow pages). */
    short: (holder: HolderView, abbreviations: Map<string, string>) => string;
    final: (holder: HolderView) => boolean;
}

/** A decision without cases is one row; a decision with cases is one row per case. */
export function rowsOf(view: MapView, decision: DecisionView): Row[] {
    const views = caseViews(decision.decision);
    if (views.length === 1) {
        return [{
            title: decision.decision.title,
            cell: h => cell(h, decision),
            short: (h, abbreviations) => shortCell(h, decision, abbreviations),
            final: h => h.holdings.some(x => x.decision === decision && x.level.final)
        }];
    }
    const finalLevel = view.finalLevel?.name;
    const inView = (a: AssignmentModel) => !view.phase || view.periods.some(p => view.timeline.isActive(a, p));
    return views.map(({ case: theCase, decision: inCase }) => {
        const held = (h: HolderView) => inCase.assignments.filter(a => a.holders.includes(h.name) && inView(a));
        return {
            title: `${decision.decision.title} (when ${theCase})`,
            cell: h => [...new Set(held(h).map(a => `${a.level}${view.phase ? '' : phaseWords(a)}`))].join('; '),
            short: (h, abbreviations) => [...new Set(held(h).map(a => `${abbreviations.get(a.level) ?? a.level}${view.phase ? '' : phaseWords(a)}`))].join('; '),
            final: h => held(h).some(a => a.level === finalLevel)
        };
    });
}

function phaseWords(a: AssignmentModel): string {
    if (a.from && a.until) return ` (from ${a.from} until ${a.until})`;
    if (a.from) return ` (from ${a.from} on)`;
    if (a.until) return ` (until ${a.until})`;
    return '';
}

/**
 * The decisions a map inherits from the maps above it (`under`): "set by Pinewood" for a
 * tight one, "Pinewood's default" for a loose one the map does not override.
 */
export function inherited(view: MapView): Array<{ title: string; name: string; note: string; final: string }> {
    const finalLevel = view.finalLevel?.name;
    return effectiveDecisions(view.workspace, view.map)
        .filter(e => e.inherited !== undefined)
        .map(e => ({
            title: e.decision.title,
            name: e.decision.qualifiedName,
            note: e.inherited === 'tight' ? `set by ${e.map.name}` : `${e.map.name}'s default`,
            final: [...new Set(e.decision.assignments.filter(a => a.level === finalLevel).flatMap(a => a.holders))]
                .map(h => view.workspace.titleOf(h)).join(', ')
        }));
}

export function marks(decision: DecisionView): string[] {
    const result: string[] = [];
    if (decision.gap) result.push('GAP: nobody decides');
    if (decision.conflict) result.push('CONFLICT: more than one decides');
    if (decision.unratified) result.push(decision.decision.status ?? '');
    return result;
}

function heading(view: MapView): string {
    return view.phase ? `${view.map.title}: who holds what in ${view.phase.title}` : `${view.map.title}: who holds what`;
}

function matrixMarkdown(view: MapView): string {
    const holders = columns(view);
    const lines = [`# ${escapeMarkdownCell(heading(view))}`, ''];
    lines.push(`Levels, in the order they act: ${view.levels.map(l => `${l.name}${l.final ? ' (final)' : l.veto ? ' (can block)' : ''}`).join(', ')}.`, '');
    const header = ['Decision', ...holders.map(h => escapeMarkdownCell(h.label))];
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const domain of view.domains) {
        if (domain.decisions.length === 0) continue;
        lines.push(`| **${escapeMarkdownCell(domain.path.join(' › '))}** |${holders.map(() => ' ').join('|')}|`);
        for (const decision of domain.decisions) {
            const flags = marks(decision).map(m => ` **${escapeMarkdownCell(m)}**`).join('');
            for (const row of rowsOf(view, decision)) {
                const cells = holders.map(h => escapeMarkdownCell(row.cell(h)));
                lines.push(`| ${escapeMarkdownCell(row.title)}${flags} | ${cells.join(' | ')} |`);
            }
        }
    }
    const fromAbove = inherited(view);
    if (fromAbove.length) {
        lines.push('', 'Decisions from the maps above:', '');
        for (const d of fromAbove) lines.push(`- ${escapeMarkdownCell(d.title)} (${escapeMarkdownCell(d.note)})${d.final ? `: ${escapeMarkdownCell(d.final)} decides` : ''}`);
    }
    return `${lines.join('\n')}\n`;
}

function matrixCsv(view: MapView): string {
    const holders = columns(view);
    const rows: string[][] = [['Domain', 'Decision', 'Decision name', 'Notes', ...holders.map(h => h.label)]];
    for (const decision of view.decisions) {
        for (const row of rowsOf(view, decision)) {
            rows.push([
                decision.domain?.path.join(' / ') ?? '',
                row.title,
                decision.decision.qualifiedName,
                marks(decision).join('; '),
                ...holders.map(h => row.cell(h))
            ]);
        }
    }
    for (const d of inherited(view)) rows.push(['', d.title, d.name, d.note, ...holders.map(() => '')]);
    // CRLF is what RFC 4180 and spreadsheets expect; it is the same on every OS.
    return rows.map(row => row.map(escapeCsv).join(',')).join('\r\n') + '\r\n';
}

/** The decisions from the maps above, after the matrix: what the map does not allocate itself. */
function inheritedHtml(fromAbove: ReturnType<typeof inherited>): string {
    if (!fromAbove.length) return '';
    const rows = fromAbove.map(d => `<tr data-element="${escapeHtml(d.name)}"><th scope="row">${escapeHtml(d.title)}</th><td>${escapeHtml(d.note)}</td><td>${escapeHtml(d.final || 'nobody yet')}</td></tr>`);
    return `<h2>Decisions from the maps above</h2>
<table class="inherited">
<thead><tr><th scope="col">Decision</th><th scope="col">How it applies</th><th scope="col">Decided by</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
`;
}

/** Short names for the levels, unique within the scheme (D for decide, R for recommend…). */
export function levelAbbreviations(view: MapView): Map<string, string> {
    return levelShortNames(view.levels.map(l => l.name));
}

/** The cell in print: abbreviated levels ("D (until Expansion)"), explained by the legend. */
function shortCell(holder: HolderView, decision: DecisionView, short: Map<string, string>): string {
    return holder.holdings
        .filter(h => h.decision === decision)
        .map(h => {
            const level = short.get(h.level.name) ?? h.level.name;
            return h.when ? `${level} (${lowerFirst(h.when)})` : level;
        })
        .join('; ');
}

function matrixHtml(view: MapView): string {
    const holders = columns(view);
    const short = levelAbbreviations(view);
    const head = holders.map(h => `<th scope="col" data-element="${escapeHtml(h.name)}">${escapeHtml(h.label)}</th>`).join('');
    const body: string[] = [];
    for (const domain of view.domains) {
        if (domain.decisions.length === 0) continue;
        body.push(`<tr class="domain"><th scope="rowgroup" colspan="${holders.length + 1}">${escapeHtml(domain.path.join(' › '))}</th></tr>`);
        for (const decision of domain.decisions) {
            const flags = marks(decision).map(m => ` <span class="${decision.gap || decision.conflict ? 'flag' : 'draft'}">${escapeHtml(m)}</span>`).join('');
            for (const row of rowsOf(view, decision)) {
                const cells = holders.map(h => {
                    const full = `<span class="full">${escapeHtml(row.cell(h))}</span><span class="short">${escapeHtml(row.short(h, short))}</span>`;
                    return `<td${row.final(h) ? ' class="final"' : ''}>${full}</td>`;
                }).join('');
                body.push(`<tr data-element="${escapeHtml(decision.decision.qualifiedName)}"><th scope="row">${escapeHtml(row.title)}${flags}</th>${cells}</tr>`);
            }
        }
    }
    const html = `<h1>${escapeHtml(heading(view))}</h1>
<p class="muted">Levels, in the order they act: ${escapeHtml(view.levels.map(l => l.name).join(', '))}. Final authority is shaded.</p>
<p class="legend">Key: ${view.levels.map(l => `<strong>${escapeHtml(short.get(l.name)!)}</strong> ${escapeHtml(l.name)}${l.final ? ' (final)' : l.veto ? ' (can block)' : ''}`).join(' · ')}. Final authority is shaded.</p>
<table class="matrix">
<thead><tr><th scope="col">Decision</th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
${inheritedHtml(inherited(view))}`;
    // In print the table takes the page's width (landscape) in fixed columns, and the
    // cells show abbreviated levels, explained by the key above the table.
    return htmlPage(heading(view), html, `.matrix td.final { background: #dceefb; font-weight: 600; }
.matrix tr.domain th { background: #e4e7eb; }
.inherited thead th:first-child { width: 50%; }
body { max-width: none; }
.matrix .short, .legend { display: none; }
@media print {
  .matrix .full, .muted { display: none; }
  .matrix .short { display: inline; }
  .legend { display: block; font-size: 9pt; }
  .matrix { table-layout: fixed; width: 100%; font-size: 8pt; }
  .matrix thead th:first-child { width: 22%; }
  .matrix thead th + th { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; vertical-align: middle; height: 9rem; font-weight: normal; }
  .matrix th, .matrix td { padding: 0.15rem 0.25rem; overflow-wrap: anywhere; hyphens: auto; }
}
`, { landscape: true });
}
