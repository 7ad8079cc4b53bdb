// Column lines → paragraphs on the article model. One source of truth for the `hard-wrap` rule,
// the `split-sentence` rule and the reading-order rewrite, so the diagnostics, their fixes and the
// rewrite always agree on where a paragraph starts and ends.
//
// Paragraph rules are those of paragraphs.ts (sentence-final punctuation on a noticeably short
// line; an indented start after a full line; CJK joins without a space, Latin with one, hyphens
// decided by hyphenEvidence/keepHyphen, all by joinKind, which reads the paragraph's script: the
// hard-wrap edit, the rewrite and the export ask it alike). On top of them, on the article model:
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
import { numberLineInSentence, pageTaken, type Taken } from './articles/roles';
import { markersOfArticle, type Article, type PageAnalysis } from './articles/model';
import { abbreviationBefore, cellWidth, isMixedGap, codePointAt, endsSentence, isAsciiLetter, isCjkGlyph, isBlankUnit, isClosing, isSentenceEnd, isSpaceOrTab, CLASS, CC_CELL2, CC_JS_SPACE, CC_SCRIPT_CJK, CC_SCRIPT_LATIN } from './chars';
import { CLEAN_UNITS, MAX_OFFSET, type Cleaner } from './clean';
import { EDIT_FIELDS, INSERTED, insertedIndex } from './editRows';
import { headEnd, Joiner, tailStart } from './joiner';
import { cjkAtSeam, hyphenEvidenceIn, hyphenEvidenceOf, isCjkParagraph, isFunctionWord, joinKind, joinOnto, joinPair, joinWith, joinWithOnto, modeOfSorted, JOIN_CONCAT, JOIN_DEHYPHEN, JOIN_SPACE, type HyphenEvidence } from './paragraphs';
import { isAnnotationLine, isTextLine, LINE_BLANK, lineAt, lineText } from './lines';
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
  /**
   * The pieces of the page's articles, PIECE_FIELDS ints each (see P_LINE and the rest): article
   * k's note lines' pieces, then its body lines', for k in analysis.articles order. Numbers in a
   * typed array, not a Piece object per line: the rules need only their measures, and 200,000
   * short-lived Piece objects per 10 MB were 30% of the stage's allocation.
   */
  table: Int32Array;
  /** Run r of the table (r = 2k: article k's note, 2k + 1: its body) is rows [runs[r], runs[r + 1]). */
  runs: Int32Array;
  /** isCjkText of each run's texts joined (1 or 0): what "noticeably shorter" means, and how its lines join. */
  cjkRuns: Uint8Array;
  /**
   * Index of each article in analysis.articles: made on first use by flowArticle (the rewrite's).
   * Present from the start (undefined), so that setting it does not change the context's shape.
   */
  indexOf: Map<Article, number> | undefined;
}

/** Ints per piece in FlowContext.table, and their offsets: its line, [start, end) in the dump, cellWidth of its text, endsSentence of its text (1 or 0). */
export const PIECE_FIELDS = 5;
export const P_LINE = 0;
export const P_START = 1;
export const P_END = 2;
export const P_WIDTH = 3;
export const P_FINAL = 4;

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

/**
 * columnOfSorted of the widths of rows [from, from + n) of a piece table (n >= 3), but not
 * supported when every line of its band ends a sentence: a column cuts lines wherever the column
 * ends, mostly inside a sentence, while paragraphs joined already (by the hard-wrap fix, Fix All,
 * `newsprint fix`) each end one, and a few of them may share a width by chance.
 */
function columnOfRows(t: Int32Array, from: number, n: number, skip?: Int32Array): { column: Column; sorted: Int32Array; count: number } {
  const sorted = sortWidths(t, from, n, skip);
  const count = skip ? countKept(skip, n) : n;
  const column = count >= 3 ? columnOfSorted(sorted, count) : { width: 0, supported: false };
  if (column.supported) {
    const lo = column.width - Math.max(2, 0.1 * column.width);
    let inBand = 0;
    let finals = 0;
    for (let k = from; k < from + n; k++) {
      if (skip && skip[k - from]) continue;
      const w = t[k * PIECE_FIELDS + P_WIDTH];
      if (w < lo || w > column.width) continue;
      inBand++;
      if (t[k * PIECE_FIELDS + P_FINAL]) finals++;
    }
    if (finals === inBand) column.supported = false;
  }
  return { column, sorted, count };
}

/** Rows of [0, n) that skip does not mark. */
function countKept(skip: Int32Array, n: number): number {
  let c = 0;
  for (let k = 0; k < n; k++) if (!skip[k]) c++;
  return c;
}

/** Scratch of flowContext: the [start, end) of a page's text lines. */
let SPANS = new Int32Array(512);

/** Scratch arrays of paragraphBounds (the analysis is synchronous: one user at a time). */
let SORTED = new Int32Array(256);
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

/**
 * The widths of rows [from, from + n) of a piece table, sorted ascending, in SORTED[0, n); of
 * those skip does not mark (skip[k - from] = 1: a table's or a poem's, see structuredRows) when given.
 */
function sortWidths(t: Int32Array, from: number, n: number, skip?: Int32Array): Int32Array {
  if (SORTED.length < n) SORTED = new Int32Array(Math.max(n, 2 * SORTED.length));
  let m = 0;
  for (let k = 0; k < n; k++) if (!skip || !skip[k]) SORTED[m++] = t[(from + k) * PIECE_FIELDS + P_WIDTH];
  sortPrefix(SORTED, m);
  return SORTED;
}

/**
 * Where the paragraphs of a run of pieces (an article's note or body: rows [from, to) of a piece
 * table) start, as flowLines groups them: returns starts s with s[0] = from, s[count] = to,
 * paragraph j being rows [s[j], s[j + 1]). The array is scratch space, valid until the next call.
 * `single` is set when every piece is its own paragraph because there is no column to join to (or
 * the page is rewritten), where flowLines keeps each piece's text as it is. `cjk`: isCjkText of
 * the run's texts.
 */
