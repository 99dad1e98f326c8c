import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TempRepo } from '../../../language/test/diff/temp-repo.js';
import { remit } from './run-remit.js';

/**
 * `remit diff --rev` over two real commits of a district and its schools, the second
 * changing each governance fact of part 2 of the language once: a decision's cases and
 * fallback, a team's advisory members and rule steps, what a role requires, a map's
 * `under`, `tight`/`loose` on a decision and on a domain, and `overrides`.
 */
const PINE = `map Pine "Pine district"
role Super "Superintendent" { kind district }
domain Policy "District policy" {
  loose
  decision Cal "Set the school calendar" { decide Super }
  decision Tests "Choose the district tests" {
    tight
    decide Super
  }
}
domain Transport "Transport" {
  decision Buses "Set the bus routes" { decide Super }
}
`;

const ASH = `map Ash "Ash School"
under Pine
role Head "Principal" { kind administrator }
role Lead "Grade lead" {
  kind teacher
  requires "Council training"
}
role Board "School board" { kind district }
team Council "School council" {
  members Lead
  advisory Head
  rule consensus then majority
}
domain Money "Money" {
  decision Buy "Approve purchases" {
    decide Head when "up to $5,000"
    decide Board when "over $5,000"
    fallback "The purchase waits" by "the next board meeting"
  }
  decision SchoolCal "Set Ash's calendar" {
    recommend Council
    decide Head
  }
}
`;

const ELM = `map Elm "Elm School"
role Head "Principal" { kind administrator }
domain Site "Site" {
  decision Rooms "Allocate rooms" { decide Head }
}
`;

let repo: TempRepo;
let first: string;
let second: string;

beforeAll(() => {
    repo = TempRepo.create();
    repo.write('maps/pine.remit', PINE);
    repo.write('maps/ash.remit', ASH);
    repo.write('maps/elm.remit', ELM);
    first = repo.commit('District and two schools');
    repo.edit('maps/pine.remit', '    tight\n    decide Super', '    loose\n    decide Super');
    repo.edit('maps/pine.remit', 'domain Transport "Transport" {\n', 'domain Transport "Transport" {\n  tight\n');
    repo.edit('maps/ash.remit', 'requires "Council training"', 'requires "Council training and a year on staff"');
    repo.edit('maps/ash.remit', '  members Lead\n  advisory Head\n  rule consensus then majority', '  members Lead, Head\n  chair Head\n  rule consensus then chair');
    repo.edit('maps/ash.remit', 'when "up to $5,000"', 'when "up to $10,000"');
    repo.edit('maps/ash.remit', 'when "over $5,000"', 'when "over $10,000"');
    repo.edit('maps/ash.remit', 'fallback "The purchase waits" by "the next board meeting"', 'fallback "The board decides" by "30 June"');
    repo.edit('maps/ash.remit', '  decision SchoolCal "Set Ash\'s calendar" {\n', '  decision SchoolCal "Set Ash\'s calendar" {\n    overrides Pine.Cal\n');
    repo.edit('maps/elm.remit', 'map Elm "Elm School"\n', 'map Elm "Elm School"\nunder Pine\n');
    second = repo.commit('Each governance fact changes once');
    // Then the deciders of both cases change, and the threshold's words with them.
    repo.edit('maps/ash.remit', 'decide Head when "up to $10,000"', 'decide Board when "up to $10,000"');
    repo.edit('maps/ash.remit', 'decide Board when "over $10,000"', 'decide Pine.Super when "over $10,000"');
    repo.commit('The board approves small purchases, the superintendent large ones');
});

afterAll(() => repo?.dispose());

