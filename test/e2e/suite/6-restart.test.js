// The language server is killed: the client restarts it (diagnostics come back) and tells the
// user once, not on every crash.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('server restart', function () {
  after(() => h.closeAllEditors());

  it('restarts a killed server, diagnostics return, and the user is told once', async function () {
    if (process.platform !== 'linux') this.skip();
    const ext = h.extension();
    const uri = await h.copyInWorkspace(h.SAMPLE, `restart-${Date.now()}.txt`);
    await h.openInEditor(uri);
    await h.waitForDiagnostics(uri, (d) => h.codes(d).has('doubled-glyphs'), 'diagnostics before the kill');
    const api = ext.exports;
    const before = api.serverRestarts();
    for (let round = 1; round <= 2; round++) {
      const pids = h.serverPids();
      assert.equal(pids.length, 1, `one server process, found ${pids.join(',')}`);
      process.kill(pids[0], 'SIGKILL');
      // Restarted: a new server process publishes diagnostics for the open page again.
      await h.waitForEvent(
        [vscode.languages.onDidChangeDiagnostics],
        () => api.serverRestarts() === before + round && h.serverPids().some((p) => p !== pids[0]) && h.codes(h.ours(uri)).has('doubled-glyphs'),
        `restart ${round} and fresh diagnostics`,
        30_000,
      );
    }
    assert.equal(api.restartNotices(), 1, 'told once, not on every crash');
  });
});
