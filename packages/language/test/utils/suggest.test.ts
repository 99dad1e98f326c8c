import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { closestName, editDistance } from '@remit/language';

describe('names that were probably meant', () => {
    test('each kind of slip counts as one edit', () => {
        expect(editDistance('lead', 'lead')).toBe(0);
        expect(editDistance('laed', 'lead')).toBe(1);       // two letters swapped
        expect(editDistance('led', 'lead')).toBe(1);        // a letter missing
        expect(editDistance('leads', 'lead')).toBe(1);      // a letter too many
        expect(editDistance('lean', 'lead')).toBe(1);       // a letter wrong
        expect(editDistance('', 'abc')).toBe(3);
        expect(editDistance('principal', 'principle')).toBe(2);
    });

    test('a swapped pair of letters finds the intended role', () => {
        expect(closestName('GradeLaed', ['GradeLead', 'Principal', 'Staff'])).toBe('GradeLead');
        expect(closestName('Prinicpal', ['GradeLead', 'Principal'])).toBe('Principal');
    });

    test('case does not matter, and a name too far from every candidate suggests nothing', () => {
        expect(closestName('principal', ['Principal'])).toBe('Principal');
        expect(closestName('Superintendent', ['Principal', 'Staff'])).toBeUndefined();
    });

    test('a distance asked up to a bound is the distance, or the bound when it is that much or more', () => {
        const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'l', 'e', 'd'), maxLength: 14 });
        fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 16 }), (a, b, bound) => {
            expect(editDistance(a, b, bound)).toBe(Math.min(editDistance(a, b), bound));
        }), { numRuns: 3000 });
        expect(editDistance('district.literacylead', 's.decisionx', 3)).toBe(3);
    });
});
