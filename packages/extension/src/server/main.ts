// The language server VS Code starts as a child process (IPC). It is the same server as
// `remit lsp --stdio`: every analysis lives in @remit/language; this file only connects it.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createRemitServices } from '@remit/language/lsp';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createRemitServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
