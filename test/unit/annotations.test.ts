import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lineAt, allLines } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { analyzeArticles, articleTitle } from '../../server/src/core/articles/detect';
import { roleAt, type Article } from '../../server/src/core/articles/model';
import { DIRECTIVES, parseAnnotations, parseDirectiveLine } from '../../server/src/core/annotations';
import { annotationActions, annotationCompletions, documentSymbols } from '../../server/src/core/outline';
import { exportArticles } from '../../server/src/core/export';
import { en, zhCn, type Messages } from '../../server/src/core/messages';
import { applyEdits } from '../../server/src/core/fix';
import { SAMPLE as SAMPLE_PATH } from '../helpers/rules';

const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const run = (src: string) => {
  const dump = parse(src);
  return { dump, pages: analyzeArticles(dump, en) };
};
/** Insert `text` as a line before 0-based line `row` of the sample. */
const insertBefore = (src: string, row: number, text: string) => {
  const lines = src.split('\n');
  lines.splice(row, 0, text);
  return lines.join('\n');
};

const PAGE = [
  '春季植树活动启动',
  '',
  '□记者 王五 报道',
  '',
  '本报讯 昨日，全市春季义务植树活动正式启动，',
  '各区组织干部群众参加植树，共栽植各类苗木',
  '三万余株，进一步扩大了城市绿化覆盖面积。',
  '',
  '据了解，今年全市计划新增绿地面积一百公顷，',
  '将重点推进公园绿地和道路绿化建设工作。',
  '',
  '广告 招商热线 12345678',
].join('\n');

test('parseDirectiveLine: names, aliases, arguments, comments and problems', () => {
  assert.deepEqual(parseDirectiveLine('%% headline'), { kind: 'directive', name: 'headline', arg: '', nameStart: 3, nameEnd: 11 });
  assert.equal((parseDirectiveLine('  %%continued-to 第二版') as { arg: string }).arg, '第二版');
  assert.equal((parseDirectiveLine('%% 下转 第二版') as { name: string }).name, 'continued-to');
  assert.equal((parseDirectiveLine('%% 引题') as { name: string }).name, 'kicker');
  assert.equal(parseDirectiveLine('%% # staff note').kind, 'comment');
  assert.equal(parseDirectiveLine('%%# staff note').kind, 'comment');
  assert.deepEqual(parseDirectiveLine('%% bogus'), { kind: 'problem', problem: 'unknown', name: 'bogus', start: 3, end: 8 });
  assert.equal((parseDirectiveLine('%% continued-from') as { problem: string }).problem, 'missing-arg');
  assert.equal((parseDirectiveLine('%% headline now') as { problem: string }).problem, 'extra-arg');
  assert.equal((parseDirectiveLine('%%') as { problem: string }).problem, 'empty');
  assert.equal(parseDirectiveLine('%% ' + 'x'.repeat(100000)).kind, 'problem');
});

test('DIRECTIVES documents every directive in English and Chinese', () => {
  const names = Object.keys(DIRECTIVES).sort();
  assert.deepEqual(names, ['article', 'attach-below', 'body', 'byline', 'caption', 'continued-from', 'continued-to', 'deck', 'headline', 'kicker', 'label', 'skip']);
  for (const d of Object.values(DIRECTIVES)) {
    assert.ok(d.description.en.length > 10 && d.description.zh.length > 4, d.name);
    assert.ok(/[\u4e00-\u9fff]/.test(d.description.zh));
  }
});

test('bad annotations are diagnosed, localised, and never claimed as text', () => {
  const src = ['%% bogus', '%% continued-to', '%% headline now', '%%', '%% # fine', PAGE, '%% kicker'].join('\n');
  const { dump, pages } = run(src);
  const bad = pages[0].findings.filter((f) => f.rule === 'bad-annotation');
  assert.equal(bad.length, 5);
  assert.equal(bad[0].severity, 'warning');
  assert.equal(dump.text.slice(bad[0].start, bad[0].end), 'bogus');
  assert.ok(bad[4].message.includes('kicker'), 'a directive with nothing after it');
  const zh = analyzeArticles(dump, zhCn)[0].findings.filter((f) => f.rule === 'bad-annotation');
  assert.ok(zh[0].message.includes('未知'));
  for (const a of pages[0].articles) for (const i of a.lines) assert.ok(!lineAt(dump, i).annotation);
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => roleAt(pages[0], i)), Array(5).fill('annotation'));
  assert.equal(parseAnnotations(dump, 0).directives.length, 0);
});

test('detection without directives on the small page', () => {
  const { dump, pages } = run(PAGE);
  const arts = pages[0].articles;
  assert.equal(arts.length, 1);
  assert.equal(articleTitle(dump, arts[0]), '春季植树活动启动');
  assert.deepEqual(arts[0].body, [4, 5, 6, 8, 9]);
});

test('an article of a byline alone is named by its byline in the Outline, not by its id', () => {
  const { dump, pages } = run('%% byline\n本报记者 王五\n');
  const [a] = pages[0].articles;
  assert.deepEqual(a.byline, [1]);
  assert.equal(articleTitle(dump, a), '本报记者 王五');
  const [page] = documentSymbols(dump, pages, zhCn);
  assert.equal(page.children[0].name, '本报记者 王五');
});

