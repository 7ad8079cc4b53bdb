// overprint.ts: what a fake-bold overprint is (sure, or unsure), as the doubled-glyphs rule and article detection read it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedPairs, doubledPairs, isOverprint, overprintReading, pairFlags, pairSeconds, PAIR_HAN, PAIR_LETTER, PAIR_LONG, PAIR_SURE, PAIR_WORD, shownUndoubled, sureRuns, tokenPairs, undouble } from '../../server/src/core/overprint';

const pairs = (tok: string) => tokenPairs(tok, 0, tok.length);

test('tokenPairs: pairs, those that count, and flags, or 0 when a code point is left unpaired', () => {
  const table: [string, number, number, number][] = [
    // token, pair count, counted, flags
    ['TTIIRR', 3, 3, PAIR_WORD | PAIR_LETTER],
    ['跨跨境境', 2, 2, PAIR_LETTER],
    ['跨跨境境运运', 3, 3, PAIR_HAN | PAIR_LETTER], // AABBCC: fake bold, or onomatopoeia (叮叮当当咚咚)
    ['聚聚焦焦群群众众所所', 5, 5, PAIR_LONG | PAIR_HAN | PAIR_LETTER],
    ['哈哈哈哈哈哈哈哈哈哈', 5, 5, PAIR_LETTER], // laughter: one glyph repeated
    ['跨跨境境：：电电商商', 5, 4, PAIR_SURE | PAIR_HAN | PAIR_LETTER], // a colon is never written doubled
    ['11000000', 4, 4, 0],
    ['22002244年年', 5, 5, PAIR_SURE | PAIR_LETTER], // a year overprinted
    ['22002244年年月月日日', 7, 7, PAIR_SURE | PAIR_HAN | PAIR_LETTER],
    ['𠀀𠀀𠀁𠀁', 2, 2, PAIR_LETTER], // astral Han: pairs of surrogate pairs
    ['😀😀', 1, 0, 0], // not a letter, and counts for nothing
    ['红红火火……', 3, 2, PAIR_LETTER], // the ellipsis is written doubled
    ['扎扎实实——', 3, 2, PAIR_LETTER],
    ['哈哈哈哈哈哈', 3, 3, PAIR_LETTER],
    ['跨跨境境运运输输', 4, 4, PAIR_HAN | PAIR_LETTER],
    ['1100mm', 3, 2, 0], // a unit after a number
    ['FFFF00', 3, 3, PAIR_LETTER], // a hex colour: letters with digits
    ['FFFFFF', 3, 3, PAIR_LETTER], // hex digits only
    ['aabbcc', 3, 3, PAIR_LETTER],
    ['MMXXII', 3, 3, PAIR_LETTER], // a Roman numeral
    ['zzzzzz', 3, 3, PAIR_LETTER], // one letter repeated
    ['ÉÉTTÉÉ', 3, 3, PAIR_WORD | PAIR_LETTER],
    // A doubled Latin word touching two Han pairs or more: sure, as with a space between (the
    // mixed-script fix takes it out); one Han pair is no doubled token of its own, and adds nothing.
    ['TTIIRR跨跨境境运运输输', 7, 7, PAIR_SURE | PAIR_WORD | PAIR_HAN | PAIR_LETTER],
    ['跨跨境境TTIIRR', 5, 5, PAIR_SURE | PAIR_WORD | PAIR_LETTER],
    ['NNEEWWSS天天', 5, 5, PAIR_WORD | PAIR_LETTER],
    ['MMXXII跨跨境境', 5, 5, PAIR_LETTER], // Roman-numeral letters are no word
    // A Latin word going on with a number is one; a number with a capital that is no unit (5G) too.
    ['CCOOVVIIDD--1199', 8, 7, PAIR_WORD | PAIR_LETTER],
    ['55GG', 2, 2, PAIR_WORD | PAIR_LETTER],
    ['11008800PP', 5, 5, PAIR_WORD | PAIR_LETTER],
    ['1100MM', 3, 2, 0], // millimetres, in capitals
    ['0000FF', 3, 2, 0], // a hex colour
    ['FFFF0000', 4, 4, PAIR_LETTER],
    ['2200XX', 3, 2, 0],
  ];
  for (const [tok, n, counted, flags] of table) {
    assert.equal(doubledPairs(pairs(tok)), n >= 2 ? n : 0, `${tok}: pairs`);
    if (n >= 2) assert.equal(countedPairs(pairs(tok)), counted, `${tok}: counted`);
    assert.equal(pairFlags(pairs(tok)), flags, `${tok}: flags`);
  }
  for (const tok of ['一个个', '汩', 'TIR', '𠀀\ud840', '']) assert.equal(pairs(tok), 0, tok);
});

