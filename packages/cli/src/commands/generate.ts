import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { InputError, openWorkspace, type RemitWorkspace } from '@remit/language';
import type { Finding, TemplateSet } from '@remit/generators';
import { writeStdout } from '../output/write.js';
import { displayPath } from '../output/paths.js';

/**
 * The generators, loaded when `generate` runs: ELK and the template engine are a large part
 * of the CLI's start-up, and every other command (above all `check`) needs neither.
 */
let g: typeof import('@remit/generators');

const OUTPUTS = ['diagram', 'mermaid', 'matrix', 'charter', 'json', 'report'] as const;
type Output = typeof OUTPUTS[number];

interface GenerateOptions {
    out?: string;
    map?: string;
    format?: string;
    phase?: string;
    decision?: string;
    domain?: string;
    role?: string;
    view?: string;
    theme?: string;
    template?: string;
    config?: string;
    findings?: string;
    bom?: boolean;
    paper?: string;
}

const FORMATS: Record<Output, string[]> = {
    diagram: ['svg', 'png', 'pdf'], mermaid: ['mmd', 'md'], matrix: ['md', 'csv', 'html', 'pdf', 'xlsx'], charter: ['md', 'html', 'pdf', 'docx'], json: ['json'], report: ['md', 'html', 'pdf']
};

const FINDINGS = ['none', 'board', 'full'];

export function registerGenerate(program: Command): void {
    program.command('generate')
        .description('Publish maps as a diagram (SVG), a Mermaid flowchart, a matrix, a charter, the checked model as JSON, or a report on how leadership is distributed.')
        .addArgument(program.createArgument('<what>', 'what to generate').choices(OUTPUTS))
        .argument('[paths...]', '.remit files or folders (searched recursively)', [])
        .option('-o, --out <folder>', 'write files into this folder (created if missing) instead of printing')
        .option('-m, --map <name>', 'the map to publish, when the files hold several')
        .addOption(new Option('-f, --format <format>', 'diagram: svg, png or pdf; matrix: md, csv, html, pdf or xlsx; charter: md, html, pdf or docx; report: md, html or pdf; mermaid: mmd or md'))
        .option('-p, --phase <name>', 'show the map as it stands in this phase (diagram, mermaid, matrix, report)')
        .option('-d, --decision <name>', 'diagram: draw one decision\'s flow through its levels')
        .option('--domain <name>', 'diagram: draw one domain, its decisions and who holds what in them')
        .option('--role <name>', 'diagram: draw one role or team and every decision it holds a level in')
        .addOption(new Option('--view <view>', 'diagram: overview (default) or full (every role-to-decision arrow)').choices(['overview', 'full']))
        .addOption(new Option('--theme <theme>', 'diagram: paper (default) or dark').choices(['paper', 'dark']))
        .option('-t, --template <file>', 'charter: your own Liquid template, or role-cards for the built-in role cards (default: templates/charter.<format>.liquid if present, else the built-in charter)')
        .option('-c, --config <file>', 'rule settings (default: the nearest remit.json)')
        .option('--findings <which>', 'charter: none (leave findings out), board (summed up in plain words) or full (every finding; the default for drafts)')
        .option('--no-bom', 'matrix as csv: leave out the byte-order mark that tells Excel the file is UTF-8')
        .addOption(new Option('--paper <size>', 'pdf: the paper size').choices(['letter', 'a4']).default('letter'))
        .action(async (what: Output, paths: string[], options: GenerateOptions) => {
            g = await import('@remit/generators');
            const cwd = process.cwd();
            const format = options.format ?? FORMATS[what][0];
            if (!FORMATS[what].includes(format)) {
                throw new InputError(`${what} cannot be written as '${format}'. Use --format ${FORMATS[what].join(' or ')}.`);
            }
            for (const [flag, value] of [['--decision', options.decision], ['--domain', options.domain], ['--role', options.role], ['--view', options.view], ['--theme', options.theme]] as const) {
                if (value !== undefined && what !== 'diagram') throw new InputError(`${flag} only applies to the diagram.`);
            }
            const focus = [options.decision !== undefined && '--decision', options.domain !== undefined && '--domain', options.role !== undefined && '--role', options.view === 'full' && '--view full'].filter(Boolean);
            if (focus.length > 1) throw new InputError(`Choose one of ${focus.join(', ')}: a diagram shows one of them at a time.`);
            if (format === 'png' && options.out === undefined) throw new InputError('A PNG is a file, not text: add --out FOLDER to write it.');
            if (options.template !== undefined && what !== 'charter') throw new InputError('--template only applies to the charter.');
            if (options.findings !== undefined && what !== 'charter') throw new InputError('--findings only applies to the charter.');
            if (options.findings !== undefined && !FINDINGS.includes(options.findings)) {
                throw new InputError(`--findings cannot be '${options.findings}'. Use --findings none, board or full.`);
            }
            if (what === 'charter' && options.template !== undefined && (format === 'docx')) {
                throw new InputError('The Word charter has one built-in layout: leave out --template, or use --format html or md for your own template.');
            }
            if (options.phase !== undefined && (what === 'charter' || what === 'json')) {
                throw new InputError(`--phase does not apply to the ${what}: it always covers every phase.`);
            }
            const workspace = await openWorkspace(paths, { cwd, configFile: options.config });
            warnAboutErrors(workspace);
            const findings = g.findingsFromDiagnostics(workspace.diagnostics);
            const template = what === 'charter' && format !== 'docx' ? await charterTemplate(options.template, format === 'md' ? 'md' : 'html', cwd) : undefined;

            if (what === 'json') {
                const text = g.renderJson(workspace.model, findings, { fileOf: uri => displayPath(uri, cwd), map: options.map });
                await emit(options.out, options.map ? `${g.kebab(options.map)}-model.json` : 'model.json', text, cwd);
                return;
            }
            const qualified = [options.decision, options.domain, options.role].find(n => n?.includes('.'));
            const maps = options.map !== undefined ? [options.map]
                : qualified ? [qualified.split('.')[0]]
                : workspace.model.maps.map(m => m.name);
            if (maps.length === 0) throw new InputError('There are no maps to publish.');
            if (maps.length > 1 && options.out === undefined) {
                if (options.decision === undefined) {
                    throw new InputError(`These files hold ${maps.length} maps (${maps.join(', ')}): choose one with --map NAME, or use --out FOLDER to write one file per map.`);
                }
            }
            const targets = options.decision !== undefined && options.map === undefined && !options.decision.includes('.')
                ? [undefined] // the diagram finds the map that has the decision
                : maps;
            for (const map of targets) {
                const text = await render(what, workspace, findings, { ...options, map, format }, template);
                const base = [g.kebab(map ?? decisionMap(workspace, options.decision!)), suffix(what, options)].filter(Boolean).join('-');
                if (format === 'png') {
                    await emit(options.out, `${base}.png`, await toPng(text as string), cwd);
                } else {
                    await emit(options.out, `${base}.${extension(what, format)}`, text, cwd);
                }
            }
        });
}