test('%% skip, %% article, %% continued-to and %% kicker override the detection', () => {
  const src = PAGE.replace('据了解', '%% article\n据了解').replace('广告', '%% skip\n广告').replace('春季植树', '%% continued-to 第五版\n%% kicker\n春季植树');
  const { dump, pages } = run(src);
  const p = pages[0];
  const idx = (s: string) => allLines(dump).findIndex((l) => l.text.startsWith(s));
  const ad = idx('广告');
  assert.equal(roleAt(p, ad), 'unknown');
  assert.ok(p.articles.every((a) => !a.lines.includes(ad)));
  assert.equal(p.articles.length, 2, 'a new article starts at the directive');
  const second = p.articles.find((a) => a.body.includes(idx('据了解')))!;
  assert.equal(second.headline.length, 0);
  const first = p.articles.find((a) => a.body.includes(idx('本报讯')))!;
  assert.deepEqual(first.kicker, [idx('春季植树')]);
  assert.equal(roleAt(p, idx('春季植树')), 'kicker');
  assert.deepEqual([first.continuation?.direction, first.continuation?.target], ['to', '第五版']);
  assert.equal(first.continuation?.line, idx('%% continued-to'));
  assert.ok(first.confidence >= 0.9);
});

test('%% kicker holds over the detection: in the analysis, the Outline and the export', () => {
  const body = PAGE.slice(PAGE.indexOf('□记者'));
  const cases: [string, string][] = [
    // Alone in its heading cluster, which takes no body (a notice): the kicker was made its headline.
    ['a block read as a byline, below a headline', `春季植树活动启动\n\n%% kicker\n□记者 王五 报道\n\n${body.slice(body.indexOf('本报讯'))}`],
    // After a detected lead-in (———), before the headline: the lead-in took the kicker, this one went to the decks.
    ['a block read as a deck, after a lead-in', `绿化城市 人人有责———\n\n%% kicker\n全市栽植苗木三万余株\n\n春季植树活动启动\n\n${body}`],
    // The block read as the headline, after a lead-in: the cluster's fallback headline was the last block, this one.
    ['a block read as the headline, after a lead-in', `绿化城市 人人有责———\n\n%% kicker\n春季植树活动启动\n\n${body}`],
  ];
  for (const [what, src] of cases) {
    const { dump, pages } = run(src);
    const i = allLines(dump).findIndex((l) => l.text.startsWith('%% kicker')) + 1;
    const text = lineAt(dump, i).text;
    const a = pages[0].articles.find((x) => x.lines.includes(i));
    assert.deepEqual(a?.kicker, [i], what);
    assert.equal(roleAt(pages[0], i), 'kicker', what);
    const kickers = documentSymbols(dump, pages)[0].children.flatMap((x) => x.children).filter((x) => x.kind === 'kicker');
    assert.deepEqual(kickers.map((x) => dump.text.slice(x.start, x.end)), [text], what);
    const out = exportArticles(src, { path: 'p.txt', sha256: '', version: '0' }).articles;
    assert.deepEqual(out.map((x) => x.kicker).filter((x) => x !== null), [text], what);
    assert.ok(out.every((x) => x.headline !== text), what);
  }
  // Two forced kicker blocks of one cluster are its kicker together (an article has one).
  const two = run(`%% kicker\n绿化城市 人人有责———\n\n%% kicker\n全市栽植苗木三万余株\n\n春季植树活动启动\n\n${body}`);
  assert.deepEqual(two.pages[0].articles[0].kicker, [1, 4]);
});

