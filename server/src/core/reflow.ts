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
import { cellWidth, codePointAt, endsSentence, isAsciiLetter, isBlankUnit, isCjk, isSpaceOrTab, CLASS, CC_SCRIPT_CJK, CC_SCRIPT_LATIN } from './chars';
import type { Cleaner } from './clean';
import { Joiner } from './joiner';
import { hyphenEvidence, joinKind, joinOnto, joinPair, joinWith, joinWithOnto, modeOfSorted, JOIN_CONCAT, JOIN_SPACE, type HyphenEvidence } from './paragraphs';
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
  /** cellWidth(text), measured once. */
  width: number;
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
  /** Pieces of each article's note and body lines by index in analysis.articles, computed once by flowContext (the cuts depend on the article only). */
  pieces: ArticlePieces[];
  /** Index of each article in analysis.articles: made on first use by articlePieces (the rewrite's). */
  indexOf?: Map<Article, number>;
}

/** The pieces of an article's editor's-note lines and of its body lines, in line order. */
export interface ArticlePieces {
  note: Piece[];
  body: Piece[];
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
  const sorted = Float64Array.from(widths).sort();
  return columnOfSorted(sorted, sorted.length);
}

/** columnOf of n >= 3 widths sorted ascending (the first n of `sorted`). */
function columnOfSorted(sorted: Int32Array | Float64Array, n: number): Column {
  let best = 0;
  let bestCount = 0;
  let lo = 0;
  for (let hi = 0; hi < n; hi++) {
    const w = sorted[hi];
    const tol = Math.max(2, 0.1 * w);
    while (sorted[lo] < w - tol) lo++;
    const count = hi - lo + 1;
    if (count >= bestCount) {
      best = w;
      bestCount = count;
    }
  }
  return { width: best, supported: bestCount >= 3 && bestCount >= 0.3 * n };
}

/** Scratch arrays of paragraphBounds (the analysis is synchronous: one user at a time). */
let SORTED = new Int32Array(256);
let FINAL = new Uint8Array(256);
let BOUNDS = new Int32Array(257);

