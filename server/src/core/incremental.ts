// Incremental analysis for the language server. A dump is a sequence of *segments*, its pages:
// the texts between form feeds, and the parts of a page too long without one (softPages.ts). Each
// is analysed on its own (lines, line rules, articles), so an edit only re-analyses the segment(s)
// whose text changed. With the editor's change window, the text is cut again from the segment
// the change starts in until a cut meets an old one; without it, the whole text is cut again and
// each new segment reuses the result of the old segment with the same text, found by walking
// inward from both ends (a length check and a string comparison each).
//
// Results keep no text: a segment reads its text from the document's (one copy in memory, the one
// the editor's TextDocument holds anyway). Whatever outlives an update (analyses, cached parses,
// views) is made from a flat copy of the page, so no result pins an older version of the document.
// Offsets in a result are local to its segment; `start` maps them back.
// The whole-document `analyze()` gives the same findings and articles (tested), so the CLI, the
// export and the editor agree.
import { analyzePage } from './articles/detect';
import { cleaner } from './clean';
import { autoFixable } from './editRows';
import { paragraphFindings } from './rules/structure';
import type { PageAnalysis } from './articles/model';
import { atSeverity, lintPage, severityOf } from './lint';
import { messagesFor, type Messages } from './messages';
import { parse } from './parse';
import { addCounts, countReplacement, encoding, encodingFindingOf, hasReplacements, noCounts, type ReplacementCounts } from './rules/encoding';
import { STRUCTURE_RULES } from './analyze';
import { trimmedSpan } from './rules/rule';
import { EditMap } from './editMap';
import { fixAll, type FixAllOptions, type FixAllResult } from './fix';
import { CUT_READS, isBlankText, nextSoftBreak } from './softPages';
import { flatten, packFindings, ruleAt, ruleIndex, unpackFindings, type PackedFindings } from './packed';
import { lineAt } from './lines';
import type { AnalyzeOptions, Edit, Finding, PageDump, RuleId, Severity, TextSource } from './types';

export interface SegmentResult {
  /**
   * What the page's findings are, in text order, one byte each: rule (`ruleIndex`) × 2, + 1
   * when Fix All may apply its fix (autoFixable: it has one, not unsure). Enough to count them and
   * find fixable ones; the findings: `fullFindings`.
   */
  kinds: Uint8Array;
  /** The findings with their fixes and related spans, packed (see `fullFindings`). */
  packed: PackedFindings;
  /** Article structure with line indices into `dump()`; undefined for an empty segment. */
  analysis: PageAnalysis | undefined;
  /** U+FFFD in the segment (the encoding rule counts them over the whole document). */
  replacement: number;
  /** The encoding rule's counts of it, undefined until counted: only a document with replacement characters needs them. */
  counts: ReplacementCounts | undefined;
  /** Derived views the editor asks for again and again (outline, folding, tokens), kept per page. */
  views: Map<string, unknown>;
  /** Analysed as the start of the document (a U+FEFF first is a byte-order mark): reusable only there. */
  atStart: boolean;
  /**
   * Its key in the caches of what is made on demand (parses, findings, outline symbols): keyed by
   * the result itself, a cache kept the results of pages edited since (their analyses, findings
   * and views) alive until it was full.
   */
  readonly id: number;
}

let resultIds = 0;

/**
 * A cache of the most recently used entries, bounded by their number and by their total weight
 * (text units, findings, symbols): a part of a page cut for running on without a form feed
 * (softPages.ts) is several pages' worth, so a bound on the number alone would hold several times
 * the memory. The newest entry is kept even when it alone is over the weight.
 */
export class Recent<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxCount: number,
    private readonly maxWeight: number,
  ) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /** Keeps `value` as the newest entry and returns it. */
  set(key: K, value: V, weight: number): V {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight });
    this.total += weight;
    // Oldest first (a Map iterates in insertion order).
    for (const [k, e] of this.entries) {
      if (k === key || (this.entries.size <= this.maxCount && this.total <= this.maxWeight)) break;
      this.entries.delete(k);
      this.total -= e.weight;
    }
    return value;
  }
}

