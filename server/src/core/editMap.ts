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
    if (old.length === 0) {
      // The first round: its edits, touching ones as one region.
      for (const e of edits) {
        if (out.length > 0 && out[out.length - 2] === e.start) {
          out[out.length - 2] = e.end;
          out[out.length - 1] += e.newText.length;
        } else out.push(e.start, e.end, e.newText.length);
      }
      this.regions = out;
      return;
    }
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
   * The edits turning `original` into `now` (the text the rounds left): the regions, joined where
   * the text between them costs less to send than another edit, each trimmed of what it left as it
   * was (a unit removed in one round and put back in the next), never between the halves of a
   * surrogate pair. On a text of narrow characters (no unit above 0xFF) with a few wide ones (an
   * English page with a dash or a bullet among its lines), an edit of narrow regions is not joined
   * across a wide character: its text is then made a string of one byte a character (see
   * `narrowed`), and when every edit's is, so is the JSON that carries them, and the text that
   * comes back. On a text of wide characters (CJK, where the fixes remove the spaces and line
   * breaks between them), the regions are joined across them: a page is a few edits, not one a
   * removed space.
   */
  edits(original: string, now: string): Edit[] {
    const r = this.regions;
    const keepNarrow = mostlyNarrow(original);
    const narrowOriginal = narrowIn(original);
    const narrowNow = narrowIn(now);
    // The edits as [start, end) in the original and [from, to) now.
    const plan: number[] = [];
    let narrow: boolean = true; // whether the text of the last one is (kept track of when keepNarrow)
    let delta = 0;
    for (let k = 0; k < r.length; k += 3) {
      const a = r[k];
      const b = r[k + 1];
      const x = a + delta;
      const y = x + r[k + 2];
      delta += r[k + 2] - (b - a);
      const last = plan.length - 4;
      if (last >= 0) {
        const gap = a - plan[last + 1];
        let join = gap <= 0;
        if (!join && !keepNarrow) join = gap * WIDE_COST < EDIT_COST;
        else if (!join) {
          const own = narrowNow(x, y);
          const between: boolean = narrow && own && narrowOriginal(plan[last + 1], a);
          // Across narrow text, an edit that stays narrow; across any, one that is wide already.
          join = between ? gap * NARROW_COST < EDIT_COST : (!narrow || !own) && gap * WIDE_COST < EDIT_COST;
          if (join) narrow = between;
        }
        if (join) {
          plan[last + 1] = b;
          plan[last + 3] = y;
          continue;
        }
      }
      plan.push(a, b, x, y);
      narrow = !keepNarrow || narrowNow(x, y);
    }
    const out: Edit[] = [];
    let prevFrom = 0; // where the last edit starts now
    for (let k = 0; k < plan.length; k += 4) {
      let a = plan[k];
      let b = plan[k + 1];
      let x = plan[k + 2];
      let y = plan[k + 3];
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
      // Brought to touch the one before by a surrogate pair: one edit with it.
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      if (prev && prev.end >= a) {
        out.pop();
        a = prev.start;
        x = prevFrom;
      }
      const text = now.slice(x, y);
      out.push({ start: a, end: b, newText: narrowNow(x, y) ? narrowed(text) : text });
      prevFrom = x;
    }
    return out;
  }
}

/**
 * What sending an edit costs in bytes beyond its text, about: its TextEdit (four objects) and its
 * JSON (~90 characters), going out, and as a change coming back. Its text costs, per character,
 * about 4 bytes at one byte a character (the string, its JSON twice as V8 builds it, its UTF-8),
 * 9 at two (the UTF-8 of a CJK character is 3 bytes).
 */
const EDIT_COST = 480;
const NARROW_COST = 4;
const WIDE_COST = 9;

/** Whether most of `text` is narrow: of a sample of its units, fewer than one in 8 is above 0xFF. */
function mostlyNarrow(text: string): boolean {
  let wide = 0;
  let n = 0;
  for (let i = 0; i < text.length; i += 7, n++) if (text.charCodeAt(i) > 0xff) wide++;
  return 8 * wide < n;
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
    if (start >= end) return true;
    if (next < 0 || start < from || start > next) {
      // A few units read one by one first (in CJK text the first is wide), then the search.
      for (let i = start, stop = Math.min(end, start + 8); i < stop; i++) if (text.charCodeAt(i) > 0xff) return false;
      if (end - start <= 8) return true;
      WIDE.lastIndex = start;
      const m = WIDE.exec(text);
      from = start;
      next = m ? m.index : text.length;
    }
    return next >= end;
  };
}
