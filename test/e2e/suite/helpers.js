// Helpers for the real-editor tests: wait on editor events with a deadline, never sleep.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');

const SOURCE = 'newsprint';
const SAMPLE = 'zh-daily-p1.txt';

function workspaceRoot() {
  const f = vscode.workspace.workspaceFolders;
  assert.ok(f && f.length, 'the test workspace folder is open');
  return f[0].uri;
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codes = (diags) => new Set(diags.map(codeOf));

function describeDiags(uri) {
  const all = vscode.languages.getDiagnostics(uri);
  const counts = {};
  for (const d of all) counts[`${d.source}/${codeOf(d)}`] = (counts[`${d.source}/${codeOf(d)}`] || 0) + 1;
  return JSON.stringify(counts);
}

/**
 * Resolve with newsprint's diagnostics for `uri` once `predicate(diags)` holds, checking now and on
 * every onDidChangeDiagnostics for that uri; reject after timeoutMs.
 */
function waitForDiagnostics(uri, predicate, what, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    let sub;
    const check = () => {
      const diags = ours(uri);
      if (predicate(diags)) {
        clearTimeout(timer);
        if (sub) sub.dispose();
        resolve(diags);
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => {
      if (sub) sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describeDiags(uri)}`));
    }, timeoutMs);
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
}

/** Resolve once `predicate()` is true, re-checking whenever one of `events` fires; reject after timeoutMs. */
function waitForEvent(events, predicate, what, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    const subs = [];
    const done = (fn, v) => {
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn(v);
    };
    const timer = setTimeout(() => done(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const check = () => {
      let v;
      try {
        v = predicate();
      } catch (err) {
        return done(reject, err);
      }
      if (v) done(resolve, v);
    };
    for (const ev of events) subs.push(ev(check));
    check();
  });
}

/** Resolve with doc once `predicate(doc.getText())` holds, re-checking on every change to it. */
function waitForText(doc, predicate, what, timeoutMs = 15_000) {
  return waitForEvent(
    [vscode.workspace.onDidChangeTextDocument],
    () => (predicate(doc.getText()) ? doc : undefined),
    `${what}; text now starts: ${JSON.stringify(doc.getText().slice(0, 80))}`,
    timeoutMs,
  );
}

/** The 0-based index of the first line of doc whose text (trimmed) equals or, with `partial`, includes `text`. */
function lineOf(doc, text, partial = false) {
  for (let i = 0; i < doc.lineCount; i++) {
    const l = doc.lineAt(i).text.trim();
    if (partial ? l.includes(text) : l === text) return i;
  }
  assert.fail(`no line ${partial ? 'containing' : 'equal to'} ${JSON.stringify(text)} in ${doc.uri.fsPath}`);
}

/** True under a Chinese UI (the suite runs under en and zh-cn). */
const isZh = () => /^zh/i.test(vscode.env.language);

async function openInEditor(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Copy a workspace file to a new name in the workspace (fresh, so tests don't share edits). */
async function copyInWorkspace(name, newName) {
  const root = workspaceRoot();
  const dest = vscode.Uri.joinPath(root, newName);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(root, name), dest, { overwrite: true });
  return dest;
}

/**
 * A new workspace file `<name>-<time>.txt` (a page dump by files.associations) of `copies` copies
 * of `page` joined by form feeds, for the tests of big dumps; `remove()` deletes it.
 */
function bigDumpInWorkspace(name, page, copies) {
  const uri = vscode.Uri.joinPath(workspaceRoot(), `${name}-${Date.now()}.txt`);
  const text = Array(copies).fill(page).join('\f');
  fs.writeFileSync(uri.fsPath, text);
  return { uri, text, remove: () => fs.rmSync(uri.fsPath, { force: true }) };
}

/** The text of a workspace file (a sample page). */
function readInWorkspace(...segments) {
  return fs.readFileSync(vscode.Uri.joinPath(workspaceRoot(), ...segments).fsPath, 'utf8');
}

async function setWorkspaceSetting(section, key, value) {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Close every editor, reverting unsaved changes first (a dirty editor would ask "Save?" and hang). */
async function closeAllEditors() {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    // Showing it can lose a race with an editor VS Code opens meanwhile (the user settings.json a
    // settings update is writing: "Could NOT open editor … because another editor opened in the
    // meantime"): asked again, it opens (three tries).
    for (let attempt = 1; attempt <= 3 && doc.isDirty; attempt++) {
      try {
        await vscode.window.showTextDocument(doc, { preview: false });
      } catch (err) {
        if (attempt === 3 || !/another editor opened in the meantime/.test(String(err))) throw err;
        continue;
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Pids of our language server processes, children of this extension host. */
function serverPids() {
  const pids = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${d}/status`, 'utf8'))[1]);
      if (cmd.includes('dist/server.js') && ppid === process.pid) pids.push(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

const extension = () => vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'newsprint');

module.exports = {
  serverPids,
  extension,
  SOURCE,
  SAMPLE,
  workspaceRoot,
  codeOf,
  codes,
  ours,
  waitForDiagnostics,
  waitForEvent,
  waitForText,
  lineOf,
  isZh,
  openInEditor,
  copyInWorkspace,
  bigDumpInWorkspace,
  readInWorkspace,
  setWorkspaceSetting,
  closeAllEditors,
};
