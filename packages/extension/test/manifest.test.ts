// What the Marketplace and Open VSX read from the extension's manifest, and what its docs
// promise about its commands and walkthrough.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8'));
const readme = readFileSync(here('../README.md'), 'utf8');
const editors = readFileSync(here('../../../docs/editors.md'), 'utf8');
const ignore = readFileSync(here('../.vscodeignore'), 'utf8');

describe('the extension manifest', () => {
    test('names its repository, issue tracker, home page and changelog', () => {
        expect(pkg.repository.url).toMatch(/^https:\/\/.+\.git$/);
        expect(pkg.bugs.url).toMatch(/^https:\/\//);
        expect(pkg.homepage).toMatch(/^https:\/\//);
        expect(pkg.scripts.package).not.toMatch(/allow-missing-repository/);
        expect(existsSync(here('../CHANGELOG.md'))).toBe(true);
        expect(ignore).toMatch(/^!CHANGELOG\.md$/m);
    });

    test('declares what works in Restricted Mode and keeps git and workspace templates for trusted folders', () => {
        const trust = pkg.capabilities.untrustedWorkspaces;
        expect(trust.supported).toBe('limited');
        expect(trust.description.length).toBeGreaterThan(40);
        expect(trust.restrictedConfigurations).toContain('remit.charter.template');
        const compare = pkg.contributes.commands.find((c: { command: string }) => c.command === 'remit.compareWithHead');
        expect(compare.enablement).toBe('isWorkspaceTrusted');
    });

    test('every command is in the README and docs/editors.md command tables', () => {
        for (const { command, title } of pkg.contributes.commands as Array<{ command: string; title: string }>) {
            expect(readme, command).toContain(`| Remit: ${title} |`);
            expect(editors, command).toContain(`| ${title} |`);
        }
    });

    test('no walkthrough step waits for a map editor to be active, so all four show', () => {
        const steps = pkg.contributes.walkthroughs[0].steps as Array<{ title: string; when?: string }>;
        expect(steps).toHaveLength(4);
        expect(steps.filter(s => s.when !== undefined)).toEqual([]);
    });

    test('the findings view is contributed, with a message for a clean workspace', () => {
        expect(pkg.contributes.views.explorer.map((v: { id: string }) => v.id)).toContain('remit.findings');
        expect(pkg.contributes.viewsWelcome.map((v: { view: string }) => v.view)).toContain('remit.findings');
    });
});
