// Type-checks and bundles the end-to-end suite (suite/*.ts) into out/suite/*.cjs, the
// CommonJS the extension host loads. `vscode` and `mocha` stay external: the extension
// host provides the first, the repository's node_modules the second.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

if (!process.argv.includes('--no-check')) {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(here, 'tsconfig.json')], { stdio: 'inherit' });
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

const suite = path.join(here, 'suite');
const entries = fs.readdirSync(suite).filter(f => f === 'index.ts' || f.endsWith('.test.ts')).map(f => path.join(suite, f));
fs.rmSync(path.join(here, 'out'), { recursive: true, force: true });
await esbuild.build({
    entryPoints: entries,
    outdir: path.join(here, 'out/suite'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning'
});
console.log(`built ${entries.length} suite files into ${path.relative(root, path.join(here, 'out/suite'))}`);