function paragraphBounds(ctx: FlowContext, t: Int32Array, from: number, to: number, cjk: boolean): { starts: Int32Array; count: number; single: boolean } {
  const n = to - from;
  if (BOUNDS.length < n + 1) BOUNDS = new Int32Array(Math.max(n + 1, 2 * BOUNDS.length));
  const starts = BOUNDS;
  let column = 0;
  let sorted: Int32Array | undefined;
  let kept = n; // the rows that measure the column: all but a table's or a poem's
  // A table's rows and a poem's lines (see structuredRows) are paragraphs of their own.
  const skip = cjk && !ctx.rewritten && n > 1 && structuredRows(ctx.dump, t, from, to) ? SHAPES : undefined;
  if (!ctx.rewritten && n > 0) {
    if (n >= 3) {
      const own = columnOfRows(t, from, n, skip);
      kept = own.count;
      if (kept >= 3) sorted = own.sorted;
      if (own.column.supported) column = own.column.width;
    }
    if (column === 0 && ctx.column.supported) column = ctx.column.width;
  }
  // No column to measure lines by: on a rewritten page, or in Latin text (lines of every width),
  // nothing is hard-wrapped. In CJK a paragraph ends on a sentence end, so a line that ends none,
  // cut between two CJK characters, was cut by the layout (…推动经济运 / 行持续回升向好。): a page of
  // few lines (a short part on page 2, two lines of a column) is joined by sentences, as the export
  // always joined it. Lines that are whole paragraphs each end a sentence and stay apart, so a
  // second pass joins nothing.
  const bySentence = column === 0 && cjk && !ctx.rewritten && n > 1;
  if (column === 0 && !bySentence) {
    for (let k = 0; k <= n; k++) starts[k] = from + k;
    return { starts, count: n, single: true };
  }
  const F = PIECE_FIELDS;
  // The column estimate (the mode of the widths) and "noticeably shorter" of paragraphs.ts; by
  // sentences, every line is "short" (a sentence end ends the paragraph) and none overlong.
  const width = bySentence ? 0 : sorted ? modeOfSorted(sorted, kept) : Math.max(column, t[from * F + P_WIDTH], n > 1 ? t[(from + 1) * F + P_WIDTH] : 0, 0);
  const shortLimit = bySentence ? Infinity : width - 4;
  const shortLatin = width * 0.85;
  const overlong = bySentence ? Infinity : 1.6 * column + 4; // a paragraph joined already: never joined to a neighbour
  const dump = ctx.dump;
  let count = 0;
  starts[count++] = from;
  for (let i = from; i < to; i++) {
    const o = i * F;
    if (i > from && starts[count - 1] !== i) {
      const prevLine = t[o - F + P_LINE];
      const curLine = t[o + P_LINE];
      let brk = prevLine === curLine || (skip !== undefined && (skip[i - from] === 1 || skip[i - 1 - from] === 1)); // two pieces of one line: something was cut out between them; a table row or a verse
      if (!brk) {
        const gap = gapKind(dump, prevLine, curLine);
        brk = gap === GAP_OTHER || (gap === GAP_BLANK && !ctx.ds) || t[o - F + P_WIDTH] > overlong || t[o + P_WIDTH] > overlong;
      }
      if (brk) starts[count++] = i;
    }
    if (t[o + P_FINAL] && i + 1 < to) {
      const w = t[o + P_WIDTH];
      const wn = t[o + F + P_WIDTH];
      const short = cjk ? w <= shortLimit : w < shortLatin;
      const nextShort = cjk ? wn <= shortLimit : wn < shortLatin;
      if (short || (nextShort && (!t[o + F + P_FINAL] || (!cjk && capsLine(dump.text, t[o + F + P_START], t[o + F + P_END]))))) starts[count++] = i + 1;
    } else if (bySentence && i + 1 < to && !cjkSeam(dump.text, t[o + P_END] - 1, t[o + F + P_START]) && !numberSeam(dump.text, t, o, F)) starts[count++] = i + 1;
  }
  starts[count] = to;
  return { starts, count, single: false };
}

/**
 * The piece at row offset o of t or the next one is a number alone inside a sentence
 * (`…主场以` / `3` / `比2战胜…`: roles.numberLineInSentence): joining by sentences, it joins
 * both ways, as a seam between two CJK characters does.
 */
function numberSeam(text: string, t: Int32Array, o: number, F: number): boolean {
  return numberLineInSentence(text, t[o + P_START], t[o + P_END]) || numberLineInSentence(text, t[o + F + P_START], t[o + F + P_END]);
}

/**
 * text[a, b) is in capitals (four letters or more, none in lower case): a crosshead after a
 * paragraph's last line (`…made us a great nation.` / `THE BEGINNINGS OF EXPANSION.`) is a
 * paragraph of its own, not the paragraph's short last line.
 */
function capsLine(text: string, a: number, b: number): boolean {
  let upper = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
  }
  return upper >= 4;
}

/**
 * Are the units at `a` (a line's last) and `b` (the next line's first) both CJK (glyphs or CJK
 * punctuation)? Joining by sentences, with no column to tell a cut line, asks it: a cut between two
 * CJK characters is the layout's; Latin, digits or other scripts at a seam are left apart.
 */
function cjkSeam(text: string, a: number, b: number): boolean {
  return cjkUnit(text, a, true) && cjkUnit(text, b, false);
}

/**
 * Is the character at unit i CJK? `last`: i is a character's last unit, so a low surrogate is read
 * with the high one before it (an Ext-B glyph such as 𠮷, common in names, ends a line as two units).
 */
function cjkUnit(text: string, i: number, last: boolean): boolean {
  const u = text.charCodeAt(i);
  if (u < 0xd800 || u > 0xdfff) return (CLASS[u] & CC_SCRIPT_CJK) !== 0;
  const cp = codePointAt(text, last && u >= 0xdc00 && i > 0 ? i - 1 : i);
  return cp > 0xffff && isCjkGlyph(cp);
}

/**
 * Lines that are no wrapped prose (see structuredRows): a table row and a verse line. A verse
 * line's glyph count is shape >> SHAPE_COUNT; SHAPE_PUNCT says it ends in ，。！？； (its only mark).
 */
const SHAPE_ROW = 1;
const SHAPE_VERSE = 2;
const SHAPE_PUNCT = 4;
const SHAPE_COUNT = 4;
/** A row that is one alone: its cells apart by a wide gap, or its last a measure (`6~15℃`, `45%`). */
const SHAPE_STRONG = 8;
/** The most glyphs of a verse line: a classical verse has 4, 5 or 7; a column line is longer. */
const VERSE_MAX = 8;

/** A mark of prose: ，。、；：？！…; a line holding one before its end is no verse or table row. */
function isProseMark(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff1f || c === 0xff01 || c === 0x2026;
}

/** A prose mark a verse line may end in: ，。；？！ (not 、：…). */
function endsVerse(c: number): boolean {
  return c !== 0x3001 && c !== 0xff1a && c !== 0x2026;
}

/**
 * The shape of a piece, text[from, to) (trimmed), read in the dump's text:
 * - SHAPE_ROW: a table row or a list of cells: CJK glyphs in two cells or more (split by spaces),
 *   not every cell one glyph (that is letter-spacing), no CJK mark of prose (，。、；：？！…), and
 *   its cells apart by a gap of two spaces or more (`姓 名  李丽丽`) or three cells or more
 *   (`王 丽 女 1980.05 市商务局副局长`, `名次 球队 场次 积分`, `城市 天气 气温`), or two whose
 *   last starts with a digit or a signed one (`1 成都蓉城 2 6`); SHAPE_STRONG when its cells are
 *   apart by a wide gap or its last is a measure (a range or a unit sign: `北京 晴 2~14℃`,
 *   `600519 贵州茅台 1688.00 +3.21%`).
 *   A single space between a CJK glyph and a digit or a Latin letter (`于 8 月 26 日`,
 *   `增长 6.5`, `全市 GDP 增长`: mixed-script-spacing's extraction gap, see chars.isMixedGap) parts no
 *   cells: the cells are what the other gaps part (`王 丽 女 1980.05 市商务局副局长` has three,
 *   the last `女 1980.05 市商务局副局长`; `1 成都蓉城 2 6` two, `1 成都蓉城 2` and `6`), though a
 *   measure may sit after such a gap (`北京 晴 2~14℃`: two cells, the last ending in a measure);
 * - SHAPE_VERSE: 2 to VERSE_MAX CJK glyphs and nothing else, letter-spaced or not (`床 前 明 月 光`,
 *   `疑是地上霜`), maybe ending in one of ，。！？； (then SHAPE_PUNCT) after four glyphs or more;
 * - 0: anything else (prose).
 * One line alone proves little (a prose line spaced around a number has cells too): structuredRows
 * asks for two such lines in a row, or one SHAPE_STRONG row.
 */
