/**
 * Entry point of the benchmark's child processes: each measurement that needs its own
 * peak memory and a cold start runs here, in a fresh Node process, and prints its result
 * as one line of JSON on stdout.
 */

// Each task loads only its own modules: the check's peak memory must not hold the diagram
// layout (ELK and the generators, about 50 MB), which `remit check` never loads.
const [task, ...args] = process.argv.slice(2);
let result: unknown;
switch (task) {
    case 'check': {
        const { measureCheck } = await import('./measure/check.js');
        result = await measureCheck(args[0], Number(args[1] ?? 1));
        break;
    }
    case 'diagram': {
        const { measureDiagrams } = await import('./measure/diagram.js');
        result = await measureDiagrams(JSON.parse(args[0]) as number[], Number(args[1] ?? 1), Number(args[2] ?? 120_000));
        break;
    }
    default:
        throw new Error(`unknown task ${task}`);
}
process.stdout.write(JSON.stringify(result) + '\n');
