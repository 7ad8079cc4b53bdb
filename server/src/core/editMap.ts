// Where rounds of edits changed a text: fixAll applies its fixes in passes, each pass's edits
// offsets into the text the passes before it left. An EditMap composes them into edits of the
// original text that cover only what changed, so that Fix All sends the changed regions of a page
// rather than all of it (the differing middle of a page whose lines are joined is nearly the page).
import type { Edit } from './types';

/**
 * The regions of an original text that rounds of edits changed: per region, where it is in the
 * original and how long what replaced it is now. Elsewhere the text is as it was.
 */
export class EditMap {
  /** Per region: start and end in the original, length now (three numbers), sorted, apart. */
  private regions: number[] = [];

  /**
   * Adds a round of edits: sorted and non-overlapping (as normalizeEdits leaves them; touching
   * allowed), offsets into the text as the rounds before left it.
   */
  add(edits: readonly Edit[]): void {
    const old = this.regions;
    const out: number[] = [];
    let i = 0; // next region of `old`
    let j = 0; // next edit
    let delta = 0; // length now minus length in the original, over the regions before i
    while (i < old.length || j < edits.length) {
      // A group: the regions and edits that overlap or touch, from whichever starts first (offsets now).
      const regionStart = i < old.length ? old[i] + delta : Infinity;
      const start = j < edits.length ? Math.min(regionStart, edits[j].start) : regionStart;
      let end = start;
      let groupDelta = 0; // over the regions in the group
      let removed = 0; // length the group's edits replace, and their new length
      let added = 0;
      for (;;) {
        if (i < old.length && old[i] + delta + groupDelta <= end) {
          const at = old[i] + delta + groupDelta;
          end = Math.max(end, at + old[i + 2]);
          groupDelta += old[i + 2] - (old[i + 1] - old[i]);
          i += 3;
        } else if (j < edits.length && edits[j].start <= end) {
          end = Math.max(end, edits[j].end);
          removed += edits[j].end - edits[j].start;
          added += edits[j].newText.length;
          j++;
        } else break;
      }
      out.push(start - delta, end - delta - groupDelta, end - start - removed + added);
      delta += groupDelta;
    }
    this.regions = out;
  }

  /**
   * The edits turning `original` into `now` (the text the rounds left): the regions, trimmed of
   * what they left as it was, and joined into fewer edits where that is cheaper to send (see
   * `joined`).
   */
  edits(original: string, now: string): Edit[] {
    const regions = this.trimmed(original, now);
    // Whether the text between each region and the one before it is narrow.
    const narrow = narrowIn(original);
    const narrowBefore = new Uint8Array(regions.length / FIELDS);
    for (let k = FIELDS, i = 1; k < regions.length; k += FIELDS, i++) narrowBefore[i] = narrow(regions[k - FIELDS + 1], regions[k]) ? 1 : 0;
    const narrowPlan = joined(regions, narrowBefore, false);
    const widePlan = joined(regions, narrowBefore, true);
    const plan = cost(narrowPlan) <= cost(widePlan) ? narrowPlan : widePlan;
    const out: Edit[] = [];
    for (let k = 0; k < plan.length; k += FIELDS) {
      const text = now.slice(plan[k + 2], plan[k + 3]);
      out.push({ start: plan[k], end: plan[k + 1], newText: plan[k + 4] ? text : narrowed(text) });
    }
    return out;
  }

  /**
   * The regions as [start, end) in the original, [from, to) now, and whether that has a unit
   * above 0xFF; trimmed of what they left as they were (a unit removed in one round and put back
   * in the next), never between the halves of a surrogate pair; empty ones left out.
   */
  private trimmed(original: string, now: string): number[] {
    const r = this.regions;
    const out: number[] = [];
    const narrow = narrowIn(now);
    let delta = 0;
    for (let k = 0; k < r.length; k += 3) {
      let a = r[k];
      let b = r[k + 1];
      let x = a + delta;
      let y = x + r[k + 2];
      delta += r[k + 2] - (b - a);
      while (a < b && x < y && original.charCodeAt(a) === now.charCodeAt(x)) {
        a++;
        x++;
      }
      while (b > a && y > x && original.charCodeAt(b - 1) === now.charCodeAt(y - 1)) {
        b--;
        y--;
      }
      if (a === b && x === y) continue;
      if (a > 0 && isHigh(original.charCodeAt(a - 1)) && isLow(original.charCodeAt(a))) {
        a--;
        x--;
      }
      if (b < original.length && isHigh(original.charCodeAt(b - 1)) && isLow(original.charCodeAt(b))) {
        b++;
        y++;
      }
      out.push(a, b, x, y, narrow(x, y) ? 0 : 1);
    }
    return out;
  }
}

