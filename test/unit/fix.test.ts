// fixAll: its passes apply only what the original text's findings asked for, and by default only
// the rules the user sees as problems (not hints).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { exportArticles, type ArticlesDocument } from '../../server/src/core/export';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { rewritePage } from '../../server/src/core/rewrite';
import type { AnalyzeOptions } from '../../server/src/core/types';
import fc from '../helpers/fc';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

/** The characters other than whitespace and hyphens (which the join fixes remove), counted: moving text keeps them. */
function glyphCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of text) if (!/[\s-]/u.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** The text with only the doubled-glyphs fixes of its own findings applied, but the unsure ones (the user's to apply). */
function undoubledOnce(text: string, options: AnalyzeOptions): string {
  return applyEdits(text, analyze(text, options).findings.flatMap((f) => (f.rule === 'doubled-glyphs' && f.fix && !f.unsure ? f.fix.edits : [])));
}

/** fixAll removes no glyph but those the original text's sure doubled-glyphs findings name. */
function assertOnlyOriginalGlyphsGo(text: string, options: AnalyzeOptions = {}): void {
  assert.deepEqual(glyphCounts(fixAll(text, options).text), glyphCounts(undoubledOnce(text, options)), JSON.stringify(text.slice(0, 120)));
}

// Real reduplications that the spacing and join fixes bring together: a later pass took the token
// they built for a fake-bold overprint and deleted real glyphs.
const SPLIT_WORDS = '他们一起唱歌跳舞，日子过得十分美好，大家都\n说祝愿所有的朋友们在新的一年里都能 快快乐乐\n平平安安 这就是我们最大的心愿，也是大家共同\n的期盼和梦想，我们一定会努力实现这个目标。\n';

test('fixAll: a later pass never undoubles a token that the source kept apart with spaces or line breaks', () => {
  assert.equal(fixAll('高 高 兴 兴 快 快 乐 乐\n').text, '高高兴兴快快乐乐\n', 'letter-spaced AABB words');
  // Joined, a whole line of five pairs, which the text as given never had.
  assert.equal(fixAll('天 天 高 高 兴 兴 快 快 乐 乐\n').text, '天天高高兴兴快快乐乐\n', 'letter-spaced AA and AABB words');
  assert.equal(fixAll('教 爷爷奶奶 QQ\n', { rules: { 'mixed-script-spacing': 'warning' } }).text, '教 爷爷奶奶QQ\n', 'a word and a Latin name');
  const joined = fixAll(SPLIT_WORDS).text;
  assert.ok(joined.includes('都能 快快乐乐平平安安 这就是'), joined);
});

test('fixAll: still undoubles a fake-bold heading on a page whose first pass moves a line', () => {
  // The split sentence makes the first pass a moving one (its fixes go alone); the heading's fix,
  // found on the original text, must not be lost with it.
  const page = 'TTIIRR 跨跨境境运运输输\n\n市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n';
  const fixed = fixAll(page, { rules: { 'mixed-script-spacing': 'off' } }).text;
  assert.ok(fixed.includes('TIR 跨境运输') && !fixed.includes('TTIIRR'), fixed);
});

test('fixAll: deletes no glyph but those the original text\'s doubled-glyphs findings name (samples and fixtures)', () => {
  const dir = path.resolve(__dirname, '../fixtures/pages');
  const pages = [SAMPLE, ...readdirSync(path.join(SAMPLES_DIR, 'en')).map((f) => path.join(SAMPLES_DIR, 'en', f)), ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f))];
  for (const p of pages) assertOnlyOriginalGlyphsGo(readFileSync(p, 'utf8'));
  for (const t of ['高 高 兴 兴 快 快 乐 乐\n', '天 天 高 高 兴 兴 快 快 乐 乐\n', SPLIT_WORDS]) assertOnlyOriginalGlyphsGo(t);
  assertOnlyOriginalGlyphsGo('教 爷爷奶奶 QQ\n', { rules: { 'mixed-script-spacing': 'warning' } });
});

test('property: fixAll deletes no glyph but those the original text\'s doubled-glyphs findings name', () => {
  // Lines of glyphs and pairs, some letter-spaced (every code point apart), some long enough to be
  // read as column lines of one paragraph.
  const unit = fc.constantFrom('高高', '兴兴', '快快', '乐乐', '平平', '安安', '跨跨', '境境', 'TTIIRR', 'QQ', '11', '：：', '的', '我们', '一定会努力实现这个目标', '，', '。', ' ');
  const line = fc.record({ units: fc.array(unit, { minLength: 1, maxLength: 12 }), spaced: fc.boolean() }).map(({ units, spaced }) => (spaced ? [...units.join('')].join(' ') : units.join('')));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, mixed) => {
      assertOnlyOriginalGlyphsGo(`${lines.join('\n')}\n`, mixed ? { rules: { 'mixed-script-spacing': 'warning' } } : {});
    }),
    { numRuns: 300 },
  );
});

