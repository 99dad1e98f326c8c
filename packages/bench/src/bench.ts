import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHILD_JS } from './paths.js';
import { districtWorkspace, generateSchool, schoolWorkspace, stateWorkspace, writeWorkspace, type GeneratedWorkspace } from './workspace-generator.js';
import type { CheckResult } from './measure/check.js';
import type { DiagramResult } from './measure/diagram.js';
import { measurePreview, type PreviewResult } from './measure/preview.js';
import { measureLsp, measureLspInitial, type LspInitialResult, type LspResult } from './measure/lsp.js';
import { measureStartup, type StartupResult } from './measure/startup.js';
import { measureReview, type ReviewResult } from './measure/review.js';

export type Size = 'small' | 'full';

/** How big each workspace is and how many times each thing is measured. */
export interface BenchConfig {
    seed: string;
    school: { decisions: number; repeats: number };
    district: { maps: number; decisionsPerSchool: number; repeats: number };
    state: { districts: number; mapsPerDistrict: number; decisionsPerSchool: number; repeats: number };
    lsp: { keystrokes: number; toggles: number; districtKeystrokes: number; districtRenames: number; floodEdits: number };
    diagram: { nodes: number[]; repeats: number; limitMs: number };
    /** Edits per example map for the preview's redraw. */
    preview: { edits: number };
    startup: { runs: number };
    /** `remit diff --rev` of a repository of this many maps, against `remit check` of them. */
    review: { maps: number; decisionsPerSchool: number; runs: number };
}

export const CONFIGS: Record<Size, BenchConfig> = {
    // The sizes the issue names: one school of 300 decisions, a district of 200 maps (about
    // 5 MB), a state of 2,000 maps (smaller schools, so the whole run stays within minutes).
    full: {
        seed: 'remit-bench-1',
        school: { decisions: 300, repeats: 5 },
        district: { maps: 200, decisionsPerSchool: 100, repeats: 2 },
        state: { districts: 10, mapsPerDistrict: 200, decisionsPerSchool: 20, repeats: 1 },
        lsp: { keystrokes: 30, toggles: 10, districtKeystrokes: 20, districtRenames: 4, floodEdits: 2000 },
        diagram: { nodes: [50, 150, 300], repeats: 1, limitMs: 60_000 },
        preview: { edits: 10 },
        startup: { runs: 15 },
        review: { maps: 100, decisionsPerSchool: 30, runs: 3 }
    },
    // Every measurement, on workspaces small enough for the test suite.
    small: {
        seed: 'remit-bench-1',
        school: { decisions: 20, repeats: 1 },
        district: { maps: 6, decisionsPerSchool: 6, repeats: 1 },
        state: { districts: 2, mapsPerDistrict: 3, decisionsPerSchool: 4, repeats: 1 },
        lsp: { keystrokes: 4, toggles: 2, districtKeystrokes: 2, districtRenames: 2, floodEdits: 100 },
        diagram: { nodes: [25], repeats: 1, limitMs: 120_000 },
        preview: { edits: 2 },
        startup: { runs: 2 },
        review: { maps: 6, decisionsPerSchool: 6, runs: 1 }
    }
};

export interface WorkspaceInfo { name: string; maps: number; decisions: number; bytes: number }

export interface BenchResults {
    size: Size;
    machine: MachineInfo;
    workspaces: WorkspaceInfo[];
    /** Each stage's figures; a stage left out with `only` has none. */
    check?: Array<{ workspace: string } & CheckResult>;
    lsp?: LspResult;
    /**
     * The floor for the keystroke figures: the same school map typed into with only the
     * district map beside it, so what remains is the edited document's own cost.
     */
    lspAlone?: LspResult;
    /** The server started on the school and on the state (the district's is `lsp`): its start and memory. */
    lspWorkspaces?: Array<{ workspace: string } & LspInitialResult>;
    diagram?: DiagramResult;
    /** The preview's redraw after an edit of each example map. */
    preview?: PreviewResult;
    startup?: StartupResult;
    review?: ReviewResult;
    /** Wall time of the whole run, in seconds. */
    totalSeconds: number;
}

export interface MachineInfo {
    cpu: string;
    cores: number;
    memoryGB: number;
    node: string;
    os: string;
}

export function machineInfo(): MachineInfo {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        memoryGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
        node: process.version,
        os: `${os.type()} ${os.release()} ${os.arch()}`
    };
}

export interface RunOptions {
    size: Size;
    /** Folder for the generated workspaces; a fresh temporary folder (removed after) when left out. */
    dir?: string;
    /** Write CPU profiles of the check children and the language server here. */
    profileDir?: string;
    log?: (line: string) => void;
    /** Run only these stages (default: all). */
    only?: readonly Stage[];
    /** Called with the figures so far after each stage, so a long run is never lost. */
    onProgress?: (partial: BenchResults) => void | Promise<void>;
}

export const STAGES = ['check', 'lsp', 'diagram', 'preview', 'startup', 'review'] as const;
export type Stage = typeof STAGES[number];

