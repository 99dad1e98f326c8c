#!/usr/bin/env node
// End-to-end driver: runs a mocha suite inside a real VS Code extension host.
//
// VS Code here is code-server (VS Code's own server and workbench, from the npm registry)
// shown in Debian's Chromium and driven by playwright-core; see test/e2e/README.md.
//
//   node test/e2e/run.mjs               build the extension's .vsix and the suite, run it
//   node test/e2e/run.mjs --self-test   prove the harness with a trivial placeholder extension
//
// Options: --no-build (use the .vsix and suite already built), --vsix FILE, --tests FILE
// (a tests entry exporting run()), --workspace DIR (copied to a temp folder first),
// --timeout SECONDS (the run after setup and build; default 300), --grep REGEXP (mocha
// grep), --keep (keep the temp folder), --verbose (print the workbench's log lines too),
// --update-screenshot (after a passing run, copy marketplace-screenshot.png to the
// extension's images/screenshot.png, which its README shows).
// Exit code: the suite's (0 passed, 1 failed); 2 when the harness itself failed or timed out.
// Artifacts (screenshots, logs): .test-artifacts/e2e/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const extensionDir = path.join(root, 'packages/extension');
const artifacts = path.resolve(process.env.REMIT_E2E_ARTIFACTS ?? path.join(root, '.test-artifacts/e2e'));

