// Clean text of any span of the dump: the span with every glyph-rule fix inside it applied, but
// the unsure ones (see Finding.unsure), which only the user applies. Export and rewrite read text
// through here, so they never show an artifact that Fix All would fix.
import { EDIT_FIELDS, fixRows, fixSize, hasFix, INSERTED } from './editRows';
import { applyEdits } from './fix';
import { en } from './messages';
import { LINE_RULES } from './rules';
import { lineGates, mayReport } from './rules/gates';
import type { Edit, Finding, Line, PageDump, RuleId } from './types';

/** Rules whose fixes make text clean (as opposed to structure rules, whose fixes move lines). */
export const GLYPH_RULES: readonly RuleId[] = ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing'];

export interface Cleaner {
  /** Clean text of [start, end). Edits that start inside the span are applied. */
  span(start: number, end: number): string;
  /** Clean text of a line. */
  line(index: number): string;
  /**
   * Clean text of [start, end) as UTF-16 units, in CLEAN_UNITS[0, length) (valid until the next
   * call): its length, or -1 when it does not fit there (then read span()). For measuring a line
   * without making its string.
   */
  units(start: number, end: number): number;
  /** No edit starts inside [start, end): span(start, end) is the dump's own text there. */
  unedited(start: number, end: number): boolean;
  /**
   * Where the first edit at or after `start` starts, or MAX_OFFSET when none does: every span
   * [s, e) with start <= s and e <= that is unedited. For a caller walking many lines forward.
   */
  nextEdit(start: number): number;
  /** The glyph findings on a line (for the export's edit trail). */
  findingsOn(index: number): Finding[];
}

export function cleaner(dump: PageDump, findings: readonly Finding[]): Cleaner {
  const c = growingCleaner(dump);
  c.add(findings);
  return c;
}

/** A Cleaner that takes the findings as they come (see add). */
export interface GrowingCleaner extends Cleaner {
  /**
   * Takes findings[from, to) in too. The line rules report page by page in text order, so analyze
   * adds each page's findings right before its paragraph rules read it, while its text is still in
   * the caches; findings that come out of order are sorted with the rest (a rebuild).
   */
  add(findings: readonly Finding[], from?: number, to?: number, through?: number): void;
  /** Every finding is added: the columns are cut to size if a projection (see add) left much unused. */
  finish(): void;
}

