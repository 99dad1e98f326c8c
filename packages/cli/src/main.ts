import { Command, CommanderError } from 'commander';
import { describeOsError, InputError, isOsError } from '@remit/language';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';

/**
 * The `remit` command line: a thin shell over the language package. Each command lives
 * in `commands/` and only parses arguments, calls the language or generators, and prints.
 */
export async function run(argv: string[]): Promise<void> {
    const program = new Command('remit')
        .description('Check, format, diff and publish decision-rights maps (.remit files).')
        .version(VERSION, '-v, --version')
        .showHelpAfterError('(run remit --help for usage)')
        .exitOverride();
    registerCommands(program);
    // A reader that stops early (`remit generate json | head -1`) closes the pipe: that is
    // not an error, so remit stops quietly.
    const quietOnClosedPipe = (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
    };
    process.stdout.on('error', quietOnClosedPipe);
    process.stderr.on('error', quietOnClosedPipe);
    try {
        await program.parseAsync(argv);
    } catch (err) {
        process.exitCode = exitCodeFor(err);
    }
}

function exitCodeFor(err: unknown): number {
    if (err instanceof CommanderError) {
        // Commander already printed the message (or help / version, which exit 0).
        return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof InputError) {
        process.stderr.write(`remit: ${err.message}\n`);
        return 2;
    }
    if (isOsError(err)) {
        if (err.code === 'EPIPE') return process.exitCode === undefined ? 0 : Number(process.exitCode);
        // An error from the system that no command turned into words: still one plain sentence.
        const where = err.path ?? (err as { dest?: string }).dest;
        process.stderr.write(`remit: ${where ? `${where}: ` : ''}cannot be ${err.syscall === 'open' || err.syscall === 'read' || err.syscall === 'scandir' ? 'read' : 'used'} (${describeOsError(err)}).\n`);
        if (process.env.REMIT_DEBUG) process.stderr.write(`${err.stack}\n`);
        return 2;
    }
    // The program's own words ("Cannot read properties of undefined") mean nothing to the
    // user: they are shown only with REMIT_DEBUG=1, for the bug report.
    process.stderr.write('remit: something went wrong inside remit, so it stopped. This is a bug in remit, not in your map: '
        + 'please report it, with the output of the same command run with REMIT_DEBUG=1.\n');
    if (process.env.REMIT_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 2;
}
