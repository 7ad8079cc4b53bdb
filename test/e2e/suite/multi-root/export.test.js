// Run by test/e2e/run.mjs in a workspace of two folders, one/ and two/, each a copy of the sample
// pages (so their pages share names), with newsprint.export.include '**/*.txt'.
// A multi-root workspace is exported a folder at a time, each page relative to its folder.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');

/** The sample pages each folder holds, by path under it. */
const PAGES = ['en/nytribune-1903-05-01-p1.txt', 'en/saltlaketribune-1911-09-17-p1.txt', 'zh-daily-p1.txt'];

/** Every file under dir, by its `/`-separated path, sorted. */
function tree(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('multi-root workspace', function () {
  let scratch;
  before(function () {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), ['one', 'two'], 'the workspace of two folders is open');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-multi-root-'));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('exports the folder given: its pages only, with their paths under it', async function () {
    const two = vscode.workspace.workspaceFolders[1];
    const target = vscode.Uri.file(path.join(scratch, 'per-page'));
    const summary = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { folder: two.uri, format: 'perFile', target, overwrite: true });
    assert.ok(summary, 'the command returns a summary');
    assert.deepEqual(summary.failures, []);
    assert.equal(summary.files, PAGES.length, "two/'s pages, not one/'s too");
    const names = PAGES.map((p) => p.replace(/\.txt$/, '.articles.json'));
    assert.deepEqual(tree(target.fsPath), names, "the outputs keep the pages' paths under two/");
    for (const [k, name] of names.entries()) {
      const doc = JSON.parse(fs.readFileSync(path.join(target.fsPath, name), 'utf8'));
      assert.equal(doc.source.path, PAGES[k], 'source.path relative to two/');
    }
  });

  it('asks which folder when none is given, and exports only the one picked', async function () {
    const target = vscode.Uri.file(path.join(scratch, 'picked.jsonl'));
    const run = vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'jsonl', target, overwrite: true });
    let settled = false;
    run.then(
      () => (settled = true),
      () => (settled = true),
    );
    // The folder pick has no event to wait for: accept its first item (one/) until the export
    // returns (accepting with no pick open does nothing). Mocha's timeout bounds it.
    while (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const summary = await run;
    assert.ok(summary, 'a folder was picked and exported');
    assert.deepEqual(summary.failures, []);
    assert.equal(summary.files, PAGES.length, "one/'s pages only");
    const sources = new Set(
      fs
        .readFileSync(target.fsPath, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).source.path),
    );
    assert.deepEqual([...sources].sort(), PAGES, 'source.path relative to one/, none absolute');
  });
});
