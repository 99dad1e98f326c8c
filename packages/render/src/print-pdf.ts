import { launchHeadlessBrowser } from './headless-browser.js';

export type PaperSize = 'letter' | 'a4';

export interface PrintOptions {
    paper?: PaperSize;
    /** Print across the page (the matrix, a wide diagram). */
    landscape?: boolean;
    /**
     * Shrink the page's content so that its widest element fits the width of the paper
     * (the matrix with many roles, a diagram): nothing is cut off at the right-hand edge.
     */
    fitToWidth?: boolean;
}

/**
 * Prints a generated HTML page to PDF in the headless Chromium shipped on npm, on the
 * paper size and orientation given, and returns the PDF's bytes. Margins, the running
 * title and the page numbers come from the page's own `@page` rules (html-page.ts), so
 * the PDF and a page printed from a browser look the same. The page is self-contained
 * (no scripts, no outside resources), and nothing is fetched while printing.
 */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    const chromium = await launchHeadlessBrowser();
    try {
        const page = await chromium.browser.newPage({ javaScriptEnabled: false });
        // A page that tried to reach anything outside itself is refused, never fetched.
        await page.route('**/*', route => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const paper = options.paper ?? 'letter';
        const landscape = options.landscape ?? false;
        let scale = 1;
        if (options.fitToWidth) {
            const printable = printableWidthPx(paper, landscape);
            await page.setViewportSize({ width: Math.floor(printable), height: 800 });
            const widest = await page.evaluate('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)') as number;
            // Below half size the text is too small to read, so the widest pages are
            // shrunk to half and no further.
            if (widest > printable) scale = Math.max(0.5, Math.floor((printable / widest) * 100) / 100);
        }
        const bytes = await page.pdf({
            format: paper === 'a4' ? 'A4' : 'Letter',
            landscape,
            scale,
            printBackground: true,
            preferCSSPageSize: false,
            tagged: true,
            outline: true
        });
        return new Uint8Array(bytes);
    } finally {
        await chromium.close();
    }
}

/** The width inside the page margins of html-page.ts (14 mm each side), in CSS pixels. */
function printableWidthPx(paper: PaperSize, landscape: boolean): number {
    const [short, long] = paper === 'a4' ? [210, 297] : [215.9, 279.4];
    const widthMm = (landscape ? long : short) - 28;
    return (widthMm / 25.4) * 96;
}