// ---------------------------------------------------------------------------------------
const args = parseArgs(process.argv.slice(2));
const started = Date.now();
const say = (msg) => process.stdout.write(`[e2e] ${msg}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

const cleanups = [];
let finishing = false;
async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  if (why) say(why);
  for (const fn of cleanups.reverse()) {
    try { await fn(); } catch (e) { say(`cleanup: ${e?.message ?? e}`); }
  }
  say(`done in ${elapsed()}, exit ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
// The watchdog starts once setup and build are done (a first setup compiles for minutes).
let watchdog;
let onTimeout = () => finish(2, `timed out after ${args.timeout}s`);
const startWatchdog = () => { watchdog = setTimeout(() => void onTimeout(), args.timeout * 1000); };

try {
  await main();
} catch (e) {
  say(`harness error: ${e?.stack ?? e}`);
  await finish(2);
}

async function main() {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  // 1. code-server, Node 22 and Chromium (cached after the first time).
  const env = setup();

  // 2. The extension (.vsix) and the tests entry.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'remit-e2e-'));
  cleanups.push(() => { if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true }); else say(`kept ${tmp}`); });
  let vsix = args.vsix, tests = args.tests, workspaceSource = args.workspace;
  if (args.selfTest) {
    vsix ??= packPlaceholder(tmp);
    tests ??= path.join(here, 'placeholder/suite/index.cjs');
  } else {
    if (args.build) build();
    vsix ??= defaultVsix();
    tests ??= path.join(here, 'out/suite/index.cjs');
    workspaceSource ??= path.join(here, 'fixtures/workspace');
  }
  for (const f of [vsix, tests]) if (!fs.existsSync(f)) throw new Error(`missing ${f} (build first, or drop --no-build)`);
  startWatchdog();

  // 3. Isolated folders: XDG dirs, HOME, user data, extensions, the workspace.
  const dirs = {};
  for (const d of ['config', 'data', 'cache', 'state', 'home', 'user-data', 'extensions', 'chromium-home', 'workspace']) {
    dirs[d] = path.join(tmp, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  if (workspaceSource) fs.cpSync(workspaceSource, dirs.workspace, { recursive: true });
  if (!args.selfTest && !args.workspace) fs.cpSync(path.join(root, 'examples'), path.join(dirs.workspace, 'examples'), { recursive: true });
  const requests = path.join(artifacts, 'requests');
  fs.mkdirSync(requests, { recursive: true });
  const suiteLog = path.join(artifacts, 'suite.log');
  const serverEnv = cleanEnv({
    XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, XDG_STATE_HOME: dirs.state,
    HOME: dirs.home, TMPDIR: tmp,
    EXTENSIONS_GALLERY: '{}', // no marketplace look-ups
    // read by the suite inside the extension host:
    REMIT_E2E: '1', REMIT_E2E_ARTIFACTS: artifacts, REMIT_E2E_REQUESTS: requests, REMIT_E2E_LOG: suiteLog,
    REMIT_E2E_WORKSPACE: dirs.workspace, REMIT_E2E_EXTENSIONS_DIR: dirs.extensions, REMIT_E2E_GREP: args.grep ?? '',
  });
  // A quiet workbench: no welcome page, chat or tips over the editor in screenshots.
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'window.commandCenter': false,
    // code-server saves edits after a second by default; desktop VS Code does not, and the
    // suite checks unsaved edits (Compare with HEAD) and reverts its own.
    'files.autoSave': 'off',
  }, null, 2));
  const common = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];

  // 4. Install the .vsix into the fresh extensions dir (before the server starts).
  say(`installing ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  const inst = spawnSync(env.node, [env.codeServer, ...common, '--install-extension', vsix], { env: serverEnv, encoding: 'utf8' });
  if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
    throw new Error(`--install-extension failed (${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
  }
  const installed = findInstalled(dirs.extensions, vsixManifest(vsix));
  say(`installed at ${installed}`);

  // 5. Start code-server on a free loopback port.
  const port = await freePort();
  const serverLog = fs.openSync(path.join(artifacts, 'code-server.log'), 'w');
  const server = spawn(env.node, [env.codeServer, ...common,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', dirs.workspace,
  ], { env: serverEnv, detached: true, stdio: ['ignore', serverLog, serverLog] });
  let serverExited = false;
  server.on('exit', (code, signal) => { serverExited = true; if (!finishing) void finish(2, `code-server exited (${code ?? signal}); see ${path.join(artifacts, 'code-server.log')}`); });
  cleanups.push(() => killGroup(server, () => serverExited));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok, 60_000, 'code-server /healthz');
  say(`code-server ${env.version} on ${base} (${elapsed()})`);

  // 6. Chromium, with the automation hooks the workbench calls.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, HOME: dirs['chromium-home'] },
    timeout: 60_000,
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const workbenchLog = fs.createWriteStream(path.join(artifacts, 'workbench.log'));
  cleanups.push(() => new Promise((r) => workbenchLog.end(r)));
  page.on('console', (m) => workbenchLog.write(`[console.${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => workbenchLog.write(`[pageerror] ${e?.stack ?? e}\n`));

  let settle;
  const exited = new Promise((resolve) => { settle = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, lines) => {
    const text = Array.isArray(lines) ? lines.join(' ') : String(lines);
    workbenchLog.write(`[${type}] ${text}\n`);
    if (args.verbose) process.stdout.write(`[workbench ${type}] ${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    const dir = path.join(artifacts, 'logs');
    for (const l of logs ?? []) {
      const f = path.join(dir, l.relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
    settle(code);
  });

  const shot = async (name) => {
    const file = path.join(artifacts, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, timeout: 15_000 }).catch((e) => say(`screenshot ${name}: ${e.message}`));
    return file;
  };
  onTimeout = async () => {
    await shot('timeout');
    await finish(2, `timed out after ${args.timeout}s; screenshot and logs in ${path.relative(root, artifacts)}/`);
  };

  // 7. Open the workbench with the tests entry in the page URL's payload.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const suiteEnv = Object.fromEntries(Object.entries(serverEnv).filter(([k]) => k.startsWith('REMIT_E2E')));
  // The workbench runs extensionTestsPath only in extension development mode, so the
  // installed extension's own folder (unpacked from the .vsix by --install-extension) is
  // also given as extensionDevelopmentPath: what runs is exactly what the .vsix holds.
  const payload = [
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(tests)],
    ['extensionEnvironment', JSON.stringify(suiteEnv)],
  ];
  const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const tail = tailFile(suiteLog);
  cleanups.push(() => tail.stop());
  const serve = serveRequests(requests, page, shot);
  cleanups.push(() => serve.stop());
  say(`opening the workbench; running ${path.relative(root, tests)}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const code = await exited;
  tail.flush();
  await shot('final');
  clearTimeout(watchdog);
  say(code === 0 ? 'suite passed' : `suite failed (exit ${code}); artifacts in ${path.relative(root, artifacts)}/`);
  if (code === 0 && args.updateScreenshot) updateScreenshot();
  await finish(code === 0 ? 0 : 1);
}

// ---------------------------------------------------------------------------------------
function parseArgs(argv) {
  const a = { build: true, timeout: 300, selfTest: false, keep: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${k} needs a value`); return argv[++i]; };
    switch (k) {
      case '--self-test': a.selfTest = true; break;
      case '--no-build': a.build = false; break;
      case '--vsix': a.vsix = path.resolve(val()); break;
      case '--tests': a.tests = path.resolve(val()); break;
      case '--workspace': a.workspace = path.resolve(val()); break;
      case '--timeout': a.timeout = Number(val()); break;
      case '--grep': a.grep = val(); break;
      case '--keep': a.keep = true; break;
      case '--verbose': a.verbose = true; break;
      case '--update-screenshot': a.updateScreenshot = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown option ${k}`);
    }
  }
  if (!(a.timeout > 0)) usage('--timeout must be a number of seconds');
  return a;
}
function usage(err) {
  const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  const text = lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (err ? process.stderr : process.stdout).write(`${err ? err + '\n\n' : ''}${text}\n`);
  process.exit(err ? 2 : 0);
}

function setup() {
  const r = spawnSync('bash', [path.join(here, 'setup-code-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`setup-code-server.sh failed (${r.status})`);
  const vars = Object.fromEntries(r.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const env = { node: vars.REMIT_E2E_NODE, codeServer: vars.REMIT_E2E_CODE_SERVER, chromium: vars.REMIT_E2E_CHROMIUM };
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(env.codeServer), '../../package.json'), 'utf8'));
  env.version = pkg.version;
  return env;
}

function run(cmd, argv, opts = {}) {
  say(`$ ${[cmd, ...argv].join(' ')}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal})`);
}

function build() {
  const t = Date.now();
  // The .vsix (bundles the client and the server) and the suite, bundled for the extension host.
  run('npm', ['run', 'package', '--workspace', 'remit']);
  run(process.execPath, [path.join(here, 'build-suite.mjs')]);
  say(`built in ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

