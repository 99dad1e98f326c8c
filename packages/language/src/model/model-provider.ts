import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { RemitServices } from '../remit-module.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { MapModelBuilder } from './build-model.js';
import type { MapModel } from './types.js';
import { WorkspaceModel } from './workspace-model.js';
import { compareText } from '../utils/compare-text.js';

/**
 * Gives the checked model of the workspace, built once per state of the workspace and
 * reused by every check and generator until a document changes.
 */
export class ModelProvider {
    private readonly documents: LangiumDocuments;
    private readonly builder: MapModelBuilder;
    private readonly cache: WorkspaceCache<'workspace', WorkspaceModel>;
    /**
     * One model per document, kept until that document is linked again. A keystroke in one
     * map of a district then rebuilds that map's model only, not all two hundred: Langium
     * relinks the changed document and every document referring to it, so a map's model
     * (which holds the names its references resolve to) is rebuilt whenever it could differ.
     */
    private readonly mapModels = new Map<string, MapModel | undefined>();

    constructor(services: RemitServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.builder = new MapModelBuilder(services.references.SchemeResolver, services.documentation.CommentProvider);
        this.cache = new WorkspaceCache(services.shared);
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Linked, document => {
            this.mapModels.delete(document.uri.toString());
            // A workspace model asked for between an edit and its relinking would hold the old map.
            this.cache.clear();
        });
        builder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.mapModels.delete(uri.toString());
        });
    }

    /** Every map of the workspace (the standard library excepted). */
    workspace(): WorkspaceModel {
        return this.cache.get('workspace', () => new WorkspaceModel(
            this.documents.all
                .filter(doc => !isStandardLibrary(doc.uri))
                .map(doc => this.mapOf(doc))
                .filter((map): map is MapModel => map !== undefined)
                .toArray()
                .sort((a, b) => compareText(a.uri, b.uri))
        ));
    }

    /** The model of one document's map. */
    mapOf(document: LangiumDocument): MapModel | undefined {
        const key = document.uri.toString();
        // Only a linked document's model can be kept: before linking its references are empty.
        const linked = document.state >= DocumentState.Linked;
        if (linked && this.mapModels.has(key)) return this.mapModels.get(key);
        const model = this.builder.build(document);
        if (linked) this.mapModels.set(key, model);
        return model;
    }
}
