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

/** Whether two syntax trees have the same shape (see astShape), compared without copying them. */
export function sameShape(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameShape(a[i], b[i])) return false;
        return true;
    }
    if (isReference(a)) return isReference(b) && a.$refText === b.$refText;
    if (isAstNode(a)) {
        if (!isAstNode(b) || a.$type !== b.$type) return false;
        const keysA = Object.keys(a).filter(k => !k.startsWith('$'));
        const keysB = Object.keys(b).filter(k => !k.startsWith('$'));
        if (keysA.length !== keysB.length) return false;
        for (const key of keysA) {
            if (!sameShape((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key])) return false;
        }
        return true;
    }
    return false;
}
