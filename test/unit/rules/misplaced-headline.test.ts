// misplaced-headline's messages and the article titles in them: what t() and joinHeadline give,
// whatever message table comes (one after another, or one whose template is not the usual shape);
// and its fix, applied click after click.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeArticles, articleTitle } from '../../../server/src/core/articles/detect';
import type { Article, PageAnalysis } from '../../../server/src/core/articles/model';
import { cleanLineText } from '../../../server/src/core/clean';
import { lineText } from '../../../server/src/core/lines';
import { en, format, type Messages, zhCn } from '../../../server/src/core/messages';
import { joinHeadline } from '../../../server/src/core/paragraphs';
import { analyze } from '../../../server/src/core/analyze';
import { exportArticles } from '../../../server/src/core/export';
import { applyEdits, fixAll } from '../../../server/src/core/fix';
import { parse } from '../../../server/src/core/parse';
import { misplacedHeadline } from '../../../server/src/core/rules/misplaced-headline';
import type { PageDump } from '../../../server/src/core/types';
import { SAMPLE } from '../../helpers/rules';


function sample(): { dump: PageDump; pages: PageAnalysis[] } {
  const dump = parse(readFileSync(SAMPLE, 'utf8'));
  return { dump, pages: analyzeArticles(dump, en) };
}

/** The message as t() formats it, for the finding of article a (the line: the row of the related location). */
function expected(dump: PageDump, messages: Messages, a: Article, relatedStart: number): string {
  const L = dump.lines;
  let first = 0;
  while (L.start[first] !== relatedStart) first++;
  return format(messages['misplaced-headline.message'], { headline: articleTitle(dump, a), line: L.row[first] + 1 });
}

test('messages are what format gives, table after table (and for a template of another shape)', () => {
  const { dump, pages } = sample();
  const odd: Messages = { ...en, 'misplaced-headline.message': 'line {line}: {headline} ({headline}) {unknown}' };
  let seen = 0;
  for (const messages of [en, zhCn, odd, en, zhCn]) {
    for (const p of pages) {
      for (const f of misplacedHeadline(dump, p, messages)) {
        const a = p.articles.find((x) => x.headline.length > 0 && dump.lines.start[x.headline[0]] === f.start);
        assert.ok(a, f.message);
        assert.equal(f.message, expected(dump, messages, a, f.related![0].start));
        seen++;
      }
    }
  }
  assert.ok(seen >= 10);
});

test('articleTitle is joinHeadline of the cleaned lines of the headline (or kicker, deck, first body line)', () => {
  const { dump, pages } = sample();
  const extra = parse('TTIIRR  跨跨境境运运输输   \n\n正文第一行，没有标题。\n');
  const all: [PageDump, Article][] = pages.flatMap((p) => p.articles.map((a): [PageDump, Article] => [dump, a]));
  for (const p of analyzeArticles(extra, en)) for (const a of p.articles) all.push([extra, a]);
  assert.ok(all.some(([, a]) => a.headline.length === 1) && all.some(([, a]) => a.headline.length > 1));
  for (const [d, a] of all) {
    const src = a.headline.length ? a.headline : a.kicker.length ? a.kicker : (a.decks[0] ?? a.body.slice(0, 1));
    assert.equal(articleTitle(d, a), joinHeadline(src.map((i) => cleanLineText(lineText(d, i)))));
  }
});

// ---- the fix, clicked again and again ----

/** min3: an editor's note, its byline and body, then 编者按 and the heading (a three-line kicker over the headline) at the end. */
const MIN3 = [
  '我们期望通过这个新栏目，努力用更新的视角和更深入的观察，为您更好地讲述上合故事，我们希望能够做到：不仅仅告诉您最近发生了什么，也能告诉您到底是什么、未来会怎样。我们将坚守客观、理性、建设性的报道原则，围绕当前最值得挖掘的新闻事件进行多维度、全视角的呈现和解读，倾尽全力去寻找事件的纵横关联与内外影响，传递这个时代应当拥有的精神追求与价值取向，为同心同向推动上合新区高水平开放、高质量发展擂鼓呐喊。今天，请您关注《跨境电商成为外贸增长“新引擎”》。',
  '',
  '□记者 何光翠 报道',
  '',
  '市商务局数据显示，今年上半年我市跨境电商持续保持高位增长，上半年全市跨境电商贸易额达39.7 亿元，同比增长 76%，在青岛市上半年跨境电商“亮绩赛季”综合评估中列青岛十区市第 1 位，我市跨境电商呈现出蓬勃兴起之势。',
  '',
  '编者按',
  '',
  '上半年，我市跨境电商贸易额达 39.7 亿元，同比增长 76%，在青岛市上半',
  '年跨境电商“亮绩赛季”综合评估中列青岛十区市第 1 位，胶州跨境电商加',
  '速成势，形成“产业带+跨境电商”融合发展新局面———',
  '',
  '跨境电商：外贸增长“新引擎”',
  '',
].join('\n');

/** The articles as the export gives them (what a reader gets of each), in a stable order. */
function articleShapes(src: string): string[] {
  return exportArticles(src, { path: 'p.txt', sha256: '', version: '0' })
    .articles.map((a) => JSON.stringify([a.type, a.kicker, a.headline, a.subheadlines, a.labels, a.editorsNote, a.byline?.raw ?? null, a.paragraphs]))
    .sort();
}

/** The heading texts the misplaced-headline findings sit on. */
function flagged(src: string): string[] {
  return analyze(src)
    .findings.filter((f) => f.rule === 'misplaced-headline')
    .map((f) => src.slice(f.start, f.end));
}

