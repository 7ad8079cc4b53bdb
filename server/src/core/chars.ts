// Character classes on code points. Kept as range checks (no regex) because the rules call them
// for every glyph of multi-megabyte dumps.

/** Han ideographs (BMP and astral extensions), kana, and the iteration mark 々. Not Hangul: Korean spaces words. */
export function isCjkGlyph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    cp === 0x3005 ||
    cp === 0x3007
  );
}

/** CJK punctuation, fullwidth forms, and the quotes/dashes/ellipsis that Chinese text uses. */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3005 && cp !== 0x3007) ||
    (cp >= 0xff00 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0x2018 && cp <= 0x201f) ||
    cp === 0x2014 ||
    cp === 0x2015 ||
    cp === 0x2026 ||
    cp === 0x00b7 ||
    cp === 0x25a1 // □, the byline box
  );
}

export function isCjk(cp: number): boolean {
  return isCjkGlyph(cp) || isCjkPunct(cp);
}

/**
 * A single space between code points a and b is an extraction gap (pdftotext's space at a change
 * of font, what mixed-script-spacing flags): between a CJK glyph and an ASCII letter or digit, or
 * between a number's end (a letter or digit, % ‰ °) and a CJK glyph (`于 8 月`, `增长 6.5`, `30% 的`).
 */
export function isMixedGap(a: number, b: number): boolean {
  return (isCjkGlyph(a) && isAsciiAlnum(b)) || ((isAsciiAlnum(a) || a === 37 || a === 0x2030 || a === 0xb0) && isCjkGlyph(b));
}

/**
 * The marks of isCjkPunct that English prints too: curly quotes (U+2018–201F), the em dash and
 * horizontal bar, the ellipsis, the middle dot. They say nothing of a text's script: a paragraph's
 * line join reads past them (paragraphs.joinKind).
 */
export function isSharedPunct(cp: number): boolean {
  return (cp >= 0x2018 && cp <= 0x201f) || cp === 0x2014 || cp === 0x2015 || cp === 0x2026 || cp === 0x00b7;
}

export function isAsciiAlnum(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A UTF-16 unit that regular expressions' `\s` matches (and String.prototype.trim removes). */
export function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isLatinLetter(cp: number): boolean {
  return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
}

/** A space or a tab: what the paragraph joiner trims at a seam. */
export function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

export function isSpace(cp: number): boolean {
  return cp === 32 || cp === 9 || cp === 0x3000 || cp === 0xa0;
}

/** A unit that leaves a line blank (as parse decides it): a space, tab, ideographic or no-break space, BOM or vertical tab. */
export function isBlankUnit(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11;
}

/** Code point at a UTF-16 index, and its length in code units. */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Sentence-final punctuation (CJK and Latin). */
export function isSentenceEnd(cp: number): boolean {
  return cp === 0x3002 || cp === 0xff01 || cp === 0xff1f || cp === 0x2026 || cp === 33 || cp === 63 || cp === 46 || cp === 0xff0e;
}

/** Closing quotes and brackets that may follow sentence-final punctuation. */
export function isClosing(cp: number): boolean {
  return cp === 0x201d || cp === 0x2019 || cp === 0x300d || cp === 0x300f || cp === 0xff09 || cp === 0x300b || cp === 0x3011 || cp === 41 || cp === 34 || cp === 39 || cp === 0x3009;
}

/** ，、；：,;: (compares, not a Set lookup: asked of every line's last character). */
export function isComma(c: number): boolean {
  return c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 44 || c === 59 || c === 58;
}

/** Does the text (ignoring trailing spaces) end a sentence: 。！？… or . ! ? with optional closing quotes/brackets? Of text[0, end) when given. */
export function endsSentence(text: string, end = text.length): boolean {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  while (i > 0 && isClosing(text.charCodeAt(i - 1))) i--;
  return i > 0 && isSentenceEnd(text.charCodeAt(i - 1)) && !(text.charCodeAt(i - 1) === 46 && abbreviationBefore((k) => text.charCodeAt(k), 0, i - 1));
}

/**
 * Titles whose full stop ends no sentence: a name follows (`said Mr.` / `Dougherty…`). Not Jr. or
 * Sr., which end a name and often a sentence with it.
 */
const TITLES = new Set(['Mr', 'Mrs', 'Messrs', 'Mme', 'Dr', 'St', 'Gen', 'Col', 'Capt', 'Lieut', 'Maj', 'Sgt', 'Rev', 'Hon', 'Gov', 'Sen', 'Rep', 'Prof', 'Supt']);

/**
 * Is the full stop at `dot` (units read by `at`, none before `from`) that of a title (Mr., Dr.,
 * Gen.: TITLES) or of a single capital, an initial (`D. O.`, `C. W.`), not a state's after a comma?
 * Then it ends no sentence.
 */
export function abbreviationBefore(at: (k: number) => number, from: number, dot: number): boolean {
  let j = dot;
  while (j > from && j > dot - 8 && isAsciiLetter(at(j - 1))) j--;
  if (j === dot || (j > from && isAsciiLetter(at(j - 1)))) return false;
  const n = dot - j;
  const c = at(j);
  if (n === 1) {
    if (!(c >= 65 && c <= 90)) return false;
    // Initials after a comma are a state's (`Syracuse, N. Y.`, `Washington, D. C.`), which may end a sentence.
    let k = j - 1;
    for (;;) {
      while (k >= from && at(k) === 32) k--;
      if (k - 1 >= from && at(k) === 46 && at(k - 1) >= 65 && at(k - 1) <= 90 && (k - 2 < from || !isAsciiLetter(at(k - 2)))) k -= 2;
      else break;
    }
    return !(k >= from && at(k) === 44);
  }
  if (!(c >= 65 && c <= 90) || n > 6) return false;
  let w = '';
  for (let k = j; k < dot; k++) w += String.fromCharCode(at(k));
  return TITLES.has(w);
}

/**
 * Display width of a line in "glyph cells": a CJK glyph or fullwidth punctuation counts 2,
 * anything else 1. Column width estimates compare lines in these units so that mixed
 * CJK/Latin lines measure like the printed column.
 */
export function cellWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 2;
      i++;
    } else w += CLASS[c] & CC_CELL2 ? 2 : 1;
  }
  return w;
}

