import { AstUtils, GrammarAST, URI, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type IndexManager, type ValidationAcceptor } from 'langium';
import {
    isAssignment, isDomain, isLevel, isLevelScheme, isPhaseList, isRole, isTeam,
    type Assignment, type Duration, type LevelScheme, type RemitMap, type Role, type Team
} from '../generated/ast.js';
import type { RemitServices } from '../remit-module.js';
import type { SchemeResolver } from '../references/scheme-resolver.js';
import { isNamedElement, kindWord, qualifiedName, type NamedElement } from '../references/names.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { report } from './report.js';
import { RemitIndexManager } from '../workspace/index-manager.js';

/**
 * The core rules: names, scheme shape and phase order. They need no authority analysis,
 * only the linked syntax tree.
 */
export class CoreChecks {
    private readonly index: IndexManager;
    private readonly schemes: SchemeResolver;

    constructor(services: RemitServices) {
        this.index = services.shared.workspace.IndexManager;
        this.schemes = services.references.SchemeResolver;
    }

    /**
     * A name is one word: the lexer reads `District.Coach` as one token wherever a name may
     * stand, so a '.' in an element's own name is reported here, in plain words, rather than
     * by the parser.
     */
    checkPlainName(element: NamedElement, accept: ValidationAcceptor): void {
        const name = element.name;
        if (!name?.includes('.')) return;
        const kind = kindWord(element);
        const message = name.endsWith('.') && name.indexOf('.') === name.length - 1
            ? `'${name}' cannot be the name of a ${kind}: a name does not end with '.'. Write '${name.slice(0, -1)}'.`
            : `'${name}' cannot be the name of a ${kind}: a name is one word, without '.' (a '.' joins a map's name to one of its elements' names, as in District.Coach). Write it as ${name.replace(/\.+$/, '').replace(/\./g, '-')}, or put the words in the title.`;
        report(accept, 'syntax-error', message, { node: element, property: 'name' });
    }

    /** `duplicate-name` inside one map: roles and teams share a namespace since both can hold a level. */
    checkDuplicateNames(map: RemitMap, accept: ValidationAcceptor): void {
        const groups = new Map<string, NamedElement[]>();
        const add = (group: string, node: NamedElement) => {
            if (!node.name) return;
            const key = `${group}\u0000${node.name}`;
            const members = groups.get(key);
            if (members) members.push(node);
            else groups.set(key, [node]);
        };
        for (const element of map.elements) {
            if (isRole(element) || isTeam(element)) add('holder', element);
            else if (isLevelScheme(element)) {
                add('scheme', element);
                for (const level of element.levels) add(`level:${element.name}`, level);
            } else if (isPhaseList(element)) element.phases.forEach(p => add('phase', p));
            else if (isDomain(element)) this.collectDomain(element, add);
        }
        for (const nodes of groups.values()) {
            const [first, ...rest] = nodes;
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            for (const node of rest) {
                report(accept, 'duplicate-name',
                    `There is already a ${kindWord(first)} named '${node.name}' in this ${isLevelScheme(first.$container) ? 'scheme' : 'map'} (line ${line}). Give one of them another name.`,
                    { node, property: 'name' });
            }
        }
    }

    private collectDomain(domain: import('../generated/ast.js').Domain, add: (group: string, node: NamedElement) => void): void {
        add('domain', domain);
        for (const decision of domain.decisions) add('decision', decision);
        for (const inner of domain.domains) this.collectDomain(inner, add);
    }

    /** `duplicate-name` across the workspace: map names are what other maps refer through. */
    checkDuplicateMapName(map: RemitMap, accept: ValidationAcceptor): void {
        if (!map.name) return;
        // Only the root node carries `$document`, not the map inside it.
        const uri = AstUtils.findRootNode(map).$document?.uri.toString();
        if (!uri || isStandardLibrary(uri)) return;
        const index = this.index;
        const declaring = index instanceof RemitIndexManager
            ? index.documentsDeclaringMap(map.name)
            : index.allElements('RemitMap').filter(d => d.name === map.name).map(d => d.documentUri.toString()).toArray();
        const others = declaring.filter(other => other !== uri).map(other => URI.parse(other).path.split('/').pop());
        if (others.length > 0) {
            report(accept, 'duplicate-name',
                `Another map in the workspace is also named '${map.name}' (${others.join(', ')}). Map names must be unique, since other maps refer to '${map.name}.Element'. Rename one of them.`,
                { node: map, property: 'name' });
        }
    }

