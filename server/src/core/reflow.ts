// Column lines → paragraphs on the article model. One source of truth for the `hard-wrap` rule,
// the `split-sentence` rule and the reading-order rewrite, so the diagnostics, their fixes and the
// rewrite always agree on where a paragraph starts and ends.
//
// Paragraph rules are those of paragraphs.ts (sentence-final punctuation on a noticeably short
// line; an indented start after a full line; CJK joins without a space, Latin with one, hyphens
// decided by hyphenEvidence/keepHyphen). On top of them, on the article model:
// - a paragraph always breaks where something other than blank lines sits between two body lines
//   (an annotation, another article's line, furniture): joining across it would move text;
// - on an ordinary page (not double-spaced, see detect.ts) a blank line between two body lines is
//   a paragraph break; on a double-spaced page (pdftotext's blank line after every line) it means
//   nothing;
// - on a page the rewrite produced (it starts with REWRITE_MARKER) every line is already a whole
//   paragraph. The marker is what makes the rewrite idempotent: once joined, a one-line paragraph
//   that happens to be column-wide is indistinguishable from a wrapped line, so the text says so.
// - a line much wider than the column (over 1.6× the column estimate plus two glyphs) is a
//   paragraph that was joined already (by a `hard-wrap` fix): it is never joined to a neighbour,
//   so fix-all reaches a fixed point after one pass instead of gluing paragraphs together.
import { stateOf } from './articles/detect';
import type { Article, PageAnalysis } from './articles/model';
import { cellWidth, endsSentence } from './chars';
import type { Cleaner } from './clean';
import { buildParagraphs, hyphenEvidence, isCjkText, joinKind, joinPair, JOIN_CONCAT, JOIN_SPACE, type HyphenEvidence } from './paragraphs';
import type { Line, PageDump, Span } from './types';

/** First line of every page the rewrite wrote (a `%%` comment: detection ignores it). */
export const REWRITE_MARKER = '%% # newsprint: rewritten in reading order, one paragraph per line';

export function isMarkerLine(line: Line): boolean {
  return line.annotation && line.text.trim() === REWRITE_MARKER;
}

export interface Piece extends Span {
  line: number;
  /** Clean text of [start, end) (glyph fixes applied), trimmed. */
  text: string;
}

export interface FlowParagraph {
  pieces: Piece[];
  text: string;
}

export interface ArticleFlow {
  note: FlowParagraph[];
  body: FlowParagraph[];
  /** Spans cut out of body lines and emitted on their own (dateline, sign-off, continuation marker). */
  cuts: Span[];
}

export interface FlowContext {
  dump: PageDump;
  analysis: PageAnalysis;
  clean: Cleaner;
  evidence: HyphenEvidence | undefined;
  /** The page carries REWRITE_MARKER: every line is one paragraph. */
  rewritten: boolean;
  /** The page is double-spaced (blank lines carry no structure). */
  ds: boolean;
  /** Column width of the page's body and note lines (see columnOf). */
  column: Column;
  /** Pieces of each article line, computed once by flowContext (the cuts depend on the article only). */
  pieces?: WeakMap<Article, Map<number, Piece[]>>;
}

export interface Column {
  width: number;
  /** Enough lines share the width for it to be a column (a wrapped text), not chance. */
  supported: boolean;
}

/**
 * Column width of a set of lines (cell widths after glyph fixes): the widest width w whose band
 * [w − tol, w] holds the most lines, tol = max(2 cells, 10% of w) (squeezed CJK punctuation moves a
 * full line by a glyph; proportional Latin OCR lines vary by a few letters). It is *supported* when
 * the band holds at least 3 lines and 30% of them: text wrapped at a column has most lines full. A
 * text whose lines are already whole paragraphs has no such band, so nothing is joined twice.
 */
export function columnOf(widths: readonly number[]): Column {
  if (widths.length < 3) return { width: Math.max(0, ...widths), supported: false };
  const sorted = [...widths].sort((a, b) => a - b);
  let best = 0;
  let bestCount = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    const w = sorted[hi];
    const tol = Math.max(2, 0.1 * w);
    while (sorted[lo] < w - tol) lo++;
    const count = hi - lo + 1;
    if (count >= bestCount) {
      best = w;
      bestCount = count;
    }
  }
  return { width: best, supported: bestCount >= 3 && bestCount >= 0.3 * widths.length };
}

export function flowContext(dump: PageDump, analysis: PageAnalysis, clean: Cleaner): FlowContext {
  const page = dump.pages[analysis.page];
  let rewritten = false;
  const texts: string[] = [];
  let sample = '';
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    const l = dump.lines[i];
    if (isMarkerLine(l)) rewritten = true;
    if (!l.annotation && !l.blank) {
      texts.push(l.text);
      if (sample.length < 2000) sample += l.text;
    }
  }
  // Hyphen evidence from the page itself (so a page analyses the same alone or in a file).
  const evidence = isCjkText(sample) ? undefined : withInterior(hyphenEvidence(texts), texts);
  const ctx: FlowContext = { dump, analysis, clean, evidence, rewritten, ds: stateOf(analysis)?.ds ?? false, column: { width: 0, supported: false } };
  const widths: number[] = [];
  const pieces = new WeakMap<Article, Map<number, Piece[]>>();
  for (const a of analysis.articles) {
    const cuts = articleCuts(ctx, a);
    const own = new Map<number, Piece[]>();
    pieces.set(a, own);
    const add = (i: number) => {
      let ps = own.get(i);
      if (!ps) own.set(i, (ps = linePieces(ctx, i, cuts)));
      for (const p of ps) widths.push(cellWidth(p.text));
    };
    for (const i of a.editorsNote) add(i);
    for (const i of a.body) add(i);
  }
  ctx.column = columnOf(widths);
  ctx.pieces = pieces;
  return ctx;
}

