import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page of a PDF as a reader sees it: its text, its size and a picture of it. */
export interface PdfPage {
    number: number;
    /** The page's text in reading order, whitespace collapsed to single spaces. */
    text: string;
    widthPt: number;
    heightPt: number;
    /** Text items that reach past the right or bottom edge of the paper (cut off when printed). */
    outside: string[];
}

/**
 * Reads a PDF with pdf.js (Mozilla's reader, independent of the Chromium that printed
 * it): the text of every page, which text falls off the paper, and optionally a PNG of
 * each page to look at.
 */
export async function readPdf(bytes: Uint8Array, options: { png?: (page: number, png: Buffer) => void } = {}): Promise<PdfPage[]> {
    const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items = content.items.filter((item): item is typeof item & { str: string; transform: number[]; width: number } => 'str' in item);
        // A text run's width is along its own direction: across for upright text, up the
        // page for text turned on its side (the summary grid's column headers).
        const outside = items
            .filter(item => {
                if (item.str.trim() === '') return false;
                const [a, b, , , x, y] = item.transform;
                const length = Math.hypot(a, b) === 0 ? 0 : item.width;
                const endX = x + length * (a / (Math.hypot(a, b) || 1));
                const endY = y + length * (b / (Math.hypot(a, b) || 1));
                return Math.max(x, endX) > viewport.width + 0.5 || Math.min(x, endX) < -0.5 || Math.min(y, endY) < -0.5 || Math.max(y, endY) > viewport.height + 0.5;
            })
            .map(item => item.str);
        const text = items.map(item => item.str + ((item as { hasEOL?: boolean }).hasEOL ? ' ' : '')).join('').replace(/\s+/g, ' ').trim();
        pages.push({ number, text, widthPt: viewport.width, heightPt: viewport.height, outside });
        if (options.png) {
            const scaled = page.getViewport({ scale: 1.5 });
            const canvas = createCanvas(Math.ceil(scaled.width), Math.ceil(scaled.height));
            const context = canvas.getContext('2d');
            context.fillStyle = '#ffffff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport: scaled }).promise;
            options.png(number, canvas.toBuffer('image/png'));
        }
        page.cleanup();
    }
    await document.destroy();
    return pages;
}
