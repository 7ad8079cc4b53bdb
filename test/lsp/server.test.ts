// The bundled server over a real stdio connection: diagnostics, quick fixes, fix-all, settings,
// pull and push modes, locale.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import * as path from 'node:path';
import { fixAll } from '../../server/src/core/fix';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import { CancellationTokenSource, LSPErrorCodes, type CancellationToken, type ResponseError } from 'vscode-languageserver-protocol';
import { actionsAt, isPreview, startClient, withTimeout, type TestClient } from '../helpers/lsp';

const text = readFileSync(SAMPLE, 'utf8');
const uri = 'file:///work/sample/zh-daily-p1.txt';
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
const count = (ds: Diagnostic[], code: string) => codes(ds).filter((c) => c === code).length;
const hasBoth = (ds: Diagnostic[]) => count(ds, 'spaced-glyphs') > 0 && count(ds, 'doubled-glyphs') > 0;

function apply(before: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'pagedump', 1, before), edits);
}

const actions = (c: TestClient, d: Diagnostic, only?: string[]) => actionsAt(c, uri, d, only);

/** The source.fixAll code action the editor asks for on save or from the command (a cancellable request). */
function fixAllActions(c: TestClient, uri: string, token?: CancellationToken): Promise<CodeAction[]> {
  const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
  // No token argument at all without one: an undefined third argument is sent as a parameter.
  return (token ? c.conn.sendRequest('textDocument/codeAction', params, token) : c.conn.sendRequest('textDocument/codeAction', params)) as Promise<CodeAction[]>;
}