test('a doubled token has two pairs or more', () => {
  assert.equal(doubledPairs(pairs('汩汩')), 0, 'one pair: 汩汩 is a word');
  assert.equal(doubledPairs(pairs('扎扎实实')), 2);
});

test('overprintReading: three pairs that count, one a letter or glyph; sure with evidence, unsure with Han pairs alone on the line', () => {
  assert.equal(overprintReading(3, 1, PAIR_SURE | PAIR_LETTER, false), 'sure', 'sure alone, anywhere on its line');
  assert.equal(overprintReading(2, 1, PAIR_SURE | PAIR_LETTER, true), undefined, 'too few pairs');
  assert.equal(overprintReading(4, 1, PAIR_SURE, true), undefined, 'digits and punctuation only');
  assert.equal(overprintReading(6, 2, PAIR_WORD | PAIR_LETTER, false), 'sure', 'a Latin word beside another doubled token');
  assert.equal(overprintReading(6, 1, PAIR_WORD | PAIR_LETTER, true), undefined, 'a Latin word alone');
  assert.equal(overprintReading(6, 2, PAIR_WORD | PAIR_HAN | PAIR_LETTER, true), 'sure', 'evidence wins over the Han pairs');
  assert.equal(overprintReading(3, 1, PAIR_HAN | PAIR_LETTER, true), 'unsure', 'three Han pairs, the whole line');
  assert.equal(overprintReading(5, 1, PAIR_LONG | PAIR_HAN | PAIR_LETTER, true), 'unsure', 'five Han pairs, the whole line: no surer');
  assert.equal(overprintReading(5, 1, PAIR_LONG | PAIR_HAN | PAIR_LETTER, false), undefined, 'Han pairs among other text');
  assert.equal(overprintReading(8, 3, PAIR_LETTER, true), undefined, 'pairs alone tell nothing (扎扎实实 认认真真)');
});

test('isOverprint: the whole text one overprinted run', () => {
  const table: [string, boolean][] = [
    ['TTIIRR 跨跨境境运运输输', true],
    ['TTIIRR跨跨境境运运输输', true], // as the mixed-script fix leaves it: no less sure
    ['  聚聚焦焦群群众众所所需需  ', true],
    ['跨跨境境运运输输', false], // four Han pairs alone: unsure (as 高高兴兴快快乐乐, may be words), and under LONG_HAN
    ['22002233年年', true],
    ['红红火火……', false], // a word and its ellipsis
    ['哈哈哈哈哈哈', false],
    ['1100mm', false],
    ['1100 家家户户', false],
    ['扎扎实实', false], // two pairs
    ['扎扎实实 认认真真', false], // every token may be a word
    ['11000000', false], // digits only
    ['========', false],
    ['TTIIRR 跨境运输', false], // a token not doubled
    ['', false],
    // A single token doubled throughout may be real: a Roman numeral, a hex colour, AABBCC
    // onomatopoeia, AABB words run together. A fake-bold heading is told by more.
    ['MMXXII', false],
    ['FFFFFF', false],
    ['MMXXII FFFFFF', false], // numerals and hex only
    ['叮叮当当咚咚', false],
    ['哈哈嘻嘻嘿嘿', false],
    ['高高兴兴快快乐乐', false],
    ['TTIIRR', false],
    ['TTHHEE NNEEWWSS', true], // Latin words: two of them
    ['跨跨境境电电商商：：外外贸贸', true], // a colon is never written doubled
    ['聚聚焦焦群群众众所所需需', true], // five pairs of distinct glyphs, the whole line
    ['22002244年年', true],
  ];
  for (const [text, want] of table) assert.equal(isOverprint(text), want, text);
  // Article detection's reading of unsure lines: a doubled heading from five Han pairs (LONG_HAN),
  // below that the line as it stands.
  assert.equal(isOverprint('天天高高兴兴快快乐乐'), true);
  assert.equal(isOverprint('叮叮当当咚咚'), false);
  // The evidence covers the tokens one space from it: a line only partly sure is read as printed,
  // and one it covers none of reads as without it (unsure, a heading from five Han pairs).
  assert.equal(isOverprint('TTIIRR 跨跨境境运运输输  红红火火'), false);
  assert.equal(shownUndoubled('TTIIRR 跨跨境境运运输输  红红火火'), 'TTIIRR 跨跨境境运运输输  红红火火');
  assert.equal(shownUndoubled('TTIIRR 跨跨境境运运输输 红红火火'), 'TIR 跨境运输 红火');
  assert.equal(isOverprint('TTIIRR  聚聚焦焦群群众众所所需需'), true);
  assert.equal(shownUndoubled('TTIIRR  聚聚焦焦群群众众所所需需'), 'TTIIRR  聚聚焦焦群群众众所所需需');
  assert.equal(isOverprint('TTIIRR  跨跨境境运运输输'), false);
});

