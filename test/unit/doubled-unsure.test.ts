// doubled-glyphs' unsure reading: a whole line of doubled Han glyphs with no other evidence of fake
// bold (跨跨境境运运输输, 天天高高兴兴快快乐乐) is flagged, with a fix the user can click, but nothing
// automatic applies it: real reduplicated words (高高兴兴) have the same shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { analyzeArticles } from '../../server/src/core/articles/detect';
import { cleanText } from '../../server/src/core/articles/roles';
import { cleanLineText } from '../../server/src/core/clean';
import { exportArticles } from '../../server/src/core/export';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { fixableCount, fixAllEdits, fixAllParts, fullFindings, IncrementalDocument, shiftFinding } from '../../server/src/core/incremental';
import { lineAt } from '../../server/src/core/lines';
import { en, zhCn } from '../../server/src/core/messages';
import { packFindings, unpackFindings } from '../../server/src/core/packed';
import { parse } from '../../server/src/core/parse';
import { rewritePage } from '../../server/src/core/rewrite';
import { doubledGlyphs } from '../../server/src/core/rules/doubled-glyphs';
import { orphanLabel } from '../../server/src/core/rules/orphan-label';
import { documentSymbols, hoverAt } from '../../server/src/core/outline';
import { isOverprint } from '../../server/src/core/overprint';
import type { AnalyzeOptions, Edit, Finding } from '../../server/src/core/types';

/** Pure-Han doubled lines, with what clicking the fix makes of them. */
const UNSURE: [string, string][] = [
  ['跨跨境境运运输输', '跨境运输'], // a fake-bold heading, maybe
  ['天天高高兴兴快快乐乐', '天高兴快乐'], // real words, maybe (天天 + 高高兴兴 + 快快乐乐)
  ['聚聚焦焦群群众众所所需需', '聚焦群众所需'],
  ['叮叮当当咚咚', '叮当咚'],
];

// A page with both unsure lines and a sure fake-bold heading, each alone on its line.
const PAGE =
  '跨跨境境运运输输\n\n本报讯 今年以来，全市跨境电商进出口规模持续扩大。\n\n天天高高兴兴快快乐乐\n\n节日里，孩子们在广场上放风筝，老人们在公园里下棋。\n\nTTIIRR 跨跨境境运运输输\n\n本报讯 国际道路运输线路今年新增三条，货物通关时间明显缩短。\n';
const PAGE_FIXED = PAGE.replace('TTIIRR 跨跨境境运运输输', 'TIR 跨境运输');

/** The doubled-glyphs findings of the text. */
const doubledOf = (text: string, options: AnalyzeOptions = {}) => analyze(text, options).findings.filter((f) => f.rule === 'doubled-glyphs');

/** Deletions of the second code point of each pair of text[from, to) (all pairs), in document offsets. */
function secondsOf(text: string, from: number, to: number): Edit[] {
  const out: Edit[] = [];
  for (let i = from; i < to; ) {
    const l = text.codePointAt(i)! > 0xffff ? 2 : 1;
    out.push({ start: i + l, end: i + 2 * l, newText: '' });
    i += 2 * l;
  }
  return out;
}

/** The text has one unsure doubled-glyphs finding on each unsure line of it: flagged, with its fix. */
function assertFlaggedUnsure(text: string, lines: readonly string[]): void {
  const found = doubledOf(text).filter((f) => f.unsure);
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    lines,
    'each unsure line is flagged as unsure',
  );
}

test('doubled-glyphs flags a whole line of Han pairs as unsure: its fix deletes exactly the second glyph of each pair', () => {
  for (const [line, after] of UNSURE) {
    const f = doubledGlyphs.checkLine(lineAt(parse(line), 0), en);
    assert.ok(f, `${line}: flagged`);
    assert.equal(f.unsure, true, `${line}: unsure`);
    assert.deepEqual(f.fix.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })), secondsOf(line, 0, line.length), line);
    assert.equal(applyEdits(line, f.fix.edits), after, line);
    assert.match(f.message, /高高兴兴/, `${line}: the message names real reduplicated words`);
    assert.match(f.message, /check/i, `${line}: and asks to check before fixing`);
  }
  // Astral Han pairs are whole code points.
  const astral = '𠀀𠀀𠀁𠀁𠀂𠀂';
  const a = doubledGlyphs.checkLine(lineAt(parse(astral), 0), en);
  assert.equal(a?.unsure, true);
  assert.equal(applyEdits(astral, a.fix.edits), '𠀀𠀁𠀂');
});

