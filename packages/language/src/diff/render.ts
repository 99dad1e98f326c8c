import type {
    AuthorityDiff, AuthorityLine, BoundsMove, DecisionChange, HolderChange, LevelChange, ProblemRef, PropertyChange, Transfer
} from './types.js';

export type DiffFormat = 'text' | 'md' | 'json';

export interface RenderOptions {
    /** How a document URI is shown (a path relative to the working folder, say). */
    displayPath?: (uri: string) => string;
    /**
     * Markdown only: where an element (`Map.Element`) or a problem's line is written, as a
     * link target (an editor's `file:///…#L12`); names without one are shown as plain code.
     */
    link?: (target: { element: string } | { uri: string; line: number }) => string | undefined;
}

/** The diff as text for a terminal, Markdown for a pull request, or JSON for tools. */
export function renderDiff(diff: AuthorityDiff, format: DiffFormat, options: RenderOptions = {}): string {
    if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
    return new Renderer(format === 'md', options.displayPath ?? (uri => uri), format === 'md' ? options.link : undefined).render(diff);
}

class Renderer {
    private readonly lines: string[] = [];

    constructor(
        private readonly md: boolean,
        private readonly displayPath: (uri: string) => string,
        private readonly link?: RenderOptions['link']
    ) {}

    /** Markdown text as a link to `target` when the caller gives one. */
    private linked(text: string, target: Parameters<NonNullable<RenderOptions['link']>>[0]): string {
        const href = this.link?.(target);
        return href ? `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : text;
    }

    render(diff: AuthorityDiff): string {
        if (this.md) {
            this.lines.push('### Remit: changes in authority', '', `**${this.esc(diff.summary)}**`);
        } else {
            this.lines.push(diff.summary);
        }
        const removed = diff.decisions.filter(d => d.kind === 'removed');
        const handsChanged = diff.decisions.filter(d => d.kind !== 'removed' && d.kind !== 'added' && d.transfers.length > 0);
        const otherChanged = diff.decisions.filter(d => d.kind !== 'removed' && d.kind !== 'added' && d.transfers.length === 0);
        const added = diff.decisions.filter(d => d.kind === 'added');
        this.section('Decisions that changed hands', handsChanged, d => this.decision(d));
        this.section('Decisions removed', removed, d => this.decision(d));
        this.section('Decisions changed', otherChanged, d => this.decision(d));
        this.section('Decisions added', added, d => this.decision(d));
        this.section('Roles and teams', diff.holders, h => this.holder(h));
        this.section('Maps', diff.maps, m => this.element(m.kind, 'map', m.name, m.title, m.properties));
        this.section('Level schemes', diff.schemes, s => this.element(s.kind, 'levels', s.name, s.title, s.properties));
        this.section('Problems this change introduces (remit check)', bySeverity(diff.problems.introduced), p => this.problem(p));
        this.section('Problems this change resolves', bySeverity(diff.problems.resolved), p => this.problem(p));
        return `${this.lines.join('\n')}\n`;
    }

    private section<T>(heading: string, items: readonly T[], each: (item: T) => void): void {
        if (items.length === 0) return;
        this.lines.push('');
        this.lines.push(this.md ? `#### ${heading}` : `${heading}:`);
        if (this.md) this.lines.push('');
        items.forEach(each);
    }

    private item(text: string, details: readonly string[]): void {
        this.lines.push(this.md ? `- ${text}` : `  ${text}`);
        for (const detail of details) this.lines.push(this.md ? `  - ${detail}` : `      ${detail}`);
    }

    private decision(d: DecisionChange): void {
        const map = mapOf(d.name);
        const label = `${this.kindLabel(d.kind)} ${this.name(d.name)} ${this.title(d.title)}`;
        const details: string[] = [];
        if (d.kind === 'renamed' && d.oldName) details.push(`was ${this.name(d.oldName)}`);
        if (d.kind === 'removed' && d.authority) {
            details.push(d.authority.length > 0 ? `authority that goes with it: ${this.authority(d.authority, map)}` : 'it had no assignments');
        }
        if (d.kind === 'added' && d.authority) {
            details.push(d.authority.length > 0 ? `authority: ${this.authority(d.authority, map)}` : 'no assignments yet');
        }
        for (const t of d.transfers) details.push(this.transfer(t, map));
        for (const l of d.levels) details.push(this.level(l, map));
        for (const b of d.bounds) details.push(this.bounds(b, map));
        for (const p of d.properties) details.push(this.property(p));
        this.item(label, details);
    }

