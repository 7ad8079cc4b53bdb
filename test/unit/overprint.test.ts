// overprint.ts: what a fake-bold overprint is, as the doubled-glyphs rule and article detection read it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedPairs, doubledPairs, isOverprint, isStrong, pairSeconds, PAIR_LETTER, PAIR_STRONG, tokenPairs, undouble } from '../../server/src/core/overprint';

const pairs = (tok: string) => tokenPairs(tok, 0, tok.length);

test('tokenPairs: pairs, those that count, and flags, or 0 when a code point is left unpaired', () => {
  const table: [string, number, number, number][] = [
    // token, pair count, counted, flags
    ['TTIIRR', 3, 3, PAIR_STRONG | PAIR_LETTER],
    ['跨跨境境', 2, 2, PAIR_LETTER],
    ['跨跨境境运运', 3, 3, PAIR_STRONG | PAIR_LETTER],
    ['11000000', 4, 4, 0],
    ['22002244年年', 5, 5, PAIR_STRONG | PAIR_LETTER], // a year overprinted
    ['𠀀𠀀𠀁𠀁', 2, 2, PAIR_LETTER], // astral Han: pairs of surrogate pairs
    ['😀😀', 1, 0, 0], // not a letter, and counts for nothing
    ['红红火火……', 3, 2, PAIR_LETTER], // the ellipsis is written doubled
    ['扎扎实实——', 3, 2, PAIR_LETTER],
    ['哈哈哈哈哈哈', 3, 3, PAIR_LETTER], // laughter: one glyph repeated
    ['1100mm', 3, 2, 0], // a unit after a number
    ['FFFF00', 3, 3, PAIR_LETTER], // a hex colour: letters with digits
  ];
  for (const [tok, n, counted, flags] of table) {
    assert.equal(doubledPairs(pairs(tok)), n >= 2 ? n : 0, `${tok}: pairs`);
    if (n >= 2) assert.equal(countedPairs(pairs(tok)), counted, `${tok}: counted`);
    assert.equal(pairs(tok) & (PAIR_STRONG | PAIR_LETTER), flags, `${tok}: flags`);
  }
  for (const tok of ['一个个', '汩', 'TIR', '𠀀\ud840', '']) assert.equal(pairs(tok), 0, tok);
});

test('a doubled token has two pairs or more; a strong one cannot be a reduplicated word', () => {
  assert.equal(doubledPairs(pairs('汩汩')), 0, 'one pair: 汩汩 is a word');
  assert.equal(doubledPairs(pairs('扎扎实实')), 2);
  assert.equal(isStrong(pairs('扎扎实实')), false, 'AABB Han: may be a word');
  assert.equal(isStrong(pairs('跨跨境境运运')), true, 'three pairs');
  assert.equal(isStrong(pairs('TTII')), true, 'Latin pairs');
});

test('isOverprint: the whole text one overprinted run', () => {
  const table: [string, boolean][] = [
    ['TTIIRR 跨跨境境运运输输', true],
    ['  跨跨境境运运输输  ', true],
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
  ];
  for (const [text, want] of table) assert.equal(isOverprint(text), want, text);
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