async function render(what: Output, workspace: RemitWorkspace, findings: Finding[], options: GenerateOptions & { format: string }, template?: TemplateSet): Promise<string | Uint8Array> {
    const model = workspace.model;
    if (options.format === 'pdf') return renderPdf(what, workspace, findings, options, template);
    if (what === 'matrix' && options.format === 'xlsx') return g.renderMatrixXlsx(model, findings, { map: options.map, phase: options.phase });
    if (what === 'charter' && options.format === 'docx') return g.renderCharterDocx(model, findings, { map: options.map, findings: options.findings as 'none' | 'board' | 'full' | undefined });
    switch (what) {
        case 'diagram': return g.renderDiagramSvg(model, findings, {
            map: options.map, phase: options.phase, decision: options.decision, domain: options.domain, role: options.role,
            view: options.view as 'overview' | 'full' | undefined, theme: options.theme as 'paper' | 'dark' | undefined
        });
        case 'mermaid': {
            const { text, note } = g.renderMermaidDocument(model, findings, { map: options.map, phase: options.phase }, options.format === 'md' ? 'md' : 'mmd');
            if (note) process.stderr.write(`remit: note: ${note}\n`);
            return text;
        }
        case 'matrix': return g.renderMatrix(model, findings, { map: options.map, phase: options.phase, format: options.format as 'md' | 'csv' | 'html', bom: options.bom });
        case 'charter': return g.renderCharter(model, findings, template!, { map: options.map, format: options.format as 'md' | 'html', findings: options.findings as 'none' | 'board' | 'full' | undefined });
        case 'report': return g.renderReport(model, findings, { map: options.map, phase: options.phase, format: options.format as 'md' | 'html' });
        default: throw new InputError(`Unknown output '${what}'.`);
    }
}

/**
 * The SVG as a PNG, drawn by the headless Chromium of @remit/render, loaded only for this.
 * The published remit-cli leaves the browser out (it is large): without it, say how to add it.
 */
async function toPng(svg: string): Promise<Buffer> {
    try {
        const { svgToPng } = await import('@remit/render');
        return await svgToPng(svg);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
        throw new InputError('A PNG is drawn by a headless browser, which is not installed with remit. '
            + 'Add it beside remit: npm install --save-dev playwright-core@1.65.1 @sparticuz/chromium@153.0.0 (or write an SVG: leave out --format png).');
    }
}

