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
});
