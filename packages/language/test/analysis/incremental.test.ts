/**
 * The editor re-analyses a workspace after every keystroke by reusing what it knew: each
 * unchanged map keeps its model, and the workspace-wide facts (who refers to what, who has
 * the final say where, `after` and `reports` loops) are updated by the maps that changed.
 * Here random sequences of edits to the example maps are analysed that way and, at every
 * step, compared with an analysis from scratch: the findings must be the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WorkspaceAnalysis, WorkspaceModel, analyzeWorkspace, checkSources, type MapModel } from '@remit/language';

const EXAMPLES = join(import.meta.dirname, '../../../../examples');

/** The example maps: four case studies (Pinewood in two files, with cross-map references). */
function exampleSources(): Array<{ uri: string; text: string }> {
    const files = ['pinewood/district.remit', 'pinewood/north-school.remit', 'lakeside/lakeside.remit', 'highland/highland.remit', 'riverside/riverside.remit', 'pinewood/south-school.remit'];
    expect(readdirSync(join(EXAMPLES, 'pinewood'))).toContain('district.remit');
    return files.map(file => ({ uri: `file:///ws/${file}`, text: readFileSync(join(EXAMPLES, file), 'utf8') }));
}

type Edit = {
    kind: 'drop-line' | 'drop-cross-map' | 'add-after' | 'add-reports' | 'retitle' | 'drop-rule' | 'remove-map' | 'restore-map'
        | 'set-under' | 'drop-under' | 'add-overrides' | 'set-binding' | 'nest-team' | 'add-when' | 'drop-fallback';
    file: number;
    pick: number;
};

/** Maps of the examples, for `under` edits (including loops). */
const MAP_NAMES = ['Pinewood', 'PinewoodNorth', 'PinewoodSouth', 'Lakeside', 'Highland', 'Riverside'];
/** Decisions of the district map, loose, tight or neither, for `overrides` edits. */
const DISTRICT_DECISIONS = ['PDCalendar', 'ProblemsOfPractice', 'LiteracyFramework', 'PDBudget', 'LessonStudy'];

const LEVEL_LINE = /^\s*(recommend|consult|agree|decide|inform|perform|input|responsible|accountable|approver|driver|contributor|informed|consulted)\s/;

