// Remit: Compare with HEAD, in the editor: an unsaved edit that moves a decision to
// another role is reported as authority that changed hands, against a real git commit.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { fileUri, openEditor, screenshot, waitFor, workspaceRoot } from './helpers.js';

describe('Compare with HEAD', function () {
    this.timeout(90_000);
    const lakeside = 'examples/lakeside/lakeside.remit';

    before(() => {
        const git = (...args: string[]) => execFileSync('git', args, { cwd: workspaceRoot(), stdio: 'pipe' });
        git('init', '-q');
        git('config', 'user.name', 'Remit test');
        git('config', 'user.email', 'test@example.invalid');
        git('add', '-A');
        git('commit', '-q', '-m', 'maps as agreed');
    });

    after(async () => {
        // The review beside it is the active editor: revert the map itself, so later tests
        // (and the Marketplace screenshot) see it as committed.
        const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === fileUri(lakeside).toString());
        if (doc?.isDirty) {
            await vscode.window.showTextDocument(doc);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        assert.ok(!doc?.isDirty, 'the edited map is reverted');
    });

    it('reports an unsaved change of decider as a decision that changed hands', async () => {
        const editor = await openEditor(lakeside);
        const text = editor.document.getText();
        const line = /^(\s*)decide Principal$/m.exec(text);
        assert.ok(line, 'the Lakeside map has a decision the principal decides alone');
        const start = editor.document.positionAt(line.index + line[1].length);
        const end = editor.document.positionAt(line.index + line[0].length);
        await editor.edit((e: vscode.TextEditorEdit) => e.replace(new vscode.Range(start, end), 'decide AssistantPrincipal'));
        assert.ok(editor.document.isDirty, 'the edit stays unsaved: the comparison must see the editor text');

        const markdown = await vscode.commands.executeCommand<string | undefined>('remit.compareWithHead', fileUri(lakeside), { open: false });
        assert.ok(markdown, 'the command should return the review');
        assert.match(markdown, /1 decision changed hands/);
        assert.match(markdown, /final authority moved: Principal → \*\*Assistant principal\*\*/);
    });

    it('shows the review read-only beside the map: no unsaved buffer, element names linked to the maps', async () => {
        const untitledBefore = vscode.workspace.textDocuments.filter(d => d.isUntitled).length;
        const markdown = await vscode.commands.executeCommand<string | undefined>('remit.compareWithHead', fileUri(lakeside));
        assert.ok(markdown);
        const review = await waitFor('the review document', () => vscode.workspace.textDocuments.find(d => d.uri.scheme === 'remit-review'));
        assert.equal(review.isDirty, false);
        assert.equal(review.getText(), markdown);
        assert.equal(vscode.workspace.textDocuments.filter(d => d.isUntitled).length, untitledBefore, 'no Untitled buffer is left behind');
        const lakesideFile = fileUri(lakeside).toString();
        assert.ok(markdown.includes(`](<${lakesideFile}#L`), `links to ${lakesideFile} in:\n${markdown}`);
        // Running it again refreshes the same document instead of adding another.
        await vscode.commands.executeCommand('remit.compareWithHead', fileUri(lakeside));
        assert.equal(vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'remit-review').length, 1);
        const dirtyTabs = vscode.window.tabGroups.all.flatMap(g => g.tabs)
            .filter(t => t.isDirty && !(t.input instanceof vscode.TabInputText && t.input.uri.toString() === lakesideFile));
        assert.deepEqual(dirtyTabs.map(t => t.label), [], 'only the edited map is unsaved');
        await screenshot('compare-with-head');
    });

    it('says plainly when the folder cannot be compared', async () => {
        const markdown = await vscode.commands.executeCommand<string | undefined>('remit.compareWithHead', fileUri(lakeside), { open: false, revision: 'no-such-revision' });
        assert.equal(markdown, undefined);
    });
});