/** Sorts a[0, n) ascending: insertion sort for the usual few dozen widths (no subarray view to allocate). */
function sortPrefix(a: Int32Array, n: number): void {
  if (n > 48) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** The widths of the pieces, sorted ascending, in SORTED[0, n). */
function sortWidths(pieces: readonly Piece[]): Int32Array {
  const n = pieces.length;
  if (SORTED.length < n) SORTED = new Int32Array(Math.max(n, 2 * SORTED.length));
  for (let k = 0; k < n; k++) SORTED[k] = pieces[k].width;
  sortPrefix(SORTED, n);
  return SORTED;
}

/** isCjkText of the pieces' texts joined (it reads the first 200 UTF-16 units). */
function isCjkPieces(pieces: readonly Piece[]): boolean {
  let cjk = 0;
  let latin = 0;
  let seen = 0;
  for (let k = 0; k < pieces.length && seen < 200; k++) {
    const t = pieces[k].text;
    for (let i = 0; i < t.length && seen < 200; i++, seen++) {
      const s = CLASS[t.charCodeAt(i)];
      if (s & CC_SCRIPT_CJK) cjk++;
      else if (s & CC_SCRIPT_LATIN) latin++;
    }
    // Decided once the units left cannot change the comparison.
    if (cjk >= latin + (200 - seen) || latin > cjk + (200 - seen)) break;
  }
  return cjk >= latin;
}

/**
 * Where the paragraphs of a run of pieces (an article's note or body) start, as flowLines groups
 * them: returns starts s with s[0] = 0, s[count] = pieces.length, paragraph j being
 * pieces[s[j], s[j + 1]). The array is scratch space, valid until the next call. `single` is set
 * when every piece is its own paragraph because there is no column to join to (or the page is
 * rewritten), where flowLines keeps each piece's text as it is.
 */
function paragraphBounds(ctx: FlowContext, pieces: readonly Piece[]): { starts: Int32Array; count: number; single: boolean } {
  const n = pieces.length;
  if (BOUNDS.length < n + 1) BOUNDS = new Int32Array(Math.max(n + 1, 2 * BOUNDS.length));
  const starts = BOUNDS;
  let column = 0;
  let sorted: Int32Array | undefined;
  if (!ctx.rewritten && n > 0) {
    if (n >= 3) {
      sorted = sortWidths(pieces);
      const own = columnOfSorted(sorted, n);
      if (own.supported) column = own.width;
    }
    if (column === 0 && ctx.column.supported) column = ctx.column.width;
  }
  if (column === 0) {
    // Rewritten page, or no column to speak of (lines of every width): nothing here is hard-wrapped.
    for (let k = 0; k <= n; k++) starts[k] = k;
    return { starts, count: n, single: true };
  }
  // buildParagraphs' column estimate and "noticeably shorter" (see paragraphs.ts).
  const width = sorted ? modeOfSorted(sorted, n) : Math.max(column, pieces[0].width, n > 1 ? pieces[1].width : 0, 0);
  const cjk = isCjkPieces(pieces);
  const shortLimit = width - 4;
  const shortLatin = width * 0.85;
  const overlong = 1.6 * column + 4; // a paragraph joined already: never joined to a neighbour
  if (FINAL.length < n) FINAL = new Uint8Array(Math.max(n, 2 * FINAL.length));
  const final = FINAL;
  for (let k = 0; k < n; k++) final[k] = endsSentence(pieces[k].text) ? 1 : 0;
  const dump = ctx.dump;
  let count = 0;
  starts[count++] = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && starts[count - 1] !== i) {
      const prev = pieces[i - 1];
      const cur = pieces[i];
      let brk = prev.line === cur.line; // two pieces of one line: something was cut out between them
      if (!brk) {
        const gap = gapKind(dump, prev.line, cur.line);
        brk = gap === GAP_OTHER || (gap === GAP_BLANK && !ctx.ds) || prev.width > overlong || cur.width > overlong;
      }
      if (brk) starts[count++] = i;
    }
    if (final[i] && i + 1 < n) {
      const w = pieces[i].width;
      const wn = pieces[i + 1].width;
      const short = cjk ? w <= shortLimit : w < shortLatin;
      const nextShort = cjk ? wn <= shortLimit : wn < shortLatin;
      if (short || (nextShort && !final[i + 1])) starts[count++] = i + 1;
    }
  }
  starts[count] = n;
  return { starts, count, single: false };
}

export function flowContext(dump: PageDump, analysis: PageAnalysis, clean: Cleaner): FlowContext {
  const page = dump.pages[analysis.page];
  const lines = dump.lines;
  // A marker line holds REWRITE_MARKER: look for it in the page's text (a native search) before
  // looking at every line of the page.
  const markerOnPage = dump.text.slice(page.start, page.end).includes(REWRITE_MARKER);
  let rewritten = false;
  // isCjkText of the page's text lines joined: it reads their first 200 UTF-16 units.
  let cjk = 0;
  let latin = 0;
  let seen = 0;
  for (let i = page.firstLine; i <= page.lastLine && (markerOnPage || seen < 200); i++) {
    const l = lines[i];
    if (l.annotation) {
      if (markerOnPage && isMarkerLine(l)) rewritten = true;
    } else if (!l.blank && seen < 200) {
      const t = l.text;
      for (let k = 0; k < t.length && seen < 200; k++, seen++) {
        const s = CLASS[t.charCodeAt(k)];
        if (s & CC_SCRIPT_CJK) cjk++;
        else if (s & CC_SCRIPT_LATIN) latin++;
      }
    }
  }
  // Hyphen evidence from the page itself (so a page analyses the same alone or in a file).
  let evidence: HyphenEvidence | undefined;
  if (cjk < latin) {
    const texts: string[] = [];
    for (let i = page.firstLine; i <= page.lastLine; i++) {
      const l = lines[i];
      if (!l.annotation && !l.blank) texts.push(l.text);
    }
    evidence = hyphenEvidence(texts, true);
  }
  // The pieces by article index (an array: a WeakMap entry per article cost more than the lookups it served).
  const pieces: ArticlePieces[] = [];
  const ctx: FlowContext = { dump, analysis, clean, evidence, rewritten, ds: stateOf(analysis)?.ds ?? false, column: { width: 0, supported: false }, pieces, indexOf: undefined };
  let total = 0;
  for (const a of analysis.articles) {
    const own = collectArticle(ctx, a);
    pieces.push(own);
    total += own.note.length + own.body.length;
  }
  if (total < 3) {
    let width = 0;
    for (const own of pieces) {
      for (const p of own.note) width = Math.max(width, p.width);
      for (const p of own.body) width = Math.max(width, p.width);
    }
    ctx.column = { width, supported: false };
  } else {
    if (SORTED.length < total) SORTED = new Int32Array(Math.max(total, 2 * SORTED.length));
    let k = 0;
    for (const own of pieces) {
      for (const p of own.note) SORTED[k++] = p.width;
      for (const p of own.body) SORTED[k++] = p.width;
    }
    sortPrefix(SORTED, total);
    ctx.column = columnOfSorted(SORTED, total);
  }
  return ctx;
}

