import { describe, expect, it } from 'vitest';
import { countEdgeCrossings, layoutDiagramOf, renderDiagramSvg, renderMermaidDocument, MERMAID_EDGE_LIMIT, type LaidOutDiagram } from '@remit/generators';
import type { LaidOutNode } from '../src/diagram/elk-graph.js';
import { bigMap, loadExample, loadText, type Loaded } from './helpers.js';

/**
 * The pictures a principal reads: the overview stays within 20 arrow crossings on every
 * example (counted on the SVG), keeps the map's order, keeps every box in its place when
 * the phase changes and shows hand-overs; the drill-downs; Mermaid within its edge limit.
 */

/** Every example map, with the folder it is in. */
const EXAMPLE_MAPS: Array<[string, string]> = [
    ['lakeside', 'Lakeside'], ['riverside', 'Riverside'], ['highland', 'Highland'], ['pinewood', 'Pinewood'], ['pinewood', 'PinewoodNorth'],
    ['schemes', 'Maple'], ['schemes', 'Cedar'], ['schemes', 'Birch'], ['schemes', 'Aspen'], ['schemes', 'Willow']
];

const loaded = new Map<string, Promise<Loaded>>();
const example = (folder: string) => {
    if (!loaded.has(folder)) loaded.set(folder, loadExample(folder));
    return loaded.get(folder)!;
};

/** The words of some SVG, without tags and spaces (lines wrap where they like). */
function words(svg: string): string {
    return svg.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
}

function flatten(nodes: readonly LaidOutNode[]): LaidOutNode[] {
    return nodes.flatMap(n => [n, ...flatten(n.children)]);
}

/** Every box by its id, with its place. */
function places(diagram: LaidOutDiagram): Map<string, string> {
    return new Map(flatten(diagram.nodes).map(n => [n.node.id, `${n.node.element} ${n.x},${n.y} ${n.width}x${n.height}`]));
}

describe('the crossing counter', () => {
    const svg = (...paths: string[]) => `<svg>${paths.map(d => `<path class="edge level-p0" d="${d}" fill="none"/>`).join('')}<path class="other" d="M0,0 L100,100"/></svg>`;

    it('counts two arrows that cross once, and a path crossing two others', () => {
        expect(countEdgeCrossings(svg('M0,0 L100,100', 'M0,100 L100,0'))).toBe(1);
        expect(countEdgeCrossings(svg('M0,50 L200,50', 'M50,0 L50,100', 'M150,0 L150,100'))).toBe(2);
        // A bend: the second leg crosses, the first does not.
        expect(countEdgeCrossings(svg('M0,0 L100,0 L100,100', 'M50,50 L150,50'))).toBe(1);
    });

    it('does not count arrows that only share an end, run side by side, or are not arrows', () => {
        expect(countEdgeCrossings(svg('M0,0 L100,100', 'M0,0 L100,0'))).toBe(0);
        expect(countEdgeCrossings(svg('M0,0 L100,0', 'M0,10 L100,10'))).toBe(0);
        expect(countEdgeCrossings(svg('M0,0 L100,100'))).toBe(0);
    });
});

