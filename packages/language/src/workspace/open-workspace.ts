import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createRemitCoreServices, type RemitServices } from '../remit-module.js';
import { CONFIG_FILE_NAME, RemitConfigError, parseRemitConfig, type RemitConfig } from '../config/remit-config.js';
import { isStandardLibrary } from '../builtin/standard-library.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { ensureStandardLibrary } from './standard-library.js';
import { findRemitFiles } from './find-files.js';
import { InputError } from './input-error.js';
import { diagnosticsOf, type RemitDiagnostic } from './diagnostics.js';
import { compareText } from '../utils/compare-text.js';
import { readMapFile } from './read-map.js';
import { describeOsError } from './os-errors.js';

/** A set of maps read from disk (or given as text), parsed, linked and checked. */
export interface RemitWorkspace {
    services: RemitServices;
    /** The user's documents, sorted by path (the standard library is not among them). */
    documents: LangiumDocument[];
    diagnostics: RemitDiagnostic[];
    model: WorkspaceModel;
}

export interface OpenOptions {
    cwd?: string;
    /** Rule settings; when left out, `remit.json` is looked up from `cwd` upwards. */
    config?: RemitConfig;
    configFile?: string;
}

/** Reads, parses, links and checks the `.remit` files named by `paths` (files or folders). */
export async function openWorkspace(paths: readonly string[], options: OpenOptions = {}): Promise<RemitWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    const files = await findRemitFiles(paths, cwd);
    const config = options.config ?? await loadConfig(cwd, options.configFile);
    const sources: Array<{ uri: URI; text: string }> = [];
    for (const file of files) {
        const read = await readMapFile(file, { shown: path.relative(cwd, file) || file, maxFileSize: config?.maxFileSize });
        sources.push({ uri: URI.file(file), text: read.text });
    }
    return checkSources(sources, config);
}

/** Parses, links and checks documents given as text (tests, the diff's old revisions). */
export async function checkSources(sources: ReadonlyArray<{ uri: URI | string; text: string }>, config?: RemitConfig): Promise<RemitWorkspace> {
    const { shared, Remit } = createRemitCoreServices(NodeFileSystem);
    if (config) Remit.settings.RemitSettings.update(config);
    const library = ensureStandardLibrary(shared);
    const documents = sources.map(source => {
        const uri = typeof source.uri === 'string' ? URI.parse(source.uri) : source.uri;
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build([library, ...documents], { validation: true });
    const userDocuments = documents.filter(d => !isStandardLibrary(d.uri))
        .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()));
    return {
        services: Remit,
        documents: userDocuments,
        diagnostics: userDocuments.flatMap(diagnosticsOf),
        model: Remit.model.ModelProvider.workspace()
    };
}

/**
 * The nearest `remit.json` from `cwd` upwards (stopping at a git root), or the defaults.
 * A file that exists but cannot be used is an InputError naming its line.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<RemitConfig | undefined> {
    const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
    if (!file) return undefined;
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch (err) {
        throw new InputError(`${explicit ?? (path.relative(cwd, file) || file)}: the configuration file cannot be read (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : describeOsError(err)}).`);
    }
    try {
        return parseRemitConfig(text, path.relative(cwd, file) || CONFIG_FILE_NAME);
    } catch (err) {
        if (err instanceof RemitConfigError) throw new InputError(err.message);
        throw err;
    }
}

function findConfig(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        if (existsSync(candidate)) return candidate;
        if (existsSync(path.join(dir, '.git'))) return undefined;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}
