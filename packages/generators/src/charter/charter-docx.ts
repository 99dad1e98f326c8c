import {
    AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
    TableRow, TextRun, WidthType
} from 'docx';
import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildMapView, selectMap } from '../view-model.js';
import { buildCharterData, type CharterData, type CharterHolding, type CharterRole, type FindingsShown } from './charter-data.js';

export interface CharterDocxOptions {
    map?: string;
    findings?: FindingsShown;
}

/**
 * The built-in charter as a Word document (.docx), for school leaders who edit in Word:
 * the same sections as the HTML charter, from the same CharterData, with real headings
 * (so Word's navigation pane and table of contents work), the summary grid as a Word
 * table, role cards, and the title and page numbers in the header and footer.
 */
export async function renderCharterDocx(workspace: WorkspaceModel, findings: readonly Finding[], options: CharterDocxOptions = {}): Promise<Uint8Array> {
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings);
    const data = buildCharterData(view, { findings: options.findings });
    const document = new Document({
        creator: 'Remit',
        title: `${data.map.title}: decision-rights charter`,
        description: 'Decision-rights charter',
        styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
        sections: [{
            headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: data.map.title, size: 16, color: '52606D' })] })] }) },
            footers: {
                default: new Footer({
                    children: [new Paragraph({
                        alignment: AlignmentType.CENTER,
                        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '52606D' })]
                    })]
                })
            },
            children: body(data)
        }]
    });
    const buffer = await Packer.toBuffer(document, false, undefined);
    return new Uint8Array(buffer);
}

type Block = Paragraph | Table;

function body(data: CharterData): Block[] {
    const out: Block[] = [];
    out.push(heading(data.map.title, HeadingLevel.TITLE));
    out.push(text(data.map.draft ? 'Decision-rights charter (draft: not yet adopted)' : 'Decision-rights charter', { bold: true }));
    const front: Array<[string, string]> = [
        ['Version', data.map.version], ['Adopted', data.map.adoptedText], ['Approved by', data.map.approved],
        ['Next review', data.map.nextReviewText], ['Status', data.map.status]
    ].filter((row): row is [string, string] => row[1] !== '');
    if (front.length) out.push(table(['', ''], front.map(([k, v]) => [k, v]), { header: false }));
    if (data.map.doc) out.push(text(data.map.doc));
    out.push(text(`This charter sets out who holds which authority over the decisions of ${data.map.title}, in which order${data.map.hasPhases ? ', and how authority changes hands from one implementation phase to the next' : ''}. It covers ${data.summary}.`));

    out.push(heading('Summary: who decides what', HeadingLevel.HEADING_1));
    out.push(text(`Key: ${data.grid.key.map(k => `${k.short} ${k.level}${k.final ? ' (final say)' : ''}`).join(' · ')}`));
    out.push(table(['Decision', ...data.grid.columns.map(c => c.title)], data.grid.rows.map(r => [r.gap ? `${r.title} (no final say yet)` : r.title, ...r.cells]), { centre: true }));
    if (data.grid.partialNote !== '') out.push(text(data.grid.partialNote));

    out.push(heading('Decisions', HeadingLevel.HEADING_1));
    if (data.decisions.length === 0) out.push(text('No decisions are written down yet.'));
    for (const domain of data.domains) {
        if (domain.decisions.length === 0) continue;
        out.push(heading(domain.path, domain.depth === 0 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3));
        if (domain.doc) out.push(text(domain.doc));
        for (const d of domain.decisions) {
            out.push(heading(d.unratified ? `${d.title} (not yet ratified: ${d.status})` : d.title, HeadingLevel.HEADING_4));
            if (d.doc) out.push(text(d.doc));
            for (const sentence of d.sentences) out.push(bullet(sentence));
            if (d.after.length) out.push(bullet(`Taken after: ${d.after.join('; ')}.`));
            if (d.escalate) out.push(bullet(`Appeals and deadlocks go to ${d.escalate}.`));
            for (const c of d.cases) out.push(bullet(c));
            if (d.fallback) out.push(bullet(`If the deciders do not agree: ${d.fallback}.`));
            if (d.binding) out.push(bullet(`District reach: ${d.binding}.`));
            if (d.overrides) out.push(bullet(`Replaces: ${d.overrides}.`));
            if (d.review) out.push(bullet(`Reviewed ${d.review}.`));
            for (const f of d.findings) out.push(bullet(`Check: ${f.message}`));
        }
    }

    if (data.inherited.length) {
        out.push(heading('Decisions from the maps above', HeadingLevel.HEADING_1));
        out.push(table(['Decision', 'Comes from', 'Decided by'], data.inherited.map(d => [`${d.title} (${d.note})`, d.from, d.decidedBy || 'nobody yet'])));
    }
    out.push(heading('When a decision is appealed or stuck', HeadingLevel.HEADING_1));
    out.push(text('Whoever holds the final say on a decision settles disagreements about it. When they cannot, or when someone appeals, the decision goes to the person or group named below.'));
    if (data.escalation.decisions.length) {
        out.push(table(['Decision', 'Normally decided by', 'Appeals and deadlocks go to'], data.escalation.decisions.map(e => [e.title, e.decidedBy || 'nobody yet', e.to])));
    } else {
        out.push(text('No decision names where it goes when it is appealed or stuck yet.'));
    }
    for (const r of data.escalation.reporting) out.push(bullet(`${r.role} reports to ${r.reportsTo}.`));

    out.push(heading('Role cards', HeadingLevel.HEADING_1));
    for (const role of data.roles) out.push(...roleCard(role));

    out.push(heading('What each level means', HeadingLevel.HEADING_1));
    out.push(table(['Level', 'What it means in practice'], data.levels.map(l => [`${l.name}${l.final ? ' (final authority)' : ''}${l.veto ? ' (can block)' : ''}`, l.title])));
    if (data.phases.length) {
        out.push(heading('Implementation phases', HeadingLevel.HEADING_2));
        out.push(table(['Phase', 'Expected length'], data.phases.map(p => [p.title, p.duration || 'open-ended'])));
    }
    if (data.transitions.length) {
        out.push(heading('Phase transition plan', HeadingLevel.HEADING_1));
        for (const t of data.transitions) {
            out.push(heading(`When ${t.phase.title} begins`, HeadingLevel.HEADING_2));
            if (t.changes.length === 0) out.push(text('Nothing changes hands.'));
            for (const c of t.changes) out.push(bullet(c.text));
        }
    }
    if (data.findingsShown === 'board') {
        out.push(heading('Open questions', HeadingLevel.HEADING_1));
        for (const sentence of data.boardFindings) out.push(bullet(sentence));
    } else if (data.findingsShown === 'full' && data.findings.length) {
        out.push(heading('Open findings', HeadingLevel.HEADING_1));
        for (const f of data.findings) out.push(bullet(`${f.severity}: ${f.message}`));
    }
    return out;
}

