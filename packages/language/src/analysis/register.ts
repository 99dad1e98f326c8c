import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isAssignment, isDecision, type RemitAstType, type RemitMap } from '../generated/ast.js';
import type { CheckRegistration, RemitServices } from '../remit-module.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { isNamedElement, qualifiedName } from '../references/names.js';
import { report } from '../validation/report.js';
import { closestName } from '../utils/suggest.js';
import type { Finding } from './finding.js';
import { findNode } from '../utils/ast-walk.js';

/**
 * Reports the authority analysis' findings as diagnostics. The analysis runs once over the
 * whole workspace (cached per state of the workspace); each document shows the findings
 * located in it, so a school map's decision escalating to a district role, or a role used
 * only from another map, is judged with every map in view.
 */
export const AUTHORITY_CHECKS: CheckRegistration[] = [
    (registry, services) => registry.register<RemitAstType>({
        RemitMap: (map, accept) => reportFindings(map, accept, services)
    }, undefined, 'fast')
];

/** Rules about one decision's assignments, judged from its timeline. */
const DECISION_RULES = new Set<string>([
    'no-final-authority', 'multiple-final-authority', 'missing-required-level', 'duplicate-assignment',
    'redundant-assignment', 'veto-over-own-decision', 'vacant-final-authority', 'escalation-cycle', 'no-deadlock-path'
]);

/** What a decision's unresolved names leave uncertain. */
interface Unsettled {
    /** A misspelt level or phase: which assignment applies when is unknown. */
    timeline: boolean;
    /** Levels with a misspelt holder. */
    levels: Set<string>;
}

/** What each document was last shown, so the editor re-checks only documents whose findings changed. */
const shownFindings = new WeakMap<LangiumDocument, string>();

/**
 * A fingerprint of the authority findings `document` would show now. When it differs from
 * the one it was last validated with, the document must be checked again.
 */
export function findingsFingerprint(document: LangiumDocument, services: RemitServices): string {
    if (isStandardLibrary(document.uri) || hasSyntaxErrors(document)) return '';
    const findings = services.analysis.WorkspaceAnalysis.findingsIn(services.model.ModelProvider.workspace(), services.settings.RemitSettings.config, document.uri.toString());
    const parts = findings.map(fingerprintOf);
    // Unused-element hints are held back by misspelt names anywhere in the workspace.
    if (findings.some(f => f.code === 'unused-element')) parts.push(misspelt(services).join('\u0000'));
    return parts.join('\n');
}

const fingerprints = new WeakMap<object, string>();

function fingerprintOf(finding: Finding): string {
    let text = fingerprints.get(finding);
    if (text === undefined) fingerprints.set(finding, text = `${finding.code}|${finding.element}|${rangeKey(finding.location.range)}|${finding.message}`);
    return text;
}

