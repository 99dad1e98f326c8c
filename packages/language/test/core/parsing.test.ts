import { describe as group, expect, test } from 'vitest';
import { isDomain, isLevelScheme, isPhaseList, isRole, isTeam, type Decision, type Domain, type Role, type Team } from '@remit/language';
import { check, checkFiles, describe, withoutLocations } from './helpers.js';

/**
 * Checks that `text` parses and links cleanly: no error of the core rules. (Authority
 * findings such as a gap are another matter, tested with the authority analysis.)
 */
async function parsesCleanly(text: string) {
    const result = await check(text);
    const errors = result.core().filter(d => d.severity === 'error');
    expect(errors, describe(errors)).toEqual([]);
    return result;
}

const roles = (map: { elements: unknown[] }) => map.elements.filter(isRole as (n: unknown) => n is Role);
const teams = (map: { elements: unknown[] }) => map.elements.filter(isTeam as (n: unknown) => n is Team);
const domains = (map: { elements: unknown[] }) => map.elements.filter(isDomain as (n: unknown) => n is Domain);

group('map header', () => {
    test('name and title', async () => {
        const { ast, model } = await parsesCleanly('map Lakeside "Lakeside Elementary School"\n');
        expect(ast.name).toBe('Lakeside');
        expect(model?.title).toBe('Lakeside Elementary School');
    });

    test('without a title the name is the title', async () => {
        const { model } = await parsesCleanly('map Lakeside\n');
        expect(model?.title).toBe('Lakeside');
    });

    test('uses and status in either order', async () => {
        const a = await parsesCleanly('map M "M"\nuses RAPID\nstatus draft\n');
        const b = await parsesCleanly('map M "M"\nstatus draft\nuses RAPID\n');
        for (const { ast, model } of [a, b]) {
            expect(ast.scheme?.ref?.name).toBe('RAPID');
            expect(ast.status).toBe('draft');
            expect(model?.status).toBe('draft');
            expect(model?.scheme.name).toBe('RAPID');
        }
    });

    test('the map status is the default status of its decisions; a decision may override it', async () => {
        const { model } = await parsesCleanly(`map M "M"
status proposed
role R
domain D {
  decision A { decide R }
  decision B { decide R  status ratified }
}`);
        expect(model?.decisions.map(d => [d.name, d.status])).toEqual([['A', 'proposed'], ['B', 'ratified']]);
    });

    test('escaped quotes inside a title are kept', async () => {
        const { model } = await parsesCleanly('map M "The \\"North\\" campus"\n');
        expect(model?.title).toBe('The "North" campus');
    });
});

group('names and text', () => {
    test('names may start with a keyword and hold digits, _ and -', async () => {
        const { model } = await parsesCleanly(`map M "M"
role team-lead
role finalApprover
role Grade_6-Lead
domain D { decision X { decide team-lead  inform finalApprover, Grade_6-Lead } }`);
        expect(model?.roles.map(r => r.name)).toEqual(['team-lead', 'finalApprover', 'Grade_6-Lead']);
        expect(model?.decisions[0].assignments[1].holders).toEqual(['M.finalApprover', 'M.Grade_6-Lead']);
    });

    test('text in double quotes keeps escaped quotes and backslashes exactly once', async () => {
        const { model } = await parsesCleanly(String.raw`map M "M"
role R { holders "Dr. \"Sam\" Lee" }
domain D { decision X { decide R  source "\\\\district\\policies\\4.2"  review "every \"other\" year" } }`);
        expect(model?.roles[0].people).toEqual(['Dr. "Sam" Lee']);
        expect(model?.decisions[0].source).toBe(String.raw`\\district\policies\4.2`);
        expect(model?.decisions[0].review).toBe('every "other" year');
    });

    test('non-English titles and a byte-order mark at the start of the file', async () => {
        const { model } = await parsesCleanly('\uFEFFmap M "École Saint-Exupéry — “Nord” 学校"\nrole Directrice "Directrice d\'école"\n');
        expect(model?.title).toBe('École Saint-Exupéry — “Nord” 学校');
        expect(model?.roles[0].title).toBe("Directrice d'école");
    });

    test('decimal numbers in durations and release', async () => {
        const { model } = await parsesCleanly('map M "M"\nphases { P1 1.5..2 years }\nrole R { release 2.5% }\n');
        expect(model?.phases[0].duration).toEqual({ min: 1.5, max: 2, unit: 'years' });
        expect(model?.roles[0].release).toBe(2.5);
    });
});

