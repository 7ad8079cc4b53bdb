// Fake-bold overprint: a heading the PDF draws twice comes out with every glyph doubled
// (`TTIIRR 跨跨境境运运输输` → `TIR 跨境运输`). One decision, read by the doubled-glyphs rule (which
// finds the overprinted run in a line and fixes it) and by article detection (which takes a wholly
// overprinted line for a heading, at half its width, and shows it undoubled).
//
// Real text doubles glyphs too. Chinese reduplication gives AA (汩汩, 常常), ABB (一个个) and AABB
// (扎扎实实, 高高兴兴), and words meet across a doubled glyph (无线电+电子 → 无线电电子, 管理部+部长 →
// 管理部部长). None of these doubles *every* glyph of a whitespace-separated token longer than four
// glyphs, and none doubles Latin letters. Numbers and rules do double every character of a token:
// 11000000, 112233, 000000, ========, ————————; Chinese writes its ellipsis and dash doubled (……,
// ——), so 红红火火…… and 扎扎实实—— are words and their punctuation; units follow numbers (1100mm);
// laughter repeats one glyph (哈哈哈哈哈哈); hex colours pair letters with digits (FFFF00).
//
// So: a token (run of non-space characters) is doubled when it has at least two pairs of code points
// and every pair is two identical code points (AABBCC…). Its pairs of punctuation (and a letter pair
// right after a digit pair: a unit) count for nothing. A run of doubled tokens, separated only by
// spaces, is an overprint when it holds at least three pairs that count, at least one of its tokens
// is strong — cannot be real text: three Han pairs or more not all of one glyph (聚聚焦焦群群众众),
// a pair of Latin letters in a token without digits (TTIIRR), or digit pairs and a Han pair in one
// token (22002244年年) — and at least one of its pairs is a letter or a CJK glyph (doubled digits and
// punctuation alone are a number or a rule line: `收入 11000000 元` stays). A lone AABB word, or
// `扎扎实实 认认真真`, is never one.
import { codePointAt, cpLength, isCjkGlyph, isLatinLetter, isSpace } from './chars';

/** Flags of tokenPairs' answer (see there). */
export const PAIR_STRONG = 1;
export const PAIR_LETTER = 2;

/** tokenPairs' answer: all pairs × ALL + counted pairs × 4 + flags. */
const ALL = 2 ** 20;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The token text[start, end) read as code-point pairs: its pairs, those that count (not
 * punctuation, not a unit after a number) and PAIR_* flags (it is strong; one of its pairs is a
 * letter or CJK glyph), as one number for doubledPairs, countedPairs and the flags; 0 when some
 * pair is not two identical code points or a code point is left over.
 */
export function tokenPairs(text: string, start: number, end: number): number {
  let pairs = 0;
  let counted = 0;
  let han = 0;
  let letters = 0;
  let digits = 0;
  let first = -1; // the code point of the first Han pair, to tell one glyph repeated (哈哈哈哈)
  let oneGlyph = true;
  let prevDigit = false;
  for (let i = start; i < end; ) {
    const a = codePointAt(text, i);
    const al = cpLength(a);
    if (i + al >= end || codePointAt(text, i + al) !== a) return 0;
    pairs++;
    if (isCjkGlyph(a)) {
      han++;
      counted++;
      if (first < 0) first = a;
      else if (a !== first) oneGlyph = false;
      prevDigit = false;
    } else if (isDigit(a)) {
      digits++;
      counted++;
      prevDigit = true;
    } else if (isLatinLetter(a)) {
      // A unit after a number (1100mm) is part of the number.
      if (!prevDigit) {
        letters++;
        counted++;
      }
    } else prevDigit = false; // punctuation: counts for nothing
    i += 2 * al;
  }
  const strong = (han >= 3 && !oneGlyph) || (letters > 0 && digits === 0) || (digits >= 2 && han > 0);
  return pairs * ALL + counted * 4 + (strong ? PAIR_STRONG : 0) + (han > 0 || letters > 0 ? PAIR_LETTER : 0);
}

/** A token is doubled when it has two pairs or more (tokenPairs' answer, 0 when not). */
export function doubledPairs(answer: number): number {
  const pairs = Math.floor(answer / ALL);
  return pairs >= 2 ? pairs : 0;
}

/** The pairs of a doubled token that count towards an overprint (see the header comment). */
export function countedPairs(answer: number): number {
  return doubledPairs(answer) > 0 ? Math.floor((answer % ALL) / 4) : 0;
}

/** Whether a run of doubled tokens with these totals (counted pairs) is an overprint (see the header comment). */
export function isOverprintRun(pairs: number, strong: boolean, letters: boolean): boolean {
  return pairs >= 3 && strong && letters;
}

/** A doubled token that cannot be real text. */
export function isStrong(answer: number): boolean {
  return (answer & PAIR_STRONG) !== 0;
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
    if (doubledPairs(answer) === 0) return false;
    pairs += countedPairs(answer);
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
