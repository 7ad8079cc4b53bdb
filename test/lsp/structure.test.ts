// Article structure over a real connection: outline, folding, hover, semantic tokens, annotation
// completion and hover, "Mark as …" actions, and each directive changing the detection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { LSPErrorCodes, type CodeAction, type CompletionItem, type DocumentSymbol, type FoldingRange, type Hover, type SemanticTokens } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, type TestClient } from '../helpers/lsp';
import { SAMPLE } from '../helpers/rules';

const text = readFileSync(SAMPLE, 'utf8');
const rows = text.split('\n');
let n = 0;
const nextUri = () => `file:///work/structure/${++n}.txt`;

describe('structure features', () => {
  let c: TestClient;
  const uri = nextUri();
  before(async () => {
    c = await startClient({ pull: true });
    await c.open(uri, text);
  });
  after(() => c.stop());

  const symbols = (u: string) => c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } }) as Promise<DocumentSymbol[]>;

  test('the outline lists page → articles → parts', async () => {
    const syms = await symbols(uri);
    assert.equal(syms.length, 1);
    assert.equal(syms[0].name, 'Page 1');
    const names = syms[0].children!.map((s) => s.name);
    assert.deepEqual(names, ['跨境电商：外贸增长“新引擎”', 'TIR 跨境运输', '市政府党组理论学习中心组举行集体学习研讨', '市政府党组会议召开', '中国—上合组织技术转移中心白俄罗斯协同中心启用', '聚焦群众所需 提升城市品质']);
    const first = syms[0].children![0];
    const kinds = first.children!.map((s) => s.detail);
    assert.ok(kinds.includes('kicker') && kinds.includes('byline') && kinds.includes('paragraph'), kinds.join(','));
    assert.match(first.detail ?? '', /^p1-a1 · article/);
    assert.equal(first.selectionRange.start.line, rows.indexOf('跨境电商：外贸增长“新引擎”'));
  });

  test('under a Chinese UI the outline and the hover name the article’s type in Chinese', async () => {
    const zh = await startClient({ pull: true, locale: 'zh-cn' });
    try {
      const u = nextUri();
      await zh.open(u, text);
      const syms = (await zh.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
      const details = syms[0].children!.map((s) => s.detail ?? '');
      assert.match(details[0], /^p1-a1 · 正文稿 · 0\.\d\d$/);
      assert.ok(details.some((d) => / · 边栏 · /.test(d)), details.join(' | '));
      assert.ok(!details.some((d) => /article|sidebar|notice/.test(d)), details.join(' | '));
      const line = rows.indexOf('市政府党组会议召开');
      const h = (await zh.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character: 2 } })) as Hover;
      assert.match((h.contents as { value: string }).value, /稿件 p1-a4（正文稿），置信度 0\.\d\d/);
    } finally {
      await zh.stop();
    }
  });

  test('at column 0 of a page\'s first line (on its form feed): the hover and the "Mark as …" actions of that line', async () => {
    const u = nextUri();
    const second = rows.slice(rows.indexOf('市政府党组会议召开')).join('\n');
    await c.open(u, `${text}\f${second}`);
    const line = rows.length - 1; // the form feed starts it: text ends with a line break
    const hover = (character: number) => c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character } }) as Promise<Hover | null>;
    const at0 = await hover(0);
    assert.ok(at0, 'a hover at column 0');
    assert.deepEqual(at0, await hover(2));
    assert.match((at0.contents as { value: string }).value, /\*\*市政府党组会议召开\*\*[\s\S]*p2-a\d/, 'an article of the second page');
    const actions = async (character: number) =>
      ((await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } })) as CodeAction[]).filter((a) => a.kind === 'refactor.rewrite');
    const list = await actions(0);
    assert.ok(list.length > 0, 'Mark as … at column 0');
    assert.deepEqual(list, await actions(2));
    assert.ok(list.every((a) => a.edit!.changes![u].every((e) => e.range.start.line >= line)), 'on that page, not the one before');
  });

  test('under a Chinese UI: Chinese directive names in completion and hover, rule names in "Fix all" titles', async () => {
    const zh = await startClient({ pull: true, locale: 'zh-cn' });
    try {
      const complete = async (line: string) => {
        const u = nextUri();
        await zh.open(u, `${line}\n标题\n`);
        return (await zh.conn.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: line.length } })) as CompletionItem[];
      };
      const all = await complete('%% ');
      assert.ok(all.some((i) => i.label === '主题' && i.detail === 'headline'), all.map((i) => `${i.label}/${i.detail}`).join(' '));
      for (const [typed, label, newText] of [['%% 主', '主题', '主题'], ['%%下', '下转', '下转 '], ['%% 新', '新稿', '新稿']]) {
        const items = await complete(typed);
        assert.deepEqual(items.map((i) => [i.label, (i.textEdit as { newText: string }).newText]), [[label, newText]], typed);
      }
      const u = nextUri();
      await zh.open(u, '%% 主题\n标题\n');
      const h = (await zh.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 4 } })) as Hover;
      assert.match((h.contents as { value: string }).value, /^\*\*%% 主题\*\*\n\n下一段是主题/);
      const spaced = '心 的、关 注 您 所 关 注 的\n\n解 读 新 成 果、新 事 件 ，探 究 新 现\n\n本报讯 正文第一段写在这里。\n';
      const u2 = nextUri();
      await zh.open(u2, spaced);
      const diags = await zh.pull(u2);
      const d = diags.find((x) => x.code === 'spaced-glyphs')!;
      const list = (await zh.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u2 }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      assert.ok(list.some((a) => a.title === '修复此文件中所有字间空格问题'), list.map((a) => a.title).join(' | '));
    } finally {
      await zh.stop();
    }
  });

  test('folding ranges cover each article’s stretches', async () => {
    const ranges = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.ok(ranges.length >= 6);
    const body3 = rows.indexOf('学习研讨。市政府党组书记、');
    assert.ok(ranges.some((r) => r.startLine <= body3 && body3 <= r.endLine));
    for (const r of ranges) assert.ok(r.startLine < r.endLine && r.endLine < rows.length);
  });

  test('hover on a headline shows the article’s fields and confidence', async () => {
    const line = rows.indexOf('市政府党组会议召开');
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } })) as Hover;
    const md = (h.contents as { value: string }).value;
    assert.match(md, /\*\*市政府党组会议召开\*\*/);
    assert.match(md, /p1-a4/);
    assert.match(md, /confidence 0\.\d\d/);
    assert.match(md, /□记者 解泉声 报道/);
    const none = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: rows.indexOf('我们希望能够做到：不仅仅告诉'), character: 2 } });
    assert.equal(none, null);
  });

  test('semantic tokens colour headlines and bylines, and stay inside the document', async () => {
    const init = (await c.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    const data = init.data;
    assert.equal(data.length % 5, 0);
    let line = 0;
    let ch = 0;
    const types = new Set<number>();
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      assert.ok(line < rows.length && ch + data[i + 2] <= rows[line].length);
      types.add(data[i + 3]);
    }
    assert.ok(types.has(1) && types.has(3), 'headline and byline tokens');
  });

  test('completion after %% offers the directives; hover explains one', async () => {
    const u = nextUri();
    await c.open(u, '%% \n标题\n');
    const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: 3 } })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    for (const d of ['article', 'headline', 'kicker', 'deck', 'byline', 'caption', 'label', 'body', 'skip', 'continued-from', 'continued-to', 'attach-below']) assert.ok(labels.includes(d), d);
    const u2 = nextUri();
    await c.open(u2, '%% headline\n标题\n');
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u2 }, position: { line: 0, character: 5 } })) as Hover;
    assert.match((h.contents as { value: string }).value, /headline/);
  });

  test('"Mark as headline" inserts an annotation that the detection then obeys', async () => {
    const line = rows.indexOf('我们希望能够做到：不仅仅告诉');
    const list = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    const titles = list.map((a) => a.title);
    for (const tt of ['Mark as headline', 'Start new article here', 'Not an article']) assert.ok(titles.includes(tt), titles.join(' | '));
    const mark = list.find((a) => a.title === 'Mark as headline')!;
    assert.equal(mark.kind, 'refactor.rewrite');
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'pagedump', 1, text), mark.edit!.changes![uri]);
    assert.ok(edited.includes('%% headline\n我们希望能够做到'));
    const u = nextUri();
    await c.open(u, edited);
    const names = (await symbols(u))[0].children!.map((s) => s.name);
    assert.ok(names.includes('我们希望能够做到：不仅仅告诉'), names.join(' | '));
  });
});

