import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm ci && npm test` must pass on a machine with no browser installed. This starts the
// renderer the way the tests do, in a process that could not find a system browser if it
// looked for one: no REMIT_CHROMIUM, nothing on the PATH but Node, and an empty temp folder
// (so Chromium is unpacked from the npm package there, as on a fresh machine). It must still
// draw text and SVG, with a Chromium from that temp folder.
const root = fileURLToPath(new URL('../../..', import.meta.url));
let scratch: string;

beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-fresh-machine-'));
});
afterAll(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
});

const script = `
import { launchHeadlessBrowser } from '@remit/render';
const { browser, executablePath, close } = await launchHeadlessBrowser();
try {
    const page = await browser.newPage();
    await page.setContent('<p id="text">İstanbul, Zürich</p><svg width="40" height="20"><rect id="box" width="40" height="20" fill="teal"/></svg>');
    const text = await page.locator('#text').boundingBox();
    const box = await page.locator('#box').boundingBox();
    const png = await page.screenshot();
    console.log(JSON.stringify({ executablePath, textWidth: text?.width ?? 0, box, pngBytes: png.length, pngSignature: png.subarray(1, 4).toString('latin1') }));
} finally {
    await close();
}
`;

test('the tests render pages with the Chromium shipped on npm, with no browser on the machine', async () => {
    const tmp = path.join(scratch, 'tmp');
    await fs.mkdir(tmp);
    const env: NodeJS.ProcessEnv = {
        PATH: path.dirname(process.execPath),
        HOME: scratch,
        TMPDIR: tmp,
        LANG: 'C.UTF-8'
    };
    const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, timeout: 170_000 }, (error, out, err) =>
            error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out));
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    // Unpacked into this process's own temp folder: not a system Chromium.
    expect(path.relative(tmp, result.executablePath).startsWith('..')).toBe(false);
    expect(result.textWidth).toBeGreaterThan(50);
    expect(result.box).toEqual({ x: expect.any(Number), y: expect.any(Number), width: 40, height: 20 });
    expect(result.pngSignature).toBe('PNG');
    expect(result.pngBytes).toBeGreaterThan(1000);
}, 180_000);
