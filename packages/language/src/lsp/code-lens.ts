import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { isDecision, type RemitFile } from '../generated/ast.js';
import type { ModelProvider } from '../model/model-provider.js';
import { qualifiedName } from '../references/names.js';
import { decisionLensText } from './hover-words.js';
import type { RemitLspServices } from './remit-lsp-module.js';

/**
 * A line above each decision saying who has the final say and how many others take part:
 * "decided by Principal · 1 recommender · 3 to consult", "no one decides", or, when the final say moves
 * between phases, "decided by Principal until Expansion, then Instructional Leadership Team".
 * The lens is a label: it has no command to run.
 */
export class RemitCodeLensProvider implements CodeLensProvider {
    private readonly models: ModelProvider;

    constructor(services: RemitLspServices) {
        this.models = services.model.ModelProvider;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = (document.parseResult.value as RemitFile).map;
        if (!root) return [];
        const map = this.models.mapOf(document);
        if (!map) return [];
        const model = this.models.workspace();
        const decisions = new Map(map.decisions.map(d => [d.qualifiedName, d]));
        const lenses: CodeLens[] = [];
        for (const node of AstUtils.streamAllContents(root).filter(isDecision)) {
            const decision = node.name ? decisions.get(qualifiedName(node)) : undefined;
            const start = node.$cstNode?.range.start;
            if (!decision || !start) continue;
            lenses.push({
                range: { start, end: start },
                command: { title: decisionLensText(model, map, decision), command: '' }
            });
        }
        return lenses;
    }
}
