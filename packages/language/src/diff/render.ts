import { mapNameOf } from '../references/names.js';
import { CATEGORY_LABELS } from './summary.js';
import type {
    AuthorityDiff, AuthorityLine, BoundsMove, DecisionChange, HolderChange, HolderImpact, IncompleteNote, LevelChange,
    MapChange, ProblemRef, PropertyChange, SchemeChange, Transfer, VetoChange
} from './types.js';

export type DiffFormat = 'text' | 'md' | 'json';

/** GitHub refuses a comment longer than 65,536 characters; the Markdown stays under this by default. */
export const MARKDOWN_LIMIT = 60_000;

export interface RenderOptions {
    /** How a document URI is shown (a path relative to the working folder, say). */
    displayPath?: (uri: string) => string;
    /**
     * Markdown only: where an element (`Map.Element`) or a problem's line is written, as a
     * link target (an editor's `file:///…#L12`); names without one are shown as plain code.
     */
    link?: (target: { element: string } | { uri: string; line: number }) => string | undefined;
    /** Text: list the changes per role and team instead of per kind of change (`remit diff --by role`). */
    byRole?: boolean;
    /** Markdown: the most characters to write (default MARKDOWN_LIMIT); what does not fit is left out with a note. */
    maxLength?: number;
}

/** The diff as text for a terminal, Markdown for a pull request, or JSON for tools. */
export function renderDiff(diff: AuthorityDiff, format: DiffFormat, options: RenderOptions = {}): string {
    if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
    const renderer = new Renderer(format === 'md', options.displayPath ?? (uri => uri), diff.titles, format === 'md' ? options.link : undefined);
    return format === 'md' ? renderer.markdown(diff, options.maxLength ?? MARKDOWN_LIMIT) : renderer.text(diff, options.byRole ?? false);
}

interface Part {
    decisions: DecisionChange[];
    holders: HolderChange[];
    maps: MapChange[];
    schemes: SchemeChange[];
}

class Renderer {
    private lines: string[] = [];

    constructor(
        private readonly md: boolean,
        private readonly displayPath: (uri: string) => string,
        private readonly titles: Record<string, string>,
        private readonly link?: RenderOptions['link']
    ) {}

