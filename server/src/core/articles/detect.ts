// Grouping the lines of a page into articles.
//
// 1. Roles of single lines (roles.ts): patterns (byline, dateline, sign-off, continuation, labels,
//    furniture, captions) and features (width against the local column width, line end).
// 2. Segments: consecutive text lines join while the earlier one runs to the column edge without
//    ending a sentence. pdftotext pages come in two shapes: ordinary (a blank line between
//    paragraphs or boxes) and "double-spaced" (a blank line after every line; then only multi-line
//    blocks, which pdftotext keeps for headings and decks, carry block structure). A segment is a
//    *heading block* when it does not end a sentence and is short, standalone, letter-doubled,
//    in capitals, ends in a lead-in dash (———) or is a multi-line block of a double-spaced page;
//    or a line with no sentence punctuation between a story's last sentence and a dateline, byline
//    or deck (headlineBetween), or one whose words the lines below repeat (headlineOver): a
//    headline printed between two stories; or one or two lines in Title Case right under an
//    all-caps headline and over the story (its byline, dateline or lead), a deck even when it ends a
//    sentence or runs near the column width, its second line joined to it (deckWraps); otherwise
//    it is body. A kicker line over its headline (shorter, or a couplet) is a block of its own
//    (kickerOver); on a double-spaced page a headline near the column width with no punctuation
//    over a short deck ending no sentence, over a story, is two headings (headOverDeck).
// 3. Stories (article bodies) in dump order: a byline, a dateline or body text after anything
//    but body starts one; body, sign-off and continuation extend or close it. A Chinese byline after
//    a story's last sentence with a heading or nothing below it is that story's (trailingByline).
// 4. Heading groups (runs of heading blocks) split into clusters, one per article: at most one
//    headline each, with the kicker before it (or a `%% kicker` right after it) and decks around it.
//    A `%% headline` (or a directive starting the cluster) keeps the group's Chinese tail (userTail).
// 5. Clusters are matched to stories by a score: twice the share of the cluster's CJK bigrams and
//    Latin words found in the story's first ~600 characters (headlines reuse the lead's words),
//    plus a bonus for position (the group sits right above the story: +0.3 for its last cluster,
//    +0.15 for earlier stacked ones; right below a story: +0.1). A word that k > 1 of the
//    cluster's candidate stories have counts 1/k (`the`, `Press`, `Sept`, the `NEW YORK` of a
//    dateline tell little which story a heading is). A story that is not right below the group
//    scores its share in full only on shared tokens weighing 3 or more (EVIDENCE), less below
//    that, and loses 0.05 for each story between past the nearest ones (FAR): a headline right
//    above a story it fits is that story's, a far one wins on strong evidence. Greedy by
//    descending score, each story takes one cluster. Only pairs within a bounded window of
//    stories are scored, so the page stays linear. This is what puts a headline emitted after its body, or stacked above
//    another article's byline, on the right body. An unmatched one-line cluster right above a
//    matched one is its kicker (引题 over 主题), right below one whose story starts below it a deck,
//    right above a story its label (joinBanner, twice: a kicker over a headline that joined its
//    deck's cluster); else it is a banner, a label of the page in no article (the
//    unclaimed-text rule reports it), but on a page without stories, where it is a 'notice', as a
//    larger unmatched cluster is (no body), but for a Chinese box of short lines with a phone number
//    or temperature (listingBox), left out and reported.
// 6. `%%` directives (annotations.ts) override steps 1–5.
import { LINE_ANNOTATION, LINE_BLANK, lineText, lowerBound } from '../lines';
import { abbreviationBefore } from '../chars';
import type { Line, LineTable, Page, PageDump, Span } from '../types';
import type { Messages } from '../messages';
import { ROLE_CODE, type Article, type Continuation, type PageAnalysis } from './model';
import { pageColumnOf, joinCutMarkers, joinCutSignoffs, joinCaptionLines, sourceNotesAndCaptionsInContext, commentatorSignoffs, isCommentatorLine, type LineContinuation, E_COMMA, E_DASH, E_NONE, E_SENTENCE, F_CAPS, F_CONT_HEAD, F_DOUBLED, F_NOTE_HEAD, F_STARTS_DASH, F_TITLE, F_USER, Features, isFullAt, K_BYLINE, K_CAPTION, K_DATELINE, K_LABEL, K_NONE, K_SIGNOFF, KIND_NAMES, isReporterBracket, headCommas, localWidthsOf, takePage, scanLine, type LineKind, edgeContinues, isCopyright, type Taken, numberLineInSentence } from './roles';
import { isOverprint, undouble } from '../overprint';
import { parseAnnotations, type Directive } from '../annotations';
import { reader, TokenIndex } from './tokens';
import { cleanLineText } from '../clean';
import { joinHeadline } from '../paragraphs';
import { misplacedHeadline } from '../rules/misplaced-headline';
import { orphanLabel } from '../rules/orphan-label';
import { advertText, unclaimedText } from '../rules/unclaimed-text';
import { badAnnotation } from '../rules/bad-annotation';

type Forced = 'headline' | 'kicker' | 'deck' | 'byline' | 'caption' | 'label' | 'body' | 'skip';

type SegKind = 'text' | 'heading' | 'pattern' | 'skip';
interface Seg {
  kind: SegKind;
  /** Line indices (into dump.lines). */
  lines: number[];
  pkind: LineKind | undefined;
  forced: Forced | undefined;
}

/** A segment (every segment made here: one object shape). */
function seg(kind: SegKind, lines: number[], pkind: LineKind | undefined, forced: Forced | undefined): Seg {
  return { kind, lines, pkind, forced };
}

interface Story {
  byline: number[];
  /** The text items (segments) of its body, in order: its body lines are their lines (no array of every line, which only the article keeps). */
  bodyItems: number[];
  /** How many body lines. */
  bodySize: number;
  datelineLine: number;
  dateline: Span | null;
  signoff: Span | null;
  signoffLine: number;
  continuation: Continuation | null;
  continuationLine: number;
  /** A middle part's continued-to marker, when `continuation` is its continued-from one. */
  continuedTo: Continuation | null;
  /** Markers after those (Article.moreContinuations); null while none. */
  more: Continuation[] | null;
  labels: number[][];
  note: number[];
  noteDetached: boolean;
  firstItem: number;
  lastItem: number;
  open: boolean;
  isNote: boolean;
  mergedInto: Story | null;
  cluster: Cluster | null;
  matchScore: number;
  matchSim: number;
  matchAdjacent: boolean;
  forcedStart: boolean;
  forcedHeading: boolean;
  /** Index in the live stories; NaN for a story merged into another. */
  liveIndex: number;
}

interface HeadBlock {
  lines: number[];
  item: number;
  forced?: Forced;
  sub: 'kicker' | 'headline' | 'deck';
}

interface Cluster {
  blocks: HeadBlock[];
  group: number;
  /** Items of its first and last block. */
  first: number;
  last: number;
  lastInGroup: boolean;
  groupSize: number;
  labels: number[][];
  story: Story | null;
  attachBelow: boolean;
}

/**
 * Analyse every page. `onPage` is called with each page's analysis as soon as it is made, while
 * the page's lines are still in the processor's caches (analyze runs the paragraph rules there).
 */
export function analyzeArticles(dump: PageDump, messages: Messages, onPage?: (analysis: PageAnalysis) => void): PageAnalysis[] {
  const out: PageAnalysis[] = [];
  let first = 0;
  for (let i = 0; i < dump.pages.length; i++) {
    // The parts of a page cut for running on without a form feed (softPages.ts) are one page: their
    // articles are numbered on from the part before.
    first = dump.pages[i].soft && i > 0 ? first + out[i - 1].articles.length : 0;
    const analysis = analyzePage(dump, i, messages, first);
    out.push(analysis);
    onPage?.(analysis);
  }
  return out;
}

/** `first`: articles before this page on its form-feed page (in the parts before it), for their ids. */
export function analyzePage(dump: PageDump, pageIndex: number, messages: Messages, first = 0): PageAnalysis {
  const page = dump.pages[pageIndex];
  if (!page) return { page: pageIndex, roleCodes: new Uint8Array(0), articles: [], columnWidth: 0, findings: [] };
  const { directives, problems } = parseAnnotations(dump, pageIndex);
  const analysis = detect(dump, page, directives);
  // Ids count on over the form-feed page: from the parts before it, for a part (softPages.ts).
  if (page.soft) for (let n = 0; n < analysis.articles.length; n++) analysis.articles[n].id = `p${page.sheet + 1}-a${first + n + 1}`;
  const findings = misplacedHeadline(dump, analysis, messages);
  orphanLabel(dump, ORPHAN_LABELS.get(analysis) ?? NO_BLOCKS, messages, findings);
  ORPHAN_LABELS.delete(analysis);
  unclaimedText(dump, UNCLAIMED.get(analysis) ?? NO_BLOCKS, messages, findings, analysis);
  UNCLAIMED.delete(analysis);
  advertText(dump, ADVERTS.get(analysis) ?? NO_BLOCKS, messages, findings);
  ADVERTS.delete(analysis);
  badAnnotation(dump, problems, messages, findings);
  analysis.findings = findings;
  return analysis;
}

const BLANK_ANALYSIS = (page: Page, roles: Uint8Array): PageAnalysis => ({ page: page.index, roleCodes: roles, articles: [], columnWidth: 0, findings: [] });

/** Forced roles as small integers (index into FORCED_NAMES; 0: none). */
const FORCED_NAMES: readonly (Forced | undefined)[] = [undefined, 'headline', 'kicker', 'deck', 'byline', 'caption', 'label', 'body', 'skip'];
const FC_HEADLINE = 1;
const FC_KICKER = 2;
const FC_DECK = 3;
const FC_BYLINE = 4;
const FC_CAPTION = 5;
const FC_LABEL = 6;
const FC_BODY = 7;
const FC_SKIP = 8;

/**
 * Per-page scratch, indexed by line index minus the page's first line (a "slot"): the page's line
 * features, forced roles and blocks.
 */
class PageScratch {
  readonly F = new Features();
  forced = new Uint8Array(0);
  blockFirst = new Int32Array(0);
  blockLast = new Int32Array(0);
  /** Slots of the content lines (not blank, not annotation), in order. */
  content = new Int32Array(0);
  ensure(n: number): void {
    this.F.ensure(n);
    if (this.forced.length >= n) return;
    const cap = Math.max(n, this.forced.length * 2, 64);
    this.forced = new Uint8Array(cap);
    this.blockFirst = new Int32Array(cap);
    this.blockLast = new Int32Array(cap);
    this.content = new Int32Array(cap);
  }
}
/** Pages up to this many lines share one scratch, reused from page to page; a longer page gets its own, dropped after (a server would otherwise keep ~50 bytes per line of its longest page). */
const SHARED_SCRATCH_LINES = 1 << 16;
const SHARED = new PageScratch();

function scratchFor(n: number): PageScratch {
  const s = n <= SHARED_SCRATCH_LINES ? SHARED : new PageScratch();
  s.ensure(n);
  return s;
}

const NO_DIRECTIVES: Set<number> = new Set<number>();

// The role codes detect writes (ROLE_CODE).
const R_UNKNOWN = ROLE_CODE.unknown;
const R_KICKER = ROLE_CODE.kicker;
const R_HEADLINE = ROLE_CODE.headline;
const R_DECK = ROLE_CODE.deck;
const R_DATELINE = ROLE_CODE.dateline;
const R_BODY = ROLE_CODE.body;
const R_SIGNOFF = ROLE_CODE.signoff;
const R_CONTINUATION = ROLE_CODE.continuation;
const R_LABEL = ROLE_CODE.label;
const R_ANNOTATION = ROLE_CODE.annotation;
const R_BLANK = ROLE_CODE.blank;

/** Placeholder of a text segment's lines while it is open (never read, never written). */
const NO_LINES: number[] = [];

function detect(dump: PageDump, page: Page, directives: readonly Directive[]): PageAnalysis {
  const lines = dump.lines;
  const flags = lines.flags;
  const base = page.firstLine;
  const n = page.lastLine - base + 1;
  const scratch = scratchFor(n);
  const F = scratch.F;
  const forced = scratch.forced;
  const blockFirst = scratch.blockFirst;
  const blockLast = scratch.blockLast;
  const content = scratch.content;
  const roles = new Uint8Array(n); // all 'unknown'
  // One pass over the page's lines: roles of the blank and annotation lines, the content slots,
  // and the blocks: runs of consecutive text lines, which pdftotext keeps together (a multi-line headline).
  let nc = 0;
  let blocks = 0;
  let singles = 0;
  let run = -1; // first slot of the open block
  for (let k = 0; k <= n; k++) {
    const fl = k < n ? flags[base + k] : LINE_BLANK; // a blank past the end closes the last block
    if (fl === 0) {
      content[nc++] = k;
      if (run < 0) run = k;
      continue;
    }
    if (run >= 0) {
      for (let q = run; q < k; q++) {
        blockFirst[q] = base + run;
        blockLast[q] = base + k - 1;
      }
      blocks++;
      if (run === k - 1) singles++;
      run = -1;
    }
    if (k === n) break;
    roles[k] = fl & LINE_ANNOTATION ? R_ANNOTATION : fl & LINE_BLANK ? R_BLANK : R_UNKNOWN;
    blockFirst[k] = -1;
    blockLast[k] = -1;
  }
  forced.fill(0, 0, n);
  if (nc === 0) return BLANK_ANALYSIS(page, roles);

  // ---- directives ----
  // Most pages have no directives: they share one empty set (only forceLines adds to them).
  const startArticle = directives.length > 0 ? new Set<number>() : NO_DIRECTIVES;
  const attachBelow = directives.length > 0 ? new Set<number>() : NO_DIRECTIVES;
  const contDirectives: Directive[] = directives.length > 0 ? forceLines(directives, page, forced, startArticle, attachBelow) : [];

  // ---- line features ----
  const taken = takePage(dump, base, n); // for reflow and the line rules, which would otherwise read the lines again
  let hasDateline = false;
  for (let j = 0; j < nc; j++) {
    const k = content[j];
    const i = base + k;
    const start = lines.start[i];
    // The page's first and last three text lines may be its furniture, but for a line that ends
    // the sentence of the line above (`…as the clerks told The` / `Evening News.`).
    const edge = j < 3 || (j >= nc - 3 && !(j > 0 && F.end[content[j - 1]] !== E_SENTENCE && F.kind[content[j - 1]] === K_NONE && edgeContinues(dump.text, lines.start[base + content[j - 1]], lines.end[base + content[j - 1]], start, lines.end[i])));
    scanLine(dump.text, start, start, lines.end[i], edge, F, k, taken);
    if (F.dateline[k]) hasDateline = true;
    const f = forced[k];
    if (f) {
      F.kind[k] = f === FC_BYLINE ? K_BYLINE : f === FC_CAPTION ? K_CAPTION : f === FC_LABEL ? K_LABEL : K_NONE;
      if (f === FC_SKIP || f === FC_HEADLINE || f === FC_KICKER || f === FC_DECK) F.dateline[k] = null;
    }
    // Opens a paragraph (F_USER): the previous text line, done with, ended a sentence (or there is none).
    const p = j > 0 ? content[j - 1] : -1;
    if (p < 0 || F.end[p] === E_SENTENCE || F.kind[p] !== K_NONE || F.signoff[p]) F.flags[k] |= F_USER;
  }
  sourceNotesAndCaptionsInContext(dump, F, content, nc, base, forced); // 全国春播… / 来源：新华社: no sign-off; …时光 / （上图）…: no caption
  if (hasDateline) wrappedReporters(dump, F, content, nc, base);
  joinCutMarkers(dump, F, content, nc, base, forced); // （下转第 / 二版）: one marker
  joinCutSignoffs(dump, F, content, nc, base, forced); // …60余场。（记者 / 赵六）: one sign-off
  joinCaptionLines(dump, F, content, nc, base, forced); // 图为…，抢 / 抓农时…。本报记者 王丽 摄: one caption
  commentatorSignoffs(dump, F, content, nc, base, forced); // …篇章。 / 本报评论员 at the page's end: a sign-off
  let latinMemo = -1; // latinPage, read once if asked
  const isLatin = () => (latinMemo < 0 ? (latinMemo = latinPage(taken, content, nc) ? 1 : 0) : latinMemo) === 1;
  const column = pageColumnOf(F, content, nc, isLatin);
  const W = column.width || 20;
  const latin = column.joinedBand > 0 && isLatin();
  localWidthsOf(F, content, nc, W, column.columnless, latin ? column.joinedBand : 0);
  const ds = blocks >= 4 && singles >= 0.7 * blocks && n - nc >= 0.5 * nc;

  // ---- segments ----
  const P: PageItems = { page, dump, base, roles, startArticle, attachBelow, contDirectives, F, W, ds, latinJoined: latin, items: NO_SEGS, forced, blockFirst, blockLast, headLike: null };
  const segs = segments(P, content, nc);
  classifyText(P, segs);
  P.items = mergeHeadings(P, wedgedHeadings(P, segs));
  crossheads(P);
  return detectArticles(P);
}