    private holder(h: HolderChange): void {
        const details: string[] = [];
        if (h.kind === 'renamed' && h.oldName) details.push(`was ${this.name(h.oldName)}`);
        for (const p of h.properties) details.push(this.property(p));
        this.item(`${this.kindLabel(h.kind)} ${h.type} ${this.name(h.name)} ${this.title(h.title)}`, details);
    }

    private element(kind: string, type: string, name: string, title: string, properties: readonly PropertyChange[]): void {
        this.item(`${this.kindLabel(kind)} ${type} ${this.name(name)}${title ? ` ${this.title(title)}` : ''}`, properties.map(p => this.property(p)));
    }

    private problem(p: ProblemRef): void {
        const where = `${this.displayPath(p.uri)}:${p.line}`;
        if (this.md) {
            const severity = p.severity === 'error' ? '**error**' : p.severity;
            this.item(`${severity} ${this.code(p.code)}${p.element ? ` (${this.code(p.element)})` : ''}: ${this.esc(p.message)} (${this.linked(this.code(where), { uri: p.uri, line: p.line })})`, []);
        } else {
            this.item(`${p.severity} ${p.code}${p.element ? ` (${p.element})` : ''}: ${p.message} (${where})`, []);
        }
    }

    private transfer(t: Transfer, map: string): string {
        const who = (holders: string[]) => holders.length > 0 ? holders.map(h => this.holderName(h, map)).join(' and ') : 'nobody';
        const span = t.span ? ` ${t.span}` : '';
        const arrow = this.md ? '→' : '->';
        const to = this.md && t.to.length > 0 ? `**${who(t.to)}**` : who(t.to);
        return `final authority${span}: ${who(t.from)} ${arrow} ${to}`;
    }

    private level(l: LevelChange, map: string): string {
        const parts = [
            ...(l.gained.length > 0 ? [`now ${l.gained.join(', ')}`] : []),
            ...(l.lost.length > 0 ? [`no longer ${l.lost.join(', ')}`] : [])
        ];
        return `${this.holderName(l.holder, map)}: ${parts.join('; ')}${l.span ? ` (${l.span})` : ''}`;
    }

    private bounds(b: BoundsMove, map: string): string {
        const arrow = this.md ? '→' : '->';
        const phases = (x: { from?: string; until?: string }) => [x.from && `from ${x.from}`, x.until && `until ${x.until}`].filter(Boolean).join(' ') || 'in every phase';
        return `${b.level} ${b.holders.map(h => this.holderName(h, map)).join(', ')}: ${phases(b.from)} ${arrow} ${phases(b.to)}`;
    }

    private property(p: PropertyChange): string {
        const arrow = this.md ? '→' : '->';
        const value = (v: string | undefined) => v === undefined ? '(none)' : this.md ? this.code(v) : v;
        return `${p.property}: ${value(p.from)} ${arrow} ${value(p.to)}`;
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

    /** Holders of the decision's own map are shown by plain name, as the map writes them. */
    private holderName(name: string, map: string): string {
        const plain = name.startsWith(`${map}.`) ? name.slice(map.length + 1) : name;
        return this.md ? this.esc(plain) : plain;
    }

    private name(name: string): string {
        return this.md ? this.linked(this.code(name), { element: name }) : name;
    }

    private title(title: string): string {
        return this.md ? `"${this.esc(title)}"` : `"${title}"`;
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

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Errors first: they are what a reviewer must not miss. Stable within a severity. */
function bySeverity(problems: readonly ProblemRef[]): ProblemRef[] {
    return [...problems].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 4) - (SEVERITY_ORDER[b.severity] ?? 4));
}

function mapOf(qualifiedName: string): string {
    const dot = qualifiedName.indexOf('.');
    return dot > 0 ? qualifiedName.slice(0, dot) : qualifiedName;
}

