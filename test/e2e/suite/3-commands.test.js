// Commands, the Outline and export.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

describe('commands', function () {
  afterEach(async function () {
    await h.closeAllEditors();
  });

  it('newsprint.treatAsPageDump switches a plaintext document to pagedump', async function () {
    const doc = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: '心 的、关 注 您 所 关 注 的 ，努 力 把\n\nTTIIRR 跨跨境境运运输输\n',
    });
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'plaintext');
    await vscode.commands.executeCommand('newsprint.treatAsPageDump');
    const now = await h.waitForEvent(
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      () => {
        const d = vscode.workspace.textDocuments.find((t) => t.uri.toString() === doc.uri.toString());
        return d && d.languageId === 'pagedump' ? d : undefined;
      },
      'the document language to become pagedump',
    );
    assert.equal(now.languageId, 'pagedump');
    // And it is now linted.
    await h.waitForDiagnostics(now.uri, (d) => h.codes(d).has('spaced-glyphs'), 'diagnostics on the switched document');
  });

  it('a page dump in a file system of another scheme (a virtual workspace) is checked, and Rewrite Page works on it', async function () {
    // A minimal in-memory file system, as a virtual workspace's (GitHub, a remote archive) would be.
    const files = new Map();
    const changed = new vscode.EventEmitter();
    const stat = (uri) => {
      const data = files.get(uri.path);
      if (data === undefined) throw vscode.FileSystemError.FileNotFound(uri);
      return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: data.length };
    };
    const provider = vscode.workspace.registerFileSystemProvider(
      'newsprint-memfs',
      {
        onDidChangeFile: changed.event,
        watch: () => new vscode.Disposable(() => undefined),
        stat,
        readDirectory: () => [],
        createDirectory: () => undefined,
        readFile: (uri) => stat(uri) && files.get(uri.path),
        writeFile: (uri, content) => void files.set(uri.path, content),
        delete: (uri) => void files.delete(uri.path),
        rename: (from, to) => {
          files.set(to.path, files.get(from.path));
          files.delete(from.path);
        },
      },
      { isCaseSensitive: true },
    );
    try {
      const uri = vscode.Uri.parse('newsprint-memfs:/issue/p1.pagedump');
      files.set(uri.path, Buffer.from(h.readInWorkspace(h.SAMPLE), 'utf8'));
      const doc = await h.openInEditor(uri);
      assert.equal(doc.languageId, 'pagedump');
      await h.waitForDiagnostics(uri, (d) => h.codes(d).has('spaced-glyphs'), 'diagnostics on the page of the other file system');
      assert.equal(await vscode.commands.executeCommand('newsprint.rewritePage', uri), true, 'rewritten');
      await h.waitForText(doc, (t) => t.startsWith('%% #'), 'the rewrite to reach the document');
    } finally {
      await h.closeAllEditors();
      provider.dispose();
    }
  });

  it('the UI locale reaches the extension host (vscode.env.language)', function () {
    const want = process.env.NEWSPRINT_E2E_LOCALE;
    if (!want) this.skip();
    assert.equal(vscode.env.language.toLowerCase(), want.toLowerCase());
  });

  // The Outline: pages → articles → blocks (headline, byline, paragraphs…).
  it('the Outline lists the articles of the sample (executeDocumentSymbolProvider)', async function () {
    const uri = vscode.Uri.joinPath(h.workspaceRoot(), h.SAMPLE);
    await h.openInEditor(uri);
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'the server to analyse the page');
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the Outline is not empty');
    const all = [];
    const walk = (list, depth) => {
      for (const s of list || []) {
        all.push({ name: s.name, depth, children: (s.children || []).length });
        walk(s.children, depth + 1);
      }
    };
    walk(symbols, 0);
    const withChildren = all.filter((s) => s.children > 0 && s.depth > 0);
    assert.ok(withChildren.length >= 2, `several articles with content, got: ${JSON.stringify(all.slice(0, 8))}`);
    assert.ok(
      all.some((s) => s.name.includes('TIR 跨境运输')),
      'the sidebar article "TIR 跨境运输" is listed (un-doubled)',
    );
    assert.ok(all.every((s) => s.name && s.name.trim().length > 0), 'every symbol has a name');
  });

  it('newsprint.exportArticles writes the articles of the page as newsprint.articles/1 JSON', async function () {
    const root = h.workspaceRoot();
    const uri = vscode.Uri.joinPath(root, h.SAMPLE);
    await h.openInEditor(uri);
    const target = vscode.Uri.joinPath(root, 'exported', `zh-daily-p1.${Date.now()}.articles.json`);
    const written = await vscode.commands.executeCommand('newsprint.exportArticles', uri, target);
    assert.ok(written, 'the command reports the file it wrote');
    assert.equal(written.toString(), target.toString());
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    assert.equal(json.schema, 'newsprint.articles/1');
    assert.ok(Array.isArray(json.articles) && json.articles.length >= 2, `several articles, got ${json.articles && json.articles.length}`);
    const headlines = json.articles.map((a) => a.headline || '');
    assert.ok(headlines.some((t) => /TIR\s?跨境运输/.test(t)), `the doubled heading is exported un-doubled: ${headlines.join(' | ')}`);
    assert.ok(!headlines.some((t) => t.includes('TTIIRR')), 'no doubled glyphs in headlines');
    assert.ok(JSON.stringify(json.articles).includes('心的、关注您所关注的'), 'the spaced glyphs are joined in the text');
  });
});
