import type { ValidationChecks } from 'langium';
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
            (map, accept) => core.checkDuplicateNames(map, accept),
            (map, accept) => core.checkDuplicateMapName(map, accept),
            (map, accept) => core.checkFrontMatterDates(map, accept),
            (map, accept) => core.checkRepeatedProperties(map, MAP_PROPERTIES, accept)
        ],
        LevelScheme: (scheme, accept) => core.checkScheme(scheme, accept),
        Level: (level, accept) => core.checkRepeatedProperties(level, LEVEL_FLAGS, accept),
        Assignment: [
            (assignment, accept) => core.checkAssignmentPhases(assignment, accept),
            (assignment, accept) => core.checkRepeatedProperties(assignment, ASSIGNMENT_PROPERTIES, accept)
        ],
        Duration: (duration, accept) => core.checkDuration(duration, accept),
        Role: [
            (role, accept) => core.checkRepeatedProperties(role, ROLE_PROPERTIES, accept),
            (role, accept) => core.checkRoleValues(role, accept)
        ],
        Team: [
            (team, accept) => core.checkRepeatedProperties(team, TEAM_PROPERTIES, accept),
            (team, accept) => core.checkTeamValues(team, accept),
            (team, accept) => core.checkDuplicateMembers(team, accept)
        ],
        Domain: (domain, accept) => core.checkBinding(domain, accept),
        Decision: [
            (decision, accept) => core.checkRepeatedProperties(decision, DECISION_PROPERTIES, accept),
            (decision, accept) => core.checkBinding(decision, accept)
        ]
    };
    registry.register(checks);
    for (const register of services.validation.AdditionalChecks) register(registry, services);
}
