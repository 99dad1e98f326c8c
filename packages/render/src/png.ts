import { launchHeadlessBrowser } from './headless-browser.js';

/**
 * An SVG drawn as a PNG, for slides and Word: rendered in the headless Chromium at
 * `scale` pixels per SVG unit (2 by default: sharp on a projector and in print).
 * The picture keeps its own background.
 */
export async function svgToPng(svg: string, options: { scale?: number } = {}): Promise<Buffer> {
    const { browser, close } = await launchHeadlessBrowser();
    try {
        const page = await browser.newPage({ deviceScaleFactor: options.scale ?? 2 });
        // The SVG is Remit's own output (every name escaped) and no script runs in it.
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`);
        const picture = page.locator('svg').first();
        return await picture.screenshot({ type: 'png', omitBackground: false, timeout: 120_000 });
    } finally {
        await close();
    }
}
