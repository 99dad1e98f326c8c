import { describe as group, expect, test } from 'vitest';
import { check, checkFiles, describe, fileOf } from './helpers.js';

const DISTRICT = `map District "Pinewood district"
role Superintendent "Superintendent" { kind district }
role Coach "Instructional coach" { kind district }
team Cabinet "Cabinet" { members Superintendent, Coach  rule majority }
levels Council "Council scheme" {
  propose required
  approve final
  hear
}
domain Policy { decision SetPolicy "Set district policy" { decide Superintendent } }
`;

group('Map.Element across files', () => {
    test('holders, escalate, team members, chair, backup, reports and after by qualified name', async () => {
        const result = await checkFiles({
            'north.remit': `map North "North school"
role Head { kind administrator  backup District.Coach  reports District.Superintendent }
team T { members Head, District.Cabinet, District.Coach  chair District.Superintendent  rule consensus }
domain D {
  decision X {
    recommend District.Cabinet
    decide Head
    inform District.Superintendent, T
    after District.SetPolicy
    escalate District.Cabinet
  }
}`,
            'district.remit': DISTRICT
        });
        expect(result.only('unresolved-reference'), describe(result.diagnostics)).toEqual([]);
        const model = result.model!;
        expect(model.roles[0]).toMatchObject({ backup: 'District.Coach', reports: 'District.Superintendent' });
        expect(model.teams[0]).toMatchObject({ members: ['North.Head', 'District.Cabinet', 'District.Coach'], chair: 'District.Superintendent' });
        expect(model.decisions[0]).toMatchObject({
            after: ['District.SetPolicy'],
            escalate: 'District.Cabinet',
            assignments: [
                expect.objectContaining({ level: 'recommend', holders: ['District.Cabinet'] }),
                expect.objectContaining({ level: 'decide', holders: ['North.Head'] }),
                expect.objectContaining({ level: 'inform', holders: ['District.Superintendent', 'North.T'] })
            ]
        });
    });

    test('spaces around the dot are read as before, and are not part of the name', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nuses School\nrole Head { reports District .\tSuperintendent }\ndomain D { decision X { decide Head  inform District . Coach  after District. SetPolicy } }\n',
            'district.remit': DISTRICT
        });
        expect(result.diagnostics.filter(d => d.severity !== 'hint'), describe(result.diagnostics)).toEqual([]);
        expect(result.model?.roles[0].reports).toBe('District.Superintendent');
        expect(result.model?.decisions[0]).toMatchObject({ after: ['District.SetPolicy'], assignments: [expect.anything(), expect.objectContaining({ holders: ['District.Coach'] })] });
    });

    test('a map can use a scheme another map defines', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nuses District.Council\nrole R\ndomain D { decision X { propose R  approve R  hear R } }\n',
            'district.remit': DISTRICT
        });
        expect(result.only('unresolved-reference'), describe(result.diagnostics)).toEqual([]);
        expect(result.model?.scheme).toMatchObject({ name: 'Council', qualifiedName: 'District.Council', builtin: false });
        expect(result.model?.decisions[0].assignments.map(a => a.level)).toEqual(['propose', 'approve', 'hear']);
    });

    test('a map\'s own elements are also reachable by their qualified name', async () => {
        const result = await check('map M "M"\nrole R\ndomain D { decision X { decide M.R } }\n');
        expect(result.only('unresolved-reference'), describe(result.diagnostics)).toEqual([]);
        expect(result.model?.decisions[0].assignments[0].holders).toEqual(['M.R']);
    });

    test('the order in which files are given does not matter', async () => {
        const north = 'map North "N"\nrole Head { backup District.Coach }\n';
        const a = await checkFiles({ 'a.remit': north, 'b.remit': DISTRICT });
        const b = await checkFiles({ 'b.remit': DISTRICT, 'a.remit': north });
        expect(a.only('unresolved-reference')).toEqual([]);
        expect(b.only('unresolved-reference')).toEqual([]);
    });
});

