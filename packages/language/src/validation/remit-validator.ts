import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { RemitAstType } from '../generated/ast.js';
import type { RemitServices } from '../remit-module.js';
import {
    ASSIGNMENT_PROPERTIES, CoreChecks, LEVEL_FLAGS, DECISION_PROPERTIES, MAP_PROPERTIES, ROLE_PROPERTIES, TEAM_PROPERTIES
} from './core-checks.js';

/** Registers every check with Langium's validation registry: the one list of what runs. */
export function registerValidationChecks(services: RemitServices): void {
    const registry = services.validation.ValidationRegistry;
    const core = new CoreChecks(services);
    const checks: ValidationChecks<RemitAstType> = {
        RemitMap: [
            ownText((map, accept) => core.checkDuplicateNames(map, accept)),
            (map, accept) => core.checkDuplicateMapName(map, accept),
            ownText((map, accept) => core.checkFrontMatterDates(map, accept)),
            ownText((map, accept) => core.checkRepeatedProperties(map, MAP_PROPERTIES, accept))
        ],
        LevelScheme: (scheme, accept) => core.checkScheme(scheme, accept),
        Level: ownText((level, accept) => core.checkRepeatedProperties(level, LEVEL_FLAGS, accept)),
        Assignment: [
            (assignment, accept) => core.checkAssignmentPhases(assignment, accept),
            ownText((assignment, accept) => core.checkRepeatedProperties(assignment, ASSIGNMENT_PROPERTIES, accept))
        ],
        Duration: ownText((duration, accept) => core.checkDuration(duration, accept)),
        Role: [
            ownText((role, accept) => core.checkRepeatedProperties(role, ROLE_PROPERTIES, accept)),
            (role, accept) => core.checkRoleValues(role, accept)
        ],
        Team: [
            ownText((team, accept) => core.checkRepeatedProperties(team, TEAM_PROPERTIES, accept)),
            (team, accept) => core.checkTeamValues(team, accept),
            (team, accept) => core.checkDuplicateMembers(team, accept)
        ],
        Domain: ownText((domain, accept) => core.checkBinding(domain, accept)),
        Decision: [
            ownText((decision, accept) => core.checkRepeatedProperties(decision, DECISION_PROPERTIES, accept)),
            ownText((decision, accept) => core.checkBinding(decision, accept))
        ]
    };
    registry.register(checks);
    for (const register of services.validation.AdditionalChecks) register(registry, services);
}

/**
 * A check that reads only the element's own text (its names, keywords and values, never what
 * a name refers to) finds the same problems until the map is parsed again, and then the
 * element is a new object. What it reported is kept with the element and reported again when
 * the map is checked again without being parsed: a district role renamed checks all 199
 * schools that name it again, and each school's own text has not changed.
 */
function ownText<T extends AstNode>(check: (node: T, accept: ValidationAcceptor) => void): (node: T, accept: ValidationAcceptor) => void {
    const reported = new WeakMap<AstNode, Array<Parameters<ValidationAcceptor>>>();
    return (node, accept) => {
        const known = reported.get(node);
        if (known) {
            for (const args of known) accept(...args);
            return;
        }
        const calls: Array<Parameters<ValidationAcceptor>> = [];
        check(node, ((...args: Parameters<ValidationAcceptor>) => {
            calls.push(args);
            accept(...args);
        }) as ValidationAcceptor);
        reported.set(node, calls);
    };
}
