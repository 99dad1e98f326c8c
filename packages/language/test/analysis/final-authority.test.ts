import { describe, expect, test } from 'vitest';
import { check, checkRule } from './helpers.js';

const ROLES = `
role Principal "Principal" { kind administrator }
role Assistant "Assistant principal" { kind administrator }
role Lead "Grade lead" { kind teacher }
team ILT "Instructional Leadership Team" { members Lead, Principal  rule consensus }
`;

describe('no-final-authority', () => {
    test('fires on a decision nobody decides, as an error on the decision', async () => {
        const found = await checkRule('no-final-authority', `map M\n${ROLES}\ndomain D { decision Focus "Set the focus" { recommend Lead } }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'M.Focus', line: 8 });
        expect(found[0].message).toContain("'Set the focus'");
    });

    test('names the phases of a gap in a handover, once per run of phases', async () => {
        const found = await checkRule('no-final-authority', `map M
phases { Preparation Initial Expansion Institutionalization }
${ROLES}
domain D { decision Agenda "Set the agenda" {
  decide Principal until Expansion
  decide ILT from Institutionalization
} }`);
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/^From Expansion until Institutionalization nobody decides 'Set the agenda'/);
        expect(found[0].message).toContain("'decide <who> from Expansion until Institutionalization'");
    });

    test('reports separate gaps separately', async () => {
        const found = await checkRule('no-final-authority', `map M
phases { One Two Three }
${ROLES}
domain D { decision X "X" { decide Principal from Two until Three } }`);
        expect(found.map(f => f.message.split(' nobody')[0])).toEqual(['Until Two', 'From Three on']);
    });

    test('is silent on a clean handover (until is exclusive)', async () => {
        const found = await checkRule('no-final-authority', `map M
phases { Preparation Initial Expansion }
${ROLES}
domain D { decision Agenda "Set the agenda" { decide Principal until Expansion  decide ILT from Expansion } }`);
        expect(found).toEqual([]);
    });

    test('uses the final level of the scheme the map uses', async () => {
        expect(await checkRule('no-final-authority', `map M\nuses RACI\n${ROLES}\ndomain D { decision X "X" { responsible Lead  accountable Principal } }`)).toEqual([]);
        expect(await checkRule('no-final-authority', `map M\nuses RACI\n${ROLES}\ndomain D { decision X "X" { responsible Lead  consulted Principal } }`)).toHaveLength(1);
    });
});

describe('multiple-final-authority', () => {
    test('fires on two deciders at once', async () => {
        const found = await checkRule('multiple-final-authority', `map M\n${ROLES}\ndomain D { decision X "Build the timetable" { recommend Lead  decide Principal, Assistant } }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'M.X' });
        expect(found[0].message).toContain("'Assistant principal' (Assistant) and 'Principal' both hold 'decide'");
    });

    test('counts a team as one holder, and a team with its member as two', async () => {
        expect(await checkRule('multiple-final-authority', `map M\n${ROLES}\ndomain D { decision X "X" { decide ILT } }`)).toEqual([]);
        expect(await checkRule('multiple-final-authority', `map M\n${ROLES}\ndomain D { decision X "X" { decide ILT  decide Principal } }`)).toHaveLength(1);
    });

    test('is silent on a collaborative decision', async () => {
        expect(await checkRule('multiple-final-authority', `map M\n${ROLES}\ndomain D { decision X "X" { pattern collaborative  decide Principal, Assistant } }`)).toEqual([]);
    });

    test('finds an overlap in a handover and names its phases', async () => {
        const found = await checkRule('multiple-final-authority', `map M
phases { Preparation Initial Expansion }
${ROLES}
domain D { decision X "X" { decide Principal until Expansion  decide ILT from Initial  consult Lead from Preparation } }`);
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/^From Initial until Expansion, /);
    });

    test('the same holder twice is a duplicate, not a conflict', async () => {
        const found = await check(`map M\n${ROLES}\ndomain D { decision X "X" { decide Principal  decide Principal } }`);
        expect(found.map(f => f.code)).toContain('duplicate-assignment');
        expect(found.map(f => f.code)).not.toContain('multiple-final-authority');
    });
});