describe('each directive', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true });
  });
  after(() => c.stop());

  const page = (annot: string) => `${annot}甲乙丙丁戊己庚辛\n\n□记者 张三 报道\n\n本报讯 这是第一篇稿件的正文，内容很长很长很长很长\n\n很长很长很长很长很长很长很长很长很长很长。\n`;
  async function outline(t: string) {
    const u = nextUri();
    await c.open(u, t);
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
    const diags = await c.pull(u);
    return { articles: syms[0]?.children ?? [], diags };
  }

  for (const d of ['article', 'headline', 'kicker', 'deck', 'byline', 'caption', 'label', 'body', 'skip', 'attach-below', 'continued-from 第一版', 'continued-to 第二版']) {
    test(`%% ${d} is accepted and shapes the outline`, async () => {
      const { articles, diags } = await outline(page(`%% ${d}\n`));
      assert.deepEqual(diags.filter((x) => x.code === 'bad-annotation'), [], `no bad-annotation for ${d}`);
      const name = d.split(' ')[0];
      if (name === 'headline' || name === 'attach-below' || name === 'article') assert.equal(articles[0]?.name, '甲乙丙丁戊己庚辛');
      if (name === 'skip') assert.ok(!JSON.stringify(articles).includes('甲乙丙丁戊己庚辛'), 'skipped block is in no article');
      if (name === 'kicker') assert.ok(articles[0]?.children?.some((s) => s.detail === 'kicker'));
    });
  }

  test('unknown and malformed directives get a bad-annotation diagnostic', async () => {
    const { diags } = await outline('%% frobnicate\n标题\n\n%% continued-to\n正文。\n\n%% headline 多余\n标题\n');
    const bad = diags.filter((x) => x.code === 'bad-annotation');
    assert.equal(bad.length, 3, bad.map((b) => b.message).join(' | '));
  });
});

