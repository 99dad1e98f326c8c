import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { inject, type Module } from 'langium';
import { RemitGeneratedModule, RemitGeneratedSharedModule } from '../generated/module.js';
import { RemitModule, RemitSharedModule, type RemitAddedServices } from '../remit-module.js';
import { registerValidationChecks } from '../validation/remit-validator.js';
import { RemitWorkspaceManager } from '../workspace/workspace-manager.js';
import { RemitDocumentUpdateHandler } from './settings-sync.js';
import { RemitFormatter } from './formatter.js';
import { RemitCodeActionProvider } from './code-actions.js';
import { RemitRenameProvider } from './rename.js';
import { RemitHoverProvider } from './hover.js';
import { RemitCodeLensProvider } from './code-lens.js';
import { RemitSemanticTokenProvider } from './semantic-tokens.js';
import { RemitDocumentSymbolProvider, RemitWorkspaceSymbolProvider } from './symbols.js';
import { RemitFoldingRangeProvider } from './symbols-folding.js';
import { RemitNodeKindProvider } from './symbols-kinds.js';
import { RemitCompletionProvider } from './completion.js';
import { WorkspaceRevalidatingBuilder } from '../analysis/workspace-revalidation.js';
import { SnapshotDocumentFactory } from './latest-text.js';

/** The language with its editor services (completion, hover, code actions, formatting ...). */
import { RemitDefinitionProvider } from './builtin-source.js';

export type RemitLspServices = LangiumServices & RemitAddedServices;

/**
 * Editor-only services. Each feature is bound here, in one place, so the language server
 * and tests see the same set.
 */
export const RemitLspModule: Module<RemitLspServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new RemitFormatter(),
        CodeActionProvider: () => new RemitCodeActionProvider(),
        RenameProvider: services => new RemitRenameProvider(services),
        HoverProvider: services => new RemitHoverProvider(services),
        CodeLensProvider: services => new RemitCodeLensProvider(services),
        SemanticTokenProvider: services => new RemitSemanticTokenProvider(services),
        DocumentSymbolProvider: services => new RemitDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new RemitFoldingRangeProvider(services),
        CompletionProvider: services => new RemitCompletionProvider(services),
        DefinitionProvider: services => new RemitDefinitionProvider(services)
    }
};

export const RemitSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: (shared: LangiumSharedServices) => new RemitWorkspaceManager(shared),
        DocumentBuilder: (shared: LangiumSharedServices) => new WorkspaceRevalidatingBuilder(shared),
        LangiumDocumentFactory: (shared: LangiumSharedServices) => new SnapshotDocumentFactory(shared)
    },
    lsp: {
        DocumentUpdateHandler: (shared: LangiumSharedServices) => new RemitDocumentUpdateHandler(shared),
        NodeKindProvider: () => new RemitNodeKindProvider(),
        WorkspaceSymbolProvider: (shared: LangiumSharedServices) => new RemitWorkspaceSymbolProvider(shared)
    }
};

export function createRemitServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Remit: RemitLspServices } {
    const shared = inject(createDefaultSharedModule(context), RemitGeneratedSharedModule, RemitSharedModule, RemitSharedLspModule);
    const Remit = inject(createDefaultModule({ shared }), RemitGeneratedModule, RemitModule, RemitLspModule) as RemitLspServices;
    shared.ServiceRegistry.register(Remit);
    registerValidationChecks(Remit);
    return { shared, Remit };
}