group('levels', () => {
    test('levels with titles and every flag, in order', async () => {
        const { ast, model } = await parsesCleanly(`map M "M"
uses Own
levels Own "Our scheme" {
  propose "Drafts" required
  advise
  block "Can block" veto
  approve "Approves" final
  carry "Carries out"
}`);
        const scheme = ast.elements.find(isLevelScheme)!;
        expect(scheme.title).toBe('Our scheme');
        expect(scheme.levels.map(l => [l.name, l.final, l.veto, l.required])).toEqual([
            ['propose', false, false, true],
            ['advise', false, false, false],
            ['block', false, true, false],
            ['approve', true, false, false],
            ['carry', false, false, false]
        ]);
        expect(model?.scheme.qualifiedName).toBe('M.Own');
        expect(model?.scheme.builtin).toBe(false);
        expect(model?.scheme.levels.map(l => l.index)).toEqual([0, 1, 2, 3, 4]);
        expect(model?.scheme.levels[1].title).toBe('advise');
    });

    test('several flags on one level, in any order', async () => {
        const { ast } = await parsesCleanly('map M "M"\nuses S\nlevels S { decide required final }\n');
        const level = ast.elements.find(isLevelScheme)!.levels[0];
        expect([level.final, level.required, level.veto]).toEqual([true, true, false]);
    });
});

group('phases', () => {
    test('durations: ranges, single values, several units, none', async () => {
        const { model } = await parsesCleanly(`map M "M"
phases {
  Preparation "Preparation" 6..12 months
  Initial "Initial implementation" 1..2 years
  Pilot "Pilot" 1 term
  Short 3 weeks
  Institutionalization "Institutionalization"
}`);
        expect(model?.phases.map(p => [p.name, p.title, p.index, p.duration])).toEqual([
            ['Preparation', 'Preparation', 0, { min: 6, max: 12, unit: 'months' }],
            ['Initial', 'Initial implementation', 1, { min: 1, max: 2, unit: 'years' }],
            ['Pilot', 'Pilot', 2, { min: 1, max: undefined, unit: 'term' }],
            ['Short', 'Short', 3, { min: 3, max: undefined, unit: 'weeks' }],
            ['Institutionalization', 'Institutionalization', 4, undefined]
        ]);
        expect(model?.phases[0].qualifiedName).toBe('M.Preparation');
    });

    test('an empty phases block parses', async () => {
        const { ast } = await parsesCleanly('map M "M"\nphases { }\n');
        expect(ast.elements.find(isPhaseList)?.phases).toEqual([]);
    });
});

group('roles', () => {
    test('every property', async () => {
        const { model } = await parsesCleanly(`map M "M"
role Head "Head of school" { kind administrator }
role Deputy "Deputy" { kind administrator }
role Lead "Grade lead" {
  kind teacher
  holders "A. Rivera", "B. Chen"
  seats 6
  vacant
  release 5%
  backup Deputy
  reports Head
}`);
        const lead = model?.roles.find(r => r.name === 'Lead');
        expect(lead).toMatchObject({
            type: 'role', qualifiedName: 'M.Lead', title: 'Grade lead', kind: 'teacher',
            people: ['A. Rivera', 'B. Chen'], seats: 6, vacant: true, release: 5,
            backup: 'M.Deputy', reports: 'M.Head'
        });
    });

    test('properties in any order give the same role', async () => {
        const a = await parsesCleanly('map M "M"\nrole B\nrole R "R" { kind teacher  seats 2  release 10%  backup B }\n');
        const b = await parsesCleanly('map M "M"\nrole B\nrole R "R" { backup B  release 10%  seats 2  kind teacher }\n');
        expect(withoutLocations(b.model?.roles)).toEqual(withoutLocations(a.model?.roles));
    });

    test('one-line role with two properties', async () => {
        const { model } = await parsesCleanly('map M "M"\nrole SpecialAreasLead "Special areas lead" { kind teacher  release 5% }\n');
        expect(model?.roles[0]).toMatchObject({ kind: 'teacher', release: 5, vacant: false });
    });

    test('a role without braces, and one with an empty block', async () => {
        const { model } = await parsesCleanly('map M "M"\nrole A\nrole B "B" { }\n');
        expect(model?.roles.map(r => [r.name, r.title, r.kind, r.people])).toEqual([['A', 'A', undefined, []], ['B', 'B', undefined, []]]);
    });

    test('every role kind', async () => {
        const kinds = ['administrator', 'teacher', 'staff', 'student', 'family', 'community', 'district', 'external'];
        const text = `map M "M"\n${kinds.map((k, i) => `role R${i} { kind ${k} }`).join('\n')}\n`;
        const { model } = await parsesCleanly(text);
        expect(model?.roles.map(r => r.kind)).toEqual(kinds);
    });

    test('seats 0 and release 0% are allowed values', async () => {
        const { model } = await parsesCleanly('map M "M"\nrole R { seats 0  release 0% }\n');
        expect(model?.roles[0]).toMatchObject({ seats: 0, release: 0 });
    });
});