describe('rewrite request', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true });
  });
  after(() => c.stop());

  test('newsprint/rewrite returns the page in reading order, and rewriting that changes nothing', async () => {
    const u = nextUri();
    await c.open(u, text);
    const r = (await c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: u } })) as { text: string; skippedText: string[] };
    const lines = r.text.split('\n');
    // The sample's one text in no article (unclaimed-text): under a %% skip the rewrite wrote, and said, for the client to show.
    assert.equal(r.skippedText.length, 1);
    assert.ok(lines.indexOf(r.skippedText[0]) > lines.indexOf('%% skip') && lines.indexOf('%% skip') > 0, r.skippedText[0]);
    assert.ok(lines.includes('市政府党组会议召开'));
    assert.ok(lines.some((l) => l.startsWith('顺势而为，胶州跨境电商开辟国际贸易新路径；乘势而上，上合扬帆远航开拓国际市场新蓝海。')));
    assert.ok(lines.indexOf('跨境电商：外贸增长“新引擎”') < lines.indexOf('TIR跨境运输'), 'article 1 comes first');
    const u2 = nextUri();
    await c.open(u2, r.text);
    const again = (await c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: u2 } })) as { text: string; skippedText: string[] };
    assert.equal(again.text, r.text);
    assert.deepEqual(again.skippedText, []);
    assert.equal(await c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: 'file:///not/open.txt' } }), null);
  });

  test('"Mark as kicker" on a block below its headline, then newsprint/rewrite: one article with that kicker, before and after', async () => {
    const page = '春季植树活动启动\n\n绿化城市 人人有责\n\n□记者 王五 报道\n\n本报讯 昨日，全市春季义务植树活动正式启动，\n各区组织干部群众参加植树，共栽植各类苗木\n三万余株，进一步扩大了城市绿化覆盖面积。\n';
    const heads = async (u: string) => {
      const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
      return syms[0].children!.map((a) => [a.name, a.children!.filter((s) => s.detail !== 'paragraph').map((s) => `${s.detail}: ${s.name.replace(/\s+/g, '')}`)]);
    };
    const u = nextUri();
    await c.open(u, page);
    const at = { line: 2, character: 0 };
    const list = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    const mark = list.find((a) => a.title === 'Mark as kicker')!;
    const marked = TextDocument.applyEdits(TextDocument.create(u, 'pagedump', 1, page), mark.edit!.changes![u]);
    assert.ok(marked.includes('春季植树活动启动\n\n%% kicker\n绿化城市'), marked);
    const u2 = nextUri();
    await c.open(u2, marked);
    const want = [['春季植树活动启动', ['kicker: 绿化城市人人有责', 'headline: 春季植树活动启动', 'byline: □记者王五报道']]];
    assert.deepEqual(await heads(u2), want);
    const r = (await c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: u2 } })) as { text: string };
    const u3 = nextUri();
    await c.open(u3, r.text);
    assert.deepEqual(await heads(u3), want, r.text);
  });

  test('newsprint/rewrite for a version the page is past: ContentModified (the editor would replace newer text)', async () => {
    const u = nextUri();
    await c.open(u, text);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'typed\n' }] });
    await assert.rejects(c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: u }, version: 1 }), (e: { code?: number }) => e.code === LSPErrorCodes.ContentModified);
    const r = (await c.conn.sendRequest('newsprint/rewrite', { textDocument: { uri: u }, version: 2 })) as { text: string; version: number };
    assert.equal(r.version, 2);
    assert.ok(r.text.includes('typed'));
  });
});

