import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { lineAt } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { analyzeArticles, analyzePage, articleTitle } from '../../server/src/core/articles/detect';
import { roleAt, type Article, type PageAnalysis } from '../../server/src/core/articles/model';
import { en, zhCn } from '../../server/src/core/messages';
import { documentSymbols, foldingRanges, hoverAt, semanticTokens } from '../../server/src/core/outline';
import type { PageDump } from '../../server/src/core/types';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import { exportArticles } from '../../server/src/core/export';
import { rewritePage } from '../../server/src/core/rewrite';
import { unclaimedText } from '../../server/src/core/rules/unclaimed-text';
import type { Finding } from '../../server/src/core/types';
import { fixAll } from '../../server/src/core/fix';
import { joinHeadline } from '../../server/src/core/paragraphs';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'pages', name), 'utf8');
const range = (a: number, b: number, step = 1) => Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, k) => a + k * step);
const text = (dump: PageDump, span: { start: number; end: number } | null) => (span ? dump.text.slice(span.start, span.end) : null);

function analyse(src: string): { dump: PageDump; pages: PageAnalysis[] } {
  const dump = parse(src);
  return { dump, pages: analyzeArticles(dump, en) };
}

function checkInvariants(dump: PageDump, pages: PageAnalysis[]) {
  for (const p of pages) {
    const page = dump.pages[p.page];
    assert.equal(p.roleCodes.length, page.lastLine - page.firstLine + 1);
    const claimed = new Set<number>();
    p.articles.forEach((a, n) => {
      assert.equal(a.id, `p${p.page + 1}-a${n + 1}`);
      assert.ok(a.confidence >= 0 && a.confidence <= 1, `confidence ${a.confidence}`);
      for (let k = 1; k < a.lines.length; k++) assert.ok(a.lines[k - 1] < a.lines[k], 'lines sorted and unique');
      for (const i of a.lines) {
        assert.ok(!lineAt(dump, i).blank && !lineAt(dump, i).annotation, `line ${i} is text`);
        assert.ok(!claimed.has(i), `line ${i} claimed twice`);
        claimed.add(i);
      }
      for (const i of [...a.kicker, ...a.headline, ...a.decks.flat(), ...a.byline, ...a.body, ...a.editorsNote, ...a.labels.flat()]) assert.ok(a.lines.includes(i), `${a.id} claims ${i}`);
    });
  }
}

// Line numbers below are 0-based (the sample's `cat -n` numbers minus one).
test('golden: the Chinese front page has six articles with the printed structure', () => {
  const { dump, pages } = analyse(readFileSync(SAMPLE, 'utf8'));
  checkInvariants(dump, pages);
  assert.equal(pages.length, 1);
  const p = pages[0];
  const arts = p.articles;
  assert.equal(arts.length, 6);
  const [a1, a2, a3, a4, a5, a6] = arts;
  const title = (a: Article) => articleTitle(dump, a);

  // 1. 跨境电商：外贸增长“新引擎”
  assert.equal(title(a1), '跨境电商：外贸增长“新引擎”');
  assert.deepEqual(a1.headline, [378]);
  assert.deepEqual(a1.kicker, [372]);
  assert.deepEqual(a1.decks, [[374, 375, 376]]);
  assert.deepEqual(a1.labels, [[78]]);
  assert.deepEqual(a1.editorsNote, range(0, 40, 2));
  assert.deepEqual(a1.byline, [42]);
  assert.deepEqual(a1.body, range(44, 76, 2));
  assert.equal(a1.continuation?.direction, 'to');
  assert.equal(a1.continuation?.target, '第二版');
  assert.equal(a1.continuation?.line, 82);
  assert.equal(a1.type, 'article');

  // 2. TIR 跨境运输, a sidebar whose doubled heading sits far from its body.
  assert.equal(title(a2), 'TIR 跨境运输');
  assert.deepEqual(a2.headline, [80]);
  assert.deepEqual(a2.body, range(336, 370, 2));
  assert.deepEqual(a2.byline, []);
  assert.equal(a2.type, 'sidebar');

  // 3. 市政府党组理论学习中心组举行集体学习研讨 (the lower of two stacked headlines)
  assert.equal(title(a3), '市政府党组理论学习中心组举行集体学习研讨');
  assert.deepEqual(a3.headline, [86, 87]);
  assert.deepEqual(a3.byline, [89]);
  assert.equal(text(dump, a3.dateline), '本报讯');
  assert.deepEqual(a3.body, range(91, 159, 2));

  // 4. 市政府党组会议召开 (the upper stacked headline belongs to the next body)
  assert.equal(title(a4), '市政府党组会议召开');
  assert.deepEqual(a4.headline, [84]);
  assert.deepEqual(a4.byline, [161]);
  assert.equal(text(dump, a4.dateline), '本报讯');
  assert.deepEqual(a4.body, range(163, 247, 2));
  assert.equal(a4.continuation, null);

  // 5. 中国—上合组织技术转移中心白俄罗斯协同中心启用 (headline emitted after the body)
  assert.equal(title(a5), '中国—上合组织技术转移中心白俄罗斯协同中心启用');
  assert.deepEqual(a5.headline, [333, 334]);
  assert.equal(text(dump, a5.dateline), '本报讯');
  assert.deepEqual(a5.body, range(249, 331, 2));
  assert.equal(text(dump, a5.signoff), '（本报通讯员）');
  assert.deepEqual(a5.byline, []);

  // 6. 聚焦群众所需 提升城市品质
  assert.equal(title(a6), '聚焦群众所需 提升城市品质');
  assert.deepEqual(a6.headline, [447, 448]);
  assert.deepEqual(a6.kicker, [444, 445]);
  assert.deepEqual(a6.byline, [382]);
  assert.deepEqual(a6.body, range(384, 440, 2));
  assert.equal(a6.continuation?.line, 442);
  assert.equal(a6.continuation?.direction, 'to');

  // The banner is a label of the page, claimed by no article.
  assert.equal(roleAt(p, 380), 'label');
  assert.ok(arts.every((a) => !a.lines.includes(380)));
  assert.equal(roleAt(p, 78), 'label');
  assert.equal(roleAt(p, 82), 'continuation');
  assert.equal(roleAt(p, 442), 'continuation');
  assert.equal(roleAt(p, 80), 'headline');
  assert.equal(roleAt(p, 372), 'kicker');
  assert.equal(roleAt(p, 374), 'deck');
  for (const i of [42, 89, 161, 382]) assert.equal(roleAt(p, i), 'byline');
  assert.ok(p.columnWidth >= 24 && p.columnWidth <= 32, `column width ${p.columnWidth}`);
  // Articles whose heading was placed by position alone are less certain than the others.
  for (const a of arts) assert.ok(a.confidence >= 0.5, `${a.id} ${a.confidence}`);
});

test('golden: misplaced-headline and orphan-label findings on the sample', () => {
  const { pages } = analyse(readFileSync(SAMPLE, 'utf8'));
  const rules = pages[0].findings.map((f) => f.rule);
  assert.ok(rules.includes('misplaced-headline'));
  assert.equal(rules.filter((r) => r === 'orphan-label').length, 1);
  // The banner (line 380), in no article, is reported: the export leaves it out.
  const lost = pages[0].findings.filter((f) => f.rule === 'unclaimed-text');
  assert.equal(lost.length, 1);
  assert.match(lost[0].message, /学习贯彻党的二十届三中全会精神/);
});

test('pathological input does not throw', () => {
  const inputs = [
    '',
    '\n\n\n',
    '\f\f',
    'x',
    '啊'.repeat(1 << 20),
    'a '.repeat(300000),
    Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(''),
    '%% headline\n',
    '□记者\n\n（完）\n\n（下转第二版）\n\n编者按\n',
    Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? '标题行' : '正文内容正文内容正文内容正文内容，')).join('\n'),
  ];
  for (const s of inputs) {
    const dump = parse(s);
    const pages = analyzeArticles(dump, en);
    checkInvariants(dump, pages);
    for (let k = 0; k < dump.pages.length; k++) analyzePage(dump, k, en);
  }
});

test('a page of tens of thousands of lines stays fast', () => {
  const para = '本报讯 日前，某地举行了一场活动，吸引了众多市民前来参加，\n现场气氛热烈，活动取得圆满成功，各方反响良好，\n表示今后还将继续举办。\n\n';
  const src = ('新闻标题示例\n\n□记者 张三 报道\n\n' + para.repeat(5)).repeat(2000);
  // One page, not cut in parts (softPages.ts): the per-page algorithms see all ~46,000 lines.
  const dump = parse(src, true, false);
  assert.equal(dump.pages.length, 1);
  const t0 = performance.now();
  const pages = analyzeArticles(dump, en);
  const ms = performance.now() - t0;
  assert.ok(pages[0].articles.length >= 2000);
  assert.ok(ms < 5000, `${ms} ms for ${src.length} chars`);
});


test('fixture: ordered Chinese page with furniture, a 新华社 dateline, a deck, a sign-off and a continuation tail', () => {
  const { dump, pages } = analyse(fixture('zh-ordered.txt'));
  checkInvariants(dump, pages);
  const p = pages[0];
  assert.deepEqual([0, 1, 28].map((i) => roleAt(p, i)), ['furniture', 'furniture', 'furniture']);
  assert.equal(roleAt(p, 26), 'caption');
  assert.equal(p.articles.length, 2);
  const [a, b] = p.articles;
  assert.equal(articleTitle(dump, a), '深化改革开放 推动高质量发展');
  assert.deepEqual(a.decks, [[4]]);
  assert.equal(text(dump, a.dateline), '新华社北京9月2日电（记者 王小明）');
  assert.deepEqual(a.body, range(6, 12));
  assert.equal(text(dump, a.signoff), '（完）');
  assert.equal(a.type, 'article');
  assert.equal(articleTitle(dump, b), '秋粮收获进度过半');
  assert.deepEqual(b.byline, [16]);
  assert.equal(text(dump, b.dateline), '本报讯');
  assert.deepEqual(b.body, range(18, 24));
  assert.deepEqual([b.continuation?.direction, b.continuation?.target, text(dump, b.continuation?.span ?? null)], ['to', '第3版', '（转第3版）']);
  assert.ok(!a.lines.includes(26) && !b.lines.includes(26), 'captions stay out of bodies');
  assert.equal(p.findings.filter((f) => f.rule === 'misplaced-headline').length, 0);
});

