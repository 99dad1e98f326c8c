// Editor services: imported by the language server and the CLI's `remit lsp`; never imports vscode.
export * from './remit-lsp-module.js';
export * from './start-server.js';
export * from './builtin-source.js';
export { answeringLatestText, latestTextBuilds } from './latest-text.js';
// The benchmark's client writes to the server the way the server writes to the editor.
export { DirectMessageWriter } from './direct-writer.js';
