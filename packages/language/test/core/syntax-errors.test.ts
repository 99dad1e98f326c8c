import { describe as group, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, checkFiles, describe, JARGON } from './helpers.js';

interface Case {
    name: string;
    text: string;
    /** 1-based line of the first syntax error. */
    line: number;
    /** What the first syntax error's message must say. */
    says: RegExp;
    /** The element the first syntax error is about, where the parser got far enough to know. */
    element?: string;
}

const CASES: Case[] = [
    {
        name: 'missing closing quote of a title',
        text: 'map M "Lakeside\nrole R\n',
        line: 1,
        says: /not closed.*closing double quote/
    },
    {
        name: 'missing closing quote of a holder\'s name',
        text: 'map M "M"\nrole R { holders "A. Rivera }\n',
        line: 2,
        says: /not closed.*closing double quote/
    },
    {
        name: 'missing closing brace before the next element',
        text: 'map M "M"\nrole A { kind teacher\nrole B { kind teacher }\n',
        line: 3,
        says: /role above is not closed: add '}' before 'role'/
    },
    {
        name: 'missing closing brace at the end of the file',
        text: 'map M "M"\nrole R\ndomain D {\n  decision X { decide R }\n',
        line: 4,
        says: /file ends before the domain is closed.*'}'/
    },
    {
        name: 'unknown property keyword in a role',
        text: 'map M "M"\nrole R {\n  kind teacher\n  colour red\n}\n',
        line: 4,
        says: /'colour' is not part of a role\. A role contains kind, holders, seats, vacant, release, backup and reports/,
        element: 'M.R'
    },
    {
        name: 'a decision property in a team',
        text: 'map M "M"\nrole R\nteam T {\n  members R\n  escalate R\n}\n',
        line: 5,
        says: /'escalate' is not part of a team\. A team contains members, chair and rule/,
        element: 'M.T'
    },
    {
        name: 'a team property in a decision',
        text: 'map M "M"\nrole R\ndomain D {\n  decision X {\n    decide R\n    members R\n  }\n}\n',
        line: 6,
        says: /'members' is not part of a decision/,
        element: 'M.X'
    },
    {
        name: 'a keyword used as a level name',
        text: 'map M "M"\nuses S\nlevels S {\n  review "Reviews"\n  decide final\n}\n',
        line: 4,
        says: /'review' is a keyword .* cannot be used as a name/
    },
    {
        name: 'a keyword used as a phase name',
        text: 'map M "M"\nphases {\n  P1\n  final\n}\n',
        line: 4,
        says: /'final' is a keyword .* cannot be used as a name/
    },
    {
        name: 'a keyword used as a role name',
        text: 'map M "M"\nrole team "The team"\n',
        line: 2,
        says: /'team' is a keyword .* cannot be used as a name/
    },
    {
        name: 'stray closing brace after the map',
        text: 'map M "M"\nrole R { kind teacher }\n}\n',
        line: 3,
        says: /closing brace '}' closes nothing/
    },
    {
        name: 'stray word after the map',
        text: 'map M "M"\nrole R\nhello\n',
        line: 3,
        says: /'hello' does not belong here\. A map contains levels, phases, role, team and domain blocks/
    },
    {
        name: 'a title without quotes in the header',
        text: 'map M Lakeside Elementary\n',
        line: 1,
        says: /if 'Lakeside' is part of a title, put the whole title in double quotes/
    },
    {
        name: 'a second map in one file',
        text: 'map A "A"\nrole R\nmap B "B"\n',
        line: 3,
        says: /A file holds one map.*file of its own/
    },
    {
        name: 'a decision outside any domain',
        text: 'map M "M"\nrole R\ndecision X { decide R }\n',
        line: 3,
        says: /decision must stand inside a domain/
    },
    {
        name: 'uses after the map\'s elements',
        text: 'map M "M"\nrole R\nuses RAPID\n',
        line: 3,
        says: /'uses' belongs in the map's header/
    },
    {
        name: 'an empty file',
        text: '',
        line: 1,
        says: /This file is empty\. A Remit file starts with its map/
    },
    {
        name: 'a file of only comments',
        text: '// nothing here yet\n/* still nothing */\n',
        line: 1,
        says: /starts with its map/
    },
    {
        name: 'a misspelt map keyword',
        text: 'mapp M "M"\n',
        line: 1,
        says: /A Remit file starts with its map.*found 'mapp'/
    },
    {
        name: 'a map without a name',
        text: 'map "Lakeside"\n',
        line: 1,
        says: /The map needs a name before its title/
    },
    {
        name: 'unknown role kind',
        text: 'map M "M"\nrole R {\n  kind wizard\n}\n',
        line: 3,
        says: /'wizard' is not a kind of role\. Use 'administrator', 'teacher', 'staff', 'student', 'family', 'community', 'district' or 'external'/,
        element: 'M.R'
    },
    {
        name: 'release without %',
        text: 'map M "M"\nrole R {\n  release 5\n}\n',
        line: 3,
        says: /release time .* percent sign, such as 'release 5%'/
    },
    {
        name: 'vote without a fraction',
        text: 'map M "M"\nrole R\nteam T { members R\n  rule vote 2 }\n',
        line: 4,
        says: /Write a vote as the share of members needed, such as 'vote 2\/3'/
    },
    {
        name: 'unknown team rule',
        text: 'map M "M"\nteam T { rule often }\n',
        line: 2,
        says: /'often' is not a way for a team to decide\. Use 'consensus', 'majority', 'unanimous', 'chair' or 'vote'/
    },
    {
        name: 'unknown duration unit',
        text: 'map M "M"\nphases {\n  P 6..12 fortnights\n}\n',
        line: 3,
        says: /'fortnights' is not a unit of time/
    },
    {
        name: 'unknown review cadence',
        text: 'map M "M"\nrole R\ndomain D { decision X {\n  decide R\n  review sometimes\n} }\n',
        line: 5,
        says: /'sometimes' is not a review cadence\. Use 'yearly', 'termly', 'monthly', 'weekly' or text in double quotes/
    },
    {
        name: 'unknown pattern',
        text: 'map M "M"\nrole R\ndomain D { decision X {\n  decide R\n  pattern mixed\n} }\n',
        line: 5,
        says: /'mixed' is not a distribution pattern/
    },
    {
        name: 'unknown status',
        text: 'map M "M"\nstatus final\n',
        line: 2,
        says: /'final' is not a status\. Use 'draft', 'proposed' or 'ratified'/
    },
    {
        name: 'from without a phase',
        text: 'map M "M"\nphases { P1 }\nrole R\ndomain D { decision X {\n  decide R from\n} }\n',
        line: 5,
        says: /^Name a phase after 'from', such as 'from Expansion'\.$/,
        element: 'M.X'
    },
    {
        name: 'backup without a role',
        text: 'map M "M"\nrole R { backup }\n',
        line: 2,
        says: /^Name a role after 'backup'/
    },
    {
        name: 'a list of members ending in a comma',
        text: 'map M "M"\nrole R\nteam T {\n  members R,\n  rule majority\n}\n',
        line: 4,
        says: /A comma must be followed by another name; remove the comma at the end of the list/
    },
    {
        name: 'a role without a name',
        text: 'map M "M"\nrole "Head of school"\n',
        line: 2,
        says: /^A role needs a name, such as: role Principal "Principal"\.$/
    },
    {
        name: 'a character that is not part of the language',
        text: 'map M "M"\nrole R # the head\n',
        line: 2,
        says: /The character '#' is not part of the Remit language.*comments start with '\/\/'/
    },
    {
        name: 'an unclosed block comment',
        text: 'map M "M"\nrole R\n/* forgot to close\n',
        line: 3,
        says: /'\*\/'/
    },
    {
        name: 'a title in single quotes',
        text: "map M \"M\"\nrole R 'Principal'\n",
        line: 2,
        says: /written in double quotes \("\), not single quotes/
    },
    {
        name: 'people\'s names without holders',
        text: 'map M "M"\nrole R {\n  kind teacher\n  "A. Rivera"\n}\n',
        line: 4,
        says: /Text in double quotes cannot stand here\. In a role, the names of people follow 'holders'/
    },
    {
        name: 'a domain title without quotes',
        text: 'map M "M"\ndomain Curriculum Curriculum and instruction {\n}\n',
        line: 2,
        says: /If 'Curriculum' is part of a title, put the whole title in double quotes/
    },
    {
        name: 'a team rule left empty',
        text: 'map M "M"\nrole R\nteam T { members R  rule }\n',
        line: 3,
        says: /^Expected a way for a team to decide here \('consensus', 'majority', 'unanimous', 'chair' or 'vote'\), but found '}'/
    },
    {
        name: 'a dot on its own',
        text: 'map M "M"\nrole R\ndomain D {\n  decision X { decide R . }\n}\n',
        line: 4,
        says: /^A '\.' joins a map's name to the name of one of its elements: write District\.Coach\.$/
    },
    {
        name: 'a dot in the name of a role',
        text: 'map M "M"\nrole Literacy.Lead { kind teacher }\n',
        line: 2,
        says: /^'Literacy\.Lead' cannot be the name of a role: a name is one word, without '\.'.*Write it as Literacy-Lead, or put the words in the title\.$/,
        element: 'M.Literacy.Lead'
    },
    {
        name: 'a decision name ending with a dot',
        text: 'map M "M"\nrole R\ndomain D {\n  decision Budget. { decide R }\n}\n',
        line: 4,
        says: /^'Budget\.' cannot be the name of a decision: a name does not end with '\.'\. Write 'Budget'\.$/
    },
    {
        name: 'a holder list ending in a comma',
        text: 'map M "M"\nrole R { holders "A", }\n',
        line: 2,
        says: /Expected text in double quotes here, but found '}'/
    }
];

group('malformed files give a clear syntax-error at the right line', () => {
    for (const c of CASES) {
        test(c.name, async () => {
            const { diagnostics } = await check(c.text);
            const syntax = diagnostics.filter(d => d.code === 'syntax-error');
            expect(syntax.length, describe(diagnostics)).toBeGreaterThan(0);
            const [first] = syntax;
            expect(first.severity).toBe('error');
            expect(first.line, describe(syntax)).toBe(c.line);
            expect(first.message).toMatch(c.says);
            if (c.element) expect(first.element).toBe(c.element);
            for (const d of syntax) {
                expect(d.message, d.message).not.toMatch(JARGON);
                // A sentence a person can read: starts with a capital or a quote, ends with a full stop.
                expect(d.message).toMatch(/^['A-Z]/);
                expect(d.message.trimEnd()).toMatch(/[.]$/);
            }
        });
    }
});

group('syntax errors do not repeat themselves as unresolved names', () => {
    test('a wrong pattern is one syntax error, not also an unknown level', async () => {
        const { diagnostics } = await check('map M "M"\nrole R\ndomain D { decision X {\n  decide R\n  pattern mixed\n} }\n');
        expect(diagnostics.filter(d => d.line === 5 && d.code === 'unresolved-reference'), describe(diagnostics)).toEqual([]);
    });

    test('a name ending with a dot says what to do: finish it, or remove the dot', async () => {
        const { diagnostics } = await checkFiles({
            'school.remit': 'map M "M"\nrole R\ndomain D {\n  decision X { decide R  inform District. }\n  decision Y { decide R. }\n  decision Z { decide Nobody. }\n}\n',
            'district.remit': 'map District "District"\nrole Coach\n'
        });
        expect(diagnostics.filter(d => d.code === 'syntax-error'), describe(diagnostics)).toEqual([]);
        const unresolved = diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(unresolved.map(d => [d.line, d.message])).toEqual([
            [4, `'District.' stops at the '.': write the name of a role or team of map District right after the '.', with no space in between.`],
            [5, `'R.' ends with a '.': remove it. A '.' only joins a map's name to the name of one of its elements, as in District.Coach.`],
            [6, `'Nobody.' ends with a '.', and no role or team is named 'Nobody' either. Remove the '.', and check the name.`]
        ]);
    });

    test('an unresolved name right before the end of a truncated file is still reported', async () => {
        const { diagnostics } = await check('map M "M"\ndomain D { decision X { decide Nobody');
        expect(diagnostics.map(d => d.code)).toEqual(expect.arrayContaining(['syntax-error', 'unresolved-reference']));
        expect(diagnostics.find(d => d.code === 'unresolved-reference')?.message).toMatch(/no role or team named 'Nobody'/);
    });
});

group('one mistake, one message', () => {
    test('a quote that is not closed is one error, not one more for each word after it', async () => {
        const { core, diagnostics } = await check('map M "Lakeside Elementary School\nrole A { holders "A. Rivera }\nrole B\n');
        expect(core().map(d => [d.line, d.code, d.message]), describe(diagnostics)).toEqual([
            [1, 'syntax-error', 'This text is not closed: add the closing double quote (") on the same line.'],
            [2, 'syntax-error', 'This text is not closed: add the closing double quote (") on the same line.']
        ]);
    });
});

group('a syntax error does not hide the rest of the file', () => {
    test('the model still holds what parsed, and other problems are still found', async () => {
        const { diagnostics, model } = await check('map M "M"\nrole A { kind wizard }\nrole B\ndomain D { decision X { decide Nobody } }\n');
        expect(model?.roles.map(r => r.name)).toEqual(['A', 'B']);
        expect(diagnostics.map(d => [d.line, d.code])).toEqual([[2, 'syntax-error'], [4, 'unresolved-reference']]);
    });
});

group('damaged real maps: every syntax message stays plain English', () => {
    const repo = fileURLToPath(new URL('../../../../', import.meta.url));
    const WORDS = /"(?:\\.|[^"\\\n])*"|[A-Za-z_][A-Za-z0-9_-]*|[0-9.]+|[{}%,/]/g;

    for (const example of ['examples/lakeside/lakeside.remit', 'examples/pinewood/district.remit']) {
        test(`${example} with words deleted, or a stray word inserted, here and there`, async () => {
            const text = readFileSync(path.join(repo, example), 'utf8');
            const words = [...text.matchAll(WORDS)];
            const step = Math.max(1, Math.ceil(words.length / 25));
            let withErrors = 0;
            for (let i = 0; i < words.length; i += step) {
                const { index = 0, 0: word } = words[i];
                const variants = [text.slice(0, index) + text.slice(index + word.length), `${text.slice(0, index)}zz ${text.slice(index)}`];
                for (const variant of variants) {
                    const { diagnostics } = await check(variant);
                    const syntax = diagnostics.filter(d => d.code === 'syntax-error');
                    if (syntax.length > 0) withErrors++;
                    for (const d of syntax) {
                        expect(d.message, `${example}, word ${i} '${word}'`).not.toMatch(JARGON);
                        expect(d.message).toMatch(/^['"A-Z]/);
                        expect(d.message.trimEnd()).toMatch(/[.]$/);
                        expect(d.line).toBeGreaterThanOrEqual(1);
                    }
                }
            }
            // Most damage is a syntax error (some, like a deleted title, is not).
            expect(withErrors).toBeGreaterThan(20);
        });
    }
});