test('sureRuns: the parts of a run its evidence covers, one space apart, not a token next to ordinary text that may be a word of it', () => {
  const parts = (text: string) => {
    const out: string[] = [];
    sureRuns(text, 0, text.length, (a, b) => out.push(text.slice(a, b)));
    return out;
  };
  const table: [string, string[]][] = [
    ['TTIIRR 跨跨境境运运输输', ['TTIIRR 跨跨境境运运输输']],
    ['TTIIRR 跨跨境境运运输输  红红火火 开新局', ['TTIIRR 跨跨境境运运输输']],
    ['TTIIRR 跨跨境境运运输输 扎扎实实 推进', ['TTIIRR 跨跨境境运运输输']],
    ['TTIIRR 跨跨境境运运输输　红红火火', ['TTIIRR 跨跨境境运运输输']], // an ideographic space is a wide gap
    ['TTIIRR 扎扎实实 推进', []], // the Latin word left alone is no evidence
    ['TTIIRR 跨跨境境运运输输 推进', ['TTIIRR 跨跨境境运运输输']], // three Han pairs or more: no word of the text
    ['TTIIRR 跨跨境境运运输输        本报讯', ['TTIIRR 跨跨境境运运输输']],
    ['55GG 网网络络 全全覆覆盖盖 推进', ['55GG 网网络络 全全覆覆盖盖']],
    ['TTIIRR  跨跨境境运运输输', []],
    ['NNEEWWSS 高高兴兴 的 TTIIRR 跨跨境境', ['TTIIRR 跨跨境境']],
    ['跨跨境境：：外外贸贸 扎扎实实 推进', ['跨跨境境：：外外贸贸']], // sure alone: its own evidence
    ['TTHHEE  NNEEWWSS', ['TTHHEE  NNEEWWSS']],
  ];
  for (const [text, want] of table) assert.deepEqual(parts(text), want, text);
});

test('undouble collapses the tokens that are all pairs and keeps the rest, spaces included', () => {
  assert.equal(undouble('TTIIRR 跨跨境境运运输输'), 'TIR 跨境运输');
  assert.equal(undouble(' 𠀀𠀀𠀁𠀁　AABB x'), ' 𠀀𠀁　AB x');
  assert.equal(undouble('一个个 abc'), '一个个 abc');
});

test('pairSeconds: where the second code point of each pair is (what the fix deletes)', () => {
  const out: { start: number; end: number }[] = [];
  pairSeconds('xAA𠀀𠀀', 1, 7, out);
  assert.deepEqual(out, [
    { start: 2, end: 3 },
    { start: 5, end: 7 },
  ]);
});
