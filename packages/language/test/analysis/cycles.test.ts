import { describe, expect, test } from 'vitest';
import { checkRule } from './helpers.js';

describe('sequence-cycle', () => {
    test('fires once per loop, on its first decision, naming the whole loop', async () => {
        const found = await checkRule('sequence-cycle', `map M
role P { kind administrator }
domain D {
  decision A "Set the goals" { decide P  after C }
  decision B "Write the plans" { decide P  after A }
  decision C "Set the budget" { decide P  after B }
  decision E "Review" { decide P  after A, B }
}`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'M.A' });
        expect(found[0].message).toContain("'Set the goals' comes after 'Set the budget', 'Set the budget' comes after 'Write the plans' and 'Write the plans' comes after 'Set the goals'");
    });

    test('finds a decision after itself', async () => {
        expect(await checkRule('sequence-cycle', 'map M\nrole P { kind administrator }\ndomain D { decision A "A" { decide P  after A } }')).toMatchObject([{ element: 'M.A' }]);
    });

    test('follows after links across maps', async () => {
        const found = await checkRule('sequence-cycle', [
            'map District\nrole S { kind district }\ndomain D { decision Calendar "Calendar" { decide S  after School.Release } }',
            'map School\nrole P { kind administrator }\ndomain D { decision Release "Release days" { decide P  after District.Calendar } }'
        ]);
        expect(found).toMatchObject([{ element: 'District.Calendar', file: 'a.remit' }]);
    });

    test('is silent on a chain', async () => {
        expect(await checkRule('sequence-cycle', 'map M\nrole P { kind administrator }\ndomain D { decision A "A" { decide P }  decision B "B" { decide P  after A }  decision C "C" { decide P  after A, B } }')).toEqual([]);
    });
});

describe('escalation-cycle', () => {
    test('fires on reporting lines that loop, naming the loop', async () => {
        const found = await checkRule('escalation-cycle', `map M
role Principal "Principal" { kind administrator  reports Director }
role Director "Director" { kind district  reports Principal }`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'M.Principal' });
        expect(found[0].message).toContain("'Principal' reports to 'Director' and 'Director' reports to 'Principal'");
    });

    test('fires on a decision escalating to its own final holder', async () => {
        const found = await checkRule('escalation-cycle', `map M
role Principal "Principal" { kind administrator  reports Director }
role Director "Director" { kind district }
domain D { decision X "X" { decide Principal  escalate Principal } }`);
        expect(found).toMatchObject([{ element: 'M.X' }]);
        expect(found[0].message).toContain("such as 'Director'");
    });

    test('across maps: a school decision escalating to the district role that decides it', async () => {
        const found = await checkRule('escalation-cycle', [
            'map District\nrole Superintendent { kind district }',
            'map School\nrole P { kind administrator }\ndomain D { decision X "X" { recommend P  decide District.Superintendent  escalate District.Superintendent } }'
        ]);
        expect(found).toMatchObject([{ element: 'School.X', file: 'b.remit' }]);
    });

    test('is silent on escalation upwards and on a reporting chain', async () => {
        expect(await checkRule('escalation-cycle', `map M
role Principal { kind administrator  reports Director }
role Director { kind district }
role Lead { kind teacher  reports Principal }
domain D { decision X "X" { decide Lead  escalate Principal } }`)).toEqual([]);
    });
});

describe('escalation-cycle through reporting lines', () => {
    test('fires when the escalation target reports to the decider', async () => {
        const found = await checkRule('escalation-cycle', `map M
role Principal "Principal" { kind administrator  reports Super }
role Assistant "Assistant principal" { kind administrator  reports Principal }
role Super "Superintendent" { kind district }
domain D { decision X "Set the duty rota" { decide Principal  escalate Assistant } }`);
        expect(found).toMatchObject([{ element: 'M.X' }]);
        expect(found[0].message).toContain("escalates to 'Assistant principal' (Assistant), who reports to 'Principal', who already has the final say");
        expect(found[0].message).toContain("such as 'Superintendent' (Super)");
    });

    test('a reporting loop is reported once, on the role, not again on each decision that escalates into it', async () => {
        const found = await checkRule('escalation-cycle', `map M
role A { kind administrator  reports B }
role B { kind administrator  reports A }
role Lead { kind teacher }
domain D { decision X "X" { decide Lead  escalate A } }`);
        expect(found.map(f => f.element)).toEqual(['M.A']);
    });
});
