/**
 * Remit builds the paths of syntax-tree nodes in one flat string (less memory than
 * Langium's piecewise concatenation); they must be Langium's paths, and lead back to their node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { AstUtils, DefaultAstNodeLocator, EmptyFileSystem, URI } from 'langium';
import { createRemitServices } from '@remit/language/lsp';
import { RemitAstNodeLocator } from '../../src/workspace/ast-node-locator.js';

test('every node of a map has the path Langium gives it, and the path finds the node', async () => {
    const services = createRemitServices(EmptyFileSystem);
    const locator = services.Remit.workspace.AstNodeLocator;
    expect(locator).toBeInstanceOf(RemitAstNodeLocator);
    const langium = new DefaultAstNodeLocator();
    const text = readFileSync(join(import.meta.dirname, '../../../../examples/pinewood/north-school.remit'), 'utf8');
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/north.remit'));
    const root = document.parseResult.value;
    let nodes = 0;
    for (const node of AstUtils.streamAst(root)) {
        const path = locator.getAstNodePath(node);
        expect(path).toBe(langium.getAstNodePath(node));
        expect(locator.getAstNode(root, path)).toBe(node);
        nodes++;
    }
    expect(nodes).toBeGreaterThan(20);
});