group('teams', () => {
    test('members (roles and teams), chair, rule', async () => {
        const { ast, model } = await parsesCleanly(`map M "M"
role Principal { kind administrator }
role Lead { kind teacher }
team Grade "Grade team" { members Lead  rule majority }
team ILT "Instructional Leadership Team" {
  members Lead, Principal, Grade
  chair Principal
  rule consensus
}`);
        const ilt = model?.teams.find(t => t.name === 'ILT');
        expect(ilt).toMatchObject({
            type: 'team', qualifiedName: 'M.ILT', title: 'Instructional Leadership Team',
            members: ['M.Lead', 'M.Principal', 'M.Grade'], chair: 'M.Principal', rule: { kind: 'consensus' }
        });
        expect(teams(ast).map(t => t.rule?.kind)).toEqual(['majority', 'consensus']);
    });

    test('every rule, including vote N/M', async () => {
        const { model } = await parsesCleanly(`map M "M"
role R
team A { members R  rule consensus }
team B { members R  rule majority }
team C { members R  rule unanimous }
team D { members R  chair R  rule chair }
team E { members R  rule vote 2/3 }`);
        expect(model?.teams.map(t => t.rule)).toMatchObject([
            { kind: 'consensus', needed: undefined, of: undefined },
            { kind: 'majority', needed: undefined, of: undefined },
            { kind: 'unanimous', needed: undefined, of: undefined },
            { kind: 'chair', needed: undefined, of: undefined },
            { kind: 'vote', needed: 2, of: 3 }
        ]);
        expect(model?.teams.map(t => t.rule?.steps.length)).toEqual([1, 1, 1, 1, 1]);
    });

    test('rule steps, advisory members and requires', async () => {
        const { model } = await parsesCleanly(`map M "M"
role R { kind teacher  requires "Council training" }
role P { kind administrator }
team A { members R  advisory P  rule consensus then majority  chair P  requires "Two years on staff" }
team B { members R  rule unanimous then vote 3/4 then chair  chair P }
team C { members A advisory P, R }`);
        expect(model?.roles[0].requires).toBe('Council training');
        expect(model?.teams[0]).toMatchObject({
            members: ['M.R'], advisory: ['M.P'], chair: 'M.P', requires: 'Two years on staff',
            rule: { kind: 'consensus', steps: [{ kind: 'consensus' }, { kind: 'majority' }] }
        });
        expect(model?.teams[1].rule?.steps).toEqual([
            { kind: 'unanimous', needed: undefined, of: undefined },
            { kind: 'vote', needed: 3, of: 4 },
            { kind: 'chair', needed: undefined, of: undefined }
        ]);
        expect(model?.teams[2]).toMatchObject({ members: ['M.A'], advisory: ['M.P', 'M.R'] });
    });

    test('members from another map by qualified name', async () => {
        const { model } = await checkFiles({
            'school.remit': 'map School "S"\nrole Head\nteam Board { members Head, District.Super, District.Cabinet  chair District.Super }\n',
            'district.remit': 'map District "D"\nrole Super\nteam Cabinet { members Super }\n'
        });
        expect(model?.teams[0]).toMatchObject({ members: ['School.Head', 'District.Super', 'District.Cabinet'], chair: 'District.Super' });
    });

    test('a team without a block', async () => {
        const { model } = await parsesCleanly('map M "M"\nteam T "Team"\n');
        expect(model?.teams[0]).toMatchObject({ name: 'T', members: [], rule: undefined });
    });
});

