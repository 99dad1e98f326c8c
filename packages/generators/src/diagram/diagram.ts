import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildDiagramSpec, type DiagramOptions } from './diagram-spec.js';
import { layoutDiagram, type ElkLayouter } from './elk-graph.js';
import { renderSvg } from './render-svg.js';

/**
 * The diagram of a map (or, with `decision`, of one decision's flow) as SVG text.
 * Same model, same findings, same options: same bytes. An editor may pass an ELK that
 * runs in a worker.
 */
export async function renderDiagramSvg(workspace: WorkspaceModel, findings: readonly Finding[], options: DiagramOptions = {}, elk?: ElkLayouter): Promise<string> {
    return renderSvg(await layoutDiagram(buildDiagramSpec(workspace, findings, options), elk));
}