describe('the overview', () => {
    for (const [folder, map] of EXAMPLE_MAPS) {
        it(`${map}: at most 20 crossings, in every phase too`, async () => {
            const { workspace, findings } = await example(folder);
            const model = workspace.model.map(map)!;
            for (const phase of [undefined, ...model.phases.map(p => p.name)]) {
                const svg = await renderDiagramSvg(workspace.model, findings, { map, phase });
                expect(countEdgeCrossings(svg), `${map}${phase ? ` in ${phase}` : ''}`).toBeLessThanOrEqual(20);
            }
        });
    }

    it('draws far fewer crossings than the graph of every arrow (the counter sees the difference)', async () => {
        const { workspace, findings } = await example('lakeside');
        const full = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', view: 'full' });
        expect(countEdgeCrossings(full)).toBeGreaterThan(20);
    });

    it('keeps the map\'s order of domains and decisions, top to bottom', async () => {
        for (const [folder, map] of EXAMPLE_MAPS) {
            const { workspace, findings } = await example(folder);
            const model = workspace.model.map(map)!;
            const diagram = await layoutDiagramOf(workspace.model, findings, { map });
            const boxes = flatten(diagram.nodes);
            const topOf = (element: string) => boxes.find(b => b.node.element === element && b.node.kind !== 'role' && b.node.kind !== 'team')!.y;
            const domains: string[] = [];
            const visit = (ds: typeof model.domains) => ds.forEach(d => { domains.push(d.qualifiedName); visit(d.domains); });
            visit(model.domains);
            const decisions = domains.flatMap(d => workspace.model.domain?.(d)?.decisions ?? findDomain(model.domains, d)!.decisions);
            for (const list of [domains, decisions]) {
                const tops = list.map(topOf);
                expect(tops, `${map}: ${list.join(', ')}`).toEqual([...tops].sort((a, b) => a - b));
                expect(new Set(tops).size).toBe(tops.length);
            }
        }
    });

    it('keeps every box in its place when the phase changes (overview, a domain, a role)', async () => {
        for (const [folder, map] of EXAMPLE_MAPS) {
            const { workspace, findings } = await example(folder);
            const model = workspace.model.map(map)!;
            if (model.phases.length === 0) continue;
            const views = [{}, { domain: model.domains[0].name }, { role: model.roles[0].name }];
            for (const view of views) {
                const all = places(await layoutDiagramOf(workspace.model, findings, { map, ...view }));
                for (const phase of model.phases) {
                    const inPhase = places(await layoutDiagramOf(workspace.model, findings, { map, ...view, phase: phase.name }));
                    expect(inPhase, `${map} ${JSON.stringify(view)} in ${phase.name}`).toEqual(all);
                }
            }
        }
    });

    it('shows a hand-over as such: the decision marked, what changed hands said, the new arrow labelled', async () => {
        const { workspace, findings } = await example('lakeside');
        const svg = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', phase: 'Expansion' });
        expect(svg).toContain('class="node decision handover"');
        expect(words(svg)).toContain(words('Hand-over in Expansion: decide now Instructional Leadership Team (was Principal)'));
        expect(svg).toMatch(/class="edge level-final fresh/);
        expect(svg).toMatch(/hand-over at the start of Expansion/);
        // Before any hand-over, nothing is marked.
        const first = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', phase: 'Preparation' });
        expect(first).not.toContain('handover');
    });

    it('answers "who decides the PD calendar?" in the decision\'s own box', async () => {
        const { workspace, findings } = await example('lakeside');
        const svg = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', phase: 'Institutionalization' });
        const box = /<g class="node decision[^"]*" data-element="Lakeside\.PDCalendar">.*?<\/g>/.exec(svg)![0];
        expect(words(box)).toContain(words('◆ decide: Instructional Leadership Team'));
    });
});

interface DomainTree { qualifiedName: string; decisions: string[]; domains: readonly DomainTree[] }

function findDomain(domains: readonly DomainTree[], name: string): { decisions: string[] } | undefined {
    for (const d of domains) {
        if (d.qualifiedName === name) return d;
        const found = findDomain(d.domains, name);
        if (found) return found;
    }
    return undefined;
}

