// Entry point of `npm run bench`.
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBench, STAGES, type Size, type Stage } from './bench.js';
import { formatReport } from './report.js';

const USAGE = `Usage: npm run bench -- [--size small|full] [--only STAGES] [--json FILE] [--keep DIR] [--profile DIR]

  --size     full (default): a school of 300 decisions, a district of 200 maps (~5 MB),
             a state of 2,000 maps; small: the same measurements on tiny workspaces
  --only     some of check,lsp,diagram,preview,startup,review (comma-separated); default all
  --json     also write every figure as JSON to FILE (rewritten after each stage)
  --keep     generate the workspaces into DIR and keep them (default: a temporary folder)
  --profile  write CPU profiles of the checks and the language server into DIR`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            size: { type: 'string', default: 'full' },
            json: { type: 'string' },
            keep: { type: 'string' },
            profile: { type: 'string' },
            only: { type: 'string' },
            help: { type: 'boolean', short: 'h' }
        }
    });
    // The language needs Node 22 (Langium calls Object.groupBy); `npm run bench` runs on the
    // project's own Node, a bare `node` may be an older system one.
    if (Number(process.versions.node.split('.')[0]) < 22) {
        console.error(`The benchmark needs Node 22 or newer; this is ${process.version}. Run it as npm run bench.`);
        process.exitCode = 2;
        return;
    }
    if (values.help) {
        console.log(USAGE);
        return;
    }
    if (values.size !== 'small' && values.size !== 'full') {
        console.error(`--size must be small or full, not '${values.size}'.\n\n${USAGE}`);
        process.exitCode = 2;
        return;
    }
    const only = values.only?.split(',').map(s => s.trim()).filter(Boolean);
    const unknown = only?.filter(s => !(STAGES as readonly string[]).includes(s)) ?? [];
    if (unknown.length) {
        console.error(`--only takes ${STAGES.join(', ')}; not '${unknown.join(', ')}'.`);
        process.exitCode = 2;
        return;
    }
    const json = values.json;
    const results = await runBench({
        only: only as Stage[] | undefined,
        onProgress: json ? partial => fs.writeFile(json, JSON.stringify(partial, null, 2) + '\n') : undefined,
        size: values.size as Size,
        dir: values.keep,
        profileDir: values.profile,
        log: line => process.stderr.write(`bench: ${line}\n`)
    });
    console.log(formatReport(results));
}

await main();
