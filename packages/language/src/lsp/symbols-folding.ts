import type { AstNode } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { isDecision, isDomain, isLevelScheme, isPhaseList, isRole, isTeam } from '../generated/ast.js';

/**
 * Folds the blocks in braces (levels, phases, roles, teams, domains, decisions) and block
 * comments of three lines or more. The map itself is not folded: it is the whole file.
 */
export class RemitFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return isLevelScheme(node) || isPhaseList(node) || isRole(node) || isTeam(node) || isDomain(node) || isDecision(node);
    }
}
