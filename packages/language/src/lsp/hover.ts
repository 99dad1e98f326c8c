import type { AstNode, DocumentationProvider } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import {
    isDecision, isDomain, isLevel, isLevelScheme, isPhase, isRemitMap, isRole, isTeam,
    type Domain, type Level, type LevelScheme, type Phase, type RemitMap
} from '../generated/ast.js';
import { listWords } from '../analysis/context.js';
import type { ModelProvider } from '../model/model-provider.js';
import type { DecisionModel, HolderModel, MapModel, RoleModel, TeamModel, TeamRuleStepModel } from '../model/types.js';
import { mapsAbove, overridesOf } from '../analysis/inheritance.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { SchemeResolver } from '../references/scheme-resolver.js';
import { isNamedElement, qualifiedName } from '../references/names.js';
import { authorityOf, authoritySentence, boundsWords, upperFirst } from './hover-words.js';
import type { RemitLspServices } from './remit-lsp-module.js';

/**
 * Hover over any name, where it is defined or where it is used: the element's doc comment,
 * then what it means for authority in plain words. A role or team: what it decides,
 * recommends, is consulted on across the workspace; a decision: who holds each level, in
 * which phases; a level: what it does in its scheme; a phase: how long it lasts.
 */
export class RemitHoverProvider extends AstNodeHoverProvider {
    private readonly documentation: DocumentationProvider;
    private readonly models: ModelProvider;
    private readonly schemes: SchemeResolver;

    constructor(services: RemitLspServices) {
        super(services);
        this.documentation = services.documentation.DocumentationProvider;
        this.models = services.model.ModelProvider;
        this.schemes = services.references.SchemeResolver;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (!isNamedElement(node) || !node.name) return undefined;
        const model = this.models.workspace();
        const body = this.describe(node, model);
        const doc = this.documentation.getDocumentation(node);
        return [body[0], doc, ...body.slice(1)].filter((part): part is string => Boolean(part)).join('\n\n');
    }

    /** The heading first, then paragraphs. */
    private describe(node: AstNode, model: WorkspaceModel): string[] {
        if (isRole(node) || isTeam(node)) {
            const holder = model.holder(qualifiedName(node));
            return holder ? describeHolder(holder, model) : [heading(node.title ?? node.name, isRole(node) ? 'role' : 'team', qualifiedName(node))];
        }
        if (isDecision(node)) {
            const decision = model.decision(qualifiedName(node));
            const map = decision && model.mapOf(decision.qualifiedName);
            return decision && map ? describeDecision(decision, map, model) : [heading(node.title ?? node.name, 'decision', qualifiedName(node))];
        }
        if (isLevel(node)) return describeLevel(node);
        if (isPhase(node)) return describePhase(node, this.schemes.phasesOf(node.$container.$container));
        if (isLevelScheme(node)) return describeScheme(node);
        if (isDomain(node)) return describeDomain(node);
        if (isRemitMap(node)) return describeMap(node, model.map(node.name));
        return [];
    }
}

function heading(title: string, kind: string, name: string): string {
    return `**${escape(title)}** · ${kind} \`${name}\``;
}

function describeHolder(holder: HolderModel, model: WorkspaceModel): string[] {
    const authority = authorityOf(model, holder.qualifiedName);
    const parts = [heading(holder.title, holder.type, holder.qualifiedName), authoritySentence(authority)];
    if (authority.phased.length) {
        parts.push(['Changes with the phases:', ...authority.phased.map(p => `- ${escape(p.decision)}: ${p.spans.join(', then ')}`)].join('\n'));
    }
    const facts = holder.type === 'role' ? roleFacts(holder, model) : teamFacts(holder, model);
    const teams = model.maps.flatMap(m => m.teams).filter(t => t.members.includes(holder.qualifiedName));
    if (teams.length) facts.push(`Member of ${listWords(teams.map(t => escape(t.title)))}`);
    if (facts.length) parts.push(facts.map(f => `- ${f}`).join('\n'));
    return parts;
}

