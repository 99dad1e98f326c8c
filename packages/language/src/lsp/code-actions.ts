import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    isAssignment, isDecision, isDomain, isLevelScheme, isPhase, isPhaseList, isRole, isTeam,
    type Assignment, type Decision, type RemitFile, type RemitMap, type Team
} from '../generated/ast.js';
import { isNamedElement, qualifiedName, type NamedElement } from '../references/names.js';
import { diagnosticData, type FixEdit, type RemitDiagnosticData } from '../validation/finding-data.js';

/**
 * Quick fixes, as the rules propose them: each finding's data lists its fixes as edits
 * described in words of the map (add this assignment, move this holder, remove this
 * element; see validation/finding-data.ts), and this provider turns each into a text edit
 * of the map as written. Nothing else in the file moves.
 */
export class RemitCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        const map = (document.parseResult.value as RemitFile).map;
        if (!map) return actions;
        const editor = new TextEditor(document);
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnosticData(diagnostic.data);
            for (const fix of data?.fixes ?? []) {
                const parts = fix.edits.map(edit => this.textEdits(map, diagnostic, data!, edit, editor));
                // A fix whose edits the text no longer supports is not offered by halves.
                if (parts.some(p => p.length === 0)) continue;
                const edits = parts.flat();
                actions.push({
                    title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred || undefined,
                    edit: { changes: { [document.textDocument.uri]: edits } }
                });
            }
        }
        return actions;
    }

    /** The text edits for one described edit; none when the text no longer has what it acts on. */
    private textEdits(map: RemitMap, diagnostic: Diagnostic, data: RemitDiagnosticData, edit: FixEdit, editor: TextEditor): TextEdit[] {
        switch (edit.kind) {
            case 'add-assignment': {
                const decision = findNamed(map, data.element, isDecision);
                if (!decision) return [];
                return [editor.addAssignment(decision, edit.level, `${edit.level} ${edit.holder}${boundsText(edit.from, edit.until)}`)];
            }
            case 'remove-holder':
            case 'move-holder': {
                const decision = findNamed(map, data.element, isDecision);
                if (!decision) return [];
                const to = edit.kind === 'move-holder' ? edit.to : undefined;
                return this.takeHolderOff(map, decision, edit.level, edit.holder, phaseSpan(map, edit.from, edit.until), editor, to);
            }
            case 'remove-repeat': {
                const assignment = AstUtils.streamAst(map).filter(isAssignment).find(a => sameRange(a.$cstNode?.range, diagnostic.range));
                if (!assignment) return [];
                const positions = assignment.holders.map((h, i) => sameHolder(h, edit.holder, map) ? i : -1).filter(i => i >= 0);
                const index = positions[positions.length - 1];
                if (index === undefined) return [];
                return [assignment.holders.length === 1 ? editor.removeNode(assignment) : editor.removeListItem(assignment.holders, index)];
            }
            case 'set-pattern': {
                const decision = findNamed(map, data.element, isDecision);
                if (!decision) return [];
                const patternNode = GrammarUtils.findNodeForProperty(decision.$cstNode, 'pattern');
                return [patternNode
                    ? { range: patternNode.range, newText: edit.pattern }
                    : editor.addToDecision(decision, `pattern ${edit.pattern}`, true)];
            }
            case 'add-team-rule': {
                const team = findNamed(map, data.element, isTeam);
                return team ? [editor.addToTeam(team, `rule ${edit.rule}`)] : [];
            }
            case 'replace-reference':
                return [{ range: diagnostic.range, newText: edit.text }];
            case 'create-role':
                return [editor.addRole(map, edit.name)];
            case 'remove-element': {
                const node = findNamed(map, data.element, (n): n is NamedElement => isRole(n) || isTeam(n) || isPhase(n) || isLevelScheme(n));
                return node ? [editor.removeNode(node)] : [];
            }
            case 'add-decision-line': {
                const decision = findNamed(map, data.element, isDecision);
                return decision ? [editor.addToDecision(decision, edit.line)] : [];
            }
            case 'extend-team-rule': {
                const team = map.elements.filter(isTeam).find(t => t.name === edit.team);
                const rule = team?.rule?.$cstNode;
                return rule ? [{ range: rule.range, newText: `${rule.text} then ${edit.step}` }] : [];
            }
            case 'remove-member': {
                const team = findNamed(map, data.element, isTeam);
                const list = team?.[edit.property];
                if (!team || !list?.[edit.index]) return [];
                // The only item of a line goes with its keyword; others with their comma.
                const removed = list.length === 1 ? removeKeywordLine(team, edit.property, editor) : editor.removeListItem(list, edit.index);
                return removed ? [removed] : [];
            }
            case 'remove-overrides': {
                const decision = findNamed(map, data.element, isDecision);
                const removed = decision?.overrides ? removeKeywordLine(decision, 'overrides', editor) : undefined;
                return removed ? [removed] : [];
            }
        }
    }

    /**
     * Takes `holder` off every `level` line of the decision that applies within `span`;
     * with `to`, moves them to that level instead (a line of its own when others stay).
     */
    private takeHolderOff(map: RemitMap, decision: Decision, level: string, holder: string, span: [number, number], editor: TextEditor, to?: string): TextEdit[] {
        const edits: TextEdit[] = [];
        for (const assignment of decision.assignments) {
            if (assignment.level.$refText !== level || !overlaps(map, assignment, span)) continue;
            const index = assignment.holders.findIndex(h => sameHolder(h, holder, map));
            if (index < 0) continue;
            if (assignment.holders.length === 1) {
                const levelNode = GrammarUtils.findNodeForProperty(assignment.$cstNode, 'level');
                if (to && levelNode) edits.push({ range: levelNode.range, newText: to });
                else if (!to) edits.push(editor.removeNode(assignment));
            } else {
                edits.push(editor.removeListItem(assignment.holders, index));
                if (to) edits.push(editor.addLineAfter(assignment, `${to} ${holder}${boundsText(assignment.from?.$refText, assignment.until?.$refText)}`));
            }
        }
        return edits;
    }
}

