// Article structure in the real editor: Rewrite Page (one edit, one undo), the workspace export,
// folding, hover on headlines, the "Mark as …" code actions and `%%` completion. Each test works
// on its own copy of the sample in the scratch workspace and waits on editor events, never sleeps.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const SPACED = '心 的、关 注 您 所 关 注 的 ，努 力 把';
const JOINED = '心的、关注您所关注的，努力把';
const HEADLINE = '市政府党组会议召开';
const REWRITE_MARKER = '%% # newsprint: rewritten in reading order';

/** A fresh copy of the sample, opened in an editor, once the server has analysed it. */
async function openCopy(name) {
  const uri = await h.copyInWorkspace(h.SAMPLE, name);
  const doc = await h.openInEditor(uri);
  assert.equal(doc.languageId, 'pagedump');
  await h.waitForDiagnostics(uri, (d) => d.length > 0, `the server to analyse ${name}`);
  return { uri, doc };
}

const hoverText = (hovers) =>
  (hovers || [])
    .flatMap((x) => x.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('structure', function () {
  afterEach(async function () {
    await h.closeAllEditors();
  });
  after(async function () {
    await h.setWorkspaceSetting('newsprint', 'export.include', undefined);
  });

  it('newsprint.rewritePage rewrites the page in reading order, and one undo restores it', async function () {
    const { uri, doc } = await openCopy('structure-rewrite.txt');
    const original = doc.getText();
    assert.ok(original.includes(SPACED), 'the copy holds the raw dump');

    const warned = h.extension().exports.rewriteWarnings().length;
    const applied = await vscode.commands.executeCommand('newsprint.rewritePage', uri);
    assert.equal(applied, true, 'the command reports the edit applied');
    // The sample's one text in no article is under a %% skip the rewrite wrote now: the user is told, in the UI's language.
    const warnings = h.extension().exports.rewriteWarnings().slice(warned);
    assert.equal(warnings.length, 1, warnings.join(' | '));
    assert.match(warnings[0], vscode.env.language.startsWith('zh') ? /^1 处未归入任何稿件的文字（“.+”）改写后位于 %% skip（跳过）之下/ : /^1 text in no article \(".+"\) is now under a %% skip the rewrite wrote/);
    await h.waitForText(doc, (t) => t !== original, 'the rewrite to reach the document');
    const text = doc.getText();
    const lines = text.split(/\r?\n/);
    assert.ok(text.startsWith(REWRITE_MARKER), `starts with the rewrite marker: ${JSON.stringify(lines[0])}`);
    assert.ok(lines.includes('%% article') && lines.includes('%% headline'), 'articles and headlines are annotated');
    assert.ok(lines.includes(HEADLINE), `the line "${HEADLINE}"`);
    const at = lines.indexOf(HEADLINE);
    assert.equal(lines[at - 1], '%% headline', 'the headline is pinned by %% headline');
    assert.ok(text.includes(JOINED) && !text.includes(SPACED), 'the spaced glyphs are joined');
    assert.ok(
      lines.some((l) => l.includes('系统回顾了邓小平同志的光辉历程')),
      'a paragraph cut into column lines is one line',
    );
    assert.ok(lines.length < original.split(/\r?\n/).length / 2, `far fewer lines (${lines.length})`);

    // One undo, in the active editor, takes the whole rewrite back.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the copy is the active editor');
    await vscode.commands.executeCommand('undo');
    await h.waitForText(doc, (t) => t === original, 'one undo to restore the original text');
    assert.equal(doc.getText(), original);
    assert.ok(!doc.isDirty, 'back at the saved version');
  });

  it('newsprint.rewritePage leaves a page that changed while it was rewritten as it is: what was typed meanwhile stays', async function () {
    // 200 pages (~1.9 MB): the server takes a few hundred ms to rewrite them, and the line typed
    // just after the command starts reaches the document before the rewrite comes back.
    const dump = h.bigDumpInWorkspace('rewrite-race', h.readInWorkspace(h.SAMPLE), 200);
    try {
      const doc = await h.openInEditor(dump.uri);
      await h.waitForDiagnostics(dump.uri, (d) => d.length > 0, 'the server to analyse the dump');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document, doc);
      const rewriting = vscode.commands.executeCommand('newsprint.rewritePage', dump.uri);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'TYPED MEANWHILE\n')), 'the line is typed');
      assert.equal(await rewriting, false, 'the rewrite of the text before is not applied');
      assert.ok(doc.getText().startsWith('TYPED MEANWHILE\n'), 'the typed line is kept');
      assert.equal(doc.getText(), `TYPED MEANWHILE\n${dump.text}`, 'the page is as typed');
    } finally {
      await h.closeAllEditors();
      dump.remove();
    }
  });

  it('Toggle Line Comment makes a line a free comment (%% #), which the server neither lints nor reads as a directive', async function () {
    const { uri, doc } = await openCopy('structure-comment.txt');
    const row = doc.getText().split('\n').findIndex((l) => l.startsWith('心 的、关 注'));
    assert.ok(row >= 0, 'a letter-spaced line');
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(row, 0, row, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.ok(doc.lineAt(row).text.startsWith('%% # 心 的、关 注'), `commented: ${JSON.stringify(doc.lineAt(row).text)}`);
    await h.waitForDiagnostics(
      uri,
      (ds) => !ds.some((d) => d.range.start.line === row),
      'the commented line to have no problem (no spaced glyphs, no unknown directive)',
    );
  });

  it('newsprint.exportWorkspaceArticles {format: "jsonl"} exports every *.txt page dump as JSON lines', async function () {
    await h.setWorkspaceSetting('newsprint', 'export.include', '**/*.txt');
    const target = vscode.Uri.joinPath(h.workspaceRoot(), 'exported', `workspace.${Date.now()}.jsonl`);
    const summary = await vscode.commands.executeCommand('newsprint.exportWorkspaceArticles', { format: 'jsonl', target, overwrite: true });
    assert.ok(summary, 'the command returns a summary');
    assert.equal(summary.cancelled, false);
    assert.deepEqual(summary.failures, [], 'no failures');
    assert.ok(summary.files >= 1, `files ≥ 1, got ${summary.files}`);
    assert.ok(summary.articles >= 6, `articles ≥ 6, got ${summary.articles}`);
    assert.deepEqual(summary.written, [target.fsPath]);

    const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    const rows = text.split('\n').filter((l) => l.trim());
    assert.equal(rows.length, summary.articles, 'one line per article');
    const parsed = rows.map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (err) {
        assert.fail(`line ${i + 1} is not JSON (${err.message}): ${l.slice(0, 120)}`);
      }
    });
    assert.ok(parsed.every((r) => r.schema === 'newsprint.articles/1' && r.article && r.source), 'each line is a newsprint.articles/1 article');
    assert.ok(
      parsed.some((r) => r.source.path === h.SAMPLE && r.article.headline === HEADLINE),
      `the sample's "${HEADLINE}" is exported`,
    );
  });

  it('vscode.executeFoldingRangeProvider returns the article ranges', async function () {
    const { uri, doc } = await openCopy('structure-folding.txt');
    const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
    assert.ok(Array.isArray(ranges) && ranges.length >= 2, `several folding ranges, got ${JSON.stringify(ranges)}`);
    assert.ok(ranges.every((r) => r.start < r.end && r.end < doc.lineCount), 'each range is inside the document');
    // The article "市政府党组理论学习中心组举行集体学习研讨" (a two-line headline, then its byline
    // and body) folds from its headline down past its byline.
    const headline = h.lineOf(doc, '市政府党组理论学习');
    const byline = h.lineOf(doc, '□记者 何光翠 报道');
    assert.ok(
      ranges.some((r) => r.start === headline && r.end > byline),
      `a range from the headline (line ${headline + 1}) past the byline (line ${byline + 1}): ${JSON.stringify(ranges)}`,
    );
  });

  it('vscode.executeHoverProvider on a headline describes its article', async function () {
    const { uri, doc } = await openCopy('structure-hover.txt');
    const line = h.lineOf(doc, HEADLINE);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
    const md = hoverText(hovers);
    assert.ok(md.includes(`**${HEADLINE}**`), `the hover names the article: ${md}`);
    const article = h.isZh() ? /稿件 p1-a\d+/ : /Article p1-a\d+/;
    assert.match(md, article, 'the hover gives the article id');
  });

  it('vscode.executeCodeActionProvider on a body line offers "Mark as headline" (标为主题 under zh-cn)', async function () {
    const { uri, doc } = await openCopy('structure-actions.txt');
    const line = h.lineOf(doc, '届市政府党组理论学习中心组');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(line, 1, line, 1));
    const titles = (actions || []).map((a) => a.title);
    const want = h.isZh() ? '标为主题' : 'Mark as headline';
    const mark = (actions || []).find((a) => a.title === want);
    assert.ok(mark, `"${want}" is offered; got: ${titles.join(' | ')}`);
    assert.ok(mark.kind && vscode.CodeActionKind.RefactorRewrite.contains(mark.kind), `kind refactor.rewrite, got ${mark.kind && mark.kind.value}`);
    assert.ok(mark.edit, 'it carries an edit');
  });

  it('vscode.executeCompletionItemProvider after "%% " on a new line offers headline', async function () {
    const { uri, doc } = await openCopy('structure-completion.txt');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor.document.uri.toString(), uri.toString());
    const line = h.lineOf(doc, HEADLINE);
    // Type a new line "%% " above the headline.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 0), '%% \n')));
    await h.waitForText(doc, () => doc.lineAt(line).text === '%% ', 'the typed "%% " line');
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 3));
    const labels = ((list && list.items) || []).map(labelOf);
    // Under a Chinese UI by their Chinese names (主题 for headline), which the directives accept.
    const [headline, article, skip] = h.isZh() ? ['主题', '新稿', '跳过'] : ['headline', 'article', 'skip'];
    assert.ok(labels.includes(headline), `${headline} is offered; got: ${labels.slice(0, 20).join(', ')}`);
    assert.ok(labels.includes(article) && labels.includes(skip), 'with the other directives');

    // "%% continued-f": the completion replaces all of "continued-f" (the editor's own word stops
    // at the "-"), and "%% 下" is completed as the alias typed (下转, not continued-to).
    const startOf = (range) => (range && 'replacing' in range ? range.replacing : range)?.start.character;
    for (const [typed, label, filterText] of [
      ['continued-f', 'continued-from', 'continued-from'],
      ['下', '下转', '下转'],
    ]) {
      assert.ok(await editor.edit((b) => b.replace(doc.lineAt(line).range, `%% ${typed}`)));
      await h.waitForText(doc, () => doc.lineAt(line).text === `%% ${typed}`, `the typed "%% ${typed}" line`);
      const got = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 3 + typed.length));
      const item = ((got && got.items) || []).find((i) => labelOf(i) === label);
      assert.ok(item, `${label} is offered for "${typed}"`);
      assert.equal(startOf(item.range), 3, `it replaces from the start of "${typed}"`);
      if (filterText !== label) assert.equal(item.filterText, filterText); // (one equal to the label is dropped on the way)
    }
  });
});
