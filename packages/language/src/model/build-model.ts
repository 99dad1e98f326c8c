import { AstUtils, GrammarUtils, type AstNode, type CommentProvider, type CstNode, type LangiumDocument, type Reference } from 'langium';
import {
    isDomain, isLevelScheme, isRole, isTeam, type RoleKind,
    type Decision, type Domain, type LevelScheme, type Phase, type RemitFile, type RemitMap, type Role, type RuleStep, type Team,
    type TeamRule
} from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { rangeOf } from '../parser/slim-cst.js';
import { qualifiedName, type NamedElement } from '../references/names.js';
import type { SchemeResolver } from '../references/scheme-resolver.js';
import type {
    AssignmentModel, DecisionBinding, DecisionModel, DecisionPattern, DecisionStatus, DomainModel, MapModel, PhaseModel,
    RoleModel, SchemeModel, SourceLocation, TeamModel, TeamRuleKind, TeamRuleModel, TeamRuleStepModel
} from './types.js';

/** Builds the checked model of one map from its linked syntax tree. */
export class MapModelBuilder {
    constructor(private readonly schemes: SchemeResolver, private readonly comments: CommentProvider) {}

    build(document: LangiumDocument): MapModel | undefined {
        const map = (document.parseResult.value as RemitFile).map;
        if (!map?.name) return undefined;
        const uri = document.uri.toString();
        const phases = this.schemes.phasesOf(map).filter(p => p.name).map((p, index) => this.phase(p, index, uri));
        const usedScheme = this.schemes.schemeOf(map);
        const scheme = usedScheme ? this.scheme(usedScheme) : emptyScheme();
        const decisions: DecisionModel[] = [];
        const context = { map, uri, periods: periodsOf(scheme, phases) };
        // An element the parser could not name (a keyword where its name should be) is left out, at every level.
        const domains = map.elements.filter(isDomain).filter(d => d.name).map(d => this.domain(d, [], undefined, context, decisions));
        // Domains keep their decisions and inner domains in two lists; the map lists its
        // decisions in the order written, so an inner domain's stand where it was written.
        decisions.sort((a, b) => writtenAt(a) - writtenAt(b));
        return {
            name: map.name,
            title: map.title ?? map.name,
            doc: this.doc(map),
            uri,
            scheme,
            schemes: map.elements.filter(isLevelScheme).filter(s => s.name).map(s => this.scheme(s)),
            status: map.status as DecisionStatus | undefined,
            under: map.under?.ref?.name,
            underLocation: map.under?.ref ? propertyLocation(map, 'under', uri) : undefined,
            frontMatter: {
                ...(map.version !== undefined && { version: map.version }),
                ...(map.adopted !== undefined && { adopted: map.adopted }),
                ...(map.approved !== undefined && { approved: map.approved }),
                ...(map.nextReview !== undefined && { nextReview: map.nextReview })
            },
            phases,
            roles: map.elements.filter(isRole).filter(r => r.name).map(r => this.role(r, uri)),
            teams: map.elements.filter(isTeam).filter(t => t.name).map(t => this.team(t, uri)),
            domains,
            decisions,
            location: location(map, uri)
        };
    }

    private scheme(scheme: LevelScheme): SchemeModel {
        // Only the root node carries `$document`; a scheme is found through it.
        const document = AstUtils.findRootNode(scheme).$document;
        const builtin = document ? isStandardLibrary(document.uri) : false;
        return {
            name: scheme.name,
            qualifiedName: builtin ? scheme.name : qualifiedName(scheme),
            title: scheme.title ?? scheme.name,
            doc: this.doc(scheme),
            builtin,
            levels: scheme.levels.filter(level => level.name).map((level, index) => ({
                name: level.name,
                title: level.title ?? level.name,
                doc: this.doc(level),
                index,
                final: level.final,
                veto: level.veto,
                required: level.required
            })),
            location: builtin || !document ? undefined : location(scheme, document.uri.toString())
        };
    }

    private phase(phase: Phase, index: number, uri: string): PhaseModel {
        return located({
            name: phase.name,
            qualifiedName: qualifiedName(phase),
            title: phase.title ?? phase.name,
            doc: this.doc(phase),
            index,
            duration: phase.duration ? { min: phase.duration.min, max: phase.duration.max, unit: phase.duration.unit } : undefined
        }, phase, uri);
    }

    private role(role: Role, uri: string): RoleModel {
        return located({
            type: 'role',
            name: role.name,
            qualifiedName: qualifiedName(role),
            title: role.title ?? role.name,
            doc: this.doc(role),
            kind: role.kind as RoleKind | undefined,
            people: [...role.holders],
            seats: role.seats,
            vacant: role.vacant,
            release: role.release,
            backup: target(role.backup),
            reports: target(role.reports),
            requires: role.requires
        }, role, uri);
    }