/** Edits that keep the author's layout: new lines take the indentation of their neighbours. */
class TextEditor {
    private readonly text: string;

    constructor(private readonly document: LangiumDocument) {
        this.text = document.textDocument.getText();
    }

    private position(offset: number) {
        return this.document.textDocument.positionAt(offset);
    }

    private lineStart(offset: number): number {
        return this.text.lastIndexOf('\n', offset - 1) + 1;
    }

    private indentAt(offset: number): string {
        const start = this.lineStart(offset);
        return /^[ \t]*/.exec(this.text.slice(start))![0];
    }

    private insert(offset: number, newText: string): TextEdit {
        const at = this.position(offset);
        return { range: { start: at, end: at }, newText };
    }

    /** Adds a line to a decision: after its last assignment, or first when `first` is set. */
    addToDecision(decision: Decision, line: string, first = false): TextEdit {
        const cst = decision.$cstNode!;
        const open = GrammarUtils.findNodeForKeyword(cst, '{')!;
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        const oneLine = close !== undefined && close.range.start.line === open.range.start.line;
        const anchor = first ? undefined : decision.assignments[decision.assignments.length - 1]?.$cstNode;
        if (oneLine) {
            return anchor ? this.insert(anchor.end, `  ${line}`) : this.insert(open.end, ` ${line}`);
        }
        const inner = decision.assignments[0]?.$cstNode;
        const indent = inner && inner.range.start.line !== open.range.start.line
            ? this.indentAt(inner.offset) : `${this.indentAt(cst.offset)}  `;
        return this.insert(this.afterTrailingComment(anchor ? anchor.end : open.end), `\n${indent}${line}`);
    }

    /**
     * Adds an assignment where its level stands in the scheme: after the last line of the
     * same or an earlier level, else before the first line of a later one.
     */
    addAssignment(decision: Decision, level: string, line: string): TextEdit {
        const order = levelOrder(decision);
        const rank = (name: string) => order.indexOf(name);
        const wanted = rank(level);
        if (wanted < 0) return this.addToDecision(decision, line);
        const before = decision.assignments.filter(a => rank(a.level.$refText) >= 0 && rank(a.level.$refText) <= wanted);
        const anchor = before[before.length - 1];
        if (anchor) return this.addLineAfter(anchor, line, decision);
        const next = decision.assignments.find(a => rank(a.level.$refText) > wanted);
        if (!next) return this.addToDecision(decision, line);
        return this.addLineBefore(next, line, decision);
    }

    /** Adds a line before a node: on a line of its own, or before it on a one-line block. */
    addLineBefore(node: AstNode, line: string, block: Decision): TextEdit {
        const cst = node.$cstNode!;
        if (this.isOneLine(block)) return this.insert(cst.offset, `${line}  `);
        const start = this.lineStart(cst.offset);
        if (!/^[ \t]*$/.test(this.text.slice(start, cst.offset))) return this.insert(cst.offset, `${line}\n${this.indentAt(cst.offset)}`);
        return this.insert(start, `${this.indentAt(cst.offset)}${line}\n`);
    }

    private isOneLine(block: Decision): boolean {
        const cst = block.$cstNode!;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        return open !== undefined && close !== undefined && close.range.start.line === open.range.start.line;
    }

    addLineAfter(node: AstNode, line: string, block?: Decision): TextEdit {
        if (block && this.isOneLine(block)) return this.insert(node.$cstNode!.end, `  ${line}`);
        const cst = node.$cstNode!;
        return this.insert(this.afterTrailingComment(cst.end), `\n${this.indentAt(cst.offset)}${line}`);
    }

    /** A new line goes after a `// comment` that ends the anchor's line, so the comment stays where it was. */
    private afterTrailingComment(offset: number): number {
        let lineEnd = this.text.indexOf('\n', offset);
        if (lineEnd < 0) lineEnd = this.text.length;
        const rest = this.text.slice(offset, lineEnd);
        if (!/^\s*\/\/.*$/.test(rest)) return offset;
        return this.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    }

