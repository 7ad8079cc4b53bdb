// Soft page breaks. The page (the text between form feeds) is the unit of analysis: an edit
// re-analyses its page, and articles never cross one. A dump that runs for megabytes without a form
// feed (OCR output that never had them, pages concatenated without them) would be one page, and
// every keystroke in it would analyse all of it again. So a page longer than `softLimits.min` is cut into
// parts at line starts chosen by their content: parse, the incremental analysis and so the CLI and
// the editor all find the same parts, and an edit moves only the cuts near it.
//
// A cut is the first line start L at least `softLimits.min` after the previous cut (or the page start)
// where the line is not blank and the first 32 units of its text hash to 0 mod 16 after a blank
// line (a block start, where articles usually begin) or mod 256 elsewhere, or any line start once
// `softLimits.max` is passed. The cut depends only on the text from the previous cut to the end of L's
// line (and, for the first line looked at, the line before it), which is what lets the
// incremental analysis re-cut just the part an edit touched.
import { isBlankUnit } from './chars';
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
/** How far into its line a cut reads to decide it is one (a hashed unit, or the unit after them, which may end the line). */
export const CUT_READS = HASHED + 1;
/** How far back the line before the first candidate is read to tell whether it is blank. */
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
  // The first line start at or after from + min, and whether the line before it is blank.
  let t = terminator(from + min - 1);
  if (t >= to) return to;
  let prevBlank = blankBefore(text, from, t);
  for (let line = after(t); line < to; line = after(t)) {
    t = terminator(line);
    const s = text.slice(line, t);
    const isBlank = isBlankText(s);
    if (line - from >= max) return line;
    if (!isBlank && (hash(s, Math.min(s.length, HASHED)) & (prevBlank ? 15 : 255)) === 0) return line;
    if (t >= to) break;
    prevBlank = isBlank;
  }
  return to;
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
