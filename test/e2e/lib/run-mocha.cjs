// Runs mocha inside VS Code's extension host and settles when the suite does.
// The extension host calls the tests entry's run(); its promise resolving means exit 0,
// rejecting means exit 1 (then codeAutomationExit tells the driver).
// Output goes to console.log (forwarded to the page) and, when the driver asks for it
// through REMIT_E2E_LOG, to a file the driver prints as it grows.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');

function teeConsole() {
  const file = process.env.REMIT_E2E_LOG;
  if (!file) return { log: console.log, restore: () => {} };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const original = console.log;
  const log = (...args) => {
    fs.appendFileSync(file, util.format(...args) + '\n');
    original.apply(console, args);
  };
  console.log = log;
  return { log, restore: () => { console.log = original; } };
}

async function runMocha(files, options = {}) {
  // mocha 12 is an ES module wrapping a CommonJS build; require() gives its namespace.
  const m = require('mocha');
  const Mocha = typeof m === 'function' ? m : (m.default ?? m.Mocha);
  const { log, restore } = teeConsole();
  Mocha.reporters.Base.consoleLog = log; // the reporters print through this
  Mocha.reporters.Base.useColors = false; // the output goes to a log file
  try {
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      reporter: 'spec',
      timeout: options.timeout ?? 60_000,
      slow: options.slow ?? 5_000,
      grep: process.env.REMIT_E2E_GREP || undefined,
    });
    for (const f of files) mocha.addFile(f);
    await mocha.loadFilesAsync();
    const failures = await new Promise((resolve, reject) => {
      try { mocha.run(resolve); } catch (e) { reject(e); }
    });
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
  } finally {
    restore();
  }
}

module.exports = { runMocha };