test('%% kicker directly below a headline is that headline\'s kicker, as one above it is', () => {
  const byline = PAGE.slice(PAGE.indexOf('□记者'), PAGE.indexOf('\n\n广告'));
  const lead = byline.slice(byline.indexOf('本报讯'));
  const other = '城市建设再上台阶\n\n□记者 李四 报道\n\n本报讯 近日，城区主干道路改造工程全面完工，\n市民出行更加便捷，交通拥堵明显缓解。\n\n';
  // [what, page, [kicker, headline, decks] of the article holding 本报讯 昨日, how many articles]
  const cases: [string, string, [string, string, string[]], number][] = [
    ['above the byline', `春季植树活动启动\n\n%% kicker\n绿化城市 人人有责\n\n${byline}`, ['绿化城市 人人有责', '春季植树活动启动', []], 1],
    ['below another article', `${other}春季植树活动启动\n\n%% kicker\n绿化城市 人人有责\n\n${byline}`, ['绿化城市 人人有责', '春季植树活动启动', []], 2],
    ['below a forced headline', `%% headline\n春季植树活动启动\n\n%% kicker\n绿化城市 人人有责\n\n${byline}`, ['绿化城市 人人有责', '春季植树活动启动', []], 1],
    ['a block read as a byline', `春季植树活动启动\n\n%% kicker\n□记者 王五 报道\n\n${lead}`, ['□记者 王五 报道', '春季植树活动启动', []], 1],
    ['above a deck', `春季植树活动启动\n\n%% kicker\n绿化城市 人人有责\n\n%% deck\n全市栽植苗木三万余株\n\n${byline}`, ['绿化城市 人人有责', '春季植树活动启动', ['全市栽植苗木三万余株']], 1],
    ['with no body (a notice)', `${other}春季植树活动启动\n\n%% kicker\n绿化城市 人人有责\n`, ['', '', []], 2],
    // Where the rule stops. Between two headlines: the kicker of the one below, printed above it.
    ['between two headlines', `旧闻一则\n\n%% kicker\n绿化城市 人人有责\n\n春季植树活动启动\n\n${byline}`, ['绿化城市 人人有责', '春季植树活动启动', []], 1],
    // `%% article` on it: it starts its own article, which the body below is.
    ['with %% article', `春季植树活动启动\n\n%% article\n%% kicker\n绿化城市 人人有责\n\n${byline}`, ['绿化城市 人人有责', '', []], 1],
  ];
  for (const [what, src, want, count] of cases) {
    const { dump, pages } = run(src);
    const text = (xs: readonly number[]) => xs.map((i) => lineAt(dump, i).text).join('\n');
    const at = allLines(dump).findIndex((l) => l.text.startsWith('本报讯 昨日'));
    const a = pages[0].articles.find((x) => x.lines.includes(at));
    if (at >= 0) assert.deepEqual([text(a!.kicker), text(a!.headline), a!.decks.map(text)], want, what);
    assert.equal(pages[0].articles.length, count, what);
    const k = allLines(dump).findIndex((l) => l.text.startsWith('%% kicker')) + 1;
    assert.equal(roleAt(pages[0], k), 'kicker', what);
    // The kicker and its headline are one article (no body: one notice).
    const h = allLines(dump).findIndex((l) => l.text === '春季植树活动启动');
    if (what !== 'between two headlines' && what !== 'with %% article') assert.ok(pages[0].articles.some((x) => x.kicker.includes(k) && x.headline.includes(h)), what);
  }
});

test('%% article on a byline or a label: the heading right above it is the headline of the article it starts (headline, then byline, as printed); its words may still give it to another', () => {
  const tree = '本报讯 昨日，全市春季义务植树活动正式启动，\n各区组织干部群众参加植树，共栽植各类苗木\n三万余株，进一步扩大了城市绿化覆盖面积。\n';
  const road = '本报讯 近日，城区主干道路改造工程全面完工，\n新建道路十二公里，改造交通路口二十余处，\n市民出行更加便捷，交通拥堵明显缓解。\n';
  // [what, page, the headline of the article the directive starts, that of the article above it]
  const cases: [string, string, string, string][] = [
    ['a byline', `春季植树活动启动\n\n□记者 王五 报道\n\n${tree}\n城市建设再上台阶\n\n%% article\n□记者 李四 报道\n\n${road}`, '城市建设再上台阶', '春季植树活动启动'],
    ['a label', `春季植树活动启动\n\n□记者 王五 报道\n\n${tree}\n城市建设再上台阶\n\n%% article\n短评\n\n${road}`, '城市建设再上台阶', '春季植树活动启动'],
    // The sample: 市政府党组理论学习 / 中心组举行集体学习研讨 stands over its byline (市政府党组会议召开, stacked above it, is the next story's).
    ['the sample\'s second byline', insertBefore(SAMPLE, 89, '%% article'), '市政府党组理论学习\n中心组举行集体学习研讨', '市政府党组会议召开'],
    // Where it stops: the directive moves no heading. One with the words of the story above (pdftotext emitted it after its body) stays that one's.
    ['a heading echoing the story above', `□记者 王五 报道\n\n${tree}\n全市春季植树活动启动\n\n%% article\n□记者 李四 报道\n\n${road}`, '', '全市春季植树活动启动'],
    // … unless the heading is marked `%% attach-below`. `%% article` on it too starts two articles,
    // one after the other: the heading is one of its own, with no body (a notice; the rewrite prints
    // a notice above a headless article so). It was the byline's headline before.
    ['a heading echoing the story above, attach-below', `□记者 王五 报道\n\n${tree}\n%% attach-below\n全市春季植树活动启动\n\n%% article\n□记者 李四 报道\n\n${road}`, '全市春季植树活动启动', ''],
    ['a heading echoing the story above, marked `%% article` too', `□记者 王五 报道\n\n${tree}\n%% article\n全市春季植树活动启动\n\n%% article\n□记者 李四 报道\n\n${road}`, '全市春季植树活动启动', ''],
    // The sample's byline 傅玉佳: above it the banner 学习贯彻… and the heading group of the lead story (跨境电商…), whose words are that story's; its own headline comes after its body.
    ['the sample\'s byline 傅玉佳', insertBefore(SAMPLE, 382, '%% article'), '聚焦群众所需\n提升城市品质', '跨境电商：外贸增长“新引擎”'],
  ];
  for (const [what, src, headline, above] of cases) {
    const { dump, pages } = run(src);
    const text = (xs: readonly number[]) => xs.map((i) => lineAt(dump, i).text).join('\n');
    // The block the directive is on: the first text line after it.
    let at = allLines(dump).findIndex((l) => l.text === '%% article');
    while (lineAt(dump, at).annotation || lineAt(dump, at).blank) at++;
    const a = pages[0].articles.find((x) => x.lines.includes(at));
    assert.equal(text(a!.headline), headline, what);
    assert.ok(a!.confidence >= 0.9, `${what}: the directive started it`);
    assert.ok(pages[0].articles.some((x) => text(x.headline) === above && x !== a), what);
  }
  // Both marked `%% article`: the heading is a notice, the byline's article has no headline.
  const both = run(`□记者 王五 报道\n\n${tree}\n%% article\n全市春季植树活动启动\n\n%% article\n□记者 李四 报道\n\n${road}`);
  assert.deepEqual(
    both.pages[0].articles.map((x) => [x.type, x.headline.map((i) => lineAt(both.dump, i).text).join('')]),
    [['article', ''], ['notice', '全市春季植树活动启动'], ['article', '']],
  );
});

