// Mocha 11 runner loaded by the VS Code extension host (code-server via test/e2e/run.mjs, or
// desktop VS Code via test/e2e/electron.mjs). Plain CommonJS: the extension host require()s it.
//
// Results are written as JSON to $NEWSPRINT_E2E_RESULTS (or <workspace>/.newsprint-e2e/results.json)
// so the outer runner can report them; progress is also logged to the console.
// $NEWSPRINT_E2E_GREP limits the run to tests whose full title matches that regex.
// $NEWSPRINT_E2E_SUITE=multi-root runs the tests in multi-root/ instead (a workspace of two folders).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

function resultsFile() {
  if (process.env.NEWSPRINT_E2E_RESULTS) return process.env.NEWSPRINT_E2E_RESULTS;
  const vscode = require('vscode');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  return folder ? path.join(folder.uri.fsPath, '.newsprint-e2e', 'results.json') : undefined;
}

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.NEWSPRINT_E2E_GREP) mocha.grep(new RegExp(process.env.NEWSPRINT_E2E_GREP));
  const dir = process.env.NEWSPRINT_E2E_SUITE === 'multi-root' ? path.join(__dirname, 'multi-root') : __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  const results = { passed: [], failed: [], skipped: [], startedAt: new Date().toISOString() };
  const out = resultsFile();
  const write = () => {
    if (!out) return;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  };

  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        results.finishedAt = new Date().toISOString();
        results.done = true;
        write();
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      results.failed.push({ title: 'loading the suite', error: String(err && err.stack ? err.stack : err) });
      results.done = true;
      write();
      reject(err);
      return;
    }
    runner.on('pass', (t) => results.passed.push({ title: t.fullTitle(), ms: t.duration }));
    runner.on('fail', (t, err) =>
      results.failed.push({ title: t.fullTitle(), error: String(err && err.stack ? err.stack : err) }),
    );
    runner.on('pending', (t) => results.skipped.push({ title: t.fullTitle() }));
  });
}

module.exports = { run };
