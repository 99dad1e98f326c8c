// The live preview and the generate commands, against the installed extension: the
// webview really draws an SVG (seen by the browser), keeps the last good picture while
// the map is broken, and a click on a role opens its source.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
    activateRemit, checksClean, click, fileUri, fill, hasDriver, openEditor, positionOf, press, screenshot, select, waitFor, type PreviewRendered, type RemitApi
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

    it('drills down to a role clicked in the diagram, and reveals its source', async function () {
        if (!hasDriver()) this.skip();
        await openEditor('maps/edit-me.remit'); // the preview follows the active editor
        await rendered('Editable drawn', x => x.map === 'Editable' && x.svgs > 0);
        await openEditor(lakeside);
        await rendered('Lakeside drawn', x => x.map === 'Lakeside' && x.svgs > 0 && !x.banner && x.view?.kind === 'overview');
        await click('svg g.node[data-element="Lakeside.GradeLead"]');
        await rendered('the role view of GradeLead', x => x.view?.kind === 'role' && x.view.name === 'Lakeside.GradeLead' && x.svgs > 0);
        const shot = await screenshot('preview-role');
        if (shot) assert.ok(shot.frames?.some(f => /what\s+Grade-level\s+team\s+leader\s+holds/.test(f.text)), 'the role view should be drawn');
        await click('button#reveal');
        const editor = await waitFor('the editor to reveal GradeLead', () => {
            const e = vscode.window.activeTextEditor;
            return e && e.document.uri.toString() === fileUri(lakeside).toString()
                && e.document.lineAt(e.selection.active.line).text.includes('role GradeLead') ? e : undefined;
        });
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /^role GradeLead/);
        // Exported as shown: the role view.
        const target = fileUri('out/lakeside-gradelead.svg');
        await vscode.commands.executeCommand('remit.exportDiagram', fileUri(lakeside), { target });
        assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /what Grade-level team leader holds/);
        await click('button#crumb-overview');
        await rendered('back to the overview', x => x.view?.kind === 'overview' && x.svgs > 0);
    });

    it('zooms, fits to width and filters, with readable text at the default zoom', async function () {
        if (!hasDriver()) this.skip();
        await openEditor(lakeside);
        await rendered('Lakeside drawn', x => x.map === 'Lakeside' && x.svgs > 0);
        if (api.preview.lastRendered()?.view?.kind !== 'overview') await click('button#crumb-overview');
        const first = await rendered('Lakeside overview', x => x.map === 'Lakeside' && x.svgs > 0 && x.view?.kind === 'overview' && x.tab === 'diagram');
        // Default zoom: fit to width, but never below 11 px text.
        assert.ok(first.minTextPx !== undefined && first.minTextPx >= 11 - 0.01, `smallest text ${first.minTextPx} px at zoom ${first.zoom}`);
        const shot = await screenshot('preview-default-zoom');
        if (shot) {
            const frame = shot.frames?.find(f => f.svgs > 0 && /who decides what/.test(f.text));
            assert.ok(frame, 'a frame shows the overview');
            assert.ok(frame.svgTextPx !== undefined && frame.svgTextPx >= 11 - 0.01, `text drawn at ${frame.svgTextPx} px`);
        }
        await click('button#zoom-in');
        const bigger = await rendered('zoomed in', x => (x.zoom ?? 0) > (first.zoom ?? 0));
        await screenshot('preview-zoomed-in');
        await click('button#zoom-actual');
        await rendered('actual size', x => x.zoom === 1);
        await click('button#zoom-fit');
        const fitted = await rendered('fitted to width', x => x.zoom !== undefined && x.zoom < (bigger.zoom ?? 0));
        assert.ok((fitted.drawnWidth ?? Infinity) <= (fitted.areaWidth ?? 0) + 1, `fit to width: ${fitted.drawnWidth} px drawn in ${fitted.areaWidth} px`);
        await press('section#diagram', '+');
        await rendered('zoomed in by key', x => (x.zoom ?? 0) > (fitted.zoom ?? 0));
        await press('section#diagram', 'w');
        await rendered('fitted by key', x => x.zoom === fitted.zoom);
        await press('section#diagram', '0');
        await rendered('actual size by key', x => x.zoom === 1);
        await fill('input#filter', 'Superintendent');
        const filtered = await rendered('the filter applied', x => x.filter === 'Superintendent' && (x.matches ?? 0) > 0);
        assert.ok((filtered.matches ?? 0) >= 1);
        await screenshot('preview-filtered');
        await fill('input#filter', '');
        await rendered('the filter cleared', x => x.filter === undefined);
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
            await rendered('a dark diagram', x => x.theme === 'dark' && x.svgs > 0);
            const shot = await screenshot('preview-dark');
            assert.ok(shot?.frames?.some(f => f.svgs > 0 && /Lakeside Elementary School/.test(f.text)));
            await click('input#paper');
            await rendered('the paper diagram', x => x.theme === 'paper' && x.svgs > 0);
            await screenshot('preview-paper');
            await click('input#paper');
            await rendered('dark again', x => x.theme === 'dark' && x.svgs > 0);
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

    it('exports the diagram as PNG', async () => {
        const target = fileUri('out/lakeside.png');
        const written = await vscode.commands.executeCommand<vscode.Uri>('remit.exportDiagramPng', fileUri(lakeside), { target, view: { kind: 'overview' } });
        assert.equal(written?.toString(), target.toString());
        const png = await vscode.workspace.fs.readFile(target);
        assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
        assert.ok(png.length > 20_000);
    });

    it('exports the diagram as SVG', async () => {
        const target = fileUri('out/lakeside.svg');
        const written = await vscode.commands.executeCommand<vscode.Uri>('remit.exportDiagram', fileUri(lakeside), { target, view: { kind: 'overview' } });
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
        await checksClean(uri);
        // and never over an existing file
        const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('remit.newMap', { template: 'blank-school', mapName: 'Oakdale', folder });
        assert.equal(again, undefined);
    });

    it('offers a Getting Started walkthrough', () => {
        const pkg = vscode.extensions.getExtension('remit.remit')!.packageJSON as { contributes: { walkthroughs: { steps: { id: string }[] }[] } };
        assert.deepEqual(pkg.contributes.walkthroughs[0].steps.map(s => s.id), ['newMap', 'preview', 'problems', 'charter']);
    });
});
