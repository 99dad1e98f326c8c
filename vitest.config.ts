import { defineConfig } from 'vitest/config';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Unit tests run against the TypeScript sources of the workspace packages; CLI tests spawn
 * the built binary. Where a package's source is, its package.json says once: the
 * `remit-source` condition of its `exports`, which esbuild also reads. Here each becomes
 * an alias (`@remit/language/lsp` to packages/language/src/lsp/index.ts ...).
 */
function workspaceSources(): { find: RegExp; replacement: string }[] {
    const packages = fileURLToPath(new URL('./packages/', import.meta.url));
    return readdirSync(packages).flatMap(folder => {
        let manifest: { name: string; exports?: Record<string, { 'remit-source'?: string }> };
        try {
            manifest = JSON.parse(readFileSync(`${packages}${folder}/package.json`, 'utf8'));
        } catch {
            return [];
        }
        return Object.entries(manifest.exports ?? {}).flatMap(([subpath, conditions]) => {
            const source = conditions['remit-source'];
            if (!source) return [];
            const specifier = `${manifest.name}${subpath.slice(1)}`;
            return [{ find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`), replacement: `${packages}${folder}/${source.replace(/^\.\//, '')}` }];
        });
    });
}

export default defineConfig({
    resolve: { alias: workspaceSources() },
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', 'test/e2e/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // The JSON results let CI print one closing line for vitest and the e2e suite together.
        reporters: ['default', ['json', { outputFile: '.test-artifacts/vitest-results.json' }]]
    }
});
