const assert = require('node:assert/strict');
const vscode = require('vscode');

describe('e2e harness (placeholder extension)', () => {
  it('runs in VS Code 1.101 or newer', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || minor >= 101, vscode.version);
  });

  it('has the extension installed from the .vsix and activates it', async () => {
    const ext = vscode.extensions.getExtension('remit-e2e.e2e-placeholder');
    assert.ok(ext, 'extension remit-e2e.e2e-placeholder is not installed');
    const api = await ext.activate();
    assert.deepEqual(api, { ready: true });
    // the copy unpacked from the .vsix, not a source folder
    assert.ok(ext.extensionUri.fsPath.startsWith(process.env.REMIT_E2E_EXTENSIONS_DIR + '/'), ext.extensionUri.fsPath);
  });

  it("runs the extension's command", async () => {
    assert.equal(await vscode.commands.executeCommand('remitE2ePlaceholder.hello', 'Remit'), 'hello, Remit');
  });

  it('opens the workspace folder', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
