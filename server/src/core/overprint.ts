// Fake-bold overprint: a heading the PDF draws twice comes out with every glyph doubled
// (`TTIIRR 跨跨境境运运输输` → `TIR 跨境运输`). One decision, read by the doubled-glyphs rule (which
// finds the overprinted run in a line and fixes it) and by article detection (which takes a wholly
// overprinted line for a heading, at half its width, and shows it undoubled).
//
// Real text doubles glyphs too. Chinese reduplication gives AA (汩汩, 常常), ABB (一个个) and AABB
// (扎扎实实, 高高兴兴), and words meet across a doubled glyph (无线电+电子 → 无线电电子, 管理部+部长 →
// 管理部部长). None of these doubles *every* glyph of a whitespace-separated token longer than four
// glyphs, and none doubles Latin letters. Numbers and rules do double every character of a token:
// 11000000, 112233, 000000, ========, ————————.
//
// So: a token (run of non-space characters) is doubled when it has at least two pairs of code points
// and every pair is two identical code points (AABBCC…). A run of doubled tokens, separated only by
// spaces, is an overprint when it holds at least three pairs in all, at least one of its tokens
// cannot be a reduplicated Chinese word (it has three or more pairs, or one of its pairs is not a
// Han glyph: TTIIRR), and at least one of its pairs is a letter or a CJK glyph (doubled digits and
// punctuation alone are a number or a rule line: `收入 11000000 元` stays, `22002233年年` is an
// overprint of 2023年). A lone AABB word, or `扎扎实实 认认真真`, is never one.
import { codePointAt, cpLength, isCjkGlyph, isLatinLetter, isSpace } from './chars';

/** Flags of tokenPairs' answer (its pair count is the answer ÷ 4). */
export const PAIR_NOT_HAN = 1;
export const PAIR_LETTER = 2;

/**
 * The token text[start, end) read as code-point pairs: 4 × its pair count plus PAIR_* flags (one of
 * its pairs is not a Han glyph; one is a letter or CJK glyph), or 0 when some pair is not two
 * identical code points or a code point is left over.
 */
export function tokenPairs(text: string, start: number, end: number): number {
  let pairs = 0;
  let flags = 0;
  for (let i = start; i < end; ) {
    const a = codePointAt(text, i);
    const al = cpLength(a);
    if (i + al >= end || codePointAt(text, i + al) !== a) return 0;
    pairs++;
    const han = isCjkGlyph(a);
    if (!han) flags |= PAIR_NOT_HAN;
    if (han || isLatinLetter(a)) flags |= PAIR_LETTER;
    i += 2 * al;
  }
  return pairs * 4 + flags;
}

/** A token is doubled when it has two pairs or more (tokenPairs' answer, 0 when not). */
export function doubledPairs(answer: number): number {
  const pairs = Math.floor(answer / 4);
  return pairs >= 2 ? pairs : 0;
}

/** Whether a run of doubled tokens with these totals is an overprint (see the header comment). */
export function isOverprintRun(pairs: number, strong: boolean, letters: boolean): boolean {
  return pairs >= 3 && strong && letters;
}

/** A doubled token that cannot be a reduplicated Chinese word. */
export function isStrong(answer: number): boolean {
  return doubledPairs(answer) >= 3 || (answer & PAIR_NOT_HAN) !== 0;
}

/** Whether the whole of text[from, to) (every token of it) is one overprinted run. */
export function isOverprint(text: string, from = 0, to = text.length): boolean {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  // Cheap exit, for every short line of a page: the first glyph must be doubled (or astral).
  if (i + 1 >= to || text.charCodeAt(i) !== text.charCodeAt(i + 1)) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) return false;
  }
  let pairs = 0;
  let strong = false;
  let letters = false;
  while (i < to) {
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const answer = tokenPairs(text, s, i);
    const p = doubledPairs(answer);
    if (p === 0) return false;
    pairs += p;
    strong ||= isStrong(answer);
    letters ||= (answer & PAIR_LETTER) !== 0;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
  }
  return isOverprintRun(pairs, strong, letters);
}

/** The text with the second code point of each pair gone in every token that is all pairs (the others stay). */
export function undouble(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (s === i || tokenPairs(text, s, i) === 0) continue;
    out += text.slice(from, s);
    for (let p = s; p < i; ) {
      const l = cpLength(codePointAt(text, p));
      out += text.slice(p, p + l);
      p += 2 * l;
    }
    from = i;
  }
  return out + text.slice(from);
}

/** UTF-16 index and length of the second code point of each pair of a doubled token. */
export function pairSeconds(text: string, start: number, end: number, out: { start: number; end: number }[]): void {
  for (let i = start; i < end; ) {
    const l = cpLength(codePointAt(text, i));
    out.push({ start: i + l, end: i + 2 * l });
    i += 2 * l;
  }
}
