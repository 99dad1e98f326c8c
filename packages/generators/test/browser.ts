import type { Browser } from 'playwright-core';
import { launchHeadlessBrowser } from '@remit/render';

/**
 * The headless Chromium of @remit/render (shipped on npm, nothing to install), for tests
 * that open generated pages the way a reader would. Each launch starts from a fresh
 * profile; pages are local files. `close` ends the browser and removes its scratch folder.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
    const { browser, close } = await launchHeadlessBrowser();
    return { browser, close };
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
