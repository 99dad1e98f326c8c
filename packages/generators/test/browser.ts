import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core, for tests that open generated pages the
 * way a reader would. Each launch starts from a fresh profile; pages are local files.
 */
export const CHROMIUM = process.env.REMIT_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; profile: string }> {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'remit-chromium-'));
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        // Playwright gives every launch a fresh, temporary profile of its own; this folder
        // holds Chromium's other scratch files so none are left behind.
        env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile }
    });
    return { browser, profile };
}

export interface OpenedPage {
    /** Console errors and uncaught page errors while loading. */
    errors: string[];
    /** The page's text, all whitespace removed (SVG wraps titles over several lines). */
    compactText: string;
    /** Number of <script> elements in the document. */
    scripts: number;
}

/** Opens a file as a browser would (file:// URL) and reports what a reader sees. */
export async function openFile(browser: Browser, file: string): Promise<OpenedPage> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const result = await page.evaluate(() => ({
        text: document.documentElement.textContent ?? '',
        scripts: document.getElementsByTagName('script').length
    }));
    await page.close();
    return { errors, compactText: result.text.replace(/\s+/g, ''), scripts: result.scripts };
}

export function compact(text: string): string {
    return text.replace(/\s+/g, '');
}
