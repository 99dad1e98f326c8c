import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A throwaway git repository in a temp folder, with its own author, for tests that use real git. */
export class TempRepo {
    private constructor(readonly root: string) {}

    static create(): TempRepo {
        const root = mkdtempSync(path.join(tmpdir(), 'remit-review-'));
        const repo = new TempRepo(root);
        repo.git('init', '-q');
        repo.git('config', 'user.name', 'Remit Test');
        repo.git('config', 'user.email', 'test@example.org');
        repo.git('config', 'commit.gpgsign', 'false');
        repo.git('config', 'core.autocrlf', 'false');
        return repo;
    }

    git(...args: string[]): string {
        return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    }

    write(file: string, text: string): void {
        const full = path.join(this.root, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
    }

    read(file: string): string {
        return readFileSync(path.join(this.root, file), 'utf8');
    }

    /** Replaces text in a file; fails the test when the text is not there, so edits never silently miss. */
    edit(file: string, from: string, to: string): void {
        const text = this.read(file);
        if (!text.includes(from)) throw new Error(`${file} does not contain: ${from}`);
        this.write(file, text.replace(from, to));
    }

    remove(file: string): void {
        rmSync(path.join(this.root, file));
    }

    commit(message: string): string {
        this.git('add', '-A');
        this.git('commit', '-q', '--allow-empty', '-m', message);
        return this.git('rev-parse', 'HEAD').trim();
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}

/** A small school map with phases, a team and a gradual transfer: the base every test edits. */
export const SCHOOL_MAP = `/** The base map for review tests. */
map Oak "Oak School"
uses School
status draft

phases {
  Preparation "Preparation" 6..12 months
  Initial "Initial implementation" 1..2 years
  Expansion "Expansion" 2..3 years
}

role Principal "Principal" {
  kind administrator
  holders "A. Rivera"
  backup Deputy
}

role Deputy "Deputy head" { kind administrator  holders "D. Okafor" }
role Lead "Grade lead" { kind teacher  seats 4  release 5% }
role Staff "Teaching staff" { kind teacher }

team ILT "Instructional Leadership Team" {
  members Lead, Principal
  chair Principal
  rule consensus
}

domain Teaching "Teaching" {
  decision Focus "Set the instructional focus" {
    recommend ILT
    consult Staff
    decide Principal
    inform Staff
  }

  decision Calendar "Set the PD calendar" {
    recommend ILT until Expansion
    decide Principal until Expansion
    decide ILT from Expansion
    consult Principal from Expansion
    source "Board policy 4"
  }

  decision Pacing "Set the grade's pacing" {
    recommend Staff
    decide Lead
    status ratified
  }
}
`;