test('%% article at a byline (dateline, "continued from") after an editor\'s note: the note is not merged into the article it starts', () => {
  const body = PAGE.slice(PAGE.indexOf('本报讯'));
  const note = '编者按：春天是植树的好季节，本报今起推出系列报道。\n\n敬请关注。';
  for (const [what, head] of [['an in-line note', note], ['a 编者按 label and its note', '编者按\n\n春天是植树的好季节，本报今起推出系列报道。']])
    for (const opener of ['□记者 王五 报道', '新华社北京3月12日电', '（上接第一版）']) {
      const src = `春季植树活动启动\n\n${head}\n\n%% article\n${opener}\n\n${body}`;
      const { dump, pages } = run(src);
      const at = allLines(dump).findIndex((l) => l.text === opener);
      const a = pages[0].articles.find((x) => x.lines.includes(at))!;
      assert.deepEqual(a.editorsNote, [], `${what}, ${opener}`);
      assert.ok(a.lines.every((i) => i >= at || a.headline.includes(i)), `${what}, ${opener}: nothing of the note in ${JSON.stringify(a.lines)}`);
      assert.equal(pages[0].articles.length, 2, `${what}, ${opener}`);
    }
  // The sample: the note at the top (its 编者按 label sits further down) no longer opens the first article.
  const { dump, pages } = run(insertBefore(SAMPLE, 42, '%% article'));
  const a = pages[0].articles.find((x) => x.byline.includes(43))!;
  assert.deepEqual([a.editorsNote, a.labels], [[], []]);
  assert.ok(pages[0].articles.some((x) => x.body.includes(0) && x.labels.some((l) => lineAt(dump, l[0]).text === '编者按')));
});

test('%% article at a label (短评, 新闻链接, 编者按) starts an article there', () => {
  const body = PAGE.slice(PAGE.indexOf('□记者'), PAGE.indexOf('广告'));
  const other = '本报讯 记者从市气象局获悉，明天起我市将迎来一次降温过程，\n最低气温降至五摄氏度左右，请市民注意防寒保暖。';
  const articleOf = (src: string, label: string) => {
    const { dump, pages } = run(src);
    const i = allLines(dump).findIndex((l) => l.text === label);
    return { dump, a: pages[0].articles.find((x) => x.lines.includes(i)), i };
  };
  // Above a heading that shares the words of the story above: the heading and its label went to that story.
  const heading = `${body}\n%% article\n短评\n\n植树活动 绿化城市\n\n${other}`;
  const h = articleOf(heading, '短评');
  assert.equal(h.a && articleTitle(h.dump, h.a), '植树活动 绿化城市');
  assert.ok(h.a?.body.includes(h.i + 4), 'with the story below it');
  // Above an editor's note that opens the story below: the label was in no article.
  const noted = articleOf(`${body}\n%% article\n新闻链接\n\n编者按：植树造林，功在当代，利在千秋。\n\n□记者 李四 报道\n\n${other}`, '新闻链接');
  assert.ok(noted.a?.byline.length && noted.a.editorsNote.length, JSON.stringify(noted.a));
  // A label above it is not taken past it into its article.
  const stacked = articleOf(`${body}\n短评\n\n%% article\n新闻链接\n\n${other}`, '新闻链接');
  assert.ok(stacked.a && !stacked.a.lines.includes(stacked.i - 3), JSON.stringify(stacked.a?.labels));
  // With nothing after it: an article of its own (it stayed a page label).
  const last = articleOf(`${body}\n%% article\n短评\n`, '短评');
  assert.deepEqual(last.a?.labels, [[last.i]]);
  assert.equal(last.a && articleTitle(last.dump, last.a), '短评');
  // A 编者按 label away from its note (the sample's): not sent to that note, but to what follows it.
  const { dump, pages } = run(insertBefore(SAMPLE, 78, '%% article'));
  const first = pages[0].articles.find((x) => x.byline.includes(42))!;
  assert.deepEqual(first.labels, []);
  const tir = pages[0].articles.find((x) => x.labels.some((l) => l[0] === 79))!;
  assert.equal(articleTitle(dump, tir), 'TIR 跨境运输');
});

