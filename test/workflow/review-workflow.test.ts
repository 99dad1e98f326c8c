import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The pull request workflow of docs/workflows/remit-review.yml: its structure (pinned
 * actions, no expression inside a shell command, remit check with SARIF, a comment that
 * survives a formatting failure, forks), and its steps run for real on a 100-map pull
 * request, the comment posted through a mock of GitHub's API that refuses bodies over
 * GitHub's limit of 65,536 characters.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workflowFile = path.join(root, 'docs/workflows/remit-review.yml');
const GITHUB_LIMIT = 65_536;

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, string>; env?: Record<string, string>; 'continue-on-error'?: boolean }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> }

const workflow = parse(readFileSync(workflowFile, 'utf8')) as Workflow;
const job = workflow.jobs.review;
const step = (name: string) => {
    const found = job.steps.find(s => s.name === name);
    if (!found) throw new Error(`The workflow has no step named '${name}'.`);
    return found;
};
const cliVersion = (JSON.parse(readFileSync(path.join(root, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

describe('the review workflow, as written', () => {
    test('every action is pinned to a commit, and no ${{ }} expression is inside a shell command', () => {
        const uses = job.steps.filter(s => s.uses).map(s => s.uses!);
        expect(uses.length).toBeGreaterThanOrEqual(4);
        for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        for (const s of job.steps.filter(s => s.run)) expect(s.run).not.toContain('${{');
    });

    test('remit-cli is installed by name, pinned to this version', () => {
        expect(job.env?.REMIT_VERSION).toBe(cliVersion);
        expect(step('Install remit').run).toContain('"remit-cli@$REMIT_VERSION"');
    });

    test('remit check runs with SARIF output, uploaded to code scanning, without stopping the job', () => {
        const check = step('Check the maps');
        expect(check.run).toMatch(/^remit check --format sarif > (\S+)$/);
        expect(check['continue-on-error']).toBe(true);
        const upload = job.steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
        expect(upload.with?.sarif_file).toBe(check.run!.split('> ')[1]);
        expect(workflow.permissions['security-events']).toBe('write');
    });

    test('the comment is posted even when formatting fails, and forks get the job summary instead', () => {
        expect(step('Formatting')['continue-on-error']).toBe(true);
        expect(step('What changed in authority').if).toContain('always()');
        expect(step('What changed in authority').run).toContain('>> "$GITHUB_STEP_SUMMARY"');
        const post = step('Post the summary on the pull request');
        expect(post.if).toContain('always()');
        expect(post.if).toContain("env.FROM_FORK != 'true'");
        expect(job.env?.FROM_FORK).toBe('${{ github.event.pull_request.head.repo.full_name != github.repository }}');
        expect(step('Verdict').if).toBe('always()');
    });
});

/** 100 maps, each a small school: what a district's repository looks like. */
function school(i: number, decide: string): string {
    const decisions = Array.from({ length: 6 }, (_, d) => `  decision D${d} "Decide on the ${['schedule', 'budget', 'curriculum', 'hiring plan', 'professional development', 'family events'][d]} of school ${i}, for every grade and every term" {
    recommend ILT
    consult Staff
    decide ${decide}
    inform Staff
  }`).join('\n\n');
    return `map S${i} "School number ${i}"

role Principal "Principal of school ${i}" { kind administrator }
role Lead "Grade lead" { kind teacher  seats 4 }
role Staff "Teaching staff" { kind teacher }

team ILT "Instructional Leadership Team of school ${i}" {
  members Lead, Principal
  chair Principal
  rule consensus
}

domain Work "The work of school ${i}" {
${decisions}
}
`;
}

describe('the review workflow, run on a 100-map pull request', () => {
    let work: string;
    let repo: string;
    const env = () => ({ ...process.env, PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, BASE_REF: 'main', GITHUB_STEP_SUMMARY: path.join(work, 'summary.md') });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

    beforeAll(() => {
        work = mkdtempSync(path.join(tmpdir(), 'remit-workflow-'));
        repo = path.join(work, 'repo');
        mkdirSync(path.join(work, 'bin'), { recursive: true });
        // `remit` on the path, as `npm install --global remit-cli` would put it.
        writeFileSync(path.join(work, 'bin', 'remit'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'packages/cli/bin/remit.js')}" "$@"\n`);
        chmodSync(path.join(work, 'bin', 'remit'), 0o755);
        mkdirSync(path.join(repo, 'maps'), { recursive: true });
        git('init', '-q', '-b', 'main');
        git('config', 'user.name', 'Remit Test');
        git('config', 'user.email', 'test@example.org');
        git('config', 'commit.gpgsign', 'false');
        for (let i = 0; i < 100; i++) writeFileSync(path.join(repo, 'maps', `s${i}.remit`), school(i, 'Principal'));
        git('add', '-A');
        git('commit', '-q', '-m', 'A hundred schools');
        git('update-ref', 'refs/remotes/origin/main', 'main');
        git('checkout', '-q', '-b', 'feature');
        for (let i = 0; i < 100; i++) writeFileSync(path.join(repo, 'maps', `s${i}.remit`), school(i, 'ILT').replace('\ndomain', '\n\n\ndomain'));
        git('add', '-A');
        git('commit', '-q', '-m', 'Every ILT decides (and the maps are not formatted)');
    }, 120_000);

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    function runStep(name: string, extra: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
        const result = spawnSync('bash', ['-e', '-c', step(name).run!], { cwd: repo, env: { ...env(), ...extra }, encoding: 'utf8', timeout: 120_000 });
        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    }

    /** GitHub's issue comments API, as actions/github-script hands it over; a body over the limit is refused as GitHub refuses it. */
    function mockGitHub() {
        const comments: Array<{ id: number; body: string }> = [];
        const refuse = (body: string) => {
            if (body.length > GITHUB_LIMIT) throw Object.assign(new Error('Validation Failed: body is too long (maximum is 65536 characters)'), { status: 422 });
        };
        const rest = {
            issues: {
                listComments: async () => ({ data: comments.map(c => ({ ...c })) }),
                createComment: async ({ body }: { body: string }) => { refuse(body); comments.push({ id: comments.length + 1, body }); return { data: {} }; },
                updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => { refuse(body); comments.find(c => c.id === comment_id)!.body = body; return { data: {} }; }
            }
        };
        const github = { rest, paginate: async (method: (p: unknown) => Promise<{ data: unknown[] }>, params: unknown) => (await method(params)).data };
        const context = { repo: { owner: 'district', repo: 'maps' }, issue: { number: 7 } };
        return { github, context, comments };
    }

    async function postComment(mock: ReturnType<typeof mockGitHub>): Promise<void> {
        const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        const script = new AsyncFunction('require', 'github', 'context', step('Post the summary on the pull request').with!.script);
        const cwd = process.cwd();
        process.chdir(repo);
        try {
            await script((id: string) => (id === 'fs' ? { readFileSync } : undefined), mock.github, mock.context);
        } finally {
            process.chdir(cwd);
        }
    }

    test('formatting fails, the summary is still written and posted, under GitHub\'s limit, one comment updated in place', async () => {
        expect(runStep('Formatting').code).toBe(1);
        const diff = runStep('What changed in authority');
        expect(diff.code, diff.stderr).toBe(0);
        const markdown = readFileSync(path.join(repo, 'remit-diff.md'), 'utf8');
        expect(markdown.length).toBeLessThan(GITHUB_LIMIT);
        expect(markdown).toMatch(/^\*\*600 decisions changed hands[,.]/m);
        expect(markdown).toContain('<details><summary>School number 0 (`S0`): 6 changes</summary>');
        expect(markdown).toMatch(/> \d+ more sections are not shown: this summary is kept under GitHub's comment limit\./);
        expect(readFileSync(path.join(work, 'summary.md'), 'utf8')).toBe(markdown);

        const mock = mockGitHub();
        await postComment(mock);
        await postComment(mock);
        expect(mock.comments).toHaveLength(1);
        expect(mock.comments[0].body.startsWith('<!-- remit-diff -->\n### Remit: changes in authority')).toBe(true);
        expect(mock.comments[0].body.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    }, 120_000);

    test('a summary too long for a comment is cut short by the script, never refused', async () => {
        writeFileSync(path.join(repo, 'remit-diff.md'), `### Remit: changes in authority\n\n${'- a line of a very long summary\n'.repeat(8000)}`);
        const mock = mockGitHub();
        await postComment(mock);
        expect(mock.comments[0].body.length).toBeLessThanOrEqual(GITHUB_LIMIT);
        expect(mock.comments[0].body).toContain('Cut short to fit a comment');
    });

    test('the verdict fails on a formatting failure and on a transfer, with a message for each', () => {
        const verdict = runStep('Verdict', { CHECK: 'success', FORMAT: 'failure' });
        expect(verdict.code).toBe(1);
        expect(verdict.stdout).toContain("::error::Some maps are not formatted: run 'remit fmt' and commit.");
        expect(verdict.stdout).toContain('::error::Final authority or a veto moved');
        expect(verdict.stdout).not.toContain('remit check found errors');
        expect(verdict.stdout).not.toContain('could not compare');
        const unknownBase = runStep('Verdict', { CHECK: 'success', FORMAT: 'success', BASE_REF: 'no-such-branch' });
        expect(unknownBase.code).toBe(1);
        expect(unknownBase.stdout).toContain('::error::remit diff could not compare the pull request with its base');
        expect(unknownBase.stdout).not.toContain('Final authority or a veto moved');
    }, 120_000);

    test('remit check writes SARIF for the upload step', () => {
        const check = runStep('Check the maps');
        expect(check.code, check.stderr).toBe(0);
        const sarif = JSON.parse(readFileSync(path.join(repo, 'remit.sarif'), 'utf8')) as { version: string; runs: unknown[] };
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs).toHaveLength(1);
    }, 120_000);
});
