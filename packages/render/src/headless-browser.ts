import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * A headless Chromium that needs nothing installed on the machine: the build shipped inside
 * the `@sparticuz/chromium` npm package (unpacked into the temp folder on first use), driven
 * by playwright-core. `REMIT_CHROMIUM=/path/to/chromium` uses another build instead (a
 * system Chromium, say) with the usual headless flags.
 */
export interface HeadlessBrowser {
    browser: Browser;
    /** Closes the browser and removes its scratch folder. */
    close(): Promise<void>;
}

const SYSTEM_CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchHeadlessBrowser(): Promise<HeadlessBrowser> {
    const { executablePath, args } = await chromiumBuild();
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-chromium-'));
    let browser: Browser;
    try {
        browser = await playwright.launch({
            executablePath,
            args,
            // Playwright gives every launch a fresh, temporary profile of its own; this folder
            // holds Chromium's other scratch files so none are left behind.
            env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch }
        });
    } catch (error) {
        await fs.rm(scratch, { recursive: true, force: true });
        throw new Error(`Could not start the headless browser that renders PDF and PNG (${firstLine(error)}). `
            + 'Run `npm ci` again, or set REMIT_CHROMIUM to the path of a Chromium or Chrome on this machine.');
    }
    return {
        browser,
        async close() {
            await browser.close().catch(() => undefined);
            await fs.rm(scratch, { recursive: true, force: true });
        }
    };
}

interface ChromiumBuild { executablePath: string; args: string[] }

async function chromiumBuild(): Promise<ChromiumBuild> {
    const override = process.env.REMIT_CHROMIUM;
    if (override) return { executablePath: override, args: SYSTEM_CHROMIUM_ARGS };
    const { default: Chromium } = await import('@sparticuz/chromium');
    const executablePath = await unpackOnce(() => Chromium.executablePath());
    // The package's flags are made for serverless hosts. `--single-process` (and the
    // `--no-zygote` that goes with it) ends the whole browser when a page is closed, and a
    // PDF or a test opens many pages in one browser; the added ones keep Chromium from
    // reaching for the network, which a closed machine refuses many times over.
    const serverlessOnly = new Set(['--single-process', '--no-zygote']);
    const args = [...Chromium.args.filter(arg => !serverlessOnly.has(arg)), '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-quic', '--no-first-run'];
    return { executablePath, args };
}

/**
 * The package unpacks Chromium into the temp folder the first time and takes an existing
 * file there as unpacked. Two processes starting at once (parallel test workers, two
 * `remit` runs) could otherwise see a half-written binary, so the first unpacks under a
 * lock folder and the others wait for it.
 */
async function unpackOnce(unpack: () => Promise<string>): Promise<string> {
    const lock = path.join(os.tmpdir(), 'remit-chromium-unpack.lock');
    const deadline = Date.now() + 180_000;
    for (;;) {
        try {
            await fs.mkdir(lock);
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            // A lock older than the deadline was left by a process that was killed.
            const stat = await fs.stat(lock).catch(() => undefined);
            if (stat && Date.now() - stat.mtimeMs > 180_000) await fs.rm(lock, { recursive: true, force: true });
            if (Date.now() > deadline) throw new Error('timed out waiting for another process to unpack Chromium');
            await new Promise(resolve => setTimeout(resolve, 250));
        }
    }
    try {
        return await unpack();
    } finally {
        await fs.rm(lock, { recursive: true, force: true });
    }
}

function firstLine(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0]?.trim() || 'unknown reason';
}
