#!/usr/bin/env node
// Prints one closing line for a CI run: the vitest suite (its JSON results) and the
// VS Code end-to-end suite (mocha's "N passing / N failing" in its log) added up.
//   node scripts/ci-summary.mjs [e2e-log-file]
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

const vitestResults = '.test-artifacts/vitest-results.json';
if (existsSync(vitestResults)) {
    const results = JSON.parse(readFileSync(vitestResults, 'utf8'));
    passed += results.numPassedTests ?? 0;
    failed += results.numFailedTests ?? 0;
    skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
} else {
    console.error(`ci-summary: ${vitestResults} is missing: the vitest suite did not run.`);
    failed += 1;
}

const e2eLog = process.argv[2];
if (e2eLog) {
    const log = existsSync(e2eLog) ? readFileSync(e2eLog, 'utf8') : '';
    const count = (word) => [...log.matchAll(new RegExp(`(\\d+) ${word}\\b`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
    const e2ePassed = count('passing');
    const e2eFailed = count('failing');
    if (e2ePassed + e2eFailed === 0) {
        console.error('ci-summary: the end-to-end suite reported no tests.');
        failed += 1;
    }
    passed += e2ePassed;
    failed += e2eFailed;
    skipped += count('pending');
}

console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