test('doubled-glyphs: the sure fake bold keeps its reading (no unsure), and what was never flagged still is not', () => {
  for (const line of ['TTIIRR 跨跨境境运运输输', 'TTIIRR跨跨境境运运输输', '跨跨境境：：外外贸贸', '22002244年年', 'TTHHEE NNEEWWSS']) {
    const f = doubledGlyphs.checkLine(lineAt(parse(line), 0), en);
    assert.ok(f && !f.unsure, line);
  }
  // Too few pairs, one glyph, not the whole line, no Han pair: not flagged at all.
  for (const line of ['扎扎实实', '高高兴兴', '哈哈哈哈哈哈', '祝大家 天天高高兴兴快快乐乐 新年好', '跨跨境境运运输输。', 'MMXXII', 'FFFFFF', '11000000', '红红火火……', '扎扎实实 认认真真']) {
    assert.equal(doubledGlyphs.checkLine(lineAt(parse(line), 0), en), undefined, line);
  }
});

test('analyze: an unsure finding is one level below the rule (information by default), carries its fix, and says so in Chinese too', () => {
  assertFlaggedUnsure(PAGE, ['跨跨境境运运输输', '天天高高兴兴快快乐乐']);
  const all = doubledOf(PAGE);
  const sure = all.find((f) => !f.unsure)!;
  assert.equal(sure.severity, 'warning');
  for (const f of all.filter((x) => x.unsure)) {
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.fix!.edits.map((e) => ({ ...e })), secondsOf(PAGE, f.start, f.end));
  }
  const levels: [string, string][] = [['error', 'warning'], ['warning', 'information'], ['information', 'hint'], ['hint', 'hint']];
  for (const [rule, unsure] of levels) {
    const fs = doubledOf(PAGE, { rules: { 'doubled-glyphs': rule as 'error' } });
    assert.deepEqual(fs.map((f) => [f.unsure === true, f.severity]), [[true, unsure], [true, unsure], [false, rule]], rule);
  }
  assert.deepEqual(doubledOf(PAGE, { rules: { 'doubled-glyphs': 'off' } }), []);
  const zh = doubledOf(PAGE, { locale: 'zh-cn' }).find((f) => f.unsure)!;
  assert.match(zh.message, /高高兴兴/);
  assert.match(zh.message, /核对/);
});

test('fixAll (Fix All, newsprint fix) leaves unsure runs, also when asked for the rule by name, and fixes the sure one', () => {
  assertFlaggedUnsure(PAGE, ['跨跨境境运运输输', '天天高高兴兴快快乐乐']);
  assert.equal(fixAll(PAGE).text, PAGE_FIXED);
  assert.equal(fixAll(PAGE, { rules: { 'doubled-glyphs': 'error' } }).text, PAGE_FIXED, 'raised: still left');
  assert.equal(fixAll(PAGE, { only: ['doubled-glyphs'] }).text, PAGE_FIXED, '"Fix all doubled-glyphs problems" leaves them');
  assert.equal(fixAll(PAGE).left, 0, 'an unsure fix is no problem left to fix');
  assert.equal(fixAllParts(PAGE).text, PAGE_FIXED);
  for (const [line] of UNSURE) assert.equal(fixAll(`${line}\n`).text, `${line}\n`, line);
});

test('the editor\'s Fix All (fixAllEdits) leaves unsure runs, and does not count them as fixable', () => {
  assertFlaggedUnsure(PAGE, ['跨跨境境运运输输', '天天高高兴兴快快乐乐']);
  const inc = new IncrementalDocument({});
  inc.update(PAGE);
  assert.equal(applyEdits(PAGE, fixAllEdits(inc, {}).edits), PAGE_FIXED);
  assert.equal(applyEdits(PAGE, fixAllEdits(inc, {}, ['doubled-glyphs']).edits), PAGE_FIXED);
  // One doubled-glyphs fix Fix All takes (the sure one): "Fix all doubled-glyphs problems" is offered from two.
  assert.equal(fixableCount(inc.segments[0], ['doubled-glyphs']), 1);
  const alone = new IncrementalDocument({});
  alone.update('跨跨境境运运输输\n\n天天高高兴兴快快乐乐\n');
  assert.equal(fixableCount(alone.segments[0]), 0);
  assert.deepEqual(fixAllEdits(alone, {}).edits, []);
});