    /** `invalid-value` on the front matter's dates: `adopted "2026-09-01"`, `next-review "2027-06"`. */
    checkFrontMatterDates(map: RemitMap, accept: ValidationAcceptor): void {
        if (map.adopted !== undefined && !isDate(map.adopted, false)) {
            report(accept, 'invalid-value',
                `'${map.adopted}' is not a date the charter can print as its adoption date. Write the day it was adopted as year-month-day, for example adopted "2026-09-01".`,
                { node: map, property: 'adopted' });
        }
        if (map.nextReview !== undefined && !isDate(map.nextReview, true)) {
            report(accept, 'invalid-value',
                `'${map.nextReview}' is not a date the charter can print as its next review. Write a year and month, for example next-review "2027-06", or a full date such as "2027-06-15".`,
                { node: map, property: 'nextReview' });
        }
    }

    /** `scheme-shape` and `veto-after-final`. */
    checkScheme(scheme: LevelScheme, accept: ValidationAcceptor): void {
        const finals = scheme.levels.filter(l => l.final);
        if (finals.length === 0) {
            report(accept, 'scheme-shape',
                `${schemeWords(scheme)} has no final level, so no decision under it could ever be made. Mark the level that makes the call with 'final'.`,
                { node: scheme, property: 'name' });
        } else if (finals.length > 1) {
            for (const level of finals.slice(1)) {
                report(accept, 'scheme-shape',
                    `${schemeWords(scheme)} has more than one final level (${finals.map(l => l.name).join(', ')}). Keep 'final' on exactly one of them.`,
                    { node: level, keyword: 'final' });
            }
        }
        const finalIndex = scheme.levels.findIndex(l => l.final);
        if (finalIndex < 0) return;
        scheme.levels.forEach((level, i) => {
            if (level.veto && i > finalIndex) {
                report(accept, 'veto-after-final',
                    `'${level.name}' can veto but acts after '${scheme.levels[finalIndex].name}', the final level: a veto after the decision is made blocks nothing. Move '${level.name}' before '${scheme.levels[finalIndex].name}'.`,
                    { node: level, keyword: 'veto' });
            }
        });
    }

    /** `phase-order` on assignments: `from` must come before `until`. */
    checkAssignmentPhases(assignment: Assignment, accept: ValidationAcceptor): void {
        const from = assignment.from?.ref;
        const until = assignment.until?.ref;
        if (!from && until && !assignment.from) {
            // `until` alone runs from the first phase; until the first phase is no time at all.
            const first = this.schemes.phasesOf(findMap(assignment))[0];
            if (first === until) {
                report(accept, 'phase-order',
                    `'until ${until.name}': ${until.name} is the first phase, so this line never applies ('until' is exclusive). Use a later phase, or remove 'until'.`,
                    { node: assignment, property: 'until' });
            }
            return;
        }
        if (!from || !until) return;
        const map = assignment.$container.$container;
        const phases = this.schemes.phasesOf(findMap(map));
        const fromIndex = phases.indexOf(from);
        const untilIndex = phases.indexOf(until);
        if (fromIndex >= untilIndex) {
            const why = fromIndex === untilIndex
                ? `it starts and ends with ${from.name}, so it never applies ('until' is exclusive)`
                : `${until.name} comes before ${from.name}, so it never applies`;
            const fix = fromIndex === untilIndex ? `Use a phase after ${from.name} for 'until'` : `Swap the two phases`;
            report(accept, 'phase-order',
                `'from ${from.name} until ${until.name}': ${why}. ${fix}.`,
                { node: assignment, property: 'until' });
        }
    }

