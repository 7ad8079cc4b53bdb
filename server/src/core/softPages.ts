// Soft page breaks. The page (the text between form feeds) is the unit of analysis: an edit
// re-analyses its page, and articles never cross one. A dump that runs for megabytes without a form
// feed (OCR output that never had them, pages concatenated without them) would be one page, and
// every keystroke in it would analyse all of it again. So a page longer than `softLimits.min` is cut into
// parts at line starts chosen by their content: parse, the incremental analysis and so the CLI and
// the editor all find the same parts, and an edit moves only the cuts near it.
//
// A cut is the first line start L at least `softLimits.min` after the previous cut (or the page
// start) where the line is not blank and the first 32 units of its text hash to 0 mod 8 and it
// looks like the start of an article (a short heading-like line after a line of text that ends a
// sentence or a bracket: see headingLike and endsBlock); or, once a quarter of the way from `min`
// to `max`, they hash to 0 mod 16 after a blank line (a block start) or mod 256 elsewhere; or any
// line start once `softLimits.max` is passed. Cut at hashed lines alone, an English dump (no blank
// lines between articles) was cut inside an article every time, leaving a headless article after
// the cut and a truncated one before it. The hash keeps the lines that can be cuts few: an edit
// shifts the text after it, and with every heading-like line a cut, one of them crossing the `min`
// mark moved the cut, then the next, and so on (typing in a 10 MB dump without form feeds
// re-analysed up to 19 parts an edit). The cut depends only on the text from the previous cut to
// the end of L's first CUT_READS units (and, for the first line looked at, the lines before it back
// to a line of text), which is what lets the incremental analysis re-cut just the part an edit
// touched.
import { CC_GLYPH, CLASS, endsSentence, isBlankUnit, isComma } from './chars';
import type { TextSource } from './types';

/** The distances that place cuts; tests lower them to exercise cuts on small texts. */
export const softLimits = {
  /**
   * No cut comes closer than this (UTF-16 units) to the previous one: a newspaper page is 10–30
   * thousand, a page of stock tables can be 75 thousand, and such a page is better left whole.
   */
  min: 100_000,
  /** Past this distance from the previous cut, any line start is a cut. */
  max: 300_000,
};
const HASHED = 32;
/** The longest line (UTF-16 units, spaces included) headingLike takes for a heading. */
const HEADING_MAX = 48;
/** How far into its line a cut reads to decide it is one (a hashed or heading unit, or the unit after them, which may end the line). */
export const CUT_READS = Math.max(HASHED, HEADING_MAX) + 1;
/** How far back the line before the first candidate is read to tell what it is (blank, a sentence's end, other text). */
const LOOK_BACK = 256;

/** Whether every unit of `s` leaves a line blank. */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlankUnit(s.charCodeAt(i))) return false;
  return true;
}