describe('"Mark as …" in a dump without blank lines', () => {
  // An OCR page: not one blank line, so a directive above a line would reach down to the page's end.
  const ocr = readFileSync('/work/wt/shared/samples/en/saltlaketribune-1911-09-17-p1.txt', 'utf8');
  const ocrRows = ocr.split('\n');
  let c: TestClient;
  const u = nextUri();
  before(async () => {
    c = await startClient({ pull: true });
    await c.open(u, ocr);
  });
  after(() => c.stop());

  const actions = async (start: { line: number; character: number }, end = start) =>
    (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start, end }, context: { diagnostics: [] } })) as CodeAction[];
  const applied = (list: CodeAction[], title: string) => TextDocument.applyEdits(TextDocument.create(u, 'pagedump', 1, ocr), list.find((a) => a.title === title)!.edit!.changes![u]);

  test('on a detected headline: the directive above that headline and a blank line below it, not at the top of the page', async () => {
    const row = ocrRows.indexOf('AT AUTO RACE');
    const kicked = applied(await actions({ line: row, character: 3 }), 'Mark as kicker');
    assert.ok(kicked.startsWith(ocrRows[0]), kicked.slice(0, 80));
    assert.ok(kicked.includes(`%% kicker\n${ocrRows[row - 1]}\nAT AUTO RACE\n\n${ocrRows[row + 1]}\n`), kicked.slice(0, 400));
  });

  test('"Mark as headline" on a body line: that line heads an article after, and the lines below it are its body', async () => {
    const row = 25;
    const marked = applied(await actions({ line: row, character: 0 }), 'Mark as headline');
    assert.ok(marked.includes(`${ocrRows[row - 1]}\n%% headline\n${ocrRows[row]}\n\n${ocrRows[row + 1]}\n`));
    const u2 = nextUri();
    await c.open(u2, marked);
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u2 } })) as DocumentSymbol[];
    const article = syms[0].children!.find((a) => a.selectionRange.start.line === row + 1);
    assert.ok(article, syms[0].children!.map((a) => `${a.selectionRange.start.line}: ${a.name}`).join(' | '));
    assert.deepEqual(article.children!.filter((s) => s.detail === 'headline').map((s) => [s.range.start.line, s.range.end.line]), [[row + 1, row + 1]]);
    const paragraphs = article.children!.filter((s) => s.detail === 'paragraph');
    assert.equal(paragraphs[0]?.range.start.line, row + 3);
  });

  test('a selection of lines: "Not an article" is for those lines', async () => {
    const list = await actions({ line: 19, character: 0 }, { line: 22, character: 0 });
    const skipped = applied(list, 'Not an article');
    assert.ok(skipped.includes(`${ocrRows[18]}\n%% skip\n${ocrRows.slice(19, 22).join('\n')}\n\n${ocrRows[22]}\n`));
  });
});

describe('structure fixes', () => {
  let c: TestClient;
  before(async () => {
    c = await startClient({ pull: true });
  });
  after(() => c.stop());

  test('every quick fix on the sample has a real, translated title (no message keys)', async () => {
    for (const [locale, title] of [['en', /^Move the headline/], ['zh-cn', /^将标题移到/]] as const) {
      const cc = await startClient({ pull: true, locale });
      const u = nextUri();
      await cc.open(u, text);
      const diags = await cc.pull(u);
      const mis = diags.find((d) => d.code === 'misplaced-headline');
      assert.ok(mis, 'the sample has a misplaced headline');
      const list = (await cc.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: mis.range, context: { diagnostics: [mis] } })) as CodeAction[];
      assert.match(list[0].title, title);
      for (const d of diags) {
        const fixTitle = (d.data as { fix?: { title: string } } | undefined)?.fix?.title;
        if (fixTitle) assert.doesNotMatch(fixTitle, /^[a-z-]+\.[a-zA-Z]+$/, `${String(d.code)} fix title is a message key`);
      }
      await cc.stop();
    }
    assert.ok(c);
  });
});