/** [start, end) of the line without leading/trailing whitespace (as the paragraph joiner trims). */
export function trimmed(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && isWs(text.charCodeAt(a))) a++;
  while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  return { start: a, end: b };
}

/** Words of the page seen inside a line (not first or last on it, where fragments sit). */
const INTERIOR = new WeakMap<HyphenEvidence, Set<string>>();
function interiorWords(ev: HyphenEvidence): Set<string> {
  return INTERIOR.get(ev) ?? new Set();
}
function withInterior(ev: HyphenEvidence, texts: readonly string[]): HyphenEvidence {
  const set = new Set<string>();
  for (const t of texts) {
    if (t.length > 100_000) continue;
    const ws = t.trim().split(/\s+/);
    for (let k = 1; k < ws.length - 1; k++) {
      const m = /^[^A-Za-z]*([A-Za-z]+)[^A-Za-z]*$/.exec(ws[k]);
      if (m) set.add(m[1].toLowerCase());
    }
  }
  INTERIOR.set(ev, set);
  return ev;
}

const isWs = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11;

/** Pieces of a line outside the cut spans, cleaned and trimmed; empty ones dropped. */
export function linePieces(ctx: FlowContext, index: number, cuts: readonly Span[]): Piece[] {
  const l = ctx.dump.lines[index];
  let cut = false;
  for (let k = 0; k < cuts.length && !cut; k++) cut = !(cuts[k].end <= l.start || cuts[k].start >= l.end);
  if (!cut) {
    // The common case (no dateline, sign-off or marker on the line): one piece at most, no span arrays.
    const text = ctx.dump.text;
    let a = l.start;
    let b = l.end;
    while (a < b && isWs(text.charCodeAt(a))) a++;
    while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    if (a >= b) return [];
    const clean = ctx.clean.span(a, b).trim();
    return clean ? [{ line: index, start: a, end: b, text: clean }] : [];
  }
  let segs: Span[] = [{ start: l.start, end: l.end }];
  for (const c of cuts) {
    if (c.end <= l.start || c.start >= l.end) continue;
    const next: Span[] = [];
    for (const s of segs) {
      if (c.end <= s.start || c.start >= s.end) next.push(s);
      else {
        if (c.start > s.start) next.push({ start: s.start, end: c.start });
        if (c.end < s.end) next.push({ start: c.end, end: s.end });
      }
    }
    segs = next;
  }
  const out: Piece[] = [];
  for (const s of segs) {
    const t = trimmed(ctx.dump.text, s.start, s.end);
    if (t.start >= t.end) continue;
    const text = ctx.clean.span(t.start, t.end).trim();
    if (text) out.push({ line: index, start: t.start, end: t.end, text });
  }
  return out;
}

/** Spans of an article that are emitted apart from its paragraphs. */
export function articleCuts(ctx: FlowContext, a: Article): Span[] {
  const cuts: Span[] = [];
  if (a.dateline) cuts.push(a.dateline);
  if (a.signoff) cuts.push(a.signoff);
  if (a.continuation && !ctx.dump.lines[a.continuation.line]?.annotation) cuts.push(a.continuation.span);
  return cuts;
}

/** What lies between two lines: only blank lines, blank lines among them, or anything else. */
function gapKind(dump: PageDump, from: number, to: number): 'none' | 'blank' | 'other' {
  let kind: 'none' | 'blank' | 'other' = 'none';
  for (let i = from + 1; i < to; i++) {
    const l = dump.lines[i];
    if (l.annotation || !l.blank) return 'other';
    kind = 'blank';
  }
  return to < from ? 'other' : kind;
}

/**
 * Paragraphs of a run of lines (body or editor's note) of one article. `cached`: the article's
 * pieces from flowContext. With `withText` false the paragraphs' `text` is left empty (hard-wrap
 * only needs the pieces; joining them is the costly part).
 */
