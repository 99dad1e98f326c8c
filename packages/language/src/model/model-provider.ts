import { WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { RemitServices } from '../remit-module.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { MapModelBuilder } from './build-model.js';
import type { MapModel } from './types.js';
import { WorkspaceModel } from './workspace-model.js';

/**
 * Gives the checked model of the workspace, built once per state of the workspace and
 * reused by every check and generator until a document changes.
 */
export class ModelProvider {
    private readonly documents: LangiumDocuments;
    private readonly builder: MapModelBuilder;
    private readonly cache: WorkspaceCache<'workspace', WorkspaceModel>;
    private readonly mapCache: WorkspaceCache<string, MapModel | undefined>;

    constructor(services: RemitServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.builder = new MapModelBuilder(services.references.SchemeResolver, services.documentation.CommentProvider);
        this.cache = new WorkspaceCache(services.shared);
        this.mapCache = new WorkspaceCache(services.shared);
    }

    /** Every map of the workspace (the standard library excepted). */
    workspace(): WorkspaceModel {
        return this.cache.get('workspace', () => new WorkspaceModel(
            this.documents.all
                .filter(doc => !isStandardLibrary(doc.uri))
                .map(doc => this.mapOf(doc))
                .filter((map): map is MapModel => map !== undefined)
                .toArray()
                .sort((a, b) => a.uri.localeCompare(b.uri))
        ));
    }

    /** The model of one document's map. */
    mapOf(document: LangiumDocument): MapModel | undefined {
        const key = document.uri.toString();
        return this.mapCache.get(key, () => this.builder.build(document));
    }
}
