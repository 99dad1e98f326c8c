// The language server VS Code starts as a child process (IPC). It is the same server as
// `remit lsp --stdio`, plus requests for the preview, the generate commands and the
// starter maps that call the generators (see generate.ts): every analysis lives in @remit/language.
// `node dist/server.cjs --stdio` runs it over stdio for other editors and the tests.
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { answeringLatestText, createRemitServices, honouringCancellation, latestTextBuilds, registerBuiltinSource } from '@remit/language/lsp';
import { registerGenerateRequests, registerStarterRequests } from './generate.js';
import { isRenderWorker, RenderWorker, serveRenderJobs } from './render.js';
import { registerReviewRequests } from './review.js';

if (isRenderWorker()) {
    // the same bundle, started again as the worker thread that renders (see render.ts)
    serveRenderJobs();
} else {
    if (process.argv.includes('--stdio')) {
        // stdout carries the protocol: anything printed there would corrupt it.
        console.log = (...args: unknown[]) => console.error(...args);
    }
    // The transport (IPC from VS Code, or --stdio) comes from the command line.
    const built: { shared?: LangiumSharedServices } = {};
    const connection = answeringLatestText(honouringCancellation(createConnection(ProposedFeatures.all)), () => latestTextBuilds(built.shared));
    const { shared } = createRemitServices({ connection, ...NodeFileSystem });
    built.shared = shared;
    const renderer = new RenderWorker(__filename);
    connection.onShutdown(() => renderer.dispose());
    registerGenerateRequests(connection, shared, renderer);
    registerStarterRequests(connection);
    registerReviewRequests(connection, shared);
    registerBuiltinSource(connection);
    startLanguageServer(shared);
}