/**
 * Clicks the first misplaced-headline fix until none is left: each click takes one finding away
 * and brings none back, and the articles stay those of the first analysis, no heading read into a
 * paragraph (also after Fix All joins the paragraphs).
 */
function clickThrough(name: string, src: string): void {
  const shapes = articleShapes(src);
  let left = flagged(src);
  assert.ok(left.length > 0, name);
  for (let clicks = 0; left.length > 0; clicks++) {
    assert.ok(clicks < 20, `${name}: still flagged after 20 clicks: ${left.join(' | ')}`);
    const f = analyze(src).findings.find((x) => x.rule === 'misplaced-headline');
    src = applyEdits(src, f!.fix!.edits);
    const now = flagged(src);
    assert.equal(now.length, left.length - 1, `${name}, click ${clicks + 1} on ${left[0]}: ${now.join(' | ')}`);
    for (const h of now) assert.ok(left.includes(h), `${name}, click ${clicks + 1}: ${h} flagged anew`);
    assert.deepEqual(articleShapes(src), shapes, `${name}, click ${clicks + 1} on ${left[0]}`);
    left = now;
  }
  const joined = fixAll(src).text;
  assert.deepEqual(articleShapes(joined), shapes, `${name}: Fix All after the clicks`);
  for (const a of exportArticles(joined, { path: 'p.txt', sha256: '', version: '0' }).articles)
    for (const p of [...a.paragraphs, a.editorsNote ?? ''])
      for (const h of [a.headline, a.kicker ?? '', ...a.subheadlines]) if (h.length >= 4) assert.ok(!p.includes(h), `${name}: "${h}" in a paragraph: ${p.slice(0, 40)}`);
}

test('the fix puts the heading where the analysis then takes it for its article: one click each, nothing flagged again', () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  clickThrough('sample', sample);
  clickThrough('sample after Fix All', fixAll(sample).text);
  clickThrough('min3', MIN3);
  clickThrough('min3 after Fix All', fixAll(MIN3).text);
  // Fix all misplaced-headline problems: the same articles.
  for (const [name, src] of [['sample', sample], ['min3', MIN3]] as const) {
    const r = fixAll(src, { only: ['misplaced-headline'] });
    assert.equal(r.left, 0, name);
    assert.deepEqual(flagged(r.text), [], name);
    assert.deepEqual(articleShapes(r.text), articleShapes(src), name);
  }
});

test('on a double-spaced page the moved heading is followed by two blank lines (one is only the line spacing there)', () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  const f = analyze(sample).findings.find((x) => x.rule === 'misplaced-headline' && x.message.includes('新引擎'));
  const insert = f!.fix!.edits.find((e) => e.newText.length > 0)!;
  assert.ok(insert.newText.startsWith('发展跨境电商，胶州有基础有优势\n\n上半年'), insert.newText);
  assert.ok(insert.newText.endsWith('跨境电商：外贸增长“新引擎”\n\n\n'), insert.newText);
  // A page whose paragraphs are blocks of lines: one blank line.
  const ordinary = '□记者 张三 报道\n本报讯 全市秋粮收获进度过半，农机手们抢抓晴好天气，\n加快收割进度，确保颗粒归仓。据统计，全市秋粮收获\n进度已经过半，各地农技人员深入田间地头指导。\n\n另一篇稿件的正文在这里，内容与标题无关，写得很长很长\n很长的一段文字，继续写下去，直到结束为止。\n\n秋粮收获进度过半\n';
  const g = analyze(ordinary).findings.find((x) => x.rule === 'misplaced-headline');
  assert.deepEqual(g!.fix!.edits[0], { start: 0, end: 0, newText: '秋粮收获进度过半\n\n' });
});

test('a column label over the headline (简讯, 本报评论员, 今日导读 above it) leaves the heading in place; one emitted after the body still moves, under the label', () => {
  const inPlace = [
    '简讯\n\n市图书馆开展全民阅读推广活动\n本报讯 3月4日，市图书馆举办“书香青川”全\n民阅读推广活动，吸引市民300余人参加。\n',
    "我市召开春季农业生产工作会议\n\n本报记者 张三\n\n本报讯 3月5日，我市召开春季农业生产工作\n会议，安排部署今年春耕生产。\n\n本报评论员\n\n以实干担当书写发展新篇\n\n春回大地，万物勃发。全国两会的召开，为我\n们做好今年各项工作指明了方向。\n",
    "今日导读\n\n我市春耕备耕有序推进 ▶第二版\n市人大常委会召开第十二次会议 ▶第三版\n\n我市召开春季农业生产工作会议\n\n本报讯 3月5日，我市召开春季农业生产工作\n会议，总结去年农业农村工作，安排部署今年\n春耕生产。副市长刘建国出席会议并讲话。\n",
  ];
  for (const src of inPlace) assert.deepEqual(flagged(src), [], src.slice(0, 30));
  const after = '简讯\n\n本报讯 3月4日，市图书馆举办“书香青川”全\n民阅读推广活动，吸引市民300余人参加。\n\n市图书馆开展全民阅读推广活动\n';
  const f = analyze(after).findings.find((x) => x.rule === 'misplaced-headline');
  assert.ok(f, 'the headline after its body is flagged');
  const moved = applyEdits(after, f.fix!.edits);
  assert.ok(moved.startsWith('简讯\n\n市图书馆开展全民阅读推广活动\n\n本报讯'), moved);
});
