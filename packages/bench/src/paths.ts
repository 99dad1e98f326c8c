import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (packages/bench/dist is two levels below packages/). */
export const REPO_ROOT = path.resolve(here, '..', '..', '..');
/** The `remit` binary users run. */
export const REMIT_BIN = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'remit.js');
/** This package's compiled child-process entry point. */
export const CHILD_JS = path.join(here, 'child.js');
export const DIAGRAM_WORKER_JS = path.join(here, 'measure', 'diagram-worker.js');
/** `--import` argument that makes a child report its peak memory. */
export const RSS_REPORTER_IMPORT = pathToFileURL(path.join(here, 'rss-reporter.js')).href;

/** Reads what the RSS reporter wrote, or undefined if the process did not get to exit normally. */
export function readRss(file: string): number | undefined {
    if (!existsSync(file)) return undefined;
    const value = Number(readFileSync(file, 'utf8'));
    return Number.isFinite(value) ? value : undefined;
}
