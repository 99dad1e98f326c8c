import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REMIT_BIN } from '../paths.js';
import { median, now } from '../stats.js';
import { writeWorkspace, type GeneratedWorkspace } from '../workspace-generator.js';

export interface ReviewResult {
    maps: number;
    runs: number;
    /** `remit diff --rev HEAD~1..HEAD` on a commit that changes every map: median wall time. */
    diffMs: number;
    /** `remit check` of the same maps (one version): median wall time. */
    checkMs: number;
    /** The decisions the diff reported as changed hands (a sanity figure: the edit is a transfer in every map). */
    changedHands: number;
}

function remit(args: string[], cwd: string): Promise<{ ms: number; stdout: string }> {
    return new Promise((resolve, reject) => {
        const start = now();
        const child = spawn(process.execPath, [REMIT_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); });
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        child.on('error', reject);
        child.on('exit', code => {
            const ms = now() - start;
            if (code !== 0 && code !== 1) reject(new Error(`remit ${args.join(' ')} exited with ${code}: ${stderr}`));
            else resolve({ ms, stdout });
        });
    });
}

/**
 * Reviewing a pull request: a git repository of the district's maps, and a commit that
 * hands one decision of every map to someone else. `remit diff --rev` reads and checks
 * both versions, so its yardstick is `remit check` of one version; the two alternate, so
 * a busy moment of the machine hits both.
 */
export async function measureReview(ws: GeneratedWorkspace, dir: string, runs: number): Promise<ReviewResult> {
    await writeWorkspace(ws, dir);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    git('init', '-q');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'maps');
    for (const file of ws.files) {
        const full = path.join(dir, file.path);
        const text = await fs.readFile(full, 'utf8');
        // The first `decide` of the map goes to the holder the map consults first: a transfer.
        const consulted = /\n\s*consult ([\w.]+)/.exec(text)?.[1];
        if (consulted) await fs.writeFile(full, text.replace(/(\n\s*decide )[\w.]+(, [\w.]+)*/, `$1${consulted}`));
    }
    git('add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'transfers');
    const diffArgs = ['diff', '--rev', 'HEAD~1..HEAD', '--format', 'json'];
    const first = await remit(diffArgs, dir);
    await remit(['check'], dir);
    const diff: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < runs; i++) {
        diff.push((await remit(diffArgs, dir)).ms);
        check.push((await remit(['check'], dir)).ms);
    }
    const parsed = JSON.parse(first.stdout) as { counts: { decisionsChangedHands: number } };
    return { maps: ws.maps, runs, diffMs: median(diff), checkMs: median(check), changedHands: parsed.counts.decisionsChangedHands };
}