test('directives contradicting each other on one block are reported, saying which applies', () => {
  const page = (annots: string[]) => `${annots.map((a) => `%% ${a}\n`).join('')}甲乙丙丁戊己庚辛\n\n□记者 张三 报道\n\n本报讯 这是第一篇稿件的正文，内容很长很长很长很长，很长很长很长很长。\n`;
  const check = (annots: string[]) => {
    const src = page(annots);
    const { dump, pages } = run(src);
    const bad = pages[0].findings.filter((f) => f.rule === 'bad-annotation');
    const zh = analyzeArticles(dump, zhCn)[0].findings.filter((f) => f.rule === 'bad-annotation');
    return { dump, p: pages[0], at: annots.length, bad: bad.map((f) => [src.slice(f.start, f.end), f.message]), zh: zh.map((f) => f.message) };
  };
  // Two roles: the last one applies.
  let r = check(['headline', 'byline']);
  assert.deepEqual(r.bad, [['headline', 'Directive "headline" conflicts with "byline" on the same block: the last one, "byline", applies']]);
  assert.deepEqual(r.zh, ['指令“headline”与同一段落的“byline”冲突，以最后一条“byline”为准']);
  assert.equal(roleAt(r.p, r.at), 'byline');
  r = check(['skip', '# why', '主题']);
  assert.deepEqual(r.bad, [['skip', 'Directive "skip" conflicts with "主题" on the same block: the last one, "主题", applies']]);
  assert.equal(roleAt(r.p, r.at), 'headline');
  r = check(['headline', 'skip']);
  assert.deepEqual(r.bad.map((b) => b[0]), ['headline']);
  assert.ok(r.p.articles.every((a) => !a.lines.includes(r.at)), 'skipped');
  r = check(['headline', 'kicker', 'deck']);
  assert.deepEqual(r.bad.map((b) => b[0]), ['headline', 'kicker']);
  // Starting an article at a block that is in none; attaching below a block that is not a heading.
  r = check(['article', 'skip']);
  assert.deepEqual(r.bad, [['article', 'The block is marked "skip", so "article" has no effect on it']]);
  assert.deepEqual(r.zh, ['该段落已标为“skip”，指令“article”对它不起作用']);
  assert.deepEqual(check(['caption', 'article']).bad.map((b) => b[0]), ['article']);
  assert.deepEqual(check(['attach-below', 'body']).bad.map((b) => b[0]), ['attach-below']);
  // Two different continuations of one direction: the last one applies.
  r = check(['continued-to 第三版', 'continued-to 第二版']);
  assert.deepEqual(r.bad, [['continued-to', 'Directive "continued-to 第三版" conflicts with "continued-to 第二版" on the same block: the last one, "continued-to 第二版", applies']]);
  assert.deepEqual([r.p.articles[0].continuation?.direction, r.p.articles[0].continuation?.target, r.p.articles[0].continuedTo], ['to', '第二版', undefined]);
  r = check(['continued-from 第一版', 'continued-to 第三版', '上接 第二版']);
  assert.deepEqual(r.bad.map((b) => b[0]), ['continued-from']);
  const middle = (a: Article) => [a.continuation?.direction, a.continuation?.target, a.continuedTo?.direction, a.continuedTo?.target];
  assert.deepEqual(middle(r.p.articles[0]), ['from', '第二版', 'to', '第三版']);
  // A continued-from and a continued-to: a middle part (its block is both its ends), both apply.
  for (const both of [['continued-from 第一版', 'continued-to 第三版'], ['continued-to 第三版', 'continued-from 第一版']]) {
    r = check(both);
    assert.deepEqual(r.bad, [], both.join(' + '));
    assert.deepEqual(middle(r.p.articles[0]), ['from', '第一版', 'to', '第三版'], both.join(' + '));
  }
  // Directives that combine, or say the same twice, are not reported; nor are those of different blocks.
  for (const ok of [['article', 'headline'], ['headline', 'article'], ['attach-below', 'kicker'], ['article', 'attach-below', 'deck', 'continued-from 第一版'], ['label', 'article'], ['byline', 'article'], ['headline', '主题'], ['continued-to 第二版', '下转 第二版'], ['skip', 'continued-to 第二版']])
    assert.deepEqual(check(ok).bad, [], ok.join(' + '));
  assert.equal(run('%% headline\n标题\n\n%% byline\n□记者 张三 报道\n\n正文。\n').pages[0].findings.filter((f) => f.rule === 'bad-annotation').length, 0);
});

