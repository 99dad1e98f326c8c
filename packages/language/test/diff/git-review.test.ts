import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compareWithRevision, formatRemitText, InputError, renderDiff, splitRange, type AuthorityDiff } from '@remit/language';
import { SCHOOL_MAP, TempRepo } from './temp-repo.js';

let repo: TempRepo;

beforeEach(() => {
    repo = TempRepo.create();
    repo.write('maps/oak.remit', SCHOOL_MAP);
    repo.commit('Oak map');
});

afterEach(() => repo.dispose());

/** The last commit against the one before, as `remit diff --rev HEAD~1..HEAD` reads them. */
async function lastCommit(): Promise<AuthorityDiff> {
    return (await compareWithRevision({ cwd: repo.root, revision: 'HEAD~1..HEAD' })).diff;
}

function nonZero(diff: AuthorityDiff): Record<string, number> {
    return Object.fromEntries(Object.entries(diff.counts).filter(([, n]) => n !== 0));
}

describe('remit diff over git history', () => {
    test('a commit that only reformats and re-comments reports no change in authority', async () => {
        const formatted = formatRemitText(SCHOOL_MAP.replace(/\n  /g, '\n    ').replace('{ kind teacher }', '{\nkind teacher\n}'));
        repo.write('maps/oak.remit', `// Reviewed in March.\n${formatted.text!.replace('uses School', 'uses   School   // the default')}`);
        repo.commit('Reformat');
        const diff = await lastCommit();
        expect(diff.summary).toBe('No change in authority.');
        expect(nonZero(diff)).toEqual({});
        expect(diff.decisions).toEqual([]);
    });

    test('final authority moving from one holder to another is a transfer, and the old holder\'s new level is shown', async () => {
        repo.edit('maps/oak.remit', '    consult Staff\n    decide Principal\n', '    consult Staff, Principal\n    decide ILT\n');
        repo.commit('The ILT sets the focus');
        const diff = await lastCommit();
        expect(nonZero(diff)).toMatchObject({ decisionsChangedHands: 1 });
        expect(diff.summary).toMatch(/^1 decision changed hands\b/);
        const focus = diff.decisions.find(d => d.name === 'Oak.Focus')!;
        expect(focus.transfers).toEqual([{ span: undefined, from: ['Oak.Principal'], to: ['Oak.ILT'] }]);
        expect(focus.levels).toContainEqual({ holder: 'Oak.Principal', span: undefined, gained: ['consult'], lost: [] });
    });

    test('moving a phase bound shows the transfer in the phase it affects and the bound that moved', async () => {
        repo.edit('maps/oak.remit', 'decide Principal until Expansion\n    decide ILT from Expansion', 'decide Principal until Initial\n    decide ILT from Initial');
        repo.commit('Hand over the calendar a phase earlier');
        const calendar = (await lastCommit()).decisions.find(d => d.name === 'Oak.Calendar')!;
        expect(calendar.transfers).toEqual([{ span: 'in Initial', from: ['Oak.Principal'], to: ['Oak.ILT'] }]);
        expect(calendar.bounds).toEqual(expect.arrayContaining([
            { level: 'decide', holders: ['Oak.ILT'], from: { from: 'Expansion' }, to: { from: 'Initial' } },
            { level: 'decide', holders: ['Oak.Principal'], from: { until: 'Expansion' }, to: { until: 'Initial' } }
        ]));
    });

    test('renaming a phase is a map change, not a transfer; a transfer in the renamed phase still shows', async () => {
        repo.write('maps/oak.remit', SCHOOL_MAP.replaceAll('Expansion', 'Scale'));
        repo.commit('Rename a phase');
        const renamed = await lastCommit();
        expect(nonZero(renamed)).toEqual({ mapsChanged: 1 });
        expect(renamed.maps[0].properties).toContainEqual({ property: 'phases', from: 'Preparation, Initial, Expansion', to: 'Preparation, Initial, Scale' });

        repo.edit('maps/oak.remit', 'decide ILT from Scale', 'decide Deputy from Scale');
        repo.commit('The deputy takes over instead');
        const calendar = (await lastCommit()).decisions.find(d => d.name === 'Oak.Calendar')!;
        expect(calendar.transfers).toEqual([{ span: 'in Scale', from: ['Oak.ILT'], to: ['Oak.Deputy'] }]);
    });

    test('a removed decision is counted and listed with the authority that goes with it', async () => {
        repo.edit('maps/oak.remit', `  decision Pacing "Set the grade's pacing" {\n    recommend Staff\n    decide Lead\n    status ratified\n  }\n`, '');
        repo.commit('Drop pacing');
        const diff = await lastCommit();
        expect(nonZero(diff)).toEqual({ decisionsRemoved: 1 });
        expect(diff.summary).toBe('1 decision removed.');
        expect(diff.decisions[0]).toMatchObject({
            kind: 'removed', name: 'Oak.Pacing',
            authority: [{ level: 'recommend', holders: ['Oak.Staff'] }, { level: 'decide', holders: ['Oak.Lead'] }]
        });
    });

    test('renames are recognised by title (decisions, roles) and do not read as removals', async () => {
        repo.write('maps/oak.remit', SCHOOL_MAP.replace(/\bLead\b/g, 'GradeLead').replace('decision Focus', 'decision InstructionalFocus'));
        repo.commit('Clearer names');
        const diff = await lastCommit();
        expect(nonZero(diff)).toEqual({ decisionsRenamed: 1, rolesRenamed: 1 });
        expect(diff.holders).toEqual([expect.objectContaining({ kind: 'renamed', name: 'Oak.GradeLead', oldName: 'Oak.Lead' })]);
        expect(diff.decisions).toEqual([expect.objectContaining({ kind: 'renamed', name: 'Oak.InstructionalFocus', oldName: 'Oak.Focus', transfers: [] })]);
    });

    test('a decision renamed with a new title is still recognised by its authority', async () => {
        repo.edit('maps/oak.remit', `decision Pacing "Set the grade's pacing"`, 'decision GradePacing "Set the pacing of each grade"');
        repo.commit('Rename pacing');
        const diff = await lastCommit();
        expect(nonZero(diff)).toEqual({ decisionsRenamed: 1 });
        expect(diff.decisions[0].properties).toContainEqual({ property: 'title', from: "Set the grade's pacing", to: 'Set the pacing of each grade' });
    });

    test('roles and teams added, removed and changed are each counted', async () => {
        repo.edit('maps/oak.remit', 'role Staff "Teaching staff" { kind teacher }\n', 'role Staff "Teaching staff" { kind teacher }\nrole Coach "Coach" { kind teacher }\nrole Nurse "Nurse" { kind staff }\n');
        repo.edit('maps/oak.remit', 'role Deputy "Deputy head" { kind administrator  holders "D. Okafor" }\n', '');
        repo.edit('maps/oak.remit', '  backup Deputy\n', '');
        repo.edit('maps/oak.remit', 'members Lead, Principal', 'members Lead, Principal, Coach');
        repo.edit('maps/oak.remit', 'release 5%', 'release 10%');
        repo.commit('People');
        const diff = await lastCommit();
        expect(nonZero(diff)).toMatchObject({ rolesAdded: 2, rolesRemoved: 1, rolesChanged: 2, teamsChanged: 1 });
        expect(diff.summary).toMatch(/^1 role removed, 1 new problem, 5 other changes\.$/);
        expect(diff.overview.find(r => r.category === 'other')!.detail).toBe('2 roles added, 2 roles changed, 1 team changed');
        expect(diff.holders.find(h => h.name === 'Oak.Lead')!.properties).toEqual([{ property: 'release', from: '5%', to: '10%' }]);
        expect(diff.holders.find(h => h.name === 'Oak.ILT')!.properties).toEqual([{ property: 'members', from: 'Oak.Lead, Oak.Principal', to: 'Oak.Coach, Oak.Lead, Oak.Principal' }]);
        expect(diff.holders[0]).toMatchObject({ kind: 'removed', name: 'Oak.Deputy' });
    });

    test('status and source changes are reported per decision', async () => {
        repo.edit('maps/oak.remit', 'source "Board policy 4"', 'source "Board policy 4, 2026 revision"\n    status ratified');
        repo.commit('Ratify the calendar');
        const diff = await lastCommit();
        expect(nonZero(diff)).toEqual({ decisionsChanged: 1, statusChanges: 1, sourceChanges: 1 });
        expect(diff.decisions[0].properties).toEqual([
            { property: 'status', from: 'draft', to: 'ratified' },
            { property: 'source', from: 'Board policy 4', to: 'Board policy 4, 2026 revision' }
        ]);
    });

    test('phase durations and the scheme a map uses are map changes; level definitions are scheme changes', async () => {
        repo.write('maps/levels.remit', 'map Levels "Levels"\nuses Advice\n\nlevels Advice "Advice" {\n  propose "Proposes" required\n  approve "Approves" final\n}\n');
        repo.commit('A scheme');
        repo.edit('maps/levels.remit', 'propose "Proposes" required', 'propose "Proposes"\n  object "Objects" veto');
        repo.edit('maps/oak.remit', 'Expansion "Expansion" 2..3 years', 'Expansion "Expansion" 3..4 years');
        repo.commit('Schemes and phases');
        const diff = await lastCommit();
        expect(nonZero(diff)).toEqual({ mapsChanged: 1, schemesChanged: 1, levelsAdded: 1 });
        expect(diff.maps[0].properties).toEqual([{ property: 'phase Expansion', from: '"Expansion" 2..3 years', to: '"Expansion" 3..4 years' }]);
        expect(diff.schemes[0].properties).toEqual([
            { property: 'level propose', from: '"Proposes" required', to: '"Proposes"' },
            { property: 'level object', to: '"Objects" veto' }
        ]);
        expect(renderDiff(diff, 'text')).toContain('level object added: "Objects" veto');
        expect(diff.overview.find(r => r.category === 'other')!.detail).toBe('1 map changed, 1 level added');
    });

    test('problems the change introduces and resolves are listed apart', async () => {
        repo.edit('maps/oak.remit', '    decide Lead\n', '    decide Lead, Principal\n');
        repo.commit('Two deciders');
        const introduced = await lastCommit();
        expect(introduced.problems.introduced.map(p => [p.code, p.element])).toContainEqual(['multiple-final-authority', 'Oak.Pacing']);
        expect(introduced.problems.resolved).toEqual([]);
        expect(introduced.summary).toMatch(/new problem/);

        repo.edit('maps/oak.remit', '    decide Lead, Principal\n', '    decide Lead\n');
        repo.commit('One decider again');
        const resolved = await lastCommit();
        expect(resolved.problems.resolved.map(p => p.code)).toContain('multiple-final-authority');
        expect(resolved.problems.introduced).toEqual([]);
    });

    test('the working tree is compared with HEAD by default, unsaved text included', async () => {
        repo.edit('maps/oak.remit', '    decide Lead\n', '    decide Principal\n');
        const { diff, markdown } = await compareWithRevision({ cwd: repo.root });
        expect(diff.counts.decisionsChangedHands).toBe(1);
        expect(markdown).toContain('### Remit: changes in authority');
        expect(markdown).toContain('Grade lead → **Principal**');

        const current = [{ uri: pathToFileURL(path.join(repo.root, 'maps/oak.remit')).href, text: SCHOOL_MAP }];
        const unsaved = await compareWithRevision({ cwd: repo.root, current });
        expect(unsaved.diff.summary).toBe('No change in authority.');
    });

    test('a map removed in the working tree reports each of its decisions removed', async () => {
        repo.remove('maps/oak.remit');
        repo.write('maps/other.remit', 'map Other "Other"\n');
        const { diff } = await compareWithRevision({ cwd: repo.root, revision: 'HEAD' });
        expect(nonZero(diff)).toMatchObject({ decisionsRemoved: 3, rolesRemoved: 4, teamsRemoved: 1, mapsRemoved: 1, mapsAdded: 1 });
    });

    test('REV1...REV2 shows only what the branch changed since it left REV1', async () => {
        const base = repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
        repo.git('checkout', '-q', '-b', 'feature');
        repo.edit('maps/oak.remit', '    decide Lead\n', '    decide Principal\n');
        repo.commit('Feature: principal decides pacing');
        repo.git('checkout', '-q', base);
        repo.edit('maps/oak.remit', 'source "Board policy 4"', 'source "Board policy 5"');
        repo.commit('Meanwhile on the base branch');
        const threeDots = (await compareWithRevision({ cwd: repo.root, revision: `${base}...feature` })).diff;
        expect(nonZero(threeDots)).toEqual({ decisionsChangedHands: 1 });
        const twoDots = (await compareWithRevision({ cwd: repo.root, revision: `${base}..feature` })).diff;
        expect(nonZero(twoDots)).toEqual({ decisionsChangedHands: 1, decisionsChanged: 1, sourceChanges: 1 });
    });

    test('splitRange reads one revision, two dots and three dots', () => {
        expect(splitRange('main')).toEqual({ first: 'main', mergeBase: false });
        expect(splitRange('main..')).toEqual({ first: 'main', second: 'HEAD', mergeBase: false });
        expect(splitRange('a...b')).toEqual({ first: 'a', second: 'b', mergeBase: true });
    });

    test('an unknown revision and a folder outside git are input errors in plain words', async () => {
        await expect(compareWithRevision({ cwd: repo.root, revision: 'no-such-branch' })).rejects.toThrow(InputError);
        await expect(compareWithRevision({ cwd: repo.root, revision: 'no-such-branch' })).rejects.toThrow(/'no-such-branch' is not a commit, branch or tag/);
        const outside = mkdtempSync(path.join(tmpdir(), 'remit-not-git-'));
        try {
            await expect(compareWithRevision({ cwd: outside })).rejects.toThrow(/not inside a git repository/);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });
});