/** The pieces of the lines, in order (see linePieces). */
function collectPieces(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < lines.length; k++) addLinePieces(ctx, lines[k], cuts, out);
  return out;
}

/** [start, end) of the line without leading/trailing whitespace (as the paragraph joiner trims). */
export function trimmed(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && isBlankUnit(text.charCodeAt(a))) a++;
  while (b > a && isBlankUnit(text.charCodeAt(b - 1))) b--;
  return { start: a, end: b };
}


/** Pieces of a line outside the cut spans, cleaned and trimmed; empty ones dropped. */
export function linePieces(ctx: FlowContext, index: number, cuts: readonly Span[]): Piece[] {
  const out: Piece[] = [];
  addLinePieces(ctx, index, cuts, out);
  return out;
}

function piece(ctx: FlowContext, index: number, start: number, end: number, out: Piece[]): void {
  const text = ctx.clean.span(start, end).trim();
  if (text) out.push({ line: index, start, end, text, width: cellWidth(text) });
}

/** Could String.prototype.trim remove this UTF-16 unit? (A superset: every unit <= U+0020 counts.) */
const isTrimmable = (c: number) =>
  c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** text.trim(), without the call when both ends are plainly not whitespace (most lines). */
function trimIfNeeded(text: string): string {
  const n = text.length;
  return n === 0 || isTrimmable(text.charCodeAt(0)) || isTrimmable(text.charCodeAt(n - 1)) ? text.trim() : text;
}