/**
 * The HTML page printed by the headless Chromium of @remit/render, loaded only here: it is
 * large, and no other format needs it. The matrix prints in landscape, fitted to the
 * page's width; the diagram is scaled to fit one page.
 */
async function renderPdf(what: Output, workspace: RemitWorkspace, findings: Finding[], options: GenerateOptions & { format: string }, template?: TemplateSet): Promise<Uint8Array> {
    const { printPdf } = await import('@remit/render').catch((error: NodeJS.ErrnoException) => {
        if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
        // The installed remit-cli has no dependencies; the browser that prints PDFs is separate.
        throw new InputError('PDF output needs a headless Chromium, which is not installed with remit-cli. '
            + 'Install it beside remit: npm install @sparticuz/chromium@153.0.0 playwright-core@1.65.1, or use --format html and print from a browser.');
    });
    const paper = options.paper === 'a4' ? 'a4' : 'letter';
    if (what === 'diagram') {
        const svg = await render('diagram', workspace, findings, { ...options, format: 'svg' }) as string;
        const page = g.diagramPage(svg);
        return printPdf(page.html, { paper, landscape: page.landscape, fitToWidth: true });
    }
    const html = await render(what, workspace, findings, { ...options, format: 'html' }, template) as string;
    return printPdf(html, { paper, landscape: what === 'matrix', fitToWidth: what === 'matrix' });
}

function decisionMap(workspace: RemitWorkspace, decision: string): string {
    return workspace.model.maps.find(m => m.decisions.some(d => d.name === decision))?.name ?? 'map';
}

function suffix(what: Output, options: GenerateOptions): string {
    const parts: string[] = [];
    if (what === 'diagram' && options.decision) parts.push(g.kebab(options.decision.split('.').pop()!));
    if (what === 'diagram' && options.domain) parts.push(g.kebab(options.domain.split('.').pop()!));
    if (what === 'diagram' && options.role) parts.push(g.kebab(options.role.split('.').pop()!));
    if (what === 'diagram' && options.view === 'full') parts.push('full');
    if (what === 'diagram' && options.theme === 'dark') parts.push('dark');
    if (what === 'charter' && options.template === 'role-cards') parts.push('role-cards');
    else if (what !== 'diagram' && what !== 'mermaid') parts.push(what);
    if (options.phase) parts.push(g.kebab(options.phase));
    return parts.join('-');
}

function extension(what: Output, format: string): string {
    if (what === 'diagram') return format === 'pdf' ? 'pdf' : 'svg';
    if (what === 'mermaid') return format === 'md' ? 'md' : 'mmd';
    return format;
}

async function charterTemplate(file: string | undefined, format: 'md' | 'html', cwd: string): Promise<TemplateSet> {
    if (file !== undefined) {
        // A file of that name wins; else a built-in template's name (role-cards).
        const exists = await fs.stat(path.resolve(cwd, file)).then(s => s.isFile(), () => false);
        const builtin = (g.BUILTIN_TEMPLATES as readonly string[]).includes(file);
        return !exists && builtin ? g.builtinTemplate(format, file as 'charter' | 'role-cards') : g.loadTemplateFolder(path.resolve(cwd, file));
    }
    const workspaceTemplate = path.join(cwd, 'templates', `charter.${format}.liquid`);
    const found = await fs.stat(workspaceTemplate).then(s => s.isFile(), () => false);
    return found ? g.loadTemplateFolder(workspaceTemplate) : g.builtinTemplate(format);
}

async function emit(out: string | undefined, fileName: string, text: string | Uint8Array, cwd: string): Promise<void> {
    if (out === undefined) {
        if (typeof text !== 'string' && process.stdout.isTTY) {
            throw new InputError(`A ${path.extname(fileName).slice(1).toUpperCase()} file cannot be shown in the terminal. Add --out FOLDER to write it to a file, or redirect the output: > ${fileName}`);
        }
        await writeStdout(text);
        return;
    }
    const folder = path.resolve(cwd, out);
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat && !stat.isDirectory()) throw new InputError(`${out}: is a file; --out takes a folder.`);
    const file = path.join(folder, fileName);
    await g.writeOutputFile(file, text);
    await writeStdout(`Wrote ${path.relative(cwd, file).split(path.sep).join('/')}\n`);
}

function warnAboutErrors(workspace: RemitWorkspace): void {
    const errors = workspace.diagnostics.filter(d => d.severity === 'error').length;
    if (errors > 0) {
        process.stderr.write(`remit: note: the maps have ${errors} error${errors === 1 ? '' : 's'} (run remit check); the output shows what could be read.\n`);
    }
}
