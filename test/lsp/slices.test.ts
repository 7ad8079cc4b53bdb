// The first analysis of a big text runs in slices (DocumentStore.analysisInSlices): the server
// sends the diagnostics of the pages done after the first slice, goes on taking changes meanwhile,
// and ends with the diagnostics of the whole text. The server runs with NEWSPRINT_SLICE_MS=0 (a
// slice per page), so a text of a few pages shows it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core/analyze';
import { diagnosticKey, findingKey } from '../helpers/edits';
import { SAMPLE } from '../helpers/rules';
import { isPreview, startClient, withTimeout, type TestClient } from '../helpers/lsp';

const sample = readFileSync(SAMPLE, 'utf8');
const PAGES = 12;
const text = Array(PAGES).fill(sample).join('\f');
const SLICED = { NEWSPRINT_SLICE_MS: '0' };
const ALL = { rules: {}, maxDiagnostics: 100_000 };

/** Every finding of the whole text, keyed as the server's diagnostics are (diagnosticKey). */
function wholeText(doc: TextDocument): string[] {
  return analyze(doc.getText(), { rules: {}, locale: 'en' }).findings.map(findingKey);
}

/** Publishes for `uri` until one for `version` that is not a preview (the ones before it included). */
function publishesUntilFinal(c: TestClient, uri: string, version: number): Promise<PublishDiagnosticsParams[]> {
  const seen: PublishDiagnosticsParams[] = [];
  return withTimeout(
    new Promise((resolve) => {
      const d = c.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri !== uri) return;
        seen.push(p);
        if (p.version === version && !isPreview(p.diagnostics)) {
          d.dispose();
          resolve(seen);
        }
      });
    }),
    20_000,
  );
}

describe('push: a first analysis in slices', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ env: SLICED, settings: ALL });
  });
  after(() => c.stop());

  test('the pages done after the first slice come first, with a note on line 1; then all of them', async () => {
    const uri = 'file:///slices/open.pagedump';
    const doc = TextDocument.create(uri, 'pagedump', 1, text);
    const got = publishesUntilFinal(c, uri, 1);
    await c.open(uri, text);
    const pubs = await got;
    assert.ok(pubs.length >= 2, `a preview, then the whole (${pubs.length} published)`);
    const preview = pubs[0].diagnostics;
    assert.ok(isPreview(preview), 'the first is a preview');
    assert.equal(preview[0].code, 'limit');
    assert.deepEqual(preview[0].range.start, { line: 0, character: 0 });
    const [, done, total] = /\((\d+) of (\d+) pages so far\)/.exec(preview[0].message) ?? [];
    assert.equal(Number(total), PAGES);
    assert.ok(Number(done) >= 1 && Number(done) < PAGES, `${done} of ${total} pages done`);
    const final = pubs.at(-1)!.diagnostics;
    assert.deepEqual(final.map((d) => diagnosticKey(doc, d)).sort(), wholeText(doc).sort(), 'the final diagnostics are those of the whole text');
    // The preview's problems are the whole text's, from the first pages (the focus: nothing edited yet).
    const finalKeys = new Set(final.map((d) => diagnosticKey(doc, d)));
    const shown = preview.slice(1);
    assert.ok(shown.length > 0, 'the preview shows problems');
    for (const d of shown) assert.ok(finalKeys.has(diagnosticKey(doc, d)), `preview diagnostic ${diagnosticKey(doc, d)} is one of the final ones`);
    assert.ok(Math.max(...shown.map((d) => d.range.start.line)) < sample.split('\n').length * (Number(done) + 1), 'from the first pages');
  });

  test('a page cut in parts: the preview says so too, as the whole text does', async () => {
    const uri = 'file:///slices/nobreaks.pagedump';
    const glued = Array(100).fill(sample).join('\n'); // ~350 k characters without a form feed: several parts
    const got = publishesUntilFinal(c, uri, 1);
    await c.open(uri, glued);
    const pubs = await got;
    const cut = (ds: { code?: number | string; message: string }[]) => ds.find((d) => d.code === 'limit' && /without a page break/.test(d.message));
    assert.ok(isPreview(pubs[0].diagnostics), 'a preview first');
    const early = cut(pubs[0].diagnostics);
    assert.ok(early, 'the preview has the note on the cut page');
    assert.equal(early.message, cut(pubs.at(-1)!.diagnostics)?.message, 'the same note as the whole text');
  });

  test('a text opened in the wrong encoding: the preview warns of it as the whole text does', async () => {
    const uri = 'file:///slices/gbk.pagedump';
    // What a GB18030 dump read as UTF-8 looks like: replacement characters for most glyphs.
    const garbled = text.replace(/[\u4e00-\u9fff]{2}/g, '\ufffd\ufffd\ufffd');
    const got = publishesUntilFinal(c, uri, 1);
    await c.open(uri, garbled);
    const pubs = await got;
    const enc = (ds: { code?: number | string }[]) => ds.find((d) => d.code === 'encoding');
    assert.ok(isPreview(pubs[0].diagnostics), 'a preview first');
    const early = enc(pubs[0].diagnostics);
    assert.ok(early, 'the preview has the encoding warning');
    assert.deepEqual(early, enc(pubs.at(-1)!.diagnostics), 'the same warning as the whole text');
  });

  test('an edit while it runs: the analysis goes on with the new version, from the edit outwards', async () => {
    const uri = 'file:///slices/edit.pagedump';
    let doc = TextDocument.create(uri, 'pagedump', 1, text);
    const at = doc.positionAt(text.length - sample.length + 10); // in the last page
    const got = publishesUntilFinal(c, uri, 2);
    await c.open(uri, text);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: ' 心 的 关 注 ' }] });
    doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: ' 心 的 关 注 ' }], 2);
    const pubs = await got;
    const final = pubs.at(-1)!.diagnostics;
    assert.deepEqual(final.map((d) => diagnosticKey(doc, d)).sort(), wholeText(doc).sort(), 'the final diagnostics are those of the edited text');
    assert.ok(final.some((d) => d.code === 'spaced-glyphs' && d.range.start.line === at.line), 'the edit is flagged');
    // A preview of version 2 starts at the edit: its pages are the last ones.
    const preview2 = pubs.find((p) => p.version === 2 && isPreview(p.diagnostics));
    assert.ok(preview2, 'a preview of version 2');
    assert.ok(preview2.diagnostics.slice(1).some((d) => d.code === 'spaced-glyphs' && d.range.start.line === at.line), 'the preview of the edited version shows the edit');
  });
});

