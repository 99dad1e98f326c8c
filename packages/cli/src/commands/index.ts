import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerLsp } from './lsp.js';

/** Every command of the CLI, in the order `remit --help` lists them. */
export function registerCommands(program: Command): void {
    registerCheck(program);
    registerLsp(program);
}
