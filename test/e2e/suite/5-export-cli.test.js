// The editor's export and the CLI's give the same bytes for the same file.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

describe('export parity', function () {
  it('"Export Articles to JSON" writes exactly what `newsprint export` prints for the same file', async function () {
    const root = h.workspaceRoot();
    const name = `parity-${Date.now()}.txt`;
    const uri = await h.copyInWorkspace(h.SAMPLE, name);
    const target = vscode.Uri.joinPath(root, 'exported', `${name}.articles.json`);
    const written = await vscode.commands.executeCommand('newsprint.exportArticles', uri, target);
    assert.equal(written && written.toString(), target.toString());
    const fromEditor = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');

    const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'newsprint');
    assert.ok(ext, 'the extension is loaded');
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    const fromCli = execFileSync(process.execPath, [cli, 'export', name], {
      cwd: root.fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.equal(fromEditor, fromCli);
    assert.equal(JSON.parse(fromCli).source.path, name);
  });
});
