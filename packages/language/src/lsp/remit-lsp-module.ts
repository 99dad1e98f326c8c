import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { inject, type Module } from 'langium';
import { RemitGeneratedModule, RemitGeneratedSharedModule } from '../generated/module.js';
import { RemitModule, type RemitAddedServices } from '../remit-module.js';
import { registerValidationChecks } from '../validation/remit-validator.js';
import { RemitWorkspaceManager } from '../workspace/workspace-manager.js';

/** The language with its editor services (completion, hover, code actions, formatting ...). */
export type RemitLspServices = LangiumServices & RemitAddedServices;

/**
 * Editor-only services. Each feature is bound here, in one place, so the language server
 * and tests see the same set.
 */
export const RemitLspModule: Module<RemitLspServices, PartialLangiumServices> = {};

export const RemitSharedLspModule: Module<LangiumSharedServices, { workspace: { WorkspaceManager: (s: LangiumSharedServices) => RemitWorkspaceManager } }> = {
    workspace: {
        WorkspaceManager: (shared: LangiumSharedServices) => new RemitWorkspaceManager(shared)
    }
};

export function createRemitServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Remit: RemitLspServices } {
    const shared = inject(createDefaultSharedModule(context), RemitGeneratedSharedModule, RemitSharedLspModule);
    const Remit = inject(createDefaultModule({ shared }), RemitGeneratedModule, RemitModule, RemitLspModule) as RemitLspServices;
    shared.ServiceRegistry.register(Remit);
    registerValidationChecks(Remit);
    return { shared, Remit };
}
