/**
 * Remit builds leaner syntax trees than Langium (parser/slim-cst.ts: leaves without their
 * lines and columns, worked out when asked; parser/link-content.ts: lists of exact length)
 * from leaner tokens (parser/lexer.ts: no lines and columns, added to those a syntax error
 * names). Every node must read exactly as in the tree Langium's own lexer and parser build of
 * the same text: where it is, its text, its range, what it is, whatever the line breaks,
 * comments, characters or syntax errors; and every syntax error must be where Langium's is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createLangiumParser, DefaultLexer, EmptyFileSystem, isCompositeCstNode, type CstNode, type LangiumCoreServices, type LangiumParser } from 'langium';
import { createRemitCoreServices } from '@remit/language';
import { rangeOf } from '../../src/parser/slim-cst.js';

const EXAMPLES = join(import.meta.dirname, '../../../../examples');

function examples(dir = EXAMPLES): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? examples(join(dir, entry.name))
        : entry.name.endsWith('.remit') ? [readFileSync(join(dir, entry.name), 'utf8')] : []);
}

/** Texts with every kind of line break, multi-line comments, characters beyond ASCII, and damage. */
function variants(text: string, seed: number): string[] {
    let state = seed;
    const random = (n: number) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
    const pieces = ['{', '}', '"', '\r', '\n', '\r\n', '/*', '*/', '//', 'é', '😀', 'decide ', 'role ', '.', 'until '];
    let damaged = text;
    for (let i = 0; i < 15; i++) {
        const at = random(damaged.length + 1);
        damaged = damaged.slice(0, at) + pieces[random(pieces.length)] + damaged.slice(at + random(4));
    }
    return [
        text,
        text.replace(/\n/g, '\r\n'),
        text.replace(/\n/g, '\r'),
        text.replace(/\n/g, '\n/* a\r\nb\rc */\n'),
        text.replace(/"/g, '"é—😀'),
        text.slice(0, Math.floor(text.length / 2)),
        damaged
    ];
}

function describeNode(node: CstNode): unknown {
    return [node.offset, node.length, node.end, node.range, node.hidden, node.text, node.grammarSource, node.astNode,
        'tokenType' in node ? (node.tokenType as { name: string }).name : undefined];
}

/** Langium's parser with Langium's lexer (tokens with their lines and columns), for Remit's grammar. */
function langiumParser(services: LangiumCoreServices): LangiumParser {
    const lexer = new DefaultLexer(services);
    const parser = new Proxy(services.parser, { get: (target, key) => key === 'Lexer' ? lexer : target[key as keyof typeof target] });
    return createLangiumParser(new Proxy(services, { get: (target, key) => key === 'parser' ? parser : target[key as keyof typeof target] }));
}

test('every node of the tree reads as in the tree Langium builds', () => {
    const { Remit } = createRemitCoreServices(EmptyFileSystem);
    const langium = langiumParser(Remit);
    const texts = examples().flatMap((text, i) => variants(text, i + 1));
    expect(texts.length).toBeGreaterThan(50);
    let leaves = 0;
    for (const text of texts) {
        const pairs: Array<[CstNode, CstNode]> = [[Remit.parser.LangiumParser.parse(text).value.$cstNode!, langium.parse(text).value.$cstNode!]];
        while (pairs.length > 0) {
            const [ours, theirs] = pairs.pop()!;
            // AST nodes are compared by type only (they are different objects of the two parses).
            const [a, b] = [describeNode(ours), describeNode(theirs)].map(d => (d as unknown[]).map(v => typeof v === 'object' && v && '$type' in v ? (v as { $type: string }).$type : v));
            expect(a).toEqual(b);
            // The model's ranges, worked out without keeping anything on the tree.
            expect(rangeOf(ours)).toEqual(theirs.range);
            if (isCompositeCstNode(ours) && isCompositeCstNode(theirs)) {
                expect(ours.content.length).toBe(theirs.content.length);
                ours.content.forEach((child, i) => pairs.push([child, theirs.content[i]]));
            } else {
                leaves++;
            }
        }
    }
    expect(leaves).toBeGreaterThan(10_000);
});

test('every syntax error is where Langium\'s lexer and parser put it', () => {
    const { Remit } = createRemitCoreServices(EmptyFileSystem);
    const langium = langiumParser(Remit);
    const texts = examples().flatMap((text, i) => variants(text, i + 1)).concat(['map M\n  "open', 'map M "x" { \u0001 }\r\nrole', 'map\r\n\r\n', '']);
    const where = (token: object | undefined) => token && ['startOffset', 'endOffset', 'startLine', 'startColumn', 'endLine', 'endColumn']
        .map(key => (token as Record<string, unknown>)[key]);
    let errors = 0;
    for (const text of texts) {
        const [ours, theirs] = [Remit.parser.LangiumParser.parse(text), langium.parse(text)];
        expect(ours.lexerErrors).toEqual(theirs.lexerErrors);
        expect(ours.parserErrors.map(e => [e.message, where(e.token), where((e as { previousToken?: object }).previousToken)]))
            .toEqual(theirs.parserErrors.map(e => [e.message, where(e.token), where((e as { previousToken?: object }).previousToken)]));
        errors += ours.parserErrors.length + ours.lexerErrors.length;
    }
    expect(errors).toBeGreaterThan(20);
});
