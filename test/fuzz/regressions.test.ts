/**
 * Inputs the long fuzz runs (`npm run fuzz`) flagged, kept so that they stay fixed. Each
 * runs through the same pipeline and checks as a fuzz case.
 */
import { describe, expect, test } from 'vitest';
import { runCase } from './fuzz-case.js';

const CASES: Array<[string, string]> = [
    // grammarMaps #12830 of seed 20261205: a title with `//` in it was read by the check as a
    // comment, whose spacing the formatter then "changed".
    ['a title holding // is not a comment', '/**  */\nmap w\nuses RACI\nrole __ "/f//dNFOIl" { kind administrator release 118%  } // \nrole _ "Director\'s office" { kind teacher release 13% reports __ } // \n'],
    ['a title holding /* is not a comment', 'map w\nrole A "a /* b" { kind teacher }\nrole B "c */ d" { kind teacher } /* kept */\n']
];

describe('fuzz regressions', () => {
    test.each(CASES)('%s', async (_name, text) => {
        const result = await runCase(text, 0);
        expect(result.problems).toEqual([]);
        expect(result.formatted).toBe(true);
    });
});
