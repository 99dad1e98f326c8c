/**
 * Preloaded (`node --import`) into child processes the benchmark does not otherwise control,
 * the language server and the CLI: on exit, writes the process's peak resident set size in
 * MB to the file named by REMIT_BENCH_RSS_FILE. Node gives a parent no rusage of its children.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.REMIT_BENCH_RSS_FILE;
if (file) {
    process.on('exit', () => {
        writeFileSync(file, String(process.resourceUsage().maxRSS / 1024));
    });
}
