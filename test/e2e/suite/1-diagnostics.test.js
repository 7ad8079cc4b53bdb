// Opening the Chinese sample shows Newsprint's problems; a rule set to "off" disappears live.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('diagnostics on the Chinese sample', function () {
  let uri;
  before(async function () {
    uri = vscode.Uri.joinPath(h.workspaceRoot(), h.SAMPLE);
  });
  after(async function () {
    await h.setWorkspaceSetting('newsprint', 'rules.spaced-glyphs', undefined);
    await h.closeAllEditors();
  });

  it('opens zh-daily-p1.txt as a page dump (files.associations)', async function () {
    const doc = await h.openInEditor(uri);
    assert.equal(doc.languageId, 'pagedump');
  });

  it('activates the extension', async function () {
    const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'newsprint');
    assert.ok(ext, 'the newsprint extension is loaded');
    // Opening a page dump activated it (onLanguage:pagedump); activate() just awaits that.
    await h.openInEditor(uri);
    if (!ext.isActive) await ext.activate();
    assert.ok(ext.isActive, 'the extension is active');
  });

  it('reports spaced-glyphs and doubled-glyphs with source newsprint', async function () {
    await h.openInEditor(uri);
    const diags = await h.waitForDiagnostics(
      uri,
      (d) => h.codes(d).has('spaced-glyphs') && h.codes(d).has('doubled-glyphs'),
      'spaced-glyphs and doubled-glyphs diagnostics',
    );
    assert.ok(diags.every((d) => d.source === 'newsprint'));
    // The spaced line near the top (line 3 of the file) is flagged.
    assert.ok(
      diags.some((d) => h.codeOf(d) === 'spaced-glyphs' && d.range.start.line === 2),
      'a spaced-glyphs diagnostic on line 3',
    );
    // The fake-bold heading "TTIIRR 跨跨境境运运输输" (line 81) is flagged.
    assert.ok(
      diags.some((d) => h.codeOf(d) === 'doubled-glyphs' && d.range.start.line === 80),
      'a doubled-glyphs diagnostic on line 81',
    );
  });

  it('speaks the UI language (zh-cn messages under a zh-cn UI, English otherwise)', async function () {
    await h.openInEditor(uri);
    const diags = await h.waitForDiagnostics(uri, (d) => h.codes(d).has('spaced-glyphs'), 'spaced-glyphs diagnostics');
    const msg = diags.find((d) => h.codeOf(d) === 'spaced-glyphs').message;
    const cjk = /[\u4e00-\u9fff]/.test(msg.replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, ''));
    if (/^zh/i.test(vscode.env.language)) assert.ok(cjk, `a Chinese message: ${msg}`);
    else assert.ok(!cjk, `an English message: ${msg}`);
  });

  it('hides spaced-glyphs live when newsprint.rules.spaced-glyphs is "off", and shows it again', async function () {
    await h.openInEditor(uri);
    await h.waitForDiagnostics(uri, (d) => h.codes(d).has('spaced-glyphs'), 'spaced-glyphs diagnostics');
    await h.setWorkspaceSetting('newsprint', 'rules.spaced-glyphs', 'off');
    await h.waitForDiagnostics(
      uri,
      (d) => !h.codes(d).has('spaced-glyphs') && h.codes(d).has('doubled-glyphs'),
      'spaced-glyphs to disappear while doubled-glyphs stays',
    );
    await h.setWorkspaceSetting('newsprint', 'rules.spaced-glyphs', 'error');
    const diags = await h.waitForDiagnostics(uri, (d) => h.codes(d).has('spaced-glyphs'), 'spaced-glyphs to come back');
    const spaced = diags.filter((d) => h.codeOf(d) === 'spaced-glyphs');
    assert.ok(
      spaced.every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'severity follows the setting (error)',
    );
  });
});
