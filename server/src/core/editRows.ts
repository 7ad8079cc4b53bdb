// A fix's edits kept as rows of numbers, made into Edit objects only when something reads them.
// The fixes of a 10 MB dump hold ~400,000 edits (a deleted space per gap, a line break per joined
// line): as objects they were most of what an analysis kept, and what the garbage collector copied
// twice before promoting it. Most of them are never read as objects: the cleaner, the server's
// packing and the CLI read the rows; an editor reads only the fixes of the diagnostics it shows.
import type { Edit, Finding, Fix, RelatedSpan, RuleId, Severity } from './types';

/** Ints per edit row: start, end, and the index of its new text in INSERTED. */
export const EDIT_FIELDS = 3;
/** The new texts an edit row can carry (every glyph and join fix deletes, or puts one space). */
export const INSERTED: readonly string[] = ['', ' '];

/** The index of `newText` in INSERTED (an edit row can carry no other text). */
export function insertedIndex(newText: string): number {
  const i = newText.length === 0 ? 0 : INSERTED.indexOf(newText);
  if (i < 0) throw new Error(`an edit row cannot insert ${JSON.stringify(newText)}`);
  return i;
}

// Rows are written into chunks shared by many fixes (a typed array per fix would cost more than
// the objects did). A chunk lives while any fix in it does.
const CHUNK_INTS = 1 << 16;
let chunk = new Int32Array(CHUNK_INTS);
let used = 0;

/**
 * Room for `ints` ints: the offset in `rowChunk()` where they start (call rowChunk() after this:
 * a reservation that does not fit the current chunk starts a new one).
 */
export function reserveInts(ints: number): number {
  if (used + ints > chunk.length) {
    chunk = new Int32Array(Math.max(CHUNK_INTS, ints));
    used = 0;
  }
  const at = used;
  used += ints;
  return at;
}

/** The chunk the last reservation is in. */
export function rowChunk(): Int32Array {
  return chunk;
}

/** A fix's title and its edits as rows [at, at + EDIT_FIELDS × count) of `rows`. */
export interface EditRows {
  readonly title: string;
  readonly rows: Int32Array;
  readonly at: number;
  readonly count: number;
}

/** A fix whose edits are rows (see EditRows). */
export class RowFix implements Fix, EditRows {
  private made: Edit[] | undefined;

  constructor(
    readonly title: string,
    readonly rows: Int32Array,
    readonly at: number,
    readonly count: number,
  ) {}

  /** The edits as objects, made on first read (the same array after). */
  get edits(): Edit[] {
    return (this.made ??= editsOf(this.rows, this.at, this.count));
  }

  /** What JSON.stringify writes: the fix as plain data, as a fix of objects would be. */
  toJSON(): Fix {
    return { title: this.title, edits: this.edits };
  }
}

/** Edit objects of `count` rows of `rows` from `at`. */
function editsOf(rows: Int32Array, at: number, count: number): Edit[] {
  const out = new Array<Edit>(count);
  for (let k = 0, o = at; k < count; k++, o += EDIT_FIELDS) out[k] = { start: rows[o], end: rows[o + 1], newText: INSERTED[rows[o + 2]] };
  return out;
}

/** Makes a row finding's related spans (from its rows, say) when they are first read. */
export interface RelatedMaker {
  related(f: RowFinding): RelatedSpan[];
}

/**
 * A finding that keeps its fix's rows itself (see EditRows): the RowFix is made when `fix` is
 * read. A line finding and its fix were two objects kept per finding; what reads every fix (the
 * cleaner, the server's packing) reads the rows here through fixRows. A finding with related
 * spans made on read (hard-wrap's) is a RowFinding too, not a subclass: a class of finding less
 * for the page sort's reads of positions, and four fields less per paragraph (analyze 0.97–0.98).
 */
export class RowFinding implements Finding, EditRows {
  private made: RowFix | undefined;

  constructor(
    readonly rule: RuleId,
    readonly severity: Severity,
    readonly start: number,
    readonly end: number,
    readonly message: string,
    /** The fix's title. */
    readonly title: string,
    readonly rows: Int32Array,
    readonly at: number,
    readonly count: number,
    /** The related spans once read, or what makes them on first read; undefined: none. */
    private relatedOr: RelatedSpan[] | RelatedMaker | undefined = undefined,
  ) {}

