import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Walks of the syntax tree in plain loops. Langium's `streamAst` and `streamReferences`
 * allocate an iterator, a state object and a result object per node and per property,
 * which on a district (hundreds of thousands of nodes, walked by linking, indexing and
 * validation) was a tenth of the check's time and much of its garbage. Same nodes, same
 * references, in the same order: a node before its contents, properties in key order.
 * (`for ... in` lists a syntax node's keys as `Object.keys` does, they being plain objects
 * with nothing enumerable inherited, without making an array of them.)
 */

/** Calls `visit` for `root` and every node inside it, a node before its contents. */
export function forEachNode(root: AstNode, visit: (node: AstNode) => void): void {
    visit(root);
    const record = root as unknown as Record<string, unknown>;
    for (const key in root) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) forEachNode(item, visit);
        } else if (isAstNode(value)) {
            forEachNode(value, visit);
        }
    }
}

/** Calls `visit` for each reference the node holds itself (not those of its contents), in key order. */
export function forEachReferenceOf(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    const record = node as unknown as Record<string, unknown>;
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) visit({ reference: item, container: node, property, index });
            }
        } else if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        }
    }
}

/** What `findNode` does with a node: returns it, looks inside it, or passes it by with its contents. */
export type Search = 'found' | 'enter' | 'skip';

/** The first node, a node before its contents (as `forEachNode` meets them), that `test` says is found. */
export function findNode(root: AstNode, test: (node: AstNode) => Search): AstNode | undefined {
    const verdict = test(root);
    if (verdict === 'found') return root;
    if (verdict === 'skip') return undefined;
    const record = root as unknown as Record<string, unknown>;
    for (const key in root) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                const found = isAstNode(item) ? findNode(item, test) : undefined;
                if (found) return found;
            }
        } else if (isAstNode(value)) {
            const found = findNode(value, test);
            if (found) return found;
        }
    }
    return undefined;
}
