import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ESLint } from 'eslint';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// The lint `npm test` runs (eslint.config.js) holds the layers ARCHITECTURE.md states. These
// probes are files planted in each package, as a change would add them; each must be refused
// (or, where the layers allow it, accepted) for the reason ARCHITECTURE.md gives.
const root = fileURLToPath(new URL('..', import.meta.url));
const probeName = `.lint-probe-${process.pid}`;
const planted: string[] = [];

async function plant(packageFolder: string, files: Record<string, string>): Promise<string[]> {
    const folder = path.join(root, 'packages', packageFolder, probeName);
    planted.push(folder);
    await fs.mkdir(folder, { recursive: true });
    const written: string[] = [];
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(folder, name);
        await fs.writeFile(file, text);
        written.push(file);
    }
    return written;
}

let eslint: ESLint;
beforeAll(() => {
    eslint = new ESLint({ cwd: root });
});
afterAll(async () => {
    await Promise.all(planted.map(folder => fs.rm(folder, { recursive: true, force: true })));
});

/** Each problem as `rule: message`, for the files given. */
async function lint(files: string[]): Promise<string[]> {
    const results = await eslint.lintFiles(files);
    return results.flatMap(result => result.messages.map(m => `${m.ruleId}: ${m.message}`));
}

describe('the lint enforces the layers', () => {
    test("the language package never imports 'vscode'", async () => {
        const problems = await lint(await plant('language/src', { 'editor.ts': "import 'vscode';\nexport const x = 1;\n" }));
        expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*never imports 'vscode'/)]);
    });

    test('the language package imports no other package of the workspace, by name or by path', async () => {
        const problems = await lint(await plant('language/src', {
            'byname.ts': "import { renderDiagram } from '@remit/generators';\nexport const f = renderDiagram;\n",
            'bypath.ts': "import { renderDiagram } from '../../../generators/src/index.js';\nexport const f = renderDiagram;\n"
        }));
        expect(problems).toEqual([
            expect.stringMatching(/^no-restricted-imports: '@remit\/generators'.*stands alone/),
            expect.stringMatching(/^import-x\/no-relative-packages: /)
        ]);
    });

    test('the generators import the language package and render, and nothing else of the workspace', async () => {
        const [allowed, refused] = await plant('generators/src', {
            'allowed.ts': "import { qualifiedName } from '@remit/language';\nimport { launchHeadlessBrowser } from '@remit/render';\nexport const f = [qualifiedName, launchHeadlessBrowser];\n",
            'refused.ts': "import '@remit/cli';\nexport const x = 1;\n"
        });
        expect(await lint([allowed])).toEqual([]);
        expect(await lint([refused])).toEqual([expect.stringMatching(/^no-restricted-imports: '@remit\/cli'.*checked model of the language package/)]);
    });

    test('render imports no package of the workspace', async () => {
        const problems = await lint(await plant('render/src', { 'model.ts': "import { qualifiedName } from '@remit/language';\nexport const f = qualifiedName;\n" }));
        expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: '@remit\/language'.*stands alone/)]);
    });

    test("the extension's client asks its server and never runs the language itself", async () => {
        const problems = await lint(await plant('extension/src/client', { 'direct.ts': "import { analyzeWorkspace } from '@remit/language';\nexport const f = analyzeWorkspace;\n" }));
        expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: .*client is a shell/)]);
    });

    test('tests open pages only in the Chromium @remit/render brings, never a browser of the machine', async () => {
        const problems = await lint(await plant('generators/test', { 'own-browser.ts': "import { chromium } from 'playwright-core';\nexport const open = () => chromium.launch({ executablePath: '/usr/bin/chromium' });\n" }));
        expect(problems).toEqual([expect.stringMatching(/^no-restricted-imports: 'playwright-core'.*launchHeadlessBrowser/)]);
    });

    test('text is never ordered by the machine\'s locale', async () => {
        const problems = await lint(await plant('generators/src', { 'order.ts': "export const order = (names: string[]) => names.sort((a, b) => a.localeCompare(b));\n" }));
        expect(problems).toEqual([expect.stringMatching(/^no-restricted-syntax: .*compareText/)]);
    });

    test('files never import each other in a cycle', async () => {
        const files = await plant('language/src', {
            'first.ts': "import { second } from './second.js';\nexport const first = (): number => second() + 1;\n",
            'second.ts': "import { first } from './first.js';\nexport const second = (): number => first() - 1;\n"
        });
        const problems = await lint(files);
        expect(problems).toEqual(['import-x/no-cycle: Dependency cycle detected', 'import-x/no-cycle: Dependency cycle detected']);
    });
});