/** Applies one edit to the workspace's texts (a removed map is kept aside to come back). */
function apply(edit: Edit, texts: Map<string, string>, removed: Map<string, string>, originals: ReadonlyMap<string, string>): void {
    const uris = [...originals.keys()];
    const uri = uris[edit.file % uris.length];
    if (edit.kind === 'remove-map') {
        if (texts.has(uri) && texts.size > 1) {
            removed.set(uri, texts.get(uri)!);
            texts.delete(uri);
        }
        return;
    }
    if (edit.kind === 'restore-map') {
        const back = removed.get(uri);
        if (back !== undefined) {
            texts.set(uri, back);
            removed.delete(uri);
        }
        return;
    }
    const text = texts.get(uri);
    if (text === undefined) return;
    const lines = text.split('\n');
    const indices = (test: (line: string) => boolean) => lines.map((l, i) => (test(l) ? i : -1)).filter(i => i >= 0);
    const choose = (candidates: number[]) => (candidates.length ? candidates[edit.pick % candidates.length] : undefined);
    const names = (keyword: string) => [...text.matchAll(new RegExp(`^\\s*${keyword} (\\w+)`, 'gm'))].map(m => m[1]);
    switch (edit.kind) {
        case 'drop-line': {
            // A level line: gaps, final holders and lone holders change.
            const at = choose(indices(l => LEVEL_LINE.test(l)));
            if (at !== undefined) lines.splice(at, 1);
            break;
        }
        case 'drop-cross-map': {
            // A line naming another map's element: that element may become unused there.
            const at = choose(indices(l => /\b[A-Z]\w*\.[A-Z]\w*/.test(l) && !l.trim().startsWith('//')));
            if (at !== undefined) lines.splice(at, 1);
            break;
        }
        case 'add-after': {
            // A decision waits for another one of the same map: loops may form.
            const decisions = names('decision');
            const at = choose(indices(l => /^\s*decision \w+/.test(l) && l.trimEnd().endsWith('{')));
            if (at !== undefined && decisions.length) lines.splice(at + 1, 0, `    after ${decisions[(edit.pick >> 3) % decisions.length]}`);
            break;
        }
        case 'add-reports': {
            // A role reports to another role of the same map: reporting loops may form.
            const roles = names('role');
            const at = choose(indices(l => /^\s*role \w+.*\{\s*$/.test(l)));
            if (at !== undefined && roles.length) lines.splice(at + 1, 0, `  reports ${roles[(edit.pick >> 3) % roles.length]}`);
            break;
        }
        case 'retitle': {
            const at = choose(indices(l => /^\s*(role|team|decision|domain) \w+ "/.test(l)));
            if (at !== undefined) lines[at] = lines[at].replace(/"([^"]*)"/, `"$1 ${edit.pick % 7}"`);
            break;
        }
        case 'drop-rule': {
            const at = choose(indices(l => /^\s*rule \w+/.test(l)));
            if (at !== undefined) lines.splice(at, 1);
            break;
        }
        case 'set-under': {
            // A map's place under another: inheritance, overrides and under loops change.
            const at = indices(l => /^map \w+/.test(l))[0];
            if (at === undefined) break;
            const existing = lines[at + 1]?.startsWith('under ') ? 1 : 0;
            const own = /^map (\w+)/.exec(lines[at])![1];
            // Now and then the map itself: the shortest loop.
            const target = (edit.pick >> 3) % 4 === 0 ? own : MAP_NAMES[edit.pick % MAP_NAMES.length];
            lines.splice(at + 1, existing, `under ${target}`);
            break;
        }
        case 'drop-under': {
            const at = choose(indices(l => /^under \w+/.test(l)));
            if (at !== undefined) lines.splice(at, 1);
            break;
        }
        case 'add-overrides': {
            // A decision overrides one of the district's: valid, tight, not loose, or a repeat.
            const at = choose(indices(l => /^\s*decision \w+/.test(l) && l.trimEnd().endsWith('{')));
            if (at !== undefined) lines.splice(at + 1, 0, `    overrides Pinewood.${DISTRICT_DECISIONS[(edit.pick >> 3) % DISTRICT_DECISIONS.length]}`);
            break;
        }
        case 'set-binding': {
            const at = choose(indices(l => /^\s*decision \w+/.test(l) && l.trimEnd().endsWith('{')));
            if (at !== undefined) lines.splice(at + 1, 0, (edit.pick >> 3) % 2 ? '    tight' : '    loose');
            break;
        }
        case 'nest-team': {
            // A team sits in another (or in itself): team loops, administrator-only teams.
            const teams = names('team');
            const at = choose(indices(l => /^team \w+.*\{\s*$/.test(l)));
            if (at !== undefined && teams.length) lines.splice(at + 1, 0, `  ${(edit.pick >> 4) % 2 ? 'advisory' : 'members'} ${teams[(edit.pick >> 3) % teams.length]}`);
            break;
        }
        case 'add-when': {
            // A level line holds in one case only: the decision is judged per case.
            const at = choose(indices(l => LEVEL_LINE.test(l) && !l.includes('//')));
            if (at !== undefined) lines[at] = `${lines[at]} when "case ${(edit.pick >> 3) % 2}"`;
            break;
        }
        case 'drop-fallback': {
            const at = choose(indices(l => /^\s*(fallback|escalate) /.test(l)));
            if (at !== undefined) lines.splice(at, 1);
            break;
        }
    }
    texts.set(uri, lines.join('\n'));
}

const edits = fc.array(fc.record({
    kind: fc.constantFrom<Edit['kind']>('drop-line', 'drop-line', 'drop-cross-map', 'drop-cross-map', 'add-after', 'add-reports', 'retitle', 'drop-rule', 'remove-map', 'restore-map',
        'set-under', 'drop-under', 'add-overrides', 'add-overrides', 'set-binding', 'nest-team', 'nest-team', 'add-when', 'drop-fallback', 'drop-rule'),
    file: fc.nat(),
    pick: fc.nat()
}), { minLength: 2, maxLength: 6 });

/** Findings in a form that compares whole. */
function facts(model: WorkspaceModel, analysis?: WorkspaceAnalysis): string[] {
    return (analysis ? analysis.analyze(model) : analyzeWorkspace(model)).map(f => JSON.stringify([f.location.uri, f.code, f.element, f.message, f.severity, f.data, f.location.range]));
}

describe('analysis after an edit', () => {
    test('reusing unchanged maps and updating workspace facts gives the findings a fresh analysis gives', async () => {
        const originals = new Map(exampleSources().map(s => [s.uri, s.text]));
        const baseline = facts((await checkSources(exampleSources())).model).join('\n');
        // Steps whose findings differ from the unedited examples': the edits must matter.
        let changedSteps = 0;
        // The rules of part 2 the edits reached: the property covers them too.
        const seen = new Set<string>();
        await fc.assert(fc.asyncProperty(edits, async sequence => {
            const texts = new Map(originals);
            const removed = new Map<string, string>();
            // As in the editor: a map keeps its model object while it stays the same.
            let kept = new Map<string, MapModel>();
            // One workspace's analysis, moved from state to state.
            const analysis = new WorkspaceAnalysis();
            for (const edit of sequence) {
                apply(edit, texts, removed, originals);
                const checked = await checkSources([...texts].map(([uri, text]) => ({ uri, text })));
                const maps = checked.model.maps.map(map => {
                    const before = kept.get(map.uri);
                    return before && JSON.stringify(before) === JSON.stringify(map) ? before : map;
                });
                kept = new Map(maps.map(map => [map.uri, map]));
                const incremental = facts(new WorkspaceModel(maps), analysis);
                const fresh = facts(new WorkspaceModel(structuredClone(maps)), new WorkspaceAnalysis());
                expect(incremental).toEqual(fresh);
                if (incremental.join('\n') !== baseline) changedSteps++;
                for (const finding of incremental) seen.add(JSON.parse(finding)[1] as string);
            }
        }), { numRuns: 60, seed: 20261123 });
        expect(changedSteps).toBeGreaterThan(5);
        expect([...seen]).toEqual(expect.arrayContaining(['under-cycle', 'invalid-override', 'overrides-tight', 'team-cycle', 'no-deadlock-path']));
    }, 120_000);

    test('a loop made in one map and broken again is reported, then gone', async () => {
        const [district, school] = exampleSources();
        const withLoop = school.text.replace(/(decision (\w+) "[^"]*" \{)/, '$1\n    after $2');
        expect(withLoop).not.toBe(school.text);
        const before = await checkSources([district, school]);
        const during = await checkSources([district, { ...school, text: withLoop }]);
        const after = await checkSources([district, school]);
        // The district's model object is reused throughout, as the editor would.
        const sameDistrict = (maps: readonly MapModel[]) => [before.model.maps.find(m => m.uri === district.uri)!, ...maps.filter(m => m.uri !== district.uri)];
        const analysis = new WorkspaceAnalysis();
        const loops = (maps: readonly MapModel[]) => analysis.analyze(new WorkspaceModel(sameDistrict(maps))).filter(f => f.code === 'sequence-cycle');
        expect(loops(before.model.maps)).toEqual([]);
        expect(loops(during.model.maps)).toHaveLength(1);
        expect(loops(after.model.maps)).toEqual([]);
    }, 60_000);

    test('a role used only from another map becomes unused when that map stops naming it, with its own map unchanged', async () => {
        const [district, school] = exampleSources();
        const withRole = { ...district, text: `${district.text}\nrole Visitor "Visiting coach" { kind teacher }\n` };
        const naming = { ...school, text: school.text.replace(/(decision \w+ "[^"]*" \{)/, '$1\n    inform Pinewood.Visitor') };
        expect(naming.text).not.toBe(school.text);
        const first = await checkSources([withRole, naming]);
        const second = await checkSources([withRole, school]);
        const districtModel = first.model.maps.find(m => m.uri === district.uri)!;
        const analysis = new WorkspaceAnalysis();
        const unusedVisitor = (maps: readonly MapModel[]) => analysis.analyze(new WorkspaceModel(maps))
            .filter(f => f.code === 'unused-element' && f.element === 'Pinewood.Visitor');
        expect(unusedVisitor([districtModel, first.model.maps.find(m => m.uri === school.uri)!])).toEqual([]);
        expect(unusedVisitor([districtModel, second.model.maps.find(m => m.uri === school.uri)!])).toHaveLength(1);
    }, 60_000);
});
