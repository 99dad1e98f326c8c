import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
    resolve: {
        // Unit tests run against the TypeScript sources; CLI tests spawn the built binary.
        alias: [
            { find: /^@remit\/language\/lsp$/, replacement: source('./packages/language/src/lsp/index.ts') },
            { find: /^@remit\/language$/, replacement: source('./packages/language/src/index.ts') },
            { find: /^@remit\/render$/, replacement: source('./packages/render/src/index.ts') },
            { find: /^@remit\/generators$/, replacement: source('./packages/generators/src/index.ts') }
        ]
    },
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', 'test/e2e/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // The JSON results let CI print one closing line for vitest and the e2e suite together.
        reporters: ['default', ['json', { outputFile: '.test-artifacts/vitest-results.json' }]]
    }
});
