// Clean text of any span of the dump: the span with every glyph-rule fix inside it applied.
// Export and rewrite read text through here, so they never show an artifact the editor would fix.
import { applyEdits } from './fix';
import { lowerBound } from './parse';
import { en } from './messages';
import { LINE_RULES } from './rules';
import type { Edit, Finding, Line, PageDump, RuleId } from './types';

/** Rules whose fixes make text clean (as opposed to structure rules, whose fixes move lines). */
export const GLYPH_RULES: readonly RuleId[] = ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing'];

export interface Cleaner {
  /** Clean text of [start, end). Edits that start inside the span are applied. */
  span(start: number, end: number): string;
  /** Clean text of a line. */
  line(index: number): string;
  /** The glyph findings on a line (for the export's edit trail). */
  findingsOn(index: number): Finding[];
}

export function cleaner(dump: PageDump, findings: readonly Finding[]): Cleaner {
  const edits: Edit[] = [];
  const byLine = new Map<number, Finding[]>();
  // Findings come in text order; map each to its line with a moving cursor (linear).
  const sorted = findings.filter((f) => f.fix && GLYPH_RULES.includes(f.rule)).sort((a, b) => a.start - b.start);
  let li = 0;
  for (const f of sorted) {
    while (li + 1 < dump.lines.length && dump.lines[li + 1].start <= f.start) li++;
    const list = byLine.get(li);
    if (list) list.push(f);
    else byLine.set(li, [f]);
    for (const e of f.fix!.edits) edits.push(e);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const text = dump.text;

  function span(start: number, end: number): string {
    const lo = lowerBound(edits.length, (i) => edits[i].start < start); // first edit at or after start
    let out = '';
    let cursor = start;
    for (let k = lo; k < edits.length && edits[k].start < end; k++) {
      const e = edits[k];
      if (e.start < cursor) continue; // overlapping: the first one wins, as in applyEdits
      out += text.slice(cursor, e.start) + e.newText;
      cursor = Math.min(Math.max(e.end, cursor), end);
    }
    return out + text.slice(cursor, end);
  }

  return {
    span,
    line: (i) => span(dump.lines[i].start, dump.lines[i].end),
    findingsOn: (i) => byLine.get(i) ?? [],
  };
}

/** Rules that make a line readable for display (outline, hover): the justification and overprint
 * artifacts. Extraction spaces next to digits are left, as the page shows them. */
export const DISPLAY_RULES: readonly RuleId[] = ['spaced-glyphs', 'doubled-glyphs'];

/** One line's text with the fixes of the given line rules applied (no parse of a document needed). */
export function cleanLineText(text: string, rules: readonly RuleId[] = DISPLAY_RULES): string {
  const line: Line = { index: 0, start: 0, end: text.length, next: text.length, row: 0, col: 0, page: 0, text, blank: false, annotation: false };
  let out = text;
  for (const rule of LINE_RULES) {
    if (!rules.includes(rule.id)) continue;
    const f = rule.checkLine({ ...line, text: out, end: out.length, next: out.length }, en);
    if (f) out = applyEdits(out, f.edits);
  }
  return out.trim();
}