group('domains and decisions', () => {
    test('cases, fallback, tight and loose (on decisions and domains), overrides and under', async () => {
        const { models } = await checkFiles({
            'school.remit': `map School "S"
under District
role P { kind administrator }
domain D {
  decision Own "Own" {
    overrides District.Cal
    decide P when "  up to $5,000 "
    decide District.Board when "over $5,000"
    fallback "Status quo" by "1 November"
    loose
  }
}`,
            'district.remit': `map District "D"
phases { Early Later }
role Board
domain Loose { loose
  decision Cal "Calendar" { decide Board }
  decision Tight "Tight one" { tight  decide Board }
}
domain Plain { decision Mine "Mine" { decide Board  fallback "Nothing changes" } }`
        });
        const school = models.find(m => m.name === 'School')!;
        const district = models.find(m => m.name === 'District')!;
        expect(school.under).toBe('District');
        expect(school.underLocation?.range.start.line).toBe(1);
        const own = school.decisions[0];
        expect(own).toMatchObject({ overrides: 'District.Cal', fallback: 'Status quo', fallbackBy: '1 November', binding: 'loose' });
        expect(own.overridesLocation?.range.start.line).toBe(5);
        expect(own.assignments.map(a => a.when)).toEqual(['up to $5,000', 'over $5,000']);
        expect(district.under).toBeUndefined();
        expect(district.decisions.map(d => [d.name, d.binding, d.fallback])).toEqual([
            ['Cal', 'loose', undefined], ['Tight', 'tight', undefined], ['Mine', undefined, 'Nothing changes']
        ]);
        expect(district.domains.map(d => d.binding)).toEqual(['loose', undefined]);
    });

    test('nested domains: decisions keep their domain path, and are all in the map', async () => {
        const { model, ast } = await parsesCleanly(`map M "M"
role R
domain Outer "Outer" {
  decision A "A" { decide R }
  domain Inner "Inner" {
    decision B "B" { decide R }
    domain Deepest { decision C { decide R } }
  }
  decision E "E" { decide R }
}`);
        // In the order written, whatever the domain.
        expect(model?.decisions.map(d => [d.qualifiedName, d.domainPath])).toEqual([
            ['M.A', ['M.Outer']],
            ['M.B', ['M.Outer', 'M.Inner']],
            ['M.C', ['M.Outer', 'M.Inner', 'M.Deepest']],
            ['M.E', ['M.Outer']]
        ]);
        expect(model?.domains[0].decisions).toEqual(['M.A', 'M.E']);
        expect(model?.domains[0].domains[0].qualifiedName).toBe('M.Inner');
        expect(domains(ast)[0].domains[0].domains[0].decisions[0].name).toBe('C');
    });

    test('assignments with several holders, from, until, both, and until before from', async () => {
        const { model } = await parsesCleanly(`map M "M"
phases { P1 P2 P3 }
role A
role B
team T { members A, B  rule consensus }
domain D {
  decision X {
    recommend A, B, T
    consult A from P2
    decide A until P2
    decide T from P2 until P3
    decide B until P3 from P2
    inform A, B
  }
}`);
        const [x] = model!.decisions;
        expect(x.assignments.map(a => [a.level, a.holders, a.from, a.until])).toEqual([
            ['recommend', ['M.A', 'M.B', 'M.T'], undefined, undefined],
            ['consult', ['M.A'], 'P2', undefined],
            ['decide', ['M.A'], undefined, 'P2'],
            ['decide', ['M.T'], 'P2', 'P3'],
            ['decide', ['M.B'], 'P2', 'P3'],
            ['inform', ['M.A', 'M.B'], undefined, undefined]
        ]);
    });

    test('after (several), escalate (qualified), review, pattern, source, status', async () => {
        const { model } = await checkFiles({
            'school.remit': `map School "S"
role R
domain D {
  decision First { decide R }
  decision Second { decide R }
  decision Third "Third" {
    decide R
    after First, Second, District.Policy
    escalate District.Super
    review yearly
    pattern coordinated
    source "Board policy 4.2"
    status ratified
  }
}`,
            'district.remit': 'map District "D"\nrole Super\ndomain P { decision Policy { decide Super } }\n'
        });
        const third = model!.decisions.find(d => d.name === 'Third');
        expect(third).toMatchObject({
            title: 'Third', after: ['School.First', 'School.Second', 'District.Policy'], escalate: 'District.Super',
            review: 'yearly', pattern: 'coordinated', source: 'Board policy 4.2', status: 'ratified'
        });
    });

    test('review cadences and a review in words', async () => {
        const { model } = await parsesCleanly(`map M "M"
role R
domain D {
  decision A { decide R  review yearly }
  decision B { decide R  review termly }
  decision C { decide R  review monthly }
  decision E { decide R  review "every two years" }
}`);
        expect(model?.decisions.map(d => d.review)).toEqual(['yearly', 'termly', 'monthly', 'every two years']);
    });

    test('every pattern and every status', async () => {
        const patterns = ['collaborative', 'collective', 'coordinated', 'parallel'];
        const statuses = ['draft', 'proposed', 'ratified'];
        const text = `map M "M"\nrole R\ndomain D {\n${patterns.map((p, i) => `decision P${i} { decide R  pattern ${p}  status ${statuses[i % 3]} }`).join('\n')}\n}\n`;
        const { model } = await parsesCleanly(text);
        expect(model?.decisions.map(d => d.pattern)).toEqual(patterns);
        expect(model?.decisions.map(d => d.status)).toEqual(['draft', 'proposed', 'ratified', 'draft']);
    });

    test('an empty domain and an empty decision parse', async () => {
        const { ast } = await check('map M "M"\ndomain D "D" { }\ndomain E { decision X "X" { } }\n');
        expect(ast.elements.filter(isDomain).map(d => d.name)).toEqual(['D', 'E']);
        expect(domains(ast)[1].decisions[0].assignments).toEqual([]);
    });
});

