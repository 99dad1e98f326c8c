import type { WorkspaceModel } from '@remit/language';
import type { Finding } from '../findings.js';
import { buildDiagramSpec, type DiagramOptions } from './diagram-spec.js';
import { layoutDiagram, type ElkLayouter, type LaidOutDiagram } from './elk-graph.js';
import { renderSvg } from './render-svg.js';
import { themeNamed } from './theme.js';
import { layoutPicture } from './views.js';

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
