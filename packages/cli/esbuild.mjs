// Bundles the command line into dist/bundle/: remit.js (what bin/remit.js runs) and the
// chunks it imports. One file to load instead of several hundred (Langium, chevrotain,
// lodash-es, vscode-languageserver): loading modules was most of the start-up of a
// `remit check`. ES modules with code splitting, so that what only some commands need
// stays in chunks of its own, loaded when they run: the generators with ELK and liquidjs
// (`remit generate`, `remit new`) and the language server (`remit lsp`). Everything is in
// one module graph, so there is one copy of @remit/language and `instanceof InputError`
// holds whichever chunk threw.
//
// It bundles the compiled JavaScript (dist/ of this package, the language and the
// generators), so run it after `tsc -b`: `npm run build` at the root does both.
//   node esbuild.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, 'dist', 'bundle');
// Built beside it and then swapped in, so that a remit started meanwhile finds the old
// bundle or the new one (or none, and runs dist/), never half of one.
const outdir = `${target}.new`;

const entry = path.join(here, 'dist', 'main.js');
if (!fs.existsSync(entry)) {
    console.error(`missing ${entry}: run \`npx tsc -b\` (or \`npm run build\`) at the repository root first`);
    process.exit(1);
}

// Code that finds files from its own location (`new URL('../../templates/', import.meta.url)`
// in the generators, `../package.json` here) keeps doing so: in the bundle, import.meta.url
// is rewritten to the URL the module had before bundling, relative to the chunk it lands in
// (every output file sits directly in dist/bundle/, at the depth of outdir). The package
// has to work installed on its own (npm pack, npm install -g), so the generators' templates
// and starters are copied into dist/generators/ and the generators' modules are given URLs
// there: dist/generators/dist/charter/x.js reads ../../templates/, dist/generators/templates/.
// Edit them in packages/generators; `npm run build` copies them again.
const generators = path.resolve(here, '..', 'generators');
const assets = path.join(here, 'dist', 'generators');
const keepModuleUrls = {
    name: 'keep-module-urls',
    setup(build) {
        build.onLoad({ filter: /\.js$/ }, async (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const text = await fs.promises.readFile(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            const inGenerators = !path.relative(generators, args.path).startsWith('..');
            const original = inGenerators ? path.join(assets, path.relative(generators, args.path)) : args.path;
            const relative = path.relative(outdir, original).split(path.sep).join('/');
            if (relative.startsWith('../../')) throw new Error(`${args.path} finds files from its own location but is outside this package and the generators: it would not work once installed.`);
            return {
                contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
                loader: 'js'
            };
        });
    }
};

// Langium's core takes four names from the LSP protocol package (cancellation tokens, the
// event emitter, ResponseError and two error codes), and importing it evaluates all of the
// protocol and JSON-RPC (about 20 ms of every start, though `remit check` speaks no LSP).
// Those three modules get the names from the small files of vscode-jsonrpc that define
// them: the same modules the full protocol re-exports, so `remit lsp` still shares one
// CancellationTokenSource class. A name Langium starts to import that is missing here
// fails the build ("No matching export").
const langiumProtocolImporters = ['utils/cancellation.js', 'utils/event.js', 'workspace/document-builder.js']
    .map(file => path.join('node_modules', 'langium', 'lib', ...file.split('/')));
const protocolLite = {
    name: 'protocol-lite',
    setup(build) {
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, (args) => {
            if (!langiumProtocolImporters.some(file => args.importer.endsWith(file))) return undefined;
            return { path: 'protocol-lite', namespace: 'protocol-lite', pluginData: { resolveDir: args.resolveDir } };
        });
        build.onLoad({ filter: /.*/, namespace: 'protocol-lite' }, async (args) => {
            const protocol = await build.resolve('vscode-languageserver-protocol', { kind: 'import-statement', resolveDir: args.pluginData.resolveDir });
            const jsonrpc = await build.resolve('vscode-jsonrpc', { kind: 'require-call', resolveDir: path.dirname(protocol.path) });
            const common = (file) => JSON.stringify(path.join(path.dirname(jsonrpc.path), '..', 'common', file));
            return {
                resolveDir: here,
                loader: 'js',
                contents: [
                    `export { CancellationToken, CancellationTokenSource } from ${common('cancellation.js')};`,
                    `export { Emitter } from ${common('events.js')};`,
                    `export { ResponseError } from ${common('messages.js')};`,
                    // The LSP specification's codes, as vscode-languageserver-protocol defines them.
                    'export const LSPErrorCodes = Object.freeze({ RequestFailed: -32803, ServerCancelled: -32802, ContentModified: -32801, RequestCancelled: -32800 });'
                ].join('\n')
            };
        });
    }
};

