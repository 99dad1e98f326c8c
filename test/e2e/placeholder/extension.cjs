// The smallest useful extension: a command that answers, so the harness has something to test.
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('remitE2ePlaceholder.hello', (name) => `hello, ${name ?? 'world'}`),
  );
  return { ready: true };
};
exports.deactivate = function deactivate() {};