group('plain names inside one map', () => {
    test('domains do not open a namespace: plain names reach across nested domains', async () => {
        const result = await check(`map M "M"
role R
domain A {
  domain Inner { decision First { decide R } }
}
domain B {
  decision Second { decide R  after First }
  domain Deeper { decision Third { decide R  after Second, First } }
}`);
        expect(result.only('unresolved-reference'), describe(result.diagnostics)).toEqual([]);
        expect(result.model?.decisions.map(d => [d.name, d.after])).toEqual([
            ['First', []],
            ['Second', ['M.First']],
            ['Third', ['M.Second', 'M.First']]
        ]);
    });

    test('an element may be used before it is declared', async () => {
        const result = await check('map M "M"\ndomain D { decision X { decide Late } }\nrole Late\n');
        expect(result.only('unresolved-reference')).toEqual([]);
    });

    test('a plain name of another map does not resolve, and the message says how to write it', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nrole Head\ndomain D {\n  decision X {\n    decide Head\n    escalate Superintendent\n  }\n}\n',
            'district.remit': DISTRICT
        });
        const [error] = result.only('unresolved-reference');
        expect(error, describe(result.diagnostics)).toBeDefined();
        expect(fileOf(error)).toBe('north.remit');
        expect(error).toMatchObject({ line: 6, column: 14, severity: 'error', element: 'North.X' });
        expect(error.message).toContain("There is no role or team named 'Superintendent' in map North");
        expect(error.message).toContain("'District.Superintendent'");
        expect(error.data?.suggestions).toEqual(['District.Superintendent']);
    });

    test('a name only reaches elements of the right kind', async () => {
        const result = await check('map M "M"\nrole R\ndomain D {\n  decision X { decide R }\n  decision Y { decide X  after R }\n}\n');
        const errors = result.only('unresolved-reference');
        expect(errors.map(e => [e.line, e.message]), describe(result.diagnostics)).toEqual([
            [5, "'X' is a decision, but a role or team is needed here. Only roles and teams hold authority over a decision."],
            [5, "'R' is a role, but a decision is needed here. 'after' names the decisions taken before this one."]
        ]);
    });

    test('a name of the wrong kind says what it names, also across maps and for phases', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nphases { P1 }\nrole R\nteam T { members R  chair T }\ndomain D { decision X { decide District.SetPolicy  inform R from R } }\n',
            'district.remit': DISTRICT
        });
        expect(result.only('unresolved-reference').map(e => e.message), describe(result.diagnostics)).toEqual([
            "'T' is a team, but a role is needed here. A chair is a role.",
            "'District.SetPolicy' is a decision, but a role or team is needed here. Only roles and teams hold authority over a decision.",
            "'R' is a role, but a phase is needed here. 'from' and 'until' name phases of this map."
        ]);
    });
});

