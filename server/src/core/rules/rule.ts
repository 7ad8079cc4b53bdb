// The contract every line rule implements. A rule looks at one line at a time and returns at most
// one finding for it (one click per problem: the fix carries every edit of that line).
import { gapFix } from '../editRows';
import type { Fix, Line, RuleId, Severity, Span } from '../types';
import { t, tCount, type Messages } from '../messages';
import { isSpace } from '../chars';
import { joinsIntoOverprint } from '../overprint';

export interface LineFinding extends Span {
  message: string;
  /** Kept as is in the finding lintPage makes (one object less per finding). */
  fix: Fix;
  /** Its fix is for the user to apply, never applied automatically (see Finding.unsure). */
  unsure?: true;
}

export interface LineRule {
  id: RuleId;
  defaultSeverity: Severity;
  /** Returns a finding for the line, or undefined. Offsets are absolute (line.start based). */
  checkLine(line: Line, messages: Messages): LineFinding | undefined;
}

/** The line without leading and trailing spaces: the range a line-level diagnostic underlines. */
export function trimmedSpan(line: Line): Span {
  const text = line.text;
  const a = skipSpaces(text, 0, text.length);
  return { start: line.start + a, end: line.start + trimEnd(text, a, text.length) };
}

/** The first index in [from, to) that is not a space, or `to`. */
export function skipSpaces(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  return from;
}

/** The end of text[from, to) without its trailing spaces (at least `from`). */
export function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/**
 * What a spacing rule's scan found on one line: the span to underline, and the offsets of its gaps
 * in gaps[0, count). Scratch, one line at a time: lintPage makes its Finding straight from it (a
 * LineFinding made only to be copied was one object more per finding), checkLine a LineFinding.
 */
export interface SpacingScan {
  start: number;
  end: number;
  /** Grown (replaced) when a line has more gaps than it holds. */
  gaps: Int32Array;
}

/** Room for gap `count` in scan.gaps, the array grown if full: the array to write it in. */
export function gapRoom(scan: SpacingScan, count: number): Int32Array {
  let gaps = scan.gaps;
  if (count === gaps.length) {
    const grown = new Int32Array(2 * gaps.length);
    grown.set(gaps);
    scan.gaps = gaps = grown;
  }
  return gaps;
}

/**
 * The finding of a spacing rule on [start, end): its message counts the gaps, and its fix deletes
 * the space at each gap offset in gaps[0, count).
 */
export function spaceFinding(rule: 'spaced-glyphs' | 'mixed-script-spacing', start: number, end: number, gaps: Int32Array, count: number, messages: Messages): LineFinding {
  // Constant keys: a key built per call (`${rule}.message`) is a new string to hash on every lookup.
  const spaced = rule === 'spaced-glyphs';
  return {
    start,
    end,
    message: tCount(messages, spaced ? 'spaced-glyphs.message' : 'mixed-script-spacing.message', count),
    fix: gapFix(t(messages, spaced ? 'spaced-glyphs.fix' : 'mixed-script-spacing.fix'), gaps, count),
  };
}

/**
 * A spacing rule's finding for the line text[from, to) (its first unit at offset `base`), from the
 * rule's scan; unsure when its fix alone would leave the line reading as sure fake bold (see
 * joinsIntoOverprint; lint.ts reads it with the other spacing rule's fix too): the user's to apply.
 */
export function spacingLineFinding(rule: 'spaced-glyphs' | 'mixed-script-spacing', scan: SpacingScan, count: number, text: string, from: number, to: number, base: number, messages: Messages): LineFinding {
  const f = spaceFinding(rule, scan.start, scan.end, scan.gaps, count, messages);
  if (joinsIntoOverprint(text, from, to, base, scan.gaps, count, undefined, 0)) {
    f.unsure = true;
    f.message = tCount(messages, rule === 'spaced-glyphs' ? 'spaced-glyphs.unsure' : 'mixed-script-spacing.unsure', count);
  }
  return f;
}