function roleCard(role: CharterRole): Block[] {
    const out: Block[] = [heading(role.title, HeadingLevel.HEADING_2)];
    if (role.doc) out.push(text(role.doc));
    if (role.isTeam) {
        out.push(bullet(`Team of: ${role.members.join(', ')}${role.chair ? `; chaired by ${role.chair}` : ''}.`));
        out.push(bullet(`Decides ${role.rule || 'by no rule written down yet'}.`));
        if (role.advisory.length) out.push(bullet(`Advisory members (no vote): ${role.advisory.join(', ')}.`));
    } else {
        if (role.people.length) out.push(bullet(`Held by: ${role.people.join(', ')}.`));
        if (role.release) out.push(bullet(`Release time for leadership: ${role.release}.`));
        if (role.backup) out.push(bullet(`Backup: ${role.backup}.`));
        if (role.reports) out.push(bullet(`Reports to: ${role.reports}.`));
    }
    if (role.requires) out.push(bullet(`Before acting: ${role.requires}.`));
    for (const team of role.teams) {
        const held = [
            ...(team.decides.length ? [`decides ${team.decides.map(withWhen).join('; ')}`] : []),
            ...team.holds.map(g => `holds ${g.level} on ${g.decisions.map(withWhen).join('; ')}`)
        ];
        out.push(bullet(`Sits on ${team.title}${held.length ? `, which ${held.join(', and ')}` : ', which holds no authority of its own'}.`));
    }
    if (role.decides.length) out.push(bullet(`Decides: ${role.decides.map(withWhen).join('; ')}.`));
    for (const group of role.holds) {
        out.push(bullet(`${capitalize(group.level)}: ${group.decisions.map(withWhen).join('; ')}.`));
    }
    if (!role.decides.length && !role.holds.length) out.push(bullet('Holds no authority in this map.'));
    return out;
}

/** "Set the PD calendar (from Expansion on)": a holding with the phases it holds in. */
function withWhen(holding: CharterHolding): string {
    return holding.when ? `${holding.decision} (${holding.when})` : holding.decision;
}

function heading(content: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
    return new Paragraph({ heading: level, keepNext: true, children: [new TextRun(content)] });
}

function text(content: string, options: { bold?: boolean } = {}): Paragraph {
    return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: content, bold: options.bold })] });
}

function bullet(content: string): Paragraph {
    return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(content)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BCCCDC' };

/** A real Word table: a header row repeated on every page, rows never split. */
function table(header: string[], rows: string[][], options: { header?: boolean; centre?: boolean } = {}): Table {
    const withHeader = options.header ?? true;
    const cellOf = (content: string, isHeader: boolean, column: number) => new TableCell({
        borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
        shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F4F8' } : undefined,
        children: [new Paragraph({
            alignment: options.centre && column > 0 && !isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: content, bold: isHeader || (!withHeader && column === 0) })]
        })]
    });
    const all = [
        ...(withHeader ? [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cellOf(h, true, i)) })] : []),
        ...rows.map(row => new TableRow({ cantSplit: true, children: row.map((c, i) => cellOf(c, false, i)) }))
    ];
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: all });
}

function capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