// The README's picture, as the suite last took it: copied only from a passing run that took it.
function updateScreenshot() {
  const shot = path.join(artifacts, 'marketplace-screenshot.png');
  const target = path.join(extensionDir, 'images/screenshot.png');
  if (!fs.existsSync(shot)) { say('no marketplace-screenshot.png was taken (did --grep leave its test out?); images/screenshot.png is unchanged'); return; }
  fs.copyFileSync(shot, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  say(`updated ${path.relative(root, target)} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB)`);
}

function defaultVsix() {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  return path.join(extensionDir, `${pkg.name}-${pkg.version}.vsix`);
}

function packPlaceholder(tmp) {
  const out = path.join(tmp, 'e2e-placeholder.vsix');
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
    { cwd: path.join(here, 'placeholder'), stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

function vsixManifest(vsix) {
  // The extension's id comes from the manifest inside the .vsix (a zip): read it with unzip if
  // present, else fall back to the folder name code-server writes (publisher.name-version).
  const r = spawnSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' });
  if (r.status === 0) {
    const m = JSON.parse(r.stdout);
    return { id: `${m.publisher}.${m.name}`.toLowerCase(), version: m.version };
  }
  return null;
}

function findInstalled(extensionsDir, manifest) {
  const names = fs.readdirSync(extensionsDir).filter((n) => !n.startsWith('.') && n !== 'extensions.json');
  const match = manifest ? names.find((n) => n.toLowerCase() === `${manifest.id}-${manifest.version}`) : names[0];
  if (!match) throw new Error(`installed extension not found in ${extensionsDir}: ${names.join(', ')}`);
  return path.join(extensionsDir, match);
}

function cleanEnv(extra) {
  const env = { ...process.env };
  // Variables of an enclosing VS Code (an integrated terminal) would redirect code-server.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return { ...env, ...extra };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitFor(fn, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function killGroup(child, exited) {
  if (exited()) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const end = Date.now() + 5000;
  while (!exited() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (!exited()) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}

// Prints the suite's output (written by the suite to a file) as it grows.
function tailFile(file) {
  let pos = 0;
  const flush = () => {
    if (!fs.existsSync(file)) return;
    const buf = fs.readFileSync(file);
    if (buf.length > pos) { process.stdout.write(buf.subarray(pos)); pos = buf.length; }
  };
  const timer = setInterval(flush, 200);
  return { flush, stop: () => { clearInterval(timer); flush(); } };
}

// The suite asks the driver for things only the browser side can do: it writes
// requests/<id>.json and waits for requests/<id>.done.json. Actions:
//   { "action": "screenshot", "name": N }  saves N.png; answers what each frame shows
//                                          (webviews are frames: their <svg> count, text)
//   { "action": "click", "selector": S }   clicks the first element matching S in any frame
//   { "action": "select", "selector": S, "value": V }  chooses V in that <select>
//   { "action": "fill", "selector": S, "value": V }    types V into that input (replacing its text)
//   { "action": "press", "selector": S, "value": K }   focuses S and presses key K
//   { "action": "read", "selector": S }  answers the text, value and visibility of the first
//                                          element matching S in any frame (ok false if none)
function serveRequests(dir, page, shot) {
  const busy = new Set();
  const handle = async (name) => {
    const id = name.slice(0, -'.json'.length);
    busy.add(id);
    let result;
    try {
      const req = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (['click', 'select', 'fill', 'press'].includes(req.action)) {
        // a real click (or choice in a <select>) on the first element matching `selector`
        // in any frame, webviews included
        for (const f of page.frames()) {
          const el = await f.$(req.selector).catch(() => null);
          if (el) {
            if (req.action === 'click') await el.click({ timeout: 10_000 });
            else if (req.action === 'fill') await el.fill(String(req.value), { timeout: 10_000 });
            else if (req.action === 'press') { await el.focus(); await el.press(String(req.value), { timeout: 10_000 }); }
            else await el.selectOption(String(req.value), { timeout: 10_000 });
            result = { ok: true, frame: f.url() };
            break;
          }
        }
        result ??= { ok: false, error: `no frame has ${req.selector}` };
        return;
      }
      if (req.action === 'read') {
        for (const f of page.frames()) {
          const el = await f.$(req.selector).catch(() => null);
          if (!el) continue;
          const info = await el.evaluate((e) => ({ text: e.innerText ?? e.textContent ?? '', value: 'value' in e ? String(e.value) : undefined }));
          result = { ok: true, frame: f.url(), visible: await el.isVisible(), ...info };
          break;
        }
        result ??= { ok: false, error: `no frame has ${req.selector}` };
        return;
      }
      if (req.action !== 'screenshot') throw new Error(`unknown action ${req.action}`);
      const frames = [];
      for (const f of page.frames()) {
        const info = await f.evaluate(() => ({
          title: document.title,
          svgs: document.querySelectorAll('svg').length,
          text: (document.body?.innerText ?? '').slice(0, 4000),
          // the smallest diagram text as drawn on screen: its font size times the SVG's scale
          svgTextPx: (() => {
            let min = Infinity;
            for (const t of document.querySelectorAll('svg text')) {
              const size = parseFloat(t.getAttribute('font-size') || '');
              const m = t.getScreenCTM?.();
              if (size > 0 && m && t.getClientRects().length) min = Math.min(min, size * Math.hypot(m.a, m.b));
            }
            return Number.isFinite(min) ? min : undefined;
          })(),
        })).catch(() => null);
        if (info) frames.push({ url: f.url(), ...info });
      }
      result = { ok: true, screenshot: await shot(req.name ?? id), frames };
    } catch (e) {
      result = { ok: false, error: String(e?.message ?? e) };
    } finally {
      fs.writeFileSync(path.join(dir, `${id}.done.json.tmp`), JSON.stringify(result, null, 2));
      fs.renameSync(path.join(dir, `${id}.done.json.tmp`), path.join(dir, `${id}.done.json`));
    }
  };
  const timer = setInterval(() => {
    for (const n of fs.readdirSync(dir)) {
      if (!n.endsWith('.json') || n.endsWith('.done.json')) continue;
      const id = n.slice(0, -5);
      if (busy.has(id)) continue;
      void handle(n);
    }
  }, 100);
  return { stop: () => clearInterval(timer) };
}