function roleFacts(role: RoleModel, model: WorkspaceModel): string[] {
    const facts: string[] = [];
    const title = (name: string) => escape(model.titleOf(name));
    if (role.kind) facts.push(`Kind: ${role.kind}`);
    if (role.vacant) facts.push('Vacant: nobody holds this role now');
    if (role.seats !== undefined) facts.push(`${role.seats} seat${role.seats === 1 ? '' : 's'}`);
    if (role.people.length) facts.push(`Held by ${listWords(role.people.map(escape))}`);
    if (role.release !== undefined) facts.push(`Release time: ${role.release}% of working time set aside for leading`);
    // Only a teacher's missing release time says something: it is what overloads teacher leaders.
    else if (role.kind === 'teacher') facts.push('No release time set aside for leading');
    if (role.backup) facts.push(`Backup: ${title(role.backup)}`);
    if (role.reports) facts.push(`Reports to ${title(role.reports)}`);
    if (role.requires) facts.push(`Requires: ${escape(role.requires)}`);
    return facts;
}

function teamFacts(team: TeamModel, model: WorkspaceModel): string[] {
    const facts: string[] = [];
    const title = (name: string) => escape(model.titleOf(name));
    if (team.members.length) facts.push(`Members: ${listWords(team.members.map(title))}`);
    if (team.advisory.length) facts.push(`Advisory members (no vote): ${listWords(team.advisory.map(title))}`);
    if (team.chair) facts.push(`Chaired by ${title(team.chair)}`);
    facts.push(team.rule ? `Decides ${(team.rule.steps ?? [team.rule]).map(ruleWords).join(', then if that fails ')}` : 'No rule for how its members decide');
    if (team.requires) facts.push(`Requires: ${escape(team.requires)}`);
    return facts;
}

function ruleWords(rule: TeamRuleStepModel): string {
    switch (rule.kind) {
        case 'consensus': return 'by consensus';
        case 'majority': return 'by majority';
        case 'unanimous': return 'unanimously';
        case 'chair': return 'through its chair, after hearing the members';
        case 'vote': return `by a vote of ${rule.needed}/${rule.of} of its members`;
    }
}

function describeDecision(decision: DecisionModel, map: MapModel, model: WorkspaceModel): string[] {
    const domain = decision.domainPath.length ? model.domain(decision.domainPath[decision.domainPath.length - 1]) : undefined;
    const where = domain ? ` in ${escape(domain.title)}` : '';
    const parts = [`${heading(decision.title, 'decision', decision.qualifiedName)}${where}`];
    const levels = map.scheme.levels.map(level => {
        const held = decision.assignments.filter(a => a.level === level.name)
            .flatMap(a => a.holders.map(h => `${escape(model.titleOf(h))}${boundsWords(a)}${a.when !== undefined ? ` (when ${escape(a.when)})` : ''}`));
        if (held.length) return `- **${upperFirst(level.name)}**: ${listWords(held)}`;
        if (level.final) return `- **${upperFirst(level.name)}**: no one (nobody has the final say)`;
        return undefined;
    }).filter((line): line is string => line !== undefined);
    parts.push(levels.join('\n'));
    const facts: string[] = [];
    if (decision.after.length) facts.push(`Taken after ${listWords(decision.after.map(d => escape(model.titleOf(d))))}`);
    if (decision.escalate) facts.push(`Escalates to ${escape(model.titleOf(decision.escalate))}`);
    if (decision.review) facts.push(`Reviewed ${/^(yearly|termly|monthly|weekly)$/.test(decision.review) ? decision.review : escape(decision.review)}`);
    if (decision.pattern) facts.push(`Pattern: ${decision.pattern}`);
    if (decision.status) facts.push(`Status: ${decision.status}`);
    if (decision.source) facts.push(`Source: ${escape(decision.source)}`);
    if (decision.fallback !== undefined) facts.push(`If the deciders do not agree: ${escape(decision.fallback)}${decision.fallbackBy !== undefined ? ` (by ${escape(decision.fallbackBy)})` : ''}`);
    if (decision.binding === 'tight') facts.push(`Tight: ${escape(map.title)} decides it for every map under it`);
    if (decision.binding === 'loose') {
        const overriding = overridesOf(model, decision);
        const maps = [...new Set(overriding.map(d => model.mapOf(d.qualifiedName)?.title).filter((t): t is string => t !== undefined))];
        facts.push(`Loose: ${escape(map.title)}'s default for the maps under it; ${maps.length ? `overridden by ${listWords(maps.map(escape))}` : 'no map overrides it yet'}`);
    }
    if (decision.overrides) {
        const replaced = model.decision(decision.overrides);
        const owner = model.mapOf(decision.overrides);
        const above = owner !== undefined && mapsAbove(model, map).includes(owner);
        facts.push(`Replaces ${escape(replaced?.title ?? decision.overrides)}${owner ? `, ${above ? '' : 'not '}a decision of ${escape(owner.title)}${above ? ', a map above' : ' above this map'}` : ''}`);
    }
    if (facts.length) parts.push(facts.map(f => `- ${f}`).join('\n'));
    return parts;
}