describe('push diagnostics', () => {
  let c: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    c = await startClient();
    const got = c.nextDiagnostics(uri, hasBoth);
    await c.open(uri, text);
    diags = await got;
  });
  after(() => c.stop());

  test('the sample gets its glyph diagnostics with rule codes and source', () => {
    assert.equal(count(diags, 'spaced-glyphs'), 16);
    assert.equal(count(diags, 'doubled-glyphs'), 1);
    assert.ok(diags.every((d) => d.source === 'newsprint'));
    const doubled = diags.find((d) => d.code === 'doubled-glyphs')!;
    assert.equal(doubled.range.start.line, 80);
    assert.equal(doubled.severity, 2);
    assert.ok(diags.filter((d) => d.code === 'mixed-script-spacing').every((d) => d.severity === 4), 'mixed-script-spacing is a hint');
  });

  test('the quick fix travels in diagnostic.data and collapses the doubled heading', async () => {
    const d = diags.find((x) => x.code === 'doubled-glyphs')!;
    const list = await actions(c, d);
    const fix = list.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix?.edit?.changes?.[uri], 'a preferred quick fix with an edit');
    const fixed = apply(text, fix.edit.changes[uri]);
    assert.ok(fixed.includes('\nTIR 跨境运输\n'));
    assert.ok(!fixed.includes('TTIIRR'));
    assert.equal(fixed.length, text.length - 7);
  });

  test('a fix travels as numbers (six an edit), and data that is no fix gets no quick fix', async () => {
    const d = diags.find((x) => x.code === 'spaced-glyphs')!;
    const fix = (d.data as { fix: { ranges: number[]; texts: string[]; edits?: unknown } }).fix;
    assert.equal(fix.edits, undefined, 'no TextEdit objects');
    const list = await actions(c, d);
    const edits = list.find((a) => a.kind === 'quickfix' && a.isPreferred)?.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 1);
    assert.deepEqual(
      fix.ranges,
      edits.flatMap((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, fix.texts.indexOf(e.newText), fix.texts.indexOf(' ')]),
    );
    const firstChar = [0, 0, 0, 1];
    for (const bad of ['x', null, { title: 'T', ranges: ['a', 1, 2, 3, 4, 0], texts: [] }, { title: 'T', ranges: [1, 2, 3], texts: [''] }, { title: 'T', ranges: [...firstChar, 0, 0], texts: 5 }, { title: 'T', ranges: [...firstChar, 0, 0], texts: [''] }]) {
      const got = await actions(c, { ...d, data: { fix: bad } });
      assert.equal(got.filter((a) => a.kind === 'quickfix' && a.isPreferred).length, 0, JSON.stringify(bad));
    }
    // The same edit, saying what it replaces: the first character.
    const good = await actions(c, { ...d, data: { fix: { title: 'T', ranges: [...firstChar, 0, 1], texts: ['', text[0]] } } });
    assert.deepEqual(good.find((a) => a.isPreferred)?.edit?.changes?.[uri], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: '' }]);
  });

  test('a quick fix from diagnostics of before an edit is offered while its ranges hold what they replace, not once its lines moved', async () => {
    // VS Code asks for quick fixes with the diagnostics it holds, which lag an edit until the next
    // publish: applied to moved lines, the fix's ranges would remove glyphs instead of spaces.
    const u = 'file:///work/sample/stale.txt';
    const got = c.nextDiagnostics(u, hasBoth);
    await c.open(u, text);
    const d = (await got).find((x) => x.code === 'spaced-glyphs')!;
    const quick = async () =>
      ((await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[]).find((a) => a.kind === 'quickfix' && a.isPreferred);
    const change = (version: number, line: number, insert: string) =>
      c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: insert }] });
    await change(2, text.split('\n').length - 1, 'x'); // after it: its lines are where they were
    const held = await quick();
    assert.ok(held?.edit?.changes?.[u], 'still offered after an edit elsewhere');
    await change(3, 0, '\n\n'); // two lines above it
    assert.equal(await quick(), undefined, 'not offered once its lines moved');
  });

  test('"Fix all spaced-glyphs problems" resolves to an edit that clears the rule', async () => {
    const d = diags.find((x) => x.code === 'spaced-glyphs')!;
    const list = await actions(c, d);
    const all = list.find((a) => a.title.includes('Fix all spaced-glyphs'));
    assert.ok(all, `offered: ${list.map((a) => a.title).join(' | ')}`);
    const resolved = (await c.conn.sendRequest('codeAction/resolve', all)) as CodeAction;
    const fixed = apply(text, resolved.edit!.changes![uri]);
    assert.ok(fixed.includes('心的、关注您所关注的，努力把'));
    assert.ok(fixed.includes('TTIIRR'), 'only the one rule is fixed');
  });

  test('source.fixAll.newsprint fixes every glyph problem, and again changes nothing; hints only when raised', async () => {
    const d = diags[0];
    const list = await actions(c, d, ['source.fixAll']);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'source.fixAll.newsprint');
    const fixed = apply(text, list[0].edit!.changes![uri]);
    assert.ok(fixed.includes('TIR 跨境运输') && !fixed.includes('心 的'));
    assert.ok(fixed.includes('本报讯  8 月 26 日'), 'mixed-script-spacing, a hint, is left');
    const uri2 = 'file:///work/sample/fixed.txt';
    const got = c.nextDiagnostics(uri2);
    await c.open(uri2, fixed);
    const again = await got;
    const glyph = new Set(['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing']);
    assert.equal(again.filter((x) => glyph.has(String(x.code)) && x.severity !== 4).length, 0, 'no glyph problems left');
    // Raised to a warning in the settings, mixed-script-spacing is a problem that Fix All fixes.
    const set = async (rules: Record<string, string>, severity: number) => {
      c.settings = { rules };
      const seen = c.nextDiagnostics(uri, (ds) => ds.some((x) => x.code === 'mixed-script-spacing' && x.severity === severity));
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await seen;
    };
    await set({ 'mixed-script-spacing': 'warning' }, 2);
    try {
      const raised = apply(text, (await actions(c, d, ['source.fixAll']))[0].edit!.changes![uri]);
      assert.ok(raised.includes('TIR跨境运输') && raised.includes('本报讯  8月26日'));
    } finally {
      await set({}, 4);
    }
  });

  test('fix-all says when its passes ran out on a page, and how to fix the rest', async () => {
    // 40 split sentences on one page: a pass moves one line on a page (see fixAll).
    const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
    const page = `${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`;
    const many = 'file:///work/sample/many-splits.txt';
    const got = c.nextDiagnostics(many);
    await c.open(many, Array(40).fill(page).join('\n\n'));
    await got;
    // A warning the user sees (a notification: the server waits for nothing, and a client that fails
    // a request cannot end it).
    const shown = new Promise<{ type: number; message: string }>((resolve) => {
      const d = c.conn.onNotification('window/showMessage', (m: { type: number; message: string }) => {
        d.dispose();
        resolve(m);
      });
    });
    const list = await fixAllActions(c, many);
    assert.ok((list[0]?.edit?.changes?.[many] ?? []).length > 0, 'fix-all still fixes what its passes reached');
    const m = await withTimeout(shown, 10_000);
    assert.equal(m.type, 2, 'a warning');
    assert.match(m.message, /^Fix All stopped after 32 rounds of fixing with \d+ problems still to fix; run it again/);
  });

  test('in the Source Action menu (only "source"), Fix All is listed without its edit, made when chosen, and warns only then', async () => {
    const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
    const page = `${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`;
    const u = 'file:///work/sample/menu.txt';
    const got = c.nextDiagnostics(u);
    await c.open(u, Array(40).fill(page).join('\n\n')); // Fix All's passes run out: it warns
    await got;
    const warnings: string[] = [];
    const d = c.conn.onNotification('window/showMessage', (m: { message: string }) => warnings.push(m.message));
    try {
      const params = { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } };
      const listed = ((await c.conn.sendRequest('textDocument/codeAction', params)) as CodeAction[]).find((a) => a.kind === 'source.fixAll.newsprint');
      assert.ok(listed, 'Fix All is listed');
      assert.equal(listed.edit, undefined, 'without its edit');
      const resolved = (await c.conn.sendRequest('codeAction/resolve', listed)) as CodeAction;
      assert.ok((resolved.edit?.changes?.[u] ?? []).length > 0, 'made when chosen');
      // Notifications come in order: one sent by the listing would be here before this answer.
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } });
      assert.equal(warnings.length, 1, `one warning, on choosing: ${warnings.join(' | ')}`);
    } finally {
      d.dispose();
    }
  });

  test('fix-all of a big dump answers other requests while it runs, and stops when cancelled', async () => {
    const big = 'file:///work/sample/big.txt';
    const got = c.nextDiagnostics(big, (ds) => !isPreview(ds), 60_000);
    await c.open(big, Array(600).fill(text).join('\f')); // 5.8 MB: its fix-all takes about a second
    await got;
    const source = new CancellationTokenSource();
    const fixAll = fixAllActions(c, big, source.token);
    let settled = false;
    fixAll.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Sent after the fix-all, answered before it: the server took it in between pages.
    await withTimeout(actions(c, diags[0]), 10_000);
    assert.equal(settled, false, 'the fix-all was done before a later request was answered');
    // So the fix-all is running: cancelled now, it stops (a request still queued would be
    // answered as cancelled by the connection itself).
    source.cancel();
    await assert.rejects(withTimeout(fixAll, 10_000), (err: ResponseError<unknown>) => err.code === LSPErrorCodes.RequestCancelled);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: big } }); // not analysed again by the tests after
  });

  test('fix-all of a dump of many pages gives the core\'s fixAll text; its edits sent back last first, as one change, give the diagnostics of the fixed text', async () => {
    // VS Code sends a multi-edit so; the server applies it as one batch (LineDocument.lastFirst)
    // and notes where each edit landed, so that the pages it touched are analysed again.
    const many = 'file:///work/sample/forty-pages.txt';
    // CJK pages, English pages (a dash and a bullet on each), a page whose split sentences take
    // several passes, and one with surrogate pairs near its fixes.
    const en = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
    const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
    const splits = Array(5).fill(`${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`).join('\n\n');
    const pages = [...Array(30).fill(text), en, en, splits, `${text.slice(0, 1500)}😀 😀 𠀀 𠀀\n${text.slice(1500)}`, ...Array(6).fill(text)].join('\f');
    const opened = c.nextDiagnostics(many, (ds) => !isPreview(ds));
    await c.open(many, pages);
    await opened;
    const list = await fixAllActions(c, many);
    const edits = list[0].edit!.changes![many];
    assert.ok(edits.length >= 40, `${edits.length} edits`);
    // Exactly the core's text, from edits the editor takes: in order, none overlapping another.
    assert.equal(apply(pages, edits), fixAll(pages).text);
    const at = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
    for (let k = 1; k < edits.length; k++) assert.ok(at(edits[k].range.start) > at(edits[k - 1].range.end), `edit ${k} overlaps or touches the one before`);
    // The changed regions of a page, not the page: on the English pages, texts without their
    // dashes and bullets (a text of one byte a character travels and is kept so).
    const enStart = pages.indexOf(en);
    const enLines = [pages.slice(0, enStart).split('\n').length - 1, pages.slice(0, enStart + 2 * en.length).split('\n').length];
    const enEdits = edits.filter((e) => e.range.start.line >= enLines[0] && e.range.end.line < enLines[1]);
    assert.ok(enEdits.length > 20, `${enEdits.length} edits on the English pages`);
    for (const e of enEdits) assert.ok(!/[\u0100-\uffff]/.test(e.newText), `a wide character in ${JSON.stringify(e.newText.slice(0, 60))}`);
    const fixed = c.nextDiagnostics(many, (ds) => !isPreview(ds));
    const contentChanges = [...edits].reverse().map((e) => ({ range: e.range, text: e.newText }));
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: many, version: 2 }, contentChanges });
    const after = await fixed;
    const fresh = 'file:///work/sample/forty-pages-fixed.txt';
    const got = c.nextDiagnostics(fresh, (ds) => !isPreview(ds));
    await c.open(fresh, TextDocument.applyEdits(TextDocument.create(many, 'pagedump', 1, pages), edits));
    const expected = await got;
    const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
    assert.deepEqual(after.map(key), expected.map(key));
    for (const uri of [many, fresh]) await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('an edit republishes diagnostics for the new version', async () => {
    const got = c.nextDiagnostics(uri, (ds) => count(ds, 'doubled-glyphs') === 0);
    const line = text.split('\n').indexOf('TTIIRR 跨跨境境运运输输');
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 22 } }, text: 'TIR 跨境运输' }],
    });
    const ds = await got;
    assert.equal(count(ds, 'spaced-glyphs'), 16);
  });

  test('turning a rule off in settings clears its diagnostics live', async () => {
    c.settings = { rules: { 'spaced-glyphs': 'off', 'doubled-glyphs': 'error' } };
    const got = c.nextDiagnostics(uri, (ds) => count(ds, 'spaced-glyphs') === 0);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await got;
    assert.ok(ds.length > 0);
  });
});

