import { DefaultDocumentBuilder, DocumentState, type Cancellation, type LangiumSharedCoreServices, type URI } from 'langium';

/**
 * The authority rules judge each map with the whole workspace in view: a role becomes used
 * when another map names it, a decision joins a loop through another map's `after`. Langium
 * re-checks only the documents that refer to a changed one, which would leave such findings
 * stale in the editor; this builder re-checks every document on each change (relinking only
 * what Langium would relink). Checking is cheap next to parsing, and the analysis itself
 * runs once per change, however many documents show its findings.
 */
export class WorkspaceRevalidatingBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        if (changed.length > 0 || deleted.length > 0) {
            for (const document of this.langiumDocuments.all) {
                if (document.state === DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        return super.update(changed, deleted, cancelToken);
    }
}
