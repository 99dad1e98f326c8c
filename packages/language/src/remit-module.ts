import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices,
    type Module, type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices, type ValidationRegistry
} from 'langium';
import { RemitGeneratedModule, RemitGeneratedSharedModule } from './generated/module.js';
import { RemitScopeComputation } from './references/scope-computation.js';
import { RemitScopeProvider } from './references/scope-provider.js';
import { RemitLinker } from './references/linker.js';
import { SchemeResolver } from './references/scheme-resolver.js';
import { RemitDocumentValidator } from './validation/document-validator.js';
import { RemitLexerErrorMessageProvider, RemitParserErrorMessageProvider } from './validation/syntax-message-provider.js';
import { registerValidationChecks } from './validation/remit-validator.js';
import { RemitSettings } from './config/settings.js';
import { ModelProvider } from './model/model-provider.js';
import { AUTHORITY_CHECKS } from './analysis/register.js';
import { WorkspaceAnalysis } from './analysis/analyze.js';
import { RemitTokenBuilder } from './parser/token-builder.js';
import { RemitLexer } from './parser/lexer.js';
import { sharedParser } from './parser/shared-parser.js';
import { RemitAstNodeLocator } from './workspace/ast-node-locator.js';
import { RemitIndexManager } from './workspace/index-manager.js';
import { RemitAstNodeDescriptionProvider, RemitReferenceDescriptionProvider } from './workspace/descriptions.js';
import { RemitValueConverter } from './parser/value-converter.js';

/** A group of checks registered after the core ones (the authority analysis is one). */
export type CheckRegistration = (registry: ValidationRegistry, services: RemitServices) => void;

/** Services Remit adds to Langium's. */
export type RemitAddedServices = {
    references: { SchemeResolver: SchemeResolver };
    settings: { RemitSettings: RemitSettings };
    model: { ModelProvider: ModelProvider };
    /** The authority analysis of this workspace: its facts and findings, as it changes. */
    analysis: { WorkspaceAnalysis: WorkspaceAnalysis };
    validation: { AdditionalChecks: CheckRegistration[] };
};

export type RemitServices = LangiumCoreServices & RemitAddedServices;

export const RemitModule: Module<RemitServices, PartialLangiumCoreServices & RemitAddedServices> = {
    parser: {
        TokenBuilder: () => new RemitTokenBuilder(),
        Lexer: services => new RemitLexer(services),
        ParserErrorMessageProvider: () => new RemitParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new RemitLexerErrorMessageProvider(),
        LangiumParser: services => sharedParser(services),
        ValueConverter: () => new RemitValueConverter()
    },
    references: {
        ScopeComputation: services => new RemitScopeComputation(services),
        ScopeProvider: services => new RemitScopeProvider(services),
        Linker: services => new RemitLinker(services),
        SchemeResolver: services => new SchemeResolver(services)
    },
    workspace: {
        AstNodeLocator: () => new RemitAstNodeLocator(),
        AstNodeDescriptionProvider: services => new RemitAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new RemitReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new RemitDocumentValidator(services),
        AdditionalChecks: () => AUTHORITY_CHECKS
    },
    settings: {
        RemitSettings: () => new RemitSettings()
    },
    model: {
        ModelProvider: services => new ModelProvider(services)
    },
    analysis: {
        WorkspaceAnalysis: () => new WorkspaceAnalysis()
    }
};

/** Shared services Remit replaces, in the editor and without it. */
export const RemitSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: shared => new RemitIndexManager(shared)
    }
};

/**
 * The language without an editor: what the CLI, generators and tests use. The language
 * server adds the LSP services on top (see `lsp/`), over the same checks and model.
 */
export function createRemitCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Remit: RemitServices } {
    const shared = inject(createDefaultSharedCoreModule(context), RemitGeneratedSharedModule, RemitSharedModule);
    const Remit = inject(createDefaultCoreModule({ shared }), RemitGeneratedModule, RemitModule);
    shared.ServiceRegistry.register(Remit);
    registerValidationChecks(Remit);
    return { shared, Remit };
}
