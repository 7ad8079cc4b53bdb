// Rewrite in reading order: the sample's six articles as clean paragraphs; the invariants (nothing
// lost or duplicated, a second run is a no-op, the same articles are detected before and after)
// on the sample and, as properties, on generated page dumps; the English scan-OCR pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { lineAt } from '../../server/src/core/lines';
import { analyze } from '../../server/src/core/analyze';
import { roleAt } from '../../server/src/core/articles/model';
import { cleanText } from '../../server/src/core/articles/roles';
import { REWRITE_MARKER, rewritePage } from '../../server/src/core/rewrite';
import { annotationActions } from '../../server/src/core/outline';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { en } from '../../server/src/core/messages';
import { exportArticles } from '../../server/src/core/export';
import { parseDirectiveLine } from '../../server/src/core/annotations';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

const isSpace = (c: string) => /^[\s\u3000\u00a0\ufeff\f]$/u.test(c);

/** Multiset of the non-space characters of the non-annotation lines. */
function chars(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split(/\r\n|\r|\n|\f/)) {
    if (/^\s*%%/.test(line)) continue;
    for (const c of line) if (!isSpace(c)) m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}

/**
 * Characters the glyph fixes remove on purpose: the second of each doubled pair (and removed
 * hyphens). Not an unsure fix's (see Finding.unsure): the rewrite leaves those for the user.
 */
function removedOnPurpose(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const { findings } = analyze(text);
  for (const f of findings) {
    if (!f.fix || f.unsure) continue;
    for (const e of f.fix.edits) {
      if (f.rule !== 'doubled-glyphs' && f.rule !== 'spaced-glyphs' && f.rule !== 'mixed-script-spacing') continue;
      const before = text.slice(e.start, e.end);
      const after = new Map<string, number>();
      for (const c of e.newText) if (!isSpace(c)) after.set(c, (after.get(c) ?? 0) + 1);
      for (const c of before) {
        if (isSpace(c)) continue;
        const left = after.get(c) ?? 0;
        if (left > 0) after.set(c, left - 1);
        else m.set(c, (m.get(c) ?? 0) + 1);
      }
    }
  }
  return m;
}

function diff(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if ((a.get(k) ?? 0) !== (b.get(k) ?? 0)) out.push(`${JSON.stringify(k)}: ${a.get(k) ?? 0} → ${b.get(k) ?? 0}`);
  return out;
}