/**
 * The page's text lines content[0, nc) hold more Latin letters than CJK characters (scanLine's
 * measures in `taken`). Its joined paragraphs count in the local column widths as column lines
 * (localWidthsOf's joinedBand): an English page's headings and decks stack many lines high
 * between short stories, and once the stories are joined a heading's window would hold little but
 * other headings. Chinese pages keep that window as it was.
 */
function latinPage(taken: Taken, content: Int32Array, nc: number): boolean {
  const m = taken.measures;
  let latin = 0;
  let cjk = 0;
  for (let j = 0; j < nc; j++) {
    const k = content[j];
    cjk += m[3 * k + 1];
    latin += m[3 * k + 2];
  }
  return latin > cjk;
}

/**
 * A dateline whose reporters' brackets wrap onto the next line (`本报讯（记者 王五 通讯` / `员 赵六）近日…`):
 * its span runs on to the closing bracket there, as it takes them on one line (roles.ts REPORTER),
 * so that the reporters are the byline (export.ts) and not the paragraph's start. Lines with a
 * dateline only (few), their tails read.
 */
function wrappedReporters(dump: PageDump, F: Features, content: Int32Array, nc: number, base: number): void {
  const src = dump.text;
  const { start, end } = dump.lines;
  for (let j = 0; j + 1 < nc; j++) {
    const k = content[j];
    const d = F.dateline[k];
    if (!d) continue;
    const i = base + k;
    let x = d.end;
    while (x < end[i] && (src.charCodeAt(x) === 32 || src.charCodeAt(x) === 0x3000)) x++;
    const open = src.charCodeAt(x);
    if ((open !== 0xff08 && open !== 40) || end[i] - x > 26) continue; // （ (
    const tail = src.slice(x + 1, end[i]).replace(/[ \u3000]/g, '');
    if (!/^(?:记者|通讯员?|特约记者?)/.test(tail) || /[）)]/.test(tail)) continue;
    const n = base + content[j + 1];
    if (!(dump.lines.flags[n] === 0)) continue;
    for (let y = start[n]; y < end[n] && y < start[n] + 24; y++) {
      const c = src.charCodeAt(y);
      if (c === 0xff08 || c === 40) break;
      if (c === 0xff09 || c === 41) {
        F.dateline[k] = { start: d.start, end: y + 1 };
        break;
      }
    }
  }
}

/** Directives onto the page's forced roles and the article and attach-below sets; returns the continuation directives. */
function forceLines(directives: readonly Directive[], page: Page, forced: Uint8Array, startArticle: Set<number>, attachBelow: Set<number>): Directive[] {
  const base = page.firstLine;
  const contDirectives: Directive[] = [];
  for (let k = 0; k < directives.length; k++) {
    const d = directives[k];
    if (d.name === 'continued-from' || d.name === 'continued-to') {
      contDirectives.push(d);
      continue;
    }
    if (d.target < 0) continue;
    if (d.name === 'article') startArticle.add(d.target);
    else if (d.name === 'attach-below') attachBelow.add(d.target);
    else {
      const code = FORCED_NAMES.indexOf(d.name);
      // Only lines of this page are ever read.
      for (let i = Math.max(d.target, base); i <= d.targetEnd && i <= page.lastLine; i++) forced[i - base] = code;
    }
  }
  return contDirectives;
}

/** Same block (or both in none), by line index. */
function sameBlock(P: PageItems, a: number, b: number): boolean {
  return P.blockFirst[a - P.base] === P.blockFirst[b - P.base];
}

/** Flags of a line that opens a story itself, as a dateline does: an in-line editor's note, a continued-from marker at its head. */
const F_OPENS_STORY = F_NOTE_HEAD | F_CONT_HEAD;

/** Do content lines a < b (consecutive) belong to one segment? */
function continues(P: PageItems, a: number, b: number): boolean {
  const { base, F, forced, blockFirst, blockLast } = P;
  for (let i = a + 1; i < b; i++) if (P.roles[i - base] === R_ANNOTATION) return false; // roles: as set in detect, from the lines
  const gap = b - a - 1;
  const ka = a - base;
  const kb = b - base;
  if (P.startArticle.has(b) || F.dateline[kb] || F.flags[kb] & F_OPENS_STORY) return false;
  if (forced[ka] !== forced[kb]) return false;
  if (P.ds) {
    const fa = blockFirst[ka];
    if (fa >= 0 && fa === blockFirst[kb] && blockLast[ka] > fa) return true;
    if (blockLast[ka] > blockFirst[ka] || blockLast[kb] > blockFirst[kb] || gap > 1) return false;
  } else if (gap > 0) return false;
  if (forced[ka] && forced[ka] !== FC_BODY) return false;
  // A number alone on a line inside a sentence (`…主场以` / `3` / `比2战胜…`) is text of it, both ways.
  if (numberLineAt(P, b) || numberLineAt(P, a)) return true;
  const endA = F.end[ka];
  // A marker ends the line's text, but for a continued-from one opening it (`（上接第一版）粮食收购政策，坚决`): its text runs on.
  const ca = F.continuation[ka];
  if (endA === E_SENTENCE || endA === E_DASH || F.signoff[ka] || (ca && !(F.flags[ka] & F_CONT_HEAD && !ca.before && ca.direction === 'from'))) return false;
  // A paragraph joined already is a whole one, though its end be OCR noise (`…without sentiment. jwj`):
  // the line after it starts another (a crosshead, the next paragraph).
  if (P.latinJoined && F.width[ka] > 3 * F.local[ka]) return false;
  if ((F.flags[ka] | F.flags[kb]) & (F_CAPS | F_DOUBLED)) return false;
  if ((F.flags[ka] | F.flags[kb]) & F_TITLE && !isFullAt(F, ka)) return deckWraps(P, a, b);
  // A line starting a paragraph followed by one starting with a dash: a headline over its deck.
  if (F.flags[kb] & F_STARTS_DASH && F.flags[ka] & F_USER && endA === E_NONE) return false;
  // A paragraph's first line with no punctuation that repeats the words of the lines after it: a headline over its lead.
  if (F.flags[ka] & F_USER && endA === E_NONE && headlineOver(P, a, b)) {
    (P.headLike ??= new Set<number>()).add(a);
    return false;
  }
  if (P.ds && endA === E_NONE && headOverDeck(P, a, b)) return false;
  // A couplet (two phrases, one space: 聚焦乡村振兴 绘就美好画卷) is full only as an indented
  // paragraph start would be: a heading (a kicker), not a paragraph's first line.
  if (endA === E_NONE && F.spaced[ka] === 1 && !isFullAt(F, ka)) return false;
  return isFullAt(F, ka, (F.flags[ka] & F_USER) !== 0) || endA === E_COMMA;
}

/** Line i is a number alone inside a sentence (roles.numberLineInSentence). */
function numberLineAt(P: PageItems, i: number): boolean {
  const L = P.dump.lines;
  const k = i - P.base;
  // At most 10 units (NUMBER_LINE): asked of every line pair, most fail the width at once.
  return P.F.width[k] <= 10 && P.F.kind[k] === K_NONE && numberLineInSentence(P.dump.text, L.start[i], L.end[i]);
}

/**
 * Line a, a Title Case line short of the column that ends no sentence or clause, right under an
 * all-caps line (the headline), wraps onto b, a short line: a deck over two lines (`Engineers Will
 * Return to Work` / `This Morning.`). classifyText makes the segment a heading (underCapsHead).
 * Read only for a Title Case line that is not full, which continues() would cut there.
 */
function deckWraps(P: PageItems, a: number, b: number): boolean {
  const { base, F } = P;
  const ka = a - base;
  const kb = b - base;
  if (!(F.flags[ka] & F_TITLE) || F.end[ka] !== E_NONE || isFullAt(F, kb)) return false;
  const h = a - (P.ds ? 2 : 1); // the line above (on a double-spaced page, above the blank line)
  return h >= base && (F.flags[h - base] & F_CAPS) !== 0 && F.kind[h - base] === K_NONE;
}

/**
 * Text segment x (one or two lines, its first in Title Case, a second one short of the column)
 * right under an all-caps heading: a deck between the headline and the story's dateline or lead,
 * even when it ends a sentence or runs near the column width (`Dedicatory Address at St. Louis.`),
 * when the story follows (a byline, a dateline or text not in capitals). A Title Case line in the
 * middle of a story is under a body line, not a heading: body.
 */
function underCapsHead(P: PageItems, segs: readonly Seg[], x: number): boolean {
  const { base, F } = P;
  const L = segs[x].lines;
  if (x === 0 || L.length > 2 || !(F.flags[L[0] - base] & F_TITLE)) return false;
  if (L.length === 2 && isFullAt(F, L[1] - base)) return false;
  const prev = segs[x - 1];
  if (prev.kind !== 'heading' || !(F.flags[prev.lines[prev.lines.length - 1] - base] & F_CAPS)) return false;
  // Over the story: its byline or dateline, or text that is no heading in capitals (an ad's line
  // under its name, over the next caps heading, stays the ad's text).
  const next = x + 1 < segs.length ? segs[x + 1] : null;
  if (next === null) return false;
  if (next.kind === 'pattern') return next.pkind === 'byline' || next.pkind === 'dateline';
  return next.kind === 'text' && !(F.flags[next.lines[0] - base] & (F_CAPS | F_DOUBLED));
}

/** The lines content[from..to] (page slots) as line indices. */
function textLines(content: Int32Array, from: number, to: number, base: number): number[] {
  // Into OUT, then sliced: exact-size and packed (a pushed array has 16 spare slots; new Array(n) is holey, and its site is for arrays that live on).
  for (let x = from; x <= to; x++) OUT[x - from] = base + content[x];
  return OUT.slice(0, to - from + 1);
}

/** Segments of the content lines (step 2, before text segments are classified). */
function segments(P: PageItems, content: Int32Array, nc: number): Seg[] {
  const { base, F, forced } = P;
  const segs: Seg[] = [];
  // The open text segment is content[openFrom..openTo]; its lines array is made when it closes.
  let open: Seg | null = null;
  let openFrom = 0;
  let openTo = 0;
  let prevLine = -1;
  for (let j = 0; j < nc; j++) {
    const k = content[j];
    const i = base + k;
    const fc = forced[k];
    // Initials (`I. W. F.`) sign off a story after its last sentence or a letter's close (`Yours
    // truly,`); between a line ending in a word (`…the firm of`) and text going on below, they are
    // a name the column cut (`J. P.` / `Morgan & Co.`), text of the sentence.
    if (F.kind[k] === K_SIGNOFF && prevLine >= 0 && F.end[prevLine - base] === E_NONE && i < P.page.lastLine && P.dump.lines.flags[i + 1] === 0 && P.dump.text.charCodeAt(P.dump.lines.start[i]) < 128) {
      F.kind[k] = K_NONE;
      F.signoff[k] = null;
    }
    // A reporter's credit in brackets on a line of its own (`（记者 王 丽 通讯员 李 明）`) signs a
    // story off under its text; at the page's top or under a heading (a line ending no sentence),
    // with text next, it is the byline of the story it heads.
    if (F.kind[k] === K_SIGNOFF && (prevLine < 0 || F.end[prevLine - base] === E_NONE) && j + 1 < nc && (F.kind[content[j + 1]] === K_NONE || F.kind[content[j + 1]] === K_DATELINE) && isReporterBracket(lineText(P.dump, i))) {
      F.kind[k] = K_BYLINE;
      F.signoff[k] = null;
    }
    if (open && fc !== FC_SKIP && fc !== FC_HEADLINE && fc !== FC_KICKER && fc !== FC_DECK && F.kind[k] === K_NONE && prevLine >= 0 && continues(P, prevLine, i)) {
      openTo = j;
      prevLine = i;
      continue;
    }
    if (open) {
      open.lines = textLines(content, openFrom, openTo, base);
      open = null;
    }
    const f = FORCED_NAMES[fc];
    const last = segs.length > 0 ? segs[segs.length - 1] : null;
    if (fc === FC_SKIP) segs.push(seg('skip', [i], undefined, undefined));
    else if (fc === FC_HEADLINE || fc === FC_KICKER || fc === FC_DECK) {
      if (last && last.kind === 'heading' && last.forced === f && sameBlock(P, last.lines[last.lines.length - 1], i)) last.lines.push(i);
      else segs.push(seg('heading', [i], undefined, f));
    } else if (F.kind[k] !== K_NONE) {
      if (f && last && last.kind === 'pattern' && last.forced === f && sameBlock(P, last.lines[last.lines.length - 1], i)) last.lines.push(i);
      else segs.push(seg('pattern', [i], KIND_NAMES[F.kind[k]]!, f));
    } else {
      open = seg('text', NO_LINES, undefined, f);
      openFrom = openTo = j;
      segs.push(open);
    }
    prevLine = i;
  }
  if (open) open.lines = textLines(content, openFrom, openTo, base);
  return segs;
}

/** Line i ends a sentence or clause, or carries a sign-off or continuation tail. */
function lineEnds(P: PageItems, i: number): boolean {
  const k = i - P.base;
  const F = P.F;
  const e = F.end[k];
  return e === E_SENTENCE || e === E_COMMA || F.signoff[k] !== null || F.continuation[k] !== null;
}

/** Some line of L opens a story itself (a dateline, an in-line editor's note, a continued-from marker). */
function opensItself(P: PageItems, L: readonly number[]): boolean {
  const { base, F } = P;
  for (let j = 0; j < L.length; j++) if (F.dateline[L[j] - base] || F.flags[L[j] - base] & F_OPENS_STORY) return true;
  return false;
}

/** A line of L ends a sentence over three times its local column width: a paragraph joined already. */
function joinedParagraph(F: Features, L: readonly number[], base: number): boolean {
  for (let j = 0; j < L.length; j++) {
    const k = L[j] - base;
    if (F.width[k] > 3 * F.local[k]) return true;
  }
  return false;
}