test('bad-annotation names a directive with no block after it as the user wrote it (%% 主题, not headline)', () => {
  const messages = (src: string, m: Messages = en) => analyzeArticles(parse(src), m)[0].findings.filter((f) => f.rule === 'bad-annotation').map((f) => f.message);
  assert.deepEqual(messages('%% 主题\n', zhCn), ['指令“主题”之后在本版没有可作用的段落']);
  assert.deepEqual(messages('%% 主题\n'), ['Directive "主题" has no block after it on this page']);
  assert.deepEqual(messages('%% headline\n'), ['Directive "headline" has no block after it on this page']);
  assert.deepEqual(messages('标题\n\n%% 正文\n', zhCn), ['指令“正文”之后在本版没有可作用的段落']);
});

test('a continued-to at the end of the page conflicts with a different one on the block just above it', () => {
  const bad = (src: string) => run(src).pages[0].findings.filter((f) => f.rule === 'bad-annotation').map((f) => [src.slice(f.start, f.end), f.message]);
  // The reviewer's page: the end-of-page one applies (hover and export show 第三版), and the other is reported.
  const src = '%% 主题\n标题\n\n%% continued-to 第二版\n正文。\n%% 下转 第三版\n';
  assert.deepEqual(bad(src), [['continued-to', 'Directive "continued-to 第二版" conflicts with "下转 第三版" on the same block: the last one, "下转 第三版", applies']]);
  const a = run(src).pages[0].articles.find((x) => x.continuation);
  assert.deepEqual([a?.continuation?.target, a?.continuedTo], ['第三版', undefined]);
  // With a blank line before it, the same; the same page twice, or a continued-from above, is no conflict.
  assert.equal(bad('%% continued-to 第二版\n正文。\n\n%% continued-to 第三版\n').length, 1);
  assert.deepEqual(bad('%% continued-to 第二版\n正文。\n%% 下转 第二版\n'), []);
  assert.deepEqual(bad('%% continued-from 第一版\n正文。\n%% continued-to 第三版\n'), []);
});

test('%% deck holds on a heading cluster with no body (it was made the notice\'s headline)', () => {
  const { dump, pages } = run(`${PAGE.slice(0, PAGE.indexOf('广告'))}%% deck\n——全市栽植苗木三万余株\n`);
  const i = allLines(dump).findIndex((l) => l.text.startsWith('——全市'));
  const a = pages[0].articles.find((x) => x.lines.includes(i));
  assert.deepEqual([a?.headline, a?.decks], [[], [[i]]]);
  assert.equal(roleAt(pages[0], i), 'deck');
});

test('%% attach-below and %% headline move the banner of the sample onto the article below it', () => {
  // 0-based line 380 is the banner 学习贯彻党的二十届三中全会精神, 382 the byline □通讯员 傅玉佳 报道.
  const src = insertBefore(SAMPLE, 380, '%% attach-below');
  const { dump, pages } = run(src);
  const banner = allLines(dump).findIndex((l) => l.text.startsWith('学习贯彻'));
  const a = pages[0].articles.find((x) => x.byline.length && lineAt(dump, x.byline[0]).text.includes('傅玉佳'))!;
  assert.deepEqual(a.headline, [banner]);
  assert.equal(roleAt(pages[0], banner), 'headline');
  assert.ok(a.confidence >= 0.9);
  // The detected headline of that article is left over: a notice, no longer on the body.
  assert.ok(pages[0].articles.some((x) => x.type === 'notice' && articleTitle(dump, x).includes('聚焦群众所需')));

  const src2 = insertBefore(SAMPLE, 380, '%% label');
  const r2 = run(src2);
  assert.equal(r2.pages[0].articles.length, 6);
  assert.equal(r2.pages[0].findings.filter((f) => f.rule === 'bad-annotation').length, 0);
});

test('%% 主题 on a headline over its deck, and %% 新稿 / %% 归下 on the kicker above both, keep the heading stack whole (r2 C13, C14)', () => {
  const stack = (k: string, h: string, d: string) => `${k}\n\n${h}\n\n${d}\n\n`;
  const story = '本报记者 张三\n\n本报青川3月5日电 3月5日，市委常委会召开会\n议，传达学习全国两会精神，研究部署当前重点\n工作。市委书记陈志强主持会议。\n';
  const story2 = '新华社北京3月5日电（记者 赵六）十四届全国\n人大三次会议5日开幕。政府工作报告提出，今\n年国内生产总值增长5%左右。（完）\n';
  const K = '坚持人民至上 办好民生实事';
  const H = '市委常委会召开会议';
  const D = '研究部署当前重点工作';
  for (const [name, src, kicker, headline, deck] of [
    ['%% 主题, no kicker', `%% 主题\n${H}\n\n${D}\n\n${story}`, null, H, D],
    ['%% 主题 under a kicker', stack(K, `%% 主题\n${H}`, D) + story, K, H, D],
    ['%% 主题 under a kicker, a headline near the column', stack('聚焦全国两会', '%% 主题\n政府工作报告提出今年发展主要预期目标', '国内生产总值增长5%左右') + story2, '聚焦全国两会', '政府工作报告提出今年发展主要预期目标', '国内生产总值增长5%左右'],
    ['%% 新稿 on the kicker', stack(`%% 新稿\n${K}`, H, D) + story, K, H, D],
    ['%% 归下 on the kicker', stack(`%% 归下\n${K}`, H, D) + story, K, H, D],
  ] as const) {
    const out = exportArticles(src, { path: 'p.txt', sha256: '0', version: '0' });
    assert.equal(out.articles.length, 1, name);
    const a = out.articles[0];
    assert.deepEqual([a.kicker, a.headline, a.subheadlines], [kicker, headline, [deck]], name);
    assert.equal(out.diagnostics['unclaimed-text'] ?? 0, 0, name);
  }
});