describe('pull diagnostics and locale', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true, locale: 'zh-cn' });
    await c.open(uri, text);
  });
  after(() => c.stop());

  test('textDocument/diagnostic returns the findings, then "unchanged" for the same version', async () => {
    const r1 = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: Diagnostic[] };
    assert.equal(r1.kind, 'full');
    assert.equal(count(r1.items, 'spaced-glyphs'), 16);
    const r2 = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r1.resultId })) as { kind: string };
    assert.equal(r2.kind, 'unchanged');
  });

  test('messages and action titles follow the locale sent at initialize', async () => {
    const ds = await c.pull(uri);
    const d = ds.find((x) => x.code === 'doubled-glyphs')!;
    assert.match(d.message, /重复字形/);
    const list = await actions(c, d);
    assert.match(list[0].title, /合并重复字形/);
  });
});

describe('a page that is one table of 3,000 lines', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `Smith Corp common ${i % 97} ${i % 13}`);
  const table = `${lines.join('\n')}\n`;
  const tableUri = 'file:///work/sample/table.pagedump';
  let c: TestClient;
  let wrap: Diagnostic;
  before(async () => {
    c = await startClient();
    const got = c.nextDiagnostics(tableUri, (ds) => ds.some((d) => d.code === 'hard-wrap'));
    await c.open(tableUri, table);
    wrap = (await got).find((d) => d.code === 'hard-wrap')!;
  });
  after(() => c.stop());

  test('its one hard-wrap diagnostic points at the rest of the table and carries its 2,999 joins packed; the quick fix joins them', async () => {
    assert.equal(wrap.relatedInformation?.length, 1);
    assert.deepEqual(wrap.relatedInformation![0].location.range, { start: { line: 1, character: 0 }, end: { line: 2999, character: lines[2999].length } });
    assert.equal(wrap.relatedInformation![0].message, 'Lines 2–3000 of this paragraph');
    const fix = (wrap.data as { fix: { offsets?: number[]; edits?: unknown } }).fix;
    assert.equal(fix.edits, undefined);
    assert.equal(fix.offsets?.length, 3 * 2999);
    const list = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: tableUri }, range: wrap.range, context: { diagnostics: [wrap] } })) as CodeAction[];
    const quick = list.find((a) => a.kind === 'quickfix' && a.isPreferred);
    const edits = quick?.edit?.changes?.[tableUri];
    assert.equal(edits?.length, 2999);
    assert.equal(TextDocument.applyEdits(TextDocument.create(tableUri, 'pagedump', 1, table), edits), `${lines.join(' ')}\n`);
  });

  test('after an edit, the packed fix of the old version is not offered (its offsets are stale)', async () => {
    const got = c.nextDiagnostics(tableUri, () => true);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: tableUri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await got;
    const list = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: tableUri }, range: wrap.range, context: { diagnostics: [wrap] } })) as CodeAction[];
    assert.equal(list.filter((a) => a.kind === 'quickfix' && a.isPreferred).length, 0);
  });
});

