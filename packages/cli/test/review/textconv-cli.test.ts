import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCHOOL_MAP, TempRepo } from '../../../language/test/diff/temp-repo.js';
import { remit, REMIT_BIN } from './run-remit.js';

let repo: TempRepo;

beforeEach(() => {
    repo = TempRepo.create();
    // The driver exactly as docs/git.md sets it up.
    repo.write('.gitattributes', '*.remit diff=remit\n');
    repo.git('config', 'diff.remit.textconv', `"${process.execPath}" "${REMIT_BIN}" textconv`);
    repo.write('oak.remit', SCHOOL_MAP);
    repo.commit('Oak map');
});

afterEach(() => repo.dispose());

/** The changed lines of a diff, without headers. */
function changedLines(diff: string): string[] {
    return diff.split('\n').filter(l => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l));
}

describe('git diff with the remit textconv driver', () => {
    test('a one-word change of level shows as authority lines', () => {
        repo.edit('oak.remit', '    consult Staff\n    decide Principal\n', '    consult Principal\n    decide Staff\n');
        expect(changedLines(repo.git('diff')).sort()).toEqual([
            '+Oak.Focus: consult Oak.Principal',
            '+Oak.Focus: decide Oak.Staff',
            '-Oak.Focus: consult Oak.Staff',
            '-Oak.Focus: decide Oak.Principal'
        ]);
    });

    test('phases show with each assignment', () => {
        repo.edit('oak.remit', 'decide ILT from Expansion', 'decide ILT from Initial');
        expect(changedLines(repo.git('diff'))).toEqual([
            '-Oak.Calendar: decide Oak.ILT (from Expansion)',
            '+Oak.Calendar: decide Oak.ILT (from Initial)'
        ]);
    });

    test('reformatting and comments show no change at all', () => {
        repo.write('oak.remit', `// new comment\n${SCHOOL_MAP.replace(/\n  /g, '\n      ')}`);
        expect(changedLines(repo.git('diff'))).toEqual([]);
    });

    test('a file that does not parse is shown as raw text, so git diff still works', () => {
        repo.edit('oak.remit', 'decide Lead', 'decide Lead {');
        expect(changedLines(repo.git('diff'))).toContain('+    decide Lead {');
        const direct = remit(['textconv', 'oak.remit'], repo.root);
        expect(direct.code).toBe(0);
        expect(direct.stdout).toBe(repo.read('oak.remit'));
        expect(direct.stderr).toMatch(/^remit textconv: oak\.remit:\d+:\d+: .+Showing the text as it is\.\n$/);
    });

    test('facts are sorted and one per line', () => {
        const lines = remit(['textconv', 'oak.remit'], repo.root).stdout.trimEnd().split('\n');
        expect(lines).toEqual([...lines].sort());
        expect(lines).toContain('Oak.Calendar: decide Oak.Principal (until Expansion)');
        expect(lines).toContain('Oak.ILT: member Oak.Lead');
        expect(lines).toContain('Oak.Pacing: status ratified');
    });
});
