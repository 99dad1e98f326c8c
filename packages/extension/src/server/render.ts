// Rendering off the language server's thread. The generators' layout (ELK) runs for up to a
// second on a large map and would hold up completion and diagnostics while it does, so the
// server hands each rendering to a worker thread running this same bundle. The model is
// plain data (structured-cloned to the worker); the worker rebuilds the WorkspaceModel.
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { WorkspaceModel, type MapModel } from '@remit/language';
import {
    builtinTemplate, loadTemplateFolder, renderCharter, renderDiagramSvg, renderMatrix, type Finding
} from '@remit/generators';
import type { DiagramView } from '../shared/protocol.js';

export type RenderJob =
    | { kind: 'diagram'; maps: readonly MapModel[]; findings: readonly Finding[]; map: string; phase?: string; view?: DiagramView; theme?: 'paper' | 'dark' }
    | { kind: 'matrix'; maps: readonly MapModel[]; findings: readonly Finding[]; map: string; phase?: string; format: 'md' | 'csv' | 'html' }
    | { kind: 'charter'; maps: readonly MapModel[]; findings: readonly Finding[]; map: string; format: 'md' | 'html'; template?: string };

/** One rendering, with the generators. Pure: same job, same text. */
export async function render(job: RenderJob): Promise<string> {
    const workspace = new WorkspaceModel(job.maps);
    switch (job.kind) {
        case 'diagram': {
            const focus = job.view?.kind && job.view.kind !== 'overview' && job.view.name ? { [job.view.kind]: job.view.name } : {};
            return renderDiagramSvg(workspace, job.findings, { map: job.map, phase: job.phase, theme: job.theme, ...focus });
        }
        case 'matrix':
            return renderMatrix(workspace, job.findings, { map: job.map, phase: job.phase, format: job.format });
        case 'charter': {
            // The built-in templates ship in the extension (templates/); a workspace may bring its own.
            const template = job.template ? await loadTemplateFolder(job.template) : await builtinTemplate(job.format);
            return renderCharter(workspace, job.findings, template, { map: job.map, format: job.format });
        }
    }
}

type Reply = { id: number; text?: string; error?: string };

/** Runs jobs on one worker thread, in order; starts it on first use and again after a crash. */
export class RenderWorker {
    private worker: Worker | undefined;
    private next = 1;
    private readonly pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();

    constructor(private readonly script: string) {}

    run(job: RenderJob): Promise<string> {
        const worker = this.worker ??= this.start();
        const id = this.next++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            worker.postMessage({ id, job });
        });
    }

    private start(): Worker {
        const worker = new Worker(this.script, { argv: ['--remit-render-worker'] });
        worker.unref();
        worker.on('message', (reply: Reply) => {
            const p = this.pending.get(reply.id);
            if (!p) return;
            this.pending.delete(reply.id);
            if (reply.error !== undefined) p.reject(new Error(reply.error));
            else p.resolve(reply.text ?? '');
        });
        const fail = (e: Error) => {
            if (this.worker === worker) this.worker = undefined;
            for (const p of this.pending.values()) p.reject(e);
            this.pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', code => fail(new Error(`the rendering worker stopped (exit ${code})`)));
        return worker;
    }

    dispose(): void {
        void this.worker?.terminate();
        this.worker = undefined;
    }
}

/** True in the worker thread: it renders and never starts a language server. */
export const isRenderWorker = (): boolean => !isMainThread && process.argv.includes('--remit-render-worker');

export function serveRenderJobs(): void {
    parentPort!.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
        try {
            parentPort!.postMessage({ id, text: await render(job) } satisfies Reply);
        } catch (e) {
            parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
        }
    });
}