describe('drill-downs', () => {
    it('a role: every decision it holds a level in, with its levels on the arrows', async () => {
        const { workspace, findings } = await example('lakeside');
        const model = workspace.model.map('Lakeside')!;
        const svg = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', role: 'ILT' });
        expect(svg).toContain('what Instructional Leadership Team holds');
        const held = model.decisions.filter(d => d.assignments.some(a => a.holders.includes('Lakeside.ILT')));
        expect(held.length).toBeGreaterThan(3);
        for (const d of held) expect(svg).toContain(`data-element="${d.qualifiedName}"`);
        for (const d of model.decisions.filter(x => !held.includes(x))) expect(svg).not.toContain(`data-element="${d.qualifiedName}"`);
        expect(svg.match(/<path class="edge/g)!.length).toBe(held.length);
    });

    it('a domain: its decisions and everyone who holds a level in them', async () => {
        const { workspace, findings } = await example('lakeside');
        const svg = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', domain: 'ProfessionalLearning' });
        expect(svg).toContain('Professional learning: who holds what');
        expect(svg).toContain('data-element="Lakeside.PDCalendar"');
        expect(svg).not.toContain('data-element="Lakeside.InstructionalFocus"');
        // by title too
        const byTitle = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', domain: 'professional learning' });
        expect(byTitle).toBe(svg);
    });

    it('says what is wrong with a misspelt domain or role, and what there is', async () => {
        const { workspace, findings } = await example('lakeside');
        await expect(renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', domain: 'Staffin' }))
            .rejects.toThrow("Map 'Lakeside' has no domain named 'Staffin'. Did you mean 'Staffing'? Its domains are: Instruction, ProfessionalLearning, Staffing, Schedule, Culture.");
        await expect(renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', role: 'Principle' }))
            .rejects.toThrow(/no role or team named 'Principle'. Did you mean 'Principal'\?/);
    });

    it('every picture has a legend with each level\'s glyph, and keeps its title and description', async () => {
        const { workspace, findings } = await example('lakeside');
        for (const options of [{}, { domain: 'Staffing' }, { role: 'Principal' }, { decision: 'PDCalendar' }, { view: 'full' as const }]) {
            const svg = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', ...options });
            expect(svg, JSON.stringify(options)).toMatch(/<title id="remit-title">[^<]+<\/title>/);
            expect(svg).toMatch(/<desc id="remit-desc">[^<]+<\/desc>/);
            const legend = /<g class="legend"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1];
            for (const words of ['◆</tspan> decide (final authority)', '▲</tspan> recommend', '●</tspan> consult']) expect(legend).toContain(words);
        }
    });

    it('draws dark for a dark editor and on paper by default', async () => {
        const { workspace, findings } = await example('lakeside');
        const paper = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside' });
        const dark = await renderDiagramSvg(workspace.model, findings, { map: 'Lakeside', theme: 'dark' });
        expect(paper).toContain('<rect class="background" width="');
        expect(/class="background"[^>]*fill="([^"]+)"/.exec(paper)![1]).toBe('#ffffff');
        expect(/class="background"[^>]*fill="([^"]+)"/.exec(dark)![1]).toBe('#1e1e1e');
        expect(dark.replace(/fill="[^"]*"|stroke="[^"]*"|<marker[\s\S]*?<\/marker>/g, '')).toBe(paper.replace(/fill="[^"]*"|stroke="[^"]*"|<marker[\s\S]*?<\/marker>/g, ''));
    });
});

describe('Mermaid for big maps', () => {
    it('never emits more arrows than Mermaid draws by default, and says what it did instead', async () => {
        const { workspace, findings } = await loadText(bigMap(), 'big.remit');
        const arrows = (text: string) => text.split('\n').filter(l => /-->|==>|\.->/.test(l)).length;
        const mmd = renderMermaidDocument(workspace.model, findings, { map: 'Big' }, 'mmd');
        expect(arrows(mmd.text)).toBeLessThanOrEqual(MERMAID_EDGE_LIMIT);
        expect(mmd.note).toMatch(/Big: the full flowchart would have 720 arrows, more than Mermaid draws by default \(500\)/);
        const md = renderMermaidDocument(workspace.model, findings, { map: 'Big' }, 'md');
        const charts = md.text.split('```mermaid\n').slice(1).map(c => c.split('```')[0]);
        expect(charts).toHaveLength(6);
        for (const chart of charts) expect(arrows(chart)).toBeLessThanOrEqual(MERMAID_EDGE_LIMIT);
        expect(md.note).toMatch(/one flowchart per domain \(6\)/);
        // Small maps are one flowchart, and nothing is said.
        const { workspace: w, findings: f } = await example('lakeside');
        expect(renderMermaidDocument(w.model, f, { map: 'Lakeside' }, 'mmd').note).toBeUndefined();
    });

    it('colours arrows by level with linkStyle and adds a legend', async () => {
        const { workspace, findings } = await example('lakeside');
        const text = renderMermaidDocument(workspace.model, findings, { map: 'Lakeside' }, 'mmd').text;
        expect(text).toContain('subgraph legend["Legend"]');
        expect(text).toMatch(/linkStyle [\d,]+ stroke:#0b1f3a,stroke-width:3px\n/);
        expect(text).toMatch(/linkStyle [\d,]+ stroke:#1e4fb0,stroke-width:2px\n/);
        expect(text).toMatch(/linkStyle [\d,]+ stroke:#1a9c8c,stroke-width:2px,stroke-dasharray:7 3\n/);
        // every arrow is styled exactly once
        const arrows = text.split('\n').filter(l => /-->|==>/.test(l)).length;
        const styled = text.split('\n').filter(l => l.startsWith('  linkStyle')).flatMap(l => l.split(' ')[3].split(',')).map(Number);
        expect(new Set(styled).size).toBe(styled.length);
        expect(styled.length).toBe(arrows);
    });
});