/**
 * A commentator's byline (本报评论员) right over a one-line text segment that ends no sentence:
 * printed over the commentary's headline, which stays a heading (commentatorBylines gives the
 * byline to the story below it).
 */
function commentatorOver(P: PageItems, byline: Seg, s: Seg): boolean {
  return s.lines.length === 1 && byline.lines.length === 1 && !lineEnds(P, s.lines[0]) && isCommentatorLine(lineText(P.dump, byline.lines[0]));
}

/**
 * A story that is only a commentator's byline (本报评论员 over the commentary's headline), with
 * only headings between it and the next story, which has no byline: the byline is that story's,
 * and the byline's story goes. Stories in dump order; storyOfItem updated.
 */
function commentatorBylines(P: PageItems, stories: Story[], storyOfItem: (Story | null)[]): void {
  const { items } = P;
  let w = 0;
  for (let r = 0; r < stories.length; r++) {
    const s = stories[r];
    const t = r + 1 < stories.length ? stories[r + 1] : null;
    let moved = false;
    if (t && s.bodySize === 0 && s.byline.length === 1 && !s.dateline && !s.continuation && !s.signoff && !s.forcedStart && s.note.length === 0 && t.byline.length === 0 && !t.forcedStart && isCommentatorLine(lineText(P.dump, s.byline[0]))) {
      let between = true;
      let headings = 0;
      for (let q = s.lastItem + 1; q < t.firstItem && between; q++) {
        if (items[q].kind === 'heading') headings++;
        else between = isTransparent(items[q]);
      }
      if (between && headings > 0) {
        t.byline.push(s.byline[0]);
        for (let q = s.firstItem; q <= s.lastItem; q++) if (storyOfItem[q] === s) storyOfItem[q] = t;
        moved = true;
      }
    }
    if (!moved) stories[w++] = s;
  }
  stories.length = w;
}

/** Classify text segments: heading block or body. */
function classifyText(P: PageItems, segs: readonly Seg[]): void {
  const { base, F, ds, blockFirst, blockLast } = P;
  for (let x = 0; x < segs.length; x++) {
    const s = segs[x];
    if (s.kind !== 'text' || s.forced === 'body') continue;
    const L = s.lines;
    const lastI = L[L.length - 1];
    if (L.length > 4) continue;
    if (opensItself(P, L)) continue;
    let allCaps = true;
    let anyDoubled = false;
    let titled = L.length <= 2;
    let wide = false;
    for (let j = 0; j < L.length; j++) {
      const k = L[j] - base;
      const fl = F.flags[k];
      if (!(fl & F_CAPS)) allCaps = false;
      if (fl & F_DOUBLED) anyDoubled = true;
      if (titled && !(fl & F_TITLE && !isFullAt(F, k))) titled = false;
      if (F.width[k] > 1.6 * F.local[k]) wide = true;
    }
    if (allCaps || anyDoubled) {
      s.kind = 'heading';
      continue;
    }
    // A paragraph joined already (by the hard-wrap fix, Fix All, `newsprint fix`) is body: no
    // heading runs on for three columns to a sentence end.
    if (x > 0 && joinedParagraph(F, L, base)) continue;
    // Right below a byline comes the story (its dateline, its lead), not a heading: a title-cased
    // line there is a dateline the OCR spoiled (`NEW YOUK, Sopl. ICKing Al`).
    const prev = x > 0 ? segs[x - 1] : null;
    if (prev && prev.kind === 'pattern' && prev.pkind === 'byline' && !bylineBetween(P, segs, x) && !commentatorOver(P, prev, s)) continue;
    if (titled || underCapsHead(P, segs, x) || (L.length === 1 && headingRunsOn(P, segs, x))) {
      s.kind = 'heading';
      continue;
    }
    if (L.length === 1 && briefHeadline(P, segs, x)) {
      s.kind = 'heading';
      continue;
    }
    if (lineEnds(P, lastI)) continue;
    if (L.length === 1 && (headlineBetween(P, segs, x) || (P.headLike !== null && P.headLike.has(L[0])))) {
      s.kind = 'heading';
      continue;
    }
    const bf = blockFirst[L[0] - base];
    const dsBlock = ds && bf >= 0 && blockLast[L[0] - base] > bf;
    const strong = dsBlock || F.end[lastI - base] === E_DASH || wide;
    const standalone = ds ? L.length === 1 : bf >= 0 && bf === L[0] && blockLast[L[0] - base] === lastI;
    const firstFull = isFullAt(F, L[0] - base);
    const lastFull = isFullAt(F, lastI - base);
    if (strong || (standalone && (L.length === 1 || !lastFull)) || (L.length <= 2 && !firstFull && !lastFull && !runningTextEn(P, lastI))) s.kind = 'heading';
  }
}

/**
 * The byline right above text segment x, a Chinese line of its own, follows a story's last sentence
 * (`…讲话。` / `本报记者 张三` / `全民阅读活动月正式启动`): it may be that story's, printed after it
 * (trailingByline), and x is read as any line is, not as the lead under a byline.
 */
function bylineBetween(P: PageItems, segs: readonly Seg[], x: number): boolean {
  const L = segs[x].lines;
  if (L.length !== 1 || x < 2 || !cjkHead(P.dump, L[0])) return false;
  const t = segs[x - 2];
  return t.kind === 'text' && P.F.end[t.lines[t.lines.length - 1] - P.base] === E_SENTENCE;
}

/**
 * The one-line text segment x, short of the column, is the rest of an English deck the line above
 * wraps onto (`partment of Agriculture` / `at State Fair- at` / `Syracuse.`, `mise on the Arbitra` /
 * `tion Treaties.`): the segment before it is a heading whose last line, not in capitals, ends in
 * no punctuation, and this line starts in lower case (no paragraph under a heading does) or that
 * line ends on a word no heading ends on (`…at`). Joined, such a deck's rest is one line in Title
 * Case, a heading as well.
 */
function headingRunsOn(P: PageItems, segs: readonly Seg[], x: number): boolean {
  const { base, F } = P;
  if (x === 0) return false;
  const prev = segs[x - 1];
  if (prev.kind !== 'heading' || prev.forced) return false;
  const p = prev.lines[prev.lines.length - 1];
  const kp = p - base;
  const i = segs[x].lines[0];
  const k = i - base;
  if (F.flags[kp] & (F_CAPS | F_DOUBLED) || F.end[kp] !== E_NONE || F.kind[kp] !== K_NONE || i !== p + 1 || isFullAt(F, k)) return false;
  const text = lineText(P.dump, i).trimStart();
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  return c >= 65 && c <= 90 && EN_OPEN_END.test(lineText(P.dump, p).trimEnd());
}

/**
 * The one-line text segment x, which ends no sentence, is a headline (or its deck) printed between
 * two stories, which a page without blank lines glues onto the story above as its last paragraph:
 * the line before it ended a sentence (or is a heading: then x starts with a dash, a deck), it holds
 * no sentence punctuation, and what follows starts a story (a byline, a dateline, an in-line
 * editor's note) or is a deck (a line starting with a dash) over one. Rare: checked in that order,
 * the text read last.
 */
function headlineBetween(P: PageItems, segs: readonly Seg[], x: number): boolean {
  const { base, F } = P;
  const i = segs[x].lines[0];
  const k = i - base;
  const dash = (F.flags[k] & F_STARTS_DASH) !== 0;
  if (dash ? !(x > 0 && segs[x - 1].kind === 'heading') : !(F.flags[k] & F_USER)) return false;
  const n = nextSolid(segs, x);
  if (!n) return false;
  const kn = n.lines[0] - base;
  let opens = false;
  if (n.kind === 'pattern') opens = n.pkind === 'byline' || n.pkind === 'dateline';
  else if (n.kind === 'text') opens = F.dateline[kn] !== null || (F.flags[kn] & F_OPENS_STORY) !== 0 || (!dash && (F.flags[kn] & F_STARTS_DASH) !== 0 && n.lines.length === 1);
  if (!opens) return false;
  const src = P.dump.text;
  const end = P.dump.lines.end[i];
  for (let c = P.dump.lines.start[i]; c < end; c++) {
    const ch = src.charCodeAt(c);
    if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f || ch === 0xff1b || ch === 0x2026) return false; // 。！？；…
  }
  return !runningTextEn(P, i);
}

/**
 * Line i reads as English running text, no heading: a sentence ends inside it (`…were low. He
 * came`; a title's full stop ends none: `Gov. Hochul signs the budget`), or it ends on a word no
 * heading ends on (`…He came from`).
 */
function runningTextEn(P: PageItems, i: number): boolean {
  const text = lineText(P.dump, i);
  if (EN_OPEN_END.test(text.trimEnd())) return true;
  EN_SENTENCE_INSIDE.lastIndex = 0;
  for (let m = EN_SENTENCE_INSIDE.exec(text); m !== null; m = EN_SENTENCE_INSIDE.exec(text)) {
    const dot = m.index + 2;
    if (text.charCodeAt(dot) !== 46 || !abbreviationBefore((k) => text.charCodeAt(k), 0, dot)) return true;
  }
  return false;
}

/** A lower-case word's full stop, ! or ? then a space and a capital: a sentence ends inside the line. */
const EN_SENTENCE_INSIDE = /[a-z]{2}[.!?]["”’']?\s+["“‘']?[A-Z]/g;
/** Words a line of running text may end on before the next line, but no heading ends on. */
const EN_OPEN_END = /(?:^|[^A-Za-z])(?:the|a|an|of|to|in|on|at|by|for|and|or|with|from|that|which|who)$/;

/** A brief's headline in English: a capital first, no lower-case word of four letters or more, a full stop at the end only (`Sues for $10,000.`). */
const BRIEF_HEAD_EN = /^[A-Z](?![^.!?]*[.!?]\s)(?!.*(?:^|\s)[a-z]{4,})[^]{0,58}[^.!?\s]\.$/;

/**
 * The one-line text segment x, short of the column, ending a sentence right after another ended
 * (`…in this section.` / `Sues for $10,000.`), in Title Case but for short words (BRIEF_HEAD_EN),
 * right over a byline or dateline: the headline of a brief, not the last paragraph of the story
 * above (its next story would be headless). A last one-line paragraph reads as a sentence
 * (`The meeting adjourned.`: a lower-case word of four letters or more).
 */
function briefHeadline(P: PageItems, segs: readonly Seg[], x: number): boolean {
  const { base, F } = P;
  const i = segs[x].lines[0];
  const k = i - base;
  if (!(F.flags[k] & F_USER) || F.end[k] !== E_SENTENCE || isFullAt(F, k) || F.kind[k] !== K_NONE) return false;
  const n = nextSolid(segs, x);
  if (!n) return false;
  if (!(n.kind === 'pattern' ? n.pkind === 'byline' || n.pkind === 'dateline' : n.kind === 'text' && F.dateline[n.lines[0] - base] !== null)) return false;
  return BRIEF_HEAD_EN.test(lineText(P.dump, i).trim());
}

/**
 * Line a, which would start a paragraph running on into b (full as an indented first line is), is a
 * headline over the story's lead: a CJK line of six glyphs or more with no punctuation at all, and
 * at least four of its CJK bigrams, and half, are in the next lines (up to four, ~60 glyphs): headlines reuse the lead's words, while a paragraph's first line does not repeat the
 * words of its rest. Read only for such lines (no punctuation is rare in a paragraph's first line).
 */
function headlineOver(P: PageItems, a: number, b: number): boolean {
  const { dump } = P;
  const src = dump.text;
  const { start, end } = dump.lines;
  // First, without keeping anything: punctuation (most such lines have some) or too few glyphs.
  if (bareGlyphs(P, a) < 6) return false;
  // The line's bigrams, then the next lines read against them (not the other way round: the
  // line has ~20, the next lines ~60, and a set of those cost more than this whole check).
  const grams = lineBigrams(src, start[a], end[a]);
  if (grams < 4) return false;
  const need = Math.max(4, Math.ceil(grams / 2));
  let shared = 0;
  const pageEnd = P.page.lastLine;
  for (let i = b, seen = 0; i <= pageEnd && seen < 4 && shared < need; i++) {
    if (dump.lines.flags[i] !== 0) continue;
    seen++;
    shared += markShared(src, start[i], end[i], grams);
  }
  for (let k = 0; k < grams; k++) GRAM_MARK[GRAMS[k] & GRAM_MASK] = 0;
  return shared >= need;
}

/** The CJK glyphs of line i, or -1 when it holds punctuation (— “ 、 …) or a CJK extension glyph. */
function bareGlyphs(P: PageItems, i: number): number {
  const src = P.dump.text;
  const end = P.dump.lines.end[i];
  let glyphs = 0;
  for (let c = P.dump.lines.start[i]; c < end; c++) {
    const ch = src.charCodeAt(c);
    if (ch >= 0x4e00 && ch <= 0x9fff) glyphs++;
    else if (ch >= 0x2000 || (ch < 128 && ch !== 32 && ch !== 9 && !(ch >= 48 && ch <= 57) && !(ch >= 65 && ch <= 90) && !(ch >= 97 && ch <= 122))) return -1;
  }
  return glyphs;
}

/**
 * On a double-spaced page (the Chinese sample's layout), line a, a paragraph start (or a line under
 * a kicker) near the column width with no punctuation at all, over b, a line short of the column that ends no sentence or
 * clause and holds no sentence punctuation (。！？；): a headline over its deck
 * (`政府工作报告提出今年发展主要预期目标` / `国内生产总值增长5%左右`), not a paragraph's two lines,
 * when a story opens right below b (a dateline, a byline, an in-line editor's note) or its lead
 * repeats a's words (headlineOver). A paragraph's last line ends a sentence.
 */
function headOverDeck(P: PageItems, a: number, b: number): boolean {
  const { base, F, dump } = P;
  const kb = b - base;
  // a starts its segment: a paragraph start, or under a heading line (a kicker: short, ending no sentence or clause).
  if (!(F.flags[a - base] & F_USER)) {
    let p = a - 1;
    while (p >= base && dump.lines.flags[p] !== 0) p--;
    if (p < base || isFullAt(F, p - base) || F.end[p - base] !== E_NONE) return false;
  }
  if (F.end[kb] !== E_NONE || isFullAt(F, kb) || F.kind[kb] !== K_NONE || F.continuation[kb] || F.signoff[kb]) return false;
  if (bareGlyphs(P, a) < 6) return false;
  const src = dump.text;
  for (let c = dump.lines.start[b]; c < dump.lines.end[b]; c++) {
    const ch = src.charCodeAt(c);
    if (ch === 0x3002 || ch === 0xff01 || ch === 0xff1f || ch === 0xff1b || ch === 0x2026) return false; // 。！？；…
  }
  let c = b + 1;
  while (c <= P.page.lastLine && dump.lines.flags[c] !== 0) c++;
  if (c > P.page.lastLine) return false;
  const kc = c - base;
  if (F.dateline[kc] || F.flags[kc] & F_OPENS_STORY || F.kind[kc] === K_BYLINE) return true;
  return F.kind[kc] === K_NONE && headlineOver(P, a, c);
}

// The bigrams of the line headlineOver reads (at most GRAMS.length), whether each is found in the
// next lines, and a filter by their low bits that most bigrams of the next lines fail at once.
const GRAMS = new Int32Array(64);
const FOUND = new Uint8Array(64);
const GRAM_MASK = 4095;
const GRAM_MARK = new Uint8Array(GRAM_MASK + 1);

/** The CJK bigrams (adjacent CJK glyphs, spaces looked through) of src[from, to) into GRAMS; how many. */
function lineBigrams(src: string, from: number, to: number): number {
  return bigramPass(src, from, to, -1);
}

/** How many of the line's bigrams (GRAMS[0, n)) not found yet are in src[from, to): marked found. */
function markShared(src: string, from: number, to: number, n: number): number {
  return bigramPass(src, from, to, n);
}

/**
 * One pass over the CJK bigrams of src[from, to) (each as one int: both glyphs are under 2^15 past
 * U+4E00): with n < 0, kept in GRAMS (at most its length), returning how many; else each matched
 * against GRAMS[0, n), returning how many of those it finds first.
 */
function bigramPass(src: string, from: number, to: number, n: number): number {
  const keep = n < 0;
  let q = -1;
  let count = 0;
  for (let c = from; c < to; c++) {
    const ch = src.charCodeAt(c);
    if (ch === 32 || ch === 9 || ch === 0x3000) continue;
    if (ch < 0x4e00 || ch > 0x9fff) {
      q = -1;
      continue;
    }
    if (q >= 0) {
      const g = ((q - 0x4e00) << 15) | (ch - 0x4e00);
      if (keep) {
        if (count === GRAMS.length) break;
        GRAMS[count] = g;
        FOUND[count] = 0;
        GRAM_MARK[g & GRAM_MASK] = 1;
        count++;
      } else if (GRAM_MARK[g & GRAM_MASK]) {
        for (let k = 0; k < n; k++) {
          if (GRAMS[k] === g && !FOUND[k]) {
            FOUND[k] = 1;
            count++;
          }
        }
      }
    }
    q = ch;
  }
  return count;
}

function isText(s: Seg | undefined): boolean {
  return !!s && s.kind === 'text';
}

/** Furniture and captions: looked through when asking what surrounds a segment. */
function opaque(s: Seg): boolean {
  return s.kind === 'pattern' && (s.pkind === 'furniture' || s.pkind === 'caption');
}

/** The first segment after x that is not opaque (furniture, a caption), if any. */
function nextSolid(segs: readonly Seg[], x: number): Seg | undefined {
  let y = x + 1;
  while (y < segs.length && opaque(segs[y])) y++;
  return segs[y];
}

/** Whether a dateline is Chinese (本报讯, 新华社北京…电): its first character is CJK. */
const cjkDateline = (text: string, d: Span) => text.charCodeAt(d.start) >= 0x2e80;

/**
 * Short text without a sentence end, wedged between headings/patterns (no body on either side),
 * is heading text too; on double-spaced pages each of its lines is its own block. Into a new list
 * (no splicing: linear): what comes before is looked up there, as already decided.
 */
function wedgedHeadings(P: PageItems, segs: readonly Seg[]): Seg[] {
  const decided: Seg[] = [];
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    decided.push(s);
    if (s.kind !== 'text' || s.forced === 'body' || s.lines.length > 3) continue;
    if (lineEnds(P, s.lines[s.lines.length - 1])) continue;
    if (opensItself(P, s.lines)) continue;
    // A paragraph joined already, though its end be OCR noise, is body between any headings.
    if (P.latinJoined && joinedParagraph(P.F, s.lines, P.base)) continue;
    let a = decided.length - 2;
    while (a >= 0 && opaque(decided[a])) a--;
    if (isText(decided[a]) || isText(nextSolid(segs, k))) continue;
    if (!P.ds) {
      s.kind = 'heading';
      continue;
    }
    decided.pop();
    let curSeg: Seg | null = null;
    for (let j = 0; j < s.lines.length; j++) {
      const i = s.lines[j];
      if (curSeg && sameBlock(P, i, curSeg.lines[curSeg.lines.length - 1])) curSeg.lines.push(i);
      else decided.push((curSeg = seg('heading', [i], undefined, undefined)));
    }
  }
  return decided;
}

