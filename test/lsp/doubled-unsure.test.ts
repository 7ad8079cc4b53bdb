// The bundled server over a real stdio connection: an unsure doubled-glyphs diagnostic (a whole line
// of Han pairs, which real reduplicated words can be too) carries its fix and says it is unsure in
// diagnostic.data; the quick fix is offered (not preferred), and no Fix All applies it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { actionsAt, startClient, type TestClient } from '../helpers/lsp';

const uri = 'file:///work/sample/unsure.txt';
const text =
  '跨跨境境运运输输\n\n本报讯 今年以来，全市跨境电商进出口规模持续扩大。\n\n天天高高兴兴快快乐乐\n\n节日里，孩子们在广场上放风筝，老人们在公园里下棋。\n\n' +
  'TTIIRR 跨跨境境运运输输\n\n本报讯 国际道路运输线路今年新增三条，货物通关时间明显缩短。\n\nTTHHEE NNEEWWSS\n\n本报讯 新闻发布会昨日举行，多家媒体到场采访。\n';
/** The text with the sure fake bold undoubled: what every Fix All leaves. */
const sureFixed = text.replace('TTIIRR 跨跨境境运运输输', 'TIR 跨境运输').replace('TTHHEE NNEEWWSS', 'THE NEWS');

const doubled = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'doubled-glyphs');
const isUnsure = (d: Diagnostic) => (d.data as { unsure?: boolean } | undefined)?.unsure === true;
const lineOf = (d: Diagnostic) => text.split('\n')[d.range.start.line];

function apply(edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'pagedump', 1, text), edits);
}

const actions = (c: TestClient, d: Diagnostic, only?: string[]) => actionsAt(c, uri, d, only);

describe('unsure doubled-glyphs diagnostics', () => {
  let c: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    c = await startClient();
    const got = c.nextDiagnostics(uri, (ds) => doubled(ds).length >= 3);
    await c.open(uri, text);
    diags = doubled(await got);
  });
  after(() => c.stop());

  test('each whole line of Han pairs is flagged, unsure in its data, at information level; the sure fake bold as before', () => {
    assert.deepEqual(
      diags.map((d) => [lineOf(d), isUnsure(d), d.severity]),
      [
        ['跨跨境境运运输输', true, 3],
        ['天天高高兴兴快快乐乐', true, 3],
        ['TTIIRR 跨跨境境运运输输', false, 2],
        ['TTHHEE NNEEWWSS', false, 2],
      ],
    );
    for (const d of diags.filter(isUnsure)) assert.match(d.message, /高高兴兴.*check/, d.message);
  });

  test('the quick fix of an unsure diagnostic is offered, not preferred, and deletes the second glyph of each pair', async () => {
    for (const [line, after] of [
      ['跨跨境境运运输输', '跨境运输'],
      ['天天高高兴兴快快乐乐', '天高兴快乐'],
    ]) {
      const d = diags.find((x) => lineOf(x) === line)!;
      const list = await actions(c, d);
      const quick = list.filter((a) => a.kind === 'quickfix' && a.edit);
      assert.equal(quick.length, 1, `${line}: one click per problem (${list.map((a) => a.title).join(' | ')})`);
      assert.equal(quick[0].title, `Collapse doubled glyphs to "${after}"`);
      assert.ok(!quick[0].isPreferred, `${line}: not preferred (Auto Fix would apply it unseen)`);
      assert.deepEqual(quick[0].diagnostics, [d]);
      const want = text
        .split('\n')
        .map((l) => (l === line ? after : l))
        .join('\n');
      assert.equal(apply(quick[0].edit!.changes![uri]), want, `${line}: that line alone, its second glyphs gone`);
      assert.ok(!list.some((a) => a.title.includes('Fix all doubled-glyphs')), `${line}: no "Fix all" beside an unsure fix, which it would not apply`);
    }
    const sure = diags.find((x) => !isUnsure(x))!;
    assert.ok((await actions(c, sure)).find((a) => a.kind === 'quickfix' && a.isPreferred), 'the sure fix stays preferred');
  });

  test('source.fixAll.newsprint leaves the unsure runs and fixes the sure ones', async () => {
    const list = await actions(c, diags[0], ['source.fixAll']);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'source.fixAll.newsprint');
    assert.equal(apply(list[0].edit!.changes![uri]), sureFixed);
  });

  test('"Fix all doubled-glyphs problems" (offered from the sure ones) leaves the unsure runs', async () => {
    const sure = diags.find((x) => !isUnsure(x))!;
    const all = (await actions(c, sure)).find((a) => a.title.includes('Fix all doubled-glyphs'));
    assert.ok(all, 'offered from two sure fixes');
    const resolved = (await c.conn.sendRequest('codeAction/resolve', all)) as CodeAction;
    assert.equal(apply(resolved.edit!.changes![uri]), sureFixed);
  });
});