test('unsure survives packing, shifting and the incremental analysis', () => {
  const unsure = doubledOf(PAGE).filter((f) => f.unsure);
  assert.equal(unsure.length, 2);
  const back = unpackFindings(packFindings(unsure));
  assert.deepEqual(back.map((f) => [f.unsure, f.severity, f.start, f.end]), unsure.map((f) => [true, f.severity, f.start, f.end]));
  assert.ok(unpackFindings(packFindings(doubledOf(PAGE).filter((f) => !f.unsure))).every((f) => f.unsure === undefined));
  assert.ok(shiftFinding(unsure[0], 10).unsure);
  const inc = new IncrementalDocument({});
  inc.update(`前一页\f${PAGE}`);
  const seg = inc.segments[1];
  const kept: Finding[] = fullFindings(seg).filter((f) => f.rule === 'doubled-glyphs');
  assert.deepEqual(kept.map((f) => f.unsure === true), [true, true, false]);
  assert.deepEqual(
    inc.findings().filter((f) => f.rule === 'doubled-glyphs').map((f) => [f.unsure === true, f.severity]),
    [[true, 'information'], [true, 'information'], [false, 'warning']],
  );
});

test('the rewrite, the export and display titles (cleanLineText) leave unsure runs', () => {
  assertFlaggedUnsure(PAGE, ['跨跨境境运运输输', '天天高高兴兴快快乐乐']);
  const rewritten = rewritePage(PAGE).text;
  assert.ok(rewritten.includes('跨跨境境运运输输') && rewritten.includes('天天高高兴兴快快乐乐'), rewritten);
  assert.ok(rewritten.includes('TIR跨境运输') && !rewritten.includes('TTIIRR'), rewritten); // the export and rewrite apply the hint too
  const doc = exportArticles(PAGE, { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
  assert.deepEqual(
    doc.articles.map((a) => a.headline),
    ['跨跨境境运运输输', '天天高高兴兴快快乐乐', 'TIR跨境运输'],
  );
  assert.deepEqual(
    doc.articles.flatMap((a) => a.edits.filter((e) => e.rule === 'doubled-glyphs').map((e) => e.before)),
    ['TTIIRR 跨跨境境运运输输'],
    'the edit trail lists only the fix applied',
  );
  assert.equal(doc.diagnostics['doubled-glyphs'], 2, 'left unfixed, so counted');
  for (const [line] of UNSURE) assert.equal(cleanLineText(line), line, line);
  assert.equal(cleanLineText('TTIIRR 跨跨境境运运输输'), 'TIR 跨境运输');
});

// Five Han pairs or more: detection may take the line for a fake-bold heading (its layout), but
// the text shown of it stays as printed: only the user, with the fix, says it is fake bold.
const LONG = ['天天高高兴兴快快乐乐', '聚聚焦焦群群众众所所需需'];

test('a long unsure line detection takes for a heading is shown as printed: cleanText, unclaimed-text and orphan-label messages', () => {
  for (const line of LONG) {
    assert.equal(isOverprint(line), true, `${line}: detection still reads it as a doubled heading`);
    assert.equal(cleanText(line), line, `${line}: shown as printed`);
  }
  assert.equal(cleanText('TTIIRR 跨跨境境运运输输'), 'TIR 跨境运输', 'sure fake bold is shown undoubled');
  assert.equal(cleanText('22002233年年'), '2023年');
  // A heading over nothing: in no article, and its message quotes the line as printed.
  for (const messages of [en, zhCn]) {
    const page = '本报讯 今年以来，全市跨境电商进出口规模持续扩大。\n\n天天高高兴兴快快乐乐\n';
    const found = analyze(page, { locale: messages === en ? 'en' : 'zh-cn' }).findings.filter((f) => f.rule === 'unclaimed-text');
    assert.equal(found.length, 1);
    assert.ok(found[0].message.includes('天天高高兴兴快快乐乐'), found[0].message);
  }
  const sure = analyze('本报讯 节日里，孩子们在广场上放风筝，老人们在公园里下棋。\n\nTTIIRR 跨跨境境运运输输\n').findings.find((f) => f.rule === 'unclaimed-text');
  assert.ok(sure?.message.includes('"TIR 跨境运输"'), sure?.message);
  // orphan-label quotes its label block's first line the same way.
  for (const line of LONG) {
    const out: Finding[] = [];
    orphanLabel(parse(`${line}\n`), [[0]], en, out);
    assert.equal(out[0].message, `Label "${line}" is detached from the text it labels`);
  }
  const out: Finding[] = [];
  orphanLabel(parse('【【编编者者按按】】\n'), [[0]], en, out);
  assert.equal(out[0].message, 'Label "【编者按】" is detached from the text it labels');
});

test('a long unsure heading: its article keeps it as printed in the outline, the hover and the export headline', () => {
  for (const line of LONG) {
    const page = `${line}\n\n本报讯 今年以来，全市跨境电商进出口规模持续扩大。\n\n国际道路运输线路今年新增三条，货物通关时间明显缩短。\n`;
    const dump = parse(page);
    const pages = analyzeArticles(dump, en);
    assert.deepEqual(pages[0].articles.map((a) => a.headline), [[0]], `${line}: detection takes it for the headline`);
    assert.equal(documentSymbols(dump, pages)[0].children[0].name, line);
    assert.ok(hoverAt(dump, pages, 0, en)?.includes(line));
    const doc = exportArticles(page, { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
    assert.deepEqual(doc.articles.map((a) => a.headline), [line]);
  }
  // Printed after the story whose words it has, it is that story's misplaced headline, quoted as printed.
  const misplaced = analyze('本报讯 节日里，孩子们天天高兴快乐，在广场上放风筝。\n\n天天高高兴兴快快乐乐\n').findings.filter((f) => f.rule === 'misplaced-headline');
  assert.deepEqual(misplaced.map((f) => f.message), ['Headline "天天高高兴兴快快乐乐" is away from its article (the related location shows where the article starts)']);
});

test('the mixed-script fix on TTIIRR 跨跨境境运运输输 leaves it sure fake bold: fixed, and undoubled by Fix All and the export', () => {
  const page = 'TTIIRR 跨跨境境运运输输\n\n本报讯 国际道路运输线路今年新增三条，货物通关时间明显缩短。\n';
  const mixed = analyze(page).findings.find((f) => f.rule === 'mixed-script-spacing')!;
  assert.ok(mixed && !mixed.unsure, 'the hint is a sure fix: undoubled first, the line builds no fake bold');
  const spaced = applyEdits(page, mixed.fix!.edits);
  assert.ok(spaced.startsWith('TTIIRR跨跨境境运运输输\n'), spaced);
  const doubled = analyze(spaced, { locale: 'zh-cn' }).findings.filter((f) => f.rule === 'doubled-glyphs');
  assert.deepEqual(doubled.map((f) => [f.unsure === true, f.severity]), [[false, 'warning']], 'still sure, at the rule\'s level');
  assert.doesNotMatch(doubled[0].message, /高高兴兴/, 'not the message about reduplicated words');
  assert.ok(fixAll(spaced).text.startsWith('TIR跨境运输\n'), fixAll(spaced).text);
  const doc = exportArticles(spaced, { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
  assert.equal(doc.articles[0].headline, 'TIR跨境运输');
});

test('a real AABB word next to a fake-bold heading keeps its glyphs: Fix All and the export undouble only what the Latin word covers', () => {
  const body = '\n\n本报讯 今年以来，我市跨境运输业务量同比增长36%，一个个新线路相继开通。\n';
  const table: [string, string, string][] = [
    // line, after Fix All, the export's headline
    ['TTIIRR 跨跨境境运运输输  红红火火 开新局', 'TIR 跨境运输  红红火火 开新局', 'TIR跨境运输  红红火火 开新局'],
    ['TTIIRR 跨跨境境运运输输 扎扎实实 推进', 'TIR 跨境运输 扎扎实实 推进', 'TIR跨境运输 扎扎实实 推进'],
    ['TTIIRR 跨跨境境运运输输   高高兴兴 上 班', 'TIR 跨境运输   高高兴兴 上 班', 'TIR跨境运输   高高兴兴 上 班'],
    // A doubled token of three Han pairs or more is no such word: the heading's, ordinary text after it or not.
    ['TTIIRR 跨跨境境运运输输 推进', 'TIR 跨境运输 推进', 'TIR跨境运输 推进'],
    ['55GG 网网络络 全全覆覆盖盖 推进', '5G 网络 全覆盖 推进', '5G网络 全覆盖 推进'],
  ];
  for (const [line, fixed, headline] of table) {
    const page = `${line}${body}`;
    assert.equal(fixAll(page).text.split('\n')[0], fixed, line);
    assert.equal(fixAll(fixAll(page).text).text, fixAll(page).text, `${line}: Fix All twice is Fix All once`);
    const doc = exportArticles(page, { path: 'p.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
    assert.equal(doc.articles[0].headline, headline, line);
  }
});