describe('remit diff --rev over governance facts', () => {
    test('every commit checks without errors or warnings, so the diff reports changes, not problems', () => {
        const branch = repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
        for (const rev of [first, second, branch]) {
            repo.git('checkout', '-q', rev);
            const check = remit(['check', 'maps'], repo.root);
            expect(check.stdout.split('\n').at(-2), rev).toMatch(/^0 errors, 0 warnings, \d+ hints? in 3 files$/);
        }
    });

    test('the text report names each change in plain words, under the element it belongs to', () => {
        const run = remit(['diff', '--rev', `${first}..${second}`], repo.root);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const sections = run.stdout.split(/\n(?=\s{2}(?:changed|renamed|added|REMOVED) )/);
        const about = (label: string) => {
            const found = sections.filter(s => s.includes(label));
            expect(found, `one entry for ${label} in:\n${run.stdout}`).toHaveLength(1);
            return found[0];
        };
        expect(about('decision "Approve purchases" (Ash.Buy)')).toContain(
            '      cases: decide Ash.Board when "over $5,000"; decide Ash.Head when "up to $5,000" -> decide Ash.Board when "over $10,000"; decide Ash.Head when "up to $10,000"\n'
            + '      fallback: "The purchase waits" by "the next board meeting" -> "The board decides" by "30 June"');
        expect(about('decision "Set Ash\'s calendar" (Ash.SchoolCal)')).toContain('      overrides: (none) -> Pine.Cal');
        expect(about('decision "Choose the district tests" (Pine.Tests)')).toContain(
            '      tight or loose: tight (decided for every map under this one) -> loose (a default each map under this one may replace)');
        expect(about('decision "Set the bus routes" (Pine.Buses)')).toContain(
            '      tight or loose: neither (this map\'s own business) -> tight (decided for every map under this one)');
        const council = about('team "School council" (Ash.Council)');
        expect(council).toContain('      advisory members (no vote): Ash.Head -> (none)');
        expect(council).toContain('      rule: consensus then majority -> consensus then chair');
        expect(council).toContain('      applies to no decision yet: the team has the final say on none');
        expect(about('role "Grade lead" (Ash.Lead)')).toContain('      requires: Council training -> Council training and a year on staff');
        expect(about('map "Elm School" (Elm)')).toContain('      under: (none) -> Pine');
        expect(run.stdout).not.toMatch(/undefined|binding/);
        expect(run.stdout.split('\n')[0]).toBe('7 other changes.');
    });

    test('the JSON report carries each change as data', () => {
        const run = remit(['diff', '--rev', `${first}..${second}`, '--format', 'json'], repo.root);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const diff = JSON.parse(run.stdout) as {
            decisions: Array<{ name: string; kind: string; transfers: unknown[]; properties: Array<{ property: string; from?: string; to?: string }> }>;
            holders: Array<{ name: string; properties: Array<{ property: string; from?: string; to?: string }> }>;
            maps: Array<{ name: string; properties: Array<{ property: string; from?: string; to?: string }> }>;
        };
        const props = (list: Array<{ name: string; properties: Array<{ property: string; from?: string; to?: string }> }>, name: string) =>
            Object.fromEntries(list.find(e => e.name === name)!.properties.map(p => [p.property, [p.from ?? null, p.to ?? null]]));
        expect(props(diff.decisions, 'Ash.Buy')).toEqual({
            cases: ['decide Ash.Board when "over $5,000"; decide Ash.Head when "up to $5,000"', 'decide Ash.Board when "over $10,000"; decide Ash.Head when "up to $10,000"'],
            fallback: ['"The purchase waits" by "the next board meeting"', '"The board decides" by "30 June"']
        });
        expect(props(diff.decisions, 'Ash.SchoolCal')).toEqual({ overrides: [null, 'Pine.Cal'] });
        expect(props(diff.decisions, 'Pine.Tests')).toEqual({ binding: ['tight', 'loose'] });
        expect(props(diff.decisions, 'Pine.Buses')).toEqual({ binding: [null, 'tight'] });
        expect(props(diff.holders, 'Ash.Council')).toEqual({
            members: ['Ash.Lead', 'Ash.Head, Ash.Lead'],
            advisory: ['Ash.Head', null],
            chair: [null, 'Ash.Head'],
            rule: ['consensus then majority', 'consensus then chair']
        });
        expect(props(diff.holders, 'Ash.Lead')).toEqual({ requires: ['Council training', 'Council training and a year on staff'] });
        expect(props(diff.maps, 'Elm')).toEqual({ under: [null, 'Pine'] });
        // Nothing changed hands: the cases moved their threshold, not their holders.
        expect(diff.decisions.every(d => d.kind === 'changed' && d.transfers.length === 0)).toBe(true);
        expect(diff.decisions.map(d => d.name).sort()).toEqual(['Ash.Buy', 'Ash.SchoolCal', 'Pine.Buses', 'Pine.Tests']);
    });

    test('a decision with cases changes hands case by case, in text and JSON', () => {
        const text = remit(['diff', '--rev', 'HEAD~1..HEAD'], repo.root);
        expect(text.stderr).toBe('');
        expect(text.stdout.split('\n')[0]).toMatch(/^1 decision changed hands\b/);
        expect(text.stdout).toContain('  changed decision "Approve purchases" (Ash.Buy)\n'
            + '      final authority moved when "up to $10,000": Principal -> School board\n'
            + '      final authority moved when "over $10,000": School board -> Superintendent\n');
        const json = JSON.parse(remit(['diff', '--rev', 'HEAD~1..HEAD', '--format', 'json'], repo.root).stdout) as {
            decisions: Array<{ name: string; transfers: Array<{ case?: string; from: string[]; to: string[] }> }>;
        };
        expect(json.decisions.find(d => d.name === 'Ash.Buy')!.transfers).toEqual([
            { case: 'up to $10,000', from: ['Ash.Head'], to: ['Ash.Board'] },
            { case: 'over $10,000', from: ['Ash.Board'], to: ['Pine.Super'] }
        ]);
    });
});