function lineShape(text: string, from: number, to: number): number {
  // Most lines are prose: a mark of prose before the end, or no space and too long for a verse,
  // tells at once (one compare or two a unit, before the full read below).
  let spaced = false;
  for (let i = from; i < to && !spaced; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0x3000) spaced = true;
    else if (isProseMark(c) && (i + 1 < to || !endsVerse(c))) return 0;
  }
  if (!spaced && to - from > 2 * VERSE_MAX + 1) return 0;
  let tokens = 0; // split by any space
  let cells = 0; // split by the spaces that are no mixed-script gap (isMixedGap)
  let singles = 0; // tokens of one CJK glyph
  let glyphs = 0;
  let cellGlyphs = 0;
  let cellUnits = 0;
  let gap = 0;
  let wideGap = false;
  let other = false; // a character that is no CJK glyph (a digit, a letter, a sign)
  let punct = false;
  let digitCell = false; // the token being read starts with a digit…
  let digitFirst = false; // …the cell being read does
  let measure = false; // … and has a range or a unit sign (~ ℃ ° %)
  let prev = 0; // the code point before the gap
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0x3000) {
      gap += c === 32 ? 1 : 2;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? codePointAt(text, i) : c;
    if (i === from || gap > 0) {
      if (tokens > 0 && cellGlyphs === 1 && cellUnits === 1) singles++; // the token before: one glyph
      if (gap >= 2) wideGap = true;
      digitCell = (c >= 48 && c <= 57) || ((c === 43 || c === 45 || c === 0x2212) && i + 1 < to && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57); // `6.5`, `+3.21%`, `-0.45%`
      if (tokens === 0 || gap >= 2 || !isMixedGap(prev, cp)) {
        cells++;
        digitFirst = digitCell;
      }
      tokens++;
      cellGlyphs = 0;
      cellUnits = 0;
      gap = 0;
      measure = false;
    }
    if (cp > 0xffff) i++;
    prev = cp;
    cellUnits++;
    if (digitCell && (cp === 0x7e || cp === 0xff5e || cp === 0x2103 || cp === 0xb0 || cp === 0x25 || cp === 0xff05)) measure = true;
    if (isCjkGlyph(cp)) {
      glyphs++;
      cellGlyphs++;
    } else if (isProseMark(cp)) {
      // A mark of prose: only a verse line's last character may be one.
      if (i + 1 < to || !endsVerse(cp)) return 0;
      punct = true;
    } else other = true;
  }
  if (tokens > 0 && cellGlyphs === 1 && cellUnits === 1) singles++;
  if (!other && glyphs >= 2 && glyphs <= VERSE_MAX && (tokens === 1 || singles === tokens) && (!punct || glyphs >= 4)) {
    return SHAPE_VERSE | (punct ? SHAPE_PUNCT : 0) | (glyphs << SHAPE_COUNT);
  }
  if (punct || glyphs === 0 || cells < 2 || singles === tokens) return 0;
  if (wideGap || (digitCell && measure)) return SHAPE_ROW | SHAPE_STRONG;
  return cells >= 3 || digitFirst ? SHAPE_ROW : 0;
}

/** Scratch of structuredRows: the shape of each row, then whether it is structured (1) or not (0). */
let SHAPES = new Int32Array(256);

/**
 * Marks the rows [from, to) of a CJK run (SHAPES[k - from] = 1) that are lines of a table or of a
 * poem, not of a wrapped paragraph: two lines or more in a row (nothing but blank lines between)
 * of SHAPE_ROW (or one SHAPE_STRONG), or of SHAPE_VERSE where those ending in a mark (，。) are
 * two or more of one length (a poem's regular lines), or one, the last of three lines or more,
 * or none. Each is a paragraph of its own: the hard-wrap
 * rule does not join them, nor do the rewrite and the export (a table's rows run together read
 * `…副局长李明男1978.11…`, a poem's verses `床前明月光疑是地上霜`), and their widths are no column's.
 * Returns whether any is.
 */
function structuredRows(dump: PageDump, t: Int32Array, from: number, to: number): boolean {
  const n = to - from;
  if (SHAPES.length < n) SHAPES = new Int32Array(Math.max(n, 2 * SHAPES.length));
  const shapes = SHAPES;
  const F = PIECE_FIELDS;
  let any = false;
  for (let k = 0; k < n; k++) {
    const o = (from + k) * F;
    shapes[k] = lineShape(dump.text, t[o + P_START], t[o + P_END]);
    if (shapes[k] !== 0) any = true;
  }
  if (!any) return false;
  any = false;
  for (let k = 0; k < n; ) {
    const kind = shapes[k] & (SHAPE_ROW | SHAPE_VERSE);
    if (kind === 0) {
      k++;
      continue;
    }
    // The block of lines of one kind from k, each next to the one before.
    let e = k + 1;
    while (e < n && (shapes[e] & (SHAPE_ROW | SHAPE_VERSE)) === kind && t[(from + e) * F + P_LINE] !== t[(from + e - 1) * F + P_LINE] && gapKind(dump, t[(from + e - 1) * F + P_LINE], t[(from + e) * F + P_LINE]) !== GAP_OTHER) e++;
    // One row alone is one only when it is a sure one (SHAPE_STRONG) and does not go on with a
    // sentence the line above left open (`…工业增加值增长` / `较快  高技术制造业…`: a wide gap in
    // prose).
    let ok = e - k >= 2 || ((shapes[k] & SHAPE_STRONG) !== 0 && !(k > 0 && runsOn(dump, t, from + k - 1, from + k)));
    if (ok && kind === SHAPE_VERSE) {
      let marked = 0;
      let count = -1;
      for (let q = k; q < e && ok; q++) {
        if (!(shapes[q] & SHAPE_PUNCT)) continue;
        marked++;
        const c = shapes[q] >> SHAPE_COUNT;
        if (count >= 0 && c !== count) ok = false;
        count = c;
      }
      // One line with a mark: a poem's last (`低头思故乡。`) under three lines or more, else
      // the end of a sentence cut short (`推动经济运` / `行持续回升向好。`).
      if (marked === 1 && e - k < 3) ok = false;
    }
    for (let q = k; q < e; q++) shapes[q] = ok ? 1 : 0;
    if (ok) any = true;
    k = e;
  }
  return any;
}

/**
 * Does piece a (of a piece table t) run on into piece b, the next: b on a line of its own right
 * under a's (nothing but blank lines between), a a line of prose (lineShape 0) whose last character
 * is a CJK glyph, so that its sentence goes on into b?
 */
function runsOn(dump: PageDump, t: Int32Array, a: number, b: number): boolean {
  const F = PIECE_FIELDS;
  const oa = a * F;
  const ob = b * F;
  if (t[oa + P_LINE] === t[ob + P_LINE] || gapKind(dump, t[oa + P_LINE], t[ob + P_LINE]) === GAP_OTHER) return false;
  const text = dump.text;
  let end = t[oa + P_END];
  while (end > t[oa + P_START] && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (end === t[oa + P_START]) return false;
  const u = text.charCodeAt(end - 1);
  const last = (u & 0xfc00) === 0xdc00 && end - 2 >= t[oa + P_START] ? codePointAt(text, end - 2) : u;
  return isCjkGlyph(last) && lineShape(text, t[oa + P_START], t[oa + P_END]) === 0;
}

/** hyphenEvidenceIn of the page's text lines, read in the dump's text. */
function pageEvidence(dump: PageDump, p: number): HyphenEvidence {
  const page = dump.pages[p];
  const lines = dump.lines;
  let n = 0;
  if (SPANS.length < 2 * (page.lastLine - page.firstLine + 1)) SPANS = new Int32Array(2 * (page.lastLine - page.firstLine + 1));
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    if (!isTextLine(lines, i)) continue;
    SPANS[2 * n] = lines.start[i];
    SPANS[2 * n + 1] = lines.end[i];
    n++;
  }
  const evidence = hyphenEvidenceIn(dump.text, SPANS, n, true);
  if (SPANS.length > 1 << 16) SPANS = new Int32Array(512); // keep no huge buffer
  return evidence;
}

/** Most rounds of joinedEvidence (a page settles in one or two). */
const EVIDENCE_ROUNDS = 4;

