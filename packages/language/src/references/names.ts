import { AstUtils, type AstNode } from 'langium';
import {
    isDecision, isDomain, isLevel, isLevelScheme, isPhase, isRemitMap, isRole, isTeam,
    type Decision, type Domain, type Level, type LevelScheme, type Phase, type RemitMap, type Role, type Team
} from '../generated/ast.js';

/** Every element that has a name a user can refer to. */
export type NamedElement = RemitMap | LevelScheme | Level | Phase | Role | Team | Domain | Decision;

export function isNamedElement(node: AstNode): node is NamedElement {
    return isRemitMap(node) || isLevelScheme(node) || isLevel(node) || isPhase(node)
        || isRole(node) || isTeam(node) || isDomain(node) || isDecision(node);
}

export function mapOf(node: AstNode): RemitMap | undefined {
    return AstUtils.getContainerOfType(node, isRemitMap);
}

/**
 * `Map.Element`: the name an element is known by outside its map, and the name every
 * output (diagnostics, JSON, diffs) uses. A level is `Map.Scheme.level` since levels
 * only have meaning inside their scheme.
 */
export function qualifiedName(node: NamedElement): string {
    if (isRemitMap(node)) return node.name;
    let name = qualifiedNames.get(node);
    if (name === undefined) {
        if (isLevel(node)) name = `${qualifiedName(node.$container)}.${node.name}`;
        else {
            const map = mapOf(node);
            name = map ? `${map.name}.${node.name}` : node.name;
        }
        qualifiedNames.set(node, name);
    }
    return name;
}

/**
 * Each element's qualified name, made once: a syntax tree does not change once parsed. Every
 * reference to an element (a district's schools name their principal thousands of times)
 * then gives the same string, whose hash, once worked out, is kept with it; a new string
 * each time had to be joined up and hashed again by every set and map of the analysis.
 */
const qualifiedNames = new WeakMap<AstNode, string>();

/** The nearest element a diagnostic at `node` is about, by qualified name. */
export function elementNameAt(node: AstNode | undefined): string | undefined {
    let current = node;
    while (current) {
        if (isNamedElement(current) && current.name) return qualifiedName(current);
        current = current.$container;
    }
    return undefined;
}

/** What a person calls each kind of element, for messages. */
export function kindWord(node: AstNode): string {
    switch (node.$type) {
        case 'RemitMap': return 'map';
        case 'LevelScheme': return 'level scheme';
        case 'Level': return 'level';
        case 'Phase': return 'phase';
        case 'Role': return 'role';
        case 'Team': return 'team';
        case 'Domain': return 'domain';
        case 'Decision': return 'decision';
        default: return 'element';
    }
}

/**
 * The map a qualified name belongs to: the part before the first dot (names have no dots,
 * so `Map.Element` and `Map.Scheme.level` both give `Map`); a plain name is its own.
 */
export function mapNameOf(qualifiedName: string): string {
    const dot = qualifiedName.indexOf('.');
    return dot < 0 ? qualifiedName : qualifiedName.slice(0, dot);
}

/**
 * The names a reference is written with, where each stands in its text: `District` at 0 and
 * `Coach` at 9 for `District.Coach`. A reference is one token, so an editor feature that
 * treats the map part apart (a namespace colour, renaming the map) works from these.
 */
export function nameParts(text: string): Array<{ name: string; offset: number }> {
    const parts: Array<{ name: string; offset: number }> = [];
    let from = 0;
    for (let dot = text.indexOf('.'); ; dot = text.indexOf('.', from)) {
        // Spaces around the dot (`District . Coach`) are not part of either name.
        const raw = text.slice(from, dot < 0 ? text.length : dot);
        const name = raw.trim();
        if (name) parts.push({ name, offset: from + raw.indexOf(name) });
        if (dot < 0) return parts;
        from = dot + 1;
    }
}
