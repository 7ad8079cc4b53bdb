// The dump's lines (a LineTable: columns of typed arrays, see types.ts) and the ways to read them.
// The hot loops read the columns; other code takes a line as an object with lineAt.
import type { Line, LineTable, PageDump } from './types';

/** Flags of a line (LineTable.flags): only blank units (or none). */
export const LINE_BLANK = 1;
/** Flags of a line: a `%%` annotation line written by staff. */
export const LINE_ANNOTATION = 2;

/** Line i is neither blank nor an annotation: a line of the page's text. */
export function isTextLine(lines: LineTable, i: number): boolean {
  return lines.flags[i] === 0;
}

export function isBlankLine(lines: LineTable, i: number): boolean {
  return (lines.flags[i] & LINE_BLANK) !== 0;
}

export function isAnnotationLine(lines: LineTable, i: number): boolean {
  return (lines.flags[i] & LINE_ANNOTATION) !== 0;
}

/** The text of line i (without its terminator). */
export function lineText(dump: PageDump, i: number): string {
  const { start, end } = dump.lines;
  return start[i] === end[i] ? '' : dump.text.slice(start[i], end[i]);
}

/**
 * Where the line after line i starts: past line i's terminator (LF, CR, CRLF or a form feed), or
 * at the end of the text. Read off the text, not kept as a column (4 bytes a line) for the few
 * that ask.
 */
export function lineNext(dump: PageDump, i: number): number {
  const end = dump.lines.end[i];
  const text = dump.text;
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** The index of the page holding line i (pages hold every line, in order). Not kept as a column: few ask. */
export function pageOfLine(dump: PageDump, i: number): number {
  const pages = dump.pages;
  return Math.max(0, lowerBound(pages.length, (k) => pages[k].firstLine <= i) - 1);
}

/** The first index in [0, length) for which `before(i)` is false (`before` must be true, then false). */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Line i as an object (a new one each call). */
export function lineAt(dump: PageDump, i: number): Line {
  const L = dump.lines;
  const flags = L.flags[i];
  return {
    index: i,
    start: L.start[i],
    end: L.end[i],
    next: lineNext(dump, i),
    row: L.row[i],
    col: L.col[i],
    page: pageOfLine(dump, i),
    text: lineText(dump, i),
    blank: (flags & LINE_BLANK) !== 0,
    annotation: (flags & LINE_ANNOTATION) !== 0,
  };
}

/** Every line as an object (for tests). */
export function allLines(dump: PageDump): Line[] {
  const out: Line[] = new Array<Line>(dump.lines.length);
  for (let i = 0; i < out.length; i++) out[i] = lineAt(dump, i);
  return out;
}

/** Builds a LineTable line by line (parse), growing its columns as it goes. */
export class LineTableBuilder {
  length = 0;
  private start: Int32Array;
  private end: Int32Array;
  private row: Int32Array;
  private col: Int32Array;
  private flags: Uint8Array;

  constructor(expected: number) {
    const cap = Math.max(16, expected);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.row = new Int32Array(cap);
    this.col = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }

  push(start: number, end: number, row: number, col: number, flags: number): void {
    const i = this.length;
    if (i === this.flags.length) this.grow(2 * i);
    this.start[i] = start;
    this.end[i] = end;
    this.row[i] = row;
    this.col[i] = col;
    this.flags[i] = flags;
    this.length = i + 1;
  }

  /** The table, its columns cut to the lines pushed (copied when that frees much). */
  finish(): LineTable {
    const n = this.length;
    if (this.flags.length - n > (n >> 3) + 16) this.grow(n);
    const cut = <T extends Int32Array | Uint8Array>(a: T): T => a.subarray(0, n) as T;
    return { length: n, start: cut(this.start), end: cut(this.end), row: cut(this.row), col: cut(this.col), flags: cut(this.flags) };
  }

  /** Moves the columns to arrays of `cap` lines (at least this.length). */
  private grow(cap: number): void {
    const n = this.length;
    const move = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, n));
      return b;
    };
    this.start = move(this.start, new Int32Array(cap));
    this.end = move(this.end, new Int32Array(cap));
    this.row = move(this.row, new Int32Array(cap));
    this.col = move(this.col, new Int32Array(cap));
    this.flags = move(this.flags, new Uint8Array(cap));
  }
}
