import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A document URI as a path relative to `cwd`, with forward slashes on every OS. */
export function displayPath(uri: string, cwd: string): string {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    return path.relative(cwd, file).split(path.sep).join('/') || file;
}
