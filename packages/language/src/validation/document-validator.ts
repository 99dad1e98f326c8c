import {
    Cancellation, CstUtils, DefaultDocumentValidator, WorkspaceCache, interruptAndCheck, type AstNode, type DiagnosticInfo, type LangiumDocument, type LangiumDocuments, type ParseResult,
    type IndexManager, type ReferenceInfo, type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions, type ValidationSeverity
} from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { IToken } from 'chevrotain';
import type { RemitServices } from '../remit-module.js';
import type { RemitMap } from '../generated/ast.js';
import type { RemitSettings } from '../config/settings.js';
import { elementNameAt, kindWord, mapOf } from '../references/names.js';
import { isRuleCode, type RuleSeverity } from './rule-catalog.js';
import { encodingMessage, encodingProblemOnDisk } from '../workspace/read-map.js';
import { describeLinkingError } from './linking-messages.js';
import { expectedTokenOf } from './syntax-message-provider.js';
import type { Fix, RemitDiagnosticData } from './finding-data.js';
import { forEachNode } from '../utils/ast-walk.js';

/** How many nodes are validated between two looks at the cancellation token. */
const NODES_PER_CHECK = 64;

/**
 * Turns Langium's diagnostics into Remit's: every diagnostic gets a stable rule code, the
 * qualified name of the element it is about, a message in plain English, and the severity
 * `remit.json` sets for its rule (or none, when the rule is off).
 */
