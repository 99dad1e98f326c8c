import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REMIT_BIN, RSS_REPORTER_IMPORT, readRss } from '../paths.js';
import { median, now } from '../stats.js';

export interface StartupResult {
    runs: number;
    /** `remit check small.remit`, median wall time from spawn to exit. */
    checkMs: number;
    /** `node -e 0`, the floor: starting Node and doing nothing. */
    nodeMs: number;
    exitCode: number | null;
    peakRssMB?: number;
    nodePeakRssMB?: number;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; code: number | null }> {
    return new Promise((resolve, reject) => {
        const start = now();
        const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        child.on('error', reject);
        child.on('exit', code => {
            const ms = now() - start;
            if (code !== 0 && code !== 1) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
            else resolve({ ms, code });
        });
    });
}

/**
 * CLI start-up as a user meets it: `remit check` on one small file, spawned afresh each time,
 * against `node -e 0`. The two alternate so that a busy moment of the machine hits both.
 */
export async function measureStartup(file: string, runs: number): Promise<StartupResult> {
    const cwd = path.dirname(file);
    const checkArgs = [REMIT_BIN, 'check', path.basename(file)];
    await run(checkArgs, cwd);
    await run(['-e', '0'], cwd);
    const check: number[] = [];
    const node: number[] = [];
    let exitCode: number | null = null;
    for (let i = 0; i < runs; i++) {
        const r = await run(checkArgs, cwd);
        check.push(r.ms);
        exitCode = r.code;
        node.push((await run(['-e', '0'], cwd)).ms);
    }
    // Memory from separate, untimed runs: the reporter adds a module load of its own.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-bench-rss-'));
    try {
        const rss = (name: string) => ({ ...process.env, REMIT_BENCH_RSS_FILE: path.join(dir, name) });
        await run(['--import', RSS_REPORTER_IMPORT, ...checkArgs], cwd, rss('check'));
        await run(['--import', RSS_REPORTER_IMPORT, '-e', '0'], cwd, rss('node'));
        return {
            runs, checkMs: median(check), nodeMs: median(node), exitCode,
            peakRssMB: readRss(path.join(dir, 'check')), nodePeakRssMB: readRss(path.join(dir, 'node'))
        };
    } finally {
        await fs.rm(dir, { recursive: true, force: true });
    }
}