// The parsed lines of a page (a LineTable: 29 bytes a line) are memory the editor needs only for
// the pages it is looking at. So results do not keep them: `segmentDump` parses again on demand
// and keeps the most recent few (48 pages, at most 2 M characters of them).
const DUMPS = new Recent<number, PageDump>(48, 2_000_000);

/** The segment parsed on its own (line indices match `analysis`). */
export function segmentDump(s: Segment): PageDump {
  return DUMPS.get(s.result.id) ?? DUMPS.set(s.result.id, parse(flatten(s.text), s.start === 0), s.end - s.start);
}

// Fix edits and related locations are most of a finding's memory (a joined paragraph carries one
// edit per line break), and only the pages whose diagnostics are being sent need them as objects.
// Pages keep them packed; they are unpacked for the pages asked for, and the most recent kept (64
// pages, at most 10,000 findings: the diagnostics sent are 500 by default).
// (Recomputing them instead, as before, kept less but cost an analysis of every page the
// diagnostics took in after the focus moved: ~10 pages, ~40 ms a keystroke in an English dump.)
const FULL = new Recent<number, Finding[]>(64, 10_000);

/** The page's findings with their fixes and related locations, offsets local to the page. */
export function fullFindings(s: Segment): Finding[] {
  return FULL.get(s.result.id) ?? FULL.set(s.result.id, unpackFindings(s.result.packed), s.result.kinds.length);
}

function kindOf(f: Finding): number {
  return ruleIndex(f.rule) * 2 + (autoFixable(f) ? 1 : 0);
}

/** How many findings the page has. */
export function findingCount(s: Segment): number {
  return s.result.kinds.length;
}

/**
 * How many of the page's findings have a fix Fix All may apply (not an unsure one, see
 * Finding.unsure): of any rule in `rules` (all rules when undefined). Fix All skips a page without
 * one, and "Fix all <rule> problems" is offered from two.
 */
export function fixableCount(s: Segment, rules?: readonly RuleId[]): number {
  let n = 0;
  for (const k of s.result.kinds) if (k & 1 && (!rules || rules.includes(ruleAt(k >> 1)))) n++;
  return n;
}


/** A view of a page derived once from its parse and analysis, then reused while the page is unchanged. */
export function segmentView<T>(s: Segment, key: string, make: (dump: PageDump) => T): T {
  const views = s.result.views;
  if (views.has(key)) return views.get(key) as T;
  const v = make(segmentDump(s));
  views.set(key, v);
  return v;
}

/** A page of the document as of the last update: where it is, and its analysis. */
export class Segment {
  private readonly generation: number;

  constructor(
    private readonly doc: { readonly text: TextSource; readonly generation: number },
    readonly start: number,
    readonly end: number,
    readonly result: SegmentResult,
    /** It starts at a soft break: a part of a page too long without a form feed. */
    readonly soft = false,
  ) {
    this.generation = doc.generation + 1; // made by an update, valid once it completes
  }

  /** The page's text: a slice of the document's (not kept by anything that outlives the update). */
  get text(): string {
    // A segment of an older update would read the wrong text (and cache a wrong parse).
    if (this.doc.generation !== this.generation) throw new Error('segment of an older version of the document');
    return this.doc.text.slice(this.start, this.end);
  }
}

/** A copy of a finding whose strings own their characters (the message quotes the page, edits carry its text). */
function owned(f: Finding): Finding {
  // Field by field: a spread would copy what a finding that makes its fix on read keeps (the parse).
  const out: Finding = { rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: flatten(f.message) };
  const { fix, related } = f;
  if (fix) out.fix = { title: flatten(fix.title), edits: fix.edits.map((e) => ({ start: e.start, end: e.end, newText: flatten(e.newText) })) };
  if (related) out.related = related.map((r) => ({ start: r.start, end: r.end, message: flatten(r.message) }));
  if (f.unsure) out.unsure = true;
  return out;
}

