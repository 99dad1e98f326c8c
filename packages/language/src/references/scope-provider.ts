import { DefaultScopeProvider, EMPTY_SCOPE, type ReferenceInfo, type Scope } from 'langium';
import { isAssignment } from '../generated/ast.js';
import type { RemitServices } from '../remit-module.js';
import type { SchemeResolver } from './scheme-resolver.js';
import { mapOf } from './names.js';

/**
 * Adds the two scopes that are not plain names: the level of an assignment is one of the
 * levels of the map's scheme, and `from`/`until` name a phase of the same map.
 */
export class RemitScopeProvider extends DefaultScopeProvider {
    private readonly schemes: SchemeResolver;

    constructor(services: RemitServices) {
        super(services);
        this.schemes = services.references.SchemeResolver;
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isAssignment(container)) {
            const map = mapOf(container);
            if (context.property === 'level') {
                const scheme = map ? this.schemes.schemeOf(map) : undefined;
                return scheme ? this.createScopeForNodes(scheme.levels) : EMPTY_SCOPE;
            }
            if (context.property === 'from' || context.property === 'until') {
                return map ? this.createScopeForNodes(this.schemes.phasesOf(map)) : EMPTY_SCOPE;
            }
        }
        return super.getScope(context);
    }
}
