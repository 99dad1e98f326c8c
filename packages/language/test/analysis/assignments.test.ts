import { describe, expect, test } from 'vitest';
import { check as checkAll, checkRule } from './helpers.js';

/** The diagnostics of the three assignment rules only. */
async function check(text: string) {
    const codes = ['duplicate-assignment', 'redundant-assignment', 'veto-over-own-decision'];
    return (await checkAll(text)).filter(d => codes.includes(d.code));
}

const ROLES = `
role Principal "Principal" { kind administrator }
role Lead "Grade lead" { kind teacher }
role Rep "Association rep" { kind teacher }
team ILT "ILT" { members Lead, Principal  rule consensus }
`;

describe('duplicate-assignment', () => {
    test('fires on a holder listed twice at one level, at the repeated line', async () => {
        const found = await checkRule('duplicate-assignment', `map M\n${ROLES}\ndomain D { decision X "X" {\n  consult Lead\n  decide Principal\n  consult Lead\n} }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'M.X', line: 11 });
    });

    test('fires on a repeat within one line', async () => {
        expect(await checkRule('duplicate-assignment', `map M\n${ROLES}\ndomain D { decision X "X" { consult Lead, Lead  decide Principal } }`)).toHaveLength(1);
    });

    test('is silent when the two lines apply in different phases, and fires when they overlap', async () => {
        const map = (bounds: string) => `map M\nphases { Early Late }\n${ROLES}\ndomain D { decision X "X" { consult Lead from Early until Late  consult Lead ${bounds}  decide Principal } }`;
        expect(await checkRule('duplicate-assignment', map('from Late'))).toEqual([]);
        expect(await checkRule('duplicate-assignment', map('until Late'))).toHaveLength(1);
    });
});

describe('redundant-assignment', () => {
    test('fires, as a hint, on a holder at two levels at once', async () => {
        const found = await checkRule('redundant-assignment', `map M\n${ROLES}\ndomain D { decision X "X" { recommend Lead  consult Lead  decide Principal } }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'hint', element: 'M.X' });
        expect(found[0].message).toContain("'recommend' and 'consult'");
    });

    test('is silent when the levels follow each other across a phase boundary', async () => {
        expect(await checkRule('redundant-assignment', `map M\nphases { Early Late }\n${ROLES}\ndomain D { decision X "X" { consult Lead from Early until Late  decide Lead from Late  decide Principal until Late } }`)).toEqual([]);
    });

    test('a team and its member are different holders', async () => {
        expect(await checkRule('redundant-assignment', `map M\n${ROLES}\ndomain D { decision X "X" { recommend ILT  decide Principal } }`)).toEqual([]);
    });
});

describe('veto-over-own-decision', () => {
    test('fires instead of redundant-assignment on the final and a veto level', async () => {
        const found = await check(`map M\n${ROLES}\ndomain D { decision X "X" { recommend Lead  agree Principal  decide Principal } }`);
        expect(found.map(f => [f.code, f.severity, f.element])).toEqual([['veto-over-own-decision', 'warning', 'M.X']]);
    });

    test('is silent when someone else holds the veto', async () => {
        expect(await check(`map M\n${ROLES}\ndomain D { decision X "X" { recommend Lead  agree Rep  decide Principal } }`)).toEqual([]);
    });

    test('with a third level both rules fire', async () => {
        const codes = (await check(`map M\n${ROLES}\ndomain D { decision X "X" { recommend Principal  agree Principal  decide Principal  consult Lead } }`)).map(f => f.code).sort();
        expect(codes).toEqual(['redundant-assignment', 'veto-over-own-decision']);
    });
});