function hash(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The first cut after `from` (a page start or a cut) and before `to` (the end of that page: a
 * form feed or the end of the text), or `to` when there is none.
 */
export function nextSoftBreak(text: TextSource, from: number, to: number): number {
  const { min, max } = softLimits;
  // Before `mid`, only a heading-like line is a cut: a quarter of the way on, so that a text without
  // headings is not cut in parts much longer than before (an edit re-analyses its whole part).
  const mid = min + ((max - min) >> 2);
  if (to - from <= min) return to;
  // Line terminators as parse reads them: LF, CR, CRLF (one). Next LF and CR kept, as parse does,
  // so that a text without CRs is not searched to its end on every line.
  let lf = -2;
  let cr = -2;
  const terminator = (at: number): number => {
    if (lf < at && lf !== -1) lf = text.indexOf('\n', at);
    if (cr < at && cr !== -1) cr = text.indexOf('\r', at);
    const a = lf < 0 || lf >= to ? to : lf;
    const b = cr < 0 || cr >= to ? to : cr;
    return a < b ? a : b;
  };
  const after = (t: number): number => (t + 1 < to && text.slice(t, t + 2) === '\r\n' ? t + 2 : t + 1);
  // The first line start at or after from + min, and what the line before it is.
  let t = terminator(from + min - 1);
  if (t >= to) return to;
  let prevBlank = blankBefore(text, from, t);
  // Whether the last line of text before (blank lines skipped) ends a block: see endsBlock.
  let prevEnds = endsBlockBefore(text, from, t);
  for (let line = after(t); line < to; line = after(t)) {
    t = terminator(line);
    const s = text.slice(line, t);
    const isBlank = isBlankText(s);
    const gap = line - from;
    if (gap >= max) return line;
    if (!isBlank) {
      const h = hash(s, Math.min(s.length, HASHED));
      if ((h & 7) === 0 && prevEnds && headingLike(s)) return line;
      if (gap >= mid && (h & (prevBlank ? 15 : 255)) === 0) return line;
    }
    if (t >= to) break;
    prevBlank = isBlank;
    if (!isBlank) prevEnds = endsBlock(s, s.length);
  }
  return to;
}

/**
 * Whether a line looks like the first line of an article's head: at most HEADING_MAX units, not
 * ending a sentence (。 . ! ?) or a clause (， 、 ； ： , ; : -), and either at least two CJK glyphs,
 * no more Latin letters than glyphs and no 。，、；！？ inside (a line of body text has them: one
 * that starts a paragraph after a sentence's end is as short as a headline), or at least four
 * Latin letters nearly all capitals (an English headline or deck). Read in its first HEADING_MAX + 1
 * units at most.
 */
function headingLike(s: string): boolean {
  if (s.length > HEADING_MAX) return false;
  let end = s.length;
  while (end > 0 && isBlankUnit(s.charCodeAt(end - 1))) end--;
  if (end === 0) return false;
  const last = s.charCodeAt(end - 1);
  if (isComma(last) || last === 45 || endsSentence(s, end)) return false;
  let glyphs = 0;
  let upper = 0;
  let lower = 0;
  let clause = false;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (CLASS[c] & CC_GLYPH) glyphs++;
    else if (c === 0x3002 || c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff01 || c === 0xff1f) clause = true;
  }
  return glyphs >= 2 ? !clause && lower + upper <= glyphs : upper >= 4 && lower * 8 <= upper;
}

/** Whether a line of text, s[0, end) without its blank units at the end, ends a sentence or a bracket (a sign-off, a continuation marker): an article may start after it. */
function endsBlock(s: string, end: number): boolean {
  while (end > 0 && isBlankUnit(s.charCodeAt(end - 1))) end--;
  const last = end > 0 ? s.charCodeAt(end - 1) : 0;
  return last === 0xff09 || last === 41 || endsSentence(s, end);
}

/** Whether the line ending at `t` is blank, read backwards (at most LOOK_BACK units; a longer run of blanks counts as text). */
function blankBefore(text: TextSource, from: number, t: number): boolean {
  // `t` may be the LF of a CRLF: the line ends at its CR.
  if (t > from && text.slice(t - 1, t + 1) === '\r\n') t--;
  const start = Math.max(from, t - LOOK_BACK);
  const s = text.slice(start, t);
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (!isBlankUnit(c)) return false;
  }
  return start === from;
}

/**
 * Whether the last line of text before `t` (blank lines skipped, at most LOOK_BACK units back, not
 * before `from`) ends a block (endsBlock); true when there is none back to `from`.
 */
function endsBlockBefore(text: TextSource, from: number, t: number): boolean {
  const start = Math.max(from, t - LOOK_BACK);
  const s = text.slice(start, t);
  let i = s.length;
  while (i > 0 && (isBlankUnit(s.charCodeAt(i - 1)) || s.charCodeAt(i - 1) === 10 || s.charCodeAt(i - 1) === 13)) i--;
  return i === 0 ? start === from : endsBlock(s, i);
}
