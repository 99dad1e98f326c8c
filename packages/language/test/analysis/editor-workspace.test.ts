import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { createRemitServices } from '@remit/language/lsp';
import { ensureStandardLibrary } from '@remit/language';

describe('in the editor, findings follow changes in other maps', () => {
    test('a role becomes used when another map starts naming it, though neither map refers to the other before', async () => {
        const services = createRemitServices(EmptyFileSystem);
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, TextDocuments } = services.shared.workspace;
        const library = ensureStandardLibrary(services.shared);
        const open = (uri: string, text: string, version: number) => {
            TextDocuments!.set(TextDocument.create(uri, 'remit', version, text));
        };
        const districtUri = 'file:///district.remit';
        const schoolUri = 'file:///school.remit';
        open(districtUri, 'map District\nrole Coach "Coach" { kind teacher }\n', 1);
        open(schoolUri, 'map School\nrole P { kind administrator }\ndomain D { decision X "X" { decide P } }\n', 1);
        const district = LangiumDocumentFactory.fromString(TextDocuments!.get(districtUri)!.getText(), URI.parse(districtUri));
        const school = LangiumDocumentFactory.fromString(TextDocuments!.get(schoolUri)!.getText(), URI.parse(schoolUri));
        LangiumDocuments.addDocument(district);
        LangiumDocuments.addDocument(school);
        await DocumentBuilder.build([library, district, school], { validation: true });
        const unused = () => (LangiumDocuments.getDocument(URI.parse(districtUri))!.diagnostics ?? []).filter(d => d.code === 'unused-element');
        expect(unused()).toHaveLength(1);

        open(schoolUri, 'map School\nrole P { kind administrator }\ndomain D { decision X "X" { recommend District.Coach  decide P } }\n', 2);
        await DocumentBuilder.update([URI.parse(schoolUri)], []);
        expect(unused()).toEqual([]);
    });
});
