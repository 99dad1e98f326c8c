import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built command line, as a user runs it (tests expect `tsc -b` to have run). */
export const REMIT_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/remit.js');

export function remit(args: string[], cwd: string, input?: string): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [REMIT_BIN, ...args], { cwd, encoding: 'utf8', input });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
