// Entry point of `npm run bench`.
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBench, type Size } from './bench.js';
import { formatReport } from './report.js';

const USAGE = `Usage: npm run bench -- [--size small|full] [--json FILE] [--keep DIR] [--profile DIR]

  --size     full (default): a school of 300 decisions, a district of 200 maps (~5 MB),
             a state of 2,000 maps; small: the same measurements on tiny workspaces
  --json     also write every figure as JSON to FILE
  --keep     generate the workspaces into DIR and keep them (default: a temporary folder)
  --profile  write CPU profiles of the checks and the language server into DIR`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            size: { type: 'string', default: 'full' },
            json: { type: 'string' },
            keep: { type: 'string' },
            profile: { type: 'string' },
            help: { type: 'boolean', short: 'h' }
        }
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    if (values.size !== 'small' && values.size !== 'full') {
        console.error(`--size must be small or full, not '${values.size}'.\n\n${USAGE}`);
        process.exitCode = 2;
        return;
    }
    const results = await runBench({
        size: values.size as Size,
        dir: values.keep,
        profileDir: values.profile,
        log: line => process.stderr.write(`bench: ${line}\n`)
    });
    if (values.json) await fs.writeFile(values.json, JSON.stringify(results, null, 2) + '\n');
    console.log(formatReport(results));
}

await main();