export class RemitDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: RemitSettings;
    private readonly scopes: ScopeProvider;
    private readonly index: IndexManager;
    private readonly documents: LangiumDocuments;
    /** The type of the element each qualified name names, per state of the workspace: a name misspelt in every school is looked up once. */
    private readonly qualifiedTypes: WorkspaceCache<string, string | undefined>;

    constructor(services: RemitServices) {
        super(services);
        this.qualifiedTypes = new WorkspaceCache(services.shared);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.index = services.shared.workspace.IndexManager;
        this.settings = services.settings.RemitSettings;
        this.scopes = services.references.ScopeProvider;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const encoding = this.encodingDiagnostic(document);
        if (encoding) diagnostics.unshift(encoding);
        const config = this.settings.config;
        const result: Diagnostic[] = [];
        // Where the parser recovered from a syntax error it may have read a word as a name;
        // the syntax error already says what is wrong there, so no second message for it.
        // (Both are looked up in time that does not grow with the number of errors: a block of
        // thousands of misplaced words has thousands of each.)
        const inSyntaxError = overlapsAny(diagnostics.filter(d => d.code === 'syntax-error').map(d => d.range));
        // After a quote that is not closed, the rest of its line is read as loose words; the
        // one message about the quote says it all.
        const openQuotes = new Map<number, number>();
        for (const d of diagnostics) {
            if (!(d.data as { unclosedText?: boolean } | undefined)?.unclosedText) continue;
            const { line, character } = d.range.start;
            openQuotes.set(line, Math.min(character, openQuotes.get(line) ?? character));
        }
        for (const diagnostic of diagnostics) {
            const { line, character } = diagnostic.range.start;
            if (diagnostic.code === 'syntax-error' && !(diagnostic.data as { unclosedText?: boolean }).unclosedText
                && (openQuotes.get(line) ?? Infinity) < character) continue;
            if (diagnostic.code === 'unresolved-reference' && inSyntaxError(diagnostic.range)) continue;
            const code = diagnostic.code;
            if (isRuleCode(code)) {
                const severity = config.severity(code);
                if (severity === 'off') continue;
                diagnostic.severity = toLspSeverity(severity);
            }
            result.push(diagnostic);
        }
        return result;
    }

    /**
     * Bytes that are not UTF-8 reach the document as U+FFFD; only then is the file on disk
     * read again, to say where the first bad byte is (`invalid-encoding`).
     */
    private encodingDiagnostic(document: LangiumDocument): Diagnostic | undefined {
        if (document.uri.scheme !== 'file' || !document.textDocument.getText().includes('\uFFFD')) return undefined;
        const problem = encodingProblemOnDisk(document.uri.fsPath);
        if (!problem) return undefined;
        const position = { line: problem.line - 1, character: problem.column - 1 };
        return {
            severity: DiagnosticSeverity.Error,
            range: { start: position, end: { line: position.line, character: position.character + 1 } },
            message: encodingMessage(problem),
            code: 'invalid-encoding',
            source: 'remit',
            data: { code: 'invalid-encoding', ...(document.parseResult.value ? { element: elementNameAt(document.parseResult.value) } : {}) }
        };
    }

    /**
     * Langium's walk over every node, in a plain loop (`utils/ast-walk.ts`), with each type's
     * checks looked up once per document and the cancellation token looked at every few dozen
     * nodes. The checks are the same, run in the same order.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const nodes: AstNode[] = [];
        forEachNode(rootNode, node => nodes.push(node));
        const checksOf = new Map<string, ValidationCheck[]>();
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (const check of checks) await check(node, acceptor, cancelToken);
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        // The messages come from the lexer's message provider (syntax-message-provider.ts).
        // Langium lists the lexer's errors first, in order.
        const text = (parseResult.value.$cstNode?.root as { fullText?: string } | undefined)?.fullText ?? '';
        diagnostics.slice(start).forEach((diagnostic, i) => {
            const error = parseResult.lexerErrors[i];
            if (error && text.charAt(error.offset) === '"') diagnostic.data = { ...(diagnostic.data as object), unclosedText: true };
            markSyntaxError(diagnostic, elementAtOffset(parseResult, offsetOf(parseResult, diagnostic.range.start)));
        });
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        // One error at a time, so each diagnostic can be matched with its error. The messages
        // come from the parser's message provider (syntax-message-provider.ts).
        for (const error of parseResult.parserErrors) {
            const start = diagnostics.length;
            super.processParsingErrors({ ...parseResult, parserErrors: [error] }, diagnostics, options);
            const missingAt = missingAfterPrevious(error);
            for (const diagnostic of diagnostics.slice(start)) {
                if (missingAt) diagnostic.range = missingAt;
                markSyntaxError(diagnostic, elementAtOffset(parseResult, syntaxErrorOffset(error)));
            }
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        let mapNames: Set<string> | undefined;
        let unreadable: Set<string> | undefined;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            // A name in another map that cannot be read right now (a syntax error there) may
            // well exist once it reads again: the error in that map is the one to show.
            const mapName = reference.$refText.includes('.') ? reference.$refText.slice(0, reference.$refText.indexOf('.')) : undefined;
            if (mapName) {
                unreadable ??= this.unreadableMaps(document);
                if (unreadable.has(mapName)) continue;
            }
            const info = error.info as ReferenceInfo;
            // When the scheme named by `uses` is unknown, every level would be unknown too; the
            // `uses` line already carries the one error that matters.
            if (info.property === 'level' && schemeIsUnknown(mapOf(info.container))) continue;
            const map = mapOf(info.container);
            mapNames ??= new Set(this.index.allElements('RemitMap').map(d => d.name));
            const described = describeLinkingError(info, this.scopes, map, this.kindNamed(document, reference.$refText, map), mapNames);
            diagnostics.push(this.toDiagnostic('error', described.message, {
                node: info.container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                code: 'unresolved-reference',
                data: {
                    code: 'unresolved-reference',
                    refText: reference.$refText,
                    property: info.property,
                    suggestions: described.suggestions,
                    fixes: nameFixes(reference.$refText, info.property, described.suggestions)
                } satisfies RemitDiagnosticData<'unresolved-reference'>
            }));
        }
    }

    /** The names of the other maps in the workspace that have syntax errors (their names may be missing from the index). */
    private unreadableMaps(document: LangiumDocument): Set<string> {
        const names = new Set<string>();
        for (const other of this.documents.all) {
            if (other === document) continue;
            const result = other.parseResult;
            if (result.lexerErrors.length === 0 && result.parserErrors.length === 0) continue;
            const name = (result.value as { map?: { name?: string } } | undefined)?.map?.name;
            if (name) names.add(name);
        }
        return names;
    }

    /** What kind of element `name` names (whatever kind the reference wants), if any. */
    private kindNamed(document: LangiumDocument, name: string, map: RemitMap | undefined): string | undefined {
        const type = name.includes('.')
            ? this.qualifiedTypes.get(name, () => this.index.allElements().find(d => d.name === name)?.type)
            : map ? document.localSymbols?.getStream(map).find(d => d.name === name)?.type : undefined;
        return type ? kindWord({ $type: type } as AstNode) : undefined;
    }

    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        const data = (diagnostic.data ?? {}) as Record<string, unknown>;
        const code = info.code ?? data.code;
        diagnostic.code = code as string | undefined;
        diagnostic.data = { ...data, code, element: data.element ?? elementNameAt(info.node) };
        return diagnostic;
    }
}

/** Reference properties that name a role or team, where creating a missing role makes sense. */
const HOLDER_PROPERTIES = new Set(['holders', 'members', 'advisory', 'escalate', 'chair', 'backup', 'reports']);

