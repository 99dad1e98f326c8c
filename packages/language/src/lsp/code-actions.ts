import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    isAssignment, isDecision, isDomain, isLevelScheme, isPhase, isPhaseList, isRole, isTeam,
    type Assignment, type Decision, type RemitFile, type RemitMap, type Team
} from '../generated/ast.js';
import { isNamedElement, qualifiedName, type NamedElement } from '../references/names.js';

/** What the analysis and the linker put in a diagnostic's data for its quick fixes. */
interface FixData {
    code?: string;
    element?: string;
    level?: string;
    from?: string;
    until?: string;
    candidates?: string[];
    holders?: string[];
    holder?: string;
    previousLevel?: string;
    sameLine?: boolean;
    suggestions?: string[];
    refText?: string;
    property?: string;
    /** no-deadlock-path: teams whose rule ends in consensus or unanimity. */
    teams?: string[];
    /** duplicate-member: which list the repeat stands in, and where. */
    index?: number;
}

/** Reference properties that name a role or team, where creating a missing role makes sense. */
const HOLDER_PROPERTIES = new Set(['holders', 'members', 'escalate', 'chair', 'backup', 'reports']);

/**
 * Quick fixes for the rules where the fix is clear: fill a gap, settle a conflict, drop a
 * repeat, give a team a rule, create or correct a name, remove what nothing uses. Each
 * fix is a text edit of the map as written; nothing else in the file moves.
 */