function describeLevel(level: Level): string[] {
    const scheme = level.$container;
    const position = scheme.levels.indexOf(level) + 1;
    const finalIndex = scheme.levels.findIndex(l => l.final);
    const when = level.final ? '' : finalIndex >= 0 && position - 1 > finalIndex ? ', after the decision is made' : ', before the decision is made';
    const facts = [`Step ${position} of ${scheme.levels.length}${when}`];
    if (level.final) facts.push('Has the final say: one holder per decision (several only if the decision is collaborative)');
    if (level.veto) facts.push('Can block the decision (a veto)');
    if (level.required) facts.push('Every decision needs someone at this level');
    const parts = [`**${escape(level.name)}** · level of the ${escape(scheme.name)} scheme`];
    if (level.title) parts.push(escape(level.title));
    parts.push(facts.map(f => `- ${f}`).join('\n'));
    return parts;
}

function describeScheme(scheme: LevelScheme): string[] {
    const levels = scheme.levels.map(l => `${l.name}${l.final ? ' (final)' : l.veto ? ' (veto)' : ''}`);
    return [heading(scheme.title ?? scheme.name, 'level scheme', scheme.name), `Levels in order: ${levels.join(', ')}`];
}

function describePhase(phase: Phase, phases: Phase[]): string[] {
    const facts = [`Phase ${phases.indexOf(phase) + 1} of ${phases.length}`];
    const d = phase.duration;
    if (d) facts.push(`Lasts ${d.min}${d.max !== undefined ? ` to ${d.max}` : ''} ${d.unit}`);
    else facts.push('No duration given');
    return [heading(phase.title ?? phase.name, 'phase', qualifiedName(phase)), facts.join(' · ')];
}

function describeDomain(domain: Domain): string[] {
    const total = (d: Domain): number => d.decisions.length + d.domains.reduce((n, inner) => n + total(inner), 0);
    return [heading(domain.title ?? domain.name, 'domain', qualifiedName(domain)), count(total(domain), 'decision')];
}

function describeMap(map: RemitMap, model: MapModel | undefined): string[] {
    const parts = [heading(map.title ?? map.name, 'map', map.name)];
    if (model) {
        const counts = [count(model.roles.length, 'role'), count(model.teams.length, 'team'), count(model.decisions.length, 'decision')];
        if (model.phases.length) counts.push(count(model.phases.length, 'phase'));
        parts.push(`Uses the ${escape(model.scheme.name)} scheme · ${counts.join(', ')}`);
    }
    return parts;
}

/** "1 team", "2 teams". */
function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Titles and notes are the author's text: shown as written, never as Markdown. */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|]/g, c => `\\${c}`);
}
