import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildDiagramSpec, type DiagramOptions } from './diagram-spec.js';
import { layoutDiagram, type ElkLayouter, type LaidOutDiagram } from './elk-graph.js';
import { renderSvg } from './render-svg.js';
import { themeNamed } from './theme.js';
import { layoutPicture } from './views.js';
import { htmlPage } from '../html-page.js';

/**
 * The diagram of a map as SVG text: by default the overview ("who decides what"); with
 * `domain`, `role` or `decision`, that drill-down; with `view: 'full'`, every arrow in one
 * ELK graph. Same model, same findings, same options: same bytes. An editor may pass an
 * ELK that runs in a worker (only the decision flow and the full view use ELK).
 */
export async function renderDiagramSvg(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions = {}, elk?: ElkLayouter): Promise<string> {
    return renderSvg(await layoutDiagramOf(workspace, findings, options, elk), themeNamed(options.theme));
}

/** The laid-out picture `renderDiagramSvg` draws, for tests that look at positions. */
export async function layoutDiagramOf(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions = {}, elk?: ElkLayouter): Promise<LaidOutDiagram> {
    if (options.decision !== undefined || options.view === 'full') return layoutDiagram(buildDiagramSpec(workspace, findings, options), elk);
    return layoutPicture(workspace, findings, options);
}

/**
 * The diagram on a printable page (for `--format pdf`): the SVG scaled to fit the page's
 * width and height, whatever its own size, so no box or column is cut off and no blank
 * page follows. Landscape when the picture is wider than tall.
 */
export function diagramPage(svg: string): { html: string; landscape: boolean } {
    const size = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
    const landscape = size ? Number(size[1]) > Number(size[2]) : true;
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? 'Diagram';
    const text = title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
    const body = `<figure class="diagram">${svg.replace(/<\?xml[^>]*\?>\s*/, '')}</figure>`;
    const style = `body { max-width: none; margin: 0; padding: 0; }
figure.diagram { margin: 0; }
figure.diagram svg { display: block; width: 100%; height: auto; max-height: 100vh; }
@media print { figure.diagram svg { max-height: ${landscape ? 170 : 235}mm; } }
`;
    return { html: htmlPage(text, body, style, { landscape }), landscape };
}
