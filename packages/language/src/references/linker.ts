import { DefaultLinker, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachNode, forEachReferenceOf } from '../utils/ast-walk.js';

/** How many nodes are linked between two looks at the cancellation token. */
const NODES_PER_CHECK = 64;

/**
 * Langium's linker, walking the tree in plain loops (`utils/ast-walk.ts`) and looking at the
 * cancellation token every few dozen nodes instead of awaiting it at every node. The same
 * references are resolved in the same order.
 */
export class RemitLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes: AstNode[] = [];
        forEachNode(document.parseResult.value, node => nodes.push(node));
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            forEachReferenceOf(nodes[i], info => this.doLink(info, document));
        }
    }
}
