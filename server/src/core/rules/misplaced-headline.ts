// misplaced-headline: a headline, kicker or deck that the dump emitted away from its article
// (after the body, stacked over another article's byline, at the end of the page). The fix moves
// the heading blocks, in their order, to just before the article's first line, each followed by a
// blank line (the last by two on a double-spaced page, where one blank line is only the line
// spacing and a heading line as wide as the column would run on into the paragraph under it); the
// blank line after a moved block goes with it.
import { isTextLine, LINE_BLANK, lineNext } from '../lines';
import type { Edit, Finding, Fix, LineTable, PageDump, RelatedSpan } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import type { Article, PageAnalysis } from '../articles/model';
import { articleTitle, stateOf } from '../articles/detect';

/** Scratch marks of misplacedHeadline (one article at a time). */
let CLAIMED = new Uint8Array(256);
/** The heading blocks of the current article (reused). */
const BLOCKS: (readonly number[])[] = [];

/** The article's heading blocks (kicker, headline, decks) into BLOCKS by first line: how many. */
function headingBlocks(a: Article): number {
  let nb = putBlock(a.headline, putBlock(a.kicker, 0));
  for (let d = 0; d < a.decks.length; d++) nb = putBlock(a.decks[d], nb);
  return nb;
}

/** Puts block b (if not empty) among the first n of BLOCKS, kept sorted by first line (stable); returns the new count. */
function putBlock(b: readonly number[], n: number): number {
  if (b.length === 0) return n;
  let j = n;
  while (j > 0 && BLOCKS[j - 1][0] > b[0]) {
    BLOCKS[j] = BLOCKS[j - 1];
    j--;
  }
  BLOCKS[j] = b;
  return n + 1;
}

function inBlocks(nb: number, i: number): boolean {
  for (let j = 0; j < nb; j++) {
    const b = BLOCKS[j];
    for (let k = 0; k < b.length; k++) if (b[k] === i) return true;
  }
  return false;
}

export function misplacedHeadline(dump: PageDump, analysis: PageAnalysis, messages: Messages): Finding[] {
  const out: Finding[] = [];
  const articles = analysis.articles;
  const spaced = stateOf(analysis)?.ds === true;
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k];
    const nb = headingBlocks(a);
    if (nb === 0) continue;
    const first = firstOutside(dump.lines, a, nb);
    if (first >= 0 && !inPlace(dump.lines, a.lines, BLOCKS[0][0], first)) {
      const L = dump.lines;
      const head = a.headline.length ? a.headline : BLOCKS[0];
      const message = t(messages, 'misplaced-headline.message', { headline: articleTitle(dump, a), line: L.row[first] + 1 });
      out.push(new MovedHeadingFinding(L.start[head[0]], L.end[head[head.length - 1]], message, dump, a, first, spaced, messages));
    }
  }
  // Keep none of the page's arrays.
  BLOCKS.length = 0;
  return out;
}

/**
 * The article's first line outside its nb heading blocks (in BLOCKS), the labels above them and a
 * byline right over them, -1 when none (a Set only for a big heading). A label over the heading (a
 * column name such as 简讯), or a byline printed right over it (a commentary's 本报评论员), is no
 * text the heading belongs before: a heading under it is in place. A label below the heading (CABLE
 * TO THE TRIBUNE), or a byline over the body with the heading elsewhere, stays where the heading
 * goes before.
 */
function firstOutside(lines: LineTable, a: Article, nb: number): number {
  const al = a.lines;
  const top = BLOCKS[0][0];
  // A byline right over the heading (only blank lines, labels or byline lines between): from here.
  let bylineAbove = top;
  while (bylineAbove > 0 && (!isTextLine(lines, bylineAbove - 1) || a.byline.includes(bylineAbove - 1) || inLabels(a.labels, bylineAbove - 1))) bylineAbove--;
  let headingSize = 0;
  for (let j = 0; j < nb; j++) headingSize += BLOCKS[j].length;
  const heading = headingSize > 32 ? new Set(BLOCKS.slice(0, nb).flat()) : undefined;
  for (let k = 0; k < al.length; k++) {
    const i = al[k];
    if (heading ? !heading.has(i) : !inBlocks(nb, i)) if (i > top || !(inLabels(a.labels, i) || (i >= bylineAbove && a.byline.includes(i)))) return i;
  }
  return -1;
}

function inLabels(labels: readonly (readonly number[])[], i: number): boolean {
  for (let j = 0; j < labels.length; j++) if (labels[j].includes(i)) return true;
  return false;
}

