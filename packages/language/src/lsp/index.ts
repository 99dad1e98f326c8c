// Editor services: imported by the language server and the CLI's `remit lsp`; never imports vscode.
export * from './remit-lsp-module.js';
export * from './start-server.js';
export * from './builtin-source.js';
export { answeringLatestText, latestTextBuilds } from './latest-text.js';
export { DirectMessageWriter } from './direct-writer.js';
export { CoalescingMessageReader } from './coalescing-reader.js';
