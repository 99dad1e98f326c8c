import type { WorkspaceModel } from '@remit/language';
import { escapeMermaid } from './escape.js';
import type { Finding } from './findings.js';
import { buildMapView, lowerFirst, selectMap } from './view-model.js';

export interface MermaidOptions {
    map?: string;
    phase?: string;
}

/**
 * A Mermaid flowchart of a map, for a README or a pull request (GitHub renders it):
 * roles and teams on the left, decisions grouped by domain, one arrow per holding
 * labelled with its level; final authority drawn thick; gaps and conflicts in red.
 * Node ids are generated (h1, d1, ...) so no name can collide with Mermaid's keywords.
 */
export function renderMermaid(workspace: WorkspaceModel, findings: readonly Finding[], options: MermaidOptions = {}): string {
    const view = buildMapView(workspace, selectMap(workspace, options.map), findings, { phase: options.phase });
    const lines = ['flowchart LR'];
    const title = view.phase ? `${view.map.title}, ${view.phase.title}` : view.map.title;
    lines.push(`  %% ${escapeMermaid(title)}`);
    const holderId = new Map<string, string>();
    const holders = view.holders;
    holders.forEach((h, i) => holderId.set(h.name, `h${i + 1}`));
    lines.push(`  subgraph holders["${escapeMermaid('Roles and teams')}"]`);
    for (const h of holders) {
        const shape = h.kind === 'team' ? ['([', '])'] : ['[', ']'];
        lines.push(`    ${holderId.get(h.name)}${shape[0]}"${escapeMermaid(h.label)}"${shape[1]}`);
    }
    lines.push('  end');
    const decisionId = new Map<string, string>();
    view.decisions.forEach((d, i) => decisionId.set(d.decision.qualifiedName, `d${i + 1}`));
    view.domains.forEach((domain, i) => {
        if (domain.decisions.length === 0) return;
        lines.push(`  subgraph g${i + 1}["${escapeMermaid(domain.path.join(' › '))}"]`);
        for (const d of domain.decisions) {
            const flag = d.gap ? ' (gap: nobody decides)' : d.conflict ? ' (conflict: more than one decides)' : '';
            lines.push(`    ${decisionId.get(d.decision.qualifiedName)}["${escapeMermaid(d.decision.title + flag)}"]`);
        }
        lines.push('  end');
    });
    for (const d of view.decisions) {
        if (!d.domain) lines.push(`  ${decisionId.get(d.decision.qualifiedName)}["${escapeMermaid(d.decision.title)}"]`);
    }
    let edge = 0;
    const finalEdges: number[] = [];
    for (const d of view.decisions) {
        for (const step of d.steps) {
            for (const holding of step.holders) {
                const from = holderId.get(holding.holder);
                if (!from) continue;
                const label = holding.when ? `${step.level.name}, ${lowerFirst(holding.when)}` : step.level.name;
                lines.push(`  ${from} ${step.level.final ? '==' : '--'} "${escapeMermaid(label)}" ${step.level.final ? '==>' : '-->'} ${decisionId.get(d.decision.qualifiedName)}`);
                if (step.level.final) finalEdges.push(edge);
                edge++;
            }
        }
        for (const before of d.after) {
            const from = decisionId.get(before.name);
            if (!from) continue;
            lines.push(`  ${from} -. "${escapeMermaid('then')}" .-> ${decisionId.get(d.decision.qualifiedName)}`);
            edge++;
        }
    }
    lines.push('  classDef team fill:#e3f8ff,stroke:#0b69a3');
    lines.push('  classDef role fill:#f0f4f8,stroke:#486581');
    lines.push('  classDef problem fill:#ffe3e3,stroke:#b42318,stroke-width:3px');
    const teams = holders.filter(h => h.kind === 'team').map(h => holderId.get(h.name));
    const roles = holders.filter(h => h.kind !== 'team').map(h => holderId.get(h.name));
    const problems = view.decisions.filter(d => d.gap || d.conflict).map(d => decisionId.get(d.decision.qualifiedName));
    if (roles.length) lines.push(`  class ${roles.join(',')} role`);
    if (teams.length) lines.push(`  class ${teams.join(',')} team`);
    if (problems.length) lines.push(`  class ${problems.join(',')} problem`);
    if (finalEdges.length) lines.push(`  linkStyle ${finalEdges.join(',')} stroke:#102a43,stroke-width:3px`);
    return `${lines.join('\n')}\n`;
}

/** The flowchart wrapped in a fenced block, ready to paste into Markdown. */
export function renderMermaidMarkdown(workspace: WorkspaceModel, findings: readonly Finding[], options: MermaidOptions = {}): string {
    return `\`\`\`mermaid\n${renderMermaid(workspace, findings, options)}\`\`\`\n`;
}