    /** `phase-order` on durations: `12..6 months` is inverted. */
    checkDuration(duration: Duration, accept: ValidationAcceptor): void {
        if (duration.max !== undefined && duration.max < duration.min) {
            report(accept, 'phase-order',
                `The duration ${duration.min}..${duration.max}${duration.unit ? ` ${duration.unit}` : ''} is inverted: write the shorter bound first (${duration.max}..${duration.min}).`,
                { node: duration });
        }
    }

    /** `duplicate-property`: a property written twice silently loses one of the values. */
    checkRepeatedProperties(node: AstNode, keywords: readonly string[], accept: ValidationAcceptor): void {
        // One pass over the element's own text (nested elements are skipped): this runs on
        // every role, decision and assignment of the workspace on each change.
        // The table is made only for an element that has one of the keywords at all.
        let counts: Map<string, number> | undefined;
        const visit = (cst: CompositeCstNode): void => {
            // A node's own text: its leaves, and composite nodes that are not another element's.
            for (const child of cst.content) {
                if (isCompositeCstNode(child)) {
                    if (child.astNode === node) visit(child);
                } else if (GrammarAST.isKeyword(child.grammarSource) && keywords.includes(child.grammarSource.value)) {
                    counts ??= new Map();
                    counts.set(child.grammarSource.value, (counts.get(child.grammarSource.value) ?? 0) + 1);
                }
            }
        };
        const own = node.$cstNode;
        if (!own || own.astNode !== node) return;
        if (isCompositeCstNode(own)) visit(own);
        else if (GrammarAST.isKeyword(own.grammarSource) && keywords.includes(own.grammarSource.value)) counts = new Map([[own.grammarSource.value, 1]]);
        if (!counts) return;
        for (const keyword of keywords) {
            const count = counts.get(keyword) ?? 0;
            if (count > 1) {
                const found = { length: count };
                const times = found.length === 2 ? 'twice' : `${found.length} times`;
                const message = isAssignment(node)
                    ? `'${keyword}' is given ${times} in one '${node.level?.$refText ?? ''}' line of decision '${node.$container.name}'; only the last one counts. Keep one '${keyword}' on the line, or split it into two lines.`
                    : isLevel(node)
                    ? `The level '${node.name}' is marked '${keyword}' ${times}; once is enough. Remove the repeat.`
                    : `'${keyword}' is given ${times} for ${kindWord(node)} '${(node as { name?: string }).name ?? ''}'; only the last one counts. Keep one '${keyword}'.`;
                report(accept, 'duplicate-property', message, { node, keyword, index: found.length - 1 });
            }
        }
    }

    /** `invalid-value`: numbers that cannot mean anything. */
    checkRoleValues(role: Role, accept: ValidationAcceptor): void {
        if (role.release !== undefined && role.release > 100) {
            report(accept, 'invalid-value', `Release time of ${role.release}% is more than the whole working week. Use a share from 0% to 100%.`, { node: role, property: 'release' });
        }
        if (role.seats !== undefined && !Number.isInteger(role.seats)) {
            report(accept, 'invalid-value', `'seats ${role.seats}' is not a whole number of positions. Write how many people can hold the role, such as 'seats ${Math.max(1, Math.round(role.seats))}'.`, { node: role, property: 'seats' });
        }
    }

    checkTeamValues(team: Team, accept: ValidationAcceptor): void {
        const rule = team.rule;
        if (!rule) return;
        for (const step of [rule, ...rule.then]) {
            if (step.kind !== 'vote' || step.needed === undefined || step.of === undefined) continue;
            if (step.of === 0 || step.needed === 0 || step.needed > step.of || !Number.isInteger(step.needed) || !Number.isInteger(step.of)) {
                const node = step === rule && rule.then.length === 0 ? rule : step;
                report(accept, 'invalid-value', `'vote ${step.needed}/${step.of}' is not a share of the members a vote could reach. Write a fraction such as 2/3 or 3/4.`, step === rule ? { node, keyword: 'vote' } : { node });
            }
        }
    }