describe('missing-required-level', () => {
    test('fires when a required level has no holder, as a warning', async () => {
        const found = await checkRule('missing-required-level', `map M\nuses RAPID\n${ROLES}\ndomain D { decision X "X" { input Lead  decide Principal } }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'M.X' });
        expect(found[0].message).toContain("'recommend'");
    });

    test('is per phase', async () => {
        const found = await checkRule('missing-required-level', `map M\nuses DACI\nphases { Early Late }\n${ROLES}\ndomain D { decision X "X" { driver Lead from Late  approver Principal  contributor Lead from Early } }`);
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/^Until Late, nobody holds 'driver'/);
    });

    test('the School scheme requires nothing but a decider', async () => {
        expect(await checkRule('missing-required-level', `map M\n${ROLES}\ndomain D { decision X "X" { decide Principal } }`)).toEqual([]);
    });
});

describe('vacant-final-authority', () => {
    test('fires on a vacant decider, and on one with no seats', async () => {
        const found = await checkRule('vacant-final-authority', `map M
role Principal { kind administrator }
role Science "Science lead" { kind teacher  vacant }
role Arts "Arts lead" { kind teacher  seats 0 }
domain D {
  decision X "X" { recommend Principal  decide Science }
  decision Y "Y" { recommend Principal  decide Arts }
  decision Z "Z" { recommend Science  decide Principal }
}`);
        expect(found.map(f => [f.element, f.severity])).toEqual([['M.X', 'warning'], ['M.Y', 'warning']]);
    });
});

describe('team-without-rule', () => {
    test('fires on a deciding team without a rule, on the team', async () => {
        const found = await checkRule('team-without-rule', `map M
role Principal { kind administrator }
team ILT "ILT" { members Principal }
team Advisory "Advisory" { members Principal }
domain D { decision X "X" { recommend Advisory  decide ILT } }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'M.ILT', line: 3 });
    });

    test('is reported in the map of the team when another map gives it the final say', async () => {
        const found = await checkRule('team-without-rule', [
            'map District\nrole Lead { kind teacher }\nteam Network "Network" { members Lead }',
            'map School\nrole Principal { kind administrator }\ndomain D { decision X "X" { recommend Principal  decide District.Network } }'
        ]);
        expect(found).toMatchObject([{ file: 'a.remit', element: 'District.Network' }]);
    });
});

describe('misspelt names come first', () => {
    const map = (body: string) => `map M\nphases { Early Late }\n${ROLES}\ndomain D { decision X "X" { ${body} } }`;

    test('a misspelt decider is the finding, not the gap it leaves', async () => {
        const codes = (await check(map('recommend Lead  decide Principl  consult Lead from Early'))).map(d => d.code);
        expect(codes).toContain('unresolved-reference');
        expect(codes).not.toContain('no-final-authority');
    });

    test('a misspelt level or phase holds back every timeline rule of the decision', async () => {
        const codes = async (body: string) => (await check(map(body))).map(d => d.code).filter(c => c !== 'unused-element');
        expect(await codes('recommend Lead  decde Principal  consult Lead from Early')).toEqual(['unresolved-reference']);
        expect(await codes('recommend Lead  decide Principal until Lte  decide ILT from Early')).toEqual(['unresolved-reference']);
    });

    test('a misspelt name at another level does not hide a gap or a conflict', async () => {
        expect((await checkRule('no-final-authority', map('consult Laed  recommend Lead from Early until Late')))).toHaveLength(1);
        expect((await checkRule('multiple-final-authority', map('consult Laed from Early  decide Principal, Assistant')))).toHaveLength(1);
    });
});
