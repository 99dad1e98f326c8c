import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { checkSources, openWorkspace, type RemitWorkspace } from '@remit/language';
import { findingsFromDiagnostics, type Finding } from '@remit/generators';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLES = path.join(REPO, 'examples');

export interface Loaded {
    workspace: RemitWorkspace;
    findings: Finding[];
}

export async function loadExample(relative: string): Promise<Loaded> {
    const workspace = await openWorkspace([path.join(EXAMPLES, relative)], { cwd: REPO });
    return { workspace, findings: findingsFromDiagnostics(workspace.diagnostics) };
}

export async function loadText(text: string, name = 'test.remit'): Promise<Loaded> {
    const workspace = await checkSources([{ uri: `file:///virtual/${name}`, text }]);
    return { workspace, findings: findingsFromDiagnostics(workspace.diagnostics) };
}

/**
 * A temporary folder for the tests of one file: made before they run, removed after.
 * Returns a function giving its path (known only once the tests start).
 */
export function scratchFolder(prefix: string): () => string {
    let folder: string | undefined;
    beforeAll(async () => {
        folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    });
    afterAll(async () => {
        if (folder) await fs.rm(folder, { recursive: true, force: true });
    });
    return () => {
        if (!folder) throw new Error('The scratch folder exists only while the tests run.');
        return folder;
    };
}

/** Path of a document URI relative to the repository, as the command line prints it. */
export function repoPath(uri: string): string {
    return uri.startsWith('file:') ? path.relative(REPO, fileURLToPath(uri)).split(path.sep).join('/') : uri;
}

/**
 * A map whose titles, doc comments, people and sources try every trick: HTML and SVG
 * injection, Markdown table breaking, CSV formulas, Mermaid label escapes.
 */
export const HOSTILE = `/** Doc with <img src=x onerror=alert(1)> and </svg> and | pipes | and "quotes" */
map Hostile "<script>alert('map')</script> & </svg> | =HYPERLINK(\\"http://evil\\",\\"x\\")"
uses School

phases {
  First "<b>First</b> | phase"
  Second "=SUM(A1:A9)"
}

/** </title><script>alert('doc')</script> */
role Boss "<script>alert(1)</script>" {
  kind administrator
  holders "=HYPERLINK(\\"http://evil\\",\\"click\\")", "@SUM(1+1)"
}
role Pipe "a | b | c \\"quoted\\" -dash" { kind teacher }
role Plus "+cmd|' /C calc'!A0" { kind teacher }
role EndSvg "</svg><svg onload=alert(1)>" { kind staff }

team Crew "#quot; end ]) [[ {{ x }} {% raw %}" {
  members Pipe, Plus
  chair Pipe
  rule majority
}

domain Danger "</text></g></svg><script>alert('domain')</script>" {
  /** Markdown *emphasis* [link](javascript:alert(1)) and \`code\` */
  decision Risky "=HYPERLINK(\\"http://evil\\",\\"title\\") | <i>x</i> \\"q\\"" {
    recommend Crew
    consult Pipe from Second
    decide Boss until Second
    decide EndSvg from Second
    inform Plus
    source "<script>alert('source')</script> | =1+1"
    review "-every @ term"
  }
  decision Calm "-2+3 --> end" {
    recommend Pipe
    decide Crew
    after Risky
  }
}
`;

/** Every user-written text of the hostile map that must show up verbatim to a reader. */
export const HOSTILE_TITLES = [
    '<script>alert(1)</script>',
    'a | b | c "quoted" -dash',
    '+cmd|\' /C calc\'!A0',
    '</svg><svg onload=alert(1)>'
];

/** A district-sized school: 40 roles, 120 decisions in 6 domains, about 6 holdings each. */
export function bigMap(): string {
    const lines = ['map Big "Big High School"', 'uses School', ''];
    for (let r = 1; r <= 40; r++) lines.push(`role R${r} "Role number ${r}" { kind teacher }`);
    for (let g = 1; g <= 6; g++) {
        lines.push(`domain D${g} "Domain ${g}" {`);
        for (let i = 1; i <= 20; i++) {
            const n = (g - 1) * 20 + i;
            const who = (k: number) => `R${((n * 7 + k * 13) % 40) + 1}`;
            lines.push(`  decision X${n} "Decision ${n}" {`, `    recommend ${who(1)}, ${who(2)}`, `    consult ${who(3)}, ${who(4)}`, `    decide ${who(5)}`, `    inform ${who(6)}`, '  }');
        }
        lines.push('}');
    }
    return `${lines.join('\n')}\n`;
}