export function growingCleaner(dump: PageDump): GrowingCleaner {
  /** The glyph findings with a fix taken so far, in text order. */
  const sorted: Finding[] = [];
  // The edits' starts and ends, and the text each inserts (its index in newTexts plus one, 0 for
  // '': most glyph fixes delete): a span is assembled from these, and no array of the edit objects
  // is kept. Sorted by start then end; n of them, in columns with room for more.
  let n = 0;
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let inserts = new Int32Array(64);
  const newTexts: string[] = INSERTED.slice(1);
  const text = dump.text;
  // The glyph findings by line, for the export's edit trail only: built on first use (again after an add).
  let byLine: Map<number, Finding[]> | undefined;

  /**
   * Room in the columns for `total` edits. `through`: the text is linted up to there (0: unknown);
   * then the columns are made for the whole text at the rate so far, at most one edit per 8 units
   * (finish cuts what a wrong projection leaves unused). Grown by doubling alone, a 10 MB text's
   * columns were made 12 times over: 9.5 MB of new memory to copy and collect for 3 MB kept.
   */
  function room(total: number, through = 0): void {
    if (total <= starts.length) return;
    const projected = through > 0 ? Math.min(Math.ceil(((total * text.length) / through) * 1.05), text.length >> 3) : 0;
    resize(Math.max(total, 2 * starts.length, projected));
  }

  function resize(cap: number): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, n));
      return b;
    };
    starts = grown(starts);
    ends = grown(ends);
    inserts = grown(inserts);
  }

  function add(findings: readonly Finding[], from = 0, to = findings.length, through = 0): void {
    const first = sorted.length;
    let inOrder = true;
    let added = 0; // edits of the findings, counted here: a second walk through every finding's fix cost as much
    for (let k = from; k < to; k++) {
      const f = findings[k];
      // An unsure fix is the user's to apply (see Finding.unsure): clean text keeps what it would delete.
      if (GLYPH_RULES.includes(f.rule) && hasFix(f) && f.unsure !== true) {
        if (sorted.length > 0 && sorted[sorted.length - 1].start > f.start) inOrder = false;
        sorted.push(f);
        added += fixSize(f);
      }
    }
    if (sorted.length === first) return;
    byLine = undefined;
    room(n + added, through);
    if (!inOrder) {
      // Out of text order (the line rules report in order: never in analyze): all again, sorted.
      // A stable sort of findings in order changes nothing, which is why it is skipped then.
      sorted.sort((a, b) => a.start - b.start);
      n = sortAll(sorted);
    } else n = sortedEdits(first, added);
  }

  /**
   * The edits of sorted[first..] (`added` of them) into the columns after the n there, each moved
   * back into place as it comes: sorted by start then end, ties in finding order, what a stable
   * sort of all edits gives. They come nearly sorted (out of order only among the findings of one line), so this
   * insertion sort (stable, and linear in the edits plus the few steps back) moves numbers only; a
   * pathological order, or an edit inserting a text no row carries, falls back to a full sort.
   * Returns the new count.
   */
  function sortedEdits(first: number, added: number): number {
    let m = n;
    let budget = 4 * added + 1024; // steps back allowed before a full sort is cheaper
    for (let k = first; k < sorted.length; k++) {
      // Read as rows: the edits are never made into objects.
      const fix = fixRows(sorted[k]);
      if (!fix) return sortAll(sorted);
      const rows = fix.rows;
      for (let q = 0, o = fix.at; q < fix.count; q++, o += EDIT_FIELDS) {
        const start = rows[o];
        const end = rows[o + 1];
        let j = m - 1;
        while (j >= 0 && (starts[j] > start || (starts[j] === start && ends[j] > end))) {
          starts[j + 1] = starts[j];
          ends[j + 1] = ends[j];
          inserts[j + 1] = inserts[j];
          j--;
        }
        starts[j + 1] = start;
        ends[j + 1] = end;
        inserts[j + 1] = rows[o + 2]; // an index into INSERTED, which newTexts starts with
        m++;
        budget -= m - 2 - j;
        if (budget < 0) return sortAll(sorted);
      }
    }
    return m;
  }

  /** Every edit of the findings, sorted again by a full (stable) sort: the new count. */
  function sortAll(list: readonly Finding[]): number {
    const edits: Edit[] = [];
    for (const f of list) for (const x of f.fix!.edits) edits.push(x);
    edits.sort(byStartEnd);
    room(edits.length);
    for (let i = 0; i < edits.length; i++) {
      starts[i] = edits[i].start;
      ends[i] = edits[i].end;
      const t = edits[i].newText;
      const known = newTexts.indexOf(t);
      inserts[i] = t.length === 0 ? 0 : known >= 0 ? known + 1 : newTexts.push(t);
    }
    return edits.length;
  }

  // Where the previous span's search ended: callers mostly walk the text forward, so the next
  // answer is usually there or a few edits further (checked first; else a binary search).
  // The search gallops from there, so a jump of d edits costs log d steps, not log n.
  let hint = 0;
  function firstEditFrom(start: number): number {
    let lo = 0;
    let hi = n;
    const h = hint;
    if (h === 0 || starts[h - 1] < start) {
      // The answer is at or after h.
      let step = 1;
      let i = h;
      while (i < n && starts[i] < start) {
        lo = i + 1;
        i = h + step;
        step *= 2;
      }
      lo = Math.max(lo, h);
      hi = Math.min(i, n);
    } else {
      // Before h: gallop back.
      let step = 1;
      let i = h - 1;
      hi = h - 1;
      while (i > 0 && starts[i - 1] >= start) {
        hi = i - 1;
        i = h - 1 - step;
        step *= 2;
      }
      lo = Math.max(i, 0);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return (hint = lo);
  }

  /** The text edit k inserts ('' for a deletion). */
  function insertedBy(k: number): string {
    return inserts[k] ? newTexts[inserts[k] - 1] : '';
  }

  function unedited(start: number, end: number): boolean {
    const lo = firstEditFrom(start);
    return lo >= n || starts[lo] >= end;
  }

  function span(start: number, end: number): string {
    const lo = firstEditFrom(start); // first edit at or after start
    if (lo >= n || starts[lo] >= end) return text.slice(start, end); // no edit inside: most lines
    return end - start <= BUFFER_SIZE ? spanInBuffer(start, end, lo) : spanSlow(start, end, lo);
  }

  /** span() of a short span, assembled in a buffer of char codes: the slices and cons strings of `+=` were most of the cleaner's garbage. */
  function spanInBuffer(start: number, end: number, lo: number): string {
    const m = fill(start, end, lo);
    if (m < 0) return spanSlow(start, end, lo);
    const view = (VIEWS[m] ??= BUFFER.subarray(0, m));
    return String.fromCharCode.apply(null, view as unknown as number[]);
  }

  /** The clean text of [start, end) into BUFFER, lo its first edit at or after start: its length, or -1 when it does not fit. */
  function fill(start: number, end: number, lo: number): number {
    const buf = BUFFER;
    let m = 0;
    let cursor = start;
    for (let k = lo; k < n && starts[k] < end; k++) {
      const s = starts[k];
      if (s < cursor) continue; // overlapping: the first one wins, as in applyEdits
      const t = insertedBy(k);
      if (m + (s - cursor) + t.length > BUFFER_SIZE) return -1;
      for (let i = cursor; i < s; i++) buf[m++] = text.charCodeAt(i);
      for (let i = 0; i < t.length; i++) buf[m++] = t.charCodeAt(i);
      cursor = Math.min(Math.max(ends[k], cursor), end);
    }
    if (m + (end - cursor) > BUFFER_SIZE) return -1;
    for (let i = cursor; i < end; i++) buf[m++] = text.charCodeAt(i);
    return m;
  }

  /** span() of a long span (or one whose replacements overflow the buffer). */
  function spanSlow(start: number, end: number, lo: number): string {
    let out = '';
    let cursor = start;
    for (let k = lo; k < n && starts[k] < end; k++) {
      const s = starts[k];
      if (s < cursor) continue;
      out += text.slice(cursor, s) + insertedBy(k);
      cursor = Math.min(Math.max(ends[k], cursor), end);
    }
    return out + text.slice(cursor, end);
  }

  const findingsOn = (i: number): Finding[] => {
    if (!byLine) {
      byLine = new Map();
      // Findings in text order: map each to its line with a moving cursor (linear).
      const lines = dump.lines;
      let li = 0;
      for (let k = 0; k < sorted.length; k++) {
        const f = sorted[k];
        while (li + 1 < lines.length && lines.start[li + 1] <= f.start) li++;
        const list = byLine.get(li);
        if (list) list.push(f);
        else byLine.set(li, [f]);
      }
    }
    return byLine.get(i) ?? [];
  };

  return {
    add,
    finish: () => {
      if (starts.length - n > (n >> 3) + 64) resize(n);
    },
    span,
    line: (i) => span(dump.lines.start[i], dump.lines.end[i]),
    unedited,
    nextEdit: (start) => {
      const lo = firstEditFrom(start);
      return lo < n ? starts[lo] : MAX_OFFSET;
    },
    units: (start, end) => (end - start <= BUFFER_SIZE ? fill(start, end, firstEditFrom(start)) : -1),
    findingsOn,
  };
}