/** Quick fixes for a name that refers to nothing: the close names, or a new role of that name. */
function nameFixes(name: string, property: string, suggestions: string[]): Fix[] {
    const fixes: Fix[] = suggestions.map(text => ({ title: `Change to '${text}'`, preferred: true, edits: [{ kind: 'replace-reference', text }] }));
    if (!name.includes('.') && HOLDER_PROPERTIES.has(property) && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
        fixes.push({ title: `Create the role '${name}'`, edits: [{ kind: 'create-role', name }] });
    }
    return fixes;
}

function schemeIsUnknown(map: RemitMap | undefined): boolean {
    return map?.scheme !== undefined && map.scheme.ref === undefined;
}

type Range = Diagnostic['range'];

type Position = Range['start'];

function comparePositions(x: Position, y: Position): number {
    return x.line !== y.line ? x.line - y.line : x.character - y.character;
}

/**
 * Whether a range overlaps any of `ranges`, by binary search: the ranges that start before
 * it ends are a prefix of them sorted by start, and one of those overlaps it when the
 * furthest end among them lies after its start.
 */
function overlapsAny(ranges: Range[]): (range: Range) => boolean {
    const sorted = [...ranges].sort((a, b) => comparePositions(a.start, b.start));
    const furthestEnd: Position[] = [];
    sorted.forEach((r, i) => furthestEnd.push(i > 0 && comparePositions(furthestEnd[i - 1], r.end) > 0 ? furthestEnd[i - 1] : r.end));
    return range => {
        let low = 0;
        let high = sorted.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (comparePositions(sorted[middle].start, range.end) < 0) low = middle + 1;
            else high = middle;
        }
        return low > 0 && comparePositions(range.start, furthestEnd[low - 1]) < 0;
    };
}

function markSyntaxError(diagnostic: Diagnostic, element: string | undefined): void {
    diagnostic.code = 'syntax-error';
    diagnostic.data = { ...(diagnostic.data as object), code: 'syntax-error', ...(element ? { element } : {}) };
}

/** Where a parser error struck: its token, or the end of the token before it when the file ended early. */
type ParserError = ParseResult['parserErrors'][number];

interface TokenLike { image: string; startOffset: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number }

/**
 * When a line ends too early (`release 5` without `%`, `from` without a phase), the parser
 * only notices on the next line. The mistake is at the end of the line before: point there.
 */
function missingAfterPrevious(error: ParserError): Range | undefined {
    const what = expectedTokenOf(error as { token: IToken; previousToken?: IToken });
    if (!what || !['%', '/', 'ID', 'STRING'].includes(what)) return undefined;
    const previous = (error as { previousToken?: TokenLike }).previousToken;
    const token = error.token as TokenLike;
    const valid = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 1;
    if (!previous || !valid(previous.startLine) || !valid(previous.startColumn) || !valid(previous.endLine) || !valid(previous.endColumn)) return undefined;
    if (valid(token.startLine) && token.startLine === previous.endLine) return undefined;
    return {
        start: { line: previous.startLine - 1, character: previous.startColumn - 1 },
        end: { line: previous.endLine - 1, character: previous.endColumn }
    };
}

function syntaxErrorOffset(error: ParserError): number | undefined {
    const valid = (offset: number | undefined) => offset !== undefined && Number.isFinite(offset) && offset >= 0;
    if (valid(error.token?.startOffset)) return error.token.startOffset;
    const previous = (error as { previousToken?: { startOffset: number } }).previousToken;
    return previous && valid(previous.startOffset) ? previous.startOffset : undefined;
}

function offsetOf(parseResult: ParseResult, position: { line: number; character: number }): number | undefined {
    const root = parseResult.value.$cstNode;
    if (!root) return undefined;
    const lines = root.text.split('\n');
    if (position.line >= lines.length) return undefined;
    let offset = 0;
    for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
    return offset + position.character;
}

/** The element being written where a syntax error is, as far as the parser got. */
function elementAtOffset(parseResult: ParseResult, offset: number | undefined): string | undefined {
    const root = parseResult.value.$cstNode;
    if (!root || offset === undefined) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    return leaf ? elementNameAt(leaf.astNode) : undefined;
}

export function toLspSeverity(severity: Exclude<RuleSeverity, 'off'>): DiagnosticSeverity {
    switch (severity) {
        case 'error': return DiagnosticSeverity.Error;
        case 'warning': return DiagnosticSeverity.Warning;
        case 'hint': return DiagnosticSeverity.Hint;
    }
}
