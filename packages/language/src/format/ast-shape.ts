import { isAstNode, isReference, type AstNode } from 'langium';

/**
 * A syntax tree as plain data, without positions or links: two texts that differ only in
 * layout and comments have the same shape. The formatter checks its own output with it.
 */
export function astShape(node: AstNode): unknown {
    const shape: Record<string, unknown> = { $type: node.$type };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        shape[key] = shapeOf(value);
    }
    return shape;
}

function shapeOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shapeOf);
    if (isReference(value)) return { $ref: value.$refText };
    if (isAstNode(value)) return astShape(value);
    return value;
}
