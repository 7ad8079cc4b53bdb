// Character classes of the article detection as one table lookup per UTF-16 unit, for the loops
// that visit every character of a page (line measure, token reading). Built once from chars.ts.
import * as chars from '../chars';

/** The spaces the article detection skips (roles.ts isWs). */
export const CC_WS = 1;
/** CJK glyph or punctuation at or above U+2000 (what the line measure counts as CJK). */
export const CC_CJK = 2;
/** Two cells wide: CC_CJK or Hangul. */
export const CC_WIDE = 4;
/** High surrogate: an astral character, treated as CJK. */
export const CC_HIGH = 8;
/** chars.isCjkGlyph. */
export const CC_GLYPH = 16;
/** ASCII letter or digit, or Latin letter (word character of the token reader). */
export const CC_WORD = 32;
/** Justification spaces: space, tab, ideographic space. */
export const CC_JUST = 64;

export const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  let f = 0;
  if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11 || (c >= 0x2000 && c <= 0x200b)) f |= CC_WS;
  if (c >= 0x2000 && chars.isCjk(c)) f |= CC_CJK | CC_WIDE;
  if (c >= 0xac00 && c <= 0xd7af) f |= CC_WIDE;
  if (c >= 0xd800 && c <= 0xdbff) f |= CC_HIGH;
  if (chars.isCjkGlyph(c)) f |= CC_GLYPH;
  if (chars.isAsciiAlnum(c) || chars.isLatinLetter(c)) f |= CC_WORD;
  if (c === 32 || c === 9 || c === 0x3000) f |= CC_JUST;
  CLASS[c] = f;
}
