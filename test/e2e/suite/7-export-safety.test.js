// An export folder named in settings cannot escape the workspace through ".." or a link.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

describe('export safety', function () {
  let outside;
  before(async function () {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-outside-'));
    await h.setWorkspaceSetting('newsprint', 'export.include', '**/*.txt');
  });
  after(async function () {
    await h.setWorkspaceSetting('newsprint', 'export.outputDirectory', undefined);
    await h.setWorkspaceSetting('newsprint', 'export.include', undefined);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  for (const [what, make] of [
    ['a ".." path', (root) => path.relative(root, outside)],
    ['a link that points outside', (root) => {
      const link = path.join(root, `link-out-${Date.now()}`);
      fs.symlinkSync(outside, link, 'dir');
      return path.basename(link);
    }],
  ]) {
    it(`refuses ${what} from settings and writes nothing there`, async function () {
      const root = h.workspaceRoot().fsPath;
      await h.setWorkspaceSetting('newsprint', 'export.outputDirectory', make(root));
      const summary = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', overwrite: true });
      assert.equal(summary, undefined, 'the export did not run');
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside the workspace');
    });
  }

  it('a folder inside the workspace named in settings is used', async function () {
    await h.setWorkspaceSetting('newsprint', 'export.outputDirectory', `exports-${Date.now()}`);
    const summary = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', overwrite: true });
    assert.ok(summary && summary.written.length >= 1 && summary.failures.length === 0, JSON.stringify(summary));
    for (const f of summary.written) assert.ok(f.startsWith(h.workspaceRoot().fsPath), f);
  });
});
