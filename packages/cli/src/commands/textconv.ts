import type { Command } from 'commander';
import { authorityFacts, encodingMessage, readMapFile } from '@remit/language';
import { writeStdout } from '../output/write.js';

/**
 * `remit textconv FILE`: one fact of authority per line, sorted, for git's textconv diff
 * driver (see docs/git.md). A file that does not parse is printed as it is, with a note on
 * stderr, so `git diff` keeps working on a half-written map.
 */
export function registerTextconv(program: Command): void {
    program.command('textconv')
        .description('Print one authority fact per line (for git diff with a textconv driver; see docs/git.md).')
        .argument('<file>', 'a .remit file (git passes a temporary copy)')
        .action(async (file: string) => {
            const { text, bytes, problem } = await readMapFile(file, { shown: file });
            if (problem) {
                // Shown byte for byte, so the diff still shows the change.
                process.stderr.write(`remit textconv: ${file}:${problem.line}:${problem.column}: ${encodingMessage(problem)} Showing the text as it is.\n`);
                await writeStdout(bytes);
                return;
            }
            const facts = authorityFacts(text);
            if (facts.error) {
                process.stderr.write(`remit textconv: ${file}:${facts.error.line}:${facts.error.column}: ${facts.error.message} Showing the text as it is.\n`);
                await writeStdout(text);
                return;
            }
            await writeStdout(facts.lines.map(line => `${line}\n`).join(''));
        });
}