/**
 * Crossheads: a one-line heading in capitals, short of the column (`THE BEGINNINGS OF EXPANSION.`),
 * between two body texts of one story — the text above ends a sentence and belongs to a story
 * opened by a byline or dateline (read back over its body), the text below opens no story (no
 * dateline, no editor's note, not in capitals) — subheads the story: it becomes body text (a
 * paragraph of its own), so that the story is not cut in two with a headless-looking sidebar.
 * Lines a directive set are left alone.
 */
function crossheads(P: PageItems): void {
  const { base, F, items, forced } = P;
  for (let p = 1; p + 1 < items.length; p++) {
    const it = items[p];
    if (it.kind !== 'heading' || it.forced || it.lines.length !== 1) continue;
    const i = it.lines[0];
    const k = i - base;
    if (!(F.flags[k] & F_CAPS) || F.flags[k] & F_DOUBLED || isFullAt(F, k) || P.startArticle.has(i) || P.attachBelow.has(i)) continue;
    const above = items[p - 1];
    const below = items[p + 1];
    if (above.kind !== 'text' || below.kind !== 'text' || below.forced || F.end[above.lines[above.lines.length - 1] - base] !== E_SENTENCE) continue;
    // Set off by a blank line above, it heads a story of its own (a crosshead runs in the column).
    if (i !== above.lines[above.lines.length - 1] + 1) continue;
    const kb = below.lines[0] - base;
    if (F.dateline[kb] || F.flags[kb] & (F_OPENS_STORY | F_CAPS) || forced[kb] || P.startArticle.has(below.lines[0])) continue;
    // The story above: its body back to the byline or dateline that opened it.
    let opened = false;
    for (let q = p - 1; q >= 0; q--) {
      const x = items[q];
      if (isTransparent(x)) continue;
      if (x.kind === 'text') {
        if (F.dateline[x.lines[0] - base]) {
          opened = true;
          break;
        }
        if (P.startArticle.has(x.lines[0])) break;
        continue;
      }
      opened = x.kind === 'pattern' && (x.pkind === 'byline' || x.pkind === 'dateline');
      break;
    }
    if (opened) it.kind = 'text';
  }
}

/** Ordinary pages: consecutive heading lines of one block are one heading block. */
function mergeHeadings(P: PageItems, decided: readonly Seg[]): Seg[] {
  const { base, F } = P;
  const merged: Seg[] = [];
  for (let x = 0; x < decided.length; x++) {
    let s = decided[x];
    // A kicker over its headline read as one two-line heading: two.
    if (s.kind === 'heading' && !s.forced && s.lines.length === 2 && kickerOver(P, s.lines[0], s.lines[1])) {
      merged.push(seg('heading', [s.lines[0]], undefined, undefined));
      s = seg('heading', [s.lines[1]], undefined, undefined);
    }
    const last = merged.length > 0 ? merged[merged.length - 1] : null;
    if (last && s.kind === 'heading' && last.kind === 'heading' && !s.forced && !last.forced) {
      const i = s.lines[0];
      const p = last.lines[last.lines.length - 1];
      const ki = i - base;
      const kp = p - base;
      if (
        !P.startArticle.has(i) &&
        !P.attachBelow.has(i) &&
        !(F.flags[ki] & F_STARTS_DASH) &&
        (F.flags[ki] & F_CAPS) === (F.flags[kp] & F_CAPS) &&
        F.end[kp] !== E_DASH &&
        sameBlock(P, i, p) &&
        i === p + 1 &&
        !(last.lines.length === 1 && kickerOver(P, p, i))
      ) {
        for (let j = 0; j < s.lines.length; j++) last.lines.push(s.lines[j]);
        continue;
      }
    }
    merged.push(s);
  }
  return merged;
}

/**
 * Heading line p, right above heading line i, reads as a Chinese kicker (引题) over its headline,
 * not as the first line of a headline wrapped onto i: it is a couplet (two phrases, one space) over a
 * line that is none, or it is shorter than i by two glyphs or more (a wrapped headline's first line
 * runs to the heading's width). CJK lines only: an English headline is centred line by line.
 * Not when the two lines are a block of their own.
 */
function kickerOver(P: PageItems, p: number, i: number): boolean {
  const { F, base } = P;
  const kp = p - base;
  const ki = i - base;
  // A block of just the two lines: pdftotext kept them together, one heading (a kicker, in a
  // smaller size, is a block of its own). Only a block running on past them (a page without blank
  // lines) says nothing.
  if (P.blockFirst[kp] === p && P.blockLast[kp] === i) return false;
  if (!((F.spaced[kp] === 1 && F.spaced[ki] === 0) || F.width[kp] + 4 <= F.width[ki])) return false; // half cells
  return cjkHead(P.dump, p) && cjkHead(P.dump, i);
}

/** The line's first non-space character is a CJK one (or full-width punctuation). */
function cjkHead(dump: PageDump, i: number): boolean {
  const src = dump.text;
  const end = dump.lines.end[i];
  for (let x = dump.lines.start[i]; x < end; x++) {
    const c = src.charCodeAt(x);
    if (c === 32 || c === 9 || c === 0x3000) continue;
    return c >= 0x2e80;
  }
  return false;
}

/** What detect's stages (segments, stories, clusters, matching, articles, roles) share of the page. */
interface PageItems {
  page: Page;
  dump: PageDump;
  base: number;
  /** Role codes (ROLE_CODE) of the page's lines, by line index minus base. */
  roles: Uint8Array;
  startArticle: Set<number>;
  attachBelow: Set<number>;
  contDirectives: Directive[];
  /** Line features (FEAT), by line index minus base. */
  F: Features;
  W: number;
  ds: boolean;
  /** A Latin page with paragraphs joined already (see latinPage). */
  latinJoined: boolean;
  /** The segments, once decided. */
  items: Seg[];
  /** Forced roles (FC_*) and the first and last line of each line's block (-1: none), by line index minus base. */
  forced: Uint8Array;
  blockFirst: Int32Array;
  blockLast: Int32Array;
  /** Lines continues() found to be headlines over the text after them (headlineOver); null while none (most pages). */
  headLike: Set<number> | null;
}

/** labelArticles of a page without `%% article` (never added to). */
const NO_LABEL_ARTICLES: number[] = [];

/** Placeholder of PageItems.items until the segments are decided. */
const NO_SEGS: Seg[] = [];

/**
 * Steps 3-5 and the articles. detect's stages are separate plain functions, each a small unit for
 * V8's optimizing compiler: as a few big functions (with for-of loops, whose iterator-close try
 * blocks put every inlined call in an exception region) they took seconds of compile time, redone
 * after every deoptimization or pretenuring change, on a thread that competes with the analysis
 * (and with the other export worker) on a small machine.
 */
function detectArticles(P: PageItems): PageAnalysis {
  const items = P.items;
  const stories: Story[] = [];
  const storyOfItem: (Story | null)[] = new Array<Story | null>(items.length).fill(null);
  const unclaimed: number[] = []; // pattern items no story took (ascending)
  buildStories(P, stories, storyOfItem, unclaimed);
  commentatorBylines(P, stories, storyOfItem); // 本报评论员 over a commentary's headline: the commentary's byline
  // Story by the item it started at (as first found: a merge moving firstItem does not move it here).
  const storyAt: (Story | null)[] = new Array<Story | null>(items.length).fill(null);
  for (let k = 0; k < stories.length; k++) storyAt[stories[k].firstItem] = stories[k];
  const labelOwned = new Uint8Array(items.length); // label items a story or cluster took
  const orphanLabels: number[] = [];
  attachNotes(items, stories, storyAt, P.startArticle, labelOwned, orphanLabels);
  const live: Story[] = [];
  for (let k = 0; k < stories.length; k++) if (!stories[k].mergedInto) live.push(stories[k]);
  const clusters: Cluster[] = [];
  const groups = buildClusters(P, clusters);
  // Labels a `%% article` starts that nothing follows (a page without directives has none: no list made).
  const labelArticles: number[] = P.startArticle.size > 0 ? [] : NO_LABEL_ARTICLES;
  attachLabels(items, clusters, storyAt, P.startArticle, labelOwned, labelArticles);
  matchClusters(P, live, clusters, groups, storyOfItem);
  return assembleArticles({ P, live, clusters, unclaimed, orphanLabels, labelArticles, storyOfItem });
}

function newStory(p: number): Story {
  return {
    byline: [],
    datelineLine: -1,
    dateline: null,
    bodyItems: [],
    bodySize: 0,
    signoff: null,
    signoffLine: -1,
    continuation: null,
    continuationLine: -1,
    continuedTo: null,
    more: null,
    labels: [],
    note: [],
    noteDetached: false,
    firstItem: p,
    lastItem: p,
    open: true,
    isNote: false,
    mergedInto: null,
    cluster: null,
    matchScore: 0,
    matchSim: 0,
    matchAdjacent: false,
    forcedStart: false,
    forcedHeading: false,
    liveIndex: NaN,
  };
}

function lineContinuation(c: LineContinuation, line: number): Continuation {
  return { direction: c.direction, target: c.target, span: c.span, line };
}

/**
 * The story takes a marker of line i if it has none yet, or if it is a continued-to marker after
 * the story's continued-from one: a middle part, continued from a page and on to another.
 */
function takeMarker(s: Story, c: LineContinuation, i: number): boolean {
  if (!s.continuation) {
    s.continuation = lineContinuation(c, i);
    s.continuationLine = i;
    return true;
  }
  if (c.direction !== 'to' || !takesTo(s)) return false;
  s.continuedTo = lineContinuation(c, i);
  return true;
}

/** The story can take a continued-to marker (takeMarker). */
function takesTo(s: Story): boolean {
  return !s.continuation || (s.continuation.direction === 'from' && !s.continuedTo);
}

/**
 * The story keeps a marker of line i: as takeMarker takes it, else as a further one (a second page
 * it is continued on to or from, Article.moreContinuations). A marker it ends is never body text.
 */
function keepMarker(s: Story, c: LineContinuation, i: number): void {
  if (!takeMarker(s, c, i)) (s.more ??= []).push(lineContinuation(c, i));
}

/** keepMarker of every marker of line i, in line order (LineContinuation.before, then the line's own). */
function keepMarkers(s: Story, c: LineContinuation, i: number): void {
  if (c.before) for (const x of c.before) keepMarker(s, x, i);
  keepMarker(s, c, i);
}

