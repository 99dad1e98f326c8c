import { DefaultAstNodeLocator, type AstNode } from 'langium';

/**
 * Langium's paths of syntax-tree nodes (`/map/elements@3/decisions@1`), built in one flat
 * string. Langium builds them by concatenation, one level at a time, and V8 keeps such a
 * string as a tree of its pieces; every name description and every entry of the reference
 * index holds one, so on a district the pieces were a tenth of the memory of the check.
 * The paths are the same strings.
 */
export class RemitAstNodeLocator extends DefaultAstNodeLocator {
    override getAstNodePath(node: AstNode): string {
        const segments: string[] = [];
        for (let current = node; current.$container; current = current.$container) segments.push(this.getPathSegment(current));
        if (segments.length === 0) return '';
        segments.push('');
        return segments.reverse().join(this.segmentSeparator);
    }
}