test('fixAll applies the rules at information level and above; hints (shown faded) only when asked for by name or raised', () => {
  for (const text of ['北京 12 上海 15 广州 18\n', '他说 I love you 然后走了\n']) {
    assert.equal(fixAll(text).text, text, `${text}: a hint is left`);
  }
  assert.equal(fixAll('北京 12 上海 15 广州 18\n', { rules: { 'mixed-script-spacing': 'warning' } }).text, '北京12上海15广州18\n', 'raised to warning: fixed');
  assert.equal(fixAll('他说 I love you 然后走了\n', { rules: { 'mixed-script-spacing': 'information' } }).text, '他说I love you然后走了\n', 'raised to information: fixed');
  assert.equal(fixAll('北京 12 上海 15 广州 18\n', { only: ['mixed-script-spacing'] }).text, '北京12上海15广州18\n', '"Fix all mixed-script-spacing problems": fixed');
  // A rule at hint is left whichever it is: hard-wrap lowered to hint joins no line.
  const wrapped = readFileSync(SAMPLE, 'utf8');
  const lines = (t: string) => t.split('\n').length;
  assert.equal(lines(fixAll(wrapped, { rules: { 'hard-wrap': 'hint', 'split-sentence': 'off' } }).text), lines(wrapped));
  assert.ok(lines(fixAll(wrapped, { rules: { 'split-sentence': 'off' } }).text) < lines(wrapped), 'at its default level it joins');
});

// Idempotence: Fix All never builds a sure fake-bold run that it leaves for the next run to
// undouble. A spacing fix whose result reads as fake bold (`TTIIRR 天 天 好 好` → TTIIRR 天天好好,
// which the next run read as TIR 天好) is unsure: the user's to click, left by every automatic path.
const BODY = '\n\n正文第一段写在这里，内容很长很长很长很长很长很长。\n';
const WRAPPED = 'The quick brown fox jumped over the lazy dog and TTHHEE\nNNEEWWSS of the day was read by all of the people in town.\nAnd the rest of the paragraph goes on for a while longer yet.\n';
const BUILT = ['TTIIRR 天 天 好 好', '看 看 TTIIRR 跨 跨 境 境', 'TTHHEE 跨 跨 境 境', '天 天 2200 好 好', '跨 跨 境 境 ：： 外 外 贸 贸', '2200 年 年 跨 跨 境 境', WRAPPED];
const RAISED: AnalyzeOptions = { rules: { 'mixed-script-spacing': 'warning' } };
const OFF: AnalyzeOptions = { rules: { 'mixed-script-spacing': 'off' } };

function corpus(): string[] {
  const dir = path.resolve(__dirname, '../fixtures/pages');
  const pages = [SAMPLE, ...readdirSync(path.join(SAMPLES_DIR, 'en')).map((f) => path.join(SAMPLES_DIR, 'en', f)), ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f))];
  return [...pages.map((p) => readFileSync(p, 'utf8')), ...BUILT.map((l) => `${l}${BODY}`), SPLIT_WORDS, 'TTIIRR 跨跨境境运运输输\n'];
}