describe('no silent limits: notes on line 1', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true, settings: { rules: {}, maxDiagnostics: 5 } });
  });
  after(() => c.stop());

  test('past newsprint.maxDiagnostics, line 1 says how many of how many are shown and names the setting', async () => {
    const u = 'file:///work/sample/limit.pagedump';
    await c.open(u, text);
    const ds = await c.pull(u);
    assert.equal(ds.length, 6);
    assert.equal(ds[0].code, 'limit');
    assert.equal(ds[0].range.start.line, 0);
    assert.match(ds[0].message, /^Showing 5 of \d+ Newsprint problems in this file\. Raise the setting "newsprint\.maxDiagnostics"/);
  });

  test('a page analysed in parts, for running on without a page break, gets a note saying so', async () => {
    const u = 'file:///work/sample/nobreaks.pagedump';
    const glued = Array(100).fill(text).join('\n'); // ~350 k characters
    await c.open(u, glued);
    const ds = await c.pull(u);
    const note = ds.find((d) => d.code === 'limit' && /without a page break/.test(d.message));
    assert.ok(note, 'a note');
    assert.match(note.message, new RegExp(`runs ${Math.round(glued.length / 1000)} thousand characters without a page break .* in [2-9] parts`));
    const u2 = 'file:///work/sample/withbreaks.pagedump';
    await c.open(u2, Array(100).fill(text).join('\f'));
    assert.ok(!(await c.pull(u2)).some((d) => /page break/.test(d.message)), 'the same text in pages: no note');
  });

  test('a newsprint.maxDiagnostics below 1 (0.5 would round down to none) is taken as the default', async () => {
    const u = 'file:///work/sample/limit-half.pagedump';
    c.settings = { rules: {}, maxDiagnostics: 0.5 };
    try {
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await c.open(u, text);
      const ds = await c.pull(u);
      assert.ok(!ds.some((d) => d.code === 'limit'), 'no limit note');
      assert.ok(ds.length > 6, `${ds.length} diagnostics`);
    } finally {
      c.settings = { rules: {}, maxDiagnostics: 5 };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });
});

