import type { LangiumDocuments } from 'langium';
import { isLevelScheme, isPhaseList, type LevelScheme, type Phase, type RemitFile, type RemitMap } from '../generated/ast.js';
import { DEFAULT_SCHEME, STANDARD_LIBRARY_URI } from '../builtin/standard-library.js';
import { URI } from 'langium';
import type { RemitServices } from '../remit-module.js';

/** Which levels and phases a map works with. */
export class SchemeResolver {
    private readonly documents: LangiumDocuments;

    constructor(services: RemitServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** The scheme named by `uses`, or `School` when the map names none. */
    schemeOf(map: RemitMap): LevelScheme | undefined {
        if (map.scheme) return map.scheme.ref;
        return this.builtinScheme(DEFAULT_SCHEME);
    }

    builtinScheme(name: string): LevelScheme | undefined {
        const doc = this.documents.getDocument(URI.parse(STANDARD_LIBRARY_URI));
        const map = (doc?.parseResult.value as RemitFile | undefined)?.map;
        return map?.elements.filter(isLevelScheme).find(s => s.name === name);
    }

    /** The map's phases in order (all `phases` blocks, in the order written). */
    phasesOf(map: RemitMap): Phase[] {
        return map.elements.filter(isPhaseList).flatMap(list => list.phases);
    }
}