function count(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Nothing lost, nothing duplicated: original minus removed-on-purpose equals the output (hyphens aside). */
function assertKeeps(text: string, out: string, hyphensRemoved = 0) {
  const want = chars(text);
  for (const [c, n] of removedOnPurpose(text)) want.set(c, (want.get(c) ?? 0) - n);
  const got = chars(out);
  if (hyphensRemoved >= 0 && (want.get('-') ?? 0) !== (got.get('-') ?? 0)) {
    // Latin line-end hyphens of rejoined words: only hyphens may be missing.
    const missing = (want.get('-') ?? 0) - (got.get('-') ?? 0);
    assert.ok(missing >= 0, 'no hyphen is added');
    got.set('-', want.get('-') ?? 0);
  }
  assert.deepEqual(diff(want, got), []);
}

function articlesOf(text: string) {
  const { dump, pages } = analyze(text);
  return pages.flatMap((p) => p.articles.map((a) => ({ id: a.id, type: a.type, body: a.body.length > 0, headline: a.headline.map((i) => cleanText(lineAt(dump, i).text).replace(/\s+/g, '')).join('') })));
}

/**
 * Every field the export gives each article but where its text sits (lines, edits, confidence):
 * a page and its rewrite must agree on all of them, paragraphs included. Comparing only the
 * articles' ids, types and headlines (articlesOf) let the export of a rewrite merge paragraphs
 * unseen.
 */
function exportedOf(text: string) {
  return exportArticles(text, { path: 'x.txt', sha256: '0', version: '0' }).articles.map(({ lines: _l, edits: _e, confidence: _c, ...rest }) => rest);
}

const sample = readFileSync(SAMPLE, 'utf8');
const once = rewritePage(sample);

test('a sign-off cut by a line end (（记者 / 赵六）): the rewrite prints it as the sign-off, and exports as the page does', () => {
  const page = ['全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动。活动持续到4月底，将举办', '读书分享会、图书漂流等活动60余场。（记者', '赵六）', ''].join('\n');
  const r = rewritePage(page).text;
  assert.ok(r.includes('\n（记者赵六）'), r);
  assert.deepEqual(exportedOf(r), exportedOf(page));
});

test('the sample: six articles in reading order as clean paragraphs', () => {
  assert.deepEqual(
    once.articles.map((a) => [a.id, a.headline, a.paragraphs]),
    [
      ['p1-a1', '跨境电商：外贸增长“新引擎”', 5],
      ['p1-a2', 'TIR跨境运输', 2],
      ['p1-a3', '市政府党组理论学习中心组举行集体学习研讨', 3],
      ['p1-a4', '市政府党组会议召开', 5],
      ['p1-a5', '中国—上合组织技术转移中心白俄罗斯协同中心启用', 4],
      ['p1-a6', '聚焦群众所需 提升城市品质', 3],
    ],
  );
  const lines = once.text.split('\n');
  assert.equal(lines[0], REWRITE_MARKER);
  assert.equal(lines.filter((l) => l === '%% article').length, 6);
  // Clean text: no justification spaces, no doubled heading, paragraphs on one line each.
  assert.ok(!/[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/.test(once.text));
  assert.ok(!once.text.includes('TTIIRR') && once.text.includes('\nTIR跨境运输\n'));
  assert.ok(once.text.includes('\n本报讯  8月26日，十八届市政府党组理论学习中心组在市级机关办公大楼举行集体学习研讨。市政府党组书记、市长于冬泉主持并讲话。\n'));
  assert.ok(once.text.includes('\n会议还研究了其它事项。\n'));
  // Head first: kicker, headline, deck, 编者按 + note, byline, body, continuation.
  const a1 = once.text.indexOf('发展跨境电商，胶州有基础有优势');
  const order = ['跨境电商：外贸增长“新引擎”', '上半年，我市跨境电商贸易额达39.7亿元', '编者按', '《上合视点》栏目关心您所关心的', '□记者 何光翠 报道', '顺势而为，胶州跨境电商开辟国际贸易新路径', '（下转第二版）'].map((s) => once.text.indexOf(s, a1));
  assert.ok(a1 > 0 && order.every((x, k) => x > (k ? order[k - 1] : a1)), `order ${order}`);
});

test('the sample: nothing lost, nothing duplicated (non-space characters, minus the doubled seconds)', () => {
  assertKeeps(sample, once.text);
  const before = count(chars(sample));
  const after = count(chars(once.text));
  // TTIIRR 跨跨境境运运输输 loses its 7 second glyphs; nothing else goes.
  assert.equal(before - after, 7);
});

test('the sample: a second run is a no-op, and the same articles are detected before and after', () => {
  assert.equal(rewritePage(once.text).text, once.text);
  assert.deepEqual(articlesOf(once.text), articlesOf(sample));
});

test('the sample: the export of the rewrite is the export of the page, paragraph for paragraph', () => {
  assert.deepEqual(exportedOf(once.text), exportedOf(sample));
});

test('pages whose paragraphs are apart only by a blank line export the same before and after the rewrite', () => {
  const table: [string, string, number][] = [
    // Each paragraph on one line of its own width, a blank line between (the rewrite's own layout).
    ['whole-paragraph lines', '全县秋粮收购工作会议召开\n\n本报讯 9月3日，全县秋粮收购工作会议召开。\n\n会议指出，今年全县秋粮播种面积稳中有增，丰收已成定局，各乡镇要把秋粮收购作为当前一项重要任务来抓。\n\n会议要求，要严格执行国家粮食收购政策。\n', 3],
    // Column lines, a blank line between paragraphs, the first ending on a full line.
    ['column paragraphs', '全县秋粮收购工作会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，安排部署今年秋粮收购工\n作，副县长李四出席会议并讲话表态。\n\n会议要求，要严格执行国家粮食收购\n政策，坚决守住农民种粮卖得出的底\n线，确保秋粮收购工作平稳有序开展。\n', 2],
    ['English column paragraphs', 'FIRE IN BROOKLYN.\nFire early yesterday morning destroyed\nthree frame houses in Flatbush avenue, and\ntwo firemen were hurt by a falling wall.\n\nThe loss is estimated at fifteen thousand\ndollars by the owners of the three houses,\nwho were insured for about half of it.\n', 2],
  ];
  for (const [name, text, n] of table) {
    const before = exportedOf(text);
    assert.equal(before[0].paragraphs.length, n, name);
    assert.deepEqual(exportedOf(rewritePage(text).text), before, name);
  }
});

test('a continuation marker cut by a line end is printed whole on a line of its own, and the page exports the same after the rewrite', () => {
  for (const text of [
    '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，副县长李四出席会议并\n讲话，要求守住底线。（下转第\n二版）\n',
    '秋粮收购\n（上接第\n一版）会议要求，要严格执行国家粮食收购政策，坚决守住底线。\n',
    // Cut between the opening bracket and the verb.
    '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，副县长李四出席会议并\n讲话，要求促进经济发展（\n下转第二版）\n',
    '秋粮收购\n（\n上接第一版）会议要求，要严格执行国家粮食收购政策，坚决守住底线。\n',
  ]) {
    const out = rewritePage(text).text;
    assert.ok(/\n（(下转第二版|上接第一版)）\n/.test(out), out);
    assertKeeps(text, out);
    assert.deepEqual(exportedOf(out), exportedOf(text));
  }
});

test('the English samples (noisy OCR): a second run changes nothing, and nothing is lost', () => {
  // Two heading groups that `%% article` starts, stacked above one body, were both given that body
  // at the same score: the first won, the other became a notice, and the next run swapped them.
  // Then one run's output still read differently when analysed again (a short first paragraph
  // under its headline as a deck, an advertisement line near the page end as furniture), so the
  // user had to run it twice; the command now runs until its output settles.
  for (const name of ['nytribune-1903-05-01-p1.txt', 'saltlaketribune-1911-09-17-p1.txt']) {
    const raw = readFileSync(path.join(SAMPLES_DIR, 'en', name), 'utf8');
    const first = rewritePage(raw).text;
    assert.equal(rewritePage(first).text, first, name);
    assertKeeps(raw, first);
  }
});

test('every sample (the two English OCR pages, the Chinese one): the export of the rewrite is the export of the page, and a second rewrite is a no-op', () => {
  // Every exported field but where the text sits (lines, edits, confidence); ids too: the rewrite
  // keeps the articles in reading order, so they are numbered alike. The English pages read back
  // otherwise before (a short first paragraph under its headline as a deck, a list of names mid-story
  // as a kicker and headline that split it, a notice above a headless article taking its body).
  const table: [string, string][] = [
    ['nytribune', path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt')],
    ['saltlaketribune', path.join(SAMPLES_DIR, 'en', 'saltlaketribune-1911-09-17-p1.txt')],
    ['zh', SAMPLE],
  ];
  for (const [name, file] of table) {
    const raw = readFileSync(file, 'utf8');
    const out = rewritePage(raw).text;
    assert.deepEqual(exportedOf(out), exportedOf(raw), name);
    assert.equal(rewritePage(out).text, out, name);
  }
});

test('a notice right above a headless article stays a notice: the rewrite starts both with `%% article`, and the second ends the first', () => {
  const table: [string, string, [string, string, number][]][] = [
    [
      'rewritten notice over a byline',
      '%% article\n%% headline\nABDUCTOR OF SCHOOL TEACHER\n\n%% article\nBy Associated Press.\n\nLANGDON, N. D., Sept. 16.—Ed Davis, confessed assailant of the school teacher, was identified by the girl.\n',
      [['notice', 'ABDUCTOR OF SCHOOL TEACHER', 0], ['article', '', 1]],
    ],
    // `%% attach-below` on the heading still gives it the article below.
    [
      'attach-below',
      '%% attach-below\n%% headline\nABDUCTOR OF SCHOOL TEACHER\n\n%% article\nBy Associated Press.\n\nLANGDON, N. D., Sept. 16.—Ed Davis, confessed assailant of the school teacher, was identified by the girl.\n',
      [['article', 'ABDUCTOR OF SCHOOL TEACHER', 1]],
    ],
  ];
  for (const [name, text, want] of table) {
    const got = exportedOf(text).map((a) => [a.type, a.headline, a.paragraphs.length]);
    assert.deepEqual(got, want, name);
    assert.deepEqual(exportedOf(rewritePage(text).text), exportedOf(text), name);
  }
});

test('annotations of the input are kept, next to what they annotate, and not doubled', () => {
  const text = sample.replace('中国—上合组织技术转移中心\n白俄罗斯协同中心启用', '%% # checked by hand\n中国—上合组织技术转移中心\n白俄罗斯协同中心启用');
  const out = rewritePage(text).text;
  assert.ok(out.includes('%% article\n%% # checked by hand\n%% headline\n中国—上合组织技术转移中心白俄罗斯协同中心启用'));
  assert.equal(rewritePage(out).text, out);
});

test('a line no article took loses the input directives its `%% skip` overrides (no contradicting pair), but a caption stays a caption', () => {
  // The misplaced TIR headline made a label, with nothing below it to label; 编者按 made a caption.
  const text = sample.replace('TTIIRR', '%% # not a headline\n%% label\nTTIIRR').replace('编者按', '%% article\n%% caption\n编者按');
  const out = rewritePage(text).text;
  assert.deepEqual(analyze(out).findings.filter((f) => f.rule === 'bad-annotation'), []);
  assert.ok(out.includes('%% # not a headline\n%% skip\nTIR'), out.slice(0, 300));
  assert.ok(out.includes('\n%% caption\n编者按\n%% # not a headline\n%% skip\nTIR'), out.slice(0, 300));
  assert.ok(!/%% (label|article\n%% caption)\n/.test(out));
  assert.equal(rewritePage(out).text, out);
});

test('a line in no article that the user marked a caption keeps its directive (no %% skip over it), and the lines after it are skipped again', () => {
  const body = '标题文字\n\n全市各级部门积极推进营商环境优化。\n';
  const roleOf = (text: string, line: string) => {
    const r = analyze(text);
    const at = text.indexOf(line);
    const p = r.pages.find((x) => x.page === r.dump.pages.findIndex((pg) => pg.start <= at && at < pg.end))!;
    const li = r.dump.lines.start.findIndex((st, k) => st <= at && at <= r.dump.lines.end[k]);
    return { role: roleAt(p, li - r.dump.pages[p.page].firstLine), warnings: r.findings.filter((f) => f.rule === 'bad-annotation').length };
  };
  const caption = `${body}\n%% caption\n市民在公园里散步游玩\n`;
  const out = rewritePage(caption).text;
  assert.ok(out.includes('%% caption\n市民在公园里散步游玩\n'), out);
  assert.ok(!out.includes('%% skip'), out);
  assert.deepEqual(roleOf(out, '市民在公园'), roleOf(caption, '市民在公园'));
  // A caption of two lines: both stay under the one `%% caption`.
  const two = `${body}\n%% caption\n市民在公园里散步\n游玩拍照留念\n`;
  const twoOut = rewritePage(two).text;
  assert.ok(twoOut.includes('%% caption\n市民在公园里散步\n游玩拍照留念\n') && !twoOut.includes('%% skip'), twoOut);
  assert.deepEqual(roleOf(twoOut, '游玩拍照'), roleOf(two, '游玩拍照'));
  // Furniture around the caption: skipped before it and after it, the caption left a caption.
  const around = rewritePage(`页眉文字\n%% caption\n市民在公园里散步游玩\n\n报头线\n\n${body}`).text;
  assert.ok(around.includes('%% skip\n页眉文字\n%% caption\n市民在公园里散步游玩\n%% skip\n报头线\n'), around);
});

test('form feeds between pages are kept', () => {
  const two = `${sample}\f${sample}`;
  const out = rewritePage(two).text;
  assert.equal(out.split('\f').length, 2);
  assert.equal(rewritePage(out).text, out);
});

test('a middle part keeps both its markers, each a line of its own, the continued-to one last', () => {
  const body = ['农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力', '大幅提升，有效解决了晾晒难题。粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。'];
  for (const src of [['夏粮丰收', '', `（上接第一版）${body[0]}`, `${body[1]}（下转第三版）`], ['夏粮丰收', '', `（上接第一版）${body.join('')}（下转第三版）`]]) {
    const out = rewritePage(src.join('\n')).text;
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[lines.length - 1], '（下转第三版）', out);
    assert.ok(lines.includes('（上接第一版）') && !lines.some((l) => l.length > 7 && l.includes('（')), out);
    assert.equal(rewritePage(out).text, out);
    const a = analyze(out).pages[0].articles[0];
    assert.deepEqual([a.continuation?.target, a.continuedTo?.target], ['第一版', '第三版']);
  }
});

test('a kicker below its headline, marked with "Mark as kicker": the rewrite prints it above, and the page reads back the same', () => {
  const body = '□记者 王五 报道\n\n本报讯 昨日，全市春季义务植树活动正式启动，\n各区组织干部群众参加植树，共栽植各类苗木\n三万余株，进一步扩大了城市绿化覆盖面积。\n';
  const heads = (text: string) => {
    const { dump, pages } = analyze(text);
    const t = (xs: readonly number[]) => xs.map((i) => cleanText(lineAt(dump, i).text).replace(/\s+/g, '')).join('');
    return pages.flatMap((p) => p.articles.map((a) => ({ id: a.id, type: a.type, kicker: t(a.kicker), headline: t(a.headline), decks: a.decks.map(t), byline: t(a.byline), body: t(a.body) })));
  };
  for (const [what, raw] of [
    ['alone', `春季植树活动启动\n\n绿化城市 人人有责\n\n${body}`],
    ['below another article', `城市建设再上台阶\n\n□记者 李四 报道\n\n本报讯 近日，城区主干道路改造工程全面完工，\n市民出行更加便捷，交通拥堵明显缓解。\n\n春季植树活动启动\n\n绿化城市 人人有责\n\n${body}`],
  ]) {
    const parsed = analyze(raw);
    const mark = annotationActions(parsed.dump, parsed.pages, raw.indexOf('绿化城市'), en).find((a) => a.directive === 'kicker');
    assert.ok(mark, what);
    const marked = applyEdits(raw, mark.edits);
    const before = heads(marked);
    assert.ok(before.some((a) => a.kicker === '绿化城市人人有责' && a.headline === '春季植树活动启动' && a.body.startsWith('本报讯昨日')), `${what}: ${JSON.stringify(before)}`);
    const out = rewritePage(marked).text;
    assert.ok(/%% kicker\n绿化城市 ?人人有责\n\n%% headline\n春季植树活动启动\n/.test(out), out);
    assert.deepEqual(heads(out), before, what);
    assert.equal(rewritePage(out).text, out, what);
  }
});

test('a part with a second marker of one direction prints all its markers: the continued-from ones on its first line, the continued-to ones on its last', () => {
  const B = ['农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力', '大幅提升，有效解决了晾晒难题。粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。', '下一步，全市将继续做好秋粮生产各项工作，为全年粮食丰收打下坚实基础。各级农业部门要压实责任，', '确保各项措施落到实处。'];
  // name, lines, the marker lines of the part as printed
  const cases: [string, string[], string[]][] = [
    ['two continued-to markers ending two lines', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], ['（下转第二版）（转第三版）']],
    ['two continued-to markers at the end of one line', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）（转第三版）`], ['（下转第二版）（转第三版）']],
    ['after a sign-off', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（本报通讯员）（转第三版）`], ['（下转第二版）（转第三版）']],
    ['a middle part with two continued-to markers', ['夏粮丰收', '', `（上接第一版）${B[0]}`, `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], ['（上接第一版）', '（下转第二版）（转第三版）']],
    ['continued-from markers at both ends of a line', ['夏粮丰收', '', `（上接第一版）${B[0]}（上接第二版）`, B[1]], ['（上接第一版）（上接第二版）']],
  ];
  const markers = (text: string) =>
    analyze(text).pages[0].articles.map((a) => [a.continuation, a.continuedTo, ...(a.moreContinuations ?? [])].map((c) => c && `${c.direction} ${c.target}`));
  for (const [name, lines, printed] of cases) {
    const src = `${lines.join('\n')}\n`;
    const out = rewritePage(src).text;
    assertKeeps(src, out);
    const rows = out.split('\n');
    assert.deepEqual(rows.filter((l) => l.includes('（') && !l.includes('（本报')), printed, `${name}:\n${out}`);
    const last = printed.find((l) => l.includes('转'));
    if (last) assert.equal(rows.filter((l) => l.trim() && !l.startsWith('%%')).at(-1), last, `${name}:\n${out}`);
    assert.equal(rewritePage(out).text, out, name);
    assert.deepEqual(markers(out), markers(src), name);
    assert.deepEqual(articlesOf(out), articlesOf(src), name);
  }
});

// ---- generated dumps ----

const SURNAMES = '张王李赵刘陈杨黄';
const GLYPHS = '上合新区经济社会发展脉动解读成果事件探究现象问题我们期望通过这个栏目努力用更的视角和深入观察为您好地讲述故事市商务局数据显示今年半跨境电商持续保持高位增长';
const glyphs = (min: number, max: number) => fc.array(fc.constantFrom(...GLYPHS), { minLength: min, maxLength: max }).map((a) => a.join(''));
const bodyLine = fc.tuple(glyphs(10, 15), fc.constantFrom('', '', '', '，', '。', '、')).map(([g, p]) => g + p);
const spaced = bodyLine.map((l) => Array.from(l).join(' '));
const paragraph = fc.array(fc.oneof({ weight: 4, arbitrary: bodyLine }, { weight: 1, arbitrary: spaced }), { minLength: 1, maxLength: 6 }).map((ls) => [...ls.slice(0, -1), `${ls[ls.length - 1].replace(/[，、。]$/, '')}。`]);
const headline = glyphs(4, 9);
const byline = fc.tuple(fc.constantFrom(...SURNAMES), glyphs(1, 2)).map(([s, g]) => `□记者 ${s}${g} 报道`);
const doubled = glyphs(3, 5).map((g) => Array.from(g).map((c) => c + c).join(''));
const article = fc.record({
  head: fc.oneof(headline, doubled),
  byline: fc.option(byline),
  paras: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  cont: fc.option(fc.constant('（下转第二版）')),
  headAfter: fc.boolean(),
});
const page = fc.array(article, { minLength: 1, maxLength: 4 }).map((arts) => {
  const lines: string[] = [];
  for (const a of arts) {
    const body = [...(a.byline ? [a.byline] : []), ...a.paras.flat(), ...(a.cont ? [a.cont] : [])];
    if (a.headAfter) lines.push(...body, a.head);
    else lines.push(a.head, ...body);
  }
  return `${lines.join('\n\n')}\n`;
});
/**
 * Generated pages in the three layouts of blank lines: one after every line (pdftotext's, as
 * `page`), one between paragraphs and parts, none. No glyph twice in a row: what the doubled-glyph
 * fix makes of a headline of doubled lines joined is not about paragraphs (the other properties
 * cover it).
 */
const laidOut = fc.tuple(fc.array(article, { minLength: 1, maxLength: 4 }), fc.constantFrom('every', 'paragraphs', 'none')).map(([arts, layout]) => {
  const undoubled = (ls: readonly string[]) => ls.map((l) => l.replace(/(\S)\1+/gu, '$1'));
  const blocks: string[][] = [];
  for (const a of arts) {
    const head = [a.head];
    const body = [...(a.byline ? [[a.byline]] : []), ...a.paras, ...(a.cont ? [[a.cont]] : [])];
    if (a.headAfter) blocks.push(...body, head);
    else blocks.push(head, ...body);
  }
  if (layout === 'every') return `${undoubled(blocks.flat()).join('\n\n')}\n`;
  return `${blocks.map((b) => undoubled(b).join('\n')).join(layout === 'paragraphs' ? '\n\n' : '\n')}\n`;
});
const anything = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('心', '。', ' ', '\n', '\n\n', '\f', 'TT', '跨跨', '□记者 张三 报道', '%% headline\n', '（下转第二版）')), { maxLength: 60 }).map((a) => a.join(''));

test('property: nothing lost, nothing duplicated (generated pages and random text)', () => {
  fc.assert(
    fc.property(fc.oneof(page, anything), (text) => {
      assertKeeps(text, rewritePage(text).text);
    }),
    { numRuns: 300 },
  );
});

test('property: rewriting a rewritten page changes nothing', () => {
  fc.assert(
    fc.property(fc.oneof(page, anything), (text) => {
      // Known detection gap (reported): a `%% body` line that is itself a continuation marker is
      // still taken as the article's marker, so a line holding two markers does not settle.
      fc.pre(!/（下转第二版）[^\n]*（下转第二版）/.test(text));
      // Known gap (reported): a notice (headings, no body) right above a headless story is taken
      // as that story's headline when the page is analysed again.
      fc.pre(!articlesOf(text).some((a) => a.type === 'notice'));
      const a = rewritePage(text).text;
      assert.equal(rewritePage(a).text, a);
    }),
    { numRuns: 300 },
  );
});

test('property: the export of the rewrite is the export of the page: same articles, same paragraphs (generated pages, three layouts)', () => {
  fc.assert(
    fc.property(laidOut, (text) => {
      fc.pre(!articlesOf(text).some((a) => a.type === 'notice'));
      assert.deepEqual(exportedOf(rewritePage(text).text), exportedOf(text));
    }),
    { numRuns: 200 },
  );
});

test('property: the detection finds the same articles before and after (generated pages)', () => {
  fc.assert(
    fc.property(page, (text) => {
      fc.pre(!articlesOf(text).some((a) => a.type === 'notice'));
      assert.deepEqual(articlesOf(rewritePage(text).text), articlesOf(text));
    }),
    { numRuns: 300 },
  );
});

// ---- Latin-script pages ----

for (const name of ['nytribune-1903-05-01-p1.txt', 'saltlaketribune-1911-09-17-p1.txt']) {
  test(`English page ${name}: no crash, no glued words, hyphenated words rejoined, nothing lost`, () => {
    const text = readFileSync(path.join(SAMPLES_DIR, 'en', name), 'utf8');
    const out = rewritePage(text).text;
    assertKeeps(text, out);
    const letters = (w: string) => w.toLowerCase().replace(/[^a-z]/g, '');
    const words = new Set(text.split(/\s+/).map(letters));
    const rows = text.split('\n');
    // No glued words: two words at a line break never come out as one word unless a hyphen was
    // removed between them.
    const outWords = new Set(out.split(/\s+/));
    for (let k = 0; k + 1 < rows.length; k++) {
      const a = rows[k].trim().split(/\s+/).at(-1) ?? '';
      const b = rows[k + 1].trim().split(/\s+/)[0] ?? '';
      // Rejoined on purpose: a hyphen at the end, or the page has the joined word elsewhere (its
      // possessive too: `Al` / `bert's`, the page has `Albert`).
      if (!a || !b || a.endsWith('-') || words.has(letters(a + b)) || words.has(letters(a + b.replace(/'s\b.*$/, '')))) continue;
      assert.ok(!outWords.has(a + b), `glued: ${a}|${b}`);
    }
    assert.ok(out.split('\n').some((l) => l.length > 200), 'lines were joined into paragraphs');
  });
}

test('English: a word hyphenated at a line end is rejoined, a real compound keeps its hyphen', () => {
  const text = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
  const out = rewritePage(text).text;
  // `indepen` / `dent` (OCR lost the hyphen; the page has "independent"), `yes-` / `terday`.
  assert.ok(out.includes('tugs owned by independent towing companies'));
  assert.ok(out.includes('had their demands granted yesterday.'));
  assert.ok(!/\bindepen[ -]dent\b/.test(out));
  // Capitalised continuations keep the hyphen: `New-` / `York`.
  assert.ok(out.includes('Port of New-York was held'));
});

// ---- how a paragraph's lines join (review r1): the rewrite as the hard-wrap fix ----

const JOINS: { name: string; text: string; paragraph: string }[] = [
  {
    name: 'a CJK paragraph: a Latin word cut by the column joins without a space (the page has it); two digits at the seam keep a space',
    text: '今年以来，全县累计完成固定资产投资总额达到了12\n3456万元，同比增长百分之十五，咨询电话为138\n00138000，欢迎广大市民朋友们踊跃参与Micro\nsoft公司组织的Microsoft培训，共同推动发展。\n',
    paragraph: '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，咨询电话为138 00138000，欢迎广大市民朋友们踊跃参与Microsoft公司组织的Microsoft培训，共同推动发展。',
  },
  {
    name: 'a CJK paragraph: two lower-case Latin words cut by the column keep the space without the joined word on the page',
    text: '今年以来，全县累计完成固定资产投资总额达到了12\n3456万元，同比增长百分之十五，近日正式发布了china\ngreat系列产品，欢迎广大市民朋友们踊跃参与体验活动，\n共同推动发展。\n',
    paragraph: '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，近日正式发布了china great系列产品，欢迎广大市民朋友们踊跃参与体验活动，共同推动发展。',
  },
  {
    name: 'English: curly quotes and an ellipsis at a line end',
    text: 'The mayor spoke to the crowd for an hour, saying\n\u201cwe will build the bridge this year,\u201d and the men\ncheered him loudly. \u201cIt is about time,\u201d said one\u2026\nand the others agreed that it was about time too.\n',
    paragraph: 'The mayor spoke to the crowd for an hour, saying \u201cwe will build the bridge this year,\u201d and the men cheered him loudly. \u201cIt is about time,\u201d said one\u2026 and the others agreed that it was about time too.',
  },
  {
    name: 'English: two words that make a word of the page stay two',
    text: 'The men walked across the square to the church, where the priest\nhad set up a big tent for the feast, and the women came in to see a\ncross of gold and silver which he had brought from the city in a box.\n',
    paragraph: 'The men walked across the square to the church, where the priest had set up a big tent for the feast, and the women came in to see a cross of gold and silver which he had brought from the city in a box.',
  },
  {
    name: 'English: hyphens after a compound and a number stay',
    text: 'The mayor said yesterday that the boy who was a five-year-\nold child had come to the city with his father on a 3-\nyear contract at the mill, and rode all the way in first-\nclass cars of the train to see the great city at last.\n',
    paragraph: 'The mayor said yesterday that the boy who was a five-year-old child had come to the city with his father on a 3-year contract at the mill, and rode all the way in firstclass cars of the train to see the great city at last.',
  },
];

for (const c of JOINS) {
  test(`the rewrite, the hard-wrap fix and the export join lines alike: ${c.name}`, () => {
    const out = rewritePage(c.text).text;
    assert.ok(out.split('\n').includes(c.paragraph), out);
    const hw = analyze(c.text).findings.filter((f) => f.rule === 'hard-wrap');
    assert.equal(applyEdits(c.text, hw.flatMap((f) => f.fix!.edits)), `${c.paragraph}\n`);
    const exported = exportArticles(c.text, { path: 'x.txt', sha256: '0', version: '0' }).articles.flatMap((a) => a.paragraphs);
    assert.deepEqual(exported, [c.paragraph]);
  });
}

test('a staff %% article on an article\'s byline or first body line: the rewrite starts the article once, at its heading, and exports alike', () => {
  const body = 'The fire started at noon and burned until late in the night, the chief\nsaid. Many were saved from the houses by the firemen of the city, and\nthe council will meet to-morrow to hear the report of the fire chief.\n';
  const zh = '本报讯 昨天上午，县城东街一处民房起火，消防人员及时赶到，\n火势很快得到控制，没有造成人员伤亡，起火原因正在调查之中。\n';
  for (const [name, src] of [
    ['on the byline', `FIRE ON MAIN STREET\n%% article\nBy John Smith\n${body}`],
    ['on the first body line', `FIRE ON MAIN STREET\n%% article\n${body}`],
    ['on a Chinese byline', `县城东街民房起火\n\n%% article\n□记者 王五 报道\n\n${zh}`],
  ]) {
    const out = rewritePage(src).text;
    assert.equal(out.split('\n').filter((l) => { const d = parseDirectiveLine(l); return d.kind === 'directive' && d.name === 'article'; }).length, 1, `${name}:\n${out}`);
    assert.deepEqual(exportedOf(out), exportedOf(src), `${name}:\n${out}`);
    assert.equal(rewritePage(out).text, out, name);
  }
});

test('a doubled run the rewrite\'s joins built (NNEEWWSS / WWAARR) is no sure fake bold on the rewritten page: Fix All and the export leave it', () => {
  const body = 'said. Many were saved from the houses by the firemen of the city, and\nthe council will meet to-morrow to hear the report of the fire chief.\n';
  for (const [name, src] of [
    ['in a paragraph', `FIRE ON MAIN STREET\nThe fire started at noon and burned until late in the night, NNEEWWSS\nWWAARR ${body}`],
    ['a two-line heading', `NNEEWWSS\nWWAARR\nThe fire started at noon and burned until late in the night, the chief\n${body}`],
  ]) {
    const out = rewritePage(src).text;
    assert.ok(out.includes('NNEEWWSS WWAARR'), `${name}:\n${out}`);
    assert.equal(fixAll(out).text, out, `${name}: Fix All of the rewrite`);
    assert.deepEqual(exportedOf(out), exportedOf(src), `${name}:\n${out}`);
  }
});

test('numbers at a line end and a line start never become one number: the export, the rewrite and Fix All keep them apart (review s23 r1 #3)', () => {
  // A league table: each row ends in a number and the next starts with one. Joined with no space,
  // 6 and 2 read 62 (the export had `…2 62上海海港2 43山东泰山…`), which is wrong data.
  const pages = [
    '积分榜\n\n名次 球队 场次 积分\n1 成都蓉城 2 6\n2 上海海港 2 4\n3 山东泰山 2 4\n',
    '积分榜\n\n名次 球队 场次 积分\n1成都蓉城2 6\n2上海海港2 4\n3山东泰山2 4\n',
  ];
  const numbersOf = (text: string) => (text.match(/[0-9]+/g) ?? []).sort();
  const opts = { path: 'x.txt', sha256: '0', version: '0' };
  const exportedText = (text: string) => exportArticles(text, opts).articles.flatMap((a) => [a.headline ?? '', ...a.paragraphs]).join('\n');
  for (const page of pages) {
    const want = numbersOf(page);
    assert.deepEqual(numbersOf(exportedText(page)), want, `export: ${exportedText(page)}`);
    const rewritten = rewritePage(page).text;
    assert.deepEqual(numbersOf(rewritten.split('\n').filter((l) => !l.startsWith('%%')).join('\n')), want, `rewrite:\n${rewritten}`);
    for (const level of ['hint', 'warning'] as const) {
      const fixed = fixAll(page, { rules: { 'mixed-script-spacing': level } }).text;
      assert.deepEqual(numbersOf(fixed), want, `fix (${level}):\n${fixed}`);
    }
    // The page after Fix All exports the same numbers. (Not yet the same structure: with
    // mixed-script-spacing raised, Fix All takes the spaces out of `1 成都蓉城 2 6`, and the rows,
    // their cells no longer apart, read as one heading. The rule does not know table rows yet.)
    const fixed = fixAll(page, { rules: { 'mixed-script-spacing': 'warning' } }).text;
    assert.deepEqual(numbersOf(exportedText(fixed)), want, `export of the fixed page: ${exportedText(fixed)}`);
  }
});

test('the rewrite keeps a dateline apart from its text as the page does (review s23 r1 #11)', () => {
  const head = '全国人大会议开幕\n\n';
  const rest = '全国人大三次会议今天在人民大会堂开幕。代表们纷纷表示，要\n扎扎实实抓好各项工作落实，确保人民群众的急难愁盼问题得到解决。\n';
  for (const [name, dateline, want] of [
    ['a double space', '本报北京3月5日电  十四届', '本报北京3月5日电  十四届全国人大三次会议'],
    ['one space', '本报北京3月5日电 十四届', '本报北京3月5日电 十四届全国人大三次会议'],
    ['none', '本报北京3月5日电十四届', '本报北京3月5日电十四届全国人大三次会议'],
  ] as const) {
    const src = `${head}${dateline}${rest}`;
    const out = rewritePage(src).text;
    assert.ok(out.split('\n').some((l) => l.startsWith(want)), `${name}:\n${out}`);
    assert.equal(rewritePage(out).text, out, name);
    assert.deepEqual(exportedOf(out), exportedOf(src), name);
  }
});
