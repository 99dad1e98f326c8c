/**
 * A worker thread that lays out and draws diagrams, as a language server would to keep its
 * main thread free for keystrokes. Receives a workspace's maps and findings, answers with
 * the SVG's size and the time the work took inside the worker.
 */
import { parentPort } from 'node:worker_threads';
import { WorkspaceModel, type MapModel } from '@remit/language';
import { renderDiagramSvg, type Finding } from '@remit/generators';

interface Request { id: number; maps: MapModel[]; findings: Finding[]; map: string }

parentPort!.on('message', async (request: Request) => {
    const start = performance.now();
    const svg = await renderDiagramSvg(new WorkspaceModel(request.maps), request.findings, { map: request.map, view: 'full' });
    parentPort!.postMessage({ id: request.id, svgBytes: svg.length, ms: performance.now() - start });
});