group('comments and documentation', () => {
    test('/** doc */ comments reach the model of every kind of element', async () => {
        const { model } = await parsesCleanly(`/** The whole map. */
map M "M"
uses S

/** Our scheme. */
levels S {
  /** Makes the call. */
  decide final
}
phases {
  /** The first year. */
  P1
}
/**
 * The head.
 * Two lines.
 */
role R
/** The team. */
team T { members R }
/** A domain. */
domain D {
  /** A decision. */
  decision X { decide R }
}`);
        expect(model?.doc).toBe('The whole map.');
        expect(model?.schemes[0].doc).toBe('Our scheme.');
        expect(model?.schemes[0].levels[0].doc).toBe('Makes the call.');
        expect(model?.phases[0].doc).toBe('The first year.');
        expect(model?.roles[0].doc).toBe('The head.\nTwo lines.');
        expect(model?.teams[0].doc).toBe('The team.');
        expect(model?.domains[0].doc).toBe('A domain.');
        expect(model?.decisions[0].doc).toBe('A decision.');
    });

    test('plain // and /* */ comments are not documentation, and are ignored anywhere', async () => {
        const { model } = await parsesCleanly(`// a line comment
map M "M" // after the header
/* a block comment */
role R /* inside */ { kind /* between */ teacher } // trailing
domain D {
  // before a decision
  decision X { decide /* mid */ R }
}
/* at the end,
   over lines */`);
        expect(model?.doc).toBeUndefined();
        expect(model?.roles[0]).toMatchObject({ kind: 'teacher', doc: undefined });
        expect(model?.decisions[0]).toMatchObject({ doc: undefined, assignments: [expect.objectContaining({ level: 'decide', holders: ['M.R'] })] });
    });

    test('a comment-looking text inside a title stays in the title', async () => {
        const { model } = await parsesCleanly('map M "M"\nrole R "Lead // not a comment /* nor this */"\n');
        expect(model?.roles[0].title).toBe('Lead // not a comment /* nor this */');
    });
});

group('line breaks are not significant', () => {
    const spread = `map M "M"
phases { P1 P2 }
role Lead
role Head
domain D {
  decision X "X" {
    recommend Lead
    decide Head until P2
    decide Lead from P2
    review termly
    source "Minutes, 3 May"
  }
}
`;
    const oneLine = 'map M "M" phases { P1 P2 } role Lead role Head domain D { decision X "X" { recommend Lead  decide Head until P2  decide Lead from P2  review termly  source "Minutes, 3 May" } }';

    test('a whole map on one line gives the same model as the spread-out map', async () => {
        const a = await parsesCleanly(spread);
        const b = await parsesCleanly(oneLine);
        expect(withoutLocations(b.model)).toEqual(withoutLocations(a.model));
    });

    test('a decision on one line gives the same decision', async () => {
        const one = spread.replace(/decision X "X" \{[\s\S]*?\n  \}/, 'decision X "X" { recommend Lead  decide Head until P2  decide Lead from P2  review termly  source "Minutes, 3 May" }');
        expect(one).not.toBe(spread);
        const a = await parsesCleanly(spread);
        const b = await parsesCleanly(one);
        expect(withoutLocations(b.model?.decisions)).toEqual(withoutLocations(a.model?.decisions));
    });

    test('CRLF line endings parse like LF', async () => {
        const a = await parsesCleanly(spread);
        const b = await parsesCleanly(spread.replace(/\n/g, '\r\n'));
        expect(withoutLocations(b.model)).toEqual(withoutLocations(a.model));
    });
});

group('decision shape in the syntax tree', () => {
    test('assignment holders are references by name', async () => {
        const { ast } = await parsesCleanly('map M "M"\nrole A\nrole B\ndomain D { decision X { decide A  inform A, B } }\n');
        const decision: Decision = domains(ast)[0].decisions[0];
        expect(decision.assignments.map(a => [a.level.$refText, a.holders.map(h => h.$refText)])).toEqual([
            ['decide', ['A']],
            ['inform', ['A', 'B']]
        ]);
        expect(roles(ast).map(r => r.name)).toEqual(['A', 'B']);
    });
});
