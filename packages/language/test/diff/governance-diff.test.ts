import { describe, expect, test } from 'vitest';
import { authorityFacts, diffSources, renderDiff } from '@remit/language';

/** Part 2 of the language in the diff and textconv: cases, fallbacks, rule steps, advisory members, tight/loose, overrides. */
const district = `map Pine "Pine district"
role Super "Superintendent" { kind district }
domain D { loose
  decision Cal "Calendar" { decide Super }
  decision Tests "Tests" { tight  decide Super }
}
`;

const before = `map Ash "Ash"
under Pine
role Head "Head" { kind administrator }
role Lead "Lead" { kind teacher  requires "Training" }
role Board "Board" { kind district }
team Council "Council" { members Lead  advisory Head  rule consensus then majority }
domain D "D" {
  decision Buy "Buy" {
    decide Head when "up to $5,000"
    decide Board when "over $5,000"
    fallback "Status quo"
    overrides Pine.Cal
  }
}
`;

const after = `map Ash "Ash"
under Pine
role Head "Head" { kind administrator }
role Lead "Lead" { kind teacher  requires "Council training" }
role Board "Board" { kind district }
team Council "Council" { members Lead, Head  rule consensus then chair  chair Head }
domain D "D" {
  decision Buy "Buy" {
    decide Head when "up to $10,000"
    decide Board when "over $10,000"
    fallback "Status quo" by "1 November"
    loose
  }
}
`;

describe('the diff of part 2', () => {
    test('reports a change of case, fallback, rule steps, advisory members, requires, tight/loose and overrides', async () => {
        const diff = await diffSources(
            [{ uri: 'file:///a/pine.remit', text: district }, { uri: 'file:///a/ash.remit', text: before }],
            [{ uri: 'file:///a/pine.remit', text: district }, { uri: 'file:///a/ash.remit', text: after }]
        );
        const buy = diff.decisions.find(d => d.name === 'Ash.Buy')!;
        const props = Object.fromEntries(buy.properties.map(p => [p.property, [p.from, p.to]]));
        expect(props.cases).toEqual(['decide Ash.Board when "over $5,000"; decide Ash.Head when "up to $5,000"', 'decide Ash.Board when "over $10,000"; decide Ash.Head when "up to $10,000"']);
        expect(props.fallback).toEqual(['"Status quo"', '"Status quo" by "1 November"']);
        expect(props.binding).toEqual([undefined, 'loose']);
        expect(props.overrides).toEqual(['Pine.Cal', undefined]);
        const council = diff.holders.find(h => h.name === 'Ash.Council')!;
        const teamProps = Object.fromEntries(council.properties.map(p => [p.property, [p.from, p.to]]));
        expect(teamProps.rule).toEqual(['consensus then majority', 'consensus then chair']);
        expect(teamProps.advisory).toEqual(['Ash.Head', undefined]);
        const lead = diff.holders.find(h => h.name === 'Ash.Lead')!;
        expect(lead.properties).toEqual([expect.objectContaining({ property: 'requires', from: 'Training', to: 'Council training' })]);
        expect(renderDiff(diff, 'text')).toContain('up to $10,000');
    });

    test('textconv gives one fact per line for every new construct', () => {
        const { lines } = authorityFacts(before);
        expect(lines).toEqual(expect.arrayContaining([
            'Ash: under Pine',
            'Ash.Lead: requires "Training"',
            'Ash.Council: advisory member Ash.Head',
            'Ash.Council: rule consensus then majority',
            'Ash.Buy: decide Ash.Head (when "up to $5,000")',
            'Ash.Buy: fallback "Status quo"',
            'Ash.Buy: overrides Pine.Cal'
        ]));
        expect(authorityFacts(district).lines).toEqual(expect.arrayContaining(['Pine.D: loose', 'Pine.Cal: loose', 'Pine.Tests: tight']));
    });
});
