// What the Marketplace and Open VSX read from the extension's manifest, and what its docs
// promise about its commands and walkthrough.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, PackageManager } from '@vscode/vsce';
import { describe, expect, test } from 'vitest';
import { repositoryLinks } from '../scripts/package.mjs';

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

    test('the README\'s pictures exist and are packaged in the .vsix; the screenshot is a small 1440x900 PNG', async () => {
        // Markdown images and <img> tags; the Marketplace shows them from the .vsix's README.
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]*\ssrc="([^"]+)"/g)].map(m => m[1] ?? m[2]);
        expect(images).toContain('images/screenshot.png');
        // vsce's own list of what `vsce package` puts in the .vsix (.vscodeignore applied).
        const packaged = await listFiles({ cwd: here('..'), packageManager: PackageManager.None });
        for (const image of images) {
            expect(image, 'a relative path, which vsce turns into a link to the repository').not.toMatch(/^[a-z]+:|^\//i);
            expect(existsSync(here(`../${image}`)), image).toBe(true);
            expect(packaged, image).toContain(image);
        }
        const png = readFileSync(here('../images/screenshot.png'));
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'width and height').toEqual([1440, 900]);
        expect(statSync(here('../images/screenshot.png')).size).toBeLessThan(300 * 1024);
    });

    test('the packaged README links its pictures to where they are in the repository', () => {
        // `npm run package` gives vsce these base URLs; vsce alone would ignore repository.directory.
        const { baseImagesUrl, baseContentUrl } = repositoryLinks(pkg);
        const repo = pkg.repository.url.replace(/\.git$/, '');
        // the folder of this package in the repository
        const folder = relative(here('../../..'), here('..')).split(sep).join('/');
        expect(pkg.repository.directory).toBe(folder);
        expect(baseImagesUrl).toBe(`${repo}/raw/HEAD/${folder}`);
        expect(baseContentUrl).toBe(`${repo}/blob/HEAD/${folder}`);
        expect(pkg.scripts.package).toMatch(/node scripts\/package\.mjs$/);
        expect(() => repositoryLinks({ repository: { url: 'git@example.invalid:remit.git' } })).toThrow(/GitHub repository/);
    });
});
