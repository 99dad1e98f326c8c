// The placeholder's suite: proves the extension installed from the .vsix is active and answers.
const path = require('node:path');
const { runMocha } = require('../../lib/run-mocha.cjs');

exports.run = () => runMocha([path.join(__dirname, 'placeholder.test.cjs')], { timeout: 30_000 });