test('fixture: short English page (caps headlines, By-line, dateline, Continued on)', () => {
  const { dump, pages } = analyse(fixture('en-short.txt'));
  checkInvariants(dump, pages);
  const p = pages[0];
  assert.equal(roleAt(p, 0), 'furniture');
  assert.equal(p.articles.length, 2);
  const [a, b] = p.articles;
  assert.deepEqual(a.headline, [2, 3]);
  assert.deepEqual(a.decks, [[4]]);
  assert.deepEqual(a.byline, [5]);
  assert.equal(text(dump, a.dateline), 'CHICAGO, May 3.—');
  assert.deepEqual(a.body, range(7, 11));
  assert.equal(a.continuation?.direction, 'to');
  assert.deepEqual(b.headline, [14]);
  assert.deepEqual(b.body, [15, 16, 17]);
});

test('the English scan samples analyse without crashing', () => {
  for (const f of ['nytribune-1903-05-01-p1.txt', 'saltlaketribune-1911-09-17-p1.txt']) {
    const { dump, pages } = analyse(readFileSync(join(SAMPLES_DIR, 'en', f), 'utf8'));
    checkInvariants(dump, pages);
    assert.ok(pages[0].articles.length >= 1);
  }
});

test('misplaced-headline fix moves the heading to its article and the finding goes away', () => {
  const src = readFileSync(SAMPLE, 'utf8');
  const { dump, pages } = analyse(src);
  const f = pages[0].findings.find((x) => x.rule === 'misplaced-headline' && x.message.includes('白俄罗斯协同中心启用'));
  assert.ok(f?.fix);
  assert.equal(f.fix.title, 'Move the headline to the start of its article');
  let out = src;
  for (const e of [...f.fix.edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  assert.equal(out.length, src.length + 1); // one blank line more under it: the sample is double-spaced
  const again = analyse(out);
  const a = again.pages[0].articles.find((x) => articleTitle(again.dump, x) === '中国—上合组织技术转移中心白俄罗斯协同中心启用');
  assert.ok(a);
  assert.ok(a.headline[0] < a.body[0]);
  assert.ok(!again.pages[0].findings.some((x) => x.rule === 'misplaced-headline' && x.message.includes('白俄罗斯协同中心启用')));
  void dump;
});

test('misplaced-headline at another severity keeps its fix and related span (made on read)', () => {
  const src = readFileSync(SAMPLE, 'utf8');
  const made = analyze(src).findings.filter((f) => f.rule === 'misplaced-headline');
  const warned = analyze(src, { rules: { 'misplaced-headline': 'warning' } }).findings.filter((f) => f.rule === 'misplaced-headline');
  assert.ok(made.length > 0);
  assert.deepEqual(
    warned.map((f) => ({ ...JSON.parse(JSON.stringify(f)), severity: 'information' })),
    made.map((f) => JSON.parse(JSON.stringify(f))),
  );
  for (const f of warned) {
    assert.equal(f.severity, 'warning');
    assert.ok(f.fix && f.fix.edits.length >= 2);
    assert.equal(f.related?.length, 1);
  }
});

test('the articles of a page share their empty line lists (no array kept per empty list)', () => {
  const { pages } = analyse(readFileSync(SAMPLE, 'utf8'));
  const empties = new Set<readonly unknown[]>();
  let count = 0;
  for (const a of pages[0].articles)
    for (const list of [a.kicker, a.headline, a.decks, a.byline, a.labels, a.editorsNote, a.body, a.lines])
      if (list.length === 0) {
        empties.add(list);
        count++;
      }
  assert.ok(count > 10);
  assert.ok(empties.size <= 2, `${empties.size} distinct empty lists`); // one of line numbers, one of lists
});

test('outline providers on the sample', () => {
  const { dump, pages } = analyse(readFileSync(SAMPLE, 'utf8'));
  const syms = documentSymbols(dump, pages);
  assert.equal(syms.length, 1);
  assert.equal(syms[0].children.length, 6);
  assert.equal(syms[0].children[1].name, 'TIR 跨境运输');
  const kinds = syms[0].children[0].children.map((c) => c.kind);
  for (const k of ['kicker', 'headline', 'deck', 'label', 'note', 'byline', 'paragraph']) assert.ok(kinds.includes(k as never), k);
  assert.ok(syms[0].children[2].children.filter((c) => c.kind === 'paragraph').length >= 3);
  const folds = foldingRanges(dump, pages);
  assert.ok(folds.some((r) => r.startLine === 86 && r.endLine === 159));
  const h = hoverAt(dump, pages, lineAt(dump, 84).start + 1, zhCn);
  assert.ok(h && h.includes('市政府党组会议召开') && h.includes('置信度'));
  // Chinese rows use the full-width colon: "- 正文：18 行", not "- 正文: 18 行".
  assert.match(h, /^- 署名：□记者 解泉声 报道$/m);
  assert.match(h, /^- 正文：\d+ 行$/m);
  assert.doesNotMatch(h, /: /);
  assert.match(hoverAt(dump, pages, lineAt(dump, 84).start + 1, en)!, /^- Body: \d+ lines$/m);
  // A continuation reads 下转第二版, without a space.
  const cont = analyse('%% 主题\n标题\n\n%% continued-to 第二版\n正文。\n');
  const hc = hoverAt(cont.dump, cont.pages, 7, zhCn)!;
  assert.match(hc, /^- 转版：下转第二版$/m);
  assert.match(hoverAt(cont.dump, cont.pages, 7, en)!, /^- Continued: on 第二版$/m);
  assert.equal(hoverAt(dump, pages, lineAt(dump, 100).start, en), null);
  const toks = semanticTokens(dump, pages);
  assert.ok(toks.some((x) => x.role === 'dateline' && dump.text.slice(x.start, x.end) === '本报讯'));
  assert.ok(toks.some((x) => x.role === 'signoff' && dump.text.slice(x.start, x.end) === '（本报通讯员）'));
  for (let k = 1; k < toks.length; k++) assert.ok(toks[k - 1].end <= toks[k].start);
  // A marker at either end of a body line is coloured as one, the text beside it as body.
  const inline = parse('夏粮丰收\n\n（上接第一版）农技人员深入田间地头，指导农户科学储粮。\n粮食收购工作同步展开，价格保持稳定。（下转第三版）\n');
  const inlineToks = semanticTokens(inline, analyzeArticles(inline, en));
  const said = inlineToks.map((x) => [x.role, inline.text.slice(x.start, x.end)]);
  for (const marker of ['（上接第一版）', '（下转第三版）']) assert.ok(said.some(([r, t]) => r === 'continuation' && t === marker), JSON.stringify(said));
  assert.ok(said.some(([r, t]) => r === 'body' && t.startsWith('农技人员')), JSON.stringify(said));
});

test('a directive starting an article at a misplaced headline: the headline finds its body, not the end of the story above', () => {
  // TTIIRR 跨跨境境运运输输 sits among the headings at the top; its body is far below. The block right
  // below the heading group is the story above's continuation marker (下转第二版): given that, the
  // headline took over the first article, whose own kicker and headline went to the TIR body.
  const sample = readFileSync(SAMPLE, 'utf8');
  const titles = (src: string) => {
    const { dump, pages } = analyse(src);
    return pages[0].articles.map((a) => articleTitle(dump, a));
  };
  const plain = titles(sample);
  for (const directive of ['%% article', '%% attach-below']) {
    const annotated = sample.replace('TTIIRR 跨跨境境运运输输', `${directive}\nTTIIRR 跨跨境境运运输输`);
    assert.deepEqual(titles(annotated), plain, directive);
  }
});

test('a middle part (continued from a page and on to another) keeps both markers', () => {
  const BODY = ['农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力', '大幅提升，有效解决了晾晒难题。粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。'];
  const NEXT = ['市场监管局开展秋季食品安全检查', '', '本报讯 近日，市市场监管局组织执法人员对全市各大商超、农贸市场开展秋季食品安全专项检', '查，重点检查食品进货查验、索证索票、过期食品处置等情况，共检查经营主体一百二十余家。'];
  const cases: [string, string[], number, number][] = [
    ['markers on lines of their own', ['夏粮丰收', '', '（上接第一版）', '', ...BODY, '', '（下转第三版）'], 2, 7],
    ['at the head of the first body line and the tail of the last', ['夏粮丰收', '', `（上接第一版）${BODY[0]}`, `${BODY[1]}（下转第三版）`], 2, 3],
    ['both on one line', ['夏粮丰收', '', `（上接第一版）${BODY[0]}${BODY[1]}（下转第三版）`], 2, 2],
    // The next article's headline printed between the body and the marker that ends it.
    ['the continued-to marker after the next headline', ['夏粮丰收', '', '（上接第一版）', '', ...BODY, '', NEXT[0], '', '（下转第三版）', '', ...NEXT.slice(2)], 2, 9],
  ];
  for (const [name, lines, fromLine, toLine] of cases) {
    const { dump, pages } = analyse(lines.join('\n'));
    checkInvariants(dump, pages);
    const [a, ...rest] = pages[0].articles;
    const c = (x: Article['continuation'] | undefined) => x && [x.direction, x.target, x.line];
    assert.deepEqual([c(a.continuation), c(a.continuedTo)], [['from', '第一版', fromLine], ['to', '第三版', toLine]], name);
    assert.ok(a.lines.includes(toLine), name);
    assert.ok(rest.every((b) => !b.continuation && !b.continuedTo), name);
    const h = hoverAt(dump, pages, lineAt(dump, 0).start, en);
    assert.ok(h && h.includes('from 第一版') && h.includes('on 第三版'), h ?? name);
  }
  // A part with one marker has no continuedTo (not even an undefined one: the field is absent).
  const { pages } = analyse(['夏粮丰收', '', '（上接第一版）', '', ...BODY].join('\n'));
  assert.ok(!('continuedTo' in pages[0].articles[0]));
  // Continued to a page first: a continued-from marker after it is not taken (no such part).
  const back = analyse(['夏粮丰收', '', BODY[0], `${BODY[1]}（下转第三版）`, '（上接第一版）'].join('\n')).pages[0].articles;
  assert.deepEqual(back.map((a) => [a.continuation?.direction, a.continuedTo]), [['to', undefined], ['from', undefined]]);
});

test('a part with two markers of one direction keeps the second as a further marker (moreContinuations), as the part without it reads', () => {
  // Rare layouts: a part naming two jump pages, or continued from two. The first marker in reading
  // order (a continued-from marker opening a line: the head's) is the part's `continuation`, as
  // before; the other, once left as body text (or taken instead of the first), is kept apart.
  const B = [
    '农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力',
    '大幅提升，有效解决了晾晒难题。粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。',
    '下一步，全市将继续做好秋粮生产各项工作，为全年粮食丰收打下坚实基础。各级农业部门要压实责任，',
    '确保各项措施落到实处。',
  ];
  type M = [string, string, number];
  // name, lines, the second marker (the part reads as without it), [continuation, continuedTo, more]
  const cases: [string, string[], string, [M, M | undefined, M[]]][] = [
    ['two continued-to markers ending two lines', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], '（转第三版）', [['to', '第二版', 3], undefined, [['to', '第三版', 5]]]],
    ['two continued-to markers ending two paragraphs', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, '', B[2], `${B[3]}（转第三版）`], '（转第三版）', [['to', '第二版', 3], undefined, [['to', '第三版', 6]]]],
    ['the second continued-to marker on a line of its own', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, '', '（转第三版）'], '（转第三版）', [['to', '第二版', 3], undefined, [['to', '第三版', 5]]]],
    ['two continued-to markers at the end of one line', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）（转第三版）`], '（转第三版）', [['to', '第二版', 3], undefined, [['to', '第三版', 3]]]],
    ['two continued-to markers at the end of one line, a space between', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版） （转第三版）`], ' （转第三版）', [['to', '第二版', 3], undefined, [['to', '第三版', 3]]]],
    ['a line of two continued-to markers after the body', ['夏粮丰收', '', B[0], B[1], '', '（下转第二版）（转第三版）'], '（转第三版）', [['to', '第二版', 5], undefined, [['to', '第三版', 5]]]],
    ['a middle part with two continued-to markers', ['夏粮丰收', '', `（上接第一版）${B[0]}`, `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], '（转第三版）', [['from', '第一版', 2], ['to', '第二版', 3], [['to', '第三版', 5]]]],
    ['a middle part in one line, two continued-to markers at its end', ['夏粮丰收', '', `（上接第一版）${B[0]}${B[1]}（下转第二版）（转第三版）`], '（转第三版）', [['from', '第一版', 2], ['to', '第二版', 2], [['to', '第三版', 2]]]],
    ['continued-from markers at both ends of the first body line', ['夏粮丰收', '', `（上接第一版）${B[0]}（上接第二版）`, B[1]], '（上接第二版）', [['from', '第一版', 2], undefined, [['from', '第二版', 2]]]],
    ['continued-from markers at both ends of a one-line part', ['夏粮丰收', '', `（上接第一版）${B[1]}（上接第二版）`], '（上接第二版）', [['from', '第一版', 2], undefined, [['from', '第二版', 2]]]],
    // The head's opens a part there, as a continued-from marker heading a line does.
    ['continued-from markers at both ends of a later line', ['夏粮丰收', '', B[0], B[1], `（上接第一版）${B[3]}（上接第二版）`], '（上接第二版）', [['from', '第一版', 4], undefined, [['from', '第二版', 4]]]],
    ['a line of two continued-from markers', ['夏粮丰收', '', '（上接第一版）（上接第二版）', '', B[0], B[1]], '（上接第二版）', [['from', '第一版', 2], undefined, [['from', '第二版', 2]]]],
  ];
  const c = (x: Article['continuation'] | undefined): M | undefined => (x ? [x.direction, x.target, x.line] : undefined);
  const shape = (a: Article) => ({ id: a.id, headline: a.headline, body: a.body, continuation: c(a.continuation), continuedTo: c(a.continuedTo) });
  for (const [name, lines, second, [cont, to, more]] of cases) {
    const { dump, pages } = analyse(lines.join('\n'));
    checkInvariants(dump, pages);
    const arts = pages[0].articles;
    const a = arts.find((x) => x.continuation)!;
    assert.deepEqual([c(a.continuation), c(a.continuedTo), a.moreContinuations?.map((x) => c(x))], [cont, to, more], name);
    assert.deepEqual(more.map(([, , line]) => a.lines.includes(line)), more.map(() => true), name);
    assert.ok(arts.every((b) => b === a || (!b.continuation && !b.moreContinuations)), name);
    // What the part reads as without its second marker.
    const without = analyse(lines.map((l) => l.replace(second, '')).join('\n')).pages[0].articles;
    assert.deepEqual(arts.map(shape), without.map(shape), name);
    assert.ok(without.every((b) => !('moreContinuations' in b)), name);
    // Hover names every target; the markers inside body lines are coloured as markers.
    const h = a.headline.length ? (hoverAt(dump, pages, lineAt(dump, a.headline[0]).start, en) ?? '') : null;
    for (const [, target] of more) assert.ok(h === null || h.includes(target), `${name}: ${h}`);
    const said = semanticTokens(dump, pages).map((x) => [x.role, dump.text.slice(x.start, x.end)]);
    for (const x of [a.continuation!, ...(a.continuedTo ? [a.continuedTo] : []), ...a.moreContinuations!]) {
      const marker = dump.text.slice(x.span.start, x.span.end);
      assert.match(marker, /^（.*）$/, name);
      assert.ok(said.some(([r, t]) => r === 'continuation' && t.includes(marker)), `${name}: ${JSON.stringify(said)}`);
    }
  }
});

// ---- the printed structure of short Chinese pages: nothing lost ----
const exported = (src: string) => exportArticles(src, { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
const K1 = '坚持以人民为中心\n我县全力推进和美乡村建设\n□记者 张三 报道\n本报讯 今年以来，我县坚持把和美\n乡村建设作为推进乡村振兴的重要\n抓手，统筹推进村庄规划建设。\n';
const spacedOut = (s: string) => s.replace(/\n/g, '\n\n');

test('a kicker above its headline (引题 + 主题) is the kicker, on ordinary and blank-line pages', () => {
  for (const [name, src] of [
    ['ordinary', K1],
    ['blank lines', spacedOut(K1)],
    ['couplet kicker', K1.replace('坚持以人民为中心', '聚焦乡村振兴 绘就美好画卷')],
    ['couplet kicker, blank lines', spacedOut(K1.replace('坚持以人民为中心', '聚焦乡村振兴 绘就美好画卷'))],
  ]) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, name);
    assert.equal(arts[0].headline, '我县全力推进和美乡村建设', name);
    assert.match(arts[0].kicker ?? '', /^(?:坚持以人民为中心|聚焦乡村振兴 绘就美好画卷)$/, name);
  }
});

// r2's B5 / A4 pages: a headline near the column width over a short deck, with or without a kicker above.
const HEAD_DECK = '政府工作报告提出今年发展主要预期目标\n国内生产总值增长5%左右\n';
const DS_STORY = '新华社北京3月5日电（记者 赵六 孙七）第\n十四届全国人民代表大会第三次会议5日上午\n在人民大会堂开幕。国务院总理在政府工作报\n告中提出今年发展主要预期目标。（完）\n';

test('a headline near the column width over its deck on a double-spaced page is headline and deck, not a headless sidebar over a headless story', () => {
  for (const [name, src, kicker] of [
    ['double-spaced', spacedOut(HEAD_DECK + DS_STORY), null],
    ['double-spaced, a kicker above', spacedOut('聚焦全国两会\n' + HEAD_DECK + DS_STORY), '聚焦全国两会'],
    ['headings double-spaced, body not', spacedOut('聚焦全国两会\n' + HEAD_DECK) + DS_STORY, '聚焦全国两会'],
    ['本报讯 story, 、 in the deck', spacedOut('深化改革开放\n我市出台支持民营经济发展二十条措施\n涵盖融资、用地、人才等六个方面\n') + '本报讯 3月5日，我市出台支持民营经济发展的\n二十条措施，涵盖融资、用地、人才等六个方\n面，进一步优化营商环境。（记者 张三）\n', '深化改革开放'],
  ] as const) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, name);
    assert.equal(arts[0].type, 'article', name);
    assert.match(arts[0].headline, /^(?:政府工作报告提出今年发展主要预期目标|我市出台支持民营经济发展二十条措施)$/, name);
    assert.equal(arts[0].subheadlines.length, 1, name);
    assert.equal(arts[0].kicker, kicker, name);
  }
  // A paragraph's two lines (the last ends a sentence) stay one paragraph.
  const para = exported(spacedOut('本报讯 3月5日，我市召开春季农业生产工作\n' + HEAD_DECK.replace('左右', '左右。') + '会议总结去年农业农村工作。\n')).articles;
  assert.equal(para.length, 1);
  assert.equal(para[0].headline, '');
});

test('a kicker over a headline and deck, each one line (a three-line stack), keeps all three', () => {
  const story = '本报记者 张三\n本报青川3月5日电 3月5日，市委常委会召开会\n议，传达学习全国两会精神，研究部署当前重点\n工作。市委书记陈志强主持会议。\n';
  for (const [name, src, kicker, headline, deck] of [
    ['deck longer than the headline', spacedOut('坚持人民至上 办好民生实事\n市委常委会召开会议\n研究部署当前重点工作\n') + story, '坚持人民至上 办好民生实事', '市委常委会召开会议', '研究部署当前重点工作'],
    ['headline wider than the column', spacedOut('聚焦全国两会\n政府工作报告提出今年经济社会发展主要预期目标和重点任务\n国内生产总值增长5%左右\n') + DS_STORY, '聚焦全国两会', '政府工作报告提出今年经济社会发展主要预期目标和重点任务', '国内生产总值增长5%左右'],
  ] as const) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, name);
    assert.equal(arts[0].kicker, kicker, name);
    assert.equal(arts[0].headline, headline, name);
    assert.deepEqual(arts[0].subheadlines, [deck], name);
  }
});

test('a Chinese byline printed after the story\'s last paragraph, before the next headline or the page end, is that story\'s (not a notice of its own)', () => {
  const s1 = '我市召开春季农业生产工作会议\n\n3月5日，我市召开春季农业生产工作会议，总\n结去年农业农村工作，安排部署今年春耕生\n产。副市长刘建国出席会议并讲话。\n\n本报记者 张三\n\n';
  const s2 = '全民阅读活动月正式启动\n\n3月5日，我市2025年全民阅读活动月在市图书\n馆正式启动。活动持续到4月底，将举办读书\n分享会、图书漂流等活动60余场。\n';
  for (const [name, src, bylines] of [
    ['at the page end', s2 + '\n本报记者 王五\n', ['本报记者 王五']],
    ['at the page end, no blank line', s2 + '本报记者 王五\n', ['本报记者 王五']],
    ['%% 署名 on it', s2 + '\n%% 署名\n本报记者 王五\n', ['本报记者 王五']],
    ['□ byline, a 本报讯 story', s2.replace('3月5日，', '本报讯 3月5日，') + '\n□记者 王五 报道\n', ['□记者 王五 报道']],
    ['before the next headline (its byline over its text)', s1 + s2.replace('\n\n', '\n\n本报记者 王五\n\n'), ['本报记者 张三', '本报记者 王五']],
    ['every byline after its story', s1 + s2 + '\n本报记者 王五\n', ['本报记者 张三', '本报记者 王五']],
  ] as const) {
    const arts = exported(src).articles;
    assert.equal(arts.length, bylines.length, name);
    arts.forEach((a, k) => {
      assert.equal(a.type, 'article', name);
      assert.equal(a.byline?.raw, bylines[k], name);
      assert.notEqual(a.headline, '', name);
    });
  }
  // A dateline naming its reporters has the byline: a byline after that story stays apart.
  const wire = exported(s2.replace('3月5日，', '新华社北京3月5日电（记者 赵六）') + '\n本报记者 王五\n').articles;
  assert.deepEqual(wire.map((a) => a.byline?.raw), ['（记者 赵六）', '本报记者 王五']);
  // A byline over text starts that story, as before.
  const over = exported(s1.replace('\n\n本报记者 张三\n\n', '\n\n') + '本报记者 王五\n\n' + s2.slice(s2.indexOf('3月5日'))).articles;
  assert.equal(over.length, 2);
  assert.equal(over[0].byline, null);
  assert.equal(over[1].byline?.raw, '本报记者 王五');
});

test('a two-line headline that wraps (the first line the longer) stays one headline', () => {
  const src = '秋粮收购工作会议\n在县城召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，安排部署今年秋粮收购\n工作，副县长李四出席会议并讲话。\n';
  const arts = exported(src).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].headline, '秋粮收购工作会议在县城召开');
  assert.equal(arts[0].kicker, null);
});

test('a headline line holding two phrases apart by a space is a heading line of its own: it keeps a space from the line above (review s23 r1 #12)', () => {
  const body = '\n本报记者 钱多多\n\n本报上海3月5日电  今日A股三大指数\n集体收涨，沪指涨1.1%报3341.96点，\n深证成指涨1.5%，创业板指涨2.2%。\n';
  const arts = exported(`财经\n\nA股三大指数集体收涨\n白酒板块领涨 贵州茅台涨逾3%\n${body}`).articles;
  assert.equal(arts.length, 1);
  assert.equal([arts[0].headline, ...arts[0].subheadlines].join(' '), 'A股三大指数集体收涨 白酒板块领涨 贵州茅台涨逾3%');
  // [lines, headline]: a wrapped headline joins as before, the second line longer or not.
  for (const [lines, want] of [
    [['市政府党组理论学习', '中心组举行集体学习研讨'], '市政府党组理论学习中心组举行集体学习研讨'],
    [['秋粮收购工作会议', '在县城召开'], '秋粮收购工作会议在县城召开'],
    [['A股三大指数集体收涨', '白酒板块领涨 贵州茅台涨逾3%'], 'A股三大指数集体收涨 白酒板块领涨 贵州茅台涨逾3%'],
    [['全市一季度工业企业', '提供面积超过 2000 平方米'], '全市一季度工业企业提供面积超过 2000 平方米'], // spaces around a number are no phrase gap
    [['聚焦群众所需', '提升城市品质'], '聚焦群众所需 提升城市品质'],
  ] as const) assert.equal(joinHeadline(lines), want, lines.join(' / '));
});

test('a plain-name sign-off (（李明）, （李明 王芳）) is the story\'s sign-off, on its own line or after the last sentence', () => {
  const story = '秋收正当时\n庭院经济虽小，却连着农民的钱袋\n子。各地要因地制宜，让更多农民\n在家门口增收致富。\n';
  for (const so of ['（李明）', '（李明 王芳）']) {
    const arts = exported(story + so + '\n').articles;
    assert.equal(arts.length, 1, so);
    assert.equal(arts[0].signoff, so);
    assert.ok(!arts[0].paragraphs.join('').includes(so), so);
  }
  const inline = exported(story.replace('增收致富。', '增收致富。（赵六）')).articles;
  assert.equal(inline[0].signoff, '（赵六）');
  assert.equal(inline[0].paragraphs.at(-1)?.endsWith('增收致富。'), true);
});

/** Content lines of the text in no article, no finding's range, and not furniture, a caption or skipped: lost unseen. */
function lostUnseen(src: string): string[] {
  const dump = parse(src);
  const pages = analyzeArticles(dump, en);
  const lost: string[] = [];
  for (const p of pages) {
    const page = dump.pages[p.page];
    const claimed = new Set(p.articles.flatMap((a) => a.lines));
    for (let i = page.firstLine; i <= page.lastLine; i++) {
      const l = lineAt(dump, i);
      if (l.blank || l.annotation || claimed.has(i)) continue;
      const role = roleAt(p, i - page.firstLine);
      if (role === 'furniture' || role === 'caption' || role === 'unknown') continue;
      if (p.findings.some((f) => f.start <= l.start && l.end <= f.end)) continue;
      lost.push(l.text);
    }
  }
  return lost;
}

test('unclaimed-text: a heading line over nothing is reported (en and zh-CN), and in the export diagnostics', () => {
  const src = '□记者 张三 报道\n\n本报讯 今年以来，我县坚持把和美乡村建设作为推进乡村振兴的重要抓手。\n\n不忘初心 牢记使命\n';
  const { dump, pages } = analyse(src);
  const f = pages[0].findings.filter((x) => x.rule === 'unclaimed-text');
  assert.equal(f.length, 1);
  assert.equal(dump.text.slice(f[0].start, f[0].end), '不忘初心 牢记使命');
  assert.match(f[0].message, /不忘初心 牢记使命.*no article/);
  assert.match(analyzeArticles(dump, zhCn)[0].findings.find((x) => x.rule === 'unclaimed-text')?.message ?? '', /不属于任何稿件/);
  assert.equal(exported(src).diagnostics['unclaimed-text'], 1);
  assert.deepEqual(lostUnseen(src), []);
});

test('nothing is lost unseen on short pages: kickers, sign-offs, continued parts, wrapped markers, credits', () => {
  const story = '秋收正当时\n庭院经济虽小，却连着农民的钱袋\n子。各地要因地制宜，让更多农民\n在家门口增收致富。\n';
  const M3 = '秋粮收购\n\n（上接第一版）粮食收购政策，坚决\n\n守住农民种粮卖得出的底线。要加\n\n（下转第三版）\n';
  const W1 = '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，副县长李四出席会议并\n讲话，要求守住底线。（下转第\n二版）\n';
  const W2 = '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，副县长李四出席会议并\n讲话，要求促进经济发展（\n下转第二版）\n';
  const E3 = 'RUSSIA IN TO STAY.\nPersonal Notes From London.\nSpecial to The New-York Tribune.\nLONDON, May 1.—The discussion in\nParliament yesterday afternoon failed\nto throw any light on the Manchuria\nquestion.\n';
  for (const src of [K1, spacedOut(K1), story + '（李明）\n', story + '（李明 王芳）\n', M3, W1, W2, E3]) assert.deepEqual(lostUnseen(src), [], src);
  // The continued part keeps both its lines, in one article.
  const m = exported(M3).articles;
  assert.equal(m.length, 1);
  assert.equal(m[0].paragraphs.join(''), '粮食收购政策，坚决守住农民种粮卖得出的底线。要加');
  // A correspondent's credit is the byline, naming no person; the dateline stays with the story.
  const e = exported(E3).articles;
  assert.equal(e.length, 1);
  assert.deepEqual(e[0].byline, { raw: 'Special to The New-York Tribune.', role: null, persons: [] });
  assert.equal(e[0].headline, 'RUSSIA IN TO STAY.');
});

test('English page edges: a line that ends the sentence above, a headline or a credit holding a paper\'s name is not furniture', () => {
  const L6 = 'MAIL ROBBERY FOILED\nClerks Beat Off Three Armed Men at Depot.\nCHICAGO, May 3.—Three armed men who tried to\nrob the mail car of the Limited at the depot\nlast night were beaten off by the clerks, and\none of them was caught by the police after a\nchase of six blocks. The mail was taken on to\nthe city in safety, as the clerks told The\nEvening News.\n';
  const L8 = 'GOOD NEWS FOR FARMERS\nWheat Prices Rise Sharply on Chicago Board.\nCHICAGO, May 3.—Wheat rose four cents on the\nBoard of Trade to-day, the sharpest gain in a\nsingle session since the war, and traders say\nthe advance will hold through the summer.\n';
  const LW = 'TRACKMEN ON THE\nLACKAWANNA GO OUT\nBy Leased Wire to The Tribune.\nSCRANTON, Pa., Sept. 16.—The strike order\nto the Delaware, Lackawanna & Western\nrailroad trackmen was issued to-night and\nwent into effect at 6 o\'clock. The order\nwas signed by A. B. Lowe of Chicago.\n';
  // Headlines shaped like a paper's name or a day's date line: a pronoun, no number (review).
  const LP = L8.replace('GOOD NEWS FOR FARMERS', 'SENATOR QUITS HIS POST');
  const LS = L8.replace('GOOD NEWS FOR FARMERS', 'SUNDAY SCHOOL PICNIC');
  // A day's date line spelled out is furniture, not the headline's first line.
  const spelled = exported('WASHINGTON TIMES\nSUNDAY MORNING, SEPTEMBER SEVENTEENTH\n' + L8).articles;
  assert.equal(spelled[0].headline, 'GOOD NEWS FOR FARMERS');
  for (const src of [L6, L8, LW, LP, LS]) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, src);
    assert.deepEqual(lostUnseen(src), [], src);
    assert.deepEqual(arts[0].lines, [[0, src.trimEnd().split('\n').length - 1]], src);
  }
  assert.equal(exported(L6).articles[0].paragraphs[0].endsWith('as the clerks told The Evening News.'), true);
  assert.equal(exported(L8).articles[0].headline, 'GOOD NEWS FOR FARMERS');
  // A paper's name in capitals under a page's last line is its furniture, the sentence cut or not.
  const { pages } = analyse(L8 + 'THE CHICAGO TRIBUNE.\n');
  assert.equal(roleAt(pages[0], 6), 'furniture');
  // A masthead's volume and number is furniture, no headless article.
  const mast = exported('VOL. LXIII....No. 20,620.\n' + L8).articles;
  assert.equal(mast.length, 1);
  assert.equal(mast[0].headline, 'GOOD NEWS FOR FARMERS');
});

test('a number alone on a line inside a sentence is text of its paragraph, not a page number or a headline; at the page\'s edge a folio stays furniture (review s23 r1 #2, #10 m16)', () => {
  const score = '泰山队主场取胜\n\n本报记者 赵欢欢\n\n本报济南3月2日电 在昨晚进行的中超联赛第二轮\n比赛中，山东泰山队主场以\n3\n比2战胜上海海港队，取得两连胜。赛后，主教练\n表示，队员们表现得很好，还要好好总结。\n';
  const prose = '比赛结果\n\n本报讯 昨晚的比赛中，主队以\n3\n2 战胜客队，比分定格在这里。\n';
  const figures = '数读一季度经济\n\n本报讯 一季度，全市规模以上工业企业\n达到\n1100\n家，同比增加120家，实现产值\n2200\n亿元，同比增长6.6%。\n';
  // A page with a column to join by: the score reads in its sentence.
  const column = '泰山队主场取胜\n\n本报记者 赵欢欢\n\n本报济南3月2日电 在昨晚进行的中超联赛第二轮比赛\n中，山东泰山队在主场迎战上海海港队。比赛开始后，\n双方展开激烈争夺，上半场互有攻守。最终泰山队主场以\n3\n比2战胜上海海港队，取得两连胜。赛后，主教练表示，\n队员们表现得很好，还要好好总结，争取下一场比赛取\n得更好的成绩。\n';
  for (const src of [score, prose, figures, column]) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, src);
    assert.deepEqual(lostUnseen(src), [], src);
    // Every line of the page but the blank ones is the article's: the number too.
    const { dump, pages } = analyse(src);
    for (let i = 0; i <= dump.pages[0].lastLine; i++) if (!lineAt(dump, i).blank) assert.notEqual(roleAt(pages[0], i), 'furniture', `${src}: line ${i}`);
    const digits = (t: string) => [...t.replace(/[^0-9]/g, '')].sort().join('');
    assert.equal(digits(arts[0].paragraphs.join('') + arts[0].headline + (arts[0].dateline ?? '')), digits(src), src);
  }
  // With a column to join by, and on a page too short to show one (joined by sentences).
  for (const src of [column, score]) {
    assert.ok(exported(src).articles[0].paragraphs.some((p) => p.includes('主场以3比2战胜上海海港队')), src);
    assert.ok(fixAll(src).text.includes('主场以3比2战胜上海海港队'), `Fix All joins the score into its sentence, in its place: ${src}`);
  }
  assert.deepEqual(exported(prose).articles[0].paragraphs, ['昨晚的比赛中，主队以3 2战胜客队，比分定格在这里。']);
  // Page numbers at the page's top or bottom stay furniture.
  const story = '秋收正当时\n本报讯 庭院经济虽小，却连着农民的钱袋\n子。各地要因地制宜，让更多农民\n在家门口增收致富。\n';
  for (const [src, line] of [
    [`3\n${story}`, 0],
    [`${story}3\n`, 4],
    [`人民日报\n3\n要闻\n${story}`, 1],
    [`${story.replace('增收致富。', '增收致富，')}3\n`, 4],
  ] as const) assert.equal(roleAt(analyse(src).pages[0], line), 'furniture', src);
});

test('English wire credits and copyright lines under a deck are the story\'s byline; a two-line Title Case deck stays the headline\'s', () => {
  const CRED = 'DEDICATION A SUCCESS.\nThe Parade and the Exercises in the\nLiberal Arts Building.\n[BY TELEGRAPH TO THE TRIBUNE.]\n(Copyright: 1903: By The Tribune Association.)\nHavana, April 30.—The law students of the\nUniversity of Havana became riotous to-day\nbecause the date of the examinations was\nchanged from September to June. The students\nrefused several days ago to attend classes.\n';
  const c = exported(CRED).articles;
  assert.equal(c.length, 1);
  assert.equal(c[0].headline, 'DEDICATION A SUCCESS.');
  assert.deepEqual(c[0].subheadlines, ['The Parade and the Exercises in the Liberal Arts Building.']);
  assert.deepEqual(c[0].byline, { raw: '[BY TELEGRAPH TO THE TRIBUNE.] (Copyright: 1903: By The Tribune Association.)', role: null, persons: [] });
  assert.equal(c[0].dateline, 'Havana, April 30.—');
  assert.equal(c[0].paragraphs[0].startsWith('The law students'), true);
  assert.deepEqual(lostUnseen(CRED), []);
  for (const credit of ['(Special to The Tribune.)', 'By Leased Wire to The Tribune.', 'By Leased Wire to The Tribune,']) {
    const src = CRED.replace('[BY TELEGRAPH TO THE TRIBUNE.]\n(Copyright: 1903: By The Tribune Association.)', credit);
    const a = exported(src).articles;
    assert.equal(a.length, 1, credit);
    assert.deepEqual(a[0].byline, { raw: credit, role: null, persons: [] }, credit);
  }
  // A person's byline keeps its person; a copyright line after it is in raw only.
  const by = exported(CRED.replace('[BY TELEGRAPH TO THE TRIBUNE.]', 'By John Smith.')).articles;
  assert.deepEqual(by[0].byline?.persons, ['John Smith']);
  const DECK = 'PRESIDENT\'S SPEECH.\nHow the Policy of Expansion Has\nBuilt Up a Great Nation.\nSt. Louis, April 30.—The dedicatory address\ndelivered by President Roosevelt follows:\nMr. President, Ladies and Gentlemen: At\nthe outset of my address let me recall to\nthe minds of my hearers that the soil upon\nwhich we stand, before it was ours, was the\npossession of two mighty empires.\n';
  const d = exported(DECK).articles;
  assert.equal(d.length, 1);
  assert.equal(d[0].headline, 'PRESIDENT\'S SPEECH.');
  assert.deepEqual(d[0].subheadlines, ['How the Policy of Expansion Has Built Up a Great Nation.']);
  assert.equal(analyse(DECK).pages[0].findings.filter((f) => f.rule === 'misplaced-headline').length, 0);
});

test('a one-line mixed-case brief headline ending in a full stop over a byline heads the next story, not the last paragraph above', () => {
  const first = 'GENERAL STRIKE OF\nTIMBER WORKERS\nBy Associated Press.\nBEAUMONT, Tex., Sept. 16.—A general strike\nof timber workers in Texas and Louisiana\nthreatens a serious situation in the lumber\nindustry in this section.\n';
  const second = 'By Associated Press.\nWASHINGTON, Sept. 16.—Representative Charles\nD. Carter of Oklahoma was named defendant in\na damage suit filed here to-day by a salesman.\n';
  const arts = exported(first + 'Sues for $10,000.\n' + second).articles;
  assert.equal(arts.length, 2);
  assert.equal(arts[0].paragraphs.at(-1)?.endsWith('industry in this section.'), true);
  assert.equal(arts[1].headline, 'Sues for $10,000.');
  // A last one-line paragraph that reads as a sentence stays the story's.
  const para = exported(first + 'The meeting adjourned.\n' + second).articles;
  assert.equal(para[0].paragraphs.at(-1)?.endsWith('The meeting adjourned.'), true);
  assert.equal(para[1].headline, '');
});

test('unclaimed-text quotes the text as the glyph fixes leave it: names spaced on purpose keep their spaces', () => {
  const quote = (line: string) => {
    const out: Finding[] = [];
    unclaimedText(parse(`${line}\n`), [[0]], zhCn, out);
    return /“(.*)”不属于/.exec(out[0].message)?.[1];
  };
  // Was 责任编辑王丽校对李明, 王丽摄, （记者王丽通讯员李明）: the names run together.
  assert.equal(quote('责任编辑 王 丽  校对 李 明'), '责任编辑 王 丽  校对 李 明');
  assert.equal(quote('王 丽 摄'), '王 丽 摄');
  assert.equal(quote('（记者 王 丽 通讯员 李 明）'), '（记者 王 丽 通讯员 李 明）');
  // A letter-spaced line is quoted fixed, as before.
  assert.equal(quote('不 忘 初 心 牢 记 使 命'), '不忘初心牢记使命');
});

test('credits under a story stay out of it, without a finding: a photo credit after its source, an editor credit without a colon', () => {
  const story = '跨境电商成为外贸新引擎\n\n本报记者 王 丽 李 明\n\n本报讯 今年前两个月，我市跨境电商\n贸易额同比增长76%，一个个项目\n落地见效，企业干得扎扎实实。\n\n';
  const lead = '今年前两个月，我市跨境电商贸易额同比增长76%，一个个项目落地见效，企业干得扎扎实实。';
  for (const credits of ['新华社发（王 丽 摄）\n\n责任编辑 王 丽  校对 李 明\n', '责任编辑 王 丽  校对 李 明\n', '王 丽 摄\n\n责任编辑 王 丽\n']) {
    const doc = exported(story + credits);
    // Were joined into one last paragraph (新华社发（王 丽 摄）责任编辑 王 丽  校对 李 明), or unclaimed-text.
    assert.deepEqual(doc.articles.map((a) => a.paragraphs), [[lead]], credits);
    assert.deepEqual(doc.diagnostics, {}, credits);
  }
});

test('a reporter\'s credit in brackets on a line of its own under the headline is the byline; under the text, the sign-off', () => {
  const head = '跨境电商成为外贸新引擎\n\n';
  const text = '本报讯 今年前两个月，我市跨境电商\n贸易额同比增长76%，一个个项目\n落地见效，企业干得扎扎实实。\n';
  for (const credit of ['（记者 王 丽 通讯员 李 明）', '（记者 王丽 通讯员 李明）']) {
    const src = `${head}${credit}\n\n${text}`;
    const { pages } = analyse(src);
    // Was unclaimed-text (the export left it out) and the headline flagged misplaced-headline.
    assert.deepEqual(pages[0].findings.filter((f) => f.rule === 'unclaimed-text' || f.rule === 'misplaced-headline'), [], credit);
    assert.equal(roleAt(pages[0], 2), 'byline', credit);
    const a = exported(src).articles;
    assert.equal(a.length, 1);
    assert.deepEqual([a[0].headline, a[0].byline?.raw, a[0].byline?.persons, a[0].signoff], ['跨境电商成为外贸新引擎', credit, ['王丽', '李明'], null], credit);
    assert.deepEqual(lostUnseen(src), [], credit);
  }
  // Under the story's text it signs the story off, as before.
  const end = exported(`${head}□记者 张三 报道\n\n${text}（记者 王丽）\n`).articles;
  assert.deepEqual([end.length, end[0].signoff, end[0].byline?.persons], [1, '（记者 王丽）', ['张三']]);
});

test('unclaimed-text suggests the annotation the text needs: %% kicker over a headline, %% caption for a caption, %% skip for an ad, else %% label or %% body (en and zh-CN)', () => {
  // Pages of their own (form feeds), each reported apart.
  const src = [
    ['坚持人民至上 办好民生实事', '', '%% article', '市委常委会召开会议', '', '本报讯 3月5日，市委常委会召开会议，传达学习全国两会精神。'],
    ['全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动，活动持续到4月底。', '', '本报记者 王丽 摄）', '', '青川驾校火热招生', '', '报名热线：0839-7654321'],
    ['□记者 张三 报道', '', '本报讯 今年以来，我县坚持把和美乡村建设作为推进乡村振兴的重要抓手。', '', '不忘初心 牢记使命'],
  ].map((p) => p.join('\n')).join('\n\f') + '\n';
  const dump = parse(src);
  for (const [messages, want] of [
    [en, [['坚持人民至上', /%% kicker\)$/], ['本报记者', /caption/], ['青川驾校', /advertisement: mark it %% skip/], ['报名热线', /%% skip/], ['不忘初心', /%% label or %% body\)$/]]],
    [zhCn, [['坚持人民至上', /引题，可标注 %% 引题/], ['本报记者', /图片说明，可标注 %% 图说/], ['青川驾校', /广告，可标注 %% 跳过/], ['报名热线', /%% 跳过/], ['不忘初心', /%% 栏目 或 %% 正文/]]],
  ] as const) {
    const f = analyzeArticles(dump, messages).flatMap((p) => p.findings).filter((x) => x.rule === 'unclaimed-text');
    assert.equal(f.length, want.length);
    f.forEach((x, k) => {
      assert.ok(dump.text.slice(x.start, x.end).startsWith(want[k][0]), x.message);
      assert.match(x.message, want[k][1]);
    });
  }
  // A column's word of four glyphs or less over a headline is rather its label: the plain message.
  const label = analyzeArticles(parse('天气预报\n\n%% article\n市委常委会召开会议\n\n本报讯 3月5日，市委常委会召开会议，传达学习全国两会精神。\n'), en)[0].findings.find((x) => x.rule === 'unclaimed-text');
  assert.match(label?.message ?? '', /%% label or %% body\)$/);
});

test('advertisements (a short text ending —Advt.) are in no article, each reported by unclaimed-text (en and zh-CN); a story is never one', () => {
  const story = 'PACIFIC CABLE OPENING.\nPresident and Governor Taft Likely\nto Exchange Messages on July 4.\nWASHINGTON, April 30.—The first message\nover the Pacific cable will probably be ex\nchanged between President Roosevelt and Gov\nernor Taft on the morning of the Fourth.\n';
  const ads = 'Poland! Poland!! Poland!!!\nPurest Natural Spring Water Known.—Advt.\nTHE PROBLEM SOLVED.\nA straight line is the shortest distance be\ntween two points. The Pennsylvania Railroad\nis the short line between New York and Chi\ncago.—Advt.\n';
  const src = story + ads;
  const arts = exported(src).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].headline, 'PACIFIC CABLE OPENING.');
  const { dump, pages } = analyse(src);
  const f = pages[0].findings.filter((x) => x.rule === 'unclaimed-text');
  assert.deepEqual(
    f.map((x) => dump.text.slice(x.start, x.end).split('\n')[0]),
    ['Poland! Poland!! Poland!!!', 'THE PROBLEM SOLVED.'],
  );
  assert.match(f[0].message, /advertisement/);
  assert.match(analyzeArticles(dump, zhCn)[0].findings.find((x) => x.rule === 'unclaimed-text')?.message ?? '', /广告/);
  assert.equal(exported(src).diagnostics['unclaimed-text'], 2);
  assert.deepEqual(lostUnseen(src), []);
  // `%% article` keeps an ad an article.
  assert.equal(exported(story + '%% article\n' + ads).articles.length, 2);
  // An ad set as headings (a notice), its last line OCR'd: `-AdvL ; 1`.
  const notice = story + 'AT 8:45 TO-NIGHT\nand every night there Is a fast train to Buffalo via\nLackawanna Railroad. New Pullman sleepers,\nTickets at 1,183 Broadway.-AdvL ; 1\n';
  const n = analyse(notice);
  assert.equal(exported(notice).articles.length, 1);
  assert.match(n.pages[0].findings.find((x) => x.rule === 'unclaimed-text')?.message ?? '', /AT 8:45 TO-NIGHT.*advertisement/);
});

test('a Chinese box of short lines with a phone number or temperature (weather, a small ad) is no notice: left out and reported, its lines not glued into a headline', () => {
  const story = '全民阅读活动月正式启动\n\n本报讯 3月5日，我市2025年全民阅读活动月在\n市图书馆正式启动。活动持续到4月底，将举办\n读书分享会、图书漂流等活动60余场。\n';
  for (const [name, src, box] of [
    ['weather', '天气预报\n今天 多云转晴 4℃～15℃\n明天 晴 6℃～18℃\n\n' + story, ['今天 多云转晴 4℃～15℃', '明天 晴 6℃～18℃']],
    ['small ad', story + '\n青川驾校火热招生\n报名热线：0839-7654321\n', ['青川驾校火热招生', '报名热线：0839-7654321']],
  ] as const) {
    const out = exported(src);
    assert.deepEqual(out.articles.map((a) => a.type), ['article'], name);
    assert.equal(out.articles[0].headline, '全民阅读活动月正式启动', name);
    const { dump, pages } = analyse(src);
    const unclaimed = pages[0].findings.filter((f) => f.rule === 'unclaimed-text').map((f) => dump.text.slice(f.start, f.end));
    assert.ok(unclaimed.some((t) => t.includes(box[0]) && t.includes(box[1])), `${name}: ${JSON.stringify(unclaimed)}`);
  }
  // A two-line banner with a number is still a notice.
  const banner = exported(story + '\n热烈庆祝中华人民共和国\n成立75周年\n').articles;
  assert.deepEqual(banner.map((a) => a.type), ['article', 'notice']);
});

test('a crosshead in capitals between body paragraphs of a story with a byline or dateline stays in the story, a paragraph of its own', () => {
  const head = 'PRESIDENT\'S SPEECH.\nBy Associated Press.\nST. LOUIS, April 30.—The dedicatory address\ndelivered by President Roosevelt follows:\nWe have met here to-day to commemorate the\nhundredth anniversary of the event which more\nthan any other determined the character of our\nnational life and made us a great nation.\n';
  const rest = 'Of course it was not with the Louisiana Pur\nchase that our career of expansion began. In\nthe middle of the Revolutionary War the Illi\nnois region was added to our domain by force\nof arms, as a sequel to the adventurous trip.\n';
  const src = head + 'THE BEGINNINGS OF EXPANSION.\n' + rest;
  const arts = exported(src).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].headline, 'PRESIDENT\'S SPEECH.');
  assert.equal(arts[0].paragraphs.length, 3);
  assert.equal(arts[0].paragraphs[1], 'THE BEGINNINGS OF EXPANSION.');
  assert.deepEqual(lostUnseen(src), []);
  // A heading over a byline or dateline starts the next story.
  const next = exported(head + 'THE BEGINNINGS OF EXPANSION.\nBy Associated Press.\n' + rest).articles;
  assert.equal(next.length, 2);
  assert.equal(next[1].headline, 'THE BEGINNINGS OF EXPANSION.');
  // So does one a blank line sets off from the text above.
  const apart = exported(head + '\nTHE BEGINNINGS OF EXPANSION.\n' + rest).articles;
  assert.equal(apart.length, 2);
  assert.equal(apart[1].headline, 'THE BEGINNINGS OF EXPANSION.');
});

test('initials the column cut inside a sentence (…the firm of / J. P. / Morgan & Co.) are text, not a sign-off', () => {
  const src = 'BANKERS MEET IN NEW YORK\n\nThe bankers of the city met yesterday at the offices of the firm of\nJ. P.\nMorgan & Co., where the plan for the new trust company was discussed\nat length by the partners and by the officers of the other banks.\n';
  const arts = exported(src).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].headline, 'BANKERS MEET IN NEW YORK');
  assert.equal(arts[0].signoff, null);
  assert.equal(arts[0].paragraphs.join(' ').includes('the firm of J. P. Morgan & Co., where'), true);
  assert.deepEqual(lostUnseen(src), []);
  // After a letter's close (a comma), or before a blank line, they are the sign-off.
  const letter = 'LETTERS TO THE EDITOR\n\nSir: The condition of the streets in the lower part of the city is a\ndisgrace, and the Council should provide for their improvement at once.\nRespectfully yours,\nJ. W. B.\n\nFIRE DESTROYS MILL\nThe large flour mill of the Acme Company at Sandusky was destroyed by\nfire last night, with a loss estimated at one hundred thousand dollars.\n';
  const [l, m] = exported(letter).articles;
  assert.equal(l.signoff, 'J. W. B.');
  assert.equal(m.kicker, null);
});

test('initials closing an English story are its sign-off, not the kicker of the next headline', () => {
  const src = 'RUSSIA IN TO STAY.\nLONDON, May 1.—The discussion in Parliament\nyesterday afternoon failed to throw any light\non the Manchuria question, as was expected.\nI. W. F.\n\nOTHER NEWS FROM PARIS.\nPARIS, May 1.—The French Cabinet met to-day\nand decided to send a squadron to the East.\n';
  const arts = exported(src).articles;
  assert.equal(arts.length, 2);
  assert.equal(arts[0].signoff, 'I. W. F.');
  assert.equal(arts[1].kicker, null);
  assert.equal(arts[1].headline, 'OTHER NEWS FROM PARIS.');
  assert.deepEqual(lostUnseen(src), []);
});

test('a headline right after a story\'s last sentence, over a dateline or byline, is the next article\'s headline (not the body\'s last paragraph)', () => {
  const first = '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，安排部署今年秋粮收购\n工作，副县长李四出席会议并讲话。\n';
  const second = '本报讯 近日，县城新建的三处口袋\n公园陆续开放，为周边市民提供了\n休闲健身的好去处。\n';
  const headline = '县城新增三处口袋公园正式开放';
  for (const [name, src, deck, byline] of [
    ['dateline', first + headline + '\n' + second, null, null],
    ['deck', first + headline + '\n——今年已建成口袋公园十二个\n' + second, '——今年已建成口袋公园十二个', null],
    ['byline', first + headline + '\n□记者 王五 报道\n' + second, null, '□记者 王五 报道'],
  ] as const) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 2, name);
    assert.equal(arts[0].headline, '秋粮收购会议召开', name);
    assert.ok(!arts[0].paragraphs.join('').includes(headline), name);
    assert.equal(arts[1].headline, headline, name);
    assert.deepEqual(arts[1].subheadlines, deck ? [deck] : [], name);
    assert.equal(arts[1].byline?.raw ?? null, byline, name);
    assert.deepEqual(lostUnseen(src), [], name);
  }
  // A one-line paragraph that ends its sentence stays body.
  const para = exported(first + '会议要求各地严格执行收购政策。\n' + second).articles;
  assert.equal(para.length, 2);
  assert.ok(para[0].paragraphs.join('').endsWith('会议要求各地严格执行收购政策。'));
});

test('a headline over a lead that repeats its words is a headline, with no dateline or byline after it, blank lines or none', () => {
  const src = '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，安排部署今年秋粮收购\n工作，副县长李四出席会议并讲话。\n县城新增三处口袋公园正式开放\n近日，县城新建的三处口袋公园陆\n续开放，为周边市民提供了休闲健\n身的好去处。\n';
  for (const [name, text] of [
    ['no blank lines', src],
    ['a blank line after each', spacedOut(src)],
  ]) {
    const arts = exported(text).articles;
    assert.equal(arts.length, 2, name);
    assert.equal(arts[1].headline, '县城新增三处口袋公园正式开放', name);
    assert.equal(arts[1].paragraphs[0].slice(0, 3), '近日，', name);
  }
  // A paragraph opening with a name (no punctuation on its first line) is no headline: its words are not the next lines'.
  for (const name of ['中国—上合组织技术转移中心', '中国上合组织技术转移中心']) {
    const para = exported(`本报讯 日前，中国上合组织技术转移\n中心白俄罗斯协同中心揭牌启用。\n${name}\n（以下简称“中心”）是为落实上海合\n作组织青岛峰会精神设立的机构。\n`).articles;
    assert.equal(para.length, 1, name);
    assert.equal(para[0].headline, '', name);
    assert.equal(para[0].paragraphs.length, 2, name);
  }
});

test('an in-line editor\'s note right under the byline: the byline stays the article\'s', () => {
  const src = '东湖村：小庭院里的大产业\n\n□记者 王五 报道\n\n编者按：为深入宣传我县乡村振兴的生动实践，本报今起开设专栏。\n\n本报讯 走进城关镇东湖村，家家户户\n\n的小庭院里种满了蔬菜瓜果。\n';
  const arts = exported(src).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].headline, '东湖村：小庭院里的大产业');
  assert.equal(arts[0].byline?.raw, '□记者 王五 报道');
  assert.match(arts[0].editorsNote ?? '', /^编者按：为深入宣传/);
  assert.equal(exported(src).diagnostics['misplaced-headline'], undefined);
});

test('简讯 over short items is a label, each item with its plain-name sign-off', () => {
  const src = '简讯\n\n本报讯 9月5日，县人民医院开展义诊活动，为群众免费测量血压、血糖。（张丽）\n\n本报讯 近日，县图书馆新增图书5000册，进一步丰富了群众精神文化生活。（王芳）\n';
  const arts = exported(src).articles;
  assert.equal(arts.length, 2);
  assert.deepEqual(arts[0].labels, ['简讯']);
  assert.equal(arts[0].headline, '');
  assert.deepEqual(arts.map((a) => a.signoff), ['（张丽）', '（王芳）']);
});

test('reporters in brackets after 本报讯 are the byline, on one line or wrapping onto the next; the paragraph starts after them', () => {
  for (const [name, src] of [
    ['one line', '东湖村：小庭院里的大产业\n本报讯（记者 王五 通讯员 赵六）近日，走进城关镇\n东湖村，家家户户的小庭院里种满了蔬菜瓜果。\n'],
    ['wrapped', '东湖村：小庭院里的大产业\n本报讯（记者 王五 通讯\n员 赵六）近日，走进城关镇东湖村，\n家家户户的小庭院里种满了蔬菜瓜果。\n'],
  ]) {
    const doc = exported(src);
    const a = doc.articles[0];
    assert.equal(doc.articles.length, 1, name);
    assert.equal(a.dateline, '本报讯', name);
    assert.deepEqual(a.byline, { raw: '（记者 王五 通讯员 赵六）', role: '记者', persons: ['王五', '赵六'] }, name);
    assert.equal(a.paragraphs.join('').slice(0, 3), '近日，', name);
    assert.ok(a.paragraphs.join('').endsWith('种满了蔬菜瓜果。'), name);
  }
});

test('a part continued from another page is of its story’s type (article), not a sidebar, with or without a byline on its page', () => {
  const story = '我县举办农民丰收节\n□记者 赵六 报道\n本报讯 9月22日，我县\n第七届中国农民丰收节在城关镇\n开幕。活动现场，特色农产品展\n销、农耕文化展示等吸引了众多\n群众。\n';
  const part = '要加强市场监测，及时发布收购\n价格信息，引导农民有序售粮。\n要加强粮食质量安全监管，严防\n不合格粮食流入口粮市场。\n';
  const table: { name: string; text: string; want: Article['type'][] }[] = [
    { name: 'a marker line of its own, a story with a byline below', text: `（上接第一版）\n${part}${story}`, want: ['article', 'article'] },
    { name: 'a marker opening the first body line', text: `（上接第一版）${part}${story}`, want: ['article', 'article'] },
    { name: 'with a jump headline', text: `秋粮收购\n（上接第一版）\n${part}${story}`, want: ['article', 'article'] },
    { name: 'a %% continued-from directive', text: `%% continued-from 第一版\n${part}${story}`, want: ['article', 'article'] },
    // What is no continued part stays a sidebar: a headed box without a byline on a page with them.
    { name: 'a sidebar', text: `${story}相关链接\n${part}`, want: ['article', 'sidebar'] },
  ];
  for (const c of table) {
    const { pages } = analyse(c.text);
    assert.deepEqual(
      pages[0].articles.map((a) => a.type),
      c.want,
      c.name,
    );
  }
});

test('the Outline lists the paragraphs the export gives, on a page and on its rewrite', () => {
  const t3 = '全县秋粮收购工作会议召开\n\n本报讯 9月3日，全县秋粮收购工作会议召开。\n\n会议指出，今年全县秋粮播种面积稳中有增，丰收已成定局，各乡镇要把秋粮收购作为当前一项重要任务来抓。\n\n会议要求，要严格执行国家粮食收购政策。\n';
  const sample = readFileSync(SAMPLE, 'utf8');
  for (const [name, text] of [
    ['the sample', sample],
    ['the sample rewritten', rewritePage(sample).text],
    ['whole-paragraph lines', t3],
    ['whole-paragraph lines rewritten', rewritePage(t3).text],
  ]) {
    const { dump, pages, clean } = analyze(text);
    const outline = documentSymbols(dump, pages, en, clean).flatMap((p) => p.children.map((a) => a.children.filter((c) => c.kind === 'paragraph').length));
    const exported = exportArticles(text, { path: 'x.txt', sha256: '0', version: '0' }).articles.filter((a) => a.lines.length > 0).map((a) => a.paragraphs.length);
    assert.deepEqual(outline, exported, name);
  }
});

test('a title-case deck under an all-caps headline, near the column width or wrapped over two lines, is the deck: the story is not split', () => {
  const body = 'delivered by President Roosevelt at the\nopening of the exposition grounds today\nfollows, as printed below in full.\n';
  const strike = 'The strike of the tugboat engineers, which\nhas tied up the harbor for a week, ended\nyesterday when the owners granted the raise.\n';
  const table: [string, string, string, string[], string | null, string][] = [
    // [name, page, headline, decks, dateline, the first paragraph's start]
    ['near the column width, over a dateline', "PRESIDENT'S SPEECH.\nDedicatory Address at St. Louis.\nST. LOUIS, April 30.—The dedicatory address\n" + body, "PRESIDENT'S SPEECH.", ['Dedicatory Address at St. Louis.'], 'ST. LOUIS, April 30.—', 'The dedicatory address'],
    ['wrapped over two lines, over the body', 'STRIKE OF TUGMEN ENDS.\nEngineers Will Return to Work\nThis Morning.\n' + strike, 'STRIKE OF TUGMEN ENDS.', ['Engineers Will Return to Work This Morning.'], null, 'The strike of the tugboat'],
    ['wrapped over two lines, over a dateline', 'STRIKE OF TUGMEN ENDS.\nEngineers Will Return to Work\nThis Morning.\nNEW YORK, May 1.—' + strike, 'STRIKE OF TUGMEN ENDS.', ['Engineers Will Return to Work This Morning.'], 'NEW YORK, May 1.—', 'The strike of the tugboat'],
    ['one short line (as before)', 'STRIKE OF TUGMEN ENDS.\nEngineers Will Return.\n' + strike, 'STRIKE OF TUGMEN ENDS.', ['Engineers Will Return.'], null, 'The strike of the tugboat'],
  ];
  for (const [name, src, headline, decks, dateline, lead] of table) {
    const arts = exported(src).articles;
    assert.equal(arts.length, 1, name);
    assert.equal(arts[0].headline, headline, name);
    assert.deepEqual(arts[0].subheadlines, decks, name);
    assert.equal(arts[0].dateline, dateline, name);
    assert.ok(arts[0].paragraphs[0].startsWith(lead), `${name}: ${arts[0].paragraphs[0]}`);
    assert.deepEqual(lostUnseen(src), [], name);
    assert.deepEqual(exported(rewritePage(src).text).articles.map(({ lines: _l, edits: _e, confidence: _c, ...r }) => r), arts.map(({ lines: _l, edits: _e, confidence: _c, ...r }) => r), name);
  }
  // A Title Case line in the middle of a story (under a body line, not a headline) stays body, one
  // line or two: as a deck reads, but not under a headline.
  for (const line of ['The Engineers Will Return to Work Today.', 'Engineers Will Return to Work Again\nThis Morning.']) {
    const mid = exported('STRIKE OF TUGMEN ENDS.\n' + strike.replace('raise.\n', 'raise.\n' + line + '\n') + strike).articles;
    assert.equal(mid.length, 1, line);
    assert.deepEqual(mid[0].subheadlines, [], line);
    assert.ok(mid[0].paragraphs.join(' ').includes(line.split('\n')[0]), `${line}: ${JSON.stringify(mid[0].paragraphs)}`);
  }
});

test('an English deck wrapped on past a line ending in no punctuation keeps its rest: a line in lower case, or after one ending on `at`, is no story of its own', () => {
  // The Salt Lake Tribune sample: `Discusses Activities of De` / `partment of Agriculture` / `at State
  // Fair- at` / `Syracuse.` over a headline in capitals, and `mise on the Arbitra` / `tion Treaties.` of
  // the deck under it, were a headless story and a story of their own (joined, each is one line in
  // Title Case, a heading, and the page read otherwise after `newsprint fix`).
  const src = "The detectives obtained an affidavit regard\ning the films and said it corroborated Mc\nManigal's alleged confession that he took pic\ntures of the structures which he says he dynamited.\nDiscusses Activities of De\npartment of Agriculture\nat State Fair- at\nSyracuse.\nMAKES SEVERAL OTHER\nSPEECHES DURING DAY\nAt Erie, Pa., the President\nOutlines Plan of Compro\nmise on the Arbitra\ntion Treaties.\nBy Associated Press.\nERIE, Pa., Sept. 16.\u2014President Taft ended\nthe first of his forty-six days of speech-making\nwith an address in the Auditorium here to\nnight, having come from Syracuse, N. Y., where\nhe made three speeches.\n";
  const arts = exported(src).articles;
  assert.deepEqual(arts.map((a) => a.headline), ['', 'MAKES SEVERAL OTHER SPEECHES DURING DAY']);
  // (Joined with a space: the scan lost the hyphens.)
  assert.deepEqual(arts[1].subheadlines, ['Discusses Activities of De partment of Agriculture at State Fair- at Syracuse.', 'At Erie, Pa., the President Outlines Plan of Compro mise on the Arbitra tion Treaties.']);
  assert.equal(arts[1].dateline, 'ERIE, Pa., Sept. 16.—');
  assert.equal(arts[0].paragraphs.length, 1);
  assert.deepEqual(lostUnseen(src), []);
  // A paragraph under a deck ending in a full stop is the story's, as before.
  const lead = exported('MAKES SEVERAL OTHER\nSPEECHES DURING DAY\nAt Erie, Pa., the President\nOutlines a Plan.\nThe president ended the first of his forty-six\ndays of speech-making with an address here\nto-night.\n').articles;
  assert.equal(lead.length, 1);
  assert.deepEqual(lead[0].subheadlines, ['At Erie, Pa., the President Outlines a Plan.']);
  assert.ok(lead[0].paragraphs[0].startsWith('The president ended'));
});

// Headline–body matching on the English scans: a headline right above a story it fits is that
// story's; one far off wins only on strong evidence, and words many stories share (Associated
// Press, Sept., a dateline's NEW YORK) count little.
test('Salt Lake page: a headline right above its story heads it, not a far one sharing a dateline city', () => {
  const src = readFileSync(join(SAMPLES_DIR, 'en', 'saltlaketribune-1911-09-17-p1.txt'), 'utf8');
  const lines = src.split('\n');
  // Reviewer's excerpt (mis2): the Syracuse heading group, then the Rockefeller story (1-based lines 5–34, 207–222).
  const excerpt = [...lines.slice(4, 34), ...lines.slice(206, 222)].join('\n') + '\n';
  const byHeadline = (s: string) => {
    const { dump, pages } = analyse(s);
    checkInvariants(dump, pages);
    const out = new Map<string, { type: string; first: string }>();
    for (const a of pages[0].articles) out.set(articleTitle(dump, a), { type: a.type, first: a.body.length ? lineAt(dump, a.body[0]).text : '' });
    return out;
  };
  for (const [name, s] of [['excerpt', excerpt], ['page', src]] as const) {
    const arts = byHeadline(s);
    assert.match(arts.get('YOUNG ROCKEFELLER . TO BUILD BIG HOUSE')?.first ?? '', /^NEW YORK\. Sept\. 16\. John D\. Horke/, name);
    assert.notEqual(arts.get('JFUL ACCIDENT AT SYRACUSE, NEW YORK')?.first.startsWith('NEW YORK'), true, name);
  }
  const page = byHeadline(src);
  assert.match(page.get('TRACKMEN ON THE LACKAWANNA GO OUT')?.first ?? '', /^strike order to the Delaware/);
  const miner = exportArticles(src, { path: 'p.txt', sha256: '', version: '0' }).articles.find((a) => a.headline === 'ABDUCTOR OF SCHOOL TEACHFIKOIICT');
  assert.ok(miner && miner.paragraphs.some((p) => p.includes('HANNAH. N. .D., Sept. 16.')), JSON.stringify(miner?.paragraphs.slice(0, 2)));
  // An all-caps headline heads its story; the Title Case lines under it, a block of two, are its deck.
  const alff = exportArticles(src, { path: 'p.txt', sha256: '', version: '0' }).articles.find((a) => a.headline.startsWith('RUDOLPH'));
  assert.ok(alff && alff.subheadlines.some((d) => d.startsWith('Falls on')) && alff.paragraphs.length > 0, JSON.stringify(alff));
});

test('New-York Tribune page: headlines find their stories past an OCR-spoilt credit line, and a wrapped deck stays the deck', () => {
  const src = readFileSync(join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
  const arts = exportArticles(src, { path: 'p.txt', sha256: '', version: '0' }).articles;
  const head = (h: string) => arts.find((a) => a.headline === h);
  assert.equal(head('DEDICATION A SUCCESS.')?.dateline, 'St. Louis, April 3«>. —');
  assert.match(head('DEDICATION A SUCCESS.')?.paragraphs[0] ?? '', /^Starting -with a glittering/);
  assert.equal(head('RIOTOUS STUDENTS.')?.dateline, 'Havana. April 30.—');
  assert.match(head('RIOTOUS STUDENTS.')?.paragraphs.join(' ') ?? '', /law students of the University of Havana/);
  assert.deepEqual(head("PRESIDENT'S SPEECH.")?.subheadlines, ['Hoic the Policy of Expansion Has Buili Up a Great Nation.']);
});

test('a commentary\'s 本报评论员 over its headline, right after a story\'s last sentence, is the commentary\'s byline, not that story\'s (review s23 r4)', () => {
  const src = "我市召开春季农业生产工作会议\n\n本报讯 3月5日，我市召开春季农业生产工作会议，安排部署今年春耕生产。\n\n本报评论员\n\n以实干担当书写发展新篇\n\n春回大地，万物勃发。全国两会的召开，为我们做好今年各项工作指明了方向。\n";
  const a = exported(src).articles;
  assert.deepEqual(a.map((x) => [x.type, x.headline, x.byline?.raw ?? null]), [
    ['article', '我市召开春季农业生产工作会议', null],
    ['article', '以实干担当书写发展新篇', '本报评论员'],
  ]);
  assert.deepEqual(analyse(src).pages[0].findings.filter((f) => f.rule === 'misplaced-headline'), []);
});

test('lines ended by a lone CR: a list of names keeps its spaces on its next line, and a number alone inside a sentence stays in it (review s23 r4)', () => {
  const list = "我市足球队主场获胜\n\n本报讯 8月26日晚，在市体育中心进行的联赛中，我市球队主场以\n3\n比2战胜上海海港队，取得三连胜。球队主教练表示，将继续努力，\n争取更好成绩。\n\n出席：王 丽 李 明\n周 杰 吴 敏\n\n（记者 王 丽 通讯员 李 明）\n";
  for (const src of [list.replace(/\n/g, '\r'), list, list.replace(/\n/g, '\r\n')])
    assert.deepEqual(analyze(src).findings.filter((f) => f.rule === 'spaced-glyphs').map((f) => src.slice(f.start, f.end)), [], JSON.stringify(src.slice(0, 30)));
  const score = '本报讯 3月5日晚，在市体育中心举行的比赛中，主场作战的我市球队以\r3\r比2战胜来访的客队，取得开门红。\r';
  assert.deepEqual(exported(score).articles.flatMap((x) => x.paragraphs), ['3月5日晚，在市体育中心举行的比赛中，主场作战的我市球队以3比2战胜来访的客队，取得开门红。']);
});
