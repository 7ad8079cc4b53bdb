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

/** Line i as an object (a new one each call). */
export function lineAt(dump: PageDump, i: number): Line {
  const L = dump.lines;
  const flags = L.flags[i];
  return {
    index: i,
    start: L.start[i],
    end: L.end[i],
    next: L.next[i],
    row: L.row[i],
    col: L.col[i],
    page: L.page[i],
    text: lineText(dump, i),
    blank: (flags & LINE_BLANK) !== 0,
    annotation: (flags & LINE_ANNOTATION) !== 0,
  };
}

/** Every line as an object (tests, and code that reads a few small pages). */
export function allLines(dump: PageDump): Line[] {
  const out: Line[] = new Array<Line>(dump.lines.length);
  for (let i = 0; i < out.length; i++) out[i] = lineAt(dump, i);
  return out;
}

/** Builds a LineTable line by line (parse), growing its columns as it goes. */
export class LineTableBuilder {
  length = 0;
  private cap: number;
  private cols: Int32Array[];
  private flags: Uint8Array;

  constructor(expected: number) {
    this.cap = Math.max(16, expected);
    this.cols = Array.from({ length: 6 }, () => new Int32Array(this.cap));
    this.flags = new Uint8Array(this.cap);
  }

  push(start: number, end: number, next: number, row: number, col: number, page: number, flags: number): void {
    if (this.length === this.cap) this.grow();
    const i = this.length++;
    const c = this.cols;
    c[0][i] = start;
    c[1][i] = end;
    c[2][i] = next;
    c[3][i] = row;
    c[4][i] = col;
    c[5][i] = page;
    this.flags[i] = flags;
  }

  /** The table, its columns cut to the lines pushed (copied when that frees much). */
  finish(): LineTable {
    const n = this.length;
    const cut = <T extends Int32Array | Uint8Array>(a: T): T => (a.length - n > (n >> 3) + 16 ? (a.slice(0, n) as T) : (a.subarray(0, n) as T));
    const [start, end, next, row, col, page] = this.cols.map(cut);
    return { length: n, start, end, next, row, col, page, flags: cut(this.flags) };
  }

  private grow(): void {
    this.cap *= 2;
    this.cols = this.cols.map((a) => {
      const b = new Int32Array(this.cap);
      b.set(a);
      return b;
    });
    const f = new Uint8Array(this.cap);
    f.set(this.flags);
    this.flags = f;
  }
}