    /** `duplicate-member`: a holder listed twice in one team's `members` and `advisory` lines. */
    checkDuplicateMembers(team: Team, accept: ValidationAcceptor): void {
        const seen = new Map<string, 'members' | 'advisory'>();
        const entries = [
            ...team.members.map((reference, index) => ({ reference, index, property: 'members' as const })),
            ...team.advisory.map((reference, index) => ({ reference, index, property: 'advisory' as const }))
        ].sort((a, b) => (a.reference.$refNode?.offset ?? 0) - (b.reference.$refNode?.offset ?? 0));
        for (const { reference, index, property } of entries) {
            const target = reference.ref;
            if (!target || !isNamedElement(target)) continue;
            const key = qualifiedName(target);
            const first = seen.get(key);
            if (!first) { seen.set(key, property); continue; }
            const where = first === property
                ? `twice in the '${property}' of team '${team.name}'. Remove the repeat.`
                : `both as a member and as an advisory member of team '${team.name}'. Keep it in 'members' if it votes, or in 'advisory' if it takes part without a vote, and remove the other.`;
            report(accept, 'duplicate-member', `'${reference.$refText}' is listed ${where}`,
                { node: team, property, index, data: {
                    holder: reference.$refText, property, index, first,
                    fixes: [{ title: `Remove the repeated '${reference.$refText}'`, preferred: true, edits: [{ kind: 'remove-member', property, index }] }]
                } });
        }
    }

    /** `duplicate-property`: `tight` and `loose` both given for one decision or domain. */
    checkBinding(node: AstNode & { name?: string }, accept: ValidationAcceptor): void {
        const keywords: CstNode[] = [];
        const visit = (cst: CstNode): void => {
            if (cst.astNode !== node) return;
            if (isCompositeCstNode(cst)) cst.content.forEach(visit);
            else if (GrammarAST.isKeyword(cst.grammarSource) && (cst.grammarSource.value === 'tight' || cst.grammarSource.value === 'loose')) keywords.push(cst);
        };
        if (node.$cstNode) visit(node.$cstNode);
        if (keywords.length < 2) return;
        const words = keywords.map(k => k.text);
        const message = new Set(words).size === 1
            ? `'${words[0]}' is given ${keywords.length === 2 ? 'twice' : `${keywords.length} times`} for ${kindWord(node)} '${node.name ?? ''}'; once is enough. Remove the repeat.`
            : `${kindWord(node) === 'domain' ? 'Domain' : 'Decision'} '${node.name ?? ''}' is marked both 'tight' and 'loose'; only the last one counts. Keep the one you mean.`;
        report(accept, 'duplicate-property', message, { node, range: keywords[keywords.length - 1].range });
    }
}

function findMap(node: AstNode): RemitMap {
    let current: AstNode | undefined = node;
    while (current && current.$type !== 'RemitMap') current = current.$container;
    return current as RemitMap;
}

export const ROLE_PROPERTIES = ['kind', 'holders', 'seats', 'vacant', 'release', 'backup', 'reports', 'requires'] as const;
export const TEAM_PROPERTIES = ['chair', 'rule', 'requires'] as const;
export const DECISION_PROPERTIES = ['escalate', 'review', 'pattern', 'source', 'status', 'fallback', 'overrides'] as const;
export const MAP_PROPERTIES = ['uses', 'status', 'under', 'version', 'adopted', 'approved', 'next-review'] as const;
export const ASSIGNMENT_PROPERTIES = ['from', 'until', 'when'] as const;
export const LEVEL_FLAGS = ['final', 'veto', 'required'] as const;

/** How a level scheme is named in a message, with or without a name (a keyword where its name should be). */
function schemeWords(scheme: LevelScheme): string {
    return scheme.name ? `The level scheme '${scheme.name}'` : 'This level scheme';
}

/** YYYY-MM-DD that names a real day (no 31 April); YYYY-MM as well when `monthOnly` is allowed. */
export function isDate(text: string, monthOnly: boolean): boolean {
    const parts = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
    if (!parts || (parts[3] === undefined && !monthOnly)) return false;
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), parts[3] === undefined ? 1 : Number(parts[3])];
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
