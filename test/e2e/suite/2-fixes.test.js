// Quick fixes and fix-all-on-save, as a user applies them.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const SPACED = '心 的、关 注 您 所 关 注 的 ，努 力 把';
const JOINED = '心的、关注您所关注的，努力把';

describe('fixes', function () {
  afterEach(async function () {
    await h.closeAllEditors();
  });
  after(async function () {
    await h.setWorkspaceSetting('editor', 'codeActionsOnSave', undefined);
  });

  it('the doubled-glyphs quick fix turns "TTIIRR 跨跨境境运运输输" into "TIR 跨境运输"', async function () {
    const uri = vscode.Uri.joinPath(h.workspaceRoot(), h.SAMPLE);
    const doc = await h.openInEditor(uri);
    const diags = await h.waitForDiagnostics(uri, (d) => h.codes(d).has('doubled-glyphs'), 'doubled-glyphs diagnostics');
    const target =
      diags.find((d) => h.codeOf(d) === 'doubled-glyphs' && doc.getText(d.range).includes('跨跨')) ||
      diags.find((d) => h.codeOf(d) === 'doubled-glyphs');
    assert.ok(doc.getText(target.range).includes('跨跨境境'), `diagnostic covers the doubled heading: "${doc.getText(target.range)}"`);

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, target.range);
    assert.ok(Array.isArray(actions) && actions.length, 'code actions are offered');
    const fix = actions.find(
      (a) =>
        a.kind &&
        vscode.CodeActionKind.QuickFix.contains(a.kind) &&
        a.edit &&
        (!a.diagnostics || a.diagnostics.some((d) => h.codeOf(d) === 'doubled-glyphs')),
    );
    assert.ok(fix, `a quickfix with an edit; got: ${actions.map((a) => `${a.title} [${a.kind && a.kind.value}]`).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    assert.ok(doc.getText().includes('TIR 跨境运输'), 'the heading now reads "TIR 跨境运输"');
    assert.ok(!doc.getText().includes('TTIIRR'), 'the doubled heading is gone');
  });

  it('fix-all on save (editor.codeActionsOnSave source.fixAll.newsprint) joins the spaced glyphs', async function () {
    await h.setWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.newsprint': 'explicit' });
    const uri = await h.copyInWorkspace(h.SAMPLE, 'fix-on-save.txt');
    const doc = await h.openInEditor(uri);
    assert.equal(doc.languageId, 'pagedump');
    assert.ok(doc.getText().includes(SPACED));
    await h.waitForDiagnostics(uri, (d) => h.codes(d).has('spaced-glyphs'), 'spaced-glyphs diagnostics on the copy');
    // Modify it, as a user would before saving.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor.document.uri.toString(), uri.toString());
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n'));
    assert.ok(doc.isDirty);
    // Ctrl+S.
    await vscode.commands.executeCommand('workbench.action.files.save');
    await h.waitForEvent(
      [vscode.workspace.onDidSaveTextDocument, vscode.workspace.onDidChangeTextDocument],
      () => !doc.isDirty,
      'the save to finish',
    );
    assert.ok(doc.getText().includes(JOINED), 'the spaced line is joined in the editor');
    assert.ok(!doc.getText().includes(SPACED), 'the spaced line is gone');
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.ok(onDisk.includes(JOINED), 'the saved file has the joined line');
  });
});