/** Stories (article bodies) in dump order (step 3), and the story that took each item. */
function buildStories(P: PageItems, stories: Story[], storyOfItem: (Story | null)[], unclaimed: number[]): void {
  const { base, startArticle, F, items } = P;
  let cur: Story | null = null;
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    const first = it.lines[0];
    if (it.kind === 'heading') {
      if (cur) cur.open = false;
      cur = null;
      continue;
    }
    if (it.kind === 'skip') continue;
    if (it.kind === 'text') {
      const kf = first - base;
      const noteHead = (F.flags[kf] & F_NOTE_HEAD) !== 0;
      const dateline = F.dateline[kf];
      // A continued-from marker heading the item opens the continued part, as on a line of its own
      // (see 'continuation' below): the story so far may only be one without body or marker yet.
      const contHead = (F.flags[kf] & F_CONT_HEAD) !== 0 && !!cur && (cur.bodySize > 0 || cur.continuation !== null);
      // An in-line note right under a byline (□记者 王五 报道, then 编者按：…) is that byline's story's
      // note: the byline goes with it to the story it introduces (mergeNote).
      const bylineNote = noteHead && !!cur && cur.open && cur.bodySize === 0 && cur.byline.length > 0 && !cur.dateline && !cur.continuation && !startArticle.has(first);
      // A Chinese dateline in a story's text starts the next story (a column of 本报讯 briefs); an
      // English one does not: a wire story runs on with further dispatches (`Watertown, April 30.—`).
      const fresh = startArticle.has(first) || (noteHead && !bylineNote) || contHead || (dateline !== null && !!cur && cur.bodySize > 0 && cjkDateline(P.dump.text, dateline));
      if (bylineNote) cur!.isNote = true;
      if (!cur || !cur.open || fresh) {
        cur = newStory(p);
        stories.push(cur);
        cur.forcedStart = startArticle.has(first);
        if (noteHead) cur.isNote = true;
      }
      // A story's dateline heads its text: one further down an undated story stays in it.
      if (dateline && !cur.dateline && cur.bodySize === 0) cur.dateline = dateline;
      const L = it.lines;
      cur.bodyItems.push(p);
      cur.bodySize += L.length;
      for (let j = 0; j < L.length; j++) {
        const i = L[j];
        const so = F.signoff[i - base];
        if (so) {
          cur.signoff = so;
          cur.signoffLine = i;
        }
        const xc = F.continuation[i - base];
        if (xc) keepMarkers(cur, xc, i);
      }
      cur.lastItem = p;
      if (cur.signoff && F.signoff[L[L.length - 1] - base]) cur.open = false;
      storyOfItem[p] = cur;
      continue;
    }
    // pattern
    const k = it.pkind!;
    if (k === 'furniture' || k === 'caption') continue;
    if (k === 'byline') {
      const started = startArticle.has(first);
      if (!started && cur && cur.open && trailingByline(P, cur, p)) {
        for (let j = 0; j < it.lines.length; j++) cur.byline.push(it.lines[j]);
        cur.lastItem = p;
        cur.open = false;
        storyOfItem[p] = cur;
        continue;
      }
      if (started || !(cur && cur.open && cur.bodySize === 0)) stories.push((cur = newStory(p)));
      cur.forcedStart ||= started;
      for (let j = 0; j < it.lines.length; j++) cur.byline.push(it.lines[j]);
      cur.lastItem = p;
      storyOfItem[p] = cur;
    } else if (k === 'dateline') {
      const started = startArticle.has(first);
      if (started || !(cur && cur.open && cur.bodySize === 0 && !cur.dateline)) stories.push((cur = newStory(p)));
      cur.forcedStart ||= started;
      cur.dateline = F.dateline[first - base];
      cur.datelineLine = first;
      cur.lastItem = p;
      storyOfItem[p] = cur;
    } else if (k === 'signoff') {
      const target: Story | null = cur && cur.open ? cur : null;
      if (target && !target.signoff) {
        target.signoff = F.signoff[first - base];
        target.signoffLine = first;
        target.lastItem = p;
        target.open = false;
        storyOfItem[p] = target;
      } else unclaimed.push(p);
    } else if (k === 'continuation') {
      const c = F.continuation[first - base]!;
      if (c.direction === 'from') {
        const started = startArticle.has(first);
        if (started || !(cur && cur.open && cur.bodySize === 0 && !cur.continuation)) stories.push((cur = newStory(p)));
        cur.forcedStart ||= started;
        // The first is its continuation (it has none yet); a line's others, of one direction, go after it.
        keepMarkers(cur, c, first);
        cur.lastItem = p;
        storyOfItem[p] = cur;
      } else {
        // The marker closes the story it ends; labels or a heading may sit between in the dump. The
        // open story keeps it even with a continued-to marker of its own already: a second jump page.
        let target: Story | null = cur && cur.open ? cur : null;
        if (!target)
          for (let s = stories.length - 1; s >= 0 && s >= stories.length - 2; s--)
            if (takesTo(stories[s])) {
              target = stories[s];
              break;
            }
        if (target) {
          keepMarkers(target, c, first);
          target.lastItem = Math.max(target.lastItem, p);
          target.open = false;
          storyOfItem[p] = target;
        } else unclaimed.push(p);
      }
    } else if (k === 'label' || k === 'note-label') {
      if (cur) cur.open = false;
      cur = null;
    }
  }
}

/**
 * Byline item p, Chinese, is the story s's, printed after its body (`…活动60余场。` / `本报记者 王五`):
 * s has text and no byline (nor a dateline naming reporters), its last text ends a sentence right
 * before p, and nothing but a heading follows p (or nothing at all): a byline starting the next
 * story comes over its text, not over its headline.
 */
function trailingByline(P: PageItems, s: Story, p: number): boolean {
  const { items, base, F } = P;
  if (s.bodySize === 0 || s.byline.length > 0 || s.continuation) return false;
  // A dateline naming its reporters (新华社北京3月5日电（记者 赵六）) gives the byline already; 本报讯 does not.
  if (s.dateline && /[（(]/.test(P.dump.text.slice(s.dateline.start, s.dateline.end))) return false;
  const it = items[p];
  const t = lineText(P.dump, it.lines[0]);
  // A commentary's 本报评论员 over a headline heads the commentary below it (commentatorOver), not the story above.
  if (!/[\u4e00-\u9fff]/.test(t) || isCommentatorLine(t)) return false;
  const b = prevItem(items, p);
  if (b < 0 || b !== s.lastItem || items[b].kind !== 'text') return false;
  const L = items[b].lines;
  if (F.end[L[L.length - 1] - base] !== E_SENTENCE) return false;
  const q = nextItem(items, p);
  return q >= items.length || items[q].kind === 'heading';
}

/** Items the story and heading logic looks through: skipped blocks, furniture and captions. */
function isTransparent(it: Seg): boolean {
  return it.kind === 'skip' || (it.kind === 'pattern' && (it.pkind === 'furniture' || it.pkind === 'caption'));
}

function nextItem(items: readonly Seg[], p: number): number {
  let q = p + 1;
  while (q < items.length && isTransparent(items[q])) q++;
  return q;
}

function prevItem(items: readonly Seg[], p: number): number {
  let q = p - 1;
  while (q >= 0 && isTransparent(items[q])) q--;
  return q;
}

function storyStartingAt(storyAt: readonly (Story | null)[], p: number): Story | null {
  return p >= 0 && p < storyAt.length ? storyAt[p] : null;
}

function mergeNote(items: readonly Seg[], note: Story, into: Story): void {
  note.isNote = true;
  note.mergedInto = into;
  // The note's byline (printed above it) is the story's, unless it has its own.
  if (note.byline.length > 0 && into.byline.length === 0) for (let j = 0; j < note.byline.length; j++) into.byline.push(note.byline[j]);
  for (let j = 0; j < note.note.length; j++) into.note.push(note.note[j]);
  for (let b = 0; b < note.bodyItems.length; b++) {
    const L = items[note.bodyItems[b]].lines;
    for (let j = 0; j < L.length; j++) into.note.push(L[j]);
  }
  into.firstItem = Math.min(into.firstItem, note.firstItem);
}

/**
 * Editor's notes: each 编者按 label and in-line `编者按：…` note goes to the story it introduces, but
 * for a story a `%% article` starts (the note ends the article before). A 编者按 label a `%% article`
 * starts is not sent to a note elsewhere: attachLabels gives it what follows it.
 */
function attachNotes(items: readonly Seg[], stories: Story[], storyAt: readonly (Story | null)[], startArticle: Set<number>, labelOwned: Uint8Array, orphanLabels: number[]): void {
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    if (it.kind !== 'pattern' || it.pkind !== 'note-label') continue;
    const S = storyStartingAt(storyAt, nextItem(items, p));
    let note: Story | null = null;
    let detached = false;
    if (S && S.byline.length === 0 && !S.dateline && !S.mergedInto) note = S;
    else if (startArticle.has(it.lines[0])) continue;
    else {
      note = detachedNote(items, stories, storyAt, p);
      detached = true;
    }
    if (!note) {
      orphanLabels.push(p);
      continue;
    }
    const T = storyStartingAt(storyAt, nextItem(items, note.lastItem));
    if (T && !T.mergedInto && T !== note && !T.forcedStart) {
      mergeNote(items, note, T);
      T.labels.push(it.lines);
      T.noteDetached = detached;
      labelOwned[p] = 1;
    } else {
      note.labels.push(it.lines);
      labelOwned[p] = 1;
      note.isNote = false;
    }
    if (detached) orphanLabels.push(p);
  }
  for (let k = 0; k < stories.length; k++) {
    // An in-line `编者按：…` note directly followed by the article it introduces.
    const s = stories[k];
    if (!s.isNote || s.mergedInto) continue;
    const T = storyStartingAt(storyAt, nextItem(items, s.lastItem));
    if (T && !T.mergedInto && T !== s && !T.forcedStart) mergeNote(items, s, T);
    else s.isNote = false;
  }
}

/**
 * The note of a detached label at item p: the nearest byline-less body that runs straight into a
 * bylined story and has no heading right above it (a headed body is a story of its own). Failing
 * any, the nearest such body under a heading: the note printed under the article's heading group,
 * which is where misplaced-headline's fix puts a heading emitted elsewhere (above the note, the
 * article's first line). Without this the moved heading made its note a headless sidebar, and the
 * heading went on to the byline: flagged again, moved again.
 */
function detachedNote(items: readonly Seg[], stories: Story[], storyAt: readonly (Story | null)[], p: number): Story | null {
  let best: Story | null = null;
  let bestDist = Infinity;
  let headed: Story | null = null;
  let headedDist = Infinity;
  const at = nearestStory(stories, p);
  for (let si = Math.max(0, at - 12); si < Math.min(stories.length, at + 12); si++) {
    const s = stories[si];
    if (s.mergedInto || s.byline.length || s.dateline || s.isNote) continue;
    const dist = Math.abs(s.firstItem - p);
    if (dist > 40 || (dist >= bestDist && dist >= headedDist)) continue;
    const t = storyStartingAt(storyAt, nextItem(items, s.lastItem));
    if (!t || t.byline.length === 0) continue;
    const before = prevItem(items, s.firstItem);
    if (before >= 0 && items[before].kind === 'heading') {
      if (dist < headedDist) {
        headed = s;
        headedDist = dist;
      }
      continue;
    }
    if (dist >= bestDist) continue;
    best = s;
    bestDist = dist;
  }
  return best ?? headed;
}

/** Heading groups (runs of heading blocks) split into clusters (step 4), onto `clusters`; returns the number of groups. */
function buildClusters(P: PageItems, clusters: Cluster[]): number {
  const { dump, base, F, items } = P;
  let group = 0;
  for (let p = 0; p < items.length; ) {
    if (items[p].kind !== 'heading') {
      p++;
      continue;
    }
    const from = clusters.length;
    let c: Cluster | null = null;
    let main = -1; // the item of the cluster's headline-like block (-1: none yet)
    let sealed = false; // the cluster is the user's (a forced headline, a directive at its start): the group's Chinese tail stays in it
    let stacked = false; // blocks sealed kept in it
    let q = p;
    for (; q < items.length && (items[q].kind === 'heading' || isTransparent(items[q])); q++) {
      const it = items[q];
      if (it.kind !== 'heading') continue;
      const t = headType(it, dump, base, F);
      const startsNew = startsCluster(P, it);
      if (c && !startsNew && main >= 0 && (t === 'main' || t === 'lead') && sealed && userTail(P, q)) stacked = true;
      else if (!c || startsNew || (main >= 0 && (t === 'main' || t === 'lead') && !kickerBelow(P, q, main))) {
        if (c && stacked) stackRoles(c);
        c = { blocks: [], group, first: q, last: q, lastInGroup: false, groupSize: 0, labels: [], story: null, attachBelow: false };
        clusters.push(c);
        main = -1;
        sealed = startsNew;
        stacked = false;
      }
      if (it.forced === 'headline') sealed = true;
      if (startsNew) c.attachBelow = true;
      c.blocks.push({ lines: it.lines, item: q, forced: it.forced, sub: t === 'main' ? 'headline' : 'deck' });
      c.last = q;
      if (t === 'main') main = q;
    }
    if (c && stacked) stackRoles(c);
    for (let k = from; k < clusters.length; k++) {
      clusters[k].groupSize = clusters.length - from;
      assignSubRoles(clusters[k], base, F);
    }
    clusters[clusters.length - 1].lastInGroup = true;
    group++;
    p = q;
  }
  return group;
}

/**
 * Heading item q and the heading items after it to the end of its group (at most two, before the
 * story) are Chinese headings of one or two lines with no directive: the deck (or headline and deck)
 * under a `%% 主题` headline or a kicker that `%% 新稿` / `%% 归下` starts the article at, which stay
 * in that cluster instead of each starting its own (the annotation would split the heading it marks).
 */
function userTail(P: PageItems, q: number): boolean {
  const { items } = P;
  let n = 0;
  for (let r = q; r < items.length && (items[r].kind === 'heading' || isTransparent(items[r])); r++) {
    const it = items[r];
    if (it.kind !== 'heading') continue;
    if (++n > 2 || it.forced || startsCluster(P, it) || it.lines.length > 2 || !cjkHead(P.dump, it.lines[0])) return false;
  }
  return true;
}

/**
 * A cluster that userTail kept whole, of three one-line headline-like blocks, none forced: a
 * kicker over a headline over a deck (the kicker `%% 新稿` marks). Marked for assignSubRoles as
 * buildClusters marks blocks: the headline 'headline', the others 'deck' (the first becomes the kicker).
 */
function stackRoles(c: Cluster): void {
  const b = c.blocks;
  if (b.length !== 3) return;
  for (let k = 0; k < 3; k++) if (b[k].forced || b[k].lines.length !== 1 || b[k].sub !== 'headline') return;
  b[0].sub = 'deck';
  b[2].sub = 'deck';
}

/**
 * `%% article` (not `%% attach-below`) on the cluster's first heading: it starts an article, which
 * is never a banner or another's label, kicker or deck; with no story, a notice.
 */
function startedByArticle(P: PageItems, c: Cluster): boolean {
  if (!c.attachBelow) return false;
  const i = P.items[c.first].lines[0];
  return P.startArticle.has(i) && !P.attachBelow.has(i);
}

/** A directive starts a cluster at the heading item: `%% article` or `%% attach-below` on it. */
function startsCluster(P: PageItems, it: Seg): boolean {
  return P.startArticle.has(it.lines[0]) || P.attachBelow.has(it.lines[0]);
}

/**
 * Item q is a `%% kicker` right below the headline at item `headline` (the item before it: blank
 * and annotation lines make no item), which keeps it: a kicker printed under (or beside) the
 * headline comes after it in the dump. Not when a headline that the directives leave in its cluster
 * comes right after it: kickers are printed above their headline, so it is that one's. A directive
 * starting a cluster at the kicker itself is the caller's to check.
 */
function kickerBelow(P: PageItems, q: number, headline: number): boolean {
  const { dump, base, F, items } = P;
  if (headline !== q - 1 || items[q].forced !== 'kicker') return false;
  const next = q + 1 < items.length ? items[q + 1] : null;
  return !(next && next.kind === 'heading' && !startsCluster(P, next) && headType(next, dump, base, F) === 'main');
}

/**
 * Labels directly above a heading group or story belong to it; the others stay page labels. A label
 * a `%% article` starts (a 编者按 one too, if attachNotes left it) starts the article of what
 * follows it: the heading group below takes the story below it (as `%% article` on the heading
 * would), a story below is started there; with nothing below, the label is an article of its own
 * (onto labelArticles). Labels above it are not taken past it.
 */
