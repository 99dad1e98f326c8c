import { DefaultWorkspaceManager, URI, UriUtils, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { STANDARD_LIBRARY_TEXT, STANDARD_LIBRARY_URI } from '../builtin/standard-library.js';
import { CONFIG_FILE_NAME, RemitConfigError, parseRemitConfig } from '../config/remit-config.js';
import type { RemitServices } from '../remit-module.js';

/**
 * The editor's workspace: every `.remit` file under the folders plus the standard library.
 * Dependency and tool folders are skipped so that installed packages never count as maps.
 */
export class RemitWorkspaceManager extends DefaultWorkspaceManager {
    private readonly shared: LangiumSharedCoreServices;

    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.shared = shared;
        // Check every map from the start, not only the open ones: a gap in a file nobody
        // has opened is still a gap.
        this.initialBuildOptions = { validation: true };
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        await this.loadSettings(folders);
        return super.initializeWorkspace(folders, cancelToken);
    }

    /** The `remit.json` in force and its problem, if it has one (for the editor to show). */
    configFile: URI | undefined;
    configError: RemitConfigError | undefined;

    /** Reads `remit.json` again, after it changed on disk. */
    reloadSettings(): Promise<RemitConfigError | undefined> {
        return this.loadSettings(this.folders ?? []);
    }

    /** Reads `remit.json` from the first workspace folder that has one. */
    async loadSettings(folders: readonly WorkspaceFolder[]): Promise<RemitConfigError | undefined> {
        this.configFile = undefined;
        this.configError = undefined;
        for (const folder of folders) {
            const uri = UriUtils.joinPath(URI.parse(folder.uri), CONFIG_FILE_NAME);
            let text: string;
            try {
                text = await this.fileSystemProvider.readFile(uri);
            } catch {
                continue;
            }
            this.configFile = uri;
            try {
                const config = parseRemitConfig(text, CONFIG_FILE_NAME);
                this.remitServices().forEach(s => s.settings.RemitSettings.update(config));
                return undefined;
            } catch (err) {
                if (!(err instanceof RemitConfigError)) throw err;
                this.remitServices().forEach(s => s.settings.RemitSettings.update(undefined, err));
                this.configError = err;
                console.error(`Remit: ${err.message} The default rule settings apply until it is fixed.`);
                return err;
            }
        }
        this.remitServices().forEach(s => s.settings.RemitSettings.update(undefined));
        return undefined;
    }

    private remitServices(): RemitServices[] {
        return this.serviceRegistry.all.filter((s): s is RemitServices => 'settings' in s);
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        collector(this.shared.workspace.LangiumDocumentFactory.fromString(STANDARD_LIBRARY_TEXT, URI.parse(STANDARD_LIBRARY_URI)));
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = entry.uri.path.split('/').pop() ?? '';
        if (entry.isDirectory && (name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'out')) return false;
        return super.shouldIncludeEntry(entry);
    }
}
