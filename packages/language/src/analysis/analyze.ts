import { DEFAULT_CONFIG, type RemitConfig } from '../config/remit-config.js';
import type { DecisionModel, MapModel } from '../model/types.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { RuleSeverity } from '../validation/rule-catalog.js';
import { checkAssignments } from './assignments.js';
import { AnalysisContext, boundsOf } from './context.js';
import { checkEscalation, checkSequenceCycles } from './cycles.js';
import { caseViews, inCase } from './cases.js';
import { checkDeadlock, checkFinalAuthority, checkTeamRules } from './final-authority.js';
import { checkOverrides, checkTeamCycles, checkUnderCycles } from './governance.js';
import type { Finding } from './finding.js';
import { FixJudge } from './fixes.js';
import { PhaseTimeline } from './phase-timeline.js';
import { checkEmptyDomains, checkUnused } from './unused.js';
import { WorkspaceFacts } from './workspace-facts.js';
import { checkConcentration, checkOverload, checkSinglePoints } from './workload.js';

export type { Finding } from './finding.js';

/** A finding with the severity `remit.json` gives its rule. */
export type RatedFinding = Finding & { severity: Exclude<RuleSeverity, 'off'> };

/**
 * Findings about one map's own decisions and domains, kept with the map's model. A map's model is
 * rebuilt whenever its document is linked again, which Langium does when the document or
 * any map it refers to changes; so an edit re-judges the maps it can affect and reuses
 * the rest. This is what keeps a keystroke in a district of 200 maps cheap.
 */
const mapCache = new WeakMap<MapModel, { config: RemitConfig; findings: Finding[] }>();

function ownFindings(ctx: AnalysisContext, map: MapModel): Finding[] {
    const cached = mapCache.get(map);
    if (cached && cached.config === ctx.config) return cached.findings;
    const out: Finding[] = [];
    // Quick fixes are tried against the same rules, without fixes of their own.
    const judge = new FixJudge(ctx, (m, decision, found) => {
        checkFinalAuthority(ctx, m, decision, found);
        checkAssignments(ctx, m, decision, found);
        checkDeadlock(ctx, m, decision, found);
    });
    for (const decision of map.decisions) {
        // An assignment that never applies is a phase-order error; judging the decision's
        // timeline before it is fixed would report a gap the author did not make.
        if (hasInvertedBounds(map, decision)) continue;
        out.push(...perCase(decision, (view, onlyView) => {
            const found: Finding[] = [];
            // A fix is an edit to the decision as written, in every case; it is judged only
            // where the decision has one view, so it cannot open a finding in another case.
            const fixJudge = onlyView ? judge : undefined;
            checkFinalAuthority(ctx, map, view, found, fixJudge);
            checkAssignments(ctx, map, view, found, fixJudge);
            checkDeadlock(ctx, map, view, found);
            return found;
        }));
    }
    checkConcentration(ctx, map, out);
    checkEmptyDomains(map, out);
    mapCache.set(map, { config: ctx.config, findings: out });
    return out;
}

/**
 * Runs the rules about one decision once per case (see cases.ts). A finding made the same
 * in every case is the decision's, reported once; one made in some cases only names its case.
 */
function perCase(decision: DecisionModel, judge: (view: DecisionModel, onlyView: boolean) => Finding[]): Finding[] {
    const views = caseViews(decision);
    if (views.length === 1) return judge(views[0].decision, true);
    const judged = views.map(view => ({ view, findings: judge(view.decision, false) }));
    const key = (f: Finding) => `${f.code}|${f.location.range.start.line}:${f.location.range.start.character}|${f.message}`;
    const count = new Map<string, number>();
    for (const { findings } of judged) {
        for (const k of new Set(findings.map(key))) count.set(k, (count.get(k) ?? 0) + 1);
    }
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const { view, findings } of judged) {
        for (const finding of findings) {
            const k = key(finding);
            if (count.get(k) === views.length) {
                if (!reported.has(k)) out.push(finding);
                reported.add(k);
            } else {
                // The spread keeps code and data together; TypeScript cannot follow that through a union.
                out.push({ ...finding, message: inCase(view.case!, finding.message), data: { ...finding.data, case: view.case } } as Finding);
            }
        }
    }
    return out;
}

/**
 * The analysis of one workspace as it changes: its facts (kept up to date map by map) and
 * the findings of its latest states. A service of each workspace's language services
 * (`services.analysis.WorkspaceAnalysis`), so the editor's workspace and another one
 * analysed in the same process (a git revision for Compare with HEAD, a second `remit diff`
 * side) never share state.
 */
export class WorkspaceAnalysis {
    private readonly facts = new WorkspaceFacts();
    private readonly results = new WeakMap<WorkspaceModel, { config: RemitConfig; findings: RatedFinding[]; byUri?: Map<string, RatedFinding[]> }>();