/**
 * The page's hyphen evidence as the page reads with every paragraph that the hard-wrap rule joins
 * joined (Fix All's text), whichever of them are joined already: the same for the page as dumped,
 * for the page after Fix All, and at every click of "Join paragraph" in between, so that a word
 * cut at a line end joins the same however the paragraphs were joined. Read from the lines as
 * they are, it changed with each join: a joined paragraph's line ends are inside its line, words
 * at them (`because` at a line's start) became words inside a line, and a cut joined with a
 * space (`rail "roads.`) made its fragments words, so `be` / `cause` joined after that paragraph
 * was and not in Fix All, and `rail` / `roads` the other way round.
 *
 * The joins depend on the evidence, so it is the evidence of the page joined by its own
 * decisions: the lines' evidence (pageEvidence) decides the joins, the page joined so gives the
 * next evidence, until the joins no longer change (EVIDENCE_ROUNDS at most). Linear: each round
 * reads the page's text once, and only the joined paragraphs' lines are built as strings.
 */
function joinedEvidence(ctx: FlowContext): HyphenEvidence {
  const seams = pageSeams(ctx);
  if (seams.length === 0) return pageEvidence(ctx.dump, ctx.analysis.page);
  let rows = seamEdits(ctx, seams, undefined);
  let ev: HyphenEvidence | undefined;
  for (let round = 0; round < EVIDENCE_ROUNDS; round++) {
    ev = joinedPageEvidence(ctx, rows);
    const next = seamEdits(ctx, seams, ev);
    if (sameInts(next, rows)) break;
    rows = next;
  }
  return ev!;
}

/** Ints per seam of pageSeams: the left piece's [start, end), the right one's, and whether their paragraph is CJK. */
const SEAM_FIELDS = 5;

/** The seams of the paragraphs the hard-wrap rule joins (see joinedParagraphs), SEAM_FIELDS ints each. */
function pageSeams(ctx: FlowContext): Int32Array {
  const out: number[] = [];
  const t = ctx.table;
  const F = PIECE_FIELDS;
  // joinedParagraphs' bounds are scratch (BOUNDS): this may run inside a caller's loop over them.
  const bounds = BOUNDS;
  BOUNDS = new Int32Array(Math.min(bounds.length, 1024));
  try {
    joinedParagraphs(ctx, (first, end, cjk) => {
      for (let k = first; k + 1 < end; k++) out.push(t[k * F + P_START], t[k * F + P_END], t[(k + 1) * F + P_START], t[(k + 1) * F + P_END], cjk ? 1 : 0);
    });
  } finally {
    BOUNDS = bounds;
  }
  return Int32Array.from(out);
}

/** The join edit of each seam (see joinEditInto) with evidence `ev`, as edit rows. */
function seamEdits(ctx: FlowContext, seams: Int32Array, ev: HyphenEvidence | undefined): Int32Array {
  const n = seams.length / SEAM_FIELDS;
  const rows = new Int32Array(EDIT_FIELDS * n);
  for (let s = 0; s < n; s++) {
    const o = s * SEAM_FIELDS;
    joinEditWith(ctx, seams[o], seams[o + 1], seams[o + 2], seams[o + 3], rows, s * EDIT_FIELDS, seams[o + 4] === 1, ev);
  }
  return rows;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * hyphenEvidence of the page's text lines with the join edits `rows` applied: a line no edit
 * touches is read where it is, the lines an edit joins are built as one.
 */
function joinedPageEvidence(ctx: FlowContext, rows: Int32Array): HyphenEvidence {
  const dump = ctx.dump;
  const text = dump.text;
  const lines = dump.lines;
  const page = dump.pages[ctx.analysis.page];
  // The edits in text order (the page's articles need not be).
  const m = rows.length / EDIT_FIELDS;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => rows[a * EDIT_FIELDS] - rows[b * EDIT_FIELDS]);
  const joined: string[] = [];
  const spans: number[] = [];
  let e = 0;
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    if (!isTextLine(lines, i)) continue;
    let pos = lines.start[i];
    while (e < m && rows[order[e] * EDIT_FIELDS] < pos) e++;
    if (e === m || rows[order[e] * EDIT_FIELDS] > lines.end[i]) {
      spans.push(-1, pos, lines.end[i]); // untouched: read in place
      continue;
    }
    // A line that an edit joins to the next: the joined line, up to the end of the last line joined.
    let line = i;
    let out = '';
    while (e < m && rows[order[e] * EDIT_FIELDS] <= lines.end[line]) {
      const o = order[e++] * EDIT_FIELDS;
      out += text.slice(pos, rows[o]) + INSERTED[rows[o + 2]];
      pos = rows[o + 1];
      while (lines.end[line] < pos) line++;
    }
    out += text.slice(pos, lines.end[line]);
    spans.push(joined.length, 0, out.length);
    joined.push(out);
    i = line;
  }
  return hyphenEvidenceOf(text, joined, Int32Array.from(spans));
}

/** The evidence `make` makes, made when one of its sets is first asked for. */
function lazyEvidence(make: () => HyphenEvidence): HyphenEvidence {
  let ev: HyphenEvidence | undefined;
  const read = () => (ev ??= make());
  return {
    get hyphenated() {
      return read().hyphenated;
    },
    get words() {
      return read().words;
    },
    get interior() {
      return read().interior;
    },
    get repeated() {
      return read().repeated;
    },
  };
}

export function flowContext(dump: PageDump, analysis: PageAnalysis, clean: Cleaner): FlowContext {
  const page = dump.pages[analysis.page];
  const lines = dump.lines;
  // A marker line holds REWRITE_MARKER: look for it in the page's text (a native search) before
  // looking at every line of the page.
  const marker = markerFrom(dump, page.start);
  const markerOnPage = marker >= 0 && marker + REWRITE_MARKER.length <= page.end;
  let rewritten = false;
  if (markerOnPage) for (let i = page.firstLine; i <= page.lastLine && !rewritten; i++) if (isAnnotationLine(lines, i) && isMarkerLine(lineAt(dump, i))) rewritten = true;
  // Hyphen evidence from the page itself (so a page analyses the same alone or in a file), as its
  // paragraphs joined would show it (see joinedEvidence), read when first asked for: on a Latin
  // page by the first join, on a CJK page only by a Latin word cut at a line end (see
  // latinWordInCjk), which joins only when the page has the joined word.
  const articles = analysis.articles;
  const runs = new Int32Array(2 * articles.length + 1);
  const cjkRuns = new Uint8Array(2 * articles.length);
  const ctx: FlowContext = { dump, analysis, clean, evidence: undefined, rewritten, ds: stateOf(analysis)?.ds ?? false, column: { width: 0, supported: false }, table: EMPTY_TABLE, runs, cjkRuns, indexOf: undefined };
  ctx.evidence = lazyEvidence(() => joinedEvidence(ctx));
  // Every article's pieces into the scratch rows, then copied out once.
  const taken = pageTaken(dump, page.firstLine);
  rowCount = 0;
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k];
    const cuts = cutsOf(ctx, a);
    runs[2 * k] = rowCount;
    startRun();
    measureRows(ctx, a.editorsNote, cuts, taken);
    cjkRuns[2 * k] = runCjk >= runLatin ? 1 : 0;
    runs[2 * k + 1] = rowCount;
    startRun();
    measureRows(ctx, a.body, cuts, taken);
    cjkRuns[2 * k + 1] = runCjk >= runLatin ? 1 : 0;
  }
  const total = rowCount;
  runs[2 * articles.length] = total;
  const table = (ctx.table = tableOf(total * PIECE_FIELDS));
  if (total < 3) {
    let width = 0;
    for (let k = 0; k < total; k++) width = Math.max(width, table[k * PIECE_FIELDS + P_WIDTH]);
    ctx.column = { width, supported: false };
  } else ctx.column = columnOfRows(table, 0, total).column;
  return ctx;
}

const EMPTY_TABLE = new Int32Array(0);

