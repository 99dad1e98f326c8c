import { describe, expect, test } from 'vitest';
import { authorityFacts } from '@remit/language';

const MAP = `map North "North School"
phases { A "A"  B "B" }
role Head "Head" { kind administrator  holders "P. Doe"  reports Pinewood.Superintendent }
team Council "Council" { members Head, Pinewood.Board  rule vote 2/3 }
domain D "D" {
  domain Inner "Inner" {
    decision X "Decide X" {
      recommend Council, Head from A until B
      decide Head
      escalate Pinewood.Superintendent
      review "every two years"
      status proposed
    }
  }
}
`;

describe('textconv facts', () => {
    test('names are qualified by the file\'s map unless written with a map; every holder gets its own line', () => {
        const { lines } = authorityFacts(MAP);
        expect(lines).toEqual(expect.arrayContaining([
            'North.Head: reports Pinewood.Superintendent',
            'North.Council: member North.Head',
            'North.Council: member Pinewood.Board',
            'North.Council: rule vote 2/3',
            'North.X: recommend North.Council (from A until B)',
            'North.X: recommend North.Head (from A until B)',
            'North.X: decide North.Head',
            'North.X: escalate Pinewood.Superintendent',
            'North.X: review "every two years"',
            'North.X: decision "Decide X" (in North.Inner)',
            'North.Inner: domain "Inner" (in North.D)',
            'North.A: phase 1 "A"',
            'North.B: phase 2 "B"'
        ]));
        expect(lines).toEqual([...lines].sort());
    });

    test('layout, line endings and comments do not change the facts', () => {
        const reflowed = `// a comment\r\n${MAP.replace(/\n/g, '\r\n  ').replace('decide Head', 'decide /* who */ Head')}`;
        expect(authorityFacts(reflowed).lines).toEqual(authorityFacts(MAP).lines);
    });

    test('a file that does not parse gives its first error instead', () => {
        expect(authorityFacts('map M\nrole R "R" {\n').error).toMatchObject({ line: 2 });
    });
});