/** Findings and article analysis of one page's text, parsed on its own. */
function analyzeText(dump: PageDump, options: AnalyzeOptions, messages: Messages): { findings: Finding[]; analysis: PageAnalysis } {
  // Article detection first: its line scan takes the gates the line rules start from.
  const analysis = analyzePage(dump, 0, messages);
  const findings = lintPage(dump, dump.pages[0], options.rules, messages);
  for (const f of paragraphFindings(dump, analysis, cleaner(dump, findings), options, messages)) findings.push(f);
  for (const f of analysis.findings) {
    const rule = STRUCTURE_RULES.find((r) => r.id === f.rule);
    const severity = rule ? severityOf(rule, options.rules) : f.severity;
    if (severity) findings.push(severity === f.severity ? f : atSeverity(f, severity));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, analysis };
}

const NONE = packFindings([]);

/**
 * Views a host keeps with each page's analysis, made while its parse is at hand (the result keeps
 * no parse: see segmentDump). What they hold must not point into the page's text.
 */
export type PrepareViews = (dump: PageDump, analysis: PageAnalysis) => Iterable<[string, unknown]>;

/** `atStart`: the segment starts the document (see parse). */
export function analyzeSegment(segmentText: string, options: AnalyzeOptions, messages: Messages = messagesFor(options.locale), prepare?: PrepareViews, atStart = true): SegmentResult {
  // Analysed on a flat copy: what the result keeps may point into it, never into the document.
  const text = flatten(segmentText);
  // Most pages have no replacement character: their units are not counted (see SegmentResult.counts).
  const counts = text.includes('\ufffd') ? countReplacement(text) : undefined;
  const result: SegmentResult = { kinds: new Uint8Array(0), packed: NONE, analysis: undefined, replacement: counts?.replacement ?? 0, counts, views: new Map(), atStart, id: resultIds++ };
  if (text.length === 0) return result;
  const dump = parse(text, atStart);
  const { findings, analysis } = analyzeText(dump, options, messages);
  result.kinds = Uint8Array.from(findings, kindOf);
  result.packed = packFindings(findings);
  if (prepare) for (const [key, view] of prepare(dump, analysis)) result.views.set(key, view);
  // The analysis is kept: its strings must not pin the flat copy of the page.
  analysis.findings = analysis.findings.map(owned);
  for (const a of analysis.articles) {
    if (a.continuation) a.continuation = ownTarget(a.continuation);
    if (a.continuedTo) a.continuedTo = ownTarget(a.continuedTo);
    if (a.moreContinuations) a.moreContinuations = a.moreContinuations.map(ownTarget);
  }
  result.analysis = analysis;
  return result;
}

/** A continuation with its target flattened: not a slice pinning the page's flat copy. */
function ownTarget<C extends { target: string }>(c: C): C {
  return { ...c, target: flatten(c.target) };
}

/** Whether an edit at `at` may change whether the soft break at `cut` is one (see softPages.ts). */
function touchesCut(text: TextSource, cut: number, at: number): boolean {
  if (at <= cut + CUT_READS) return true;
  // Past the units the cut reads, unless they are all blank: then the rest of the line decides.
  return isBlankText(text.slice(cut, cut + CUT_READS + 1));
}

/** A segment's place: [start, end), and whether it starts at a soft break (see softPages.ts). */
interface Part {
  start: number;
  end: number;
  soft: boolean;
}

/**
 * The longest form-feed page of `parts` (pages in order) that is cut in parts (UTF-16 units), and
 * how many; 0 and 0 when none is.
 */
export function biggestSplit(parts: readonly Part[]): { size: number; parts: number } {
  let best = { size: 0, parts: 0 };
  for (let k = 0; k < parts.length; k++) {
    if (parts[k].soft || !parts[k + 1]?.soft) continue;
    let m = k + 1;
    while (m < parts.length && parts[m].soft) m++;
    const size = parts[m - 1].end - parts[k].start;
    if (size > best.size) best = { size, parts: m - k };
  }
  return best;
}

