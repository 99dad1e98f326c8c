import { Command, InvalidArgumentError, Option } from 'commander';
import { openWorkspace, type RemitDiagnostic } from '@remit/language';
import { formatText } from '../output/check-text.js';
import { formatJson } from '../output/check-json.js';
import { formatSarif } from '../output/check-sarif.js';
import { writeStdout } from '../output/write.js';

export function registerCheck(program: Command): void {
    program.command('check')
        .description('Check maps for errors, gaps, conflicts and overload. Exit 0: clean or warnings only; 1: errors; 2: unusable input.')
        .argument('[paths...]', '.remit files or folders (searched recursively)', [])
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
        .option('-c, --config <file>', 'rule settings (default: the nearest remit.json)')
        .action(async (paths: string[], options: { format: 'text' | 'json' | 'sarif'; maxWarnings?: number; config?: string }) => {
            const cwd = process.cwd();
            const workspace = await openWorkspace(paths, { cwd, configFile: options.config });
            const diagnostics = workspace.diagnostics;
            const files = workspace.documents.length;
            const output = options.format === 'json' ? formatJson(diagnostics, files, cwd)
                : options.format === 'sarif' ? formatSarif(diagnostics, cwd)
                : formatText(diagnostics, files, cwd);
            await writeStdout(output);
            process.exitCode = checkExitCode(diagnostics, options.maxWarnings);
        });
}

export function checkExitCode(diagnostics: readonly RemitDiagnostic[], maxWarnings?: number): number {
    if (diagnostics.some(d => d.severity === 'error')) return 1;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
    return 0;
}

function parseCount(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of 0 or more.');
    return n;
}
