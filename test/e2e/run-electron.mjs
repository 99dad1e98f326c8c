#!/usr/bin/env node
// The same end-to-end suite in a desktop VS Code, for machines that can download one
// (@vscode/test-electron fetches it from update.code.visualstudio.com). Where that host
// cannot be reached, use run.mjs (code-server in Chromium) instead.
//
//   node test/e2e/run-electron.mjs [--no-build] [--vscode VERSION] [--grep REGEXP]
//
// Like run.mjs it installs the built .vsix into a fresh extensions folder and runs the
// suite against that installed copy, in a temporary copy of test/e2e/fixtures/workspace
// with the repository's examples. Screenshots and real clicks need run.mjs's browser
// driver: those checks are skipped here. Exit code: the suite's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const version = opt('--vscode') ?? process.env.REMIT_E2E_VSCODE ?? '1.117.0';

const run = (cmd, args, options = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`); process.exit(2); }
};

if (!argv.includes('--no-build')) {
  run('npm', ['run', 'package', '--workspace', 'remit']);
  run(process.execPath, [path.join(here, 'build-suite.mjs')]);
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'packages/extension/package.json'), 'utf8'));
const vsix = path.join(root, 'packages/extension', `${pkg.name}-${pkg.version}.vsix`);
const tests = path.join(here, 'out/suite/index.cjs');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'remit-e2e-electron-'));
const workspace = path.join(tmp, 'workspace');
const extensions = path.join(tmp, 'extensions');
const userData = path.join(tmp, 'user-data');
fs.cpSync(path.join(here, 'fixtures/workspace'), workspace, { recursive: true });
fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
const artifacts = path.join(root, '.test-artifacts/e2e-electron');
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });

let code;
try {
  const executable = await downloadAndUnzipVSCode(version);
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
  run(cli, [...cliArgs, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { shell: process.platform === 'win32' });
  const installed = fs.readdirSync(extensions).find((n) => n.toLowerCase() === `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase());
  if (!installed) throw new Error(`the .vsix did not install into ${extensions}`);
  const suiteLog = path.join(artifacts, 'suite.log');
  code = await runTests({
    vscodeExecutablePath: executable,
    // the tests run only in extension development mode: the installed copy is the one developed
    extensionDevelopmentPath: path.join(extensions, installed),
    extensionTestsPath: tests,
    extensionTestsEnv: { REMIT_E2E: '1', REMIT_E2E_EXTENSIONS_DIR: extensions, REMIT_E2E_GREP: opt('--grep') ?? '', REMIT_E2E_LOG: suiteLog },
    launchArgs: [workspace, '--extensions-dir', extensions, '--user-data-dir', userData, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).then(() => 0, () => 1);
  if (fs.existsSync(suiteLog)) process.stdout.write(fs.readFileSync(suiteLog));
} catch (e) {
  console.error(`could not run the suite in a desktop VS Code: ${e?.message ?? e}`);
  console.error('Where update.code.visualstudio.com cannot be reached, run `npm run test:e2e` (code-server in Chromium).');
  code = 2;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
