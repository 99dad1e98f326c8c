// The language features, through VS Code's own API, against the extension installed from
// the .vsix: what a person sees in the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    activateRemit, codeOf, fileUri, hoverText, openEditor, positionOf, screenshot, waitFor, waitForDiagnostics
} from './helpers.js';

/**
 * The labels of Remit's completion items at `pos`, once the server answers. VS Code adds
 * its own suggestions of the document's words (kind Text) to every list; they are left out,
 * or a list of the map's words would pass for the server's answer.
 */
async function remitCompletions(uri: vscode.Uri, pos: vscode.Position): Promise<string[]> {
    return waitFor('completion items from Remit', async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
        const labels = l.items.filter(i => i.kind !== vscode.CompletionItemKind.Text).map(i => typeof i.label === 'string' ? i.label : i.label.label);
        return labels.length ? labels : undefined;
    });
}

describe('Remit in VS Code', () => {
    before(async function () {
        this.timeout(60_000);
        await activateRemit();
    });

    it('knows .remit files as the remit language, with its grammar and icon', async () => {
        const editor = await openEditor('examples/lakeside/lakeside.remit');
        assert.equal(editor.document.languageId, 'remit');
        const ext = vscode.extensions.getExtension('remit.remit')!;
        // the copy unpacked from the .vsix (run.mjs passes its extensions folder)
        if (process.env.REMIT_E2E_EXTENSIONS_DIR) {
            assert.ok(ext.extensionUri.fsPath.startsWith(process.env.REMIT_E2E_EXTENSIONS_DIR), ext.extensionUri.fsPath);
        }
        const pkg = ext.packageJSON as { contributes: { grammars: { scopeName: string }[] }; icon: string };
        assert.equal(pkg.contributes.grammars[0].scopeName, 'source.remit');
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, pkg.icon));
    });

    it('checks an example map clean (no errors)', async () => {
        const uri = fileUri('examples/lakeside/lakeside.remit');
        // The server checks the whole workspace; wait until it has reported on this file.
        await waitForDiagnostics(fileUri('maps/unopened.remit'), ds => ds.length > 0);
        const errors = vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map(d => d.message), []);
    });

    it('underlines the mistakes of a broken map, with the rule code and a plain message', async () => {
        const editor = await openEditor('maps/broken.remit');
        const ds = await waitForDiagnostics(editor.document.uri, d => d.some(x => codeOf(x) === 'unresolved-reference'));
        const d = ds.find(x => codeOf(x) === 'unresolved-reference')!;
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(editor.document.getText(d.range), 'Treasurer');
        assert.match(d.message, /Treasurer/);
        assert.match(d.message, /no role or team named/);
        await screenshot('broken-map');
    });

    it('reports problems in maps nobody has opened', async () => {
        const uri = fileUri('maps/unopened.remit');
        assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString()), 'the file should not be open');
        const ds = await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'unresolved-reference'));
        assert.match(ds.map(d => d.message).join('\n'), /Did you mean 'Head'\?/);
    });

    it('completes role and team names after a level', async () => {
        const editor = await openEditor('maps/edit-me.remit');
        const at = positionOf(editor.document, '    inform Staff\n', '    inform Staff\n'.length);
        await editor.edit(e => e.insert(at, '    consult \n'));
        const pos = new vscode.Position(at.line, '    consult '.length);
        const labels = await remitCompletions(editor.document.uri, pos);
        for (const name of ['Principal', 'DeptChair', 'Staff', 'Council']) assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('completes the levels of the map\'s scheme at the start of an assignment', async () => {
        const editor = await openEditor('maps/edit-me.remit');
        const at = positionOf(editor.document, '    inform Staff\n', '    inform Staff\n'.length);
        await editor.edit(e => e.insert(at, '    \n'));
        const pos = new vscode.Position(at.line, 4);
        const labels = await remitCompletions(editor.document.uri, pos);
        for (const level of ['recommend', 'consult', 'agree', 'decide', 'inform']) assert.ok(labels.includes(level), `${level} in ${labels.join(', ')}`);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('shows a role\'s documentation on hover', async () => {
        const editor = await openEditor('maps/edit-me.remit');
        const pos = positionOf(editor.document, 'decide Principal', 'decide '.length + 2);
        const text = await waitFor('a hover', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
            return hoverText(hovers) || undefined;
        });
        assert.match(text, /Runs the school; final say on most things\./);
    });

    it('goes to the definition of a role in another map', async () => {
        const editor = await openEditor('maps/coaching.remit');
        const pos = positionOf(editor.document, 'District.Coach', 'District.'.length + 1);
        const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
        assert.equal(locations.length, 1);
        const loc = locations[0];
        const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
        assert.ok(uri.fsPath.endsWith('district.remit'), uri.fsPath);
    });

    it('finds the references to a role across maps', async () => {
        const doc = await vscode.workspace.openTextDocument(fileUri('maps/district.remit'));
        const pos = positionOf(doc, 'role Coach', 'role '.length + 1);
        const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
        const files = refs.map(r => r.uri.fsPath.split('/').pop()).sort();
        assert.deepEqual(files, ['coaching.remit', 'coaching.remit', 'district.remit', 'district.remit']);
    });

    it('renames a role across maps', async () => {
        const district = await vscode.workspace.openTextDocument(fileUri('maps/district.remit'));
        const coaching = await vscode.workspace.openTextDocument(fileUri('maps/coaching.remit'));
        const pos = positionOf(district, 'role Coach', 'role '.length + 1);
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', district.uri, pos, 'Mentor');
        assert.equal(edit.get(district.uri).length, 2);
        assert.equal(edit.get(coaching.uri).length, 2);
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.match(district.getText(), /role Mentor "Instructional coach"/);
        assert.match(district.getText(), /recommend Mentor\n/);
        // saved, as a person would: later tests expect no unsaved maps but their own
        assert.ok(await district.save() && await coaching.save());
    });

    it('keeps references from other maps qualified when renaming', async () => {
        const coaching = await vscode.workspace.openTextDocument(fileUri('maps/coaching.remit'));
        assert.match(coaching.getText(), /recommend District\.Mentor\n/);
        assert.match(coaching.getText(), /inform District\.Mentor\n/);
        await waitForDiagnostics(coaching.uri, ds => !ds.some(d => d.severity === vscode.DiagnosticSeverity.Error), 5_000);
    });

    it('offers a quick fix for a misspelt name, and the fix works', async () => {
        const uri = fileUri('maps/unopened.remit');
        const doc = await vscode.workspace.openTextDocument(uri); // code actions need the document loaded
        const [d] = await waitForDiagnostics(uri, ds => ds.some(x => codeOf(x) === 'unresolved-reference'));
        const range = new vscode.Range(d.range.start, d.range.end);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => /Head/.test(a.title));
        assert.ok(fix?.edit, `no quick fix naming Head among: ${actions.map(a => a.title).join(', ') || 'none'}`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.match(doc.getText(), /decide Head\n/);
        await waitForDiagnostics(uri, ds => !ds.some(x => codeOf(x) === 'unresolved-reference'), 10_000);
        await doc.save();
    });
});
