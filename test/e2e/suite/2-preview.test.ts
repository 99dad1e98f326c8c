// The live preview and the generate commands, against the installed extension: the
// webview really draws an SVG (seen by the browser), keeps the last good picture while
// the map is broken, and a click on a role opens its source.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
    activateRemit, click, fileUri, hasDriver, openEditor, positionOf, screenshot, select, waitFor, waitForDiagnostics, type PreviewRendered, type RemitApi
} from './helpers.js';

describe('Remit preview and commands', () => {
    let api: RemitApi;
    const lakeside = 'examples/lakeside/lakeside.remit';

    before(async function () {
        this.timeout(60_000);
        api = await activateRemit();
    });

    const rendered = (what: string, accept: (r: PreviewRendered) => boolean) =>
        waitFor(what, () => { const r = api.preview.lastRendered(); return r && accept(r) ? r : undefined; }, 30_000);

    it('opens a preview beside the map and draws its diagram', async () => {
        await openEditor(lakeside);
        await vscode.commands.executeCommand('remit.openPreview');
        const r = await rendered('the preview to draw Lakeside', x => x.map === 'Lakeside' && x.svgs > 0 && !x.banner);
        assert.equal(r.uri, fileUri(lakeside).toString());
        const shot = await screenshot('preview');
        if (shot) {
            // the browser's view of the webview: a frame showing the map's diagram
            const frame = shot.frames?.find(f => f.svgs > 0 && /Lakeside Elementary School/.test(f.text));
            assert.ok(frame, `no frame shows the diagram: ${JSON.stringify(shot.frames?.map(f => ({ url: f.url.slice(0, 60), svgs: f.svgs, text: f.text.slice(0, 80) })))}`);
            assert.ok(fs.statSync(shot.screenshot!).size > 10_000);
        }
    });

    it('keeps the last good picture with an error banner while the map is broken, and recovers', async () => {
        const editor = await openEditor(lakeside);
        const at = positionOf(editor.document, 'role Principal');
        await editor.edit(e => e.insert(at, 'role Broken "Broken" { backup Nobody }\n'));
        const broken = await rendered('the error banner', x => x.banner);
        assert.ok(broken.svgs > 0, 'the last good diagram should stay');
        await screenshot('preview-broken');
        await vscode.commands.executeCommand('undo');
        await rendered('the banner to go', x => !x.banner && x.svgs > 0);
        await vscode.commands.executeCommand('workbench.action.files.save');
    });

    it('reveals the source of a role clicked in the diagram', async function () {
        if (!hasDriver()) this.skip();
        await openEditor('maps/edit-me.remit'); // the preview follows the active editor
        await rendered('Editable drawn', x => x.map === 'Editable' && x.svgs > 0);
        await openEditor(lakeside);
        await rendered('Lakeside drawn', x => x.map === 'Lakeside' && x.svgs > 0 && !x.banner);
        await click('svg [data-element="Lakeside.GradeLead"]');
        const editor = await waitFor('the editor to reveal GradeLead', () => {
            const e = vscode.window.activeTextEditor;
            return e && e.document.uri.toString() === fileUri(lakeside).toString()
                && e.document.lineAt(e.selection.active.line).text.includes('role GradeLead') ? e : undefined;
        });
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /^role GradeLead/);
    });

    it('shows the map as it stands in the phase picked in the preview', async function () {
        if (!hasDriver()) this.skip();
        await openEditor(lakeside);
        await rendered('Lakeside drawn', x => x.map === 'Lakeside' && x.svgs > 0 && !x.banner);
        await select('select#phase', 'Expansion');
        const r = await rendered('the Expansion phase drawn', x => x.phase === 'Expansion' && x.svgs > 0);
        assert.equal(r.map, 'Lakeside');
        await screenshot('preview-phase');
        await select('select#phase', '');
        await rendered('every phase drawn again', x => x.phase === undefined && x.svgs > 0);
    });

    it('follows a dark theme', async function () {
        if (!hasDriver()) this.skip();
        const config = vscode.workspace.getConfiguration('workbench');
        await config.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        try {
            await waitFor('the dark theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark);
            const shot = await screenshot('preview-dark');
            assert.ok(shot?.frames?.some(f => f.svgs > 0 && /Lakeside Elementary School/.test(f.text)));
        } finally {
            await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
        }
    });

    it('shows the authority matrix', async () => {
        await openEditor(lakeside);
        await vscode.commands.executeCommand('remit.showMatrix');
        await rendered('the matrix tab', x => x.tab === 'matrix' && x.map === 'Lakeside');
        const shot = await screenshot('matrix');
        if (shot) assert.ok(shot.frames?.some(f => /Set the school's instructional focus|Instructional Leadership Team/.test(f.text)));
    });

    it('generates a charter file from the map', async () => {
        const target = await vscode.commands.executeCommand<vscode.Uri>('remit.generateCharter', fileUri(lakeside), { open: false });
        assert.ok(target, 'the command should say where it wrote');
        assert.match(target.fsPath, /charters\/lakeside-charter\.md$/);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
        assert.match(text, /Lakeside Elementary School/);
        assert.match(text, /Principal/);
    });

    it('exports the diagram as SVG', async () => {
        const target = fileUri('out/lakeside.svg');
        const written = await vscode.commands.executeCommand<vscode.Uri>('remit.exportDiagram', fileUri(lakeside), { target });
        assert.equal(written?.toString(), target.toString());
        const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
        assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.match(svg, /data-element="Lakeside\.Principal"/);
    });

    it('refuses to generate from a map that cannot be read, and says why', async () => {
        const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('remit.generateCharter', fileUri('maps/broken.remit'), { open: false });
        assert.equal(target, undefined);
    });

    it('creates a new map from a starter, named by the user, that checks clean', async () => {
        const folder = fileUri('new-maps');
        const uri = await vscode.commands.executeCommand<vscode.Uri>('remit.newMap', { template: 'blank-school', mapName: 'Oakdale', folder });
        assert.ok(uri, 'the command should return the new map');
        assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'oakdale.remit').toString());
        const doc = await vscode.workspace.openTextDocument(uri);
        assert.match(doc.getText(), /^map Oakdale /m);
        await waitForDiagnostics(uri, ds => !ds.some(d => d.severity === vscode.DiagnosticSeverity.Error), 20_000);
        // and never over an existing file
        const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('remit.newMap', { template: 'blank-school', mapName: 'Oakdale', folder });
        assert.equal(again, undefined);
    });

    it('offers a Getting Started walkthrough', () => {
        const pkg = vscode.extensions.getExtension('remit.remit')!.packageJSON as { contributes: { walkthroughs: { steps: { id: string }[] }[] } };
        assert.deepEqual(pkg.contributes.walkthroughs[0].steps.map(s => s.id), ['newMap', 'preview', 'problems', 'charter']);
    });
});
