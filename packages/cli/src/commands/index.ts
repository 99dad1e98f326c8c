import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerLsp } from './lsp.js';
import { registerFmt } from './fmt.js';
import { registerDiff } from './diff.js';
import { registerTextconv } from './textconv.js';
import { registerGenerate } from './generate.js';
import { registerNew } from './new.js';

/** Every command of the CLI, in the order `remit --help` lists them. */
export function registerCommands(program: Command): void {
    registerCheck(program);
    registerFmt(program);
    registerDiff(program);
    registerTextconv(program);
    registerGenerate(program);
    registerNew(program);
    registerLsp(program);
}