// Node's built-in modules. An ES module's `import ... from 'node:fs'` makes Node build an
// ES module facade of the built-in, about 15 ms for the dozen remit uses; they are taken
// with process.getBuiltinModule instead, as require() would. And node:child_process costs
// about 7 ms more (it brings net and dgram), while only `remit diff --rev` (git) and
// commander's external subcommands (remit has none) use it: it is loaded on first use.
// Only its functions can be used this way, which is all remit and its packages use.
const LAZY_BUILTINS = new Set(['child_process']);
const builtins = {
    name: 'builtins',
    setup(build) {
        build.onResolve({ filter: /^[a-z_/]+$|^node:/ }, (args) => {
            const name = args.path.replace(/^node:/, '');
            if (!isBuiltin(name) || args.kind !== 'import-statement') return undefined;
            return { path: name, namespace: 'builtin' };
        });
        build.onLoad({ filter: /.*/, namespace: 'builtin' }, async (args) => {
            const specifier = JSON.stringify(`node:${args.path}`);
            const real = await import(`node:${args.path}`);
            const names = Object.keys(real).filter(name => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
            const lines = [];
            if (LAZY_BUILTINS.has(args.path)) {
                const functions = names.filter(name => typeof real[name] === 'function');
                lines.push(
                    'let loaded;',
                    `const load = () => (loaded ??= process.getBuiltinModule(${specifier}));`,
                    // Each function forwards to the real one, util.promisify included.
                    "const custom = Symbol.for('nodejs.util.promisify.custom');",
                    'const lazy = (name) => Object.defineProperty(function (...args) { return load()[name].apply(this, args); }, custom, { get: () => load()[name][custom] });',
                    ...functions.map(name => `export const ${name} = lazy(${JSON.stringify(name)});`),
                    `export default new Proxy({}, { get: (_, name) => (${JSON.stringify(functions)}.includes(name) ? lazy(name) : load()[name]) });`
                );
            } else {
                // Only the names something imports are read (esbuild drops the other,
                // pure, calls): reading process.stdin, say, would open standard input.
                lines.push(
                    `const m = process.getBuiltinModule(${specifier});`,
                    'const get = (name) => m[name];',
                    'export default m;',
                    ...names.map(name => `export const ${name} = /* @__PURE__ */ get(${JSON.stringify(name)});`)
                );
            }
            return { resolveDir: here, loader: 'js', contents: lines.join('\n') };
        });
    }
};

fs.rmSync(outdir, { recursive: true, force: true });
const assetsNew = `${assets}.new`;
fs.rmSync(assetsNew, { recursive: true, force: true });
for (const folder of ['templates', 'starters']) {
    fs.cpSync(path.join(generators, folder), path.join(assetsNew, folder), { recursive: true });
}
fs.rmSync(assets, { recursive: true, force: true });
fs.renameSync(assetsNew, assets);
const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints: { remit: entry },
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // prefer the ES module builds (langium, vscode-uri): they bundle and tree-shake better
    mainFields: ['module', 'main'],
    // CommonJS packages inside the bundle (vscode-languageserver, elkjs) call require() for
    // Node's built-in modules; an ES module has no require of its own.
    banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'inline',
    plugins: [keepModuleUrls, protocolLite, builtins],
    logLevel: 'warning',
    metafile: true
});
fs.rmSync(target, { recursive: true, force: true });
fs.renameSync(outdir, target);
for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${path.relative(here, path.join(target, path.basename(file)))}: ${(info.bytes / 1024).toFixed(0)} KiB`);
}
