// Applying fixes. Edits are UTF-16 offset ranges into one text; they are applied back to front,
// and an edit overlapping one already taken is dropped (it will be found again on the next pass).
import { analyze, parseFor } from './analyze';
import { autoFixable } from './editRows';
import { lintDoubled } from './lint';
import type { AnalyzeOptions, Edit, Finding, Page, PageDump, RuleId } from './types';

/** Sorted, non-overlapping subset of the edits (earlier start wins). */
export function normalizeEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  let end = -1;
  for (const e of sorted) {
    if (e.start < end || (e.start === end && e.start === e.end && out.length > 0 && out[out.length - 1].start === e.start)) continue;
    out.push(e);
    end = e.end;
  }
  return out;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  return applySorted(text, normalizeEdits(edits));
}

/** applyEdits of edits normalizeEdits left. */
function applySorted(text: string, list: readonly Edit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const e of list) {
    parts.push(text.slice(cursor, e.start), e.newText);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

export interface FixAllResult {
  text: string;
  /** Findings whose fixes were applied, over all passes. */
  fixed: Finding[];
  passes: number;
  /**
   * Findings it would take (see takes) left in its text: when the passes ran out (MAX_PASSES) with
   * some still to apply, or when its passes built one that only a first pass takes (a sure
   * doubled-glyphs run: see afterFirst; the spacing rules do not build those). 0 when nothing is
   * left. A caller says so: running it again applies more.
   */
  left: number;
}

/** Fixes that move text (several edits that only make sense together): applied without the others, at most one a page in a pass. */
const MOVING_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['split-sentence', 'misplaced-headline']);

/**
 * What "fix all" (and source.fixAll on save) applies unless asked for specific rules: the glyph
 * artifacts and the column breaks, each at the level of a problem (see takes). Moving a misplaced
 * headline changes what the detection sees (the moved line can be read as body and joined into the
 * text before it), so it stays a one-click fix that staff apply deliberately, or a "Fix all
 * misplaced-headline problems" request.
 */
export const FIX_ALL_RULES: readonly RuleId[] = ['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing', 'hard-wrap', 'split-sentence'];

export interface FixAllOptions extends AnalyzeOptions {
  /** The rules to fix, at any level (a "Fix all <rule> problems" request); default FIX_ALL_RULES at the level of a problem. */
  only?: readonly RuleId[];
  /**
   * Called with the edits of each pass that changed the text: sorted, apart (normalizeEdits), in
   * the text as the passes before left it (see EditMap).
   */
  onPass?: (edits: readonly Edit[]) => void;
}

/** The passes fixAll makes at most. */
export const MAX_PASSES = 32;

/**
 * Whether fix-all takes a finding: one of the rules asked for by name (`only`) at any level; else
 * one of FIX_ALL_RULES at the level of a problem, information or above. A hint (dots under its first
 * characters, not in the Problems panel) is a suggestion, not a problem (mixed-script-spacing's spaces are some house styles' own): Fix All
 * and `newsprint fix` leave it unless the user raises the rule's level. An unsure fix (see
 * Finding.unsure) is never taken, whatever is asked: only the user, who has looked, applies it.
 */
function takes(f: Finding, only: readonly RuleId[] | undefined): boolean {
  return autoFixable(f) && (only ? only.includes(f.rule) : FIX_ALL_RULES.includes(f.rule) && f.severity !== 'hint');
}