function attachLabels(items: readonly Seg[], clusters: readonly Cluster[], storyAt: readonly (Story | null)[], startArticle: Set<number>, labelOwned: Uint8Array, labelArticles: number[]): void {
  const clusterAt: (Cluster | null)[] = new Array<Cluster | null>(items.length).fill(null);
  for (let k = 0; k < clusters.length; k++) clusterAt[clusters[k].first] = clusters[k];
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    if (it.kind !== 'pattern' || labelOwned[p] === 1) continue;
    if (it.pkind !== 'label' && it.pkind !== 'note-label') continue;
    const started = startArticle.has(it.lines[0]);
    if (it.pkind === 'note-label' && !started) continue;
    let q = nextItem(items, p);
    while (q < items.length && items[q].kind === 'pattern' && items[q].pkind === 'label' && !startArticle.has(items[q].lines[0])) q = nextItem(items, q);
    const c = q < items.length ? clusterAt[q] : null;
    const s = storyStartingAt(storyAt, q);
    if (c) {
      c.labels.push(it.lines);
      labelOwned[p] = 1;
      if (started) c.attachBelow = true;
    } else if (s && (!s.mergedInto || started)) {
      // A story merged into the next (an editor's note) is that one's start.
      const owner = s.mergedInto ?? s;
      owner.labels.push(it.lines);
      owner.forcedStart ||= started;
      labelOwned[p] = 1;
    } else if (started) {
      labelArticles.push(p);
      labelOwned[p] = 1;
    }
  }
}

interface Pair {
  c: Cluster;
  s: Story;
  score: number;
  sim: number;
  adjacent: boolean;
}

/** Token list of live story k, read when first compared (SET_OF: list by story index, -1: not yet). */
function storySet(live: readonly Story[], items: readonly Seg[], dump: PageDump, k: number): number {
  let id = SET_OF[k];
  if (id < 0) {
    const { lines, text: src } = dump;
    const s = live[k];
    const index = INDEX;
    index.storyStart(400);
    // Read in the dump's text (src), at the lines' offsets: see roles.ts scan.
    for (let j = 0; j < s.note.length && index.storyFeed(src, lines.start[s.note[j]], lines.end[s.note[j]]); j++);
    for (let b = 0; b < s.bodyItems.length && !index.storyFull(); b++) {
      const L = items[s.bodyItems[b]].lines;
      for (let j = 0; j < L.length && index.storyFeed(src, lines.start[L[j]], lines.end[L[j]]); j++);
    }
    id = index.storyEnd();
    SET_OF[k] = id;
  }
  return id;
}

function ownerOf(storyOfItem: readonly (Story | null)[], p: number): Story | null {
  const s = storyOfItem[p];
  if (!s) return null;
  return s.mergedInto ?? s;
}

/**
 * The tokens of the cluster's lines as cleanText reads them, into INDEX; returns its list. A line
 * detection takes for fake bold is read undoubled, unsure too (see overprint.ts): its undoubled
 * bigrams are among its printed ones, and are what a story of a fake-bold heading has.
 */
function clusterTokens(c: Cluster, dump: PageDump): number {
  reader.start(200);
  for (let b = 0; b < c.blocks.length; b++) {
    const L = c.blocks[b].lines;
    for (let j = 0; j < L.length; j++)
      if (!reader.full()) {
        const t = lineText(dump, L[j]);
        reader.feed(isOverprint(t) ? undouble(t) : t, true);
      }
  }
  reader.end();
  return INDEX.addHead(reader);
}

/** The token lists of a cluster's candidate stories (at most 20). */
const CANDIDATES = new Int32Array(20);
/** What each story between a cluster and a candidate (past the nearest either way) takes off the score. */
const FAR = 0.05;
/**
 * The weight of shared tokens (weigh: a word many candidates share weighs little) from which a
 * story that is not right below the cluster scores in full: below it, a share of a few tokens is a
 * few words in common (`says`, a name), no evidence that the heading was emitted away from that story.
 */
const EVIDENCE = 3;

/** Clusters matched to stories by score (step 5). */
function matchClusters(P: PageItems, live: Story[], clusters: readonly Cluster[], groups: number, storyOfItem: readonly (Story | null)[]): void {
  const { dump, items } = P;
  for (let i = 0; i < live.length; i++) live[i].liveIndex = i;
  const index = INDEX;
  index.reset();
  if (SET_OF.length < live.length) SET_OF = new Int32Array(Math.max(live.length, SET_OF.length * 2));
  SET_OF.fill(-1, 0, live.length);
  // Every cluster's tokens first: a story keeps only tokens some cluster has (see tokens.ts).
  if (HEAD_OF.length < clusters.length) HEAD_OF = new Int32Array(Math.max(clusters.length, HEAD_OF.length * 2));
  for (let ck = 0; ck < clusters.length; ck++) HEAD_OF[ck] = clusterTokens(clusters[ck], dump);
  const pairs: Pair[] = [];
  // Group bounds, to find what sits right above and below the whole group.
  const groupFirst: number[] = new Array<number>(groups).fill(-1);
  const groupLast: number[] = new Array<number>(groups).fill(-1);
  const groupFirstCluster: (Cluster | null)[] = new Array<Cluster | null>(groups).fill(null);
  // The last cluster of each group that a directive starts (`%% article`, `%% attach-below`): the
  // story below the group is its; one such cluster above it in the group ends at the next and has
  // no body (it was given the same story at the same score, and the first won: a rewritten page
  // whose notice sat above an article swapped their headings on every rewrite).
  const lastStarted: (Cluster | null)[] = new Array<Cluster | null>(groups).fill(null);
  for (let k = 0; k < clusters.length; k++) {
    const c = clusters[k];
    const g = c.group;
    if (c.attachBelow) lastStarted[g] = c;
    if (groupFirst[g] < 0) {
      groupFirst[g] = c.first;
      groupLast[g] = c.last;
      groupFirstCluster[g] = c;
    } else groupLast[g] = Math.max(groupLast[g], c.last);
  }
  for (let ck = 0; ck < clusters.length; ck++) {
    const c = clusters[ck];
    const gFirst = groupFirst[c.group];
    const gLast = groupLast[c.group];
    let q = nextItem(items, gLast);
    while (q < items.length && items[q].kind === 'pattern' && (items[q].pkind === 'label' || items[q].pkind === 'note-label')) q = nextItem(items, q);
    const below = q < items.length ? ownerOf(storyOfItem, q) : null;
    const belowStarts = below !== null && below.firstItem >= gLast; // the story starts below the group
    let r = prevItem(items, gFirst);
    while (r >= 0 && items[r].kind === 'pattern' && (items[r].pkind === 'label' || items[r].pkind === 'note-label')) r = prevItem(items, r);
    const above = r >= 0 ? ownerOf(storyOfItem, r) : null;
    // A cluster a directive starts takes a story that starts below its group (the group's last such
    // cluster does; the others have no body). The next item may instead end a story above (its
    // continuation marker), whose headline this is not: then the cluster is matched as any other
    // (the directive still starts its article: a misplaced headline finds its body).
    // But not a story that a `%% article` of its own starts, below a cluster that `%% article`
    // starts (not `%% attach-below`): two articles started one after the other, the first of which
    // ends at the second, so it has no body (the rewrite prints a notice above a headless article so).
    if (c.attachBelow && below && belowStarts) {
      if (c === lastStarted[c.group] && !(below.forcedStart && startedByArticle(P, c))) pairs.push({ c, s: below, score: 100, sim: 1, adjacent: true });
      continue;
    }
    const head = HEAD_OF[ck];
    const centre = below ? below.liveIndex : above ? above.liveIndex + 1 : nearestStory(live, gFirst); // NaN for a story merged away: no candidates
    const from = Math.max(0, centre - 10);
    const to = Math.min(live.length, centre + 10);
    // The candidates' token lists, then the head weighed against them (a word many of them share counts little).
    let n = 0;
    for (let k = from; k < to; k++) CANDIDATES[n++] = storySet(live, items, dump, k);
    index.weigh(head, CANDIDATES, n);
    for (let k = from; k < to; k++) {
      const s = live[k];
      const sim = index.weightedSimilarity(head, CANDIDATES[k - from]);
      let adj = 0;
      if (s === below && belowStarts) adj = c.lastInGroup ? 0.3 : 0.15;
      else if (s === above && c === groupFirstCluster[c.group]) adj = 0.1;
      // A story further off than the next ones either way needs more evidence, the more stories lie between.
      const far = adj > 0 ? 0 : FAR * Math.max(0, Math.abs(k - centre) - 1);
      const evidence = adj >= 0.15 ? 1 : Math.min(1, (sim * index.headWeight()) / EVIDENCE);
      const score = 2 * sim * evidence + adj - far;
      if (score >= 0.28) pairs.push({ c, s, score, sim, adjacent: adj >= 0.15 });
    }
  }
  index.reset(); // done with the token lists (and grown tables go now, not at the next page)
  sortStably(pairs, BY_SCORE_DOWN);
  for (let k = 0; k < pairs.length; k++) {
    const pr = pairs[k];
    if (pr.c.story || pr.s.cluster) continue;
    pr.c.story = pr.s;
    pr.s.cluster = pr.c;
    pr.s.matchScore = pr.score;
    pr.s.matchSim = pr.sim;
    pr.s.matchAdjacent = pr.adjacent;
    pr.s.forcedHeading = pr.score >= 100 || pr.c.blocks.some((b) => !!b.forced);
  }
}

/**
 * Sorts xs by ascending key(x), stably. A page has a few pairs and drafts: an insertion sort (what
 * Array.prototype.sort gives) without sort's work arrays and a boxed number per comparator call;
 * sort itself for many.
 */
function sortStably<T>(xs: T[], key: (x: T) => number): void {
  if (xs.length > 64) {
    xs.sort((a, b) => key(a) - key(b));
    return;
  }
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    const kx = key(x);
    let j = i;
    for (; j > 0 && key(xs[j - 1]) > kx; j--) xs[j] = xs[j - 1];
    xs[j] = x;
  }
}
/** Pairs by descending score; drafts by ascending anchor. */
const BY_SCORE_DOWN = (p: Pair) => -p.score;
const BY_ANCHOR = (d: Draft) => d.anchor;

/** What the last part of detect (articles and roles) takes from the stories and clusters. */
interface Matched {
  P: PageItems;
  live: Story[];
  clusters: Cluster[];
  unclaimed: number[];
  orphanLabels: number[];
  labelArticles: number[];
  storyOfItem: (Story | null)[];
}

/** Articles from the matched stories and clusters, then the roles of the page. */
function assembleArticles(M: Matched): PageAnalysis {
  const { live, clusters, unclaimed, orphanLabels, labelArticles } = M;
  const { page, dump, base, roles, contDirectives, F, W, ds, items } = M.P;

  // ---- articles ----
  // A Chinese dateline (本报讯) is a staff story's credit, as a byline is; an English one (`ERIE, Pa.,
  // Sept. 16.—`) only says where wire copy was filed, and the local stories beside it have none.
  let pageHasBylines = false;
  // A copyright line alone (`(Copyright: 1903: By Rockwood.)` under a picture) is no story's byline;
  // only a Chinese dateline counts (English local stories beside wire copy have none).
  for (let k = 0; k < live.length && !pageHasBylines; k++) {
    const d = live[k].dateline;
    pageHasBylines = live[k].byline.some((i) => !isCopyright(lineText(dump, i))) || (d !== null && cjkDateline(dump.text, d));
  }
  // Twice: a banner over a heading that joined the cluster below it (kicker, headline, deck: three
  // clusters, the deck's matched) joins it the second time.
  for (let pass = 0; pass < 2; pass++) for (let k = 0; k < clusters.length; k++) joinBanner(M.P, clusters, k, M.storyOfItem);
  const drafts: Draft[] = [];
  LINE_SET.page(base, roles.length);
  for (let k = 0; k < live.length; k++) drafts.push(storyArticle(live[k], items, page.index, pageHasBylines, F, base));
  const bannerItems: number[] = [];
  for (let k = 0; k < clusters.length; k++) {
    const c = clusters[k];
    if (c.story || c.blocks.length === 0) continue;
    // A page of headings alone (no story to label or be labelled by): each is a notice.
    if (c.blocks.length === 1 && c.blocks[0].lines.length === 1 && !c.blocks[0].forced && !startedByArticle(M.P, c) && live.length > 0) bannerItems.push(c.blocks[0].item);
    else if (!listingBox(M.P, c)) drafts.push(noticeArticle(c, page.index));
  }
  for (let k = 0; k < labelArticles.length; k++) drafts.push(labelArticle(items[labelArticles[k]].lines, page.index));

  // Continuation directives (most pages have none).
  if (contDirectives.length > 0) applyContinuations(drafts, contDirectives, dump.lines, base);

  const adverts = takeAdverts(M.P, drafts);

  sortStably(drafts, BY_ANCHOR);
  // Not drafts.map: inlined by the optimizing compiler, map makes a holey array (another map for every reader).
  for (let n = 0; n < drafts.length; n++) {
    const a = drafts[n].a;
    a.id = `p${page.sheet + 1}-a${n + 1}`;
    ARTICLES[n] = a;
  }
  const articles = ARTICLES.slice(0, drafts.length);
  ARTICLES.length = 0;

  // ---- roles ----
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    if (it.kind === 'pattern') {
      const k = it.pkind!;
      setRoles(roles, base, it.lines, k === 'note-label' ? R_LABEL : ROLE_CODE[k]);
    } else if (it.kind === 'text') setRoles(roles, base, it.lines, R_BODY);
    else if (it.kind === 'heading') setRoles(roles, base, it.lines, R_HEADLINE);
  }
  for (let k = 0; k < bannerItems.length; k++) setRoles(roles, base, items[bannerItems[k]].lines, R_LABEL);
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k];
    setRoles(roles, base, a.kicker, R_KICKER);
    setRoles(roles, base, a.headline, R_HEADLINE);
    for (let d = 0; d < a.decks.length; d++) setRoles(roles, base, a.decks[d], R_DECK);
    setRoles(roles, base, a.editorsNote, R_BODY);
    setRoles(roles, base, a.body, R_BODY);
  }
  for (let k = 0; k < live.length; k++) if (live[k].datelineLine >= 0) roles[live[k].datelineLine - base] = R_DATELINE;
  for (let k = 0; k < unclaimed.length; k++) {
    const it = items[unclaimed[k]];
    setRoles(roles, base, it.lines, it.pkind === 'signoff' ? R_SIGNOFF : R_CONTINUATION);
  }
  for (let p = 0; p < items.length; p++) if (items[p].kind === 'skip') setRoles(roles, base, items[p].lines, R_UNKNOWN);
  if (adverts) for (let k = 0; k < adverts.length; k++) setRoles(roles, base, adverts[k], R_UNKNOWN);

  const analysis: PageAnalysis = { page: page.index, roleCodes: roles, articles, columnWidth: W, findings: [] };
  if (adverts) ADVERTS.set(analysis, adverts);
  if (ds) DOUBLE_SPACED.add(analysis);
  if (orphanLabels.length > 0) {
    const lines: number[][] = [];
    for (let k = 0; k < orphanLabels.length; k++) lines.push(items[orphanLabels[k]].lines);
    ORPHAN_LABELS.set(analysis, lines);
  }
  const lost = unclaimedBlocks(items, articles, orphanLabels, base, roles.length, adverts);
  if (lost) UNCLAIMED.set(analysis, lost);
  return analysis;
}

