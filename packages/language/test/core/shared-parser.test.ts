/**
 * Every set of services in a process shares one parser (see parser/shared-parser.ts).
 * The references in each tree must still resolve in the workspace the tree belongs to.
 */
import { describe, expect, test } from 'vitest';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { checkSources, createRemitCoreServices } from '@remit/language';

/** Two maps, the second naming a role of the first: the name resolves through the workspace's index. */
const maps = (dir: string, role: string) => [
    { uri: `file:///${dir}/shared.remit`, text: `map Shared "Shared"\nrole ${role} "${role}" { kind administrator }\n` },
    { uri: `file:///${dir}/user.remit`, text: `map User "User"\ndomain D "D" {\n  decision X "X" { decide Shared.${role} }\n}\n` }
];
const holders = (ws: Awaited<ReturnType<typeof checkSources>>) => ws.model.maps.find(m => m.name === 'User')!.decisions[0].assignments[0].holders;
const errors = (ws: Awaited<ReturnType<typeof checkSources>>) => ws.diagnostics.filter(d => d.severity === 'error').map(d => d.message);

describe('one parser for every workspace in a process', () => {
    test('workspaces checked one after another resolve names in their own maps', async () => {
        const first = await checkSources(maps('a', 'Alpha'));
        const second = await checkSources(maps('a', 'Beta'));
        expect(errors(first)).toEqual([]);
        expect(errors(second)).toEqual([]);
        expect(holders(second)).toEqual(['Shared.Beta']);
    });

    test('workspaces checked at the same time do too', async () => {
        const roles = ['Gamma', 'Delta', 'Epsilon', 'Zeta'];
        const checked = await Promise.all(roles.map(role => checkSources(maps('b', role))));
        checked.forEach((ws, i) => {
            expect(errors(ws)).toEqual([]);
            expect(holders(ws)).toEqual([`Shared.${roles[i]}`]);
        });
    });

    test('a scheme from another map is found in the workspace the map is in', async () => {
        // The level of an assignment is looked up through the map's `uses` while scopes are
        // computed, before linking: through whichever linker made the reference.
        const schemes = (dir: string, level: string) => [
            { uri: `file:///${dir}/schemes.remit`, text: `map Schemes "Schemes"\nlevels Compact "Compact" {\n  propose "Proposes"\n  ${level} "Ratifies" final\n}\n` },
            { uri: `file:///${dir}/user.remit`, text: `map User "User"\nuses Schemes.Compact\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { propose P  ${level} P }\n}\n` }
        ];
        const first = await checkSources(schemes('c', 'ratify'));
        const second = await checkSources(schemes('c', 'endorse'));
        expect(errors(first)).toEqual([]);
        expect(errors(second)).toEqual([]);
        expect(second.model.maps.find(m => m.name === 'User')!.scheme.levels.map(l => l.name)).toEqual(['propose', 'endorse']);
    });

    test('a reference resolves, even before linking, through the linker of its own services', () => {
        const text = `map M "M"\nrole P "P" { kind administrator }\ndomain D "D" {\n  decision X "X" { decide P }\n}\n`;
        for (const { Remit, shared } of [createRemitCoreServices(EmptyFileSystem), createRemitCoreServices(EmptyFileSystem)]) {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///d/m.remit'));
            const references = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).toArray();
            expect(references.length).toBeGreaterThan(0);
            // What a reference asks when its target is first wanted is the linker of the services that parsed it.
            const linker = Remit.references.Linker as unknown as { referenceResolver: unknown };
            for (const reference of references) expect((reference.reference as unknown as { resolver: unknown }).resolver).toBe(linker.referenceResolver);
        }
    });
});