    /** Markdown text as a link to `target` when the caller gives one. */
    private linked(text: string, target: Parameters<NonNullable<RenderOptions['link']>>[0]): string {
        const href = this.link?.(target);
        return href ? `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : text;
    }

    text(diff: AuthorityDiff, byRole: boolean): string {
        this.incomplete(diff.incomplete);
        this.lines.push(diff.summary);
        if (this.hasChanges(diff)) {
            this.lines.push('');
            const width = Math.max(...Object.values(CATEGORY_LABELS).map(l => l.length));
            for (const row of diff.overview) {
                this.lines.push(`  ${CATEGORY_LABELS[row.category].padEnd(width)}  ${String(row.count).padStart(3)}${row.detail ? `  ${row.detail}` : ''}`);
            }
        }
        if (byRole) {
            this.byHolder(diff.byHolder);
            if (diff.byHolder.length === 0 && this.hasChanges(diff)) this.lines.push('', 'No role or team gained or lost a say in a decision.');
        } else {
            this.changes(diff);
        }
        this.settings(diff.settings);
        this.problems(diff);
        return `${this.lines.join('\n')}\n`;
    }

    /**
     * Markdown for a pull request: the summary as a table, what changed for each role and
     * team, then one collapsed section per map, within `limit` characters: sections that
     * do not fit are left out with a note saying how many and how to see them.
     */
    markdown(diff: AuthorityDiff, limit: number): string {
        this.lines.push('### Remit: changes in authority', '');
        this.incomplete(diff.incomplete);
        this.lines.push(`**${this.esc(diff.summary)}**`);
        if (this.hasChanges(diff)) {
            this.lines.push('', '| change | count | what |', '|---|---:|---|');
            for (const row of diff.overview) this.lines.push(`| ${CATEGORY_LABELS[row.category]} | ${row.count} | ${this.esc(row.detail)} |`);
        }
        const head = this.take();
        const blocks: string[] = [];
        if (diff.byHolder.length > 0) {
            const shown = diff.byHolder.slice(0, HOLDERS_IN_MARKDOWN);
            this.byHolder(shown, false);
            if (diff.byHolder.length > shown.length) {
                this.lines.push('', `${diff.byHolder.length - shown.length} more roles and teams: run \`remit diff --by role\` to see them all.`);
            }
            blocks.push(capped(this.details('What changed for each role and team', this.take(), true), limit / 4));
        }
        const problems = diff.problems.introduced.length + diff.problems.changedSeverity.length + diff.problems.resolved.length;
        if (problems > 0 || diff.settings.length > 0) {
            this.settings(diff.settings);
            this.problems(diff);
            const count = diff.problems.introduced.length + diff.problems.changedSeverity.length;
            const settings = diff.settings.length > 0 ? `${diff.settings.length} rule ${diff.settings.length === 1 ? 'setting' : 'settings'} changed; ` : '';
            blocks.push(capped(this.details(`Problems and rule settings: ${settings}${count} ${count === 1 ? 'problem' : 'problems'} new or with a new severity, ${diff.problems.resolved.length} resolved`, this.take(), count > 0), limit / 4));
        }
        const maps = [...new Set([
            ...diff.decisions.map(d => mapNameOf(d.name)), ...diff.holders.map(h => mapNameOf(h.name)),
            ...diff.maps.map(m => m.name), ...diff.schemes.map(s => mapNameOf(s.name))
        ])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        for (const map of maps) {
            const part: Part = {
                decisions: diff.decisions.filter(d => mapNameOf(d.name) === map),
                holders: diff.holders.filter(h => mapNameOf(h.name) === map),
                maps: diff.maps.filter(m => m.name === map),
                schemes: diff.schemes.filter(s => mapNameOf(s.name) === map)
            };
            this.changes(part);
            const count = part.decisions.length + part.holders.length + part.maps.length + part.schemes.length;
            blocks.push(this.details(`${this.esc(this.titles[map] ?? map)} (${this.code(map)}): ${count} ${count === 1 ? 'change' : 'changes'}`, this.take(), false));
        }

        // Sections in order while they fit; the first that does not is cut at a line, the rest left out with a note.
        const note = (left: number) => left === 0 ? '' : `\n\n> ${left} more ${left === 1 ? 'section is' : 'sections are'} not shown: this summary is kept under GitHub's comment limit. Run \`remit diff\` locally to see every change.`;
        let out = head;
        for (let i = 0; i < blocks.length; i++) {
            const room = limit - out.length - 2 - note(blocks.length - i - 1).length - 1;
            if (blocks[i].length <= room) {
                out += `\n\n${blocks[i]}`;
                continue;
            }
            const cut = cutBlock(blocks[i], room);
            if (cut) out += `\n\n${cut}`;
            out += note(blocks.length - i - (cut ? 1 : 0));
            return `${out}\n`;
        }
        return `${out}\n`;
    }

    private take(): string {
        const text = this.lines.join('\n').replace(/^\n+/, '');
        this.lines = [];
        return text;
    }

    private details(summary: string, body: string, open: boolean): string {
        return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
    }

    private hasChanges(diff: AuthorityDiff): boolean {
        return diff.overview.some(r => r.count > 0);
    }

    private incomplete(notes: readonly IncompleteNote[]): void {
        for (const n of notes) {
            const where = n.uri ? `${this.displayPath(n.uri)}${n.line ? `:${n.line}` : ''}` : undefined;
            const text = n.reason === 'syntax'
                ? `Incomplete comparison: ${n.label} has a syntax error${where ? ` (${where})` : ''}, so what that file says cannot all be read and changes there may be missing or wrong. Fix it and compare again.`
                : `${n.label}: its remit.json cannot be used (${n.message}), so it was checked with the default rule settings.`;
            this.lines.push(this.md ? `> **${this.esc(text)}**` : `Note: ${text}`, '');
        }
    }

    private changes(diff: Part): void {
        const matched = diff.decisions.filter(d => d.kind !== 'removed' && d.kind !== 'added');
        this.section('Final authority moved', matched.filter(d => d.transfers.length > 0), d => this.decision(d));
        this.section('Vetoes added or removed', diff.decisions.filter(d => d.kind !== 'removed' && d.transfers.length === 0 && d.vetoes.length > 0), d => this.decision(d));
        this.section('Decisions removed', diff.decisions.filter(d => d.kind === 'removed'), d => this.decision(d));
        this.section('Roles and teams removed', diff.holders.filter(h => h.kind === 'removed'), h => this.holder(h));
        this.section('Maps removed', diff.maps.filter(m => m.kind === 'removed'), m => this.element(m.kind, 'map', m.name, m.title, m.properties));
        this.section('Level schemes removed', diff.schemes.filter(s => s.kind === 'removed'), s => this.element(s.kind, 'levels', s.name, s.title, s.properties));
        this.section('Decisions changed', matched.filter(d => d.transfers.length === 0 && d.vetoes.length === 0), d => this.decision(d));
        this.section('Decisions added', diff.decisions.filter(d => d.kind === 'added' && d.vetoes.length === 0), d => this.decision(d));
        this.section('Roles and teams', diff.holders.filter(h => h.kind !== 'removed'), h => this.holder(h));
        this.section('Maps', diff.maps.filter(m => m.kind !== 'removed'), m => this.element(m.kind, 'map', m.name, m.title, m.properties, m.oldName));
        this.section('Level schemes', diff.schemes.filter(s => s.kind !== 'removed'), s => this.element(s.kind, 'levels', s.name, s.title, s.properties));
    }

    private settings(settings: readonly PropertyChange[]): void {
        this.section('Rule settings (remit.json)', settings, p => this.item(`changed ${this.property(p)}`, []));
    }

    private problems(diff: AuthorityDiff): void {
        this.section('New problems (remit check)', bySeverity(diff.problems.introduced), p => this.problem(p, 'new'));
        this.section('Problems with a new severity (remit.json)', bySeverity(diff.problems.changedSeverity), p => this.problem(p, 'severity'));
        this.section('Problems this change resolves', bySeverity(diff.problems.resolved), p => this.problem(p, 'resolved'));
    }

    private byHolder(impacts: readonly HolderImpact[], heading = true): void {
        this.section(heading ? 'What changed for each role and team' : undefined, impacts, h => {
            const n = (k: number) => `${k} ${k === 1 ? 'decision' : 'decisions'}`;
            const delta = h.finalAfter - h.finalBefore;
            const trend = delta === 0 ? 'as before' : `${Math.abs(delta)} ${delta > 0 ? 'more' : 'fewer'} than before`;
            // A holder with the final say on nothing, before or after, is not told so.
            const label = h.finalBefore === 0 && h.finalAfter === 0
                ? this.holderLabel(h.name, h.title)
                : `${this.holderLabel(h.name, h.title)}: now has the final say on ${n(h.finalAfter)}, ${trend}`;
            this.item(label, h.changes.map(c => `${this.decisionTitle(c.decision)}: ${c.what}`));
        });
    }

    private section<T>(heading: string | undefined, items: readonly T[], each: (item: T) => void): void {
        if (items.length === 0) return;
        if (heading !== undefined) {
            this.lines.push('');
            this.lines.push(this.md ? `#### ${heading}` : `${heading}:`);
            if (this.md) this.lines.push('');
        }
        items.forEach(each);
    }

    private item(text: string, details: readonly string[]): void {
        this.lines.push(this.md ? `- ${text}` : `  ${text}`);
        for (const detail of details) this.lines.push(this.md ? `  - ${detail}` : `      ${detail}`);
    }

    private decision(d: DecisionChange): void {
        const map = mapNameOf(d.name);
        const label = `${this.kindLabel(d.kind)} decision ${this.titled(d.name, d.title)}`;
        const details: string[] = [];
        if (d.kind === 'renamed' && d.oldName) details.push(`renamed: was ${this.name(d.oldName)}`);
        if (d.kind === 'removed' && d.authority) {
            details.push(d.authority.length > 0 ? `removed with its authority: ${this.authority(d.authority, map)}` : 'removed: it had no assignments');
        }
        if (d.kind === 'added' && d.authority) {
            details.push(d.authority.length > 0 ? `added with authority: ${this.authority(d.authority, map)}` : 'added: no assignments yet');
        }
        for (const t of d.transfers) details.push(this.transfer(t, map));
        for (const v of d.vetoes) details.push(this.veto(v, map));
        for (const l of d.levels) {
            const line = this.level(l, map, d.vetoes);
            if (line) details.push(line);
        }
        for (const b of d.bounds) details.push(this.bounds(b, map));
        for (const p of d.properties) details.push(this.property(p));
        this.item(label, details);
    }

    private holder(h: HolderChange): void {
        const details: string[] = [];
        if (h.kind === 'renamed' && h.oldName) details.push(`renamed: was ${this.name(h.oldName)}`);
        for (const p of h.properties) details.push(this.property(p));
        if (h.decides) {
            const list = h.decides.map(d => this.decisionTitle(d));
            details.push(h.decides.length > 0
                ? `applies to the ${h.decides.length} ${h.decides.length === 1 ? 'decision' : 'decisions'} it has the final say on: ${list.join('; ')}`
                : 'applies to no decision yet: the team has the final say on none');
        }
        this.item(`${this.kindLabel(h.kind)} ${h.type} ${this.titled(h.name, h.title)}`, details);
    }

    private element(kind: string, type: string, name: string, title: string, properties: readonly PropertyChange[], oldName?: string): void {
        const details = [...(kind === 'renamed' && oldName ? [`renamed: was ${this.name(oldName)}`] : []), ...properties.map(p => this.property(p))];
        this.item(`${this.kindLabel(kind)} ${type} ${title ? this.titled(name, title) : this.name(name)}`, details);
    }

    private problem(p: ProblemRef, kind: 'new' | 'severity' | 'resolved'): void {
        const where = `${this.displayPath(p.uri)}:${p.line}`;
        const arrow = this.md ? '→' : '->';
        const severity = kind === 'severity' ? `${p.was} ${arrow} ${p.severity}` : p.severity;
        const label = kind === 'new' ? 'new problem' : kind === 'severity' ? 'severity changed' : 'resolved';
        if (this.md) {
            const shown = p.severity === 'error' ? `**${severity}**` : severity;
            this.item(`${label}: ${shown} ${this.code(p.code)}${p.element ? ` (${this.code(p.element)})` : ''}: ${this.esc(p.message)} (${this.linked(this.code(where), { uri: p.uri, line: p.line })})`, []);
        } else {
            this.item(`${label}: ${severity} ${p.code}${p.element ? ` (${p.element})` : ''}: ${p.message} (${where})`, []);
        }
    }

    private transfer(t: Transfer, map: string): string {
        const who = (holders: string[]) => holders.length > 0 ? holders.map(h => this.holderName(h, map)).join(' and ') : 'nobody';
        const span = t.span ? ` ${t.span}` : '';
        const arrow = this.md ? '→' : '->';
        const to = this.md && t.to.length > 0 ? `**${who(t.to)}**` : who(t.to);
        const inCase = t.case ? ` when "${this.md ? this.esc(t.case) : t.case}"` : '';
        return `final authority moved${span}${inCase}: ${who(t.from)} ${arrow} ${to}`;
    }

    private veto(v: VetoChange, map: string): string {
        const where = [v.span, v.case && `when "${this.md ? this.esc(v.case) : v.case}"`].filter(Boolean).join(', ');
        const span = where ? ` (${where})` : '';
        const who = this.holderName(v.holder, map);
        const meaning = v.levelTitle ? `: "${this.esc(v.levelTitle)}"` : '';
        return v.added
            ? `veto added${span}: ${who} can now block this decision (${v.level}${meaning})`
            : `veto removed${span}: ${who} can no longer block this decision (was ${v.level}${meaning})`;
    }

    /** A holder's levels, without the vetoes already said. Undefined when nothing is left to say. */
    private level(l: LevelChange, map: string, vetoes: readonly VetoChange[]): string | undefined {
        const said = (level: string) => vetoes.some(v => v.holder === l.holder && v.span === l.span && v.case === l.case && v.level === level);
        const gained = l.gained.filter(level => !said(level));
        const lost = l.lost.filter(level => !said(level));
        if (gained.length + lost.length === 0) return undefined;
        const parts = [
            ...(gained.length > 0 ? [`now ${gained.join(', ')}`] : []),
            ...(lost.length > 0 ? [`no longer ${lost.join(', ')}`] : [])
        ];
        const where = [l.span, l.case && `when "${this.md ? this.esc(l.case) : l.case}"`].filter(Boolean).join(', ');
        return `level: ${this.holderName(l.holder, map)} ${parts.join('; ')}${where ? ` (${where})` : ''}`;
    }

    private bounds(b: BoundsMove, map: string): string {
        const arrow = this.md ? '→' : '->';
        const phases = (x: { from?: string; until?: string }) => [x.from && `from ${x.from}`, x.until && `until ${x.until}`].filter(Boolean).join(' ') || 'in every phase';
        return `phases: ${b.level} ${b.holders.map(h => this.holderName(h, map)).join(', ')}: ${phases(b.from)} ${arrow} ${phases(b.to)}`;
    }

    private property(p: PropertyChange): string {
        const arrow = this.md ? '→' : '->';
        const value = (v: string | undefined) => v === undefined ? '(none)' : this.md ? this.code(v) : v;
        if (p.property === 'doc') return `doc comment changed: ${value(clip(p.from))} ${arrow} ${value(clip(p.to))}`;
        if (p.property === 'domain') return `moved to another domain: ${value(p.from)} ${arrow} ${value(p.to)}`;
        if (p.property.startsWith('level ') && p.from === undefined) return `${p.property} added: ${value(p.to)}`;
        if (p.property.startsWith('level ') && p.to === undefined) return `${p.property} removed: ${value(p.from)}`;
        if (p.property === 'binding') return `tight or loose: ${this.binding(p.from)} ${arrow} ${this.binding(p.to)}`;
        if (p.property === 'advisory') return `advisory members (no vote): ${value(p.from)} ${arrow} ${value(p.to)}`;
        return `${p.property}: ${value(p.from)} ${arrow} ${value(p.to)}`;
    }

    /** `tight`, `loose` or neither, with what it means for the maps under the decision's map. */
    private binding(value: string | undefined): string {
        const word = value === undefined ? 'neither' : this.md ? this.code(value) : value;
        const meaning = value === 'tight' ? 'decided for every map under this one'
            : value === 'loose' ? 'a default each map under this one may replace'
                : value === undefined ? 'this map\'s own business' : undefined;
        return meaning ? `${word} (${meaning})` : word;
    }

    private authority(lines: readonly AuthorityLine[], map: string): string {
        return lines.map(a => {
            const phases = [a.from && `from ${a.from}`, a.until && `until ${a.until}`].filter(Boolean).join(' ');
            return `${a.level} ${a.holders.map(h => this.holderName(h, map)).join(', ')}${phases ? ` ${phases}` : ''}`;
        }).join('; ');
    }

    private kindLabel(kind: string): string {
        const word = kind === 'removed' ? 'REMOVED' : kind === 'added' ? 'added' : kind === 'renamed' ? 'renamed' : 'changed';
        return this.md ? (kind === 'removed' ? '**REMOVED**' : `*${word}*`) : word;
    }

    /** A holder by its title, as a reader knows it; its plain name when it has no title. */
    private holderName(name: string, map: string): string {
        const plain = name.startsWith(`${map}.`) ? name.slice(map.length + 1) : name;
        const shown = this.titles[name] || plain;
        return this.md ? this.esc(shown) : shown;
    }

    /** "Principal (Oak.Principal)" in text; "Principal (`Oak.Principal`)" in Markdown: the title, and the name once. */
    private titled(name: string, title: string): string {
        if (!title) return this.name(name);
        return this.md ? `"${this.esc(title)}" (${this.name(name)})` : `"${title}" (${name})`;
    }

    private holderLabel(name: string, title: string): string {
        return this.titled(name, title);
    }

    private decisionTitle(name: string): string {
        const title = this.titles[name];
        return title ? (this.md ? `"${this.esc(title)}"` : `"${title}"`) : this.name(name);
    }

    private name(name: string): string {
        return this.md ? this.linked(this.code(name), { element: name }) : name;
    }

    /** A code span: shown literally by Markdown (no HTML, links or mentions), whatever backticks the text holds. */
    private code(text: string): string {
        const flat = text.replace(/\r?\n/g, ' ');
        const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
        const ticks = '`'.repeat(longest + 1);
        const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
        return `${ticks}${pad}${flat}${pad}${ticks}`;
    }

    /** Markdown and HTML special characters in user text are shown, never interpreted. */
    private esc(text: string): string {
        // Brackets are escaped, so no link can form; each line starts with our own list marker.
        return text.replace(/[\\`*_[\]|~]/g, c => `\\${c}`).replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/@/g, '@\u200b').replace(/\r?\n/g, ' ');
    }
}

/** How many roles and teams the Markdown lists (the most affected first); `--by role` lists them all. */
const HOLDERS_IN_MARKDOWN = 25;

/** The overview sections take at most `room` characters each, so the maps' own sections still show. */
function capped(block: string, room: number): string {
    return block.length <= room ? block : cutBlock(block, room) ?? block.slice(0, room);
}

/**
 * A collapsed section cut at a line so that it fits in `room` characters, still closed
 * and saying how many lines were left out; undefined when not even its first lines fit.
 */
function cutBlock(block: string, room: number): string | undefined {
    const lines = block.split('\n');
    const closing = lines[lines.length - 1] === '</details>' ? '\n\n</details>' : '';
    const body = closing ? lines.slice(0, -1) : lines;
    let length = 0;
    let kept = 0;
    for (; kept < body.length; kept++) {
        const next = length + body[kept].length + 1;
        const tail = `\n- … ${body.length - kept - 1} more lines not shown${closing}`;
        if (next + tail.length > room) break;
        length = next;
    }
    if (kept < 3) return undefined;
    return `${body.slice(0, kept).join('\n')}\n- … ${body.length - kept} more lines not shown${closing}`;
}

/** A long doc comment, shortened for a one-line change. */
function clip(text: string | undefined): string | undefined {
    return text !== undefined && text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Errors first: they are what a reviewer must not miss. Stable within a severity. */
function bySeverity(problems: readonly ProblemRef[]): ProblemRef[] {
    return [...problems].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 4) - (SEVERITY_ORDER[b.severity] ?? 4));
}
