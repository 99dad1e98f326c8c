// Rendering generated documents the way a reader sees them, in a headless Chromium that
// comes from npm (no system browser needed).
export { launchHeadlessBrowser, type HeadlessBrowser } from './headless-browser.js';
export { svgToPng } from './png.js';
export { printPdf, type PaperSize, type PrintOptions } from './print-pdf.js';