export function flowLines(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[], cached?: Map<number, Piece[]>, withText = true): FlowParagraph[] {
  const pieces: Piece[] = [];
  for (const i of lines) {
    const ps = cached?.get(i) ?? linePieces(ctx, i, cuts);
    for (let k = 0; k < ps.length; k++) pieces.push(ps[k]);
  }
  if (pieces.length === 0) return [];
  if (ctx.rewritten) return pieces.map((p) => ({ pieces: [p], text: p.text }));
  const widths = pieces.map((p) => cellWidth(p.text));
  const own = columnOf(widths);
  const column = own.supported ? own.width : ctx.column.supported ? ctx.column.width : 0;
  // No column to speak of (lines of every width): nothing here is hard-wrapped.
  if (column === 0) return pieces.map((p) => ({ pieces: [p], text: p.text }));
  const overlong = (w: number) => w > 1.6 * column + 4;
  // Piece keys are positions in `pieces`; buildParagraphs takes any numbers as line ids.
  const breakBefore = new Set<number>();
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1];
    const cur = pieces[k];
    if (prev.line === cur.line) {
      breakBefore.add(k); // two pieces of one line: something was cut out between them
      continue;
    }
    const gap = gapKind(ctx.dump, prev.line, cur.line);
    if (gap === 'other' || (gap === 'blank' && !ctx.ds) || overlong(widths[k - 1]) || overlong(widths[k])) breakBefore.add(k);
  }
  const paras = buildParagraphs(
    pieces.map((_, k) => k),
    pieces.map((p) => p.text),
    { columnWidth: column, breakBefore, evidence: ctx.evidence, widths, noText: !withText },
  );
  return paras.map((p) => {
    const ps = p.lines.map((k) => pieces[k]);
    if (!withText) return { pieces: ps, text: '' };
    let text = '';
    for (const x of ps) text = joinPiece(text, x.text, ctx.evidence);
    return { pieces: ps, text: text.trim() };
  });
}

/**
 * joinPair, plus one more page-evidence rule for Latin OCR, which often drops the hyphen of a word
 * broken at the line end (`indepen` / `dent`): two letter fragments join without a space when the
 * page has the joined word elsewhere and at least one fragment is not a word of the page
 * (`own` / `ers` → `owners`; `the` / `tug` stays two words).
 */
export function joinPiece(left: string, right: string, ev: HyphenEvidence | undefined): string {
  if (ev) {
    const a = /([A-Za-z]+)$/.exec(left)?.[1];
    const b = /^([a-z]+)/.exec(right)?.[1];
    if (a && b) {
      const joined = (a + b).toLowerCase();
      const words = interiorWords(ev);
      if (words.has(joined) && (!words.has(a.toLowerCase()) || !words.has(b))) return left.replace(/[ \t]+$/, '') + right.replace(/^[ \t]+/, '');
    }
  }
  return joinPair(left, right, ev);
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/** joinPiece's decision (see joinKind) for a non-empty `l` and `r` with no edge spaces or tabs. */
function joinPieceKind(l: string, r: string, ev: HyphenEvidence | undefined): number {
  if (ev) {
    const a = /([A-Za-z]+)$/.exec(l)?.[1];
    const b = /^([a-z]+)/.exec(r)?.[1];
    if (a && b) {
      const joined = (a + b).toLowerCase();
      const words = interiorWords(ev);
      if (words.has(joined) && (!words.has(a.toLowerCase()) || !words.has(b))) return JOIN_CONCAT;
    }
  }
  return joinKind(l, r, ev);
}

/** Paragraphs of an article; with `withText` false their `text` is left empty (see flowLines). */
export function flowArticle(ctx: FlowContext, a: Article, withText = true): ArticleFlow {
  const cuts = articleCuts(ctx, a);
  const cached = ctx.pieces?.get(a);
  return { note: flowLines(ctx, a.editorsNote, cuts, cached, withText), body: flowLines(ctx, a.body, cuts, cached, withText), cuts };
}

/**
 * The edit that joins two consecutive pieces of a paragraph in the dump: the line break, blank
 * lines and edge spaces between them become nothing (CJK), one space (Latin), and a hyphen of a
 * rejoined word goes too. Same decision as joinPair, made on the raw text.
 */
export function joinEdit(ctx: FlowContext, left: Piece, right: Piece): { start: number; end: number; newText: string } {
  const text = ctx.dump.text;
  const l = text.slice(left.start, left.end);
  const r = text.slice(right.start, right.end);
  if (l.length > 0 && r.length > 0 && !isSpaceOrTab(l.charCodeAt(l.length - 1)) && !isSpaceOrTab(r.charCodeAt(0))) {
    // The pieces are trimmed, so joinPiece's decision maps straight to the edit (no joined text:
    // comparing it with l + r flattened two copies of both lines per line break).
    const k = joinPieceKind(l, r, ctx.evidence);
    if (k === JOIN_CONCAT) return { start: left.end, end: right.start, newText: '' };
    if (k === JOIN_SPACE) return { start: left.end, end: right.start, newText: ' ' };
    return { start: left.end - 1, end: right.start, newText: '' };
  }
  const joined = joinPiece(l, r, ctx.evidence);
  if (joined === l + r) return { start: left.end, end: right.start, newText: '' };
  if (joined === `${l} ${r}`) return { start: left.end, end: right.start, newText: ' ' };
  if (joined === l.slice(0, -1) + r) return { start: left.end - 1, end: right.start, newText: '' };
  return { start: left.end, end: right.start, newText: ' ' };
}

/** Does the clean text of a paragraph end a sentence (or at least a clause, with a comma)? */
export function endsCleanly(text: string): boolean {
  return endsSentence(text);
}

export { joinPair };
