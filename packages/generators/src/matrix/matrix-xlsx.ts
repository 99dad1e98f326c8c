import ExcelJS from 'exceljs';
import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildMapView, selectMap, type MapView } from '../view-model.js';
import { inherited, marks, rowsOf } from './matrix.js';

export interface MatrixWorkbookOptions {
    map?: string;
    /** Only this phase (one sheet). */
    phase?: string;
}

/**
 * The matrix as an Excel workbook: a first sheet with every phase ("All phases"), then
 * one sheet per phase in which authority changes hands, each as the map stands in that
 * phase. The header row and the decision column stay in view when scrolling. Same model,
 * same bytes: the workbook's dates are fixed.
 */
export async function renderMatrixXlsx(workspace: WorkspaceModel, findings: readonly Finding[], options: MatrixWorkbookOptions = {}): Promise<Uint8Array> {
    const map = selectMap(workspace, options.map);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Remit';
    workbook.created = new Date(0);
    workbook.modified = new Date(0);
    if (options.phase !== undefined) {
        const view = buildMapView(workspace, map, findings, { phase: options.phase });
        addSheet(workbook, view, view.phase!.title);
    } else {
        const whole = buildMapView(workspace, map, findings);
        addSheet(workbook, whole, whole.map.phases.length > 0 ? 'All phases' : 'Matrix');
        for (const transition of whole.transitions) {
            if (transition.changes.length === 0) continue;
            addSheet(workbook, buildMapView(workspace, map, findings, { phase: transition.phase.name }), transition.phase.title);
        }
    }
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, view: MapView, title: string): void {
    const sheet = workbook.addWorksheet(sheetName(workbook, title), {
        views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
    });
    const holders = view.holders;
    sheet.addRow(['Decision', ...holders.map(h => h.label), 'Domain', 'Notes']);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    for (const decision of view.decisions) {
        // One row per case of a decision with cases (`when`), as in every matrix.
        for (const line of rowsOf(view, decision)) {
            const row = sheet.addRow([
                line.title,
                ...holders.map(h => line.cell(h)),
                decision.domain?.path.join(' / ') ?? '',
                marks(decision).join('; ')
            ]);
            row.alignment = { wrapText: true, vertical: 'top' };
            holders.forEach((h, i) => {
                if (line.final(h)) {
                    const target = row.getCell(i + 2);
                    target.font = { bold: true };
                    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCEEFB' } };
                }
            });
        }
    }
    // Decisions from the maps above: no cells of this map's holders, who decides in the notes.
    for (const d of inherited(view)) {
        const row = sheet.addRow([d.title, ...holders.map(() => ''), '', `${d.note}${d.final ? `: ${d.final} decides` : ''}`]);
        row.alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.getColumn(1).width = 36;
    for (let i = 2; i <= holders.length + 1; i++) sheet.getColumn(i).width = 18;
    sheet.getColumn(holders.length + 2).width = 28;
    sheet.getColumn(holders.length + 3).width = 28;
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(workbook: ExcelJS.Workbook, title: string): string {
    const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; workbook.worksheets.some(s => s.name.toLowerCase() === name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
    return name;
}