group('schemes and levels', () => {
    test('built-in schemes by plain name', async () => {
        for (const [scheme, final, levels] of [
            ['School', 'decide', ['recommend', 'consult', 'agree', 'decide', 'inform']],
            ['RAPID', 'decide', ['recommend', 'input', 'agree', 'decide', 'perform']],
            ['RACI', 'accountable', ['responsible', 'consulted', 'accountable', 'informed']],
            ['DACI', 'approver', ['driver', 'contributor', 'approver', 'informed']]
        ] as const) {
            const text = `map M "M"\nuses ${scheme}\nrole R\ndomain D { decision X { ${levels.map(l => `${l} R`).join('  ')} } }\n`;
            const result = await check(text);
            expect(result.only('unresolved-reference'), `${scheme}: ${describe(result.diagnostics)}`).toEqual([]);
            expect(result.model?.scheme).toMatchObject({ name: scheme, qualifiedName: scheme, builtin: true });
            expect(result.model?.scheme.levels.map(l => l.name)).toEqual(levels);
            expect(result.model?.scheme.levels.find(l => l.final)?.name).toBe(final);
        }
    });

    test('without uses, a map works with School', async () => {
        const result = await check('map M "M"\nrole R\ndomain D { decision X { recommend R  consult R  agree R  decide R  inform R } }\n');
        expect(result.only('unresolved-reference')).toEqual([]);
        expect(result.model?.scheme).toMatchObject({ name: 'School', builtin: true });
        expect(result.model?.scheme.levels.map(l => [l.name, l.final, l.veto])).toEqual([
            ['recommend', false, false], ['consult', false, false], ['agree', false, true], ['decide', true, false], ['inform', false, false]
        ]);
    });

    test('only the levels of the used scheme: a RAPID map cannot use consult', async () => {
        const result = await check('map M "M"\nuses RAPID\nrole R\ndomain D {\n  decision X {\n    consult R\n    decide R\n  }\n}\n');
        const errors = result.only('unresolved-reference');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ line: 6, column: 5, endColumn: 12, element: 'M.X' });
        expect(errors[0].message).toBe("'consult' is not a level of RAPID, the scheme this map uses. Its levels are recommend, input, agree, decide, perform.");
    });

    test('a misspelt level gets a suggestion', async () => {
        const result = await check('map M "M"\nrole R\ndomain D { decision X { decied R } }\n');
        const [error] = result.only('unresolved-reference');
        expect(error.message).toContain("Did you mean 'decide'?");
        expect(error.data?.suggestions).toEqual(['decide']);
    });

    test('a map\'s own scheme replaces School: School\'s levels are not available', async () => {
        const result = await check('map M "M"\nuses Own\nlevels Own { approve final }\nrole R\ndomain D { decision X { decide R  approve R } }\n');
        const errors = result.only('unresolved-reference');
        expect(errors.map(e => e.message)).toEqual([expect.stringMatching(/^'decide' is not a level of Own, the scheme this map uses\. Its levels are approve\./)]);
    });

    test('an unknown scheme name is reported with the built-in ones and a suggestion', async () => {
        const result = await check('map M "M"\nuses Rapid\n');
        const [error] = result.only('unresolved-reference');
        expect(error).toMatchObject({ line: 2, column: 6 });
        expect(error.message).toContain('The built-in schemes are School, RAPID, RACI and DACI');
        expect(error.message).toContain("Did you mean 'RAPID'?");
    });

    test('an unknown scheme is one error, not one more for every level written under it', async () => {
        const result = await check('map M "M"\nuses Rapid\nrole R\ndomain D { decision X { recommend R  decide R } decision Y { decide R } }\n');
        expect(result.only('unresolved-reference').map(e => e.line), describe(result.diagnostics)).toEqual([2]);
    });

    test('a scheme of another map is not visible by its plain name', async () => {
        const result = await checkFiles({ 'north.remit': 'map North "N"\nuses Council\n', 'district.remit': DISTRICT });
        const [error] = result.only('unresolved-reference');
        expect(error?.message, describe(result.diagnostics)).toContain("'District.Council'");
    });

    test('the standard library\'s own map name is not a way in', async () => {
        const result = await check('map M "M"\nuses Builtin.RAPID\n');
        expect(result.only('unresolved-reference')).toHaveLength(1);
    });
});

group('phases', () => {
    test('from and until name phases of the same map only', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nphases { Start Later }\nrole R\ndomain D {\n  decision X {\n    decide R from Start until Grown\n  }\n}\n',
            'other.remit': 'map Other "O"\nphases { Grown }\n'
        });
        const errors = result.only('unresolved-reference');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ line: 6, element: 'North.X' });
        expect(errors[0].message).toBe("'Grown' is not a phase of this map. Its phases are Start, Later.");
    });

    test('a qualified phase of another map is not allowed either', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nphases { Start }\nrole R\ndomain D { decision X { decide R from Other.Grown } }\n',
            'other.remit': 'map Other "O"\nphases { Grown }\n'
        });
        expect(result.diagnostics.filter(d => d.severity === 'error').length, describe(result.diagnostics)).toBeGreaterThan(0);
        expect(result.model?.decisions[0]?.assignments[0]?.from).toBeUndefined();
    });

    test('a map without phases says so', async () => {
        const result = await check('map M "M"\nrole R\ndomain D { decision X { decide R from Start } }\n');
        expect(result.only('unresolved-reference')[0].message).toContain('This map has no phases block yet');
    });

    test('a misspelt phase gets a suggestion', async () => {
        const result = await check('map M "M"\nphases { Expansion }\nrole R\ndomain D { decision X { decide R from Expanson } }\n');
        expect(result.only('unresolved-reference')[0].message).toContain("Did you mean 'Expansion'?");
    });
});

