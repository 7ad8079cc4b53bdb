// fixAll: its passes apply only what the original text's findings asked for, and by default only
// the rules the user sees as problems (not hints).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAll } from '../../server/src/core/fix';
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
