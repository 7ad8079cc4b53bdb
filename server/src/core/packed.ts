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

function intern(s: string): string {
  if (s.length < 13) return s;
  const hit = INTERNED.get(s);
  if (hit !== undefined) return hit;
  if (INTERNED.size >= MAX_INTERNED) INTERNED.clear();
  const own = flatten(s);
  INTERNED.set(own, own);
  return own;
}

/**
 * Layout per finding: rule, severity, start, end, message; then 0 (no fix) or title + 1, and
 * when there is a fix its edit count and (start, end, text) per edit; then 0 (no related spans)
 * or count + 1 and (start, end, message) per span. Strings are indices into `strings`.
 */
export function packFindings(findings: readonly Finding[]): PackedFindings {
  const v: number[] = [];
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const str = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.push(intern(s)) - 1;
      ids.set(s, i);
    }
    return i;
  };
  for (const f of findings) {
    v.push(ruleIndex(f.rule), SEVERITIES.indexOf(f.severity), f.start, f.end, str(f.message));
    // A fix kept as rows is copied from them: its edits are not made into objects.
    const rows = keptRows(f);
    if (rows) {
      v.push(str(rows.title) + 1, rows.count);
      const r = rows.rows;
      for (let q = 0, o = rows.at; q < rows.count; q++, o += EDIT_FIELDS) v.push(r[o], r[o + 1], str(INSERTED[r[o + 2]]));
    } else if (f.fix) {
      v.push(str(f.fix.title) + 1, f.fix.edits.length);
      for (const e of f.fix.edits) v.push(e.start, e.end, str(e.newText));
    } else v.push(0);
    if (f.related) {
      v.push(f.related.length + 1);
      for (const r of f.related) v.push(r.start, r.end, str(r.message));
    } else v.push(0);
  }
  let max = 0;
  for (const x of v) if (x > max) max = x;
  return { values: max <= 0xffff ? Uint16Array.from(v) : Uint32Array.from(v), strings };
}

export function unpackFindings(p: PackedFindings): Finding[] {
  const { values: v, strings } = p;
  const out: Finding[] = [];
  let k = 0;
  while (k < v.length) {
    const f: Finding = { rule: ruleAt(v[k]), severity: SEVERITIES[v[k + 1]], start: v[k + 2], end: v[k + 3], message: strings[v[k + 4]] };
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