group('unresolved names: messages with did-you-mean', () => {
    test('a misspelt role in the same map', async () => {
        const result = await check('map M "M"\nrole Principal\ndomain D {\n  decision X {\n    decide Principle\n  }\n}\n');
        const [error] = result.only('unresolved-reference');
        expect(error).toMatchObject({ line: 5, column: 12, endLine: 5, endColumn: 21, severity: 'error', element: 'M.X' });
        expect(error.message).toBe("There is no role or team named 'Principle' in map M. Declare it, or check the spelling. Did you mean 'Principal'?");
    });

    test('a misspelt qualified name', async () => {
        const result = await checkFiles({ 'north.remit': 'map North "N"\nrole R { reports District.Superintendant }\n', 'district.remit': DISTRICT });
        const [error] = result.only('unresolved-reference');
        expect(error.message).toBe("Map District has no role named 'Superintendant'. Did you mean 'District.Superintendent'?");
        expect(error.element).toBe('North.R');
    });

    test('an unknown map', async () => {
        const result = await check('map M "M"\nrole R { backup Nowhere.Head }\n');
        const [error] = result.only('unresolved-reference');
        expect(error.message).toContain("There is no map named 'Nowhere' in the workspace");
    });

    test('a map that exists but holds nothing of the kind wanted is not called missing', async () => {
        const result = await checkFiles({
            'north.remit': 'map North "N"\nrole R\ndomain D { decision X { decide R  after Empty.Plan  escalate Empty.Boss } }\n',
            'empty.remit': 'map Empty "E"\n'
        });
        expect(result.only('unresolved-reference').map(e => e.message)).toEqual([
            "Map Empty has no decision named 'Plan'.",
            "Map Empty has no role or team named 'Boss'."
        ]);
    });

    test('a misspelt scheme of another map', async () => {
        const result = await checkFiles({ 'north.remit': 'map North "N"\nuses District.Councl\n', 'district.remit': DISTRICT });
        expect(result.only('unresolved-reference').map(e => e.message)).toEqual(["Map District has no level scheme named 'Councl'. Did you mean 'District.Council'?"]);
    });

    test('a name with nothing like it gets no guess', async () => {
        const result = await check('map M "M"\nrole Principal\ndomain D { decision X { decide Zebra } }\n');
        const [error] = result.only('unresolved-reference');
        expect(error.message).not.toContain('Did you mean');
        expect(error.data?.suggestions).toEqual([]);
    });

    test('each kind of reference names what it looks for', async () => {
        const result = await check(`map M "M"
role R { backup Nobody1  reports Nobody2 }
team T { members Nobody3  chair Nobody4 }
domain D { decision X { decide R  after Nobody5  escalate Nobody6 } }`);
        const messages = result.only('unresolved-reference').map(e => e.message.split('.')[0]);
        expect(messages).toEqual([
            "There is no role named 'Nobody1' in map M",
            "There is no role named 'Nobody2' in map M",
            "There is no role or team named 'Nobody3' in map M",
            "There is no role named 'Nobody4' in map M",
            "There is no decision named 'Nobody5' in map M",
            "There is no role or team named 'Nobody6' in map M"
        ]);
    });

    test('a team cannot be a backup or chair (only a role)', async () => {
        const result = await check('map M "M"\nteam T\nrole R { backup T }\nteam U { chair T }\n');
        expect(result.only('unresolved-reference').map(e => e.line)).toEqual([3, 4]);
    });
});
