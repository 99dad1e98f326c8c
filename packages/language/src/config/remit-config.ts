import { RULES, RULE_CODES, isRuleCode, type RuleCode, type RuleSeverity } from '../validation/rule-catalog.js';
import { closestName } from '../utils/suggest.js';

/** The file name looked for at the workspace root. */
export const CONFIG_FILE_NAME = 'remit.json';

/** Rule settings with every default filled in. */
export interface RemitConfig {
    severity(code: RuleCode): RuleSeverity;
    threshold(code: RuleCode, name: string): number;
    /** The largest map read, in bytes (`"maxFileSize"` in megabytes in remit.json); the default when left out. */
    readonly maxFileSize?: number;
}

export interface RuleOverride {
    severity?: RuleSeverity;
    thresholds: Record<string, number>;
}

/** A `remit.json` that cannot be used, with where and what to do. */
export class RemitConfigError extends Error {
    constructor(readonly file: string, readonly line: number, readonly column: number, readonly detail: string) {
        super(`${file}:${line}:${column}: ${detail}`);
        this.name = 'RemitConfigError';
    }
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'warning', 'error'];

export const DEFAULT_CONFIG: RemitConfig = createConfig({});

export function createConfig(overrides: Partial<Record<RuleCode, RuleOverride>>, maxFileSize?: number): RemitConfig {
    return {
        ...(maxFileSize !== undefined ? { maxFileSize } : {}),
        severity: code => overrides[code]?.severity ?? RULES[code].defaultSeverity,
        threshold: (code, name) => {
            const value = overrides[code]?.thresholds[name];
            if (value !== undefined) return value;
            const defaults = (RULES[code] as { thresholds?: Record<string, number> }).thresholds;
            const fallback = defaults?.[name];
            if (fallback === undefined) throw new Error(`Rule '${code}' has no threshold '${name}'.`);
            return fallback;
        }
    };
}

/**
 * Reads `remit.json`:
 * `{ "rules": { "unused-element": "off", "overloaded-role": { "severity": "error", "maxDecisions": 4 } } }`.
 * Every mistake is a RemitConfigError naming the line and the fix; nothing is silently ignored.
 */
export function parseRemitConfig(text: string, file: string = CONFIG_FILE_NAME): RemitConfig {
    if (text.trim() === '') {
        throw new RemitConfigError(file, 1, 1, 'the file is empty. Write the settings, such as { "rules": { "unused-element": "off" } }, or delete the file to use the defaults.');
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const position = /position (\d+)/.exec(message);
        const { line, column } = position ? lineColumnAt(text, Number(position[1])) : { line: 1, column: 1 };
        throw new RemitConfigError(file, line, column, `this is not valid JSON (${message.replace(/ in JSON at position.*$/, '')}). Check for a missing comma or quote.`);
    }
    const at = (needle: string, after?: string) => locate(text, needle, after);
    if (!isObject(raw)) {
        throw new RemitConfigError(file, 1, 1, 'expected an object such as { "rules": { "unused-element": "off" } }.');
    }
    for (const key of Object.keys(raw)) {
        if (key !== 'rules' && key !== '$schema' && key !== 'maxFileSize') {
            const guess = closestName(key, ['rules', 'maxFileSize']);
            throw new RemitConfigError(file, ...at(`"${key}"`), `unknown setting '${key}'.${guess ? ` Did you mean "${guess}"?` : ''} The settings are "rules" and "maxFileSize".`);
        }
    }
    let maxFileSize: number | undefined;
    if (raw.maxFileSize !== undefined) {
        const mb = raw.maxFileSize;
        if (typeof mb !== 'number' || !Number.isFinite(mb) || mb <= 0) {
            throw new RemitConfigError(file, ...at('"maxFileSize"'), '"maxFileSize" is the largest map in megabytes: a number above 0, such as 10.');
        }
        maxFileSize = Math.round(mb * 1024 * 1024);
    }
    const rules = raw.rules ?? {};
    if (!isObject(rules)) {
        throw new RemitConfigError(file, ...at('"rules"'), '"rules" must be an object mapping rule codes to a severity or settings.');
    }
    const overrides: Partial<Record<RuleCode, RuleOverride>> = {};
    for (const [code, value] of Object.entries(rules)) {
        if (!isRuleCode(code)) {
            const guess = closestName(code, RULE_CODES) ?? RULE_CODES.find(known => code.length >= 4 && known.startsWith(code));
            throw new RemitConfigError(file, ...at(`"${code}"`), `unknown rule '${code}'.${guess ? ` Did you mean '${guess}'?` : ''} See docs/rules.md for the list.`);
        }
        overrides[code] = parseOverride(code, value, file, at);
    }
    return createConfig(overrides, maxFileSize);
}

function parseOverride(code: RuleCode, value: unknown, file: string, at: (needle: string, after?: string) => [number, number]): RuleOverride {
    const severityError = (given: unknown) => new RemitConfigError(file, ...at(`"${code}"`),
        `rule '${code}' has severity ${JSON.stringify(given)}; use one of ${SEVERITIES.map(s => `"${s}"`).join(', ')}.`);
    if (typeof value === 'string') {
        if (!SEVERITIES.includes(value as RuleSeverity)) throw severityError(value);
        return { severity: value as RuleSeverity, thresholds: {} };
    }
    if (!isObject(value)) throw severityError(value);
    const known = (RULES[code] as { thresholds?: Record<string, number> }).thresholds ?? {};
    const override: RuleOverride = { thresholds: {} };
    for (const [key, setting] of Object.entries(value)) {
        if (key === 'severity') {
            if (typeof setting !== 'string' || !SEVERITIES.includes(setting as RuleSeverity)) throw severityError(setting);
            override.severity = setting as RuleSeverity;
        } else if (key in known) {
            if (typeof setting !== 'number' || !Number.isFinite(setting) || setting < 0) {
                throw new RemitConfigError(file, ...at(`"${key}"`, `"${code}"`), `'${key}' of rule '${code}' must be a number of 0 or more.`);
            }
            override.thresholds[key] = setting;
        } else {
            const names = Object.keys(known);
            throw new RemitConfigError(file, ...at(`"${key}"`, `"${code}"`), names.length
                ? `rule '${code}' has no setting '${key}'; its settings are "severity", ${names.map(n => `"${n}"`).join(', ')}.`
                : `rule '${code}' has only a "severity" setting, not '${key}'.`);
        }
    }
    return override;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where `needle` is written, looking after the first `after` when given (a setting inside its rule). */
function locate(text: string, needle: string, after?: string): [number, number] {
    const start = after !== undefined ? Math.max(0, text.indexOf(after)) : 0;
    let index = text.indexOf(needle, start);
    if (index < 0) index = text.indexOf(needle);
    const { line, column } = lineColumnAt(text, Math.max(0, index));
    return [line, column];
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