test('%% body and %% byline force roles', () => {
  const src = PAGE.replace('春季植树', '%% body\n春季植树').replace('□记者 王五 报道', '%% byline\n王五');
  const { dump, pages } = run(src);
  const idx = (s: string) => allLines(dump).findIndex((l) => l.text.startsWith(s));
  assert.equal(roleAt(pages[0], idx('春季植树')), 'body');
  assert.equal(roleAt(pages[0], idx('王五')), 'byline');
});

test('annotation completions and "mark as" actions', () => {
  const c = annotationCompletions('%% he');
  assert.deepEqual(c.map((x) => x.label), ['headline']);
  assert.equal(annotationCompletions('%% ').length, Object.keys(DIRECTIVES).length);
  assert.equal(annotationCompletions('%% continued-t')[0].insertText, 'continued-to ');
  // Each replaces what was typed of the directive, from its start (a `-` is in it).
  assert.deepEqual(annotationCompletions('%% continued-f').map((x) => [x.label, x.from, x.filterText]), [['continued-from', 3, 'continued-from']]);
  assert.deepEqual(annotationCompletions('plain text'), []);
  // Chinese typed stays Chinese: the alias it begins is offered, inserted and matched (it was
  // replaced by continued-to / headline / article), in either UI.
  for (const zh of [false, true]) {
    assert.deepEqual(annotationCompletions('  %%下', zh).map((x) => [x.label, x.name, x.from, x.filterText, x.insertText]), [['下转', 'continued-to', 4, '下转', '下转 ']]);
    assert.deepEqual(annotationCompletions('%% 主', zh).map((x) => [x.label, x.insertText]), [['主题', '主题']]);
    assert.deepEqual(annotationCompletions('%% 新', zh).map((x) => [x.label, x.name]), [['新稿', 'article']]);
    assert.deepEqual(annotationCompletions('%% 标', zh).map((x) => [x.label, x.name]), [['标题', 'headline'], ['标签', 'label']]);
  }
  // In a Chinese UI, before anything is typed, the Chinese names; English typed, the English ones.
  const zhAll = annotationCompletions('%% ', true);
  assert.deepEqual(zhAll.map((x) => x.label), Object.values(DIRECTIVES).map((d) => d.aliases[0]));
  assert.deepEqual(annotationCompletions('%% he', true).map((x) => x.label), ['headline']);
  assert.deepEqual(annotationCompletions('%% ').map((x) => x.label), Object.keys(DIRECTIVES), 'English names in an English UI');

  const { dump, pages } = run(SAMPLE);
  const at = lineAt(dump, 334).start + 2; // second line of the 中国—上合 headline block
  const acts = annotationActions(dump, pages, at, en);
  const titles = acts.map((a) => a.title);
  assert.ok(titles.includes('Mark as kicker') && titles.includes('Start new article here') && titles.includes('Not an article') && titles.includes('Attach this headline to the article below'));
  const attach = acts.find((a) => a.directive === 'attach-below')!;
  assert.deepEqual(attach.edits, [{ start: lineAt(dump, 333).start, end: lineAt(dump, 333).start, newText: '%% attach-below\n' }]);
  assert.deepEqual(annotationActions(dump, pages, lineAt(dump, 2).start, zhCn).map((a) => a.title).slice(0, 2), ['标为主题', '标为引题']);
  // A Chinese UI writes the directives' Chinese names, as its completion offers them.
  const zhActs = annotationActions(dump, pages, at, zhCn);
  assert.deepEqual(zhActs.find((a) => a.directive === 'attach-below')!.edits, [{ start: lineAt(dump, 333).start, end: lineAt(dump, 333).start, newText: '%% 归下\n' }]);
  assert.deepEqual(zhActs.map((a) => a.edits.find((e) => e.newText.startsWith('%%'))?.newText.trim()), zhActs.map((a) => `%% ${DIRECTIVES[a.directive].aliases[0]}`));
  assert.deepEqual(annotationActions(dump, pages, lineAt(dump, 2).start, en).length, 4);
});

