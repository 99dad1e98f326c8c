import { defineConfig } from 'vitest/config';

// Unit tests run against the TypeScript sources of the workspace packages: each package's
// `exports` names its source under the `remit-source` condition (the one place that says
// where a package's code is); CLI tests spawn the built binary.
const conditions = ['remit-source', 'node', 'import', 'default'];

export default defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['node'] } },
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', 'test/e2e/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // The JSON results let CI print one closing line for vitest and the e2e suite together.
        reporters: ['default', ['json', { outputFile: '.test-artifacts/vitest-results.json' }]]
    }
});
