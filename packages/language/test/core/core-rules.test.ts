import { describe as group, expect, test } from 'vitest';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '@remit/language';
import { CORE_CODES, check, checkFiles, describe, fileOf } from './helpers.js';

interface Expected {
    code: string;
    line: number;
    element: string;
    says: RegExp;
}

/** Runs `text` and expects exactly these core findings (the authority analysis is left out). */
async function expectCore(text: string, expected: Expected[]): Promise<void> {
    const { core, diagnostics } = await check(text);
    const found = core();
    expect(found.map(d => [d.code, d.line, d.element]), describe(diagnostics)).toEqual(expected.map(e => [e.code, e.line, e.element]));
    found.forEach((d, i) => {
        expect(d.severity).toBe('error');
        expect(d.message).toMatch(expected[i].says);
    });
}

group('unresolved-reference', () => {
    test('fires on a holder that does not exist', async () => {
        await expectCore('map M "M"\ndomain D {\n  decision X { decide Ghost }\n}\n', [
            { code: 'unresolved-reference', line: 3, element: 'M.X', says: /There is no role or team named 'Ghost' in map M/ }
        ]);
    });
});

group('duplicate-name', () => {
    test('two roles with one name', async () => {
        await expectCore('map M "M"\nrole Lead\nrole Lead\n', [
            { code: 'duplicate-name', line: 3, element: 'M.Lead', says: /There is already a role named 'Lead' in this map \(line 2\)/ }
        ]);
    });

    test('a role and a team share a name (both can hold a level)', async () => {
        await expectCore('map M "M"\nrole ILT\nteam ILT { members ILT }\n', [
            { code: 'duplicate-name', line: 3, element: 'M.ILT', says: /There is already a role named 'ILT'/ }
        ]);
    });

    test('two decisions in different domains (domains do not open a namespace)', async () => {
        await expectCore('map M "M"\nrole R\ndomain A { decision X { decide R } }\ndomain B {\n  decision X { decide R }\n}\n', [
            { code: 'duplicate-name', line: 5, element: 'M.X', says: /There is already a decision named 'X' in this map \(line 3\)/ }
        ]);
    });

    test('two nested domains', async () => {
        await expectCore('map M "M"\ndomain A {\n  domain A { }\n}\n', [
            { code: 'duplicate-name', line: 3, element: 'M.A', says: /There is already a domain named 'A'/ }
        ]);
    });

    test('two phases, even in different phases blocks', async () => {
        await expectCore('map M "M"\nphases { P1 }\nphases {\n  P1\n}\n', [
            { code: 'duplicate-name', line: 4, element: 'M.P1', says: /There is already a phase named 'P1'/ }
        ]);
    });

    test('two level schemes, and two levels in one scheme', async () => {
        await expectCore('map M "M"\nuses S\nlevels S { decide final }\nlevels S { approve final }\nlevels T {\n  a final\n  a\n}\n', [
            { code: 'duplicate-name', line: 4, element: 'M.S', says: /There is already a level scheme named 'S'/ },
            { code: 'duplicate-name', line: 7, element: 'M.T.a', says: /There is already a level named 'a' in this scheme/ }
        ]);
    });

    test('elements of different kinds may share a name', async () => {
        await expectCore('map M "M"\nphases { Curriculum }\nrole Curriculum\ndomain Curriculum { decision Lead { decide Curriculum } }\n', []);
    });

    test('two maps in different files share a name: both are reported, each naming the other file', async () => {
        const result = await checkFiles({ 'a.remit': 'map Lakeside "A"\n', 'b.remit': '\nmap Lakeside "B"\n' });
        const found = result.only('duplicate-name');
        expect(found.map(d => [fileOf(d), d.line, d.column, d.severity, d.element]), describe(result.diagnostics)).toEqual([
            ['a.remit', 1, 5, 'error', 'Lakeside'],
            ['b.remit', 2, 5, 'error', 'Lakeside']
        ]);
        expect(found[0].message).toBe("Another map in the workspace is also named 'Lakeside' (b.remit). Map names must be unique, since other maps refer to 'Lakeside.Element'. Rename one of them.");
        expect(found[1].message).toContain('(a.remit)');
    });

    test('the same element name in two maps is fine', async () => {
        const result = await checkFiles({ 'a.remit': 'map A "A"\nrole Principal\n', 'b.remit': 'map B "B"\nrole Principal\n' });
        expect(result.core()).toEqual([]);
    });

    test('a map may be named like a built-in scheme or the standard library', async () => {
        const result = await checkFiles({ 'a.remit': 'map Builtin "A"\n', 'b.remit': 'map School "S"\nuses RAPID\n' });
        expect(result.core(), describe(result.diagnostics)).toEqual([]);
    });
});