/**
 * ROWS[0, n) as a table of its own: handed out as it is, the scratch rows going on in the rest of
 * their chunk (or a new chunk when little is left). A copy per page (a slice) was a new
 * ArrayBuffer per page, each costly to make and to collect, and a copy of every row; a view of
 * a shared chunk is a small object. A chunk lives while a table in it does.
 */
function tableOf(n: number): Int32Array {
  if (n === 0) return EMPTY_TABLE;
  const table = ROWS.subarray(0, n);
  ROWS = ROWS.length - n >= MIN_ROWS ? ROWS.subarray(n) : new Int32Array(ROWS_CHUNK);
  return table;
}

/**
 * Per dump, the last search for REWRITE_MARKER: from `from`, found at `at` (-1: none after).
 * Pages are analysed in text order, so one search answers every page up to the next marker; a
 * slice and search of each page's text cost as much as measuring its lines.
 */
const MARKER_SEARCH = new WeakMap<PageDump, { from: number; at: number }>();

/**
 * Whether the page carries the rewrite's marker line: a page the rewrite wrote. A native search
 * first (shared by the pages of a dump, see markerFrom), the lines only when it is on the page.
 */
export function isRewrittenPage(dump: PageDump, page: { start: number; end: number; firstLine: number; lastLine: number }): boolean {
  const marker = markerFrom(dump, page.start);
  if (marker < 0 || marker + REWRITE_MARKER.length > page.end) return false;
  for (let i = page.firstLine; i <= page.lastLine; i++) if (isAnnotationLine(dump.lines, i) && isMarkerLine(lineAt(dump, i))) return true;
  return false;
}

/** Where the first REWRITE_MARKER at or after `from` starts in the dump's text, or -1. */
function markerFrom(dump: PageDump, from: number): number {
  let m = MARKER_SEARCH.get(dump);
  if (m === undefined || from < m.from || (m.at >= 0 && m.at < from)) {
    m = { from, at: dump.text.indexOf(REWRITE_MARKER, from) };
    MARKER_SEARCH.set(dump, m);
  }
  return m.at;
}

/** Ints of a new chunk of scratch rows (see tableOf), and the fewest left to go on in one. */
const ROWS_CHUNK = 1 << 16;
const MIN_ROWS = PIECE_FIELDS * 1024;

/**
 * Scratch rows of the pieces being collected, PIECE_FIELDS ints each (as in FlowContext.table),
 * and their texts: rows [0, rowCount). flowContext takes them as its table (see tableOf); the
 * Piece objects of linePieces and the rewrite are made from them.
 */
let ROWS = new Int32Array(ROWS_CHUNK);
const TEXTS: string[] = [];
let rowCount = 0;

/**
 * isCjkText of the texts of the run of rows being collected, joined, counted as they come: the
 * UTF-16 units read (it reads the first 200), the CJK and the Latin ones among them.
 */
let runSeen = 0;
let runCjk = 0;
let runLatin = 0;

function startRun(): void {
  runSeen = 0;
  runCjk = 0;
  runLatin = 0;
}

/** Counts the units of s[from, to) into the run's (up to 200 in all). */
function countScripts(s: string, from: number, to: number): void {
  const stop = Math.min(to, from + (200 - runSeen));
  for (let i = from; i < stop; i++) countUnit(CLASS[s.charCodeAt(i)]);
  if (stop > from) runSeen += stop - from;
}

/** Counts a unit of class f into the run's script counts. */
function countUnit(f: number): void {
  if (f & CC_SCRIPT_CJK) runCjk++;
  else if (f & CC_SCRIPT_LATIN) runLatin++;
}

/** Appends a piece (text non-empty, its clean text trimmed; width = cellWidth(text)) to the scratch rows. */
function pushRow(line: number, start: number, end: number, text: string, width: number): void {
  addRow(line, start, end, width, endsSentence(text), text);
  if (runSeen < 200) countScripts(text, 0, text.length);
}

/** Appends a row to ROWS (grown when full), and its text to TEXTS ('' when no one reads it). */
function addRow(line: number, start: number, end: number, width: number, final: boolean, text: string): void {
  const o = rowCount * PIECE_FIELDS;
  if (o + PIECE_FIELDS > ROWS.length) {
    const grown = new Int32Array(2 * ROWS.length);
    grown.set(ROWS);
    ROWS = grown;
  }
  const rows = ROWS;
  rows[o + P_LINE] = line;
  rows[o + P_START] = start;
  rows[o + P_END] = end;
  rows[o + P_WIDTH] = width;
  rows[o + P_FINAL] = final ? 1 : 0;
  TEXTS[rowCount++] = text;
}

/**
 * pushRow of a piece whose text is s[from, to) (trimmed, non-empty), measured there: cellWidth,
 * the run's script counts (see countScripts) and endsSentence in one pass. `text` is its string,
 * if the caller has it (TEXTS keeps it for piecesOfRows; a measure needs none).
 */
function pushRowIn(s: string, from: number, to: number, line: number, start: number, end: number, text: string): void {
  const lim = from + (200 - runSeen); // units counted for the run's script: those before lim
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const f = CLASS[c];
    if (i < lim) countUnit(f);
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 2;
      i++;
      if (i < lim && i < to) countUnit(CLASS[s.charCodeAt(i)]);
    } else w += f & CC_CELL2 ? 2 : 1;
  }
  runSeen = Math.min(200, runSeen + (to - from));
  // endsSentence: no trailing space to skip (the text is trimmed).
  let i = to;
  while (i > from && isClosing(s.charCodeAt(i - 1))) i--;
  const c = i > from ? s.charCodeAt(i - 1) : 0;
  addRow(line, start, end, w, c !== 0 && isSentenceEnd(c) && !(c === 46 && abbreviationBefore((k) => s.charCodeAt(k), from, i - 1)), text);
}

/** pushRowIn of units u[from, to) (the clean text of a line, from Cleaner.units). */
function pushRowUnits(u: Readonly<Uint16Array>, from: number, to: number, line: number, start: number, end: number): void {
  const lim = from + (200 - runSeen);
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = u[i];
    const f = CLASS[c];
    if (i < lim) countUnit(f);
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 2;
      i++;
      if (i < lim && i < to) countUnit(CLASS[u[i]]);
    } else w += f & CC_CELL2 ? 2 : 1;
  }
  runSeen = Math.min(200, runSeen + (to - from));
  let i = to;
  while (i > from && isClosing(u[i - 1])) i--;
  const c = i > from ? u[i - 1] : 0;
  addRow(line, start, end, w, c !== 0 && isSentenceEnd(c) && !(c === 46 && abbreviationBefore((k) => u[k], from, i - 1)), '');
}

/** Piece objects of scratch rows [from, to). */
function piecesOfRows(from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (let i = from; i < to; i++) {
    const o = i * PIECE_FIELDS;
    out.push({ line: ROWS[o + P_LINE], start: ROWS[o + P_START], end: ROWS[o + P_END], text: TEXTS[i], width: ROWS[o + P_WIDTH] });
  }
  return out;
}

/** The pieces of the lines, in order (see linePieces). */
function collectPieces(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[]): Piece[] {
  rowCount = 0;
  collectRows(ctx, lines, cuts, true);
  return piecesOfRows(0, rowCount);
}

/**
 * collectRows of the lines without their texts (flowContext's measures): the common case, a whole
 * line with no cut on it, taken here with the columns read once; the rest by addLineRows. A line
 * no glyph fix edits is taken from the article detection's `measures` of it (see
 * roles.pageTaken) when this page is the one taken, not read again.
 */