/** The heading starting at line `top` sits right above the article's first other line: every text line between is the article's. */
function inPlace(lines: LineTable, al: readonly number[], top: number, first: number): boolean {
  if (top >= first) return false;
  // The article's lines in [top, first): a mark per line of that range, not a Set of all its lines.
  if (CLAIMED.length < first - top) CLAIMED = new Uint8Array(Math.max(first - top, 2 * CLAIMED.length));
  const claimed = CLAIMED;
  claimed.fill(0, 0, first - top);
  for (let k = 0; k < al.length; k++) if (al[k] >= top && al[k] < first) claimed[al[k] - top] = 1;
  for (let i = top; i < first; i++) if (isTextLine(lines, i) && !claimed[i - top]) return false;
  return true;
}

/**
 * A misplaced-headline finding whose fix and related span are made when first read, from the
 * article and the line its heading belongs before. Made at once they were ~10 objects a finding
 * (the moved text, the edits, the related span), a fifth of the objects an analysis of the sample
 * kept and the garbage collector copied, for fixes that only a quick fix, fix-all or the export read.
 * The message is an own field, made at once: a spread of the finding (`{ ...f, start }`) keeps it.
 */
class MovedHeadingFinding implements Finding {
  // Own fields, not getters: a spread of the finding keeps them.
  readonly rule = 'misplaced-headline';
  readonly severity = 'information';
  private madeFix: Fix | undefined;
  private madeRelated: RelatedSpan[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
    private readonly dump: PageDump,
    private readonly article: Article,
    /** The article's first line outside its heading. */
    private readonly first: number,
    /** The page is double-spaced (a blank line after every line). */
    private readonly spaced: boolean,
    private readonly messages: Messages,
  ) {}

  get fix(): Fix {
    return (this.madeFix ??= moveFix(this.dump, this.article, this.first, this.spaced, this.messages));
  }

  get related(): RelatedSpan[] {
    const L = this.dump.lines;
    return (this.madeRelated ??= [{ start: L.start[this.first], end: L.end[this.first], message: t(this.messages, 'misplaced-headline.related') }]);
  }

  /** What JSON.stringify writes: the finding as plain data, in the order of a finding's fields. */
  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, start: this.start, end: this.end, message: this.message, fix: this.fix, related: this.related };
  }
}

/** The fix of an article whose heading belongs before its line `first` (on a double-spaced page: `spaced`). */
function moveFix(dump: PageDump, a: Article, first: number, spaced: boolean, messages: Messages): Fix {
  const nb = headingBlocks(a);
  // The lines' columns, read directly (no Line object, nor text slice, per line asked about).
  const L = dump.lines;
  const text = dump.text;
  const targetStart = L.start[first];
  const eol = text.slice(L.end[first], lineNext(dump, first)) || '\n';
  // The edits sorted by start (stably): the blocks' removals in order, the insertion at the
  // article's start after every removal starting at or before it. The moved text is joined from
  // its parts: one flat string, not a chain of concatenations kept with the finding.
  const parts: string[] = [];
  const edits = new Array<Edit>(nb + 1);
  let ne = 0;
  let at = 0; // index of the insertion
  for (let j = 0; j < nb; j++) {
    const b = BLOCKS[j];
    const f = b[0];
    const l = b[b.length - 1];
    const to = lineNext(dump, l);
    let end = to;
    // The blank line after the block goes with it (on its page, and not the article's first line).
    const after = l + 1;
    if (after <= dump.pages[a.page].lastLine && L.flags[after] & LINE_BLANK && lineNext(dump, after) !== targetStart) end = lineNext(dump, after);
    const from = L.start[f];
    parts.push(text.slice(from, to));
    // The block's text ends without a line break (the dump's last line): one is added.
    const lastC = to > from ? text.charCodeAt(to - 1) : -1;
    if (lastC !== 10 && lastC !== 13) parts.push(eol);
    parts.push(eol);
    // Two blank lines under the heading on a double-spaced page: one would join it to the text below.
    if (spaced && j === nb - 1) parts.push(eol);
    if (from <= targetStart) at = ne + 1;
    edits[ne++] = { start: from, end, newText: '' };
  }
  BLOCKS.length = 0; // none of the article's arrays kept
  for (let k = ne; k > at; k--) edits[k] = edits[k - 1];
  edits[at] = { start: targetStart, end: targetStart, newText: parts.join('') };
  return { title: t(messages, 'misplaced-headline.fix'), edits };
}
