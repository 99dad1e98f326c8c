import { describe, expect, test } from 'vitest';
import { checkRule } from './helpers.js';

describe('unused-element', () => {
    test('fires, as a hint, on roles, teams, phases and own schemes nothing refers to', async () => {
        const found = await checkRule('unused-element', `map M
phases { Early Middle Late }
levels Advisory { propose  approve final }
role Principal { kind administrator  backup Assistant }
role Assistant { kind administrator }
role Counsellor { kind staff }
team Committee { members Principal  rule majority }
domain D { decision X "X" { decide Principal from Early until Late } }`);
        expect(found.map(f => [f.element, f.severity])).toEqual([
            ['M.Middle', 'hint'], ['M.Advisory', 'hint'], ['M.Counsellor', 'hint'], ['M.Committee', 'hint']
        ]);
    });

    test('built-in schemes, a used scheme, chairs, members and escalation targets are used', async () => {
        expect(await checkRule('unused-element', `map M
uses Advisory
levels Advisory { propose required  approve final }
role Head { kind administrator }
role Chair { kind teacher }
role Super { kind district }
team T { members Head  chair Chair  rule chair }
domain D { decision X "X" { propose T  approve Head  escalate Super } }`)).toEqual([]);
    });

    test('references from other maps count', async () => {
        expect(await checkRule('unused-element', [
            'map District\nrole Coach { kind teacher }\nlevels Shared { lead required  sign final }',
            'map School\nuses District.Shared\ndomain D { decision X "X" { lead District.Coach  sign District.Coach } }'
        ])).toEqual([]);
    });

    test('a role referring to itself is still unused', async () => {
        expect(await checkRule('unused-element', 'map M\nrole Lone { kind staff  backup Lone }')).toMatchObject([{ element: 'M.Lone' }]);
    });

    test('a misspelt reference is an error, and the element it meant is not reported as unused', async () => {
        expect(await checkRule('unused-element', 'map M\nrole Principal { kind administrator }\ndomain D { decision X "X" { decide Principl } }')).toEqual([]);
        expect(await checkRule('unused-element', 'map M\nrole Principal { kind administrator }\ndomain D { decision X "X" { decde Principal } }')).toEqual([]);
    });
});

describe('empty-domain', () => {
    test('fires on a domain without decisions, not on one that only groups others', async () => {
        const found = await checkRule('empty-domain', `map M
role P { kind administrator }
domain Outer { domain Inner { decision X "X" { decide P } } }
domain Empty "Nothing yet" { }`);
        expect(found).toMatchObject([{ element: 'M.Empty', severity: 'warning', line: 4 }]);
    });
});