/** Runs a measurement in a fresh Node process and returns what it printed as JSON. */
function child<T>(args: string[], nodeOptions: string[] = []): Promise<T> {
    return new Promise((resolve, reject) => {
        const proc = spawn(process.execPath, [...nodeOptions, CHILD_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        proc.stdout.on('data', chunk => { out += String(chunk); });
        proc.stderr.on('data', chunk => { err += String(chunk); });
        proc.on('error', reject);
        proc.on('exit', code => {
            const last = out.trim().split('\n').pop() ?? '';
            if (code !== 0) return reject(new Error(`benchmark child ${args[0]} failed (${code}): ${err || out}`));
            try {
                resolve(JSON.parse(last) as T);
            } catch {
                reject(new Error(`benchmark child ${args[0]} printed no result: ${out}${err}`));
            }
        });
    });
}

function info(ws: GeneratedWorkspace): WorkspaceInfo {
    return { name: ws.name, maps: ws.maps, decisions: ws.decisions, bytes: ws.bytes };
}

export async function runBench(options: RunOptions): Promise<BenchResults> {
    const config = CONFIGS[options.size];
    const log = options.log ?? (() => undefined);
    const started = Date.now();
    const root = options.dir ?? await fs.mkdtemp(path.join(os.tmpdir(), 'remit-bench-'));
    const profile = (name: string) => options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    try {
        log('generating workspaces');
        const school = schoolWorkspace(config.seed, config.school.decisions);
        const district = districtWorkspace(config.seed, { maps: config.district.maps, decisionsPerSchool: config.district.decisionsPerSchool });
        const state = stateWorkspace(config.seed, config.state.districts, { maps: config.state.mapsPerDistrict, decisionsPerSchool: config.state.decisionsPerSchool });
        const dirs = { school: path.join(root, 'school'), district: path.join(root, 'district'), state: path.join(root, 'state') };
        await writeWorkspace(school, dirs.school);
        await writeWorkspace(district, dirs.district);
        await writeWorkspace(state, dirs.state);
        const small = path.join(root, 'small', 'small.remit');
        await fs.mkdir(path.dirname(small), { recursive: true });
        await fs.writeFile(small, generateSchool({ name: 'Small', title: 'Small school', decisions: 8, seed: `${config.seed}/small` }).text);

        const results: BenchResults = {
            size: options.size,
            machine: machineInfo(),
            workspaces: [info(school), info(district), info(state)],
            totalSeconds: 0
        };
        const wanted = (stage: Stage) => !options.only || options.only.includes(stage);
        const progress = async () => {
            results.totalSeconds = (Date.now() - started) / 1000;
            await options.onProgress?.(results);
        };

        if (wanted('check')) {
            results.check = [];
            for (const [ws, dir, repeats] of [[school, dirs.school, config.school.repeats], [district, dirs.district, config.district.repeats], [state, dirs.state, config.state.repeats]] as const) {
                log(`checking the ${ws.name} (${ws.maps} maps, ${(ws.bytes / 1e6).toFixed(1)} MB)`);
                results.check.push({ workspace: ws.name, ...await child<CheckResult>(['check', dir, String(repeats)], profile(`check-${ws.name}`)) });
                await progress();
            }
        }

        if (wanted('lsp')) {
            log('language server: opening the district and typing');
            const schoolFile = district.files.find(f => f.path.startsWith('schools/'))!;
            const middle = district.files[Math.floor(district.files.length / 2)];
            results.lsp = await measureLsp({
                root: dirs.district,
                school: middle.path.startsWith('schools/') ? middle.path : schoolFile.path,
                district: 'district.remit',
                files: district.maps,
                ...config.lsp,
                renamed: { role: 'LiteracyLead', dependents: district.files.filter(f => f.text.includes('District.LiteracyLead')).map(f => f.path) },
                nodeOptions: profile('lsp-server')
            });
            const typedInto = middle.path.startsWith('schools/') ? middle.path : schoolFile.path;
            const alone = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-bench-alone-'));
            try {
                for (const file of [typedInto, 'district.remit']) {
                    await fs.mkdir(path.dirname(path.join(alone, file)), { recursive: true });
                    await fs.copyFile(path.join(dirs.district, file), path.join(alone, file));
                }
                results.lspAlone = await measureLsp({ root: alone, school: typedInto, files: 2, ...config.lsp, districtKeystrokes: 0, districtRenames: 0, floodEdits: 0 });
            } finally {
                await fs.rm(alone, { recursive: true, force: true });
            }
            await progress();
            results.lspWorkspaces = [];
            for (const [ws, dir] of [[school, dirs.school], [state, dirs.state]] as const) {
                log(`language server: opening the ${ws.name} (${ws.maps} maps)`);
                // Every map and the standard library have their diagnostics published.
                results.lspWorkspaces.push({ workspace: ws.name, ...await measureLspInitial(dir, ws.maps + 1, profile(`lsp-server-${ws.name}`)) });
                await progress();
            }
        }

        if (wanted('diagram')) {
            log('diagrams');
            results.diagram = await child<DiagramResult>(['diagram', JSON.stringify(config.diagram.nodes), String(config.diagram.repeats), String(config.diagram.limitMs)]);
            await progress();
        }

        if (wanted('preview')) {
            log('preview redraw after an edit, example maps');
            results.preview = await measurePreview(config.preview.edits);
            await progress();
        }

        if (wanted('startup')) {
            log('CLI start-up');
            results.startup = await measureStartup(small, config.startup.runs);
            await progress();
        }

        if (wanted('review')) {
            log(`reviewing a commit of ${config.review.maps} maps with remit diff --rev`);
            const reviewed = districtWorkspace(`${config.seed}/review`, { maps: config.review.maps, decisionsPerSchool: config.review.decisionsPerSchool });
            results.review = await measureReview(reviewed, path.join(root, 'review'), config.review.runs);
        }
        await progress();
        return results;
    } finally {
        if (!options.dir) await fs.rm(root, { recursive: true, force: true });
    }
}
