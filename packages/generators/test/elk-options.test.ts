import { describe, expect, test } from 'vitest';
import { LARGE_DIAGRAM_BOXES, toElkGraph } from '../src/diagram/elk-graph.js';
import type { DiagramSpec } from '../src/diagram/diagram-spec.js';

/** A diagram of `roles` role boxes, each with one arrow to a decision box inside one domain. */
function spec(roles: number): DiagramSpec {
    const box = (id: string) => ({ id, kind: 'role', width: 120, height: 40 });
    const decisions = Array.from({ length: roles }, (_, i) => ({ ...box(`d${i}`), kind: 'decision' }));
    return {
        nodes: [
            ...Array.from({ length: roles }, (_, i) => box(`r${i}`)),
            { id: 'dom', kind: 'domain', width: 200, height: 24, children: decisions }
        ],
        edges: Array.from({ length: roles }, (_, i) => ({ id: `e${i}`, source: `r${i}`, target: `d${i}` }))
    } as unknown as DiagramSpec;
}

describe('ELK settings by diagram size', () => {
    test('a map-sized diagram keeps the careful layout', () => {
        const options = toElkGraph(spec(20)).layoutOptions!;
        expect(options['elk.layered.nodePlacement.strategy']).toBe('NETWORK_SIMPLEX');
        expect(options['elk.layered.considerModelOrder.strategy']).toBe('NODES_AND_EDGES');
        expect(options['elk.layered.thoroughness']).toBeUndefined();
    });

    test('past the threshold (boxes inside domains count) the layout trades tidiness for speed', () => {
        const roles = Math.ceil(LARGE_DIAGRAM_BOXES / 2);
        const options = toElkGraph(spec(roles)).layoutOptions!;
        expect(2 * roles + 1).toBeGreaterThan(LARGE_DIAGRAM_BOXES);
        expect(options['elk.layered.nodePlacement.strategy']).toBe('BRANDES_KOEPF');
        expect(options['elk.layered.considerModelOrder.strategy']).toBe('NONE');
        expect(options['elk.layered.thoroughness']).toBe('1');
        expect(options['elk.algorithm']).toBe('layered');
    });
});
