import { DEFAULT_CONFIG, type RemitConfig, type RemitConfigError } from './remit-config.js';

/**
 * The rule settings in force: `remit.json` of the workspace root, or the defaults.
 * The CLI sets them once; the language server sets them at start-up and when the file changes.
 */
export class RemitSettings {
    private current: RemitConfig = DEFAULT_CONFIG;
    /** Set when `remit.json` exists but cannot be used; the defaults apply meanwhile. */
    configError: RemitConfigError | undefined;

    get config(): RemitConfig {
        return this.current;
    }

    update(config: RemitConfig | undefined, error?: RemitConfigError): void {
        this.current = config ?? DEFAULT_CONFIG;
        this.configError = error;
    }
}