function measureRows(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[], taken: Taken | undefined): void {
  const measures = taken?.measures;
  const first = taken !== undefined ? taken.first : 0;
  const { start: starts, end: ends } = ctx.dump.lines;
  const text = ctx.dump.text;
  const clean = ctx.clean;
  // The last Cleaner.nextEdit asked and its answer: lines come mostly in text order, and most
  // have no edit, so one answer covers the lines up to the next edit.
  let asked = MAX_OFFSET;
  let edit = 0;
  for (let k = 0; k < lines.length; k++) {
    const index = lines[k];
    const lineStart = starts[index];
    const lineEnd = ends[index];
    if (cuts.length > 0 && cutsSpan(cuts, lineStart, lineEnd)) {
      addLineRows(ctx, index, cuts, false);
      continue;
    }
    let a = lineStart;
    let b = lineEnd;
    while (a < b && isBlankUnit(text.charCodeAt(a))) a++;
    while (b > a && isBlankUnit(text.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    if (a < asked || edit < a) {
      asked = a;
      edit = clean.nextEdit(a);
    }
    // Unedited, and trim() cuts nothing more than isBlankUnit did: the piece is text[a, b) as it is.
    if (edit >= b && measures !== undefined && !(CLASS[text.charCodeAt(a)] & CC_JS_SPACE) && !(CLASS[text.charCodeAt(b - 1)] & CC_JS_SPACE)) {
      if (addMeasuredRow(measures, 3 * (index - first), text, index, lineStart, lineEnd, a, b)) continue;
    }
    if (a !== lineStart || b !== lineEnd) pieceRow(ctx, index, a, b);
    else addWholeLine(ctx, index, a, b, edit >= b, false);
  }
}

/**
 * pushRowIn of text[a, b), the line [lineStart, lineEnd) without its edge blank units, from the
 * line's measures (at m[o], see roles.Taken) less those of the blank units; false (nothing added)
 * when they cannot say: a high surrogate just before the cut paired with the first unit cut.
 */
function addMeasuredRow(m: Int32Array, o: number, text: string, index: number, lineStart: number, lineEnd: number, a: number, b: number): boolean {
  let cells = m[o];
  let cjk = m[o + 1];
  let latin = m[o + 2];
  if (a !== lineStart || b !== lineEnd) {
    if (b < lineEnd && (text.charCodeAt(b - 1) & 0xfc00) === 0xd800) return false;
    for (let i = lineStart; i < a; i++) {
      const f = CLASS[text.charCodeAt(i)];
      cells -= 1 + ((f & CC_CELL2) >> 7);
      cjk -= (f & CC_SCRIPT_CJK) >> 8;
      latin -= (f & CC_SCRIPT_LATIN) >> 9;
    }
    for (let i = b; i < lineEnd; i++) {
      const f = CLASS[text.charCodeAt(i)];
      cells -= 1 + ((f & CC_CELL2) >> 7);
      cjk -= (f & CC_SCRIPT_CJK) >> 8;
      latin -= (f & CC_SCRIPT_LATIN) >> 9;
    }
  }
  if (runSeen < 200) {
    // The run's script counts: the whole piece, or the units of it that make up the first 200.
    if (runSeen + (b - a) <= 200) {
      runCjk += cjk;
      runLatin += latin;
      runSeen += b - a;
    } else countScripts(text, a, b);
  }
  let i = b;
  while (i > a && isClosing(text.charCodeAt(i - 1))) i--;
  // No text: a measured row's is never read (piecesOfRows reads collectRows' rows).
  const c = i > a ? text.charCodeAt(i - 1) : 0;
  addRow(index, a, b, cells, c !== 0 && isSentenceEnd(c) && !(c === 46 && abbreviationBefore((k) => text.charCodeAt(k), a, i - 1)), '');
  return true;
}

/**
 * The piece of a whole line [a, b) (no blank unit at either end): its clean text, which is the
 * line's own text when no edit starts inside it (`unedited`). Then, unless trim() would cut more
 * than isBlankUnit did, it is measured in the dump's text (a flat string, faster to read unit by
 * unit than a slice of it), else in the cleaner's units; `texts`: keep its text (see addLineRows).
 */
function addWholeLine(ctx: FlowContext, index: number, a: number, b: number, unedited: boolean, texts: boolean): void {
  const text = ctx.dump.text;
  if (unedited && !isTrimmable(text.charCodeAt(a)) && !isTrimmable(text.charCodeAt(b - 1))) pushRowIn(text, a, b, index, a, b, texts ? lineText(ctx.dump, index) : '');
  else if (texts || !addCleanRow(ctx, index, a, b)) {
    const t = trimIfNeeded(ctx.clean.line(index));
    if (t) pushRow(index, a, b, t, cellWidth(t));
  }
}

/** Some cut overlaps [start, end). */
function cutsSpan(cuts: readonly Span[], start: number, end: number): boolean {
  for (let k = 0; k < cuts.length; k++) if (!(cuts[k].end <= start || cuts[k].start >= end)) return true;
  return false;
}

/** The pieces of the lines, in order, appended to the scratch rows. */
function collectRows(ctx: FlowContext, lines: readonly number[], cuts: readonly Span[], texts: boolean): void {
  for (let k = 0; k < lines.length; k++) addLineRows(ctx, lines[k], cuts, texts);
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
  rowCount = 0;
  addLineRows(ctx, index, cuts, true);
  return piecesOfRows(0, rowCount);
}

function pieceRow(ctx: FlowContext, index: number, start: number, end: number, widthFrom = start): void {
  const text = ctx.clean.span(start, end).trim();
  if (text) pushRow(index, start, end, text, cellWidth(widthFrom === start ? text : ctx.clean.span(widthFrom, end).trim()));
}

/** Could String.prototype.trim remove this UTF-16 unit? (A superset: every unit <= U+0020 counts.) */
const isTrimmable = (c: number) =>
  c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** text.trim(), without the call when both ends are plainly not whitespace (most lines). */
function trimIfNeeded(text: string): string {
  const n = text.length;
  return n === 0 || isTrimmable(text.charCodeAt(0)) || isTrimmable(text.charCodeAt(n - 1)) ? text.trim() : text;
}

/**
 * A whole line [start, end) measured in its clean units, trimmed (as trim() does), without
 * making its string: false when they do not fit Cleaner.units' buffer.
 */
function addCleanRow(ctx: FlowContext, index: number, start: number, end: number): boolean {
  const m = ctx.clean.units(start, end);
  if (m < 0) return false;
  const u = CLEAN_UNITS;
  let x = 0;
  let y = m;
  while (x < y && CLASS[u[x]] & CC_JS_SPACE) x++;
  while (y > x && CLASS[u[y - 1]] & CC_JS_SPACE) y--;
  if (x < y) pushRowUnits(u, x, y, index, start, end);
  return true;
}

/**
 * The pieces of a line (see linePieces), appended to the scratch rows; `texts`: keep their texts
 * in TEXTS (for piecesOfRows), else only their measures are needed.
 */
function addLineRows(ctx: FlowContext, index: number, cuts: readonly Span[], texts: boolean): void {
  const lineStart = ctx.dump.lines.start[index];
  const lineEnd = ctx.dump.lines.end[index];
  if (!cutsSpan(cuts, lineStart, lineEnd)) {
    // The common case (no dateline, sign-off or marker on the line): one piece at most, no span arrays.
    const text = ctx.dump.text;
    let a = lineStart;
    let b = lineEnd;
    while (a < b && isBlankUnit(text.charCodeAt(a))) a++;
    while (b > a && isBlankUnit(text.charCodeAt(b - 1))) b--;
    if (a < b) {
      // The whole line (most lines), else the part of it between blank units.
      if (a === lineStart && b === lineEnd) addWholeLine(ctx, index, a, b, ctx.clean.unedited(a, b), texts);
      else pieceRow(ctx, index, a, b);
    }
    return;
  }
  let segs: Span[] = [{ start: lineStart, end: lineEnd }];
  for (const c of cuts) {
    if (c.end <= lineStart || c.start >= lineEnd) continue;
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
  for (let k = 0; k < segs.length; k++) {
    const t = trimmed(ctx.dump.text, segs[k].start, segs[k].end);
    // The line's last piece, after a cut (a dateline, a marker opening the line): measured with
    // what was cut before it, as printed, so that a full line does not read as a paragraph's short end.
    if (t.start < t.end) pieceRow(ctx, index, t.start, t.end, k === segs.length - 1 && segs[k].end === lineEnd ? lineStart : t.start);
  }
}

/**
 * A continuation marker's text as printed, cleaned: one cut by a line end (roles.ts
 * joinCutMarkers: （下转第 / 二版）) without the line break and blank lines inside it.
 */
export function markerText(clean: Cleaner, s: Span): string {
  const t = clean.span(s.start, s.end).trim();
  return t.includes('\n') ? t.replace(/\s*\n\s*/g, '') : t;
}

/**
 * A dateline's text as printed, cleaned: one whose reporters' brackets wrap onto the next line
 * (detect.ts wrappedReporters) without the line break and the spaces around it. '' for none. So
 * for a sign-off, cut by a line end the same way (roles.ts joinCutSignoffs: （记者 / 赵六）).
 */
export function printedDateline(clean: Cleaner, s: Span | null): string {
  const t = s ? clean.span(s.start, s.end).trim() : '';
  return t.includes('\n') ? t.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '') : t;
}

/** Spans of an article that are emitted apart from its paragraphs. */
export function articleCuts(ctx: FlowContext, a: Article): Span[] {
  const cuts: Span[] = [];
  if (a.dateline) cuts.push(a.dateline);
  if (a.signoff) cuts.push(a.signoff);
  // Not a marker a `%% continued-…` directive gave: it is in no body line.
  for (const c of markersOfArticle(a)) if (!isAnnotationLine(ctx.dump.lines, c.line)) cuts.push(c.span);
  return cuts;
}

const NO_CUTS: readonly Span[] = [];

/** articleCuts, read only: no new array for an article without any (most). */
function cutsOf(ctx: FlowContext, a: Article): readonly Span[] {
  return a.dateline || a.signoff || a.continuation ? articleCuts(ctx, a) : NO_CUTS;
}

const GAP_NONE = 0;
const GAP_BLANK = 1;
const GAP_OTHER = 2;

/** What lies between two lines: nothing, only blank lines, or anything else. */
function gapKind(dump: PageDump, from: number, to: number): number {
  let kind = GAP_NONE;
  for (let i = from + 1; i < to; i++) {
    if (dump.lines.flags[i] !== LINE_BLANK) return GAP_OTHER; // text, or an annotation
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
  // The pieces as scratch rows, for paragraphBounds.
  rowCount = 0;
  startRun();
  for (const p of pieces) pushRow(p.line, p.start, p.end, p.text, p.width);
  const cjk = runCjk >= runLatin;
  return paragraphsOf(ctx, pieces, paragraphBounds(ctx, ROWS, 0, pieces.length, cjk), 0, withText, cjk);
}

/**
 * The paragraphs of the pieces, pieces[i] being row `from` + i of the bounds' table; `cjk`: their
 * run is written in CJK, for how their lines join (see joinKind).
 */
function paragraphsOf(ctx: FlowContext, pieces: readonly Piece[], bounds: { starts: Int32Array; count: number; single: boolean }, from: number, withText: boolean, cjk: boolean): FlowParagraph[] {
  const { starts, count, single } = bounds;
  const out: FlowParagraph[] = [];
  if (single) {
    for (const p of pieces) out.push({ pieces: [p], text: p.text });
    return out;
  }
  for (let j = 0; j < count; j++) {
    const ps = pieces.slice(starts[j] - from, starts[j + 1] - from);
    if (!withText) {
      out.push({ pieces: ps, text: '' });
      continue;
    }
    out.push({ pieces: ps, text: joinPieces(ps.map((x) => x.text), ctx.evidence, cjk).trim() });
  }
  return out;
}

/** articleIndex: the index of the article in ctx.analysis.articles, or -1. */
function articleIndex(ctx: FlowContext, a: Article): number {
  let index = ctx.indexOf;
  if (!index) {
    index = ctx.indexOf = new Map();
    const articles = ctx.analysis.articles;
    for (let k = 0; k < articles.length; k++) index.set(articles[k], k);
  }
  return index.get(a) ?? -1;
}

/** The paragraphs of run r of ctx.table (see FlowContext.runs), bounded from the rows flowContext measured. */
function flowRun(ctx: FlowContext, r: number, withText: boolean): FlowParagraph[] {
  const from = ctx.runs[r];
  const to = ctx.runs[r + 1];
  const pieces = piecesOfTable(ctx, from, to);
  const cjk = ctx.cjkRuns[r] === 1;
  return paragraphsOf(ctx, pieces, paragraphBounds(ctx, ctx.table, from, to, cjk), from, withText, cjk);
}

/** The pieces of an article's note and body lines (from flowContext's rows when it is an article of the page analysis). */
export function articlePieces(ctx: FlowContext, a: Article): ArticlePieces {
  const k = articleIndex(ctx, a);
  if (k < 0) {
    const cuts = articleCuts(ctx, a);
    const note = collectPieces(ctx, a.editorsNote, cuts);
    return { note, body: collectPieces(ctx, a.body, cuts) };
  }
  const runs = ctx.runs;
  return { note: piecesOfTable(ctx, runs[2 * k], runs[2 * k + 1]), body: piecesOfTable(ctx, runs[2 * k + 1], runs[2 * k + 2]) };
}

/**
 * Piece objects of rows [from, to) of ctx.table. A row's text is its clean text trimmed, as
 * addLineRows read it: the line's own (its text when it has no fix) for a whole line, else the
 * span's.
 */
function piecesOfTable(ctx: FlowContext, from: number, to: number): Piece[] {
  const t = ctx.table;
  const lines = ctx.dump.lines;
  const out: Piece[] = [];
  for (let i = from; i < to; i++) {
    const o = i * PIECE_FIELDS;
    const line = t[o + P_LINE];
    const start = t[o + P_START];
    const end = t[o + P_END];
    const text = start === lines.start[line] && end === lines.end[line] ? trimIfNeeded(ctx.clean.line(line)) : ctx.clean.span(start, end).trim();
    out.push({ line, start, end, text, width: t[o + P_WIDTH] });
  }
  return out;
}

/**
 * Calls `each(first, end, cjk)` for every paragraph of two or more pieces of the page's articles,
 * rows [first, end) of ctx.table, in order: what hard-wrap reports, without building the
 * paragraphs. `cjk`: its run is written in CJK, for how its lines join (joinEditInto).
 */
export function joinedParagraphs(ctx: FlowContext, each: (first: number, end: number, cjk: boolean) => void): void {
  const { table, runs, cjkRuns } = ctx;
  for (let r = 0; r + 1 < runs.length; r++) {
    if (runs[r + 1] - runs[r] < 2) continue; // no paragraph of two pieces
    const cjk = cjkRuns[r] === 1;
    const { starts, count, single } = paragraphBounds(ctx, table, runs[r], runs[r + 1], cjk);
    if (single) continue;
    for (let j = 0; j < count; j++) if (starts[j + 1] - starts[j] >= 2) each(starts[j], starts[j + 1], cjk);
  }
}

/**
 * joinPair, plus one more page-evidence rule for Latin OCR, which often drops the hyphen of a word
 * broken at the line end (`indepen` / `dent`): two letter fragments join without a space when the
 * page has the joined word elsewhere and they are not both words (see joinPieceKind). `cjk`: the
 * paragraph is written in CJK (by default, these two pieces are it).
 */
export function joinPiece(left: string, right: string, ev: HyphenEvidence | undefined, cjk = isCjkParagraph([left, right])): string {
  // Pieces with a space or tab at the seam never take the evidence join; joinPair strips them.
  return trimmedSeam(left, right) ? joinWith(left, right, joinPieceKind(left, right, ev, cjk)) : joinPair(left, right, ev, cjk);
}

/** The pieces joined one by one with joinPiece (in time linear in their length: see Joiner). */
export function joinPieces(texts: readonly string[], ev: HyphenEvidence | undefined, cjk = isCjkParagraph(texts)): string {
  const j = new Joiner();
  for (const t of texts) joinPieceOnto(j, t, ev, cjk);
  return j.toString();
}

/** joinPiece of the joiner's text and `right`, onto the joiner (see Joiner: it reads only the seam). */
function joinPieceOnto(j: Joiner, right: string, ev: HyphenEvidence | undefined, cjk: boolean): void {
  if (!j.empty && right.length > 0 && !isSpaceOrTab(j.lastUnit()) && !isSpaceOrTab(right.charCodeAt(0))) joinWithOnto(j, right, joinPieceKind(j.tail(), right, ev, cjk));
  else joinOnto(j, right, ev, cjk);
}

/** Both pieces non-empty, with no space or tab where they meet (what joinPieceKind requires). */
const trimmedSeam = (l: string, r: string) => l.length > 0 && r.length > 0 && !isSpaceOrTab(l.charCodeAt(l.length - 1)) && !isSpaceOrTab(r.charCodeAt(0));

/**
 * joinPiece's decision (see joinKind) for a non-empty `l` and `r` with no edge spaces or tabs. It
 * reads of them only what Joiner.tail keeps of `l` and headEnd of `r`.
 *
 * The evidence join is a guess (no hyphen says a word was broken), so it is made only when sure:
 * - the page has the joined word inside a line (owners, began, seaports, independent);
 * - each fragment has two letters or more: no typesetter leaves one letter at a line's end or
 *   start, so `a` / `cross` is the word `a` and the word `cross`, though the page has `across`;
 * - not both fragments are words, a word being one the page has inside a line twice or more (once
 *   may be a fragment that a joined line end put there: `.lay ing`, `lat- H ter`; see
 *   joinedEvidence) or an English function word (`in` / `to` are two words though the page has
 *   `into`; `the` / `tug`). One of them must be no word: `be` / `gan` joins, as `gan` is none;
 *   `own` / `ers` as `ers` is none.
 * A Latin paragraph only: a CJK one's Latin words are joinKind's (latinSeamInCjk).
 */
function joinPieceKind(l: string, r: string, ev: HyphenEvidence | undefined, cjk: boolean): number {
  if (ev && !cjk) {
    // The letters that end `l` and the lower-case ones that start `r`.
    let i = l.length;
    while (i > 0 && isAsciiLetter(l.charCodeAt(i - 1))) i--;
    let k = 0;
    while (k < r.length && r.charCodeAt(k) >= 97 && r.charCodeAt(k) <= 122) k++;
    if (l.length - i >= 2 && k >= 2) {
      // The joined word, the left fragment and the right one, asked of the table in place (no slices).
      if (ev.interior.hasParts(l, i, l.length, r, k)) {
        const words = ev.repeated;
        const leftWord = words.hasParts(l, i, l.length, r, 0) || isFunctionWord(l, i, l.length);
        const rightWord = words.hasParts(r, 0, k, r, 0) || isFunctionWord(r, 0, k);
        if (!(leftWord && rightWord)) return JOIN_CONCAT;
      }
    }
  }
  return joinKind(l, r, ev, cjk);
}

/** Paragraphs of an article; with `withText` false their `text` is left empty (see flowLines). */
export function flowArticle(ctx: FlowContext, a: Article, withText = true): ArticleFlow {
  const cuts = articleCuts(ctx, a);
  const k = articleIndex(ctx, a);
  if (k >= 0) return { note: flowRun(ctx, 2 * k, withText), body: flowRun(ctx, 2 * k + 1, withText), cuts };
  const { note, body } = articlePieces(ctx, a);
  return { note: flowPieces(ctx, note, withText), body: flowPieces(ctx, body, withText), cuts };
}

/**
 * The edit that joins the consecutive pieces [ls, le) and [rs, re) of a paragraph in the dump,
 * written as an edit row (see editRows.ts) at rows[o]: the line break, blank lines and edge spaces
 * between them become nothing (CJK), one space (Latin), and a hyphen of a rejoined word goes too.
 * Same decision as joinPiece (joinPieceKind), made on the raw text; `cjk`: the paragraph is written
 * in CJK (see joinedParagraphs).
 */
export function joinEditInto(ctx: FlowContext, ls: number, le: number, rs: number, re: number, rows: Int32Array, o: number, cjk: boolean): void {
  joinEditWith(ctx, ls, le, rs, re, rows, o, cjk, ctx.evidence);
}

/** joinEditInto with the evidence `ev`. */
function joinEditWith(ctx: FlowContext, ls: number, le: number, rs: number, re: number, rows: Int32Array, o: number, cjk: boolean, ev: HyphenEvidence | undefined): void {
  const text = ctx.dump.text;
  if (le > ls && re > rs && !isSpaceOrTab(text.charCodeAt(le - 1)) && !isSpaceOrTab(text.charCodeAt(rs))) {
    // The pieces are trimmed (as the page's pieces are), so the decision maps straight to the edit.
    const k = joinPieceKindIn(text, ls, le, rs, re, ev, cjk);
    rows[o] = k === JOIN_DEHYPHEN ? le - 1 : le;
    rows[o + 1] = rs;
    rows[o + 2] = insertedIndex(k === JOIN_SPACE ? ' ' : '');
    return;
  }
  const e = joinEditSlow(ctx, ls, le, rs, re, cjk, ev);
  rows[o] = e.start;
  rows[o + 1] = e.end;
  rows[o + 2] = insertedIndex(e.newText);
}

/**
 * joinPieceKind of text[ls, le) and text[rs, re) (non-empty, no space or tab at the seam), read in
 * place: a seam with CJK at it (most of a CJK page's) from its two code points, any other from the
 * units joinPieceKind reads (Joiner.tail's of the left piece, headEnd's of the right one), not
 * from the whole lines.
 */
function joinPieceKindIn(text: string, ls: number, le: number, rs: number, re: number, ev: HyphenEvidence | undefined, cjk: boolean): number {
  // The last code point of the left piece, the first of the right one, as joinKind reads them.
  const lc = text.charCodeAt(le - 1);
  const a = lc >= 0xdc00 && lc <= 0xdfff && le - 1 > ls ? codePointAt(text, le - 2) : lc;
  const b = re - rs > 1 ? codePointAt(text, rs) : text.charCodeAt(rs);
  if (cjkAtSeam(a, b)) return JOIN_CONCAT;
  return joinPieceKind(text.slice(tailStart(text, ls, le), le), text.slice(rs, headEnd(text, rs, re)), ev, cjk);
}

/** joinEditInto of pieces with a space or tab at the seam: joinPiece's text, compared. */
function joinEditSlow(ctx: FlowContext, ls: number, le: number, rs: number, re: number, cjk: boolean, ev: HyphenEvidence | undefined): { start: number; end: number; newText: string } {
  const text = ctx.dump.text;
  const l = text.slice(ls, le);
  const r = text.slice(rs, re);
  const joined = joinPiece(l, r, ev, cjk);
  if (joined === l + r) return { start: le, end: rs, newText: '' };
  if (joined === `${l} ${r}`) return { start: le, end: rs, newText: ' ' };
  if (joined === l.slice(0, -1) + r) return { start: le - 1, end: rs, newText: '' };
  return { start: le, end: rs, newText: ' ' };
}

export { joinPair };