    private team(team: Team, uri: string): TeamModel {
        return located({
            type: 'team',
            name: team.name,
            qualifiedName: qualifiedName(team),
            title: team.title ?? team.name,
            doc: this.doc(team),
            members: targets(team.members),
            advisory: targets(team.advisory),
            chair: target(team.chair),
            rule: team.rule ? teamRule(team.rule) : undefined,
            requires: team.requires
        }, team, uri);
    }

    private domain(domain: Domain, outer: string[], outerBinding: DecisionBinding | undefined, context: MapContext, all: DecisionModel[]): DomainModel {
        const { uri } = context;
        const path = [...outer, qualifiedName(domain)];
        const binding = (domain.binding as DecisionBinding | undefined) ?? outerBinding;
        const decisions = domain.decisions.filter(d => d.name).map(d => this.decision(d, path, binding, context));
        all.push(...decisions);
        return located({
            name: domain.name,
            qualifiedName: qualifiedName(domain),
            title: domain.title ?? domain.name,
            doc: this.doc(domain),
            decisions: decisions.map(d => d.qualifiedName),
            domains: domain.domains.filter(d => d.name).map(d => this.domain(d, path, binding, context, all)),
            binding: domain.binding as DecisionBinding | undefined
        }, domain, uri);
    }

    /**
     * Each decision's model, with the levels and phases it was read against. A map whose
     * syntax tree stays as it was while a map it refers to changes (a district role renamed:
     * its two hundred schools) has its model built again, since the names its references
     * resolve to may differ; a decision whose references all resolve to what its model says
     * keeps its model then, and with it what was worked out from it (its final holders per
     * phase, kept by `PhaseTimeline`). A syntax tree parsed again has new decision nodes.
     */
    private readonly decisionModels = new WeakMap<Decision, { periods: string; model: DecisionModel }>();

    private decision(decision: Decision, domainPath: string[], domainBinding: DecisionBinding | undefined, context: MapContext): DecisionModel {
        const { map, uri, periods } = context;
        const kept = this.decisionModels.get(decision);
        if (kept && kept.periods === periods && sameNames(kept.model.domainPath, domainPath) && resolvesAsBuilt(decision, kept.model, domainBinding, map)) {
            return kept.model;
        }
        const model = this.buildDecision(decision, domainPath, domainBinding, map, uri);
        this.decisionModels.set(decision, { periods, model });
        return model;
    }

    private buildDecision(decision: Decision, domainPath: string[], domainBinding: DecisionBinding | undefined, map: RemitMap, uri: string): DecisionModel {
        const assignments: AssignmentModel[] = decision.assignments
            .filter(a => a.level.ref)
            .map(a => located({
                level: a.level.ref!.name,
                holders: targets(a.holders),
                from: a.from?.ref?.name,
                until: a.until?.ref?.name,
                when: a.when?.trim() || undefined
            }, a, uri));
        return located({
            name: decision.name,
            qualifiedName: qualifiedName(decision),
            title: decision.title ?? decision.name,
            doc: this.doc(decision),
            domainPath,
            assignments,
            after: targets(decision.after),
            escalate: target(decision.escalate),
            review: decision.cadence ?? decision.reviewText,
            pattern: decision.pattern as DecisionPattern | undefined,
            // Text in double quotes arrives unescaped (Langium's STRING converter): used as is.
            source: decision.source,
            status: (decision.status ?? map.status) as DecisionStatus | undefined,
            fallback: decision.fallback,
            fallbackBy: decision.fallbackBy,
            binding: (decision.binding as DecisionBinding | undefined) ?? domainBinding,
            overrides: target(decision.overrides),
            overridesLocation: decision.overrides?.ref ? propertyLocation(decision, 'overrides', uri) : undefined
        }, decision, uri);
    }

    /** The text of a `/** doc *\/` comment before the element; plain comments are not documentation. */
    private doc(node: AstNode): string | undefined {
        const comment = this.comments.getComment(node);
        if (!comment || !comment.startsWith('/**')) return undefined;
        const text = comment
            .replace(/^\/\*\*+/, '')
            .replace(/\*+\/$/, '')
            .split(/\r\n|\n|\r/)
            .map(line => line.replace(/^\s*\*( ?)/, '').trimEnd())
            .join('\n')
            .trim();
        return text || undefined;
    }
}

/** What a map's decisions are read against, built once per map. */
interface MapContext {
    map: RemitMap;
    uri: string;
    /** The scheme's levels (which is final, which a veto) and the map's phases, in words (see `periodsOf`). */
    periods: string;
}

/**
 * The scheme's levels with their roles, and the phases, as one string. What is worked out
 * from a decision's model and kept with it (final holders per phase) depends on them, and a
 * scheme may be another map's, changed while this map's syntax tree stays as it was.
 */
