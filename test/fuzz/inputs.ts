/**
 * Seeded inputs for the fuzz suite: each family is a fast-check arbitrary, so a case is
 * reproduced from its seed and index alone.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { decodeUtf8 } from '@remit/language';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

function remitFiles(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const full = path.join(folder, name);
        return statSync(full).isDirectory() ? remitFiles(full) : name.endsWith('.remit') ? [full] : [];
    });
}

export const EXAMPLE_TEXTS: readonly string[] = remitFiles(EXAMPLES).sort().map(file => readFileSync(file, 'utf8'));

const KEYWORDS = ['map', 'uses', 'status', 'levels', 'final', 'veto', 'required', 'phases', 'role', 'kind', 'holders', 'seats', 'vacant',
    'release', 'backup', 'reports', 'team', 'members', 'chair', 'rule', 'domain', 'decision', 'after', 'escalate', 'review', 'pattern',
    'source', 'from', 'until', 'decide', 'recommend', 'consult', 'inform', 'agree', 'perform', 'input', 'School', 'RAPID', 'RACI', 'DACI',
    'administrator', 'teacher', 'consensus', 'majority', 'vote', 'collaborative', 'yearly', 'draft', 'ratified', 'years', 'months'];
const PUNCTUATION = ['{', '}', ',', '.', '..', '%', '/', '"', '//', '/*', '*/', '/**', '\n', '\r', '\r\n', '\t', ' '];

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
const title = fc.oneof(
    fc.string({ maxLength: 30 }).map(s => `"${s.replace(/["\\\r\n]/g, '')}"`),
    fc.constantFrom('"A title"', '""', '"Director\'s office"', '"Jos\u00e9 \u00e9cole"', '"\u{1F3EB} school"')
);
const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: name },
    { weight: 1, arbitrary: title },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map(String) },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }
);

/** Any bytes, read as a map would be read from disk. */
export const randomBytes = fc.uint8Array({ maxLength: 2048 }).map(bytes => decodeUtf8(bytes).text);

/** Words and symbols of the language in any order. */
export const tokenSoup = fc.array(token, { maxLength: 300 }).map(tokens => tokens.join(' '));

/** Maps that mostly follow the grammar, with names that may or may not resolve. */
export const grammarMaps = fc.record({
    map: name,
    uses: fc.option(fc.constantFrom('School', 'RAPID', 'RACI', 'DACI', 'Missing'), { nil: undefined }),
    phases: fc.array(fc.tuple(name, fc.option(title, { nil: undefined }), fc.option(fc.tuple(fc.nat(20), fc.nat(20), fc.constantFrom('months', 'years', 'weeks')), { nil: undefined })), { maxLength: 4 }),
    roles: fc.array(fc.tuple(name, fc.option(title, { nil: undefined }), fc.constantFrom('administrator', 'teacher', 'staff'), fc.nat(120)), { maxLength: 6 }),
    domains: fc.array(fc.tuple(name, fc.array(fc.tuple(name, fc.array(fc.tuple(fc.constantFrom('decide', 'recommend', 'consult', 'inform', 'agree', 'perform', 'input', 'approve'), fc.nat(8), fc.option(fc.nat(5), { nil: undefined })), { maxLength: 5 })), { maxLength: 4 })), { maxLength: 4 }),
    comments: fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 })
}).map(spec => {
    const lines: string[] = [`/** ${spec.comments[0] ?? ''} */`.replace('*/ */', '*/'), `map ${spec.map}`];
    if (spec.uses) lines.push(`uses ${spec.uses}`);
    if (spec.phases.length) {
        lines.push('phases {');
        for (const [n, t, d] of spec.phases) lines.push(`  ${n} ${t ?? ''} ${d ? `${d[0]}..${d[1]} ${d[2]}` : ''}`);
        lines.push('}');
    }
    spec.roles.forEach(([n, t, kind, release], i) => lines.push(`role ${n} ${t ?? ''} { kind ${kind} release ${release}% ${i > 0 ? `reports ${spec.roles[0][0]}` : ''} } // ${spec.comments[i % Math.max(1, spec.comments.length)] ?? ''}`.replace(/\*\//g, '')));
    for (const [d, decisions] of spec.domains) {
        lines.push(`domain ${d} {`);
        for (const [x, assignments] of decisions) {
            lines.push(`  decision ${x} {`);
            for (const [level, holder, phase] of assignments) {
                const who = spec.roles.length ? spec.roles[holder % spec.roles.length][0] : `Nobody${holder}`;
                const when = phase !== undefined && spec.phases.length ? ` from ${spec.phases[phase % spec.phases.length][0]}` : '';
                lines.push(`    ${level} ${who}${when}`);
            }
            lines.push('  }');
        }
        lines.push('}');
    }
    return lines.join('\n') + '\n';
});

type Mutation = (text: string, a: number, b: number, insert: string) => string;
const MUTATIONS: Mutation[] = [
    (t, a, b) => t.slice(0, a) + t.slice(b),                        // delete a slice
    (t, a, b) => t.slice(0, b) + t.slice(a, b) + t.slice(b),        // duplicate a slice
    (t, a, _b, s) => t.slice(0, a) + s + t.slice(a),                // insert a token
    (t, a) => t.slice(0, a),                                        // cut short
    (t, a, b) => t.slice(0, a) + t.slice(a, b).toUpperCase() + t.slice(b),
    (t, a, b, s) => t.slice(0, a) + s + t.slice(b)                  // replace a slice
];

/** The example maps, changed here and there. */
export const mutatedExamples = fc.tuple(
    fc.nat(EXAMPLE_TEXTS.length - 1),
    fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200), token), { minLength: 1, maxLength: 6 })
).map(([index, steps]) => steps.reduce((text, [m, where, length, insert]) => {
    const a = Math.floor(where * text.length);
    return MUTATIONS[m](text, a, Math.min(text.length, a + length), insert);
}, EXAMPLE_TEXTS[index]));

/** Deep nesting and long runs: what overflowed the parser's stack or took quadratic time. */
export const deepAndLong = fc.oneof(
    fc.tuple(fc.nat(700), fc.boolean()).map(([depth, closed]) => 'map Nest\n' + 'domain D {\n'.repeat(depth) + (closed ? '}\n'.repeat(depth) : '')),
    fc.tuple(token, fc.integer({ min: 100, max: 6000 })).map(([t, n]) => `map R\nrole X\ndomain D { decision Y { ${`${t} `.repeat(n)}}}\n`),
    fc.tuple(fc.constantFrom(' decide ""', ' decide X', ' , ', ' } ', ' role ', ' "', ' levels L {'), fc.integer({ min: 100, max: 6000 })).map(([t, n]) => `map R\nuses School\nrole X\ndomain D {\n decision Y {${t.repeat(n)} }\n}\n`),
    fc.integer({ min: 1000, max: 30000 }).map(n => `map M\nuses School\nrole R\ndomain D {\n decision X "${'a'.repeat(n)}" { decide R }\n}\n`),
    fc.integer({ min: 1000, max: 50000 }).map(n => `map M\nuses School\nrole R\ndomain D {\n decision X "a${' '.repeat(n)}b" { decide R }\n}\n`),
    fc.integer({ min: 100, max: 5000 }).map(n => `map M\nlevels S {\n${'  a\n'.repeat(n)}  b final\n}\n`)
);

export const FAMILIES = { randomBytes, tokenSoup, grammarMaps, mutatedExamples, deepAndLong } as const;
export type Family = keyof typeof FAMILIES;
