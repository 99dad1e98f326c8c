// The picture the extension's README shows on the Marketplace: an example map beside its
// live preview, in a 1440x900 workbench, with text a principal can read. Taken last, on a
// quiet workbench (no side bar, no panel, no minimap); run.mjs saves it as
// marketplace-screenshot.png, and `--update-screenshot` copies it to
// packages/extension/images/screenshot.png.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateRemit, fileUri, hasDriver, openEditor, positionOf, screenshot, waitFor, type RemitApi } from './helpers.js';

describe('The Marketplace screenshot', function () {
    this.timeout(90_000);
    let api: RemitApi;
    const lakeside = 'examples/lakeside/lakeside.remit';
    // Settings changed for the picture, restored afterwards: no minimap or sticky lines over
    // the map, no status bar (it counts the problems of the suite's broken fixtures).
    const quiet: [string, string, unknown][] = [
        ['editor', 'minimap.enabled', false],
        ['editor', 'stickyScroll.enabled', false],
        ['workbench', 'statusBar.visible', false]
    ];

    before(async () => {
        api = await activateRemit();
    });

    after(async () => {
        for (const [section, key] of quiet) await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Global);
    });

    it('shows an example map beside its preview, readable at 1440x900', async function () {
        if (!hasDriver()) this.skip(); // only the browser driver takes screenshots
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('notifications.clearAll'); // e.g. an earlier test's 'already exists'
        for (const [section, key, value] of quiet) await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);

        // Two columns before the preview opens, so it draws at its final width: the map takes
        // a little under half of the width, the picture the rest.
        await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{ size: 0.45 }, { size: 0.55 }] });
        const editor = await openEditor(lakeside);
        // The first decisions at the top of the editor, the cursor on a decider.
        const focus = positionOf(editor.document, 'domain Instruction');
        editor.revealRange(new vscode.Range(focus, focus), vscode.TextEditorRevealType.AtTop);
        const decider = positionOf(editor.document, 'decide Principal', 'decide '.length);
        editor.selection = new vscode.Selection(decider, decider);
        await vscode.commands.executeCommand('remit.openPreview');
        const drawn = await waitFor('the preview to draw Lakeside at its default zoom', () => {
            const r = api.preview.lastRendered();
            return r && r.map === 'Lakeside' && r.svgs > 0 && !r.banner && r.tab === 'diagram' && r.view?.kind === 'overview'
                && r.areaWidth !== undefined && r.areaWidth > 650 ? r : undefined;
        }, 30_000);
        assert.equal(drawn.uri, fileUri(lakeside).toString());
        assert.ok(drawn.minTextPx !== undefined && drawn.minTextPx >= 11 - 0.01, `smallest diagram text ${drawn.minTextPx} px`);

        const shot = await screenshot('marketplace-screenshot');
        assert.ok(shot?.ok, shot?.error);
        const frame = shot.frames?.find(f => f.svgs > 0 && /who decides what/.test(f.text));
        assert.ok(frame, 'the preview frame shows the diagram');
        // the example as written (no earlier test's edit left in it)
        assert.ok(!editor.document.isDirty);
        assert.equal(/Set the school's instructional\s+focus[^◆]*◆ decide: ([^\n]+)/.exec(frame.text)?.[1], 'Principal', frame.text);
        assert.ok(frame.svgTextPx !== undefined && frame.svgTextPx >= 11 - 0.01, `diagram text drawn at ${frame.svgTextPx} px`);
    });
});
