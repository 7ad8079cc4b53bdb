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

  it('pages with the same name in different folders get their own files: the folders are kept, as the CLI keeps them', async function () {
    const root = h.workspaceRoot();
    const stamp = Date.now();
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, h.SAMPLE));
    for (const issue of ['a', 'b']) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, `dup-${stamp}`, issue, 'p1.txt'), bytes);
    const target = vscode.Uri.joinPath(root, `per-page-${stamp}`);
    const summary = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', target, overwrite: true });
    assert.ok(summary && summary.failures.length === 0, JSON.stringify(summary));
    for (const issue of ['a', 'b']) {
      const out = vscode.Uri.joinPath(target, `dup-${stamp}`, issue, 'p1.articles.json');
      assert.ok(summary.written.includes(out.fsPath), `${out.fsPath} in ${JSON.stringify(summary.written)}`);
      const doc = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(out)).toString('utf8'));
      assert.equal(doc.source.path, `dup-${stamp}/${issue}/p1.txt`);
    }
    assert.equal(new Set(summary.written).size, summary.written.length, 'no file written twice');
  });

  it('exporting again with {update: true} writes only the folders whose pages changed', async function () {
    const root = h.workspaceRoot();
    const stamp = Date.now();
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, h.SAMPLE));
    for (const issue of ['a', 'b']) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, `upd-${stamp}`, issue, 'p1.txt'), bytes);
    const target = vscode.Uri.joinPath(root, `per-page-upd-${stamp}`);
    const first = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', target, overwrite: true });
    assert.ok(first && first.failures.length === 0 && first.written.length >= 2, JSON.stringify(first));
    const out = (issue) => vscode.Uri.joinPath(target, `upd-${stamp}`, issue, 'p1.articles.json').fsPath;

    const same = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', target, update: true });
    assert.ok(same && same.skipped === first.written.length, `every page up to date: ${JSON.stringify({ skipped: same && same.skipped, written: first.written.length })}`);
    assert.deepEqual(same.written, []);

    // One page changes on disk (later than its output): its folder alone is exported again.
    const page = vscode.Uri.joinPath(root, `upd-${stamp}`, 'b', 'p1.txt');
    await vscode.workspace.fs.writeFile(page, bytes);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(page.fsPath, later, later);
    const changed = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'perFile', target, update: true });
    assert.deepEqual(changed.written, [out('b')]);
    assert.equal(changed.skipped, first.written.length - 1);
  });
});
