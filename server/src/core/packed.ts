// Findings packed into one typed array and a string table, for the language server to keep per
// page. A finding of a joined paragraph carries an edit and a related span per line break: as
// objects, ~100 bytes each (a 10 MB dump has ~3 M of them); packed, 6 bytes on an ordinary page.
// Kept this way, every page's fixes are at hand without analysing the page again when the editor
// asks for the diagnostics of another part of the document.
import { EDIT_FIELDS, INSERTED, keptRows } from './editRows';
import type { Finding, RuleId, Severity } from './types';

export interface PackedFindings {
  /** Per finding: rule, severity, start, end, message, fix, edits…, related… (see `packFindings`). */
  values: Uint16Array | Uint32Array;
  strings: string[];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
// Rules in the order first met (any rule id packs, whatever the union holds).
const RULES: RuleId[] = [];

/** A small number for the rule (stable while the process runs), and back: `ruleAt`. */
export function ruleIndex(rule: RuleId): number {
  const i = RULES.indexOf(rule);
  return i >= 0 ? i : RULES.push(rule) - 1;
}

export function ruleAt(index: number): RuleId {
  return RULES[index];
}

// Strings are interned across pages: a message or an edit's text may be a slice of the page it
// was found on, and a kept slice would pin that whole page's text. The interned copy owns its
// characters, and equal strings (the same message on every page) are kept once.
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 50_000;

/** Copies a string so that it no longer shares memory with (and pins) the string it was cut from. */
export function flatten(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le'); // V8 copies shorter slices
}

/**
 * flatten for short strings (names, titles): the same result, at about a quarter of the cost. The string
 * is joined to a space and cut from it again, which makes V8 copy both into a new string of their
 * own; what is returned keeps only that copy (a space longer than `s`), not what `s` was cut from.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function intern(s: string): string {
  if (s.length < 13) return s;
  const hit = INTERNED.get(s);
  if (hit !== undefined) return hit;
  if (INTERNED.size >= MAX_INTERNED) INTERNED.clear();
  const own = flatten(s);
  INTERNED.set(own, own);
  return own;
}

/** Added to the severity's index of an unsure finding (see Finding.unsure). */
const UNSURE = 4;

/**
 * Layout per finding: rule, severity (+ UNSURE), start, end, message; then 0 (no fix) or title + 1, and
 * when there is a fix its edit count and (start, end, text) per edit; then 0 (no related spans)
 * or count + 1 and (start, end, message) per span. Strings are indices into `strings`.
 */
export function packFindings(findings: readonly Finding[]): PackedFindings {
  const out = new Packer();
  for (const f of findings) {
    out.push5(ruleIndex(f.rule), SEVERITIES.indexOf(f.severity) + (f.unsure ? UNSURE : 0), f.start, f.end, out.str(f.message));
    // A fix kept as rows is copied from them: its edits are not made into objects.
    const rows = keptRows(f);
    if (rows) {
      out.push2(out.str(rows.title) + 1, rows.count);
      const r = rows.rows;
      for (let q = 0, o = rows.at; q < rows.count; q++, o += EDIT_FIELDS) out.push3(r[o], r[o + 1], out.inserted(r[o + 2]));
    } else if (f.fix) {
      out.push2(out.str(f.fix.title) + 1, f.fix.edits.length);
      for (const e of f.fix.edits) out.push3(e.start, e.end, out.str(e.newText));
    } else out.push1(0);
    const related = f.related;
    if (related) {
      out.push1(related.length + 1);
      for (const r of related) out.push3(r.start, r.end, out.str(r.message));
    } else out.push1(0);
  }
  return out.finish();
}

/**
 * packFindings' output as it is written: the values in a typed array that grows (a page of ~60
 * findings packs ~1,000 of them; a number[] and a copy made a third of a big text's packing), and
 * the string table, each distinct string once.
 */
class Packer {
  private v = new Uint32Array(1024);
  private n = 0;
  private max = 0;
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The ids of INSERTED's texts, looked up once: most edits insert one of them. */
  private readonly insertedIds: number[] = [];

  private room(k: number): void {
    if (this.n + k <= this.v.length) return;
    const grown = new Uint32Array(Math.max(2 * this.v.length, this.n + k));
    grown.set(this.v.subarray(0, this.n));
    this.v = grown;
  }

  private put(x: number): void {
    this.v[this.n++] = x;
    if (x > this.max) this.max = x;
  }

  push1(a: number): void {
    this.room(1);
    this.put(a);
  }

  push2(a: number, b: number): void {
    this.room(2);
    this.put(a);
    this.put(b);
  }

  push3(a: number, b: number, c: number): void {
    this.room(3);
    this.put(a);
    this.put(b);
    this.put(c);
  }

  push5(a: number, b: number, c: number, d: number, e: number): void {
    this.room(5);
    this.put(a);
    this.put(b);
    this.put(c);
    this.put(d);
    this.put(e);
  }

  str(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.strings.push(intern(s)) - 1;
      this.ids.set(s, i);
    }
    return i;
  }

  /** str(INSERTED[k]). */
  inserted(k: number): number {
    return (this.insertedIds[k] ??= this.str(INSERTED[k]));
  }

  finish(): PackedFindings {
    const v = this.v.subarray(0, this.n);
    return { values: this.max <= 0xffff ? Uint16Array.from(v) : v.slice(), strings: this.strings };
  }
}

export function unpackFindings(p: PackedFindings): Finding[] {
  const { values: v, strings } = p;
  const out: Finding[] = [];
  let k = 0;
  while (k < v.length) {
    const level = v[k + 1];
    const f: Finding = { rule: ruleAt(v[k]), severity: SEVERITIES[level % UNSURE], start: v[k + 2], end: v[k + 3], message: strings[v[k + 4]] };
    if (level >= UNSURE) f.unsure = true;
    k += 5;
    const title = v[k++];
    if (title > 0) {
      const edits = new Array<{ start: number; end: number; newText: string }>(v[k++]);
      for (let e = 0; e < edits.length; e++, k += 3) edits[e] = { start: v[k], end: v[k + 1], newText: strings[v[k + 2]] };
      f.fix = { title: strings[title - 1], edits };
    }
    const related = v[k++];
    if (related > 0) {
      const spans = new Array<{ start: number; end: number; message: string }>(related - 1);
      for (let r = 0; r < spans.length; r++, k += 3) spans[r] = { start: v[k], end: v[k + 1], message: strings[v[k + 2]] };
      f.related = spans;
    }
    out.push(f);
  }
  return out;
}
