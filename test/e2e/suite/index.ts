// The tests entry VS Code's extension host loads (extensionTestsPath): runs every
// *.test.cjs bundled next to it, in name order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMocha } from '../lib/run-mocha.cjs';

export function run(): Promise<void> {
    const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.cjs')).sort().map(f => path.join(__dirname, f));
    return runMocha(files, { timeout: 60_000 });
}