describe('the outline of a big dump is bounded (newsprint.maxOutlineSymbols)', () => {
  let c: TestClient;
  const uri = nextUri();
  const big = Array(30).fill(text).join('\f');
  const pageStart = (k: number) => big.split('\f').slice(0, k).reduce((n, p) => n + p.split('\n').length - 1, 0); // a page starts after its form feed, on the row it is on
  before(async () => {
    c = await startClient({ pull: true, settings: { rules: {}, maxOutlineSymbols: 100 } });
    await c.open(uri, big);
  });
  after(() => c.stop());
  const symbols = () => c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;

  test('pages nearest the last edit get their articles while the budget lasts; the others are listed alone, and the first entry says so', async () => {
    let syms = await symbols();
    assert.match(syms[0].name, /^Outline: 12 of 180 articles, nearest the last edit\. Raise the setting "newsprint\.maxOutlineSymbols"/);
    const pages = syms.slice(1);
    assert.deepEqual(pages.map((p) => p.name), Array.from({ length: 30 }, (_, k) => `Page ${k + 1}`));
    assert.deepEqual(pages.map((p) => (p.children?.length ?? 0) > 0), pages.map((_, k) => k < 2));
    assert.equal(pages[29].range.start.line, pageStart(29));
    // An edit on page 20: the articles follow it.
    const line = pageStart(19) + 3;
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '字' }] });
    syms = (await symbols()).slice(1);
    const detailed = syms.flatMap((p, k) => ((p.children?.length ?? 0) > 0 ? [k + 1] : []));
    assert.ok(detailed.includes(20) && detailed.length === 2, detailed.join(','));
  });

  test('a page without form feeds is listed in parts, with the articles nearest the last edit within the budget', async () => {
    const one = nextUri();
    const glued = Array(100).fill(text).join('\n'); // ~350 k characters: parts of ~100 k
    await c.open(one, glued);
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: one } }); // analysed as opened
    const line = glued.split('\n').length - 5; // an edit near the end
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: one, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '字' }] });
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: one } })) as DocumentSymbol[];
    assert.match(syms[0].name, /^Outline: \d+ of \d+ articles/);
    const parts = syms.slice(1);
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    assert.deepEqual(parts.map((p) => p.name), parts.map((_, k) => `Page 1, part ${k + 1}`));
    // The parts tile the page: each starts on the line after the one before ends.
    for (let k = 1; k < parts.length; k++) assert.equal(parts[k].range.start.line, parts[k - 1].range.end.line + (parts[k - 1].range.end.character === 0 ? 0 : 1));
    const count = (ss: DocumentSymbol[]): number => ss.reduce((n, x) => n + 1 + count(x.children ?? []), 0);
    assert.ok(count(parts) <= 100 + parts.length);
    assert.ok((parts.at(-1)!.children?.length ?? 0) > 0, 'the part with the edit has its articles');
    assert.equal(parts[0].children?.length ?? 0, 0, 'the part farthest from it has none');
  });

  test('with room for all, no first entry and every page has its articles', async () => {
    c.settings = { rules: {}, maxOutlineSymbols: 100_000 };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const syms = await symbols();
    assert.equal(syms.length, 30);
    assert.ok(syms.every((p) => (p.children?.length ?? 0) > 0));
  });
});

describe('long requests let the editor cancel them', () => {
  let c: TestClient;
  const uri = nextUri();
  before(async () => {
    c = await startClient({ pull: true, settings: { rules: {}, maxOutlineSymbols: 1_000_000 } });
    await c.open(uri, Array(300).fill(text).join('\f'));
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }); // analysed, symbols made
  });
  after(() => c.stop());

  test('cancelled, the outline, folding and semantic tokens answer RequestCancelled', async () => {
    // Each request comes after the whole text was replaced (every page changed), so it starts by
    // analysing 300 pages: it is still running when the cancellation arrives. (On the analysis
    // made already, folding for 300 pages takes a millisecond or two, and a cancellation the client
    // sent a little late could come after the answer.)
    const texts = [Array(300).fill(`字${text}`).join('\f'), Array(300).fill(text).join('\f')];
    let version = 1;
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
      version++;
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: texts[version % 2] }] });
      const cts = new CancellationTokenSource();
      const request = c.conn.sendRequest(method, { textDocument: { uri } }, cts.token);
      cts.cancel();
      await assert.rejects(request, (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled, method);
    }
    // Not cancelled, the same request answers in full.
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(syms.length, 300);
  });
});