// Character classes as one table lookup per UTF-16 unit, for the loops that visit every character
// of a dump (line measure, cell widths, script counts, token reading); built once from the
// predicates above, so the two can't disagree.
/** The spaces the article detection skips (roles.ts isWs). */
export const CC_WS = 1;
/** CJK glyph or punctuation at or above U+2000 (what the line measure counts as CJK). */
export const CC_CJK = 2;
/** Two cells wide for the line measure: CC_CJK or Hangul. */
export const CC_WIDE = 4;
/** High surrogate: an astral character, treated as CJK. */
export const CC_HIGH = 8;
/** isCjkGlyph. */
export const CC_GLYPH = 16;
/** ASCII letter or digit, or Latin letter (word character of the token reader). */
export const CC_WORD = 32;
/** Justification spaces: space, tab, ideographic space. */
export const CC_JUST = 64;
/** Two cells in cellWidth: CJK or Hangul from U+1100. */
export const CC_CELL2 = 128;
/** What isCjkText counts as CJK (CJK, or a high surrogate: astral text is CJK in practice)… */
export const CC_SCRIPT_CJK = 256;
/** …or as Latin (a Latin letter that is not CJK). */
export const CC_SCRIPT_LATIN = 512;
/** isAsciiLetter. */
export const CC_ALPHA = 1024;
/** isJsSpace: what `\s` matches. */
export const CC_JS_SPACE = 2048;

export const CLASS = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  let f = 0;
  const hangul = c >= 0xac00 && c <= 0xd7af;
  const high = c >= 0xd800 && c <= 0xdbff;
  const cjk = isCjk(c);
  const latin = isLatinLetter(c);
  if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11 || (c >= 0x2000 && c <= 0x200b)) f |= CC_WS;
  if (c >= 0x2000 && cjk) f |= CC_CJK | CC_WIDE;
  if (hangul) f |= CC_WIDE;
  if (high) f |= CC_HIGH;
  if (isCjkGlyph(c)) f |= CC_GLYPH;
  if (isAsciiAlnum(c) || latin) f |= CC_WORD;
  if (c === 32 || c === 9 || c === 0x3000) f |= CC_JUST;
  if (c >= 0x1100 && (cjk || hangul)) f |= CC_CELL2;
  if (cjk || high) f |= CC_SCRIPT_CJK;
  else if (latin) f |= CC_SCRIPT_LATIN;
  if (isAsciiLetter(c)) f |= CC_ALPHA;
  if (isJsSpace(c)) f |= CC_JS_SPACE;
  CLASS[c] = f;
}