/** An advertisement's closing mark, at the end of its last line: `—Advt.`, `-Advt.` (OCR'd `-AdvL`). */
const ADVT_END = /[—–-]\s?Adv[tL]\b[^A-Za-z]{0,4}$/;

/** Most body lines of an advertisement: a story with an ad glued to its end stays the story. */
const ADVT_LINES = 8;

/**
 * How many column lines the lines L stand for: one each, but a paragraph joined already (wider
 * than 1.6 columns) as many as it spans, so that a story stays as long joined as it was wrapped.
 */
function columnLines(P: PageItems, L: readonly number[]): number {
  const { F, W, base } = P;
  let n = 0;
  for (let j = 0; j < L.length; j++) {
    const w = F.width[L[j] - base];
    n += w > 1.6 * W ? Math.ceil(w / W) : 1;
  }
  return n;
}

/**
 * Drafts that are advertisements, taken out of `drafts` (their lines, each list sorted; null for
 * none, most pages): a headed text or text alone of a few column lines (ADVT_LINES; columnLines) whose last body line
 * (a notice's last heading line) ends `—Advt.`, with no
 * byline, dateline, sign-off or continuation, and no line a directive set (`%% body`, `%% article`
 * keep it an article). The export has no type for ads: they are in no article, and unclaimed-text
 * reports each, so that none is left out unseen.
 */
function takeAdverts(P: PageItems, drafts: Draft[]): number[][] | null {
  let out: number[][] | null = null;
  let w = 0;
  for (let r = 0; r < drafts.length; r++) {
    const d = drafts[r];
    const a = d.a;
    // Its last line: of the body, or of the headings of a notice (an ad set as a heading and its deck).
    let ad = a.body.length <= ADVT_LINES && a.lines.length > 0 && a.lines.length <= 2 * ADVT_LINES && a.byline.length === 0 && a.dateline === null && a.signoff === null && a.continuation === null && a.editorsNote.length === 0;
    // Counted in column lines: joined paragraphs are few lines.
    if (ad) ad = columnLines(P, a.body) <= ADVT_LINES && columnLines(P, a.lines) <= 2 * ADVT_LINES;
    if (ad) ad = ADVT_END.test(lineText(P.dump, a.body.length > 0 ? a.body[a.body.length - 1] : a.lines[a.lines.length - 1]).trimEnd());
    for (let j = 0; ad && j < a.lines.length; j++) if (P.forced[a.lines[j] - P.base] || P.startArticle.has(a.lines[j])) ad = false;
    if (ad) (out ??= []).push(a.lines.slice());
    else drafts[w++] = d;
  }
  drafts.length = w;
  return out;
}

/** Marks of the lines an article claims, by page slot (unclaimedBlocks; grown as pages need). */
let CLAIMED = new Uint8Array(256);

/**
 * The text no article claims that detection did not leave out on purpose (furniture, captions,
 * `%% skip`), nor reports as an orphan label: runs of consecutive such lines of one item; null for
 * none (most pages). Linear: a mark per line of the articles, then a look at each item's lines.
 */
function unclaimedBlocks(items: readonly Seg[], articles: readonly Article[], orphanLabels: readonly number[], base: number, n: number, adverts: readonly (readonly number[])[] | null): number[][] | null {
  if (CLAIMED.length < n || (CLAIMED.length > 1 << 16 && n <= 1 << 16)) CLAIMED = new Uint8Array(Math.max(n, 256));
  const claimed = CLAIMED;
  claimed.fill(0, 0, n);
  for (let k = 0; k < articles.length; k++) {
    const L = articles[k].lines;
    for (let j = 0; j < L.length; j++) claimed[L[j] - base] = 1;
  }
  for (let k = 0; k < orphanLabels.length; k++) {
    const L = items[orphanLabels[k]].lines;
    for (let j = 0; j < L.length; j++) claimed[L[j] - base] = 1;
  }
  // Advertisements have their own finding (advertText).
  if (adverts) for (let k = 0; k < adverts.length; k++) for (let j = 0; j < adverts[k].length; j++) claimed[adverts[k][j] - base] = 1;
  let out: number[][] | null = null;
  for (let p = 0; p < items.length; p++) {
    const it = items[p];
    if (isTransparent(it)) continue;
    const L = it.lines;
    let from = -1;
    for (let j = 0; j <= L.length; j++) {
      const free = j < L.length && claimed[L[j] - base] === 0;
      if (free && from < 0) from = j;
      else if (!free && from >= 0) {
        (out ??= []).push(L.slice(from, j));
        from = -1;
      }
    }
  }
  return out;
}

/** Banner cluster c's one block b goes on top of cluster d's blocks, with c's labels; c is left empty. */
function takeBanner(c: Cluster, d: Cluster, b: HeadBlock): void {
  d.blocks.unshift(b);
  d.first = c.first;
  if (c.labels.length > 0) d.labels = c.labels.concat(d.labels);
  d.groupSize--;
  c.blocks = [];
}

/**
 * An unmatched cluster of one block, of one line (a would-be banner) or of up to three below a
 * headline (a wrapped deck), is not left out of every article:
 * - right above a matched cluster of its heading group with no kicker (nothing between, not even a
 *   caption), a CJK line of four glyphs or more is that cluster's kicker (引题 over 主题: Chinese
 *   papers print them constantly, two one-line headings the matching sees as two headlines), or
 *   its headline when it is the wider by two glyphs or more (then the headline below is a deck);
 * - right below a matched cluster whose story starts right below it, it is a deck (up to three lines:
 *   `Falls on Main Street and Is` / `Still Unconscious at a` under an all-caps headline);
 * - one line right above another story (a column's rubric over its byline), it is that story's label.
 * Then the banner's cluster is emptied (no blocks). Otherwise it stays a banner, a label of the
 * page (reported by unclaimed-text).
 */
function joinBanner(P: PageItems, clusters: Cluster[], k: number, storyOfItem: readonly (Story | null)[]): void {
  const c = clusters[k];
  if (c.story || c.blocks.length !== 1 || c.blocks[0].lines.length > 3 || c.blocks[0].forced || startedByArticle(P, c)) return;
  const { items, F, base } = P;
  const b = c.blocks[0];
  const oneLine = b.lines.length === 1;
  // The next cluster that has blocks: one joined already (emptied) is looked past, its blocks now the next one's.
  let dk = k + 1;
  while (dk < clusters.length && clusters[dk].blocks.length === 0) dk++;
  const d = dk < clusters.length ? clusters[dk] : null;
  if (oneLine && d && d.story && d.group === c.group && d.blocks.length > 0 && c.last + 1 === d.first && !d.attachBelow && F.width[b.lines[0] - base] >= 8 && cjkHead(P.dump, b.lines[0])) {
    let h = -1;
    let kicker = false;
    for (let j = 0; j < d.blocks.length; j++) {
      if (d.blocks[j].sub === 'kicker') kicker = true;
      else if (d.blocks[j].sub === 'headline' && h < 0) h = j;
    }
    if (!kicker && h === 0) {
      const hl = d.blocks[0].lines;
      const wider = hl.length === 1 && d.blocks[0].forced !== 'headline' && F.spaced[b.lines[0] - base] !== 1 && F.width[b.lines[0] - base] >= F.width[hl[0] - base] + 4; // half cells
      if (wider) d.blocks[0].sub = 'deck';
      b.sub = wider ? 'headline' : 'kicker';
      takeBanner(c, d, b);
      return;
    }
    // Over a kicker and headline of one line each, the kicker a headline-like line (one joined
    // above the headline, not printed as a lead-in): a three-line stack, kicker over headline over
    // deck (`坚持人民至上 办好民生实事` / `市委常委会召开会议` / `研究部署当前重点工作`).
    if (kicker && h === 1 && d.blocks.length === 2 && stackable(P, d.blocks[0]) && stackable(P, d.blocks[1])) {
      b.sub = 'kicker';
      d.blocks[0].sub = 'headline';
      d.blocks[1].sub = 'deck';
      takeBanner(c, d, b);
      return;
    }
  }
  // The story right below the banner (past labels), if it starts there.
  let q = nextItem(items, c.last);
  while (q < items.length && items[q].kind === 'pattern' && (items[q].pkind === 'label' || items[q].pkind === 'note-label')) q = nextItem(items, q);
  const below = q < items.length ? ownerOf(storyOfItem, q) : null;
  const S = below && below.firstItem >= c.last ? below : null;
  const e = k > 0 ? clusters[k - 1] : null;
  if (S && e && e.story === S && e.group === c.group && e.blocks.length > 0 && e.last + 1 === c.first && c.labels.length === 0) {
    b.sub = 'deck';
    e.blocks.push(b);
    e.last = c.last;
    e.groupSize--;
    c.blocks = [];
  } else if (oneLine && S && (!S.cluster || S.cluster.last < c.first)) {
    for (let j = 0; j < c.labels.length; j++) S.labels.push(c.labels[j]);
    S.labels.push(b.lines);
    c.blocks = [];
  }
}

/** A heading block of one line, no directive on it, that reads as a headline (headType 'main'). */
function stackable(P: PageItems, b: HeadBlock): boolean {
  return b.lines.length === 1 && !b.forced && headType(P.items[b.item], P.dump, P.base, P.F) === 'main';
}

function setRoles(roles: Uint8Array, base: number, xs: readonly number[], r: number): void {
  for (let k = 0; k < xs.length; k++) roles[xs[k] - base] = r;
}

/** The smallest of xs below `min`, else min. */
function minBelow(xs: readonly number[], min: number): number {
  for (let k = 0; k < xs.length; k++) if (xs[k] < min) min = xs[k];
  return min;
}

/** The article of a story (with its matched cluster, if any). */
function storyArticle(s: Story, items: readonly Seg[], pageIndex: number, pageHasBylines: boolean, F: Features, base: number): Draft {
  const c = s.cluster;
  const { kicker, headline, decks } = headsOf(c);
  const all = LINE_SET;
  all.clear();
  // The body lines (into the article's lines too), but for a dateline-only or sign-off-only one (into OUT).
  let nBody = 0;
  let bodyStart = Infinity;
  for (let b = 0; b < s.bodyItems.length; b++) {
    const L = items[s.bodyItems[b]].lines;
    for (let k = 0; k < L.length; k++) {
      const i = L[k];
      all.add(i);
      if (i < bodyStart) bodyStart = i;
      if (!(i === s.datelineLine || (i === s.signoffLine && F.kind[i - base] === K_SIGNOFF))) OUT[nBody++] = i;
    }
  }
  const bodyLines = lineList(OUT, 0, nBody);
  // The story is done with: the article takes copies of its arrays, exact-size (see OUT).
  const labels = c && c.labels.length > 0 ? s.labels.concat(c.labels) : exactLists(s.labels);
  all.addAll(kicker);
  all.addAll(headline);
  for (let k = 0; k < decks.length; k++) all.addAll(decks[k]);
  all.addAll(s.byline);
  for (let k = 0; k < labels.length; k++) all.addAll(labels[k]);
  all.addAll(s.note);
  if (s.datelineLine >= 0) all.add(s.datelineLine);
  if (s.signoffLine >= 0) all.add(s.signoffLine);
  if (s.continuationLine >= 0) all.add(s.continuationLine);
  if (s.continuedTo) all.add(s.continuedTo.line);
  if (s.more) for (let k = 0; k < s.more.length; k++) all.add(s.more[k].line);
  bodyStart = minBelow(s.byline, minBelow(s.note, bodyStart));
  if (s.datelineLine >= 0 && s.datelineLine < bodyStart) bodyStart = s.datelineLine;
  if (s.continuationLine >= 0 && s.continuation?.direction === 'from' && s.continuationLine < bodyStart) bodyStart = s.continuationLine;
  let anchor = bodyStart;
  if (c && c.groupSize === 1 && c.blocks[0].lines[0] < bodyStart) anchor = c.blocks[0].lines[0];
  // A part continued from another page is its story's (an article: its byline is on the page it
  // started on), never a sidebar for the byline it lacks here.
  const type: Article['type'] = bodyLines.length === 0 && s.note.length === 0 ? 'notice' : pageHasBylines && s.byline.length === 0 && !s.dateline && !s.signoff && !continuedFrom(s) ? 'sidebar' : 'article';
  let conf = 0.95;
  if (!c) conf -= 0.45;
  else if (!s.forcedHeading) {
    if (!s.matchAdjacent) conf -= 0.3 * (1 - Math.min(1, s.matchSim * 1.5));
    else if (s.matchSim < 0.1) conf -= 0.15;
    if (c.groupSize > 1) conf -= 0.1;
  }
  if (s.byline.length === 0 && !s.dateline) conf -= 0.1;
  if (bodyLines.length < 2) conf -= 0.2;
  if (s.noteDetached) conf -= 0.05;
  if (s.forcedStart || s.forcedHeading) conf = Math.max(conf, 0.9);
  const draft: Draft = {
    anchor: Number.isFinite(anchor) ? anchor : headline[0] ?? 0,
    a: {
      id: '',
      page: pageIndex,
      type,
      kicker,
      headline,
      decks,
      byline: lineList(s.byline, 0, s.byline.length),
      dateline: s.dateline,
      labels,
      editorsNote: lineList(s.note, 0, s.note.length),
      body: bodyLines,
      signoff: s.signoff,
      continuation: s.continuation,
      lines: all.sortedUnique(),
      confidence: clamp(conf),
    },
  };
  if (s.continuedTo) draft.a.continuedTo = s.continuedTo;
  if (s.more) draft.a.moreContinuations = s.more;
  return draft;
}

/** The story is continued from another page: a continued-from marker, its own or a further one. */
function continuedFrom(s: Story): boolean {
  if (s.continuation?.direction === 'from') return true;
  if (s.more) for (let k = 0; k < s.more.length; k++) if (s.more[k].direction === 'from') return true;
  return false;
}

/** A 'notice': a heading cluster with no story (not a one-line banner). */
function noticeArticle(c: Cluster, pageIndex: number): Draft {
  let { kicker, headline, decks } = headsOf(c);
  // No headline: the first deck is it, or else the kicker; not one a directive made a deck or kicker.
  if (headline.length === 0 && c.blocks.length) {
    const d = firstFreeDeck(c);
    if (d >= 0) {
      headline = decks[d];
      decks = decks.length > 1 ? decks.filter((_, k) => k !== d) : EMPTY_LISTS;
    } else if (!hasForced(c, 'kicker')) {
      headline = kicker;
      kicker = EMPTY_LINES;
    }
  }
  const all = [...kicker, ...headline, ...decks.flat(), ...c.labels.flat()].sort((x, y) => x - y);
  return {
    anchor: all[0],
    a: { id: '', page: pageIndex, type: 'notice', kicker, headline, decks, byline: EMPTY_LINES, dateline: null, labels: exactLists(c.labels), editorsNote: EMPTY_LINES, body: EMPTY_LINES, signoff: null, continuation: null, lines: all, confidence: c.attachBelow || c.blocks.some((b) => b.forced) ? 0.9 : 0.3 },
  };
}

/** A phone number (`0839-7654321`, a mobile's eleven digits) or a temperature (`4℃`, `15°C`). */
const LISTING = /\d{3,4}[-－]\d{7,8}|(?:^|\D)1\d{10}(?:\D|$)|\d\s*(?:℃|°C)/;