test('"mark as" actions: not offered again once there, a role directive replaced not contradicted, the page at a form feed, the file\'s line ending', () => {
  const actionsOn = (src: string, offset: number) => {
    const { dump, pages } = run(src);
    return { dump, acts: annotationActions(dump, pages, offset, en) };
  };
  const page = '市政府党组会议召开\n\n本报讯 会议传达学习了习近平总书记的重要讲话精神，要持续强化理论学习。\n';
  // Once applied, an action is not offered again for the block.
  const started = `%% article\n${page}`;
  const titles = actionsOn(started, started.indexOf('市政府')).acts.map((a) => a.title);
  assert.ok(!titles.includes('Start new article here'), titles.join(' | '));
  // Mark as kicker over %% headline replaces that line; so does Not an article (no contradicting pair).
  const headed = `%% headline\n${page}`;
  const { acts } = actionsOn(headed, headed.indexOf('市政府'));
  const kicker = acts.find((a) => a.directive === 'kicker')!;
  assert.deepEqual(kicker.edits, [{ start: 0, end: '%% headline'.length, newText: '%% kicker' }]);
  assert.deepEqual(acts.find((a) => a.directive === 'skip')?.edits, [{ start: 0, end: '%% headline'.length, newText: '%% skip' }]);
  // On a skipped block, Mark as headline replaces `%% skip`, and Start new article (it would do nothing) is not offered.
  const skipped = `%% skip\n${page}`;
  const onSkipped = actionsOn(skipped, skipped.indexOf('市政府')).acts;
  assert.deepEqual(onSkipped.find((a) => a.directive === 'headline')?.edits, [{ start: 0, end: '%% skip'.length, newText: '%% headline' }]);
  assert.ok(!onSkipped.some((a) => a.directive === 'article'));
  // Not an article on a block that `%% article` or `%% attach-below` starts: those lines go (they
  // would do nothing to a skipped block, and bad-annotation would say so), and no pair is written.
  for (const [src, want] of [
    [`%% article\n${page}`, `%% skip\n${page}`],
    [`%% attach-below\n%% headline\n${page}`, `%% skip\n${page}`],
    [`%% article\n%% # checked\n%% attach-below\n${page}`, `%% skip\n%% # checked\n${page}`],
    // A directive reaches its block across blank lines.
    [`%% article\n\n${page}`, `%% skip\n\n${page}`],
    [`%% attach-below\n%% headline\n\n${page}`, `%% skip\n\n${page}`],
  ]) {
    const skip = actionsOn(src, src.indexOf('市政府')).acts.find((a) => a.directive === 'skip')!;
    const out = applyEdits(src, skip.edits);
    assert.equal(out, want);
    assert.deepEqual(parseAnnotations(parse(out), 0).problems, [], out);
  }
  // Column 0 of a page's first line is before its form feed: the actions are for that page's block.
  const two = `${page}\f${page}`;
  const ff = two.indexOf('\f');
  assert.equal(actionsOn(two, ff).acts.find((a) => a.directive === 'skip')?.edits[0].start, ff + 1);
  // A CRLF file's last line without a line ending: the inserted line ends in CRLF too.
  const crlf = '市政府党组会议召开\r\n\r\n本报讯 会议传达学习了习近平总书记的重要讲话精神';
  const last = actionsOn(crlf, crlf.indexOf('本报讯')).acts.find((a) => a.directive === 'skip')!;
  assert.equal(last.edits[0].newText, '%% skip\r\n');
  // At a page's end only continued-to applies (to the article above); continued-from there is said.
  const ends = (directive: string) => parseAnnotations(parse(`${page}\n${directive}\n`), 0).problems.map((x) => x.kind);
  assert.deepEqual(ends('%% continued-to 第二版'), []);
  assert.deepEqual(ends('%% continued-from 第一版'), ['no-target']);
  // `%% ：` is an empty annotation, not an unknown directive "".
  assert.deepEqual(parseDirectiveLine('%% ：'), { kind: 'problem', problem: 'empty', name: '', start: 0, end: 4 });
});

test('the grammar colours every directive the parser knows, by name and by alias, and no other', () => {
  const grammar = readFileSync(path.resolve(__dirname, '../../syntaxes/pagedump.tmLanguage.json'), 'utf8');
  const list = /\(%%\)\(\?:\[ \\\\t\]\*\(([^)]+)\)/.exec(grammar)?.[1];
  assert.ok(list, 'the annotation rule and its directive list');
  const known = Object.values(DIRECTIVES).flatMap((d) => [d.name, ...d.aliases]);
  assert.deepEqual(list.split('|').sort(), known.sort());
});

test('%% continued-from on a middle part\'s first block and %% continued-to on its last both apply (nor is either reported)', () => {
  const page = ['%% continued-from 第一版', '夏粮丰收', '', '农技人员深入田间地头，指导农户科学储粮，减少产后损失。', '', '%% continued-to 第三版', '粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。', ''].join('\n');
  const { pages } = run(page);
  const [a] = pages[0].articles;
  assert.deepEqual([a.continuation?.direction, a.continuation?.target, a.continuedTo?.direction, a.continuedTo?.target], ['from', '第一版', 'to', '第三版']);
  assert.equal(pages[0].findings.filter((f) => f.rule === 'bad-annotation').length, 0);
  // A directive of one direction on a part with a printed marker of the other: a middle part too.
  const printed = run(['夏粮丰收', '', '（上接第一版）', '', '农技人员深入田间地头，指导农户科学储粮，减少产后损失。', '%% continued-to 第三版', ''].join('\n')).pages[0].articles[0];
  assert.deepEqual([printed.continuation?.target, printed.continuedTo?.target], ['第一版', '第三版']);
});
