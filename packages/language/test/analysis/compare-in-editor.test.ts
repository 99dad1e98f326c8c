import { afterAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { createRemitServices } from '@remit/language/lsp';
import { checkSources, compareWithRevision, diagnosticsOf, ensureStandardLibrary } from '@remit/language';
import { TempRepo } from '../diff/temp-repo.js';

// Compare with HEAD runs inside the editor's language server: it checks the maps of a git
// revision in the same process as the editor's workspace. Each workspace keeps its own
// analysis, so the editor's findings after any number of comparisons and edits are those a
// fresh check of the same texts gives.

const DISTRICT = `map District "Northfield District"
role Coach "Instructional coach" { kind teacher }
role Director "Director of schools" { kind administrator  holders "R. Diaz" }
domain Oversight "Oversight" {
  decision Audit "Audit the schools" { decide Director }
}
`;

const school = (lead: string) => `map School "Oak School"
role Principal "Principal" { kind administrator  holders "A. Rivera" }
role Lead "Grade lead" { kind teacher  release 5% }
domain Teaching "Teaching" {
  decision Focus "Set the focus" { recommend ${lead}  decide Principal }
  decision Pacing "Set the pacing" { decide Lead }
  decision Books "Choose books" { decide Lead }
  decision Trips "Plan trips" { decide Lead }
}
domain Staffing "Staffing" {
  decision Hiring "Hire" { decide Principal  consult District.Coach }
}
`;

const repo = TempRepo.create();
afterAll(() => repo.dispose());

describe('Compare with HEAD in the editor', () => {
    test("leaves the editor's findings those of a fresh check, edit after edit", async () => {
        repo.write('maps/district.remit', DISTRICT);
        repo.write('maps/school.remit', school('Lead'));
        repo.commit('the maps');
        const uriOf = (file: string) => pathToFileURL(path.join(repo.root, file)).toString();
        const files = { district: uriOf('maps/district.remit'), school: uriOf('maps/school.remit') };

        const services = createRemitServices(EmptyFileSystem);
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, TextDocuments } = services.shared.workspace;
        const library = ensureStandardLibrary(services.shared);
        let version = 0;
        const type = (uri: string, text: string) => TextDocuments!.set(TextDocument.create(uri, 'remit', ++version, text));
        type(files.district, DISTRICT);
        type(files.school, school('Lead'));
        const documents: LangiumDocument[] = Object.values(files).map(uri => {
            const document = LangiumDocumentFactory.fromString(TextDocuments!.get(uri)!.getText(), URI.parse(uri));
            LangiumDocuments.addDocument(document);
            return document;
        });
        await DocumentBuilder.build([library, ...documents], { validation: true });

        const texts = () => Object.values(files).map(uri => ({ uri, text: TextDocuments!.get(uri)!.getText() }));
        /** What the editor shows, map by map, beside what a fresh check of the same texts gives. */
        const shown = async () => {
            const editor = Object.values(files).flatMap(uri => diagnosticsOf(LangiumDocuments.getDocument(URI.parse(uri))!));
            const fresh = (await checkSources(texts())).diagnostics;
            const line = (d: { uri: string; line: number; column: number; code: string; message: string }) => `${path.basename(d.uri)}:${d.line}:${d.column} ${d.code} ${d.message}`;
            return { editor: editor.map(line), fresh: fresh.map(line) };
        };
        const compare = async () => {
            const { diff } = await compareWithRevision({ cwd: repo.root, current: texts() });
            return diff.summary;
        };
        const codes = (lines: string[]) => lines.map(l => l.split(' ')[1]);

        let now = await shown();
        expect(now.editor).toEqual(now.fresh);
        expect(await compare()).toMatch(/no change/i);

        // The school stops naming the district's coach, and the lead takes on one more decision alone.
        type(files.school, school('Principal').replace('consult District.Coach', 'consult Principal').replace('decision Trips', 'decision Clubs "Run clubs" { decide Lead }\n  decision Trips'));
        await DocumentBuilder.update([URI.parse(files.school)], []);
        now = await shown();
        expect(now.editor).toEqual(now.fresh);
        expect(codes(now.editor)).toContain('unused-element');
        expect(await compare()).not.toMatch(/no change/i);

        now = await shown();
        expect(now.editor).toEqual(now.fresh);

        // Back to naming the coach: the editor's facts move on from its own last state.
        type(files.school, school('Lead'));
        await DocumentBuilder.update([URI.parse(files.school)], []);
        now = await shown();
        expect(now.editor).toEqual(now.fresh);
        expect(codes(now.editor)).not.toContain('unused-element');
        expect(await compare()).toMatch(/no change/i);

        // An edit to the district after the comparison.
        type(files.district, DISTRICT.replace('holders "R. Diaz"', 'holders "R. Diaz"  backup Coach'));
        await DocumentBuilder.update([URI.parse(files.district)], []);
        now = await shown();
        expect(now.editor).toEqual(now.fresh);
    }, 60_000);
});