/** Numbers per region or edit: start, end, from, to, wide (see EditMap.trimmed). */
const FIELDS = 5;

/**
 * What sending an edit costs in bytes beyond its text, about: its TextEdit (four objects) and its
 * JSON (~90 characters), going out, and as a change coming back. Its text costs, per character,
 * about 4 bytes at one byte a character (the string, its JSON twice as V8 builds it, its UTF-8),
 * 9 at two (the UTF-8 of a CJK character is 3 bytes).
 */
const EDIT_COST = 480;
const NARROW_COST = 4;
const WIDE_COST = 9;

function cost(plan: readonly number[]): number {
  let c = 0;
  for (let k = 0; k < plan.length; k += FIELDS) c += EDIT_COST + (plan[k + 3] - plan[k + 2]) * (plan[k + 4] ? WIDE_COST : NARROW_COST);
  return c;
}

/**
 * Regions joined where the text between them costs less to send than another edit: touching ones
 * always; across narrow text (no unit above 0xFF) between narrow regions; and across any text when
 * one of them is wide already or when `widen`, making the edit wide. Without `widen`, an edit of
 * narrow regions stays narrow, so that its text goes at one byte a character (an English page with
 * a dash or a bullet among its lines); with it, a page whose unchanged text is wide (CJK, where the
 * fixes remove spaces and line breaks between characters) is a few edits, not one a removed space.
 * EditMap.edits takes the cheaper of the two.
 */
function joined(regions: readonly number[], narrowBefore: Uint8Array, widen: boolean): number[] {
  const out: number[] = [];
  for (let k = 0, i = 0; k < regions.length; k += FIELDS, i++) {
    const last = out.length - FIELDS;
    const wide = regions[k + 4];
    if (last >= 0) {
      const gap = regions[k] - out[last + 1];
      const joinedWide = out[last + 4] === 1 || wide === 1 || narrowBefore[i] === 0;
      if (gap <= 0 || (joinedWide ? (widen || out[last + 4] === 1 || wide === 1) && gap * WIDE_COST < EDIT_COST : gap * NARROW_COST < EDIT_COST)) {
        out[last + 1] = Math.max(out[last + 1], regions[k + 1]);
        out[last + 3] = Math.max(out[last + 3], regions[k + 3]);
        out[last + 4] = joinedWide ? 1 : 0;
        continue;
      }
    }
    out.push(regions[k], regions[k + 1], regions[k + 2], regions[k + 3], wide);
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A string of one byte a character with the characters of `s` (all 0xFF or below). V8 keeps a
 * slice of a text that has one wider character anywhere at two bytes a character, and so every
 * string it makes from one (the JSON of an answer holding it): the edits of an English dump with
 * a dash or a bullet on each page took twice the memory of their characters, each time over.
 */
function narrowed(s: string): string {
  return s.length < 2 ? s : Buffer.from(s, 'latin1').toString('latin1');
}

const WIDE = /[\u0100-\uffff]/g;

/**
 * Whether `text` has no unit above 0xFF in [start, end), for queries mostly in increasing order:
 * a regular expression finds the next such unit (several times faster than reading the units one
 * by one), and it is kept for the next query.
 */
function narrowIn(text: string): (start: number, end: number) => boolean {
  let from = 0;
  let next = -1; // the first wide unit at or after `from` (text.length: none)
  return (start, end) => {
    // A few units read one by one first: in CJK text the first is wide.
    for (let i = start, stop = Math.min(end, start + 16); i < stop; i++) if (text.charCodeAt(i) > 0xff) return false;
    if (end - start <= 16) return true;
    if (next < 0 || start < from || start > next) {
      WIDE.lastIndex = start;
      const m = WIDE.exec(text);
      from = start;
      next = m ? m.index : text.length;
    }
    return next >= end;
  };
}