/**
 * Applies every fix of the selected rules (line, document and structure rules: everything
 * `analyze` reports; see takes) until nothing more changes. The first pass undoubles fake-bold runs
 * alone (see afterFirst); then a pass applies the glyph and join fixes together; a fix that moves
 * lines is applied without them (its insertion and deletion must not be split by the overlap
 * rule), at most one a page, and the next pass re-analyses. Passes are bounded (MAX_PASSES; `left`
 * says what the bound left); idempotent when it stops because nothing is left to fix: no fix it
 * applies builds a sure fake-bold run, which only a first pass takes (the spacing and join rules
 * make such a fix unsure: see joinsIntoOverprint), and `left` counts one if it ever did.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const fixed: Finding[] = [];
  const fixable = (f: Finding) => takes(f, options.only);
  const later = (f: Finding) => afterFirst(f) && fixable(f);
  let passes = 0;
  // The first pass: the text's own doubled-glyphs fixes, alone. They are line findings, the same
  // as an analysis gives them (lintDoubled), so the text is parsed and its lines glanced at, not
  // analysed: where there are some, the analysis of the text as given served only these, and cost
  // a third analysis of the page (Fix All read each page three times, where it had read it twice).
  // Where there are none, the parse is the first analysis's.
  let dump: PageDump | undefined = parseFor(text, options);
  const doubled = lintDoubled(dump, options).filter(fixable);
  if (doubled.length > 0) {
    const edits = normalizeEdits(doubled.flatMap((f) => f.fix!.edits));
    const next = applySorted(text, edits);
    for (const f of doubled) fixed.push(f);
    if (next === text) return { text, fixed, passes, left: 0 };
    options.onPass?.(edits);
    text = next;
    passes++;
    dump = undefined;
  }
  for (; passes < MAX_PASSES; passes++) {
    const analysis = analyze(text, options, dump);
    dump = undefined;
    let findings = analysis.findings.filter(later);
    // Nothing a pass may take. What is left sure and fixable (a doubled-glyphs finding on a run
    // the passes built, which the spacing rules see to it that they do not: see
    // joinsIntoOverprint) is counted, never silent: the next Fix All would apply it.
    if (findings.length === 0) return { text, fixed, passes, left: passes === 0 ? 0 : countOf(analysis.findings, fixable) };
    const moving = findings.filter((f) => MOVING_RULES.has(f.rule));
    if (moving.length > 0) findings = movingFixes(moving, analysis.dump.pages);
    const edits = normalizeEdits(findings.flatMap((f) => f.fix!.edits));
    const next = applySorted(text, edits);
    for (const f of findings) fixed.push(f); // not push(...findings): a 100 MB line can have more findings than the stack has room for arguments
    if (next === text) return { text, fixed, passes, left: 0 };
    options.onPass?.(edits);
    text = next;
  }
  return { text, fixed, passes, left: countOf(analyze(text, options).findings, fixable) };
}

function countOf(findings: readonly Finding[], test: (f: Finding) => boolean): number {
  let n = 0;
  for (const f of findings) if (test(f)) n++;
  return n;
}

/**
 * Whether a pass after the first may take the finding: not a doubled-glyphs one. Undoubling
 * deletes glyphs, so it is done only where the text as given is overprinted. Later passes read
 * tokens that the spacing and join fixes built (`高 高 兴 兴` → 高高兴兴, `快快乐乐⏎平平安安` →
 * 快快乐乐平平安安), which the source kept apart, and took real words for fake bold. The first pass
 * applies these fixes alone, so that none is lost: one finding a line, its edits inside its tokens,
 * no two overlap, and no moving fix takes the pass from them.
 */
function afterFirst(f: Finding): boolean {
  return f.rule !== 'doubled-glyphs';
}

/**
 * The moving fixes one pass applies: the first of each page (pages are analysed apart, so one
 * page's move does not change another's), each with its edits inside its page and apart from the
 * last one taken, so that no two touch. Applied one a pass over the whole text, a dump with more
 * such fixes than passes was left with some undone (a split sentence on each of 40 pages).
 */
function movingFixes(moving: readonly Finding[], pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  let p = 0;
  let taken = -1; // the page of the last fix taken
  let end = -1; // where its edits end
  for (const f of moving) {
    while (p + 1 < pages.length && pages[p + 1].start <= f.start) p++;
    if (p === taken) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of f.fix!.edits) {
      lo = Math.min(lo, e.start);
      hi = Math.max(hi, e.end);
    }
    if (lo <= end || lo < pages[p].start || hi > pages[p].end) continue;
    out.push(f);
    taken = p;
    end = hi;
  }
  return out.length > 0 ? out : [moving[0]];
}