/**
 * Heading cluster c, with no directive, is a box of short lines — a weather report, a small ad —
 * not a notice: two lines or more, Chinese, one holding a phone number or a temperature. No
 * notice is made of it (its lines glued into one headline); its lines stay in no article, reported
 * by unclaimed-text.
 */
function listingBox(P: PageItems, c: Cluster): boolean {
  if (c.attachBelow) return false;
  let n = 0;
  let listing = false;
  for (let k = 0; k < c.blocks.length; k++) {
    const b = c.blocks[k];
    if (b.forced) return false;
    for (let j = 0; j < b.lines.length; j++) {
      n++;
      if (!cjkHead(P.dump, b.lines[j]) && j === 0) return false;
      if (!listing) listing = LISTING.test(lineText(P.dump, b.lines[j]));
    }
  }
  return n >= 2 && listing;
}

/** A label a `%% article` starts with nothing after it: a 'notice' of the label alone. */
function labelArticle(lines: readonly number[], pageIndex: number): Draft {
  const all = lineArray(lines, 0, lines.length);
  return {
    anchor: all[0],
    a: { id: '', page: pageIndex, type: 'notice', kicker: EMPTY_LINES, headline: EMPTY_LINES, decks: EMPTY_LISTS, byline: EMPTY_LINES, dateline: null, labels: [all], editorsNote: EMPTY_LINES, body: EMPTY_LINES, signoff: null, continuation: null, lines: all, confidence: 0.9 },
  };
}

function hasForced(c: Cluster, role: Forced): boolean {
  for (let k = 0; k < c.blocks.length; k++) if (c.blocks[k].forced === role) return true;
  return false;
}

/** Index in the cluster's decks (headsOf) of its first deck block no directive made one; -1: none. */
function firstFreeDeck(c: Cluster): number {
  let d = 0;
  for (let k = 0; k < c.blocks.length; k++) {
    const b = c.blocks[k];
    if (b.sub !== 'deck') continue;
    if (b.forced !== 'deck') return d;
    d++;
  }
  return -1;
}

/** An article and the line it sorts by. */
interface Draft {
  a: Article;
  anchor: number;
}

/**
 * `%% continued-from/to` directives: on the article of the target line, else of the nearest line
 * above. A directive replaces the article's marker of its direction (the last one of a direction
 * applies) and keeps that of the other: with both, the article is a middle part.
 */
function applyContinuations(drafts: readonly Draft[], contDirectives: readonly Directive[], lines: LineTable, base: number): void {
  const articleOfLine = new Map<number, Article>();
  for (const d of drafts) for (const i of d.a.lines) articleOfLine.set(i, d.a);
  for (const d of contDirectives) {
    let target = d.target >= 0 ? articleOfLine.get(d.target) : undefined;
    if (!target) for (let i = d.line - 1; i >= base && !target; i--) target = articleOfLine.get(i);
    if (!target) continue;
    const c: Continuation = { direction: d.name === 'continued-from' ? 'from' : 'to', target: d.arg, span: { start: lines.start[d.line], end: lines.end[d.line] }, line: d.line };
    const had = target.continuation;
    if (!had || had.direction === c.direction) target.continuation = c;
    else if (c.direction === 'to') target.continuedTo = c;
    else {
      target.continuation = c;
      target.continuedTo = had;
    }
    target.confidence = Math.max(target.confidence, 0.5);
    if (c.direction === 'from' && target.type === 'sidebar') target.type = 'article'; // a continued part (see continuedFrom)
  }
}

/** Extra facts the structure rules need, kept off the stable PageAnalysis shape. */
export interface DetectState {
  /** The page is double-spaced (a blank line after every line). */
  ds: boolean;
}
/** The analyses of double-spaced pages: a weak set, not a state object per page (most of a page's state is read before analyzePage returns). */
const DOUBLE_SPACED = new WeakSet<PageAnalysis>();
const DS_STATE: DetectState = { ds: true };
/** The state of an analysis; undefined when the page is not double-spaced (or was not analysed here). */
export function stateOf(analysis: PageAnalysis): DetectState | undefined {
  return DOUBLE_SPACED.has(analysis) ? DS_STATE : undefined;
}

const NO_BLOCKS: number[][] = [];
/** Label lines of a page that sit away from what they label, by its analysis (read and dropped by analyzePage). */
const ORPHAN_LABELS = new WeakMap<PageAnalysis, number[][]>();
/** Text of a page in no article (unclaimedBlocks), by its analysis (read and dropped by analyzePage). */
const UNCLAIMED = new WeakMap<PageAnalysis, number[][]>();
/** Advertisements (takeAdverts) of a page analysis, until analyzePage reports them. */
const ADVERTS = new WeakMap<PageAnalysis, number[][]>();

/**
 * Line numbers of one page gathered in reused buffers, out as their distinct values in ascending
 * order: a mark per page slot drops a repeat as it comes, and the marks between the smallest and
 * the largest are read out in order (linear; no sort, whose copies of the list were garbage), unless
 * that range is far larger than the list (a few lines spread over a long page): then the list is sorted.
 */
class LineList {
  private buf = new Int32Array(256);
  private marks = new Uint8Array(256);
  private n = 0;
  private base = 0;
  private lo = 0;
  private hi = 0; // slots: small integers (Infinity would box a number on every clear)
  /** For the lines of a page: `size` lines from line `base` (a huge buffer of an earlier page goes). */
  page(base: number, size: number): void {
    if (this.marks.length < size || (this.marks.length > 1 << 16 && size <= 1 << 16)) this.marks = new Uint8Array(Math.max(size, 256));
    if (this.buf.length > 1 << 16 && size <= 1 << 16) this.buf = new Int32Array(256);
    this.base = base;
    this.clear();
  }
  clear(): void {
    this.n = 0;
    this.lo = 0x7fffffff;
    this.hi = -1;
  }
  add(x: number): void {
    const k = x - this.base;
    if (this.marks[k] === 1) return;
    this.marks[k] = 1;
    if (this.n === this.buf.length) {
      const g = new Int32Array(this.buf.length * 2);
      g.set(this.buf);
      this.buf = g;
    }
    this.buf[this.n++] = k;
    if (k < this.lo) this.lo = k;
    if (k > this.hi) this.hi = k;
  }
  addAll(xs: readonly number[]): void {
    for (let k = 0; k < xs.length; k++) this.add(xs[k]);
  }
  sortedUnique(): number[] {
    const n = this.n;
    const base = this.base;
    const marks = this.marks;
    let m = 0;
    if (this.hi - this.lo < 8 * n + 256) {
      for (let k = this.lo; k <= this.hi; k++)
        if (marks[k] === 1) {
          marks[k] = 0;
          OUT[m++] = base + k;
        }
    } else {
      const a = this.buf.subarray(0, n).sort();
      for (let j = 0; j < n; j++) {
        marks[a[j]] = 0;
        OUT[m++] = base + a[j];
      }
    }
    return lineArray(OUT, 0, m);
  }
}
const LINE_SET = new LineList();

/**
 * Line numbers written by index, read out with lineArray: an exact-size array. A pushed array
 * keeps spare slots (16 at the first push, then half as many again as it holds), which the GC
 * copies along for as long as the article lives.
 */
const OUT: number[] = [];
/** An empty list whose slices, empty or not, have the map of a list of objects (a `[]` literal starts as a list of small integers). */
function objectList<T extends object>(): T[] {
  const a: object[] = [{}];
  a.length = 0;
  return a as T[];
}
/** The decks of one cluster and the articles of a page (see OUT and objectList). */
const DECKS = objectList<number[]>();
const ARTICLES = objectList<Article>();
/**
 * The empty lists every article shares (an article's lists are read-only), of the kinds lineArray
 * and objectList make: an array less to keep and copy per empty list, ~3.5 an article on the sample.
 */
const EMPTY_LINES: readonly number[] = new Array<number>(0);
const EMPTY_LISTS: readonly (readonly number[])[] = DECKS.slice(0, 0);

/**
 * xs[from, to) as a new exact-size array. Made with new Array(n) rather than slice: V8 tracks that
 * allocation site and, as nearly all these arrays live as long as the analysis, soon allocates them
 * in the old generation, where no scavenge copies them (a slice has no site to learn from). Holey by
 * kind, without holes.
 */
function lineArray(xs: readonly number[], from: number, to: number): number[] {
  const a = new Array<number>(to - from);
  for (let k = from; k < to; k++) a[k - from] = xs[k];
  return a;
}

/** xs[from, to) as lineArray makes it, or the shared empty list. */
function lineList(xs: readonly number[], from: number, to: number): readonly number[] {
  return to > from ? lineArray(xs, from, to) : EMPTY_LINES;
}

/** An exact-size copy of a pushed list of lists, or the shared empty one. */
function exactLists(xs: readonly (readonly number[])[]): readonly (readonly number[])[] {
  return xs.length === 0 ? EMPTY_LISTS : xs.slice();
}

interface Heads {
  kicker: readonly number[];
  headline: readonly number[];
  decks: readonly (readonly number[])[];
}

/** Kicker, headline and decks of a cluster (or none), as exact-size copies of its blocks' lines. */
function headsOf(c: Cluster | null): Heads {
  let kicker: readonly number[] | null = null;
  let headline: readonly number[] | null = null;
  let nd = 0;
  if (c)
    for (let k = 0; k < c.blocks.length; k++) {
      const b = c.blocks[k];
      // Two kicker blocks are both forced ones (assignSubRoles): one kicker of both.
      if (b.sub === 'kicker') kicker = kicker === null ? lineArray(b.lines, 0, b.lines.length) : kicker.concat(b.lines);
      else if (b.sub === 'headline' && headline === null) headline = lineArray(b.lines, 0, b.lines.length);
      else DECKS[nd++] = lineArray(b.lines, 0, b.lines.length);
    }
  const decks = nd === 0 ? EMPTY_LISTS : DECKS.slice(0, nd);
  DECKS.length = 0;
  return { kicker: kicker ?? EMPTY_LINES, headline: headline ?? EMPTY_LINES, decks };
}

function clamp(x: number): number {
  return Math.round(Math.max(0.05, Math.min(1, x)) * 100) / 100;
}

/** Index of the first story starting at or after `item` (binary search; stories are in item order). */
function nearestStory(live: Story[], item: number): number {
  return lowerBound(live.length, (i) => live[i].firstItem < item);
}

type HeadType = 'main' | 'lead' | 'sub' | 'sentence';

/** What a heading block looks like: a headline ('main'), a lead-in ending in ———, a deck starting with ——, or sentence-like (commas, spanning columns). */
function headType(it: Seg, dump: PageDump, base: number, F: Features): HeadType {
  if (it.forced === 'headline') return 'main';
  if (it.forced === 'kicker') return 'lead';
  if (it.forced === 'deck') return 'sub';
  const kf = it.lines[0] - base;
  const kl = it.lines[it.lines.length - 1] - base;
  if (F.end[kl] === E_DASH) return 'lead';
  const caps = (F.flags[kf] & F_CAPS) !== 0;
  if (F.flags[kf] & F_STARTS_DASH || (F.flags[kf] & F_TITLE && !caps)) return 'sub';
  let commas = 0;
  for (let j = 0; j < it.lines.length; j++) {
    const i = it.lines[j];
    const k = i - base;
    if (F.width[k] > 1.4 * F.local[k]) return 'sentence';
    commas += headCommas(lineText(dump, i));
  }
  return commas > 0 && !caps ? 'sentence' : 'main';
}

const INDEX = new TokenIndex();
/** Token list of live story k, -1 while not read; of cluster k (-1: attached below, none). */
let SET_OF = new Int32Array(64);
let HEAD_OF = new Int32Array(64);

/** Headline, kicker and decks of one cluster. */
function assignSubRoles(c: Cluster, base: number, F: Features): void {
  // Plain loops, not findIndex/forEach/every: their closures were allocated for every cluster.
  const blocks = c.blocks;
  let main = -1;
  for (let k = 0; k < blocks.length && main < 0; k++) if (blocks[k].sub === 'headline') main = k;
  if (main < 0) {
    // No headline-like block: the shortest block that is not a lead-in, else the last one; never a
    // forced kicker or deck (the directive wins over the fallback).
    let best = -1;
    let bestW = Infinity;
    let lastFree = -1; // the last block not forced a kicker or deck
    for (let k = 0; k < blocks.length; k++) {
      const b = blocks[k];
      if (b.forced === 'kicker' || b.forced === 'deck') continue;
      lastFree = k;
      if (F.end[b.lines[b.lines.length - 1] - base] === E_DASH) continue;
      let w = 0;
      for (let j = 0; j < b.lines.length; j++) w += F.width[b.lines[j] - base];
      if (w < bestW) {
        bestW = w;
        best = k;
      }
    }
    main = best >= 0 ? best : lastFree;
  }
  // A forced kicker is the cluster's kicker: no other block is taken for one (headsOf keeps one).
  let kickerTaken = false;
  for (let k = 0; k < blocks.length && !kickerTaken; k++) kickerTaken = blocks[k].forced === 'kicker';
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (k === main) b.sub = 'headline';
    else if (b.forced === 'kicker') b.sub = 'kicker';
    else if (b.forced === 'deck') b.sub = 'deck';
    else if (k < main && !kickerTaken && b.lines.length <= 3 && withinWidth(b.lines, base, F, 1.5)) {
      b.sub = 'kicker';
      kickerTaken = true;
    } else b.sub = 'deck';
    if (b.sub === 'kicker') kickerTaken = true;
  }
}

/** Every line at most `factor` × its local column width. */
function withinWidth(L: readonly number[], base: number, F: Features, factor: number): boolean {
  for (let j = 0; j < L.length; j++) if (!(F.width[L[j] - base] <= factor * F.local[L[j] - base])) return false;
  return true;
}

/**
 * Tokens of the first `max` non-space characters of the texts (a word or bigram may span two
 * texts), as matching reads them (see tokens.ts): the distinct CJK bigrams and the distinct Latin
 * word/number hashes, each in ascending order.
 */
export interface Tokens {
  bigrams: number[];
  words: number[];
}

export function tokens(texts: readonly string[], max: number): Tokens {
  reader.start(max);
  for (const t of texts) if (!reader.feed(t, false)) break;
  reader.end();
  return { bigrams: sortedDistinct(reader.b.subarray(0, reader.nb)), words: sortedDistinct(reader.w.subarray(0, reader.nw)) };
}

function sortedDistinct(xs: Int32Array): number[] {
  const sorted = Int32Array.from(xs).sort();
  const out: number[] = [];
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) out.push(sorted[k]);
  return out;
}

/** Display name of an article: its headline (or kicker, deck, first body line, label), cleaned. */
export function articleTitle(dump: PageDump, a: Article): string {
  // Any article has one of these (the Outline listed a part of a byline alone by its id).
  const first = (lines: readonly number[]) => (lines.length ? lines.slice(0, 1) : undefined);
  const src = a.headline.length ? a.headline : a.kicker.length ? a.kicker : a.decks[0] ?? first(a.body) ?? a.labels[0] ?? first(a.editorsNote) ?? first(a.byline) ?? a.body;
  // One line (most titles): joinHeadline of one cleaned (so trimmed) text is that text.
  if (src.length === 1) return cleanLineText(lineText(dump, src[0]));
  const parts: string[] = []; // pushed, not src.map: see assembleArticles
  for (let k = 0; k < src.length; k++) parts.push(cleanLineText(lineText(dump, src[k])));
  return joinHeadline(parts);
}

export type { Line };
