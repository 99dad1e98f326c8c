// Packages the extension as remit-<version>.vsix (`npm run package`). The README's
// relative links (its screenshot) become links into the repository, where the
// Marketplace and Open VSX fetch them: vsce guesses that place from `repository.url`
// alone and would point them at the repository's root, so the base URLs are given here,
// from `repository.url` and `repository.directory`.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createVSIX } from '@vscode/vsce';

/** Where the README's relative links lead: the extension's folder in its GitHub repository. */
export function repositoryLinks(manifest) {
    const url = manifest.repository?.url ?? '';
    const repo = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+?(?=\.git$|$)/.exec(url)?.[0];
    if (!repo) throw new Error(`package.json: repository.url should be the extension's GitHub repository (https://github.com/owner/name.git), not '${url}'.`);
    const folder = (manifest.repository.directory ?? '').replace(/^\/+|\/+$/g, '');
    const at = (kind) => `${repo}/${kind}/HEAD${folder ? `/${folder}` : ''}`;
    return { baseContentUrl: at('blob'), baseImagesUrl: at('raw') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    await createVSIX({ cwd, dependencies: false, ...repositoryLinks(manifest) });
}