function assertIdempotent(text: string, options: AnalyzeOptions = {}): void {
  const once = fixAll(text, options);
  const twice = fixAll(once.text, options);
  assert.equal(twice.text, once.text, `fixAll twice: ${JSON.stringify(text.slice(0, 120))}`);
  // Nothing sure and fixable is left after it: a leftover would be silent (left counts it now).
  const rest = analyze(once.text, options).findings.filter((f) => f.fix && !f.unsure && f.severity !== 'hint' && ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing'].includes(f.rule));
  assert.deepEqual(rest.map((f) => `${f.rule} ${f.message}`), [], `left after fixAll: ${JSON.stringify(text.slice(0, 120))}`);
}

test('fixAll is idempotent on the reviewer\'s inputs: a spacing fix that would build fake bold is left', () => {
  assert.equal(fixAll(`TTIIRR 天 天 好 好${BODY}`).text, `TTIIRR 天 天 好 好${BODY}`);
  assert.equal(fixAll(`看 看 TTIIRR 跨 跨 境 境${BODY}`).text, `看 看 TTIIRR 跨 跨 境 境${BODY}`);
  assert.equal(fixAll(`天 天 2200 好 好${BODY}`, RAISED).text, `天 天 2200 好 好${BODY}`, 'the spacing rules together');
  // The spaced-glyphs finding says why, and stays a one-click fix the user applies.
  const f = analyze(`TTIIRR 天 天 好 好${BODY}`).findings.find((x) => x.rule === 'spaced-glyphs');
  assert.ok(f?.unsure && f.fix && f.severity === 'information', JSON.stringify(f));
  assert.match(f.message, /fake bold/);
  assert.match(analyze(`TTIIRR 天 天 好 好${BODY}`, { locale: 'zh-cn' }).findings.find((x) => x.rule === 'spaced-glyphs')!.message, /重复字/);
  // The hard-wrap join too: TTHHEE⏎NNEEWWSS joined is a doubled Latin word beside another.
  assert.equal(fixAll(WRAPPED).text, WRAPPED);
  const wrap = analyze(WRAPPED).findings.find((x) => x.rule === 'hard-wrap');
  assert.ok(wrap?.unsure && wrap.fix && wrap.severity === 'hint' && /fake bold/.test(wrap.message), JSON.stringify(wrap));
  // A join whose first line the same pass unspaces: 跨 跨 境 境⏎：：外外贸贸 joined and unspaced is
  // 跨跨境境：：外外贸贸 (the join read the line as given, and the next Fix All undoubled it); and
  // 高 高 高 高⏎高高TTHHEE, whose doubled Latin word then touches the Han pairs.
  // Found by the property test with random seeds: each line unspaced as its own findings decide
  // (spaced punctuation too), or not, which can break a run as well as build one.
  for (const wrapped of [
    '。\n跨 跨 境 境\n：：外外贸贸\n',
    '。\n高 高 高 高\n高高TTHHEE\n',
    '高 高 ： ：\n高高 TTIIRR 高高\n。\n',
    '： ： 高 高 高 高\n高高 ，\n',
    '。\n高高 NNEEWWSS 高高\n： ： 高 高\n',
    'NNEEWWSS看 高高看看\nTTIIRR 高高\nx高高高高高高高高\n高 高 高 高 高 高 2 2 0 0\n',
  ]) {
    assertIdempotent(wrapped, {});
    assert.ok(analyze(wrapped).findings.some((x) => x.rule === 'hard-wrap' && x.unsure), wrapped);
  }
  // A sure fake-bold heading as given is undoubled as before, once.
  assert.equal(fixAll('TTIIRR 跨跨境境运运输输\n').text, 'TIR 跨境运输\n');
  // Two sure runs on a line go in the one first pass (the fix took the longer alone: a second Fix All took the other).
  assert.equal(fixAll('NNEEWWSS TTIIRR 高高 NNEEWWSS TTIIRR 高高\n').text, 'NEWS TIR 高高 NEWS TIR 高高\n');
  for (const o of [{}, RAISED, OFF]) for (const l of BUILT) assertIdempotent(`${l}${BODY}`, o);
});

test('fixAll(fixAll(x)) === fixAll(x) over the samples, the fixtures and the reviewer\'s inputs', () => {
  for (const text of corpus()) for (const o of [{}, RAISED]) assertIdempotent(text, o);
});

/** Lines mixing doubled tokens, glyphs, doubled Latin words and digits, some letter-spaced. */
const GENERATED_LINE = fc
  .record({
    units: fc.array(fc.constantFrom('高高', '兴兴', '天天', '好好', '跨跨', '境境', '天', '好', '看', 'TTIIRR', 'TTHHEE', 'NNEEWWSS', 'QQ', '2200', '11', '：：', '的', '我们', '一定会努力实现这个目标', '，', '。', ' ', ' ', 'x'), { minLength: 1, maxLength: 10 }),
    spaced: fc.constantFrom(0, 1, 2),
  })
  // 0: as is; 1: every code point apart; 2: each unit apart.
  .map(({ units, spaced }) => (spaced === 1 ? [...units.join('')].join(' ') : spaced === 2 ? units.join(' ') : units.join('')));

test('property: fixAll(fixAll(x)) === fixAll(x) on lines mixing doubled tokens, spaced glyphs and doubled Latin words', () => {
  fc.assert(
    fc.property(fc.array(GENERATED_LINE, { minLength: 1, maxLength: 6 }), fc.constantFrom<AnalyzeOptions>({}, RAISED, OFF), (lines, options) => {
      assertIdempotent(`${lines.join('\n')}\n`, options);
    }),
    { numRuns: 400 },
  );
});

test('fixAll counts in left what its passes leave sure and fixable, of any rule (never silent)', () => {
  const sure = (text: string, o: AnalyzeOptions) => analyze(text, o).findings.filter((f) => f.fix && !f.unsure && f.severity !== 'hint' && ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing', 'hard-wrap', 'split-sentence'].includes(f.rule)).length;
  for (const text of corpus()) {
    for (const o of [{}, RAISED]) {
      const r = fixAll(text, o);
      assert.equal(r.left, sure(r.text, o), JSON.stringify(text.slice(0, 60)));
    }
  }
});

test('the export of a page and of its Fix All agree (but for the trail back to the dump: lines, edits)', () => {
  const opts = { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' };
  // Every field of every article but lines and edits. Not the diagnostics: they count the findings
  // of each text, and Fix All changes them (a letter-spaced line of Han pairs, joined, is an unsure
  // doubled-glyphs finding it leaves, as it leaves 天天高高兴兴快快乐乐).
  // Nor the confidence, which Fix All lowers where it joins column lines (the fixtures), and the
  // English samples, whose joined lines detection cuts into other articles: known, not of this test.
  const strip = (d: ArticlesDocument) => d.articles.map(({ lines: _l, edits: _e, confidence: _c, ...a }) => a);
  // Not generated pages: detection reads an undoubled heading otherwise (NNEEWWSS NNEEWWSS 高高 is a
  // headline, NEWS NEWS 高高 is not) and joined lines too (高高高高⏎高高高高高高), glyphs aside.
  const alike = (text: string, o: AnalyzeOptions) =>
    assert.deepEqual(strip(exportArticles(fixAll(text, o).text, { ...opts, ...o })), strip(exportArticles(text, { ...opts, ...o })), `${JSON.stringify(text.slice(0, 60))} ${JSON.stringify(o)}`);
  for (const text of corpus().filter((t) => t.length < 20_000 || /[\u4e00-\u9fff]/.test(t.slice(0, 2000)))) for (const o of [{}, RAISED, OFF]) alike(text, o);
  // The rewrite with mixed-script-spacing off kept TTIIRR 天天好好, whose export read TIR 天好.
  const page = `TTIIRR 天 天 好 好${BODY}`;
  const rewritten = rewritePage(page, OFF).text;
  assert.deepEqual(strip(exportArticles(rewritten, { ...opts, ...OFF })).map((a) => a.headline), strip(exportArticles(page, { ...opts, ...OFF })).map((a) => a.headline));
});

// A page of reduplicated words (reviewer r1, p5-redup): after the first pass joins the paragraph above
// it, hard-wrap reads the unsure fake-bold line 天天天天向向上上 and the line below as one paragraph.
const REDUP =
  '生活\n' +
  '\n' +
  '来来往往的人群里\n' +
  '\n' +
  '本报记者 李丽丽\n' +
  '\n' +
  '人人都说，日子是过出来的。清晨，\n' +
  '常常能看到老人们在公园里散步，刚\n' +
  '刚升起的太阳渐渐照亮了街道。谢谢\n' +
  '你们，看看这座城市的变化吧。\n' +
  '小区里干干净净，邻里之间高高兴兴，\n' +
  '大家明明白白地算着一笔笔账。\n' +
  '天天天天向向上上\n' +
  '来来往往 匆匆忙忙\n' +
  '马路上车辆来来往往，行人匆匆忙忙。\n' +
  '哈哈镜、乐乐茶、嘻嘻哈哈的孩子们，\n' +
  '构成了一幅生动的画面。\n' +
  '一个个、一次次、一层层、一张张、一\n' +
  '片片，数不清的故事在这里发生。\n' +
  '李丽丽、王晶晶、贝贝和欢欢是邻居，\n' +
  '她们常常一起逛街。\n' +
  '“叮叮当当”的声音从工地传来，工人\n' +
  '们扎扎实实地干着活。汩汩的泉水从\n' +
  '山间流过。\n' +
  '天天高高兴兴快快乐乐\n' +
  '1100 2200 万 3300元\n' +
  '生 活 中 总 有 许 多 美 好 的 瞬 间 值 得\n' +
  '我 们 去 发 现 、去 珍 惜。\n';

test('fixAll does not join an unsure fake-bold line to doubled tokens below it: its one-click fix would undouble them too', () => {
  const fixed = fixAll(REDUP).text;
  assert.ok(fixed.includes('\n天天天天向向上上\n来来往往 匆匆忙忙\n'), fixed);
  const unsure = analyze(fixed).findings.filter((f) => f.rule === 'doubled-glyphs' && f.unsure);
  assert.deepEqual(unsure.map((f) => fixed.slice(f.start, f.end)), ['天天天天向向上上', '天天高高兴兴快快乐乐']);
  // The join is offered, unsure: the user's to click once they have looked.
  const join = analyze(fixed).findings.find((f) => f.rule === 'hard-wrap' && fixed.slice(f.start, f.end) === '天天天天向向上上');
  assert.ok(join?.unsure && join.fix, JSON.stringify(join));
  assertIdempotent(REDUP);
});
