import type { Command } from 'commander';

export function registerLsp(program: Command): void {
    program.command('lsp')
        .description('Run the Remit language server, for any editor that speaks LSP.')
        .option('--stdio', 'talk over standard input and output (the default)')
        .action(async () => {
            // Loaded only here: the server is larger than everything else the CLI needs.
            const { startRemitLanguageServer } = await import('@remit/language/lsp');
            startRemitLanguageServer('stdio');
        });
}