export class RemitCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        const map = (document.parseResult.value as RemitFile).map;
        if (!map) return actions;
        const editor = new TextEditor(document);
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as FixData;
            const add = (title: string, edits: TextEdit[], preferred = false) => {
                if (edits.length === 0) return;
                actions.push({
                    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined,
                    edit: { changes: { [document.textDocument.uri]: edits } }
                });
            };
            switch (data.code) {
                case 'no-final-authority': this.fillGap(map, data, editor, add); break;
                case 'multiple-final-authority': this.settleConflict(map, data, editor, add); break;
                case 'duplicate-assignment': this.removeRepeat(map, diagnostic, data, editor, add); break;
                case 'veto-over-own-decision': this.removeOwnVeto(map, data, editor, add); break;
                case 'team-without-rule': this.addTeamRule(map, data, editor, add); break;
                case 'unresolved-reference': this.fixName(map, diagnostic, data, editor, add); break;
                case 'unused-element': this.removeUnused(map, data, editor, add); break;
                case 'no-deadlock-path': this.settleDeadlock(map, data, editor, add); break;
                case 'duplicate-member': this.removeDuplicateMember(map, data, editor, add); break;
                case 'invalid-override': this.removeOverride(map, data, editor, add); break;
            }
        }
        return actions;
    }

    private fillGap(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const decision = findNamed(map, data.element, isDecision);
        if (!decision || !data.level) return;
        const bounds = boundsText(data.from, data.until);
        (data.candidates ?? []).slice(0, 3).forEach((candidate, i) => {
            const line = `${data.level} ${candidate}${bounds}`;
            add(`Add '${line}'`, [editor.addToDecision(decision, line)], i === 0);
        });
    }

    private settleConflict(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const decision = findNamed(map, data.element, isDecision);
        if (!decision) return;
        const patternNode = GrammarUtils.findNodeForProperty(decision.$cstNode, 'pattern');
        add('Mark the decision \'pattern collaborative\' (they decide together)', [patternNode
            ? { range: patternNode.range, newText: 'collaborative' }
            : editor.addToDecision(decision, 'pattern collaborative', true)]);
        const lower = data.previousLevel;
        if (!lower || !data.level) return;
        const span = phaseSpan(map, data.from, data.until);
        for (const holder of data.holders ?? []) {
            const edits: TextEdit[] = [];
            for (const assignment of decision.assignments) {
                if (assignment.level.$refText !== data.level || !overlaps(map, assignment, span)) continue;
                const index = assignment.holders.findIndex(h => sameHolder(h, holder, map));
                if (index < 0) continue;
                if (assignment.holders.length === 1) {
                    const level = GrammarUtils.findNodeForProperty(assignment.$cstNode, 'level');
                    if (level) edits.push({ range: level.range, newText: lower });
                } else {
                    edits.push(editor.removeListItem(assignment.holders, index));
                    edits.push(editor.addLineAfter(assignment, `${lower} ${holder}${boundsText(assignment.from?.$refText, assignment.until?.$refText)}`));
                }
            }
            add(`Move '${holder}' to '${lower}'`, edits);
        }
    }

    private removeRepeat(map: RemitMap, diagnostic: Diagnostic, data: FixData, editor: TextEditor, add: AddAction): void {
        const assignment = AstUtils.streamAst(map).filter(isAssignment).find(a => sameRange(a.$cstNode?.range, diagnostic.range));
        if (!assignment || !data.holder) return;
        const positions = assignment.holders.map((h, i) => sameHolder(h, data.holder!, map) ? i : -1).filter(i => i >= 0);
        const index = positions[positions.length - 1];
        if (index === undefined) return;
        const edit = assignment.holders.length === 1 ? editor.removeNode(assignment) : editor.removeListItem(assignment.holders, index);
        add(`Remove the repeated '${data.holder}'`, [edit], true);
    }

    /** Takes the decider off the veto level (all lines of it that overlap the finding's phases). */
    private removeOwnVeto(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const decision = findNamed(map, data.element, isDecision);
        if (!decision || !data.level || !data.holder) return;
        const span = phaseSpan(map, data.from, data.until);
        const edits: TextEdit[] = [];
        for (const assignment of decision.assignments) {
            if (assignment.level.$refText !== data.level || !overlaps(map, assignment, span)) continue;
            const index = assignment.holders.findIndex(h => sameHolder(h, data.holder!, map));
            if (index < 0) continue;
            edits.push(assignment.holders.length === 1 ? editor.removeNode(assignment) : editor.removeListItem(assignment.holders, index));
        }
        add(`Remove '${data.holder}' from '${data.level}'`, edits, true);
    }

    private addTeamRule(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const team = findNamed(map, data.element, isTeam);
        if (!team) return;
        add('Add \'rule consensus\' to the team', [editor.addToTeam(team, 'rule consensus')], true);
        add('Add \'rule majority\' to the team', [editor.addToTeam(team, 'rule majority')]);
    }

    /** A fallback stub on the decision; for a team whose rule ends in consensus, a last step the chair takes. */
    private settleDeadlock(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const decision = findNamed(map, data.element, isDecision);
        if (!decision) return;
        add('Add a fallback: \'fallback "What happens if they do not agree"\'', [editor.addToDecision(decision, 'fallback "What happens if they do not agree"')], true);
        for (const written of data.teams ?? []) {
            const team = map.elements.filter(isTeam).find(t => t.name === written || `${map.name}.${t.name}` === written);
            const rule = team?.rule?.$cstNode;
            if (!team?.rule || !rule) continue;
            const last = team.rule.then.length ? team.rule.then[team.rule.then.length - 1].kind : team.rule.kind;
            add(`Change to 'rule ${rule.text} then chair' (the chair decides when '${team.name}' cannot agree)`,
                [{ range: rule.range, newText: `${rule.text} then chair` }]);
            if (last === 'consensus' || last === 'unanimous') {
                add(`Change to 'rule ${rule.text} then majority'`, [{ range: rule.range, newText: `${rule.text} then majority` }]);
            }
        }
    }

    private removeDuplicateMember(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const team = findNamed(map, data.element, isTeam);
        const property = data.property === 'advisory' ? 'advisory' : data.property === 'members' ? 'members' : undefined;
        if (!team || !property || data.index === undefined) return;
        const list = team[property];
        if (!list[data.index]) return;
        // The last item of a line goes with its keyword; others with their comma.
        const edit = list.length === 1 ? removeKeywordLine(team, property, editor) : editor.removeListItem(list, data.index);
        if (edit) add(`Remove the repeated '${data.holder ?? list[data.index].$refText}'`, [edit], true);
    }

    private removeOverride(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const decision = findNamed(map, data.element, isDecision);
        if (!decision?.overrides) return;
        const edit = removeKeywordLine(decision, 'overrides', editor);
        if (edit) add('Remove the \'overrides\' line', [edit], true);
    }

    private fixName(map: RemitMap, diagnostic: Diagnostic, data: FixData, editor: TextEditor, add: AddAction): void {
        for (const suggestion of data.suggestions ?? []) {
            add(`Change to '${suggestion}'`, [{ range: diagnostic.range, newText: suggestion }], true);
        }
        const name = data.refText;
        if (name && !name.includes('.') && HOLDER_PROPERTIES.has(data.property ?? '') && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
            add(`Create the role '${name}'`, [editor.addRole(map, name)]);
        }
    }

    private removeUnused(map: RemitMap, data: FixData, editor: TextEditor, add: AddAction): void {
        const node = findNamed(map, data.element, (n): n is NamedElement => isRole(n) || isTeam(n) || isPhase(n) || isLevelScheme(n));
        if (!node) return;
        add(`Remove the unused ${wordFor(node)} '${node.name}'`, [editor.removeNode(node)]);
    }
}

type AddAction = (title: string, edits: TextEdit[], preferred?: boolean) => void;

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

    addLineAfter(node: AstNode, line: string): TextEdit {
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

function wordFor(node: AstNode): string {
    switch (node.$type) {
        case 'Role': return 'role';
        case 'Team': return 'team';
        case 'Phase': return 'phase';
        case 'LevelScheme': return 'level scheme';
        default: return 'element';
    }
}