  get fix(): RowFix {
    return (this.made ??= new RowFix(this.title, this.rows, this.at, this.count));
  }

  get related(): RelatedSpan[] | undefined {
    const r = this.relatedOr;
    return r === undefined || Array.isArray(r) ? r : (this.relatedOr = r.related(this));
  }

  /** What JSON.stringify writes: the finding as plain data, in the order of a finding's fields. */
  toJSON(): Finding {
    const f: Finding = { rule: this.rule, severity: this.severity, start: this.start, end: this.end, message: this.message, fix: this.fix.toJSON() };
    const related = this.related;
    if (related) f.related = related;
    return f;
  }
}

/** Writes `count` edit rows deleting the unit at gaps[k] each (the spacing rules' fixes): their offset in rowChunk(). */
function gapRows(gaps: Int32Array, count: number): number {
  const at = reserveInts(EDIT_FIELDS * count);
  const rows = chunk;
  for (let k = 0, o = at; k < count; k++, o += EDIT_FIELDS) {
    rows[o] = gaps[k];
    rows[o + 1] = gaps[k] + 1;
    rows[o + 2] = 0;
  }
  return at;
}

/** A fix of `count` edits, each deleting the unit at gaps[k], as rows. */
export function gapFix(title: string, gaps: Int32Array, count: number): RowFix {
  const at = gapRows(gaps, count);
  return new RowFix(title, chunk, at, count);
}

/** A spacing rule's finding on [start, end) whose fix deletes the unit at each of gaps[0, count). */
export function gapFinding(rule: RuleId, severity: Severity, start: number, end: number, message: string, title: string, gaps: Int32Array, count: number): RowFinding {
  const at = gapRows(gaps, count);
  return new RowFinding(rule, severity, start, end, message, title, chunk, at, count);
}

/** Whether the finding has a fix (a RowFinding's is not made to tell). */
export function hasFix(f: Finding): boolean {
  return f instanceof RowFinding || f.fix !== undefined;
}

/**
 * The finding's fix as rows, without making objects for them: a RowFinding itself, a RowFix, or the
 * edits of another fix written as rows; undefined when it has no fix or an edit inserts a text no
 * row carries (see asRowFix).
 */
export function fixRows(f: Finding): EditRows | undefined {
  return keptRows(f) ?? (f.fix && asRowFix(f.fix));
}

/** The rows the finding's fix is kept as already (a RowFinding, or a RowFix), else undefined: nothing is made. */
export function keptRows(f: Finding): EditRows | undefined {
  return f instanceof RowFinding ? f : f.fix instanceof RowFix ? f.fix : undefined;
}

/** Whether Fix All may apply the finding's fix: it has edits, and it is not unsure (see Finding.unsure). */
export function autoFixable(f: Finding): boolean {
  return f.unsure !== true && fixSize(f) > 0;
}

/** How many edits the finding's fix has (0 without one), without making them into objects. */
export function fixSize(f: Finding): number {
  if (f instanceof RowFinding) return f.count;
  return f.fix ? editCount(f.fix) : 0;
}

/** The fix as rows: itself, or its edits written as rows; undefined when an edit inserts a text not in INSERTED. */
export function asRowFix(fix: Fix): RowFix | undefined {
  if (fix instanceof RowFix) return fix;
  const edits = fix.edits;
  for (const e of edits) if (!INSERTED.includes(e.newText)) return undefined;
  const at = reserveInts(EDIT_FIELDS * edits.length);
  const rows = chunk;
  for (let k = 0, o = at; k < edits.length; k++, o += EDIT_FIELDS) {
    rows[o] = edits[k].start;
    rows[o + 1] = edits[k].end;
    rows[o + 2] = insertedIndex(edits[k].newText);
  }
  return new RowFix(fix.title, rows, at, edits.length);
}

/** How many edits a fix has, without making them into objects. */
export function editCount(fix: Fix): number {
  return fix instanceof RowFix ? fix.count : fix.edits.length;
}