/** Opens the sample as `u`; resolves with its first diagnostics that have both glyph rules. */
async function openSample(c: TestClient, u: string): Promise<Diagnostic[]> {
  const got = c.nextDiagnostics(u, hasBoth);
  await c.open(u, text);
  return got;
}

describe('a client that cannot resolve a code action\'s edit', () => {
  test('"Fix all spaced-glyphs problems" comes with its edit', async () => {
    const c = await startClient({ resolve: false });
    try {
      const u = 'file:///work/sample/no-resolve.pagedump';
      const d = (await openSample(c, u)).find((x) => x.code === 'spaced-glyphs')!;
      const list = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const all = list.find((a) => a.title.includes('Fix all spaced-glyphs'));
      assert.ok(all?.edit?.changes?.[u]?.length, `an edit: ${JSON.stringify(all)}`);
      assert.ok(apply(text, all.edit.changes[u]).includes('心的、关注您所关注的，努力把'));
    } finally {
      await c.stop();
    }
  });
});

describe('a client that cannot be asked for settings', () => {
  test('the settings it sends with a change apply', async () => {
    const c = await startClient({ configuration: false });
    try {
      const u = 'file:///work/sample/pushed.pagedump';
      await openSample(c, u);
      const off = c.nextDiagnostics(u, (ds) => count(ds, 'spaced-glyphs') === 0 && count(ds, 'doubled-glyphs') > 0);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { newsprint: { rules: { 'spaced-glyphs': 'off' } } } });
      await off;
    } finally {
      await c.stop();
    }
  });
});
