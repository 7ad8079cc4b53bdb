// mixed-script-spacing: pdftotext puts a space wherever a font changes, so numbers and Latin
// letters inside Chinese text come out padded: `8 月 26 日` → `8月26日`, `39.7 亿元` → `39.7亿元`.
//
// Decision: a gap is exactly one ASCII space between a Han glyph and an ASCII letter or digit (or a
// `%` / `‰` / `°` closing a number), on either side. Two or more spaces are deliberate (a dateline's
// `本报讯  8 月`), and spaces next to punctuation are left to the other rules. Default severity is
// hint, since some house styles keep these spaces: Fix All leaves a hint (see fix.ts), so they go
// only when a user raises the rule; it can be turned off. As with spaced-glyphs, a fix that would
// leave its line reading as sure fake bold is unsure (see joinsIntoOverprint in overprint.ts).
import { codePointAt, cpLength, isMixedGap } from '../chars';
import type { Messages } from '../messages';
import { gapRoom, spacingLineFinding, type LineFinding, type LineRule, type SpacingScan } from './rule';

/** What mixedScan found on the line it last scanned. */
export const MIXED: SpacingScan = { start: 0, end: 0, gaps: new Int32Array(256) };

export const mixedScriptSpacing: LineRule = {
  id: 'mixed-script-spacing',
  defaultSeverity: 'hint',
  checkLine(line, messages) {
    // Cheap exit (most lines): every gap is an ASCII space.
    if (line.text.indexOf(' ') < 0) return undefined;
    return mixedFinding(line.text, 0, line.text.length, line.start, messages);
  },
};

/**
 * The check past the cheap exit, on text[from, to): a line whose first unit is at offset `base` of
 * the document (the document text and the line's range from lintPage, the line's text from
 * checkLine). No closures in here: a closure over `line` made V8 allocate a context per call (per line).
 */
export function mixedFinding(text: string, from: number, to: number, base: number, messages: Messages): LineFinding | undefined {
  const count = mixedScan(text, from, to, base);
  if (count === 0) return undefined;
  return spacingLineFinding('mixed-script-spacing', MIXED, count, text, from, to, base, messages);
}

/** mixedFinding's scan: the number of gaps of its finding, held in MIXED, or 0 for none. */
export function mixedScan(text: string, from: number, to: number, base: number): number {
  let gaps = MIXED.gaps;
  let count = 0;
  let first = 0; // underline from the character before the first gap…
  let last = 0; // …to the character after the last one
  // Only a space can be a gap, and nothing but its two neighbours decides: look at the spaces, not
  // at every code point (a space is never inside a surrogate pair, so it is where a code point starts).
  for (let i = from + 1; i + 1 < to; i++) {
    if (text.charCodeAt(i) !== 32) continue;
    let prevAt = i - 1;
    let prev = text.charCodeAt(prevAt);
    if (prev === 32) continue;
    // A low surrogate after a high one in the line ends an astral code point (a forward scan from
    // `from` would have paired them: a high surrogate is never the second unit of a pair).
    if ((prev & 0xfc00) === 0xdc00 && prevAt > from && (text.charCodeAt(prevAt - 1) & 0xfc00) === 0xd800) prev = codePointAt(text, --prevAt);
    const next = codePointAt(text, i + 1);
    if (isMixedGap(prev, next)) {
      if (count === 0) first = prevAt;
      if (count === gaps.length) gaps = gapRoom(MIXED, count);
      gaps[count++] = base + i - from;
      last = i + 1 + cpLength(next);
    }
  }
  if (count > 0) {
    MIXED.start = base + first - from;
    MIXED.end = base + last - from;
  }
  return count;
}
