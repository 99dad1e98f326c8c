#!/usr/bin/env node
// The `remit` command. The code lives in dist/ (built by `npm run build`, which `npm ci` runs).
import { run } from '../dist/main.js';

await run(process.argv);