    /**
     * Every authority finding of the workspace: pure, deterministic (maps by URI, elements
     * in the order written), and computed once per state of the workspace and settings.
     * Rules set to `off` are left out.
     */
    analyze(model: WorkspaceModel, config: RemitConfig = DEFAULT_CONFIG): RatedFinding[] {
        const cached = this.results.get(model);
        if (cached && cached.config === config) return cached.findings;
        const findings = analyzeWith(this.facts.update(model), model, config);
        this.results.set(model, { config, findings });
        return findings;
    }

    /** The findings located in one document (a map's file), as `analyze` gives them. */
    findingsIn(model: WorkspaceModel, config: RemitConfig, uri: string): readonly RatedFinding[] {
        this.analyze(model, config);
        const cached = this.results.get(model)!;
        if (!cached.byUri) {
            cached.byUri = new Map();
            for (const finding of cached.findings) {
                const list = cached.byUri.get(finding.location.uri);
                if (list) list.push(finding);
                else cached.byUri.set(finding.location.uri, [finding]);
            }
        }
        return cached.byUri.get(uri) ?? [];
    }
}

/** One analysis per workspace model analysed on its own (`analyzeWorkspace`). */
const ownAnalyses = new WeakMap<WorkspaceModel, WorkspaceAnalysis>();

/**
 * Every authority finding of a workspace model, analysed on its own (tools and tests that
 * hold a model; the editor and the checks use their workspace's `WorkspaceAnalysis`).
 */
export function analyzeWorkspace(model: WorkspaceModel, config: RemitConfig = DEFAULT_CONFIG): RatedFinding[] {
    let analysis = ownAnalyses.get(model);
    if (!analysis) ownAnalyses.set(model, analysis = new WorkspaceAnalysis());
    return analysis.analyze(model, config);
}

function analyzeWith(facts: WorkspaceFacts, model: WorkspaceModel, config: RemitConfig): RatedFinding[] {
    const ctx = new AnalysisContext(model, config);
    // The rules that look across maps read workspace-wide facts kept up to date map by map.
    const out: Finding[] = [];
    for (const map of model.maps) {
        out.push(...ownFindings(ctx, map));
        checkUnused(facts, map, out);
    }
    checkTeamRules(ctx, facts, out);
    checkTeamCycles(ctx, facts, out);
    checkUnderCycles(ctx, facts, out);
    checkOverrides(ctx, out);
    checkSequenceCycles(ctx, facts, out);
    checkEscalation(ctx, facts, out);
    checkOverload(ctx, facts, out);
    checkSinglePoints(ctx, facts, out);
    return out
        .map(f => rated(f, config))
        .filter((f): f is RatedFinding => f.severity !== 'off');
}

/**
 * Each finding with its severity, made once per finding and settings: most findings are
 * kept from one analysis to the next, and so, then, are these objects (the editor compares
 * what each document shows by them).
 */
const ratedCache = new WeakMap<Finding, { config: RemitConfig; rated: Finding & { severity: RuleSeverity } }>();

function rated(finding: Finding, config: RemitConfig): Finding & { severity: RuleSeverity } {
    const kept = ratedCache.get(finding);
    if (kept && kept.config === config) return kept.rated;
    const result = { ...finding, severity: config.severity(finding.code) };
    ratedCache.set(finding, { config, rated: result });
    return result;
}

function hasInvertedBounds(map: MapModel, decision: DecisionModel): boolean {
    const index = (name: string) => map.phases.findIndex(p => p.name === name);
    return decision.assignments.some(a => a.from !== undefined && a.until !== undefined && index(a.from) >= index(a.until));
}

/** One stretch of a decision's life with the same final holders. */
export interface FinalAuthoritySpan {
    /** "From Expansion until Institutionalization", or undefined for the map's whole life. */
    span?: string;
    /** Phase bounds as an assignment writes them (`from` inclusive, `until` exclusive). */
    from?: string;
    until?: string;
    /** Qualified names of the final holders; empty in a gap. */
    holders: string[];
}

/**
 * Who has the final say over a decision, phase by phase, as runs of consecutive phases
 * (charters, reports and the diff print this).
 */
export function finalAuthorityOf(map: MapModel, decision: DecisionModel): FinalAuthoritySpan[] {
    const timeline = new PhaseTimeline(map);
    return timeline
        .runs(p => timeline.finalHolders(decision, p).sort().join('\u0000'))
        .map(run => ({
            span: timeline.describeSpan(run.first, run.last),
            ...boundsOf(timeline, run.first, run.last),
            holders: run.value ? run.value.split('\u0000') : []
        }));
}