/** The fingerprint the document was last validated with (undefined before its first check). */
export function shownFingerprint(document: LangiumDocument): string | undefined {
    return shownFindings.get(document);
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

function reportFindings(map: RemitMap, accept: ValidationAcceptor, services: RemitServices): void {
    const document = AstUtils.getDocument(map);
    if (!document || isStandardLibrary(document.uri)) return;
    shownFindings.set(document, findingsFingerprint(document, services));
    // Text that cannot be read is reported as syntax errors; judging its half-read
    // contents would only add confusing findings.
    if (hasSyntaxErrors(document)) return;
    const uri = document.uri.toString();
    const findings = services.analysis.WorkspaceAnalysis.findingsIn(services.model.ModelProvider.workspace(), services.settings.RemitSettings.config, uri);
    if (findings.length === 0) return;
    const unsettled = decisionsWithUnresolvedNames(document);
    const index = services.shared.workspace.IndexManager;
    const locator = services.workspace.AstNodeLocator;
    let misspeltNames: string[] | undefined;
    for (const finding of findings) {
        const doubt = unsettled.get(finding.element);
        if (doubt && DECISION_RULES.has(finding.code) && doubt.timeline) continue;
        if (doubt && (finding.code === 'no-final-authority' || finding.code === 'missing-required-level') && doubt.levels.has(finding.data.level)) continue;
        // A finding located at an element is shown at its name; one located at a line inside
        // an element (an 'overrides' or 'under' name) at that line.
        const exact = nodeAt(map, finding.location.range);
        const node = exact ?? elementNode(map, finding.element) ?? map;
        // The model leaves out assignments whose level is misspelt; their holders are still used.
        if (finding.code === 'unused-element') {
            const path = locator.getAstNodePath(node);
            const referenced = index.findAllReferences(node, path)
                .some(r => r.sourceUri.toString() !== uri || !isInside(r.sourcePath, path));
            // A misspelt reference to it is already an error; the element is meant to be used.
            const name = finding.data.name;
            misspeltNames ??= misspelt(services);
            if (referenced || misspeltNames.some(text => closestName(text, [name, finding.element]) !== undefined)) continue;
        }
        report(accept, finding.code, finding.message, {
            node,
            range: (exact ? nameRange(exact) : undefined) ?? finding.location.range,
            data: { ...finding.data, element: finding.element }
        });
    }
}

/** Misspelt names per state of the workspace: every document asks, the answer is one scan. */
const misspeltCache = new WeakMap<object, string[]>();

/**
 * Each document's misspelt names, kept with its map's model: the model is rebuilt exactly
 * when the document is linked again, which is when its references can resolve differently.
 */
const misspeltInMap = new WeakMap<object, string[]>();

/** The text of every reference in the workspace that resolves to nothing. */
function misspelt(services: RemitServices): string[] {
    const state = services.model.ModelProvider.workspace();
    let names = misspeltCache.get(state);
    if (!names) {
        names = services.shared.workspace.LangiumDocuments.all
            .flatMap(doc => misspeltIn(doc, services))
            .toArray();
        misspeltCache.set(state, names);
    }
    return names;
}

function misspeltIn(document: LangiumDocument, services: RemitServices): string[] {
    const scan = () => document.references.filter(r => r.error !== undefined).map(r => r.$refText);
    const map = isStandardLibrary(document.uri) ? undefined : services.model.ModelProvider.mapOf(document);
    if (!map) return scan();
    let names = misspeltInMap.get(map);
    if (!names) misspeltInMap.set(map, names = scan());
    return names;
}

/** Whether a reference stands inside the element it refers to (`backup` naming itself). */
function isInside(sourcePath: string, targetPath: string): boolean {
    return sourcePath === targetPath || sourcePath.startsWith(`${targetPath}/`);
}

/**
 * Decisions with an assignment naming something that does not exist (already an error).
 * Until it is fixed, the rules that the misspelt name could decide are held back: the
 * error is the finding, not the gap it seems to leave.
 */
function decisionsWithUnresolvedNames(document: LangiumDocument): Map<string, Unsettled> {
    const result = new Map<string, Unsettled>();
    for (const reference of document.references) {
        if (!reference.error) continue;
        const info = reference.error.info;
        const assignment = AstUtils.getContainerOfType(info.container, isAssignment);
        const decision = assignment ? AstUtils.getContainerOfType(assignment, isDecision) : undefined;
        if (!assignment || !decision?.name) continue;
        const name = qualifiedName(decision);
        const entry = result.get(name) ?? { timeline: false, levels: new Set<string>() };
        if (info.property === 'holders') entry.levels.add(assignment.level.$refText);
        else entry.timeline = true;
        result.set(name, entry);
    }
    return result;
}

/**
 * The first node of the map (a node before its contents) whose text has exactly this range,
 * to turn a model location back into a node. A node's contents lie within its own text, so
 * only the nodes around the range are looked into: the ranges of the others are never made.
 */
function nodeAt(map: RemitMap, range: Range): AstNode | undefined {
    return findNode(map, node => {
        const own = node.$cstNode?.range;
        if (!own) return 'enter';
        if (samePosition(own.start, range.start) && samePosition(own.end, range.end)) return 'found';
        return before(own.start, range.start) && before(range.end, own.end) ? 'enter' : 'skip';
    });
}

function samePosition(a: Range['start'], b: Range['start']): boolean {
    return a.line === b.line && a.character === b.character;
}

/** Whether `a` is at or before `b`. */
function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function rangeKey(range: Range): string {
    return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

/** The named element a finding is about, by its qualified name. */
function elementNode(map: RemitMap, element: string): AstNode | undefined {
    return findNode(map, node => isNamedElement(node) && node.name && qualifiedName(node) === element ? 'found' : 'enter');
}

/** A named element is underlined at its name, not across its whole block. */
function nameRange(node: AstNode): Range | undefined {
    if (!isNamedElement(node)) return undefined;
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range;
}

export type { Finding };
