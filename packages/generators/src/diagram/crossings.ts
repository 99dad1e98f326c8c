/**
 * Counts the places where two arrows of an SVG diagram cross, read from the SVG itself
 * (every `<path class="edge ...">` and its `M x,y L x,y ...` points), so the figure is
 * what a reader sees. Two arrows that only meet at a shared end (leaving the same box at
 * the same point) do not cross; arrows that run along each other do not either. Each pair
 * of segments that properly intersect counts once.
 *
 * docs/generators.md reports the figure for every example; a test holds the overview of
 * each example to at most 20.
 */
export function countEdgeCrossings(svg: string): number {
    const paths = edgePaths(svg);
    let crossings = 0;
    for (let i = 0; i < paths.length; i++) {
        for (let j = i + 1; j < paths.length; j++) {
            for (const a of paths[i]) for (const b of paths[j]) if (properlyCross(a, b)) crossings++;
        }
    }
    return crossings;
}

type Point = { x: number; y: number };
type Segment = [Point, Point];

/** The segments of every arrow in the SVG. */
export function edgePaths(svg: string): Segment[][] {
    const result: Segment[][] = [];
    for (const match of svg.matchAll(/<path\b[^>]*\bclass="edge\b[^"]*"[^>]*>/g)) {
        const d = /\bd="([^"]*)"/.exec(match[0])?.[1];
        if (!d) continue;
        const points = [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map(m => ({ x: Number(m[1]), y: Number(m[2]) }));
        const segments: Segment[] = [];
        for (let k = 1; k < points.length; k++) segments.push([points[k - 1], points[k]]);
        result.push(segments);
    }
    return result;
}

const EPS = 1e-6;

function orientation(a: Point, b: Point, c: Point): number {
    const v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return Math.abs(v) < EPS ? 0 : Math.sign(v);
}

/** True when the segments cross at a point inside both (not at an end of either). */
function properlyCross([a, b]: Segment, [c, d]: Segment): boolean {
    const o1 = orientation(a, b, c);
    const o2 = orientation(a, b, d);
    const o3 = orientation(c, d, a);
    const o4 = orientation(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}