/**
 * The part starting at `start` (after a form feed, at a soft break or at 0), as parse cuts it.
 * `ff`: the first form feed at or after `start` (-1: none), which the caller keeps (nextFormFeed):
 * in a text without form feeds, searching afresh for each part searched the rest of the text each time.
 */
function partAt(text: TextSource, start: number, soft: boolean, ff: number): Part {
  const end = nextSoftBreak(text, start, ff < 0 ? text.length : ff);
  return { start, end, soft };
}

/** The first form feed at or after `at`, given `ff`, the one at or after some earlier offset. */
function nextFormFeed(text: TextSource, ff: number, at: number): number {
  return ff < 0 || ff >= at ? ff : text.indexOf('\f', at);
}

/** Where the part after `p` starts (past its form feed, or at its soft break), or -1 after the last. */
function nextStart(text: TextSource, p: Part): number {
  if (p.end >= text.length) return -1;
  return text.slice(p.end, p.end + 1) === '\f' ? p.end + 1 : p.end;
}

/** The segments of a text: split at form feeds, and at soft breaks in pages too long without one. */
function split(text: TextSource): Part[] {
  const out: Part[] = [];
  let ff = text.indexOf('\f', 0);
  let p = partAt(text, 0, false, ff);
  for (;;) {
    out.push(p);
    const next = nextStart(text, p);
    if (next < 0) return out;
    ff = nextFormFeed(text, ff, next);
    p = partAt(text, next, next === p.end, ff);
  }
}

/**
 * Where a text changed since the last update: old [start, oldEnd) became new [start, newEnd).
 * The server collects it from the editor's incremental changes, so an update need not compare
 * the pages outside it.
 */
export interface ChangeWindow {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The window of two successive changes: `w`, then `c` (in the coordinates after `w`). */
export function mergeWindow(w: ChangeWindow | undefined, c: ChangeWindow): ChangeWindow {
  if (!w) return c;
  const delta = w.newEnd - w.oldEnd;
  const cDelta = c.newEnd - c.oldEnd;
  const start = Math.min(w.start, c.start);
  const oldEnd = Math.max(w.oldEnd, c.oldEnd >= w.newEnd ? c.oldEnd - delta : w.oldEnd, c.oldEnd < w.start ? c.oldEnd : 0);
  const wNewEnd = w.newEnd >= c.oldEnd ? w.newEnd + cDelta : w.newEnd <= c.start ? w.newEnd : c.newEnd;
  return { start, oldEnd, newEnd: Math.max(c.newEnd, wNewEnd) };
}

export class IncrementalDocument {
  segments: Segment[] = [];
  text: TextSource = '';
  /** Completed updates; a segment is valid for the one that made it. */
  generation = 0;
  /** Segments analysed by the last update (for tests and the benchmark). */
  analysed = 0;
  /** Their characters (UTF-16 units): what the analysis allocated is about proportional. */
  analysedChars = 0;
  /** Offset where the last update found the first changed segment (the user's focus). */
  changedAt = 0;
  /** Offset of the last edit itself, where known (an update with a change window), else changedAt. */
  editedAt = 0;
  private messages: Messages;

  constructor(
    private options: AnalyzeOptions,
    private prepare?: PrepareViews,
  ) {
    this.messages = messagesFor(options.locale);
  }

  /**
   * Brings the analysis up to date with `text`, re-analysing only segments whose text changed.
   * With `window` (where the text changed since the last update), pages outside it are taken
   * over without even comparing their text. Returns false when `isCancelled` (asked before each
   * page analysed) stopped it; the pages it analysed are kept for the next update.
   */
  update(text: TextSource, isCancelled: () => boolean = () => false, window?: ChangeWindow): boolean {
    const steps = this.steps(text, window);
    for (let r = steps.next(); !r.done; r = steps.next()) {
      if (isCancelled()) {
        steps.return();
        return false;
      }
    }
    return true;
  }

