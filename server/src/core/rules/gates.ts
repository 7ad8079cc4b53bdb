// The cheap exits of the three built-in line rules, in one pass over a line: lintPage reads every
// line once here and calls a rule only when its exit lets the line through (most lines have no
// space and no doubled glyph), instead of each rule scanning the line again for its own exit.
import { isSpace } from '../chars';
import type { RuleId } from '../types';

/** At least one ASCII space: mixed-script-spacing may find a gap. */
export const GATE_SPACE = 1;
/** At least two ASCII spaces: spaced-glyphs may find its two gaps. */
export const GATE_TWO_SPACES = 2;
/**
 * doubled-glyphs may find a run: a qualifying run holds at least three pairs, and each pair of BMP
 * code points is a distinct spot where a non-space UTF-16 unit equals the one before it. So fewer
 * than three such spots, and no surrogates (an astral pair doubles as four units), means no doubling.
 */
export const GATE_DOUBLED = 4;
/**
 * A unit at or above U+3000: spaced-glyphs and mixed-script-spacing only ever report next to a
 * CJK glyph (U+3005 and up, or an astral one: a surrogate). Without one (a Latin line, which has
 * spaces everywhere), neither needs to look.
 */
export const GATE_CJK = 8;

/**
 * The gates of text[start, end). lintPage passes the document text and the line's range: the document
 * is one flat string, which a charCodeAt loop reads faster than a line's text (mostly a slice of it).
 */
export function lineGates(text: string, start = 0, end = text.length): number {
  let spaces = 0;
  let spots = 0;
  let doubled = false;
  let prev = -1;
  let max = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > max) max = c;
    // Most units are none of these: one test for all three keeps the common path short.
    if (c === 32 || c === prev || (c & 0xf800) === 0xd800) {
      if (c === 32) spaces++;
      if (!doubled && ((c === prev && !isSpace(c) && ++spots >= 3) || (c & 0xf800) === 0xd800)) {
        doubled = true;
      }
      if (doubled && spaces >= 2 && max >= 0x3000) break;
    }
    prev = c;
  }
  return (spaces > 0 ? GATE_SPACE : 0) | (spaces > 1 ? GATE_TWO_SPACES : 0) | (doubled ? GATE_DOUBLED : 0) | (max >= 0x3000 ? GATE_CJK : 0);
}

/**
 * Whether a built-in line rule may report on a line with these gates (false: it surely does not).
 * A rule lintPage does not know by id is always called.
 */
export function mayReport(rule: RuleId, gates: number): boolean {
  const need = gatesNeeded(rule);
  return (gates & need) === need;
}

/** The gates a line needs all of for the rule to be called on it (0 for a rule not known by id: every line). */
export function gatesNeeded(rule: RuleId): number {
  switch (rule) {
    case 'spaced-glyphs':
      return GATE_TWO_SPACES | GATE_CJK;
    case 'doubled-glyphs':
      return GATE_DOUBLED;
    case 'mixed-script-spacing':
      return GATE_SPACE | GATE_CJK;
    default:
      return 0;
  }
}