/** linePieces, appended to `out`. */
function addLinePieces(ctx: FlowContext, index: number, cuts: readonly Span[], out: Piece[]): void {
  const l = ctx.dump.lines[index];
  let cut = false;
  for (let k = 0; k < cuts.length && !cut; k++) cut = !(cuts[k].end <= l.start || cuts[k].start >= l.end);
  if (!cut) {
    // The common case (no dateline, sign-off or marker on the line): one piece at most, no span arrays.
    const text = ctx.dump.text;
    let a = l.start;
    let b = l.end;
    while (a < b && isBlankUnit(text.charCodeAt(a))) a++;
    while (b > a && isBlankUnit(text.charCodeAt(b - 1))) b--;
    if (a < b) {
      if (a === l.start && b === l.end) {
        // The whole line (most lines): its clean text, which is line.text itself when it has no fix.
        const t = trimIfNeeded(ctx.clean.line(index));
        if (t) out.push({ line: index, start: a, end: b, text: t, width: cellWidth(t) });
      } else piece(ctx, index, a, b, out);
    }
    return;
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
  for (const s of segs) {
    const t = trimmed(ctx.dump.text, s.start, s.end);
    if (t.start < t.end) piece(ctx, index, t.start, t.end, out);
  }
}

/** Spans of an article that are emitted apart from its paragraphs. */
export function articleCuts(ctx: FlowContext, a: Article): Span[] {
  const cuts: Span[] = [];
  if (a.dateline) cuts.push(a.dateline);
  if (a.signoff) cuts.push(a.signoff);
  if (a.continuation && !ctx.dump.lines[a.continuation.line]?.annotation) cuts.push(a.continuation.span);
  return cuts;
}

const GAP_NONE = 0;
const GAP_BLANK = 1;
const GAP_OTHER = 2;

/** What lies between two lines: nothing, only blank lines, or anything else. */
function gapKind(dump: PageDump, from: number, to: number): number {
  let kind = GAP_NONE;
  for (let i = from + 1; i < to; i++) {
    const l = dump.lines[i];
    if (l.annotation || !l.blank) return GAP_OTHER;
    kind = GAP_BLANK;
  }
  return to < from ? GAP_OTHER : kind;
}

/**
 * Paragraphs of a run of lines (body or editor's note) of one article. With `withText` false the
 * paragraphs' `text` is left empty (joining them is the costly part).
 */
export function flowLines(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[], withText = true): FlowParagraph[] {
  return flowPieces(ctx, collectPieces(ctx, lines, cuts), withText);
}

function flowPieces(ctx: FlowContext, pieces: readonly Piece[], withText: boolean): FlowParagraph[] {
  const { starts, count, single } = paragraphBounds(ctx, pieces);
  const out: FlowParagraph[] = [];
  if (single) {
    for (const p of pieces) out.push({ pieces: [p], text: p.text });
    return out;
  }
  for (let j = 0; j < count; j++) {
    const ps = pieces.slice(starts[j], starts[j + 1]);
    if (!withText) {
      out.push({ pieces: ps, text: '' });
      continue;
    }
    out.push({ pieces: ps, text: joinPieces(ps.map((x) => x.text), ctx.evidence).trim() });
  }
  return out;
}

/** The pieces of an article's note and body lines. */
function collectArticle(ctx: FlowContext, a: Article): ArticlePieces {
  const cuts = articleCuts(ctx, a);
  return { note: collectPieces(ctx, a.editorsNote, cuts), body: collectPieces(ctx, a.body, cuts) };
}

/** The pieces of an article's note and body lines (from flowContext's when it is an article of the page analysis). */
export function articlePieces(ctx: FlowContext, a: Article): ArticlePieces {
  let index = ctx.indexOf;
  if (!index) {
    index = ctx.indexOf = new Map();
    const articles = ctx.analysis.articles;
    for (let k = 0; k < articles.length; k++) index.set(articles[k], k);
  }
  const k = index.get(a);
  return k === undefined ? collectArticle(ctx, a) : ctx.pieces[k];
}

/**
 * Calls `each(first, end)` for every paragraph of two or more pieces, pieces[first, end), in order:
 * what hard-wrap reports, without building the paragraphs.
 */
export function joinedParagraphs(ctx: FlowContext, pieces: readonly Piece[], each: (first: number, end: number) => void): void {
  const { starts, count, single } = paragraphBounds(ctx, pieces);
  if (single) return;
  for (let j = 0; j < count; j++) if (starts[j + 1] - starts[j] >= 2) each(starts[j], starts[j + 1]);
}

/**
 * joinPair, plus one more page-evidence rule for Latin OCR, which often drops the hyphen of a word
 * broken at the line end (`indepen` / `dent`): two letter fragments join without a space when the
 * page has the joined word elsewhere and at least one fragment is not a word of the page
 * (`own` / `ers` → `owners`; `the` / `tug` stays two words).
 */
export function joinPiece(left: string, right: string, ev: HyphenEvidence | undefined): string {
  // Pieces with a space or tab at the seam never take the evidence join; joinPair strips them.
  return trimmedSeam(left, right) ? joinWith(left, right, joinPieceKind(left, right, ev)) : joinPair(left, right, ev);
}

/** The pieces joined one by one with joinPiece (in time linear in their length: see Joiner). */
export function joinPieces(texts: readonly string[], ev: HyphenEvidence | undefined): string {
  const j = new Joiner();
  for (const t of texts) joinPieceOnto(j, t, ev);
  return j.toString();
}

/** joinPiece of the joiner's text and `right`, onto the joiner (see Joiner: it reads only the seam). */
function joinPieceOnto(j: Joiner, right: string, ev: HyphenEvidence | undefined): void {
  if (!j.empty && right.length > 0 && !isSpaceOrTab(j.lastUnit()) && !isSpaceOrTab(right.charCodeAt(0))) joinWithOnto(j, right, joinPieceKind(j.tail(), right, ev));
  else joinOnto(j, right, ev);
}

/** Both pieces non-empty, with no space or tab where they meet (what joinPieceKind requires). */
const trimmedSeam = (l: string, r: string) => l.length > 0 && r.length > 0 && !isSpaceOrTab(l.charCodeAt(l.length - 1)) && !isSpaceOrTab(r.charCodeAt(0));

/** joinPiece's decision (see joinKind) for a non-empty `l` and `r` with no edge spaces or tabs. */
function joinPieceKind(l: string, r: string, ev: HyphenEvidence | undefined): number {
  if (ev) {
    // The letters that end `l` and the lower-case ones that start `r`.
    let i = l.length;
    while (i > 0 && isAsciiLetter(l.charCodeAt(i - 1))) i--;
    let k = 0;
    while (k < r.length && r.charCodeAt(k) >= 97 && r.charCodeAt(k) <= 122) k++;
    if (i < l.length && k > 0) {
      const a = l.slice(i);
      const b = r.slice(0, k);
      const joined = (a + b).toLowerCase();
      const words = ev.interior;
      if (words.has(joined) && (!words.has(a.toLowerCase()) || !words.has(b))) return JOIN_CONCAT;
    }
  }
  return joinKind(l, r, ev);
}

/** Paragraphs of an article; with `withText` false their `text` is left empty (see flowLines). */
export function flowArticle(ctx: FlowContext, a: Article, withText = true): ArticleFlow {
  const cuts = articleCuts(ctx, a);
  const { note, body } = articlePieces(ctx, a);
  return { note: flowPieces(ctx, note, withText), body: flowPieces(ctx, body, withText), cuts };
}

/**
 * The edit that joins two consecutive pieces of a paragraph in the dump: the line break, blank
 * lines and edge spaces between them become nothing (CJK), one space (Latin), and a hyphen of a
 * rejoined word goes too. Same decision as joinPair, made on the raw text.
 */
export function joinEdit(ctx: FlowContext, left: Piece, right: Piece): { start: number; end: number; newText: string } {
  // Small enough to be inlined into hard-wrap's loop: the usual case, then the rest apart.
  if (ctx.evidence === undefined && left.end > left.start && right.end > right.start) {
    const newText = plainJoin(ctx.dump.text, left, right);
    if (newText !== undefined) return { start: left.end, end: right.start, newText };
  }
  return joinEditSlow(ctx, left, right);
}

/**
 * joinKind on the text in place (no slices), for non-empty pieces and no hyphen evidence: the new
 * text of the edit when the seam has no space, tab or hyphen ('' next to CJK, else ' '), else
 * undefined. The last code point of the left piece, the first of the right one, as lastCp and
 * firstCp read them.
 */
function plainJoin(text: string, left: Piece, right: Piece): string | undefined {
  const lc = text.charCodeAt(left.end - 1);
  const rc = text.charCodeAt(right.start);
  if (isSpaceOrTab(lc) || isSpaceOrTab(rc)) return undefined;
  const a = lc >= 0xdc00 && lc <= 0xdfff && left.end - 1 > left.start ? codePointAt(text, left.end - 2) : lc;
  if (a === 45 /* - */) return undefined;
  const b = right.end - right.start > 1 ? codePointAt(text, right.start) : rc;
  return isCjk(a) || isCjk(b) || a > 0xffff || b > 0xffff ? '' : ' ';
}

function joinEditSlow(ctx: FlowContext, left: Piece, right: Piece): { start: number; end: number; newText: string } {
  const text = ctx.dump.text;
  const l = text.slice(left.start, left.end);
  const r = text.slice(right.start, right.end);
  if (trimmedSeam(l, r)) {
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

export { joinPair };