  /**
   * The update as steps: it pauses before each page it analyses, so that a host can spread the
   * analysis of a big text over turns of its event loop (and stop it when the text moves on:
   * `return()` keeps what was analysed for the next update). It completes when the generator does.
   * `focus`: an offset to analyse outwards from, when the whole text is compared (an edit made
   * while a first analysis ran); `pending` shows the pages done so far meanwhile.
   */
  *steps(text: TextSource, window?: ChangeWindow, focus?: number): Generator<void, void, void> {
    const made: [string, SegmentResult][] = [];
    let done = false;
    try {
      if (window && this.segments.length > 0 && text.length - this.text.length === window.newEnd - window.oldEnd) {
        yield* this.updateWindow(text, window, made);
      } else {
        yield* this.updateAll(text, focus, made);
      }
      done = true;
    } finally {
      this.pending = undefined;
      // Stopped: what it analysed is kept for the next update (the same text again, most of it).
      if (done) this.spare.clear();
      else for (const [k, r] of made) this.spare.set(k, r);
    }
  }

  /**
   * While an update that compares the whole text runs (see `steps`): its segments so far (those not
   * done yet are undefined), how many are done, and the index of the one at its focus. Undefined otherwise.
   */
  pending: Pending | undefined;

  /** Results of updates that were stopped, by segment text: the next update takes them over. */
  private spare = new Map<string, SegmentResult>();

  private *updateAll(text: TextSource, focus: number | undefined, made: [string, SegmentResult][]): Generator<void, void, void> {
    const old = this.segments;
    const parts = split(text);
    const next: (Segment | undefined)[] = new Array(parts.length);
    const same = (p: Part, s: Segment) => p.soft === s.soft && (p.start === 0) === s.result.atStart && p.end - p.start === s.end - s.start && text.slice(p.start, p.end) === s.text;
    const at = (p: Part, result: SegmentResult) => new Segment(this, p.start, p.end, result, p.soft);
    let a = 0;
    while (a < parts.length && a < old.length && same(parts[a], old[a])) {
      next[a] = at(parts[a], old[a].result);
      a++;
    }
    let b = 0;
    while (b < parts.length - a && b < old.length - a && same(parts[parts.length - 1 - b], old[old.length - 1 - b])) {
      const k = parts.length - 1 - b;
      next[k] = at(parts[k], old[old.length - 1 - b].result);
      b++;
    }
    // In between (one region for ordinary typing; several for multi-cursor edits or replace-all),
    // reuse any old middle segment with the same text before analysing afresh.
    const middle = new Map<string, SegmentResult>();
    for (let k = a; k < old.length - b; k++) middle.set(old[k].text, old[k].result);
    this.analysed = 0;
    this.analysedChars = 0;
    // From the focus outwards (from the first changed page when there is none).
    const count = parts.length - b - a;
    let first = 0;
    if (focus !== undefined && count > 0) {
      while (first < count - 1 && parts[a + first].end < focus) first++;
    }
    const pending = (this.pending = { segments: next, parts, done: parts.length - count, focus: a + first, text });
    if (count > 0) this.editedAt = this.changedAt = parts[a + first].start;
    for (const i of outwardFrom(first, count)) {
      const k = a + i;
      const segText = text.slice(parts[k].start, parts[k].end);
      next[k] = at(parts[k], this.known(segText, parts[k].start, middle) ?? (yield* this.fresh(segText, parts[k].start, made)));
      pending.done++;
    }
    this.segments = next as Segment[];
    this.text = text;
    this.generation++;
  }

  /** An old result for a segment with this text at `start` (from `byText`, or kept by a stopped update). */
  private known(segText: string, start: number, byText: ReadonlyMap<string, SegmentResult>): SegmentResult | undefined {
    const old = byText.get(segText) ?? (this.spare.size > 0 ? this.spare.get(segText) : undefined);
    return old && old.atStart === (start === 0) ? old : undefined;
  }

