#!/usr/bin/env node
// The `remit` command. `npm run build` (which `npm ci` runs) compiles the TypeScript into
// dist/ and bundles it into dist/bundle/ (see ../esbuild.mjs): a few files to load instead
// of several hundred, which was most of the start-up of every command.
//
// The bundle is made from dist/, so after a `tsc -b` alone it is older than the code it was
// made from; then dist/ runs as it is (slower to start, never stale). `npm run bundle -w
// remit-cli` brings the bundle up to date.
// process.getBuiltinModule (Node 22.3) loads a built-in without an ES module facade; the
// bundle takes its built-ins that way too, so older Node runs dist/.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
    // Before anything else loads: older Node cannot run remit, and should say so in one line.
    process.stderr.write(`remit needs Node.js 22 or newer, and this is Node.js ${process.versions.node}. Install Node.js 22 (https://nodejs.org) and run remit again.\n`);
    process.exit(2);
}
const builtin = process.getBuiltinModule;
const { constants, enableCompileCache } = builtin?.('node:module') ?? await import('node:module');
const { statSync } = builtin?.('node:fs') ?? await import('node:fs');

if (builtin && bundleIsCurrent()) {
    // V8 keeps the bytecode it compiles in a cache between runs (in the temporary folder, or
    // where NODE_COMPILE_CACHE says). It compiles a function when first called, though, and
    // the cache holds what was compiled when the module was loaded. So while the bundle and
    // the chunks it imports load, V8 compiles every function of them at once (--no-lazy):
    // the first run after a build takes some 25 ms longer, the others read what `check` runs
    // from the cache instead of compiling it (30 to 60 ms). The chunks of other commands
    // (generators, language server) load later, compiled lazily as usual.
    const cache = enableCompileCache?.();
    const eager = cache?.status === constants.compileCacheStatus.ENABLED
        || cache?.status === constants.compileCacheStatus.ALREADY_ENABLED;
    if (eager) {
        // Built-in modules the bundle loads are compiled from Node's own cache, made with
        // the default flags: load them before the flags change.
        void process.getBuiltinModule('node:fs').promises;
        process.getBuiltinModule('node:process');
    }
    const v8 = eager ? process.getBuiltinModule('node:v8') : undefined;
    v8?.setFlagsFromString('--no-lazy');
    let loaded;
    try {
        loaded = await import('../dist/bundle/remit.js');
    } finally {
        v8?.setFlagsFromString('--lazy');
    }
    await loaded.run(process.argv);
} else {
    const { run } = await import('../dist/main.js');
    await run(process.argv);
}

function bundleIsCurrent() {
    const modified = (file) => statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
    const bundle = modified('../dist/bundle/remit.js');
    if (bundle === undefined) return false;
    // tsc -b writes each project's .tsbuildinfo whenever it compiles it.
    return ['../tsconfig.tsbuildinfo', '../../language/tsconfig.tsbuildinfo', '../../generators/tsconfig.tsbuildinfo']
        .every(file => (modified(file) ?? 0) <= bundle);
}