/** Past every offset of a dump (see Cleaner.nextEdit). */
export const MAX_OFFSET = 0x7fffffff;

/** Char codes of a short clean span being assembled (one span at a time). */
const BUFFER_SIZE = 4096;
const BUFFER = new Uint16Array(BUFFER_SIZE);
/** Where Cleaner.units puts the units. */
export const CLEAN_UNITS: Readonly<Uint16Array> = BUFFER;
/** BUFFER.subarray(0, m) by m, made once each. */
const VIEWS: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(BUFFER_SIZE + 1).fill(undefined);

const byStartEnd = (a: Edit, b: Edit) => a.start - b.start || a.end - b.end;

/** Rules that make a line readable for display (outline, hover): the justification and overprint
 * artifacts. Extraction spaces next to digits are left, as the page shows them. */
export const DISPLAY_RULES: readonly RuleId[] = ['spaced-glyphs', 'doubled-glyphs'];

/**
 * One line's text with the fixes of the given line rules applied (no parse of a document needed),
 * but for an unsure one (see Finding.unsure).
 * Every rule reads the line as given and their fixes apply together, as the cleaner's: doubled-glyphs
 * run on what spaced-glyphs left took the tokens that fix built for an overprint (`高 高 兴 兴 快 快
 * 乐 乐` → 高兴快乐), which fix-all no longer does either (see fixAll).
 */
export function cleanLineText(text: string, rules: readonly RuleId[] = DISPLAY_RULES): string {
  const line: Line = { index: 0, start: 0, end: text.length, next: text.length, row: 0, col: 0, page: 0, text, blank: false, annotation: false };
  // Most lines (an article's title, read for every misplaced-headline message) need no rule at all.
  const gates = lineGates(text);
  let edits: Edit[] | undefined;
  for (const rule of LINE_RULES) {
    if (!rules.includes(rule.id) || !mayReport(rule.id, gates)) continue;
    const f = rule.checkLine(line, en);
    if (f && !f.unsure) edits = edits ? edits.concat(f.fix.edits) : f.fix.edits; // a title shows the line as the user left it
  }
  return (edits ? applyEdits(text, edits) : text).trim();
}