  /** A fresh analysis of a segment, after a pause (see `steps`). */
  private *fresh(segText: string, start: number, made: [string, SegmentResult][]): Generator<void, SegmentResult, void> {
    yield;
    this.analysed++;
    this.analysedChars += segText.length;
    const result = analyzeSegment(segText, this.options, this.messages, this.prepare, start === 0);
    made.push([segText, result]);
    return result;
  }

  private *updateWindow(text: TextSource, w: ChangeWindow, made: [string, SegmentResult][]): Generator<void, void, void> {
    const old = this.segments;
    const delta = w.newEnd - w.oldEnd;
    // Old segments touching the window (a change at a page's edge touches that page too).
    let i0 = 0;
    while (i0 < old.length - 1 && old[i0].end < w.start) i0++;
    // A soft break depends on the start of the line it is at: an edit there may move it, so
    // re-cut from the segment before.
    if (i0 > 0 && old[i0].soft && touchesCut(this.text, old[i0].start, w.start)) i0--;
    let i1 = old.length - 1;
    while (i1 > i0 && old[i1].start > w.oldEnd) i1--;
    const reuse = new Map<string, SegmentResult>();
    for (let k = i0; k <= i1; k++) reuse.set(old[k].text, old[k].result);
    const fresh: Segment[] = [];
    this.analysed = 0;
    this.analysedChars = 0;
    // Cut the new text from the first touched segment on, until a cut falls where an old segment
    // after the change starts (moved by the change): from there on the cuts are the old ones.
    let j = i1 + 1;
    let ff = text.indexOf('\f', old[i0].start);
    let p = partAt(text, old[i0].start, old[i0].soft, ff);
    for (;;) {
      const segText = text.slice(p.start, p.end);
      fresh.push(new Segment(this, p.start, p.end, this.known(segText, p.start, reuse) ?? (yield* this.fresh(segText, p.start, made)), p.soft));
      const next = nextStart(text, p);
      if (next < 0) {
        j = old.length;
        break;
      }
      const soft = next === p.end;
      while (j < old.length && old[j].start + delta < next) {
        // Passed over: its text may still come back (a cut moved by a few lines).
        reuse.set(old[j].text, old[j].result);
        j++;
      }
      if (j < old.length && old[j].start + delta === next && old[j].soft === soft) break;
      ff = nextFormFeed(text, ff, next);
      p = partAt(text, next, soft, ff);
    }
    const moved = (sg: Segment, by: number) => new Segment(this, sg.start + by, sg.end + by, sg.result, sg.soft);
    this.segments = [...old.slice(0, i0).map((sg) => moved(sg, 0)), ...fresh, ...old.slice(j).map((sg) => moved(sg, delta))];
    // The page the edit is in (not the part before it that was re-cut).
    this.changedAt = (fresh.find((sg) => sg.end >= w.start) ?? fresh[0]).start;
    this.editedAt = w.start;
    this.text = text;
    this.generation++;
  }

  /** Findings about the whole document (the encoding rule), with document offsets. */
  documentFindings(): Finding[] {
    const enc = this.encodingFinding();
    return enc ? [enc] : [];
  }

  /**
   * documentFindings of the text a first analysis is under way on (see `pending`), before its pages
   * are done: read in the text itself, once (nothing when no analysis is under way).
   */
  pendingDocumentFindings(): Finding[] {
    const p = this.pending;
    if (!p) return [];
    if (p.documentFindings) return p.documentFindings;
    const severity = severityOf(encoding, this.options.rules);
    let enc: Finding | undefined;
    // Most texts have no replacement character: not one unit of theirs is counted.
    if (severity && hasReplacements(p.text, 1)) {
      const counts = noCounts();
      for (const part of p.parts) addCounts(counts, countReplacement(p.text.slice(part.start, part.end)));
      const first = p.parts.find((part) => part.end > part.start);
      enc = encodingFinding(severity, p.text, counts, first && { start: first.start, dump: () => parse(p.text.slice(first.start, first.end), first.start === 0) }, this.messages);
    }
    return (p.documentFindings = enc ? [enc] : []);
  }

