import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildDiagramSpec, type DiagramOptions } from './diagram-spec.js';
import { layoutDiagram, type ElkLayouter } from './elk-graph.js';
import { renderSvg } from './render-svg.js';
import { htmlPage } from '../html-page.js';

/**
 * The diagram of a map (or, with `decision`, of one decision's flow) as SVG text.
 * Same model, same findings, same options: same bytes. An editor may pass an ELK that
 * runs in a worker.
 */
export async function renderDiagramSvg(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions = {}, elk?: ElkLayouter): Promise<string> {
    return renderSvg(await layoutDiagram(buildDiagramSpec(workspace, findings, options), elk));
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
