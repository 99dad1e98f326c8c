import { describe as group, expect, test, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
    DEFAULT_CONFIG, InputError, RULES, RemitConfigError, loadConfig, openWorkspace, parseRemitConfig
} from '@remit/language';
import { check } from './helpers.js';

/** A map with one duplicate-name error (line 3) and one invalid-value error (line 4). */
const TWO_FINDINGS = 'map M "M"\nrole R\nrole R\nrole S { release 120% }\n';

function configError(text: string): RemitConfigError {
    try {
        parseRemitConfig(text, 'remit.json');
    } catch (err) {
        expect(err).toBeInstanceOf(RemitConfigError);
        return err as RemitConfigError;
    }
    throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

group('severity overrides', () => {
    test('defaults come from the rule catalogue', () => {
        expect(DEFAULT_CONFIG.severity('duplicate-name')).toBe('error');
        expect(DEFAULT_CONFIG.severity('unused-element')).toBe(RULES['unused-element'].defaultSeverity);
        expect(DEFAULT_CONFIG.threshold('overloaded-role', 'maxDecisions')).toBe(3);
    });

    test('"off" removes a rule\'s diagnostics and leaves the others', async () => {
        const config = parseRemitConfig('{ "rules": { "duplicate-name": "off" } }');
        const { core } = await check(TWO_FINDINGS, config);
        expect(core().map(d => d.code)).toEqual(['invalid-value']);
    });

    test.each(['hint', 'warning', 'error'] as const)('"%s" changes the severity', async severity => {
        const config = parseRemitConfig(`{ "rules": { "duplicate-name": "${severity}" } }`);
        const { core } = await check(TWO_FINDINGS, config);
        expect(core().map(d => [d.code, d.severity])).toEqual([['duplicate-name', severity], ['invalid-value', 'error']]);
    });

    test('the object form with a severity works like the short form', async () => {
        const config = parseRemitConfig('{ "rules": { "invalid-value": { "severity": "warning" } } }');
        const { core } = await check(TWO_FINDINGS, config);
        expect(core().map(d => [d.code, d.severity])).toEqual([['duplicate-name', 'error'], ['invalid-value', 'warning']]);
    });

    test('syntax errors and unresolved names can be tuned like any rule', async () => {
        const config = parseRemitConfig('{ "rules": { "unresolved-reference": "warning" } }');
        const { diagnostics } = await check('map M "M"\ndomain D { decision X { decide Ghost } }\n', config);
        expect(diagnostics.filter(d => d.code === 'unresolved-reference').map(d => d.severity)).toEqual(['warning']);
    });
});

group('thresholds', () => {
    test('set thresholds are read, the rest keep their defaults', () => {
        const config = parseRemitConfig(`{
  "rules": {
    "overloaded-role": { "severity": "error", "maxDecisions": 5 },
    "concentrated-authority": { "maxAdministratorShare": 70 }
  }
}`);
        expect(config.severity('overloaded-role')).toBe('error');
        expect(config.threshold('overloaded-role', 'maxDecisions')).toBe(5);
        expect(config.threshold('overloaded-role', 'releasePercentPerDecision')).toBe(RULES['overloaded-role'].thresholds.releasePercentPerDecision);
        expect(config.severity('concentrated-authority')).toBe(RULES['concentrated-authority'].defaultSeverity);
        expect(config.threshold('concentrated-authority', 'maxAdministratorShare')).toBe(70);
        expect(config.threshold('single-point-of-failure', 'minDomains')).toBe(RULES['single-point-of-failure'].thresholds.minDomains);
    });

    test('a $schema key is allowed', () => {
        expect(() => parseRemitConfig('{ "$schema": "./remit.schema.json", "rules": {} }')).not.toThrow();
    });

    test('an empty rules object is the defaults', () => {
        const config = parseRemitConfig('{ "rules": {} }');
        expect(config.severity('empty-domain')).toBe(RULES['empty-domain'].defaultSeverity);
    });
});

group('bad configurations name the line and the fix', () => {
    test('invalid JSON', () => {
        const err = configError('{\n  "rules": {\n    "unused-element": "off",\n  }\n}\n');
        expect(err.line).toBe(4);
        expect(err.message).toMatch(/^remit\.json:4:\d+: this is not valid JSON/);
    });

    test('an empty file', () => {
        const err = configError('\n');
        expect(err.message).toContain('the file is empty');
    });

    test('an unknown rule, with a suggestion', () => {
        const err = configError('{\n  "rules": {\n    "empty-domain": "off",\n    "unused-elemnt": "off"\n  }\n}\n');
        expect([err.line, err.column]).toEqual([4, 5]);
        expect(err.detail).toContain("unknown rule 'unused-elemnt'. Did you mean 'unused-element'?");
    });

    test('a shortened rule name is recognised as a likely meaning', () => {
        const err = configError('{ "rules": { "unused": "off" } }');
        expect(err.detail).toContain("Did you mean 'unused-element'?");
    });

    test('a bad severity lists the good ones', () => {
        const err = configError('{\n  "rules": {\n    "empty-domain": "loud"\n  }\n}\n');
        expect(err.line).toBe(3);
        expect(err.detail).toBe('rule \'empty-domain\' has severity "loud"; use one of "off", "hint", "warning", "error".');
    });

    test('a severity that is not text', () => {
        const err = configError('{ "rules": { "empty-domain": 2 } }');
        expect(err.detail).toContain('has severity 2');
    });

    test('an unknown threshold names the rule\'s settings, at the line of that rule', () => {
        const err = configError(`{
  "rules": {
    "overloaded-role": { "maxDecisions": 4 },
    "concentrated-authority": { "maxDecisions": 4 }
  }
}`);
        expect(err.line).toBe(4);
        expect(err.detail).toBe('rule \'concentrated-authority\' has no setting \'maxDecisions\'; its settings are "severity", "minDecisions", "maxAdministratorShare".');
    });

    test('a threshold on a rule that has none', () => {
        const err = configError('{ "rules": { "empty-domain": { "limit": 3 } } }');
        expect(err.detail).toBe('rule \'empty-domain\' has only a "severity" setting, not \'limit\'.');
    });

    test('a threshold that is not a number of 0 or more', () => {
        expect(configError('{ "rules": { "overloaded-role": { "maxDecisions": -1 } } }').detail).toContain('must be a number of 0 or more');
        expect(configError('{ "rules": { "overloaded-role": { "maxDecisions": "4" } } }').detail).toContain('must be a number of 0 or more');
    });

    test('an unknown top-level setting', () => {
        const err = configError('{\n  "rule": {}\n}');
        expect(err.line).toBe(2);
        expect(err.detail).toContain('unknown setting \'rule\'. Did you mean "rules"?');
    });

    test('not an object', () => {
        expect(configError('[]').detail).toContain('expected an object');
        expect(configError('{ "rules": "off" }').detail).toContain('"rules" must be an object');
    });

    test('messages name the file given', () => {
        expect(() => parseRemitConfig('{ "rules": 1 }', 'config/remit.json')).toThrow(/^config\/remit\.json:1:\d+: /);
    });
});

group('remit.json on disk', () => {
    let dir: string | undefined;
    afterEach(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
        dir = undefined;
    });

    function workspace(files: Record<string, string>): string {
        dir = mkdtempSync(path.join(tmpdir(), 'remit-config-'));
        mkdirSync(path.join(dir, '.git'));
        for (const [name, text] of Object.entries(files)) {
            mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            writeFileSync(path.join(dir, name), text);
        }
        return dir;
    }

    test('found from the working folder upwards and applied', async () => {
        const root = workspace({ 'remit.json': '{ "rules": { "duplicate-name": "off" } }', 'maps/m.remit': TWO_FINDINGS });
        const result = await openWorkspace(['m.remit'], { cwd: path.join(root, 'maps') });
        expect(result.diagnostics.filter(d => d.code === 'duplicate-name')).toEqual([]);
        expect(result.diagnostics.filter(d => d.code === 'invalid-value')).toHaveLength(1);
    });

    test('not looked for above the repository root', async () => {
        const root = workspace({ 'inner/.git/HEAD': '', 'inner/m.remit': TWO_FINDINGS, 'remit.json': '{ "rules": { "duplicate-name": "off" } }' });
        expect(await loadConfig(path.join(root, 'inner'))).toBeUndefined();
    });

    test('a bad file is an input error naming the file and line', async () => {
        const root = workspace({ 'remit.json': '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n', 'm.remit': 'map M "M"\n' });
        const error = await openWorkspace(['.'], { cwd: root }).then(() => undefined, (err: unknown) => err);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(/^remit\.json:3:5: unknown rule 'no-such-rule'/);
    });

    test('an explicit config file that does not exist is an input error', async () => {
        const root = workspace({ 'm.remit': 'map M "M"\n' });
        const error = await openWorkspace(['.'], { cwd: root, configFile: 'missing.json' }).then(() => undefined, (err: unknown) => err);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toBe('missing.json: the configuration file cannot be read (there is no such file).');
    });
});
