import { describe as group, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles, describe } from './helpers.js';

/**
 * Every `remit` block of every page of the specification is a complete file that checks
 * cleanly. The pages are read from the specification beside the repository when it is
 * there (as in CI), else from the copies committed in test/spec-snippets/. Blocks whose
 * first line is `// workspace: NAME/FILE.remit` are the files of one workspace NAME and
 * are checked together. Each page says how clean its blocks are: "without errors", or
 * "without errors or warnings".
 */
const repo = new URL('../../../../', import.meta.url);
const candidates = [new URL('../shared/spec/', repo), new URL('test/spec-snippets/', repo)].map(u => fileURLToPath(u));
const specDir = candidates.find(dir => existsSync(path.join(dir, 'language.md')));

function markdownFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(name => {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) return markdownFiles(file);
        return name.endsWith('.md') && name !== 'README.md' ? [file] : [];
    });
}

interface Block { line: number; text: string; workspace?: string; file?: string }

function snippets(markdown: string): Block[] {
    const found: Block[] = [];
    for (const match of markdown.matchAll(/^```remit[^\n]*\n([\s\S]*?)^```/gm)) {
        const text = match[1];
        const header = /^\/\/\s*workspace:\s*([^/\s]+)\/(\S+)/.exec(text);
        found.push({ line: markdown.slice(0, match.index).split('\n').length + 1, text, workspace: header?.[1], file: header?.[2] });
    }
    return found;
}

/** One check per single block, one per workspace (its blocks together). */
function checksOf(markdown: string): Array<{ name: string; files: Record<string, string> }> {
    const checks: Array<{ name: string; files: Record<string, string> }> = [];
    const workspaces = new Map<string, { name: string; files: Record<string, string> }>();
    for (const block of snippets(markdown)) {
        if (!block.workspace) {
            checks.push({ name: `the remit block at line ${block.line}`, files: { 'map.remit': block.text } });
            continue;
        }
        let workspace = workspaces.get(block.workspace);
        if (!workspace) {
            workspace = { name: `the workspace '${block.workspace}' (from line ${block.line})`, files: {} };
            workspaces.set(block.workspace, workspace);
            checks.push(workspace);
        }
        workspace.files[block.file!] = block.text;
    }
    return checks;
}

group('the specification\'s examples', () => {
    const pages = specDir ? markdownFiles(specDir) : [];

    test('the specification or its copy is there, with examples in it', () => {
        expect(specDir, `none of ${candidates.join(', ')}`).toBeDefined();
        expect(pages.map(p => path.basename(p))).toEqual(expect.arrayContaining(['language.md', 'governance.md']));
        for (const page of pages) expect(snippets(readFileSync(page, 'utf8')).length, page).toBeGreaterThanOrEqual(2);
    });

    test('governance.md holds its examples to no errors and no warnings, language.md to no errors', () => {
        const strictness = Object.fromEntries(pages.map(p => [path.basename(p), /without\s+errors\s+or\s+warnings/.test(readFileSync(p, 'utf8'))]));
        expect(strictness).toMatchObject({ 'governance.md': true, 'language.md': false });
    });

    test('blocks of one workspace are grouped', () => {
        const governance = pages.find(p => path.basename(p) === 'governance.md');
        const grouped = checksOf(readFileSync(governance!, 'utf8')).filter(c => Object.keys(c.files).length > 1);
        expect(grouped.length).toBeGreaterThanOrEqual(1);
    });

    for (const page of pages) {
        const markdown = readFileSync(page, 'utf8');
        const strict = /without\s+errors\s+or\s+warnings/.test(markdown);
        for (const { name, files } of checksOf(markdown)) {
            test(`${path.basename(page)}: ${name} checks without errors${strict ? ' or warnings' : ''}`, async () => {
                const { diagnostics, models } = await checkFiles(files);
                const problems = diagnostics.filter(d => d.severity === 'error' || (strict && d.severity === 'warning'));
                expect(problems, describe(problems)).toEqual([]);
                expect(models.length).toBe(Object.keys(files).length);
            });
        }
    }
});