group('scheme-shape', () => {
    test('a scheme with no final level', async () => {
        await expectCore('map M "M"\nuses S\nlevels S {\n  propose\n  approve\n}\nrole R\ndomain D { decision X { approve R } }\n', [
            { code: 'scheme-shape', line: 3, element: 'M.S', says: /The level scheme 'S' has no final level.*Mark the level that makes the call with 'final'/ }
        ]);
    });

    test('a scheme with two final levels: the second is reported', async () => {
        await expectCore('map M "M"\nlevels S {\n  approve final\n  ratify final\n}\n', [
            { code: 'scheme-shape', line: 4, element: 'M.S.ratify', says: /more than one final level \(approve, ratify\)\. Keep 'final' on exactly one of them/ }
        ]);
    });

    test('the built-in schemes are well formed', async () => {
        const result = await check('map M "M"\n');
        expect(result.core()).toEqual([]);
    });
});

group('veto-after-final', () => {
    test('a veto level after the final level', async () => {
        const { core } = await check('map M "M"\nlevels S {\n  approve final\n  object veto\n}\n');
        const [d] = core();
        expect(d).toMatchObject({ code: 'veto-after-final', severity: 'error', line: 4, column: 10, endColumn: 14, element: 'M.S.object' });
        expect(d.message).toBe("'object' can veto but acts after 'approve', the final level: a veto after the decision is made blocks nothing. Move 'object' before 'approve'.");
    });

    test('a veto level before the final one is fine', async () => {
        await expectCore('map M "M"\nlevels S { object veto  approve final }\n', []);
    });
});

group('phase-order', () => {
    test('from the same phase until the same phase never applies', async () => {
        await expectCore('map M "M"\nphases { P1 P2 }\nrole R\ndomain D { decision X {\n  decide R from P2 until P2\n} }\n', [
            { code: 'phase-order', line: 5, element: 'M.X', says: /^'from P2 until P2': it starts and ends with P2, so it never applies \('until' is exclusive\)\. Use a phase after P2 for 'until'\.$/ }
        ]);
    });

    test('from a later phase until an earlier one', async () => {
        await expectCore('map M "M"\nphases { P1 P2 P3 }\nrole R\ndomain D { decision X {\n  decide R until P1 from P3\n} }\n', [
            { code: 'phase-order', line: 5, element: 'M.X', says: /^'from P3 until P1': P1 comes before P3, so it never applies\. Swap the two phases\.$/ }
        ]);
    });

    test('from an earlier phase until a later one is fine, in either order of writing', async () => {
        await expectCore('map M "M"\nphases { P1 P2 P3 }\nrole R\ndomain D { decision X { decide R from P1 until P3  inform R until P3 from P2 } }\n', []);
    });

    test('until the first phase, without from, never applies', async () => {
        await expectCore('map M "M"\nphases { P1 P2 }\nrole R\ndomain D { decision X {\n  decide R until P1\n  decide R from P1 until P2\n} }\n', [
            { code: 'phase-order', line: 5, element: 'M.X', says: /'until P1': P1 is the first phase, so this line never applies \('until' is exclusive\)/ }
        ]);
    });

    test('an inverted duration', async () => {
        const { core } = await check('map M "M"\nphases {\n  Start 12..6 months\n}\n');
        const [d] = core();
        expect(d).toMatchObject({ code: 'phase-order', severity: 'error', line: 3, column: 9, element: 'M.Start' });
        expect(d.message).toBe('The duration 12..6 months is inverted: write the shorter bound first (6..12).');
    });

    test('equal bounds are fine', async () => {
        await expectCore('map M "M"\nphases { Start 2..2 years }\n', []);
    });
});

