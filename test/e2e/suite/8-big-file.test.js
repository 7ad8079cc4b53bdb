// A big dump in the real editor: its first analysis runs in slices, so the problems of the pages
// analysed first show at once, under a note on line 1; VS Code is then asked to pull again and
// shows those of the whole file (the note gone).
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const PREVIEW = /still analysing|仍在分析/;
const previewNote = (diags) => diags.find((d) => h.codeOf(d) === 'limit' && PREVIEW.test(d.message));

describe('a big dump', function () {
  let dump;
  after(async () => {
    await h.closeAllEditors();
    dump?.remove();
  });

  it("shows the first pages' problems with a note while the rest is analysed, then the whole file's", async function () {
    this.timeout(120_000);
    dump = h.bigDumpInWorkspace('big', h.readInWorkspace(h.SAMPLE), 600); // ~5.8 MB, 600 pages
    const uri = dump.uri;
    const seen = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) seen.push(h.ours(uri));
    });
    try {
      await h.openInEditor(uri);
      const all = await h.waitForDiagnostics(uri, (d) => d.length > 0 && !previewNote(d), "the whole file's diagnostics", 90_000);
      const preview = seen.find((d) => previewNote(d));
      assert.ok(preview, `a preview came first (${seen.length} changes seen)`);
      assert.equal(previewNote(preview).range.start.line, 0, 'the note is on line 1');
      assert.ok(preview.some((d) => h.codeOf(d) === 'spaced-glyphs'), 'the preview shows problems');
      // The whole file has far more than newsprint.maxDiagnostics (500): a note says how many are shown.
      const limit = all.find((d) => h.codeOf(d) === 'limit');
      assert.ok(limit && /500/.test(limit.message), `the limit note: ${limit && limit.message}`);
    } finally {
      sub.dispose();
    }
  });
});