    /** Adds a property to a team's block, or gives the team a block. */
    addToTeam(team: Team, property: string): TextEdit {
        const cst = team.$cstNode!;
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        if (!close) return this.insert(cst.end, ` { ${property} }`);
        let end = close.offset;
        while (end > 0 && /\s/.test(this.text[end - 1])) end--;
        const sameLine = !this.text.slice(end, close.offset).includes('\n');
        if (sameLine) return this.insert(end, `  ${property}`);
        const headerLine = this.position(end).line === cst.range.start.line;
        const indent = headerLine ? `${this.indentAt(cst.offset)}  ` : this.indentAt(end);
        return this.insert(end, `\n${indent}${property}`);
    }

    /** Declares a role after the map's last role or team, else before its first domain. */
    addRole(map: RemitMap, name: string): TextEdit {
        const holders = map.elements.filter(e => isRole(e) || isTeam(e));
        const last = holders[holders.length - 1]?.$cstNode;
        if (last) return this.insert(last.end, `\n${this.indentAt(last.offset)}role ${name}`);
        const domain = map.elements.find(isDomain)?.$cstNode;
        if (domain) return this.insert(this.lineStart(domain.offset), `role ${name}\n\n`);
        return this.insert(this.text.length, `${this.text.endsWith('\n') ? '' : '\n'}role ${name}\n`);
    }

    /** Removes one item of a comma-separated list with its comma. */
    removeListItem(items: ReadonlyArray<Reference>, index: number): TextEdit {
        const node = items[index].$refNode!;
        const range: Range = index > 0
            ? { start: items[index - 1].$refNode!.range.end, end: node.range.end }
            : { start: node.range.start, end: items[index + 1].$refNode!.range.start };
        return { range, newText: '' };
    }

    /** Removes a node; whole lines when it stands alone on them. */
    removeNode(node: AstNode): TextEdit {
        const cst = node.$cstNode!;
        return this.removeSpan(cst.offset, cst.end);
    }

    /** Removes the text from `offset` to `endOffset`; whole lines when it stands alone on them. */
    removeSpan(offset: number, endOffset: number): TextEdit {
        const start = this.lineStart(offset);
        const before = this.text.slice(start, offset);
        let lineEnd = this.text.indexOf('\n', endOffset);
        if (lineEnd < 0) lineEnd = this.text.length;
        const after = this.text.slice(endOffset, lineEnd);
        if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
            const end = Math.min(lineEnd + 1, this.text.length);
            return { range: { start: this.position(start), end: this.position(end) }, newText: '' };
        }
        let end = endOffset;
        while (end < lineEnd && /[ \t]/.test(this.text[end])) end++;
        return { range: { start: this.position(offset), end: this.position(end) }, newText: '' };
    }
}

/** The decision's scheme's levels in order, read from the levels its lines name. */
function levelOrder(decision: Decision): string[] {
    for (const assignment of decision.assignments) {
        const scheme = assignment.level.ref?.$container;
        if (isLevelScheme(scheme)) return scheme.levels.map(l => l.name);
    }
    return [];
}

/** Removes `keyword <value>` (a one-value property) from an element, with the whole line when it stands alone. */
function removeKeywordLine(node: AstNode, property: string, editor: TextEditor): TextEdit | undefined {
    const value = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    const keyword = GrammarUtils.findNodeForKeyword(node.$cstNode, property);
    if (!value || !keyword) return undefined;
    return editor.removeSpan(keyword.offset, value.end);
}

function findNamed<T extends AstNode>(map: RemitMap, element: string | undefined, guard: (node: AstNode) => node is T): T | undefined {
    if (!element) return undefined;
    return AstUtils.streamAst(map).find((node): node is T => guard(node) && isNamedElement(node) && qualifiedName(node) === element) as T | undefined;
}

function sameHolder(reference: Reference, written: string, map: RemitMap): boolean {
    if (reference.$refText === written) return true;
    const target = reference.ref;
    if (!target || !isNamedElement(target)) return false;
    const name = qualifiedName(target);
    return name === written || name === `${map.name}.${written}`;
}

function sameRange(a: Range | undefined, b: Range): boolean {
    return !!a && a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

function boundsText(from: string | undefined, until: string | undefined): string {
    return `${from ? ` from ${from}` : ''}${until ? ` until ${until}` : ''}`;
}

/** A run of phases as indices [first, end). */
function phaseSpan(map: RemitMap, from: string | undefined, until: string | undefined): [number, number] {
    const phases = map.elements.filter(isPhaseList).flatMap(l => l.phases.map(p => p.name));
    const start = from ? Math.max(0, phases.indexOf(from)) : 0;
    const end = until && phases.includes(until) ? phases.indexOf(until) : Math.max(phases.length, 1);
    return [start, end];
}

function overlaps(map: RemitMap, assignment: Assignment, [start, end]: [number, number]): boolean {
    const [from, until] = phaseSpan(map, assignment.from?.$refText, assignment.until?.$refText);
    return from < end && start < until;
}