  /** Every finding with document offsets, in text order (the document-level encoding rule included). */
  findings(): Finding[] {
    const out: Finding[] = this.documentFindings();
    for (const s of this.segments) for (const f of fullFindings(s)) out.push(shiftFinding(f, s.start));
    return out;
  }

  /**
   * Each segment's form-feed page (`sheet`, counted as `Page.sheet` is), and for a page analysed in
   * parts which part it is (1, 2, …; 0 for a page in one piece) and how many articles the parts
   * before it have (`first`, as analyzeArticles numbers them).
   */
  sheetParts(): { sheet: number; part: number; first: number }[] {
    const segs = this.segments;
    let sheet = -1;
    let part = 0;
    let first = 0;
    return segs.map((s, k) => {
      if (s.soft) {
        part++;
        first += segs[k - 1].result.analysis?.articles.length ?? 0;
      } else if (s.end > s.start) {
        sheet++;
        part = segs[k + 1]?.soft ? 1 : 0;
        first = 0;
      }
      return { sheet, part, first };
    });
  }

  /** The longest form-feed page analysed in parts (see biggestSplit). */
  biggestSplitPage(): { size: number; parts: number } {
    return biggestSplit(this.segments);
  }

  private encodingFinding(): Finding | undefined {
    const severity = severityOf(encoding, this.options.rules);
    if (!severity) return undefined;
    let replacement = 0;
    for (const s of this.segments) replacement += s.result.replacement;
    if (replacement === 0) return undefined;
    const counts = noCounts();
    for (const s of this.segments) addCounts(counts, (s.result.counts ??= countReplacement(s.text)));
    // On the first line of the dump: that of the first page with text (a dump may start with a form feed).
    const seg = this.segments.find((sg) => sg.end > sg.start);
    return encodingFinding(severity, this.text, counts, seg && { start: seg.start, dump: () => segmentDump(seg) }, this.messages);
  }
}

/** A first analysis under way (see IncrementalDocument.pending). */
interface Pending {
  /** Its segments so far (those not done yet are undefined). */
  segments: readonly (Segment | undefined)[];
  parts: readonly Part[];
  done: number;
  /** The index of the segment at its focus. */
  focus: number;
  text: TextSource;
  /** pendingDocumentFindings, once asked for. */
  documentFindings?: Finding[];
}

/**
 * The encoding rule's finding from the counts of the whole text (see rules/encoding.ts), the same
 * as the rule gives on it: on the first line of the first page with text (`first`, at its offset),
 * or at the first replacement character of `text` (the document).
 */
function encodingFinding(severity: Severity, text: TextSource, counts: ReplacementCounts, first: { start: number; dump: () => PageDump } | undefined, messages: Messages): Finding | undefined {
  const firstLine = () => {
    const dump = first?.dump();
    const line = dump && dump.lines.length > 0 ? lineAt(dump, 0) : undefined;
    const span = line ? trimmedSpan(line) : { start: 0, end: 0 };
    const at = first?.start ?? 0;
    return { start: span.start + at, end: span.end + at };
  };
  const f = encodingFindingOf(text, counts, firstLine, messages);
  return f && { ...f, severity };
}

/**
 * Indexes of `length` segments from `k` outwards: k, k + 1, k - 1, k + 2, … (the pages nearest an
 * edit first, as the diagnostics and the outline take them).
 */
export function* outwardFrom(k: number, length: number): Generator<number> {
  for (let lo = k, hi = k + 1; lo >= 0 || hi < length; lo--, hi++) {
    if (lo >= 0 && lo < length) yield lo;
    if (hi < length) yield hi;
  }
}

/** fixAll of one part of the document at `start` (a page, or a part of a page cut in parts), alone. */
function fixPart(text: string, start: number, options: AnalyzeOptions, only: readonly RuleId[] | undefined, onPass?: FixAllOptions['onPass']): FixAllResult {
  return fixAll(text, { ...options, only, atStart: start === 0 && options.atStart !== false, onPass });
}

/**
 * Fix-all as edits on the document: each page with fixable findings (of the selected rules) is
 * fixed to a fixed point on its own, and what changed in it is replaced (see EditMap.edits). `left`:
 * the fixable findings its passes left (see fixAll), over all pages.
 */
export function fixAllEdits(inc: IncrementalDocument, options: AnalyzeOptions, only?: readonly RuleId[]): { edits: Edit[]; left: number } {
  const steps = fixAllSteps(inc, options, only);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * fixAllEdits a page at a time: it yields after each page it fixed, so that the server can take
 * other messages in between (a whole 50 MB dump takes seconds). The segments must stay those of
 * the same update throughout (a segment of an older one refuses to give its text).
 */
export function* fixAllSteps(inc: IncrementalDocument, options: AnalyzeOptions, only?: readonly RuleId[]): Generator<void, { edits: Edit[]; left: number }, void> {
  const edits: Edit[] = [];
  let left = 0;
  for (const s of inc.segments) {
    if (fixableCount(s, only) === 0) continue;
    const text = s.text;
    const changed = new EditMap();
    const fixed = fixPart(text, s.start, options, only, (e) => changed.add(e));
    left += fixed.left;
    // The changed regions of the page, not one edit from its first change to its last: on pages
    // whose lines are joined, that was nearly all of the page. Each text its own copy (flatten): a
    // slice of the fixed page kept all of it, every page's until the answer was sent (on the 50 MB
    // CJK dump, the peak at the answer was 530-610 MB over 6 runs, 505-555 with the copies).
    for (const e of changed.edits(text, fixed.text)) edits.push({ start: e.start + s.start, end: e.end + s.start, newText: flatten(e.newText) });
    yield;
  }
  return { edits, left };
}

/** fixAllParts's answer: fixAll's, but the fixes applied only counted. */
export interface FixPartsResult extends Omit<FixAllResult, 'fixed'> {
  /**
   * How many findings' fixes were applied, over all parts. The findings themselves are not kept:
   * the CLI only counts them, and kept, every part's (with the rows of their fixes, see editRows.ts)
   * lived until the whole text was done: a 10 MB dump's fix peaked at 168 MB RSS with them, 140
   * without, and took ~8% more CPU time (collections walking them).
   */
  fixedCount: number;
}

/**
 * fixAll part by part: each form-feed page, and each part of a page cut without form feeds (see
 * softPages.ts), fixed alone, as the editor's fix-all fixes them (fixAllEdits), so that `newsprint
 * fix` and the editor agree. Over the whole text, each pass cut the text again as the fixes left
 * it, so a fix could join a line across a cut that the editor kept apart. `passes`: the most any
 * part took; `left`: what the passes left over all parts.
 */
export function fixAllParts(text: string, options: AnalyzeOptions & { only?: readonly RuleId[] } = {}): FixPartsResult {
  const out: string[] = [];
  let fixedCount = 0;
  let passes = 0;
  let left = 0;
  let from = 0;
  for (const p of split(text)) {
    out.push(text.slice(from, p.start)); // the form feed before the page, or nothing at a cut
    const r = fixPart(text.slice(p.start, p.end), p.start, options, options.only);
    out.push(r.text);
    fixedCount += r.fixed.length;
    passes = Math.max(passes, r.passes);
    left += r.left;
    from = p.end;
  }
  out.push(text.slice(from));
  return { text: out.join(''), fixedCount, passes, left };
}

export function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  // Field by field, not a spread: a finding of the core may keep its fix and related spans as rows
  // behind getters (editRows.ts), which a spread would not copy.
  const out: Finding = {
    rule: f.rule,
    severity: f.severity,
    start: f.start + delta,
    end: f.end + delta,
    message: f.message,
    fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map((e) => ({ start: e.start + delta, end: e.end + delta, newText: e.newText })) },
    related: f.related?.map((r) => ({ ...r, start: r.start + delta, end: r.end + delta })),
  };
  if (f.unsure) out.unsure = true;
  return out;
}
