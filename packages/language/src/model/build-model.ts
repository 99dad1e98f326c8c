import { AstUtils, type AstNode, type CommentProvider, type LangiumDocument, type Reference } from 'langium';
import {
    isDomain, isLevelScheme, isRole, isTeam, type RoleKind,
    type Decision, type Domain, type LevelScheme, type Phase, type RemitFile, type RemitMap, type Role, type Team
} from '../generated/ast.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import { qualifiedName, type NamedElement } from '../references/names.js';
import type { SchemeResolver } from '../references/scheme-resolver.js';
import type {
    AssignmentModel, DecisionModel, DecisionPattern, DecisionStatus, DomainModel, MapModel, PhaseModel,
    RoleModel, SchemeModel, SourceLocation, TeamModel, TeamRuleKind
} from './types.js';

/** Builds the checked model of one map from its linked syntax tree. */
export class MapModelBuilder {
    constructor(private readonly schemes: SchemeResolver, private readonly comments: CommentProvider) {}

    build(document: LangiumDocument): MapModel | undefined {
        const map = (document.parseResult.value as RemitFile).map;
        if (!map?.name) return undefined;
        const uri = document.uri.toString();
        const phases = this.schemes.phasesOf(map).filter(p => p.name).map((p, index) => this.phase(p, index, uri));
        const decisions: DecisionModel[] = [];
        const domains = map.elements.filter(isDomain).map(d => this.domain(d, [], map, uri, decisions));
        // Domains keep their decisions and inner domains in two lists; the map lists its
        // decisions in the order written, so an inner domain's stand where it was written.
        decisions.sort((a, b) => compareStart(a.location, b.location));
        const usedScheme = this.schemes.schemeOf(map);
        return {
            name: map.name,
            title: map.title ?? map.name,
            doc: this.doc(map),
            uri,
            scheme: usedScheme ? this.scheme(usedScheme) : emptyScheme(),
            schemes: map.elements.filter(isLevelScheme).map(s => this.scheme(s)),
            status: map.status as DecisionStatus | undefined,
            frontMatter: {
                ...(map.version !== undefined && { version: map.version }),
                ...(map.adopted !== undefined && { adopted: map.adopted }),
                ...(map.approved !== undefined && { approved: map.approved }),
                ...(map.nextReview !== undefined && { nextReview: map.nextReview })
            },
            phases,
            roles: map.elements.filter(isRole).map(r => this.role(r, uri)),
            teams: map.elements.filter(isTeam).map(t => this.team(t, uri)),
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
            levels: scheme.levels.map((level, index) => ({
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
        return {
            name: phase.name,
            qualifiedName: qualifiedName(phase),
            title: phase.title ?? phase.name,
            doc: this.doc(phase),
            index,
            duration: phase.duration ? { min: phase.duration.min, max: phase.duration.max, unit: phase.duration.unit } : undefined,
            location: location(phase, uri)
        };
    }

    private role(role: Role, uri: string): RoleModel {
        return {
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
            location: location(role, uri)
        };
    }

    private team(team: Team, uri: string): TeamModel {
        return {
            type: 'team',
            name: team.name,
            qualifiedName: qualifiedName(team),
            title: team.title ?? team.name,
            doc: this.doc(team),
            members: targets(team.members),
            chair: target(team.chair),
            rule: team.rule ? { kind: team.rule.kind as TeamRuleKind, needed: team.rule.needed, of: team.rule.of } : undefined,
            location: location(team, uri)
        };
    }

    private domain(domain: Domain, outer: string[], map: RemitMap, uri: string, all: DecisionModel[]): DomainModel {
        const path = [...outer, qualifiedName(domain)];
        const decisions = domain.decisions.filter(d => d.name).map(d => this.decision(d, path, map, uri));
        all.push(...decisions);
        return {
            name: domain.name,
            qualifiedName: qualifiedName(domain),
            title: domain.title ?? domain.name,
            doc: this.doc(domain),
            decisions: decisions.map(d => d.qualifiedName),
            domains: domain.domains.filter(d => d.name).map(d => this.domain(d, path, map, uri, all)),
            location: location(domain, uri)
        };
    }

    private decision(decision: Decision, domainPath: string[], map: RemitMap, uri: string): DecisionModel {
        const assignments: AssignmentModel[] = decision.assignments
            .filter(a => a.level.ref)
            .map(a => ({
                level: a.level.ref!.name,
                holders: targets(a.holders),
                from: a.from?.ref?.name,
                until: a.until?.ref?.name,
                location: location(a, uri)
            }));
        return {
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
            location: location(decision, uri)
        };
    }

    /** The text of a `/** doc *\/` comment before the element; plain comments are not documentation. */
    private doc(node: AstNode): string | undefined {
        const comment = this.comments.getComment(node);
        if (!comment || !comment.startsWith('/**')) return undefined;
        const text = comment
            .replace(/^\/\*\*+/, '')
            .replace(/\*+\/$/, '')
            .split(/\r?\n/)
            .map(line => line.replace(/^\s*\*( ?)/, '').trimEnd())
            .join('\n')
            .trim();
        return text || undefined;
    }
}

function emptyScheme(): SchemeModel {
    return { name: '', qualifiedName: '', title: '', builtin: false, levels: [] };
}

function target(reference: Reference<NamedElement> | undefined): string | undefined {
    const ref = reference?.ref;
    return ref ? qualifiedName(ref) : undefined;
}

function targets(references: ReadonlyArray<Reference<NamedElement>>): string[] {
    return references.map(target).filter((name): name is string => name !== undefined);
}

function compareStart(a: SourceLocation, b: SourceLocation): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function location(node: AstNode, uri: string): SourceLocation {
    const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, range: { start: { ...range.start }, end: { ...range.end } } };
}
