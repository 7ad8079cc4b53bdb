// A page dump over VS Code's limit for extensions (50 × 2^20 UTF-16 units) opens in the editor,
// but the language server never gets it: Newsprint says so on its line 1 instead of staying
// silent, and names the command line; the note goes when the file's tab closes.
// These tests run first, in a window where no page dump was opened yet: such a file raises no
// onLanguage activation, so the note depends on the extension activating at startup.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const LIMIT = 50 * 1024 * 1024;

describe('a page dump too large for extensions', function () {
  let dump;
  after(async () => {
    await h.closeAllEditors();
    dump?.remove();
  });

  it('gets a note on line 1 naming the limit and the command line, gone with its tab; the server is not started for it', async function () {
    this.timeout(120_000);
    assert.deepEqual(h.serverPids(), [], 'no language server before a page dump opens');
    const page = h.readInWorkspace('en', 'nytribune-1903-05-01-p1.txt');
    dump = h.bigDumpInWorkspace('too-large', page, Math.ceil((LIMIT + 1_000_000) / (page.length + 1)));
    const { uri, text } = dump;
    assert.ok(text.length > LIMIT);
    await vscode.commands.executeCommand('vscode.open', uri);
    const notes = await h.waitForDiagnostics(uri, (d) => d.some((x) => h.codeOf(x) === 'limit'), 'the note on line 1', 90_000);
    const note = notes.find((x) => h.codeOf(x) === 'limit');
    assert.equal(note.range.start.line, 0);
    assert.ok(note.message.includes(String(Math.floor(text.length / 1e6))), note.message);
    assert.ok(note.message.includes('newsprint lint'), note.message);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'VS Code did not give it to extensions');
    const api = await h.extension().activate(); // already active: returns its exports
    assert.equal(api.serverStarted(), false, 'a file the server never gets does not start it');
    assert.deepEqual(h.serverPids(), []);
    await h.closeAllEditors();
    await h.waitForDiagnostics(uri, (d) => d.length === 0, 'the note to go with the tab', 30_000);
  });

  it('given to Rewrite and Export by name (as the Explorer does), is refused with a message, not an error', async function () {
    this.timeout(60_000);
    // openTextDocument rejects a file over the limit; the commands answer false/undefined instead
    // of failing with that rejection (the message itself is checked in the dialogs suite).
    assert.equal(await vscode.commands.executeCommand('newsprint.rewritePage', dump.uri), false);
    assert.equal(await vscode.commands.executeCommand('newsprint.exportArticles', dump.uri), undefined);
  });
});