function periodsOf(scheme: SchemeModel, phases: readonly PhaseModel[]): string {
    const levels = scheme.levels.map(l => `${l.name}:${l.final ? 'f' : ''}${l.veto ? 'v' : ''}${l.required ? 'r' : ''}`);
    return `${scheme.qualifiedName}|${levels.join(',')}|${phases.map(p => p.name).join(',')}`;
}

/**
 * Whether `model`, built from this very decision node, still says what the node's references
 * resolve to now, and its map's status and its domain's binding: the model takes nothing else
 * from outside the decision's own text. Compared in the order the model was built in, so a
 * decision kept allocates nothing. (An unresolved name is left out of the model, as it is
 * when the model is built.)
 */
function resolvesAsBuilt(decision: Decision, model: DecisionModel, domainBinding: DecisionBinding | undefined, map: RemitMap): boolean {
    if (model.status !== (decision.status ?? map.status) || model.binding !== ((decision.binding as DecisionBinding | undefined) ?? domainBinding)) return false;
    let at = 0;
    for (const a of decision.assignments) {
        const level = a.level.ref;
        if (!level) continue;
        const built = model.assignments[at++];
        // The assignment lines are the node's own, where they were: an edited map is parsed
        // again into new nodes, so the same decision node has the same text.
        if (!built || built.level !== level.name
            || built.from !== a.from?.ref?.name || built.until !== a.until?.ref?.name || !sameTargets(a.holders, built.holders)) return false;
    }
    return at === model.assignments.length && sameTargets(decision.after, model.after)
        && model.escalate === target(decision.escalate) && model.overrides === target(decision.overrides);
}

/** Whether the references that resolve name `names`, in order. */
function sameTargets(references: ReadonlyArray<Reference<NamedElement>>, names: readonly string[]): boolean {
    let at = 0;
    for (const reference of references) {
        const name = target(reference);
        if (name !== undefined && names[at++] !== name) return false;
    }
    return at === names.length;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((name, i) => name === b[i]);
}

function emptyScheme(): SchemeModel {
    return { name: '', qualifiedName: '', title: '', builtin: false, levels: [] };
}

function target(reference: Reference<NamedElement> | undefined): string | undefined {
    const ref = reference?.ref;
    return ref ? qualifiedName(ref) : undefined;
}

function targets(references: ReadonlyArray<Reference<NamedElement>>): string[] {
    const names = references.map(target);
    // `filter` grows its result by pushing, leaving room for 17 names in a list of one or two.
    return names.includes(undefined) ? names.filter((name): name is string => name !== undefined) : names as string[];
}

function teamRule(rule: TeamRule): TeamRuleModel {
    const step = (s: TeamRule | RuleStep): TeamRuleStepModel => ({ kind: s.kind as TeamRuleKind, needed: s.needed, of: s.of });
    return { ...step(rule), steps: [step(rule), ...rule.then.map(step)] };
}

/** Where a property's text is written (a reference's name), else the whole element. */
function propertyLocation(node: AstNode, property: string, uri: string): SourceLocation {
    const written = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return written ? { uri, range: rangeOf(written) } : location(node, uri);
}

/** Where the node is written (see `rangeOf`: nothing is left on the syntax tree for it). */
function location(node: AstNode, uri: string): SourceLocation {
    return { uri, range: node.$cstNode ? rangeOf(node.$cstNode) : NOWHERE };
}

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a model object's element is written: its syntax node, or the document's URI when it
 * has none. Kept under a symbol, so it is not part of the model's data (JSON, copies, a
 * worker's message), which sees `location` only.
 */
const WRITTEN = Symbol('written');

type Located = { [WRITTEN]: CstNode | string };

/**
 * The model object with its `location`, worked out when read. A district has 100,000
 * elements and assignment lines, and a location held as data is four objects (160 bytes)
 * for each, read for a few: the findings, a hover, an export. `location` stays an own,
 * enumerable property, the last one as before, so JSON, spreads, `structuredClone` and
 * comparisons see it as data: they read it.
 */
function located<T extends object>(model: T, node: AstNode, uri: string): T & { location: SourceLocation } {
    Object.defineProperty(model, WRITTEN, { value: node.$cstNode ?? uri });
    Object.defineProperty(model, 'location', LOCATION);
    return model as T & { location: SourceLocation };
}

const LOCATION: PropertyDescriptor = {
    enumerable: true,
    get(this: Located): SourceLocation {
        const written = this[WRITTEN];
        if (typeof written === 'string') return { uri: written, range: NOWHERE };
        return { uri: documentUriOf(written), range: rangeOf(written) };
    }
};

function documentUriOf(node: CstNode): string {
    return AstUtils.getDocument(node.root.astNode).uri.toString();
}

/** The offset the model object's element starts at, for ordering (0 when it has no syntax node). */
function writtenAt(model: object): number {
    const written = (model as Partial<Located>)[WRITTEN];
    return typeof written === 'object' ? written.offset : 0;
}
