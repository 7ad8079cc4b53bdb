// A text built by appending pieces (a paragraph joined line by line), whose end can be read and
// trimmed without joining it. Joining into one string and reading its end for every line copied
// the whole paragraph each time (V8 flattens a concatenated string when it is read; the end-anchored
// regular expressions scanned it from the start): quadratic, 31 s to export a page that is one
// 40,000-line table. Now each line costs its own length plus the word at the seam.
import { isSharedPunct, isSpaceOrTab } from './chars';

/**
 * A unit of a trailing run that `tail` must read whole: an ASCII letter or a hyphen (words), any
 * other printable ASCII (the end of a web address, an e-mail or a number, which joinKind reads),
 * or a mark both scripts use (joinKind reads past them to the character that decides).
 */
const isRunUnit = (c: number) => (c > 32 && c < 127) || isSharedPunct(c);

/** Longest tail `tail()` reads back: a "word" longer than this is cut (no word is). */
const MAX_TAIL = 1024;

export class Joiner {
  /** Non-empty pieces, in order. */
  private parts: string[] = [];

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** The last UTF-16 unit (NaN when empty). */
  lastUnit(): number {
    const last = this.parts[this.parts.length - 1];
    return last === undefined ? NaN : last.charCodeAt(last.length - 1);
  }

  push(s: string): void {
    if (s.length > 0) this.parts.push(s);
  }

  /** Removes trailing spaces and tabs. */
  trimEnd(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1];
      let e = last.length;
      while (e > 0 && isSpaceOrTab(last.charCodeAt(e - 1))) e--;
      if (e > 0) {
        if (e < last.length) this.parts[this.parts.length - 1] = last.slice(0, e);
        return;
      }
      this.parts.pop();
    }
  }

  /** Removes the last unit. */
  dropLast(): void {
    const last = this.parts.pop();
    if (last !== undefined && last.length > 1) this.parts.push(last.slice(0, -1));
  }

  /**
   * The end of the text that decides how the next piece joins: at least its last two units, and
   * its trailing run of run units (see isRunUnit) with the unit before it, so that a test anchored
   * at the end (the last code point, /[A-Za-z]-$/, /([A-Za-z0-9]-)?([A-Za-z]+)-$/, /[A-Za-z]+$/,
   * the last word's web address, the character before the shared marks that end it) reads the
   * same on it as on the whole text. tailStart is the same rule on one string.
   */
  tail(): string {
    let taken = 0;
    let allRun = true;
    let out = '';
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const s = this.parts[p];
      let i = s.length;
      while (i > 0 && !(taken >= 2 && !allRun) && taken < MAX_TAIL) {
        i--;
        taken++;
        if (!isRunUnit(s.charCodeAt(i))) allRun = false;
      }
      out = (i === 0 ? s : s.slice(i)) + out;
      if (i > 0) break;
    }
    return out;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/**
 * Where Joiner.tail of the text s[from, to) would start: the seam's end of a piece read in place
 * (reflow joins the dump's lines without slicing them whole).
 */
export function tailStart(s: string, from: number, to: number): number {
  let i = to;
  let allRun = true;
  while (i > from && !(to - i >= 2 && !allRun) && to - i < MAX_TAIL) {
    i--;
    if (!isRunUnit(s.charCodeAt(i))) allRun = false;
  }
  return i;
}

/**
 * The mirror of tailStart at a piece's start: where its leading run of run units and the unit
 * after it (at least two units) end, all that joinKind reads of the right piece.
 */
export function headEnd(s: string, from: number, to: number): number {
  let i = from;
  let allRun = true;
  while (i < to && !(i - from >= 2 && !allRun) && i - from < MAX_TAIL) {
    if (!isRunUnit(s.charCodeAt(i))) allRun = false;
    i++;
  }
  return i;
}