group('duplicate-property', () => {
    test('a role property given twice', async () => {
        const { core } = await check('map M "M"\nrole R {\n  kind teacher\n  kind staff\n}\n');
        const [d] = core();
        expect(d).toMatchObject({ code: 'duplicate-property', severity: 'error', line: 4, column: 3, element: 'M.R' });
        expect(d.message).toBe("'kind' is given twice for role 'R'; only the last one counts. Keep one 'kind'.");
    });

    test('in a team, a decision, a map header and an assignment', async () => {
        await expectCore(`map M "M"
uses School
uses School
phases { P1 P2 }
role R
team T { chair R  rule majority  rule consensus }
domain D {
  decision X {
    decide R from P1 from P2
    review yearly
    review monthly
  }
}`, [
            { code: 'duplicate-property', line: 3, element: 'M', says: /'uses' is given twice for map 'M'; only the last one counts/ },
            { code: 'duplicate-property', line: 6, element: 'M.T', says: /'rule' is given twice for team 'T'/ },
            { code: 'duplicate-property', line: 9, element: 'M.X', says: /^'from' is given twice in one 'decide' line of decision 'X'; only the last one counts\. Keep one 'from' on the line, or split it into two lines\.$/ },
            { code: 'duplicate-property', line: 11, element: 'M.X', says: /'review' is given twice for decision 'X'/ }
        ]);
    });

    test('three times, and the value that counts is the last', async () => {
        const { core, model } = await check('map M "M"\nrole R { kind teacher  kind staff  kind district }\n');
        expect(core().map(d => [d.code, d.column, d.message])).toEqual([
            ['duplicate-property', 36, "'kind' is given 3 times for role 'R'; only the last one counts. Keep one 'kind'."]
        ]);
        expect(model?.roles[0].kind).toBe('district');
    });

    test('lists that may be written over several lines are not duplicates', async () => {
        await expectCore('map M "M"\nrole A\nrole B\nteam T {\n  members A\n  members B\n}\ndomain D {\n  decision X { decide A }\n  decision Y {\n    decide A\n    after X\n    after X\n  }\n}\n', []);
    });

    test('the map\'s status and a decision\'s status are not one property twice', async () => {
        await expectCore('map M "M"\nstatus draft\nrole R\ndomain D { decision X { decide R  status ratified } }\n', []);
    });
});

group('invalid-value', () => {
    test('release over 100%', async () => {
        await expectCore('map M "M"\nrole R {\n  release 150%\n}\n', [
            { code: 'invalid-value', line: 3, element: 'M.R', says: /Release time of 150% is more than the whole working week/ }
        ]);
    });

    test('seats that are not whole', async () => {
        await expectCore('map M "M"\nrole R { seats 2.5 }\n', [
            { code: 'invalid-value', line: 2, element: 'M.R', says: /'seats 2.5' is not a whole number of positions\. Write how many people can hold the role, such as 'seats 3'/ }
        ]);
    });

    test('votes that cannot be reached or mean nothing', async () => {
        await expectCore('map M "M"\nrole R\nteam A { members R  rule vote 3/2 }\nteam B { members R  rule vote 0/3 }\nteam C { members R  rule vote 2/0 }\n', [
            { code: 'invalid-value', line: 3, element: 'M.A', says: /'vote 3\/2' is not a share of the members a vote could reach/ },
            { code: 'invalid-value', line: 4, element: 'M.B', says: /'vote 0\/3'/ },
            { code: 'invalid-value', line: 5, element: 'M.C', says: /'vote 2\/0'/ }
        ]);
    });

    test('100%, unanimous 3/3 and whole seats are fine', async () => {
        await expectCore('map M "M"\nrole R { release 100%  seats 4 }\nteam T { members R  rule vote 3/3 }\n', []);
    });
});

group('the examples carry none of the core findings', () => {
    const repo = fileURLToPath(new URL('../../../../', import.meta.url));
    const examples = path.join(repo, 'examples');

    test('examples/ as one workspace', async () => {
        const workspace = await openWorkspace([examples], { cwd: repo });
        expect(workspace.documents.length).toBeGreaterThanOrEqual(9);
        const core = workspace.diagnostics.filter(d => (CORE_CODES as readonly string[]).includes(d.code));
        expect(core, describe(core)).toEqual([]);
    });

    test('every example folder on its own still links (nothing reaches outside its folder)', async () => {
        const folders = (await fs.readdir(examples, { withFileTypes: true })).filter(e => e.isDirectory()).map(e => path.join(examples, e.name));
        expect(folders.length).toBeGreaterThan(0);
        for (const folder of folders) {
            const workspace = await openWorkspace([folder], { cwd: repo });
            const core = workspace.diagnostics.filter(d => (CORE_CODES as readonly string[]).includes(d.code));
            expect(core, `${folder}\n${describe(core)}`).toEqual([]);
        }
    });
});
