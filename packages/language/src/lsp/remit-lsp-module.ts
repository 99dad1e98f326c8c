import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { inject, type Module } from 'langium';
import { RemitGeneratedModule, RemitGeneratedSharedModule } from '../generated/module.js';
import { RemitModule, type RemitAddedServices } from '../remit-module.js';
import { registerValidationChecks } from '../validation/remit-validator.js';
import { RemitWorkspaceManager } from '../workspace/workspace-manager.js';
import { RemitDocumentUpdateHandler } from './settings-sync.js';
import { RemitFormatter } from './formatter.js';
import { RemitCodeActionProvider } from './code-actions.js';
import { RemitRenameProvider } from './rename.js';
import { WorkspaceRevalidatingBuilder } from '../analysis/workspace-revalidation.js';

/** The language with its editor services (completion, hover, code actions, formatting ...). */
export type RemitLspServices = LangiumServices & RemitAddedServices;

/**
 * Editor-only services. Each feature is bound here, in one place, so the language server
 * and tests see the same set.
 */
export const RemitLspModule: Module<RemitLspServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new RemitFormatter(),
        CodeActionProvider: () => new RemitCodeActionProvider(),
        RenameProvider: services => new RemitRenameProvider(services)
    }
};

export const RemitSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: (shared: LangiumSharedServices) => new RemitWorkspaceManager(shared),
        DocumentBuilder: (shared: LangiumSharedServices) => new WorkspaceRevalidatingBuilder(shared)
    },
    lsp: {
        DocumentUpdateHandler: (shared: LangiumSharedServices) => new RemitDocumentUpdateHandler(shared)
    }
};

export function createRemitServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Remit: RemitLspServices } {
    const shared = inject(createDefaultSharedModule(context), RemitGeneratedSharedModule, RemitSharedLspModule);
    const Remit = inject(createDefaultModule({ shared }), RemitGeneratedModule, RemitModule, RemitLspModule) as RemitLspServices;
    shared.ServiceRegistry.register(Remit);
    registerValidationChecks(Remit);
    return { shared, Remit };
}
