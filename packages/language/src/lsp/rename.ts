import {
    AstUtils, CstUtils, GrammarAST, type IndexManager, type LangiumDocument,
    type LangiumDocuments, type URI
} from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import {
    ErrorCodes, ResponseError, TextEdit, type Position, type PrepareRenameParams, type Range, type RenameParams,
    type WorkspaceEdit
} from 'vscode-languageserver';
import { isLevel, isRemitMap, RemitMap } from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { isNamedElement, kindWord, mapOf, nameParts, type NamedElement } from '../references/names.js';
import type { RemitLspServices } from './remit-lsp-module.js';

/** What a rename at a position renames, and the part of the text the editor shows as the old name. */
interface RenameTarget {
    element: NamedElement;
    range: Range;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Rename that keeps the way each reference is written: renaming role `Coach` of map
 * `District` to `Mentor` turns `Coach` inside District into `Mentor` and `District.Coach`
 * elsewhere into `District.Mentor`; renaming a map rewrites the map part of every
 * `Map.Element` that names one of its elements. Langium's default would replace the whole
 * reference with the bare new name, which other maps cannot resolve.
 *
 * On a qualified reference the cursor decides what is renamed: on `District` the map, on
 * `Coach` the role.
 */
export class RemitRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;
    private readonly keywords: ReadonlySet<string>;

    constructor(services: RemitLspServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.index = services.shared.workspace.IndexManager;
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar)
            .filter(GrammarAST.isKeyword).map(k => k.value).filter(k => NAME.test(k)));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        this.refuseBuiltin(target.element);
        const newName = params.newName.trim();
        this.checkNewName(target.element, newName);
        const edits = new EditList();
        const nameNode = this.nameProvider.getNameNode(target.element);
        if (nameNode) edits.add(AstUtils.getDocument(target.element).uri.toString(), nameNode.range, newName);
        if (isRemitMap(target.element)) {
            // `under Map` names the map itself.
            for (const ref of this.references.findReferences(target.element, { includeDeclaration: false })) {
                edits.add(ref.sourceUri.toString(), ref.segment.range, newName);
            }
            // Inside the map its elements are named plainly; only `Map.Element` carries the map's name.
            for (const element of elementsOf(target.element)) {
                for (const ref of this.references.findReferences(element, { includeDeclaration: false })) {
                    const parts = nameParts(this.textAt(ref.sourceUri, ref.segment.range) ?? '');
                    if (parts.length > 1) edits.add(ref.sourceUri.toString(), ref.segment.range, [newName, ...parts.slice(1).map(p => p.name)].join('.'));
                }
            }
        } else {
            for (const ref of this.references.findReferences(target.element, { includeDeclaration: false })) {
                const parts = nameParts(this.textAt(ref.sourceUri, ref.segment.range) ?? '');
                edits.add(ref.sourceUri.toString(), ref.segment.range, [...parts.slice(0, -1).map(p => p.name), newName].join('.'));
            }
        }
        return { changes: edits.changes };
    }

    /** The range of the one name the rename replaces, so the editor offers `Coach`, never `District.Coach`. */
    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        this.refuseBuiltin(target.element);
        return target.range;
    }

    /** The element named at the position: a declaration's name, or a reference (or the map part of a qualified one). */
    private targetAt(document: LangiumDocument, position: Position): RenameTarget | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const found = this.references.findDeclarations(leaf)[0];
        if (!found || !isNamedElement(found) || !found.name) return undefined;
        const names = nameParts(leaf.text);
        if (this.isNameNode(leaf) || names.length < 2) return { element: found, range: leaf.range };
        // `Map.Element` is one token: the part the cursor is on (or just after) is the one renamed.
        const at = offset - leaf.offset;
        const part = names.find(n => n.offset <= at && at <= n.offset + n.name.length);
        const range = (n: { name: string; offset: number }): Range => ({
            start: document.textDocument.positionAt(leaf.offset + n.offset),
            end: document.textDocument.positionAt(leaf.offset + n.offset + n.name.length)
        });
        if (!part || part === names[names.length - 1]) return { element: found, range: range(names[names.length - 1]) };
        // The cursor is on the map part of `Map.Element`.
        const map = mapOf(found);
        return map && part === names[0] ? { element: map, range: range(part) } : undefined;
    }

    private refuseBuiltin(element: NamedElement): void {
        if (!isStandardLibrary(AstUtils.getDocument(element).uri)) return;
        const what = isLevel(element) ? `a level of the built-in ${element.$container.name} scheme` : `a built-in ${kindWord(element)}`;
        throw new ResponseError(ErrorCodes.InvalidRequest,
            `'${element.name}' is ${what} and cannot be renamed. To use other words, write your own 'levels' block and name it after 'uses'.`);
    }

    private checkNewName(element: NamedElement, newName: string): void {
        const what = kindWord(element);
        if (!NAME.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${newName}' cannot be the name of a ${what}: a name starts with a letter or '_' and has only letters, digits, '_' and '-' (no spaces or dots). Put words with spaces in the title instead.`);
        }
        if (this.keywords.has(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `'${newName}' is a word of the Remit language and cannot be the name of a ${what}. Choose another name.`);
        }
        if (newName === element.name) return;
        const clash = this.clashing(element, newName);
        if (clash) {
            throw new ResponseError(ErrorCodes.InvalidParams, clash);
        }
    }

    /** Why the new name would collide with another element of the same namespace, if it would. */
    private clashing(element: NamedElement, newName: string): string | undefined {
        if (isRemitMap(element)) {
            const other = this.index.allElements(RemitMap.$type).find(d => d.name === newName && !isStandardLibrary(d.documentUri));
            return other ? `There is already a map named '${newName}'. Choose another name.` : undefined;
        }
        if (isLevel(element)) {
            const other = element.$container.levels.find(l => l !== element && l.name === newName);
            return other ? `The ${element.$container.name} scheme already has a level named '${newName}'. Choose another name.` : undefined;
        }
        const map = mapOf(element);
        const other = map ? elementsOf(map).find(e => e !== element && e.name === newName) : undefined;
        return other && map ? `${map.name} already has a ${kindWord(other)} named '${newName}'. Choose another name.` : undefined;
    }

    private textAt(uri: URI, range: Range): string | undefined {
        return this.documents.getDocument(uri)?.textDocument.getText(range);
    }
}

/** Everything a map names in its one namespace (levels live in their scheme instead). */
function elementsOf(map: RemitMap): NamedElement[] {
    return AstUtils.streamAllContents(map)
        .filter((n): n is NamedElement => isNamedElement(n) && !isLevel(n) && Boolean(n.name))
        .toArray();
}

/** Text edits by document, each range once. */
class EditList {
    readonly changes: Record<string, TextEdit[]> = {};
    private readonly seen = new Set<string>();

    add(uri: string, range: Range, newText: string): void {
        const key = `${uri}:${range.start.line}:${range.start.character}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        (this.changes[uri] ??= []).push(TextEdit.replace(range, newText));
    }
}
