import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { RemitAstType, RemitMap } from '../generated/ast.js';
import { forEachNode } from '../utils/ast-walk.js';
import type { NamedElement } from '../references/names.js';
import type { RemitServices } from '../remit-module.js';
import {
    ASSIGNMENT_PROPERTIES, CoreChecks, LEVEL_FLAGS, DECISION_PROPERTIES, MAP_PROPERTIES, ROLE_PROPERTIES, TEAM_PROPERTIES
} from './core-checks.js';

/** Registers every check with Langium's validation registry: the one list of what runs. */
export function registerValidationChecks(services: RemitServices): void {
    const registry = services.validation.ValidationRegistry;
    const core = new CoreChecks(services);
    // Checks that read only an element's own text (its names, keywords and values, never
    // what a name refers to); see `ownText` below.
    const plainName = (element: NamedElement, accept: ValidationAcceptor) => core.checkPlainName(element, accept);
    const ownTextChecks: OwnTextChecks = {
        RemitMap: [
            plainName,
            (map, accept) => core.checkDuplicateNames(map, accept),
            (map, accept) => core.checkFrontMatterDates(map, accept),
            (map, accept) => core.checkRepeatedProperties(map, MAP_PROPERTIES, accept)
        ],
        LevelScheme: [plainName],
        Level: [plainName, (level, accept) => core.checkRepeatedProperties(level, LEVEL_FLAGS, accept)],
        Phase: [plainName],
        Assignment: [(assignment, accept) => core.checkRepeatedProperties(assignment, ASSIGNMENT_PROPERTIES, accept)],
        Duration: [(duration, accept) => core.checkDuration(duration, accept)],
        Role: [plainName, (role, accept) => core.checkRepeatedProperties(role, ROLE_PROPERTIES, accept)],
        Team: [plainName, (team, accept) => core.checkRepeatedProperties(team, TEAM_PROPERTIES, accept)],
        Domain: [plainName, (domain, accept) => core.checkBinding(domain, accept)],
        Decision: [
            plainName,
            (decision, accept) => core.checkRepeatedProperties(decision, DECISION_PROPERTIES, accept),
            (decision, accept) => core.checkBinding(decision, accept)
        ]
    };
    const checks: ValidationChecks<RemitAstType> = {
        RemitMap: [
            ownText(ownTextChecks),
            (map, accept) => core.checkDuplicateMapName(map, accept)
        ],
        LevelScheme: (scheme, accept) => core.checkScheme(scheme, accept),
        Assignment: (assignment, accept) => core.checkAssignmentPhases(assignment, accept),
        Role: (role, accept) => core.checkRoleValues(role, accept),
        Team: [
            (team, accept) => core.checkTeamValues(team, accept),
            (team, accept) => core.checkDuplicateMembers(team, accept)
        ]
    };
    registry.register(checks);
    for (const register of services.validation.AdditionalChecks) register(registry, services);
}

type OwnTextChecks = { [K in keyof RemitAstType]?: Array<(node: RemitAstType[K], accept: ValidationAcceptor) => void> };

/**
 * The checks that read only an element's own text find the same problems until the map is
 * parsed again, and then the map is a new object. So they run together, for the whole map
 * in one walk, and what they reported is kept with the map (one entry per map, not one per
 * element) and reported again when the map is checked again without being parsed: a
 * district role renamed checks all 199 schools that name it again, and each school's own
 * text has not changed.
 */
function ownText(checks: OwnTextChecks): (map: RemitMap, accept: ValidationAcceptor) => void {
    const reported = new WeakMap<RemitMap, Array<Parameters<ValidationAcceptor>>>();
    const byType = checks as Record<string, Array<(node: AstNode, accept: ValidationAcceptor) => void> | undefined>;
    return (map, accept) => {
        const known = reported.get(map);
        if (known) {
            for (const args of known) accept(...args);
            return;
        }
        const calls: Array<Parameters<ValidationAcceptor>> = [];
        const record = ((...args: Parameters<ValidationAcceptor>) => {
            calls.push(args);
            accept(...args);
        }) as ValidationAcceptor;
        forEachNode(map, node => {
            const own = byType[node.$type];
            if (own) for (const check of own) check(node, record);
        });
        reported.set(map, calls);
    };
}
