/**
 * The index keeps per-document tables (who refers to what, which documents an edit
 * affects, who declares a map name, exported names per document) so an edit costs one
 * document's work. After every edit they must answer as Langium's own scans of the whole
 * index do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, EmptyFileSystem, TextDocument, URI, type LangiumDocument, type ReferenceDescription } from 'langium';
import { createRemitServices } from '@remit/language/lsp';
import { ensureStandardLibrary } from '@remit/language';
import { RemitIndexManager } from '../../src/workspace/index-manager.js';

const EXAMPLES = join(import.meta.dirname, '../../../../examples');
const read = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');

describe('index entries', () => {
    test('each says what Langium\'s own description of the reference says', async () => {
        // Ours work out their source path, segment and locality when asked (workspace/descriptions.ts).
        const services = createRemitServices(EmptyFileSystem);
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
        const library = ensureStandardLibrary(services.shared);
        const documents = [['district', 'pinewood/district.remit'], ['north', 'pinewood/north-school.remit'], ['lakeside', 'lakeside/lakeside.remit']].map(([name, file]) => {
            const document = LangiumDocumentFactory.fromString(read(file), URI.parse(`file:///ws/${name}.remit`));
            LangiumDocuments.addDocument(document);
            return document;
        });
        await DocumentBuilder.build([library, ...documents], { validation: false });
        const plain = (d: ReferenceDescription) => ({
            sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, local: d.local, segment: d.segment
        });
        const provider = services.Remit.workspace.ReferenceDescriptionProvider;
        let compared = 0;
        for (const document of documents) {
            const ours = await provider.createDescriptions(document);
            const langiums = await DefaultReferenceDescriptionProvider.prototype.createDescriptions.call(provider, document);
            expect(ours.map(plain)).toEqual(langiums.map(plain));
            compared += ours.length;
        }
        expect(compared).toBeGreaterThan(100);
    });
});

describe('index tables after edits', () => {
    test('references, affected documents, map names and global names agree with a full scan', async () => {
        const services = createRemitServices(EmptyFileSystem);
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, TextDocuments, IndexManager } = services.shared.workspace;
        expect(IndexManager).toBeInstanceOf(RemitIndexManager);
        const index = IndexManager as RemitIndexManager;
        const library = ensureStandardLibrary(services.shared);
        const district = 'file:///ws/district.remit';
        const school = 'file:///ws/north.remit';
        const copy = 'file:///ws/copy.remit';
        const texts = new Map([[district, read('pinewood/district.remit')], [school, read('pinewood/north-school.remit')]]);
        let version = 1;
        const put = (uri: string, text: string) => {
            texts.set(uri, text);
            TextDocuments!.set(TextDocument.create(uri, 'remit', version++, text));
        };
        const documents: LangiumDocument[] = [];
        for (const [uri, text] of texts) {
            put(uri, text);
            const document = LangiumDocumentFactory.fromString(text, URI.parse(uri));
            LangiumDocuments.addDocument(document);
            documents.push(document);
        }
        await DocumentBuilder.build([library, ...documents], { validation: true });

        const agree = () => {
            for (const document of LangiumDocuments.all) {
                // Every element of every map: the references to it, as Langium's scan finds them.
                for (const node of AstUtils.streamAst(document.parseResult.value)) {
                    const path = services.Remit.workspace.AstNodeLocator.getAstNodePath(node);
                    const ours = index.findAllReferences(node, path).map(r => `${r.sourceUri.toString()}#${r.sourcePath}`).toArray();
                    const scanned = DefaultIndexManager.prototype.findAllReferences.call(index, node, path).map(r => `${r.sourceUri.toString()}#${r.sourcePath}`).toArray();
                    expect(ours).toEqual(scanned);
                }
                for (const changed of [[district], [school], [copy], [district, school]]) {
                    const uris = new Set(changed);
                    expect(index.isAffected(document, uris)).toBe(DefaultIndexManager.prototype.isAffected.call(index, document, uris));
                }
            }
            for (const name of ['Pinewood', 'PinewoodNorth', 'Nowhere']) {
                const scanned = index.allElements('RemitMap').filter(d => d.name === name).map(d => d.documentUri.toString()).toArray().sort();
                expect(index.documentsDeclaringMap(name)).toEqual(scanned);
            }
            // Global names: a cross-map reference resolves to what Langium's own scope gives.
            const scope = services.Remit.references.ScopeProvider as unknown as { getGlobalScope(type: string, context: unknown): { getElement(name: string): { path: string; documentUri: URI } | undefined } };
            for (const description of index.allElements('Role')) {
                const found = scope.getGlobalScope('Role', undefined).getElement(description.name);
                const first = index.allElements('Role').find(d => d.name === description.name)!;
                expect(found && `${found.documentUri.toString()}#${found.path}`).toBe(`${first.documentUri.toString()}#${first.path}`);
            }
        };

        agree();
        // A district role removed: the school's references to it stop resolving.
        put(district, texts.get(district)!.replace(/role MathLead "[^"]*" \{[^}]*\}/, ''));
        await DocumentBuilder.update([URI.parse(district)], []);
        agree();
        // A second document declaring the same map name, then the school edited.
        put(copy, texts.get(district)!);
        await DocumentBuilder.update([URI.parse(copy)], []);
        expect(index.documentsDeclaringMap('Pinewood')).toEqual([copy, district]);
        put(school, texts.get(school)!.replace('decide', 'recommend'));
        await DocumentBuilder.update([URI.parse(school)], []);
        agree();
        // Deleted again.
        await DocumentBuilder.update([], [URI.parse(copy)]);
        agree();
        expect(index.documentsDeclaringMap('Pinewood')).toEqual([district]);
    }, 60_000);
});
