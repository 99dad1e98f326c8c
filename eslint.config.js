// The lint that `npm test` runs first. It enforces what ARCHITECTURE.md states about the
// layers (which package may import which, the language package never importing `vscode`,
// no import cycles between files) and catches real bugs; it leaves style to the formatter
// of each person's editor. test/lint.test.ts checks that a broken layer fails it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * Imports of every package of the workspace but `allowed` (and the package itself, by its
 * name) are refused, with the reason given.
 */
function onlyPackages(self, allowed, reason) {
    allowed = [self, ...allowed];
    const workspace = ['@remit/language', '@remit/generators', '@remit/render', '@remit/cli', '@remit/bench', 'remit'];
    return {
        'no-restricted-imports': ['error', {
            paths: [
                { name: 'vscode', message: `${reason} It never imports 'vscode' (only packages/extension does).` },
                ...workspace.filter(name => !allowed.includes(name)).map(name => ({ name, message: reason }))
            ],
            patterns: [
                // `@remit/language/lsp` is part of the language package's public face; deep
                // paths into another package's src/ or dist/ are not.
                { group: ['@remit/*/src/*', '@remit/*/dist/*', '@remit/*/src', '@remit/*/dist'], message: 'Import a workspace package by its name only (its exports), never a file inside it.' },
                ...workspace.filter(name => !allowed.includes(name) && name.startsWith('@')).map(name => ({ group: [`${name}/*`], message: reason }))
            ]
        }]
    };
}

export default tseslint.config(
    {
        ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', 'packages/language/src/generated/**', '.test-artifacts/**',
            'packages/extension/media/**', 'test/e2e/placeholder/**']
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            ecmaVersion: 2023,
            sourceType: 'module',
            globals: globals.node
        },
        plugins: { 'import-x': importX },
        settings: {
            // How import-x reads the files an import leads to (TypeScript), so that it can follow them.
            ...Object.fromEntries(Object.entries(importX.flatConfigs.typescript.settings).filter(([key]) => key !== 'import-x/resolver')),
            'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['packages/*/tsconfig.json'], noWarnOnMultipleProjects: true })]
        },
        rules: {
            // One file importing another that (through others) imports it back.
            'import-x/no-cycle': ['error', { ignoreExternal: true }],
            // `../../generators/src/...` from another package hides a dependency the layers forbid.
            'import-x/no-relative-packages': 'error',
            // Style, not bugs: a regular expression may match two spaces as written; a scope
            // built in a closure may name `this`.
            'no-regex-spaces': 'off',
            '@typescript-eslint/no-this-alias': 'off',
            // tsc reports unused names (noUnusedLocals); `_`-prefixed ones are meant.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
        }
    },
    {
        // Same maps, same bytes, on every machine: text is ordered by compareText (language
        // package, utils/compare-text.ts), never by the machine's locale. (A locale named in
        // the call, such as 'en' with numeric order for map names, is the same everywhere.)
        files: ['packages/*/src/**/*.ts'],
        rules: {
            'no-restricted-syntax': ['error', {
                selector: "CallExpression[callee.property.name='localeCompare'][arguments.length<2]",
                message: 'localeCompare depends on the machine\'s locale: order text with compareText from @remit/language.'
            }]
        }
    },
    {
        files: ['packages/language/src/**/*.ts'],
        rules: onlyPackages('@remit/language', [], 'The language package stands alone: it imports no other package of this workspace.')
    },
    {
        files: ['packages/render/src/**/*.ts'],
        rules: onlyPackages('@remit/render', [], 'The render package stands alone: it imports no other package of this workspace.')
    },
    {
        files: ['packages/generators/src/**/*.ts'],
        rules: onlyPackages('@remit/generators', ['@remit/language', '@remit/render'], 'The generators read the checked model of the language package (and render with @remit/render), nothing else.')
    },
    {
        files: ['packages/cli/src/**/*.ts'],
        rules: onlyPackages('@remit/cli', ['@remit/language', '@remit/generators', '@remit/render'], 'The command line is a shell over the language package and the generators.')
    },
    {
        files: ['packages/bench/src/**/*.ts'],
        rules: onlyPackages('@remit/bench', ['@remit/language', '@remit/generators', '@remit/render'], 'The benchmarks measure the language package, the generators and the CLI as users run them.')
    },
    {
        // The extension's client runs inside VS Code and talks to its server over LSP only:
        // the language runs in the server, so that typing never blocks the editor.
        files: ['packages/extension/src/client/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', {
                patterns: [{ group: ['@remit/*'], message: 'The extension\'s client is a shell: it asks the server (src/server) over LSP, with the requests of src/shared/protocol.ts.' }]
            }]
        }
    },
    {
        files: ['packages/extension/src/server/**/*.ts', 'packages/extension/src/shared/**/*.ts'],
        rules: {
            'no-restricted-imports': ['error', {
                paths: [{ name: 'vscode', message: 'The language server runs outside VS Code: it never imports \'vscode\'.' }],
                patterns: [{ group: ['@remit/*/src/*', '@remit/*/dist/*'], message: 'Import a workspace package by its name only (its exports), never a file inside it.' }]
            }]
        }
    },
    {
        // Tests may share helpers across packages (a temporary git repository, the bench's
        // workspace generator); outside the extension they still never import 'vscode'.
        files: ['packages/*/test/**/*.ts', 'test/**/*.ts'],
        ignores: ['test/e2e/**'],
        rules: {
            'import-x/no-relative-packages': 'off',
            'no-restricted-imports': ['error', {
                paths: [{ name: 'vscode', message: 'Only the extension and its end-to-end suite import \'vscode\'.' }],
                // `npm test` needs no browser on the machine: pages are opened in the Chromium
                // @remit/render brings from npm (launchHeadlessBrowser), never one launched here.
                patterns: [{ group: ['playwright', 'playwright-core', 'puppeteer', 'puppeteer-core', '@sparticuz/chromium'], allowTypeImports: true, message: 'Open pages with launchHeadlessBrowser() from @remit/render, which needs no browser installed.' }]
            }]
        }
    },
    {
        // The end-to-end scripts drive a browser (code inside page.evaluate runs in the page).
        files: ['test/e2e/**'],
        languageOptions: { globals: { ...globals.node, ...globals.browser } }
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: globals.node },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
);
