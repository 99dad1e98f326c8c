import { describe, expect, test } from 'vitest';
import { checkRule } from './helpers.js';

/** A map where `Lead` alone recommends in `n` decisions decided by a principal with a backup. */
function recommending(n: number, lead = 'role Lead "Literacy lead" { kind teacher }'): string {
    const decisions = Array.from({ length: n }, (_, i) => `  decision D${i} "Decision ${i}" { recommend Lead  decide Principal }`).join('\n');
    return `map M
role Principal { kind administrator  backup Deputy }
role Deputy { kind administrator }
${lead}
domain D {
${decisions}
}`;
}

describe('overloaded-role', () => {
    test('fires on a teacher who alone carries more than 3 decisions, on the role', async () => {
        expect(await checkRule('overloaded-role', recommending(3))).toEqual([]);
        const found = await checkRule('overloaded-role', recommending(4));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'M.Lead', line: 4 });
        expect(found[0].message).toContain('4 decisions');
    });

    test('release time raises the limit by one per 5%', async () => {
        expect(await checkRule('overloaded-role', recommending(5, 'role Lead { kind teacher  release 10% }'))).toEqual([]);
        expect(await checkRule('overloaded-role', recommending(6, 'role Lead { kind teacher  release 10% }'))).toHaveLength(1);
        expect(await checkRule('overloaded-role', recommending(5, 'role Lead { kind teacher  release 9% }'))).toHaveLength(1);
    });

    test('counts vetoes and final say, not consulting', async () => {
        const map = `map M
role Principal { kind administrator  backup Deputy }
role Deputy { kind administrator }
role Lead { kind teacher }
domain D {
  decision A "A" { recommend Lead  decide Principal }
  decision B "B" { agree Lead  decide Principal }
  decision C "C" { decide Lead }
  decision E "E" { consult Lead  decide Principal }
  decision F "F" { inform Lead  decide Principal }
}`;
        expect(await checkRule('overloaded-role', map)).toEqual([]);
        expect(await checkRule('overloaded-role', map.replace('consult Lead', 'recommend Lead'))).toHaveLength(1);
    });

    test('shared and team assignments do not count', async () => {
        const map = `map M
role Principal { kind administrator  backup Deputy }
role Deputy { kind administrator }
role Lead { kind teacher }
role Other { kind teacher }
team T { members Lead, Other  rule consensus }
domain D {
  decision A "A" { recommend Lead, Other  decide Principal }
  decision B "B" { recommend T  decide Principal }
  decision C "C" { recommend Other  decide T }
  decision E "E" { recommend Lead  recommend Other  decide Principal }
  decision F "F" { recommend Lead  decide Principal }
}`;
        expect(await checkRule('overloaded-role', map)).toEqual([]);
    });

    test('only teacher roles', async () => {
        expect(await checkRule('overloaded-role', recommending(6, 'role Lead { kind staff }'))).toEqual([]);
    });

    test('counts decisions of other maps, and reports in the role\u2019s map', async () => {
        const district = 'map District\nrole Coach "Coach" { kind teacher }';
        const school = `map School\nrole P { kind administrator  backup Q }\nrole Q { kind administrator }\ndomain D {\n${[1, 2, 3, 4].map(i => `  decision D${i} "D${i}" { recommend District.Coach  decide P }`).join('\n')}\n}`;
        expect(await checkRule('overloaded-role', [district, school])).toMatchObject([{ file: 'a.remit', element: 'District.Coach' }]);
    });

    test('thresholds come from remit.json', async () => {
        const config = '{ "rules": { "overloaded-role": { "maxDecisions": 5, "severity": "error" } } }';
        expect(await checkRule('overloaded-role', recommending(5), config)).toEqual([]);
        expect(await checkRule('overloaded-role', recommending(6), config)).toMatchObject([{ severity: 'error' }]);
        const perRelease = '{ "rules": { "overloaded-role": { "releasePercentPerDecision": 10 } } }';
        expect(await checkRule('overloaded-role', recommending(5, 'role Lead { kind teacher  release 10% }'), perRelease)).toHaveLength(1);
    });
});

/** A map of `admin` decisions by the principal and `other` by a teacher. */
function decided(admin: number, other: number): string {
    const lines = [
        ...Array.from({ length: admin }, (_, i) => `  decision A${i} "Admin ${i}" { consult Lead  decide Principal }`),
        ...Array.from({ length: other }, (_, i) => `  decision T${i} "Teacher ${i}" { decide Lead }`)
    ];
    return `map M "Central"\nrole Principal { kind administrator  backup Deputy }\nrole Deputy { kind administrator }\nrole Lead { kind teacher  release 40% }\ndomain D {\n${lines.join('\n')}\n}`;
}

describe('concentrated-authority', () => {
    test('fires when more than 80% of 5 or more decisions are administrators\u2019 alone, on the map', async () => {
        const found = await checkRule('concentrated-authority', decided(5, 1));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'M', line: 1 });
        expect(found[0].message).toContain('5 of 6 decisions');
    });

    test('is silent at exactly 80%, and below 5 decisions', async () => {
        expect(await checkRule('concentrated-authority', decided(4, 1))).toEqual([]);
        expect(await checkRule('concentrated-authority', decided(4, 0))).toEqual([]);
        expect(await checkRule('concentrated-authority', decided(5, 0))).toHaveLength(1);
    });

    test('a decision handed over to teachers in a later phase is not concentrated', async () => {
        const map = decided(5, 1).replace('role Principal', 'phases { Early Late }\nrole Principal')
            .replace('{ consult Lead  decide Principal }', '{ consult Lead from Early  decide Principal until Late  decide Lead from Late }');
        expect(await checkRule('concentrated-authority', map)).toEqual([]);
    });

    test('thresholds come from remit.json', async () => {
        expect(await checkRule('concentrated-authority', decided(4, 2), '{ "rules": { "concentrated-authority": { "maxAdministratorShare": 60 } } }')).toHaveLength(1);
        expect(await checkRule('concentrated-authority', decided(4, 0), '{ "rules": { "concentrated-authority": { "minDecisions": 4 } } }')).toHaveLength(1);
        expect(await checkRule('concentrated-authority', decided(5, 0), '{ "rules": { "concentrated-authority": "off" } }')).toEqual([]);
    });
});

describe('single-point-of-failure', () => {
    const map = (head: string) => `map M
${head}
role Lead { kind teacher }
domain A { decision A1 "A1" { consult Lead  decide Head } }
domain B { decision B1 "B1" { consult Lead  decide Head } }
domain C { decision C1 "C1" { consult Lead  decide Head } }`;

    test('fires, as a hint on the role, when one person without backup alone decides in 3 domains', async () => {
        const found = await checkRule('single-point-of-failure', map('role Head "Head" { kind administrator  holders "E. Lind" }'));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'hint', element: 'M.Head', line: 2 });
    });

    test('is silent with a backup, two holders, two seats, or two domains', async () => {
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator  backup Lead }'))).toEqual([]);
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator  holders "A", "B" }'))).toEqual([]);
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator  seats 2 }'))).toEqual([]);
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator }').replace(/domain C .*$/m, 'domain C { decision C1 "C1" { decide Lead } }'))).toEqual([]);
    });

    test('a shared final say does not count', async () => {
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator }').replace(/decide Head/g, 'decide Head, Lead  pattern collaborative'))).toEqual([]);
    });

    test('minDomains comes from remit.json', async () => {
        expect(await checkRule('single-point-of-failure', map('role Head { kind administrator }'), '{ "rules": { "single-point-of-failure": { "minDomains": 4 } } }')).toEqual([]);
    });
});