describe('progress of a first analysis in slices', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ progress: true, locale: 'zh-cn', env: SLICED });
  });
  after(() => c.stop());

  test("the editor's progress indicator: begun with the file's name, the share of pages done, ended", async () => {
    const uri = 'file:///slices/%E7%AC%AC1%E7%89%88.pagedump';
    const events: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
    const ended = withTimeout(
      new Promise<void>((resolve) => {
        c.conn.onNotification('$/progress', (p: (typeof events)[number]) => {
          events.push(p);
          if (p.value.kind === 'end') resolve();
        });
      }),
      20_000,
    );
    const got = publishesUntilFinal(c, uri, 1);
    await c.open(uri, text);
    await got;
    await ended;
    assert.equal(new Set(events.map((e) => e.token)).size, 1, 'one progress');
    const kinds = events.map((e) => e.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(kinds.slice(1, -1).every((k) => k === 'report'), kinds.join(' '));
    assert.equal(events[0].value.title, 'Newsprint');
    assert.equal(events[0].value.message, '正在分析 第1版.pagedump');
    const shares = events.filter((e) => e.value.kind !== 'end').map((e) => e.value.percentage!);
    assert.ok(shares.length > 2, `several reports (${shares.length})`);
    assert.deepEqual(shares, [...shares].sort((a, b) => a - b), 'the share only grows');
    assert.ok(shares.every((p) => p >= 0 && p <= 100));
  });
});

describe('pull: a first analysis in slices', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true, refresh: true, env: SLICED, settings: ALL });
  });
  after(() => c.stop());

  test('the first pull is answered with the pages done so far; a refresh follows, and the next pull has them all', async () => {
    const uri = 'file:///slices/pull.pagedump';
    const doc = TextDocument.create(uri, 'pagedump', 1, text);
    await c.open(uri, text);
    const refreshed = c.nextRefresh();
    const first = await c.pull(uri);
    assert.ok(isPreview(first), 'the first answer is a preview');
    await refreshed;
    const all = await c.pull(uri);
    assert.ok(!isPreview(all), 'after the refresh: no preview');
    assert.deepEqual(all.map((d) => diagnosticKey(doc, d)).sort(), wholeText(doc).sort());
  });

  test("when the editor's first request is another (the outline), the pull is still answered early", async () => {
    const uri = 'file:///slices/outline-first.pagedump';
    await c.open(uri, text);
    const refreshed = c.nextRefresh();
    const symbols = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const first = await c.pull(uri);
    assert.ok(isPreview(first), 'the first answer is a preview');
    await refreshed;
    assert.ok(Array.isArray(await symbols));
    assert.ok(!isPreview(await c.pull(uri)));
  });

  test('a client that cannot be asked to pull again waits for the whole analysis', async () => {
    const plain = await startClient({ pull: true, env: SLICED, settings: ALL });
    try {
      const uri = 'file:///slices/norefresh.pagedump';
      const doc = TextDocument.create(uri, 'pagedump', 1, text);
      await plain.open(uri, text);
      const ds = await plain.pull(uri);
      assert.deepEqual(ds.map((d) => diagnosticKey(doc, d)).sort(), wholeText(doc).sort());
    } finally {
      await plain.stop();
    }
  });
});
