// Line features, generic line patterns and the column-width estimate behind the article roles.
//
// Everything here looks at one line at a time (plus a bounded window of neighbours for the local
// column width), so a page costs time linear in its size. Regexes only ever see a *compact* head
// or tail of a line: at most HEAD non-space characters (justification spaces removed), so a 1 MB
// line costs one linear scan for the width and nothing more.
//
// Column width. pdftotext hard-wraps body text at the printed column, so most body lines share a
// width; headlines, labels and paragraph ends are shorter, decks and banners spanning several
// columns are wider. A line's width is measured in glyph cells (CJK glyph = 2, Latin = 1, see
// chars.cellWidth) after removing the justification spaces pdftotext puts between CJK glyphs of a
// letter-spaced line, counting an extraction space next to a CJK glyph as half a cell, and halving
// a fake-bold doubled line. The page estimate is the 70th percentile of the widths of ordinary text
// lines at least 8 cells wide: body lines dominate, paragraph ends pull the median down, the upper
// percentile lands on a full column. Paragraphs joined already (the hard-wrap fix clicked on some
// of them) are left out of it: a line that ends a sentence and runs past twice the width most lines
// share (see pageColumnOf) is body, not a column width. Pages mix column widths (a lead story set wider than the
// briefs beside it), so each line is also given a *local* width: the upper quartile of the widths of
// its 6 preceding and 6 following ordinary lines (lines narrower than 0.4× or wider than 1.6× the
// page width are ignored there), falling back to the page width. A line is *full* when it reaches
// 0.78× its local width, or 0.55× when it carries justification spaces (pdftotext only letter-spaces
// a line that the typesetter stretched to the full column).
import type { Line, PageDump, Span } from '../types';
import { CC_CELL2, CC_CJK, CC_HIGH, CC_SCRIPT_CJK, CC_SCRIPT_LATIN, CC_WIDE, CC_WS, CLASS, isCjk, isClosing, isComma, isSentenceEnd } from '../chars';
import { LINE_BLANK } from '../lines';
import { isOverprint, shownUndoubled } from '../overprint';
import { GATE_CJK, GATE_DOUBLED, GATE_SPACE, GATE_TWO_SPACES } from '../rules/gates';

/** Non-space characters kept for pattern matching at the head and at the tail of a line. */
const HEAD = 48;

export type LineKind =
  | 'byline'
  | 'dateline' // a dateline and nothing else
  | 'continuation' // a continuation marker and nothing else
  | 'signoff' // a sign-off and nothing else
  | 'label'
  | 'note-label' // 编者按 and kin: labels an editor's note
  | 'furniture'
  | 'caption';

export type LineEnd = 'sentence' | 'comma' | 'dash' | 'none';

export interface LineInfo {
  index: number;
  /** Width in glyph cells (see the header comment). */
  width: number;
  /** Non-space characters of the line (all of them when `whole`, else the first HEAD). */
  compact: string;
  /** `compact` holds the whole line. */
  whole: boolean;
  /** Number of non-space UTF-16 units. */
  size: number;
  /** Justification spaces between two CJK characters. */
  spaced: number;
  /** Fake-bold: every glyph doubled. */
  doubled: boolean;
  /** Latin line set in capitals (an English headline). */
  caps: boolean;
  /** Latin line in Title Case (an English deck). */
  title: boolean;
  /** How the line ends (after a sign-off or continuation tail, and closing quotes/brackets). */
  end: LineEnd;
  startsDash: boolean;
  kind: LineKind | null;
  /** Dateline at the head of the line (the whole line when kind is 'dateline'). */
  dateline: Span | null;
  /** Sign-off at the tail of the line. */
  signoff: Span | null;
  /** Continuation marker (the whole line, its tail, or a continued-from marker at its head). */
  continuation: LineContinuation | null;
  /** Line starts an editor's note in-line: `编者按：…`. */
  noteHead: boolean;
}

/** space, tab, ideographic space, no-break space, BOM, vertical tab, U+2000–U+200B (a table lookup: see charclass.ts). */
const isWs = (c: number) => (CLASS[c] & CC_WS) !== 0;

function cjkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return true; // astral: treat as CJK (extensions B+)
  return c >= 0x2000 && isCjk(c);
}

/** Offset in the line of the k-th non-space character (k < count). */
function rawIndex(text: string, k: number): number {
  for (let i = 0; i < text.length; i++) {
    if (isWs(text.charCodeAt(i))) continue;
    if (k-- === 0) return i;
  }
  return text.length;
}

/** Offset of the k-th non-space character counted from the end (k = 0 is the last one). */
function rawIndexFromEnd(text: string, k: number): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if (isWs(text.charCodeAt(i))) continue;
    if (k-- === 0) return i;
  }
  return 0;
}

/** The characters isWs skips (for String.prototype.replace: one native pass instead of per-glyph concatenation). */
// eslint-disable-next-line no-control-regex -- \v (vertical tab) is whitespace in dumps; the class must list it
const WS_RE = /[ \t\u3000\u00a0\ufeff\u000b\u2000-\u200b]/g;

/** First HEAD non-space characters. */
function compactHead(text: string): string {
  let size = 0;
  let firstWs = -1;
  let cut = -1; // index just past the HEAD-th non-space character
  for (let i = 0; i < text.length; i++) {
    if (isWs(text.charCodeAt(i))) {
      if (firstWs < 0) firstWs = i;
    } else if (++size === HEAD) {
      cut = i + 1;
      break;
    }
  }
  if (firstWs < 0 || firstWs >= HEAD + 1) return text.slice(0, Math.min(text.length, HEAD));
  return (cut < 0 || cut === text.length ? text : text.slice(0, cut)).replace(WS_RE, '');
}

/** Last HEAD non-space characters, in order. */
function compactTail(text: string): string {
  let n = 0;
  let i = text.length - 1;
  for (; i >= 0; i--) {
    if (isWs(text.charCodeAt(i))) continue;
    if (++n === HEAD) break;
  }
  return (i <= 0 ? text : text.slice(i)).replace(WS_RE, '');
}

// Results of scan() (module state instead of a result object: scan runs once per line).
let mWidth = 0;
let mSpaced = 0;
/** Non-space UTF-16 units. */
let mSize = 0;
/** Index of the first non-space unit, -1 when none. */
let mFirst = -1;
/** capsLine and titleLine of the line. */
let mCaps = false;
let mTitle = false;
/**
 * What reflow measures of a line, taken here on the way: chars.cellWidth of the whole line (every
 * unit, spaces too), and how many of its units isCjkText counts as CJK and as Latin (CLASS's
 * CC_SCRIPT_CJK and CC_SCRIPT_LATIN: every unit, the one after a high surrogate too).
 */
let mCells = 0;
let mCjk = 0;
let mLatin = 0;
/** The line's gates, as lineGates gives them. */
let mGates = 0;

/**
 * Width and justification spaces of a line (see the header comment), and its non-space units;
 * its measures for reflow and its gates for the line rules (mCells…, mGates); also whether it is
 * a Latin caps line or a Title Case line. Those two can only hold for a short line with no unit
 * ≥ U+2E80, so the letter counts are a second pass over such a line only: the pass over every
 * character of the page stays lean. The line is src[from, to): detect passes the
 * dump's text and the line's offsets, as charCodeAt reads a flat string faster than a line's own
 * text (a slice of it, read through its parent on every call).
 */
function scan(src: string, from: number, to: number): void {
  let width = 0;
  let cellsLess = 0; // mCells − width: the spaces' cellWidth, less what width counted for them
  let cjk = 0;
  let latin = 0;
  let spaced = 0;
  let prevCjk = false;
  let run = 0;
  let size = 0;
  let first = -1;
  const cls = CLASS;
  let max = 0; // of the non-space units
  let upper = 0; // A–Z
  // The line rules' gates (rules/gates.ts lineGates), taken on the way: ASCII spaces, spots where a
  // unit that is not isSpace repeats the one before it, any surrogate, a space unit ≥ U+3000.
  let spaces = 0;
  let spots = 0;
  let surrogate = false;
  let wideSpace = false;
  // The unit before (runs below leave it at their first unit: the unit after a run, of another
  // class, cannot equal their last).
  let prev = -1;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    const f = cls[c];
    // Branch-free counts (CC_CELL2 is 1 << 7, CC_SCRIPT_CJK 1 << 8, CC_SCRIPT_LATIN 1 << 9).
    cjk += (f & CC_SCRIPT_CJK) >> 8;
    latin += (f & CC_SCRIPT_LATIN) >> 9;
    if (f & CC_WS) {
      if (c === 32) spaces++;
      else {
        if (c >= 0x3000) wideSpace = true;
        if (c === prev && c !== 9 && c !== 0xa0 && c !== 0x3000) spots++; // U+FEFF, VT, U+2000–U+200B are no isSpace
      }
      prev = c;
      run++;
      cellsLess += 1 + ((f & CC_CELL2) >> 7);
      continue;
    }
    if (c > max) max = c;
    if (c - 65 < 26 && c >= 65) upper++;
    if (c === prev) spots++;
    else if ((c & 0xf800) === 0xd800) surrogate = true;
    prev = c;
    if (first < 0) first = i - from;
    const isCjkUnit = (f & (CC_CJK | CC_HIGH)) !== 0; // astral: treat as CJK (extensions B+)
    if (run > 0 && size > 0) {
      if (prevCjk && isCjkUnit) spaced++;
      else {
        const gap = prevCjk || isCjkUnit ? 0.5 : run < 2 ? run : 2;
        width += gap;
        cellsLess -= gap;
      }
    }
    size++;
    run = 0;
    if (f & CC_HIGH) {
      width += 2;
      i++;
      if (i < to) {
        const low = src.charCodeAt(i);
        const g = cls[low];
        if (low === 32) spaces++; // a broken pair: the unit after the high surrogate is read here
        if (!(g & CC_WS)) size++;
        cjk += (g & CC_SCRIPT_CJK) >> 8;
        latin += (g & CC_SCRIPT_LATIN) >> 9;
      }
    } else width += f & CC_WIDE ? 2 : 1; // CC_WIDE is CC_CELL2 for a unit that is not a space
    prevCjk = isCjkUnit;
    if ((f & (CC_CJK | CC_HIGH)) === CC_CJK) {
      // The CJK glyphs that follow with no space between (most of a body line): two cells each,
      // nothing else to decide for them.
      // A single ASCII space between two of them (a letter-spaced line) is taken in the run too, as
      // the loop above would take it: a space of one cell, and one more spaced gap.
      let j = i + 1;
      let p = c;
      let sp = 0; // spaces taken in the run
      for (; j < to; j++) {
        const d = src.charCodeAt(j);
        if ((cls[d] & (CC_WS | CC_CJK | CC_HIGH)) !== CC_CJK) {
          if (d !== 32 || j + 1 >= to || (cls[src.charCodeAt(j + 1)] & (CC_WS | CC_CJK | CC_HIGH)) !== CC_CJK) break;
          sp++;
          p = 32;
          continue;
        }
        if (d === p) spots++;
        p = d;
      }
      // max decides `max < 0x2e80` below and the gates' `≥ U+3000`. The run starts at c, so max is
      // past U+3000 already but for a run that starts with CJK punctuation below it (an em dash, the
      // □ of a byline): only then is the run read again to raise it (its spaces cannot).
      if (max < 0x3000)
        for (let q = i + 1; q < j; q++) {
          const d = src.charCodeAt(q);
          if (d > max) max = d;
        }
      const glyphs = j - i - 1 - sp;
      size += glyphs;
      cjk += glyphs;
      width += 2 * glyphs;
      spaces += sp;
      spaced += sp;
      cellsLess += sp;
      i = j - 1;
    } else if (!(f & (CC_HIGH | CC_WIDE))) {
      // Likewise the narrow glyphs that follow (the rest of a Latin word): one cell each. A single
      // ASCII space between two of them (prose) is taken in the run too, as the loop above would
      // take it: a space, then a gap of one cell (English restarted the loop every ~6 units).
      let j = i + 1;
      let p = c;
      let sp = 0; // spaces taken in the run
      for (; j < to; j++) {
        const d = src.charCodeAt(j);
        const g = cls[d];
        if (g & (CC_WS | CC_CJK | CC_HIGH | CC_WIDE)) {
          if (d !== 32 || j + 1 >= to || cls[src.charCodeAt(j + 1)] & (CC_WS | CC_CJK | CC_HIGH | CC_WIDE)) break;
          spaces++;
          sp++;
          p = 32;
          continue;
        }
        if (d > max) max = d;
        if (d - 65 < 26 && d >= 65) upper++;
        if (d === p) spots++;
        else if ((d & 0xf800) === 0xd800) surrogate = true;
        p = d;
        cjk += (g & CC_SCRIPT_CJK) >> 8;
        latin += (g & CC_SCRIPT_LATIN) >> 9;
      }
      size += j - i - 1 - sp;
      width += j - i - 1;
      i = j - 1;
    }
  }
  // Halves and whole cells only: exact in any order of addition.
  mWidth = width;
  mCells = width + cellsLess;
  mCjk = cjk;
  mLatin = latin;
  mSpaced = spaced;
  mGates = (spaces > 0 ? GATE_SPACE : 0) | (spaces > 1 ? GATE_TWO_SPACES : 0) | (surrogate || spots >= 3 ? GATE_DOUBLED : 0) | (max >= 0x3000 || wideSpace ? GATE_CJK : 0);
  mSize = size;
  mFirst = first;
  mCaps = false;
  mTitle = false;
  // Both need three capitals at least (caps: 3 of 4 letters or more; Title Case: 7 in 10 of 3 or
  // more words), which most lines of prose lack: then the second pass would find neither.
  if (max < 0x2e80 && to - from <= 160 && upper >= 3) latinCase(src, from, to);
}

/**
 * capsLine and titleLine of a line with no non-space unit ≥ U+2E80 (so no surrogates): Latin
 * letters, the upper-case ones and the other non-space units; words (a Latin letter at the start or
 * after an ASCII space), the capitalised ones.
 */
function latinCase(src: string, from: number, to: number): void {
  const n = to - from;
  const cls = CLASS;
  let letters = 0;
  let upper = 0;
  let other = 0;
  let words = 0;
  let capitals = 0;
  let atStart = true;
  // Letters of the current word that starts in lower case (-1: none): Title Case leaves the short
  // words (the, of, a, to, and) in lower case, so such a word of three letters or less is not counted.
  let lowLen = -1;
  let wideSpace = false; // an ideographic space or BOM: not a title line (a caps line may have one)
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    const f = cls[c];
    if (f & CC_WS) {
      atStart = c === 32;
      if (lowLen > 3) words++;
      lowLen = -1;
      if (c >= 0x2e80) wideSpace = true;
      continue;
    }
    if (f & CC_SCRIPT_LATIN) {
      letters++;
      const up = c >= 65 && c <= 90;
      if (up) upper++;
      if (atStart) {
        if (up) {
          words++;
          capitals++;
        } else lowLen = 1;
      } else if (lowLen >= 0) lowLen++;
    } else other++;
    atStart = false;
  }
  if (lowLen > 3) words++;
  mCaps = letters >= 4 && letters >= 2 * other && upper >= 0.75 * letters;
  mTitle = !wideSpace && n <= 120 && words >= 3 && capitals >= 0.7 * words;
}

function measure(text: string): { width: number; spaced: number } {
  scan(text, 0, text.length);
  return { width: mWidth, spaced: mSpaced };
}

/**
 * Heading text for display: justification spaces out, sure fake bold collapsed (an unsure line is
 * shown as printed: see shownUndoubled), Latin spaces kept.
 */
export function cleanText(text: string): string {
  const t = shownUndoubled(text);
  // A letter-spaced line (spaces between most glyphs) loses them all; a space between two phrases
  // of a headline (深化改革开放 推动高质量发展) stays.
  const { spaced } = measure(t);
  let glyphs = 0;
  for (let i = 0; i < t.length && i < 400; i++) if (cjkAt(t, i)) glyphs++;
  const keepCjkSpace = spaced === 1 && glyphs >= 6;
  const parts: string[] = [];
  let prevCjk = false;
  let from = -1; // start of the current run of non-space characters
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 32;
    if (!isWs(c)) {
      if (from < 0) {
        if (parts.length > 0 && (keepCjkSpace || !(prevCjk && cjkAt(t, i)))) parts.push(' ');
        from = i;
      }
      continue;
    }
    if (from >= 0) {
      parts.push(t.slice(from, i));
      prevCjk = cjkAt(t, i - 1) || (i >= 2 && cjkAt(t, i - 2) && t.charCodeAt(i - 1) >= 0xdc00 && t.charCodeAt(i - 1) <= 0xdfff);
      from = -1;
    }
  }
  return parts.join('');
}

const DASHES = new Set([0x2014, 0x2015, 0x2500, 0x2013, 45, 0xff0d]);
/** One of DASHES (its bit in the first-character table). */
function isDash(c: number): boolean {
  return (FIRST_FLAGS[c] & FF_DASH) !== 0;
}

function endOf(s: string): LineEnd {
  let i = s.length;
  while (i > 0 && isClosing(s.charCodeAt(i - 1))) i--;
  if (i === 0) return 'none';
  const c = s.charCodeAt(i - 1);
  if (isSentenceEnd(c)) return 'sentence';
  if (isComma(c)) return 'comma';
  if (isDash(c) && i >= 2 && isDash(s.charCodeAt(i - 2))) return 'dash';
  return 'none';
}

// ---- patterns (compact text: no spaces; bounded quantifiers; anchored) ----

const NUM = '[0-9０-９一二三四五六七八九十百零〇]';
/** A place name: no function word in it (本报开设的电视专栏 is no dateline). */
const PLACE = '(?:(?![的与和及在了为从对向])[\\u4e00-\\u9fff]){1,8}';
/** The 电 of a dateline, not of a word it begins (电视, 电商, 电力…: 本报与市电力公司…). */
const DIAN = '电(?![视商力话子影网脑动器费池台气梯竞缆信讯])';
const DATE = `(?:${NUM}{1,2}月${NUM}{1,3}日)?`;
/** Who a dateline's brackets name (记者 王五 通讯员 赵六), the brackets left out. */
const REPORTERS = '(?:记者|通讯员|特约记者)[^）)]{1,24}';
/** Reporters named in the lead right after the dateline, without brackets: `记者张三 通讯员李四 报道：` (no comma or full stop: 记者从…获悉， is the lead). */
const REPORTERS_LEAD = '(?:本报)?(?:记者|通讯员|特约记者)[^：:，。！？；（）()]{1,30}?报道';
const REPORTER = `(?:[（(]${REPORTERS}[）)]|${REPORTERS_LEAD}[：:])?`;
/**
 * The reporters at a dateline's end, which the export gives to the byline: in brackets (group 1,
 * without them: 本报讯（记者 王五）) or named in the lead (group 2, without its colon: 本报讯 记者张三
 * 通讯员李四 报道：…).
 */
export const DATELINE_REPORTER = new RegExp(`(?:[（(](${REPORTERS})[）)]|[ \\u3000]*(${REPORTERS_LEAD})[：:])$`);
const DATELINE_RES: RegExp[] = [
  new RegExp(`^本报讯${REPORTER}`),
  new RegExp(`^本报(?!记者|通讯员|评论员)(?:${PLACE})?${DATE}${DIAN}${REPORTER}`),
  new RegExp(`^(?:新华社|中新社|中新网|人民网|新华网|央视网|光明网|央广网|中国新闻网|人民日报|经济日报|光明日报)(?!记者)(?:${PLACE})?${DATE}${DIAN}${REPORTER}`),
];
/** English dateline on the raw head: `WASHINGTON, May 1.—`, `NEW-YORK, April 30 (Special).—`. */
const DATELINE_EN = /^[A-Z][A-Z.'\- ]{2,28}, ?(?:[A-Z][a-z]{2,4}\.? ?\d{1,2}|[A-Z][a-z]{2,8})\.?(?: ?\([A-Za-z ]{1,20}\))?\.? ?[-—–]{1,2}/;
const MONTH_EN = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\\.?)';
/** An abbreviation of a state or country after the place: `Pa.,`, `N. Y.,`, `Tex.,` (OCR'd `N. V .`, `N. T`). */
const STATE_EN = '[A-Z][a-z]{0,3} ?\\.?,? ?';
/**
 * The other English datelines: a place of one to three words in capitals or Title Case
 * (`ERIE`, `St. Louis`, `Havana`; its comma maybe read as a full stop), state or country
 * abbreviations (`Pa.`, `N. Y.`), a month (abbreviated or full) and a day (maybe with a speck of the
 * scan: `3«>`), a full stop and a dash (— -- -): `ERIE, Pa., Sept. 16.—`, `St. Louis, April 30.—`.
 */
const DATELINE_EN_PLACE = new RegExp(`^[A-Z][A-Za-z'\\-]{1,20}\\.?(?: [A-Z][A-Za-z'\\-]{1,20}\\.?){0,2}[,.] ?(?:${STATE_EN}(?:${STATE_EN})?)?${MONTH_EN} ?\\d{1,2}(?:[«»>]{1,2})?(?: ?\\([A-Za-z ]{1,20}\\))? ?\\. ?(?:—|--|-|–)`);

/**
 * The verbs of a continuation marker (see contDirection), and its target: a page (第二版, 3版) or a
 * lettered section's (A3), or up to four of them (第2、3版, 2—3版, 第二至三版, A2-A3) where a story
 * runs on over a spread. A separator is no page character, so each repetition takes one and the
 * match cannot backtrack far. 紧转 / 紧接 are 下转 / 上接 as some papers print them.
 */
const CONT_VERB = '(下转|转至|转|下接|紧转|上接|紧接|接|续)';
const CONT_PAGE = '第?[0-9A-Za-z０-９一二三四五六七八九十]{1,4}';
const CONT_SEP = '(?:[、，,]|[—–\\-－~～]{1,2}|至)';
const CONT_TARGET = `((?:${CONT_PAGE}(?:版|页|面)?${CONT_SEP}){0,3}${CONT_PAGE}(?:版|页|面)|[A-Za-z][0-9]{1,2}(?:${CONT_SEP}[A-Za-z]?[0-9]{1,2}){0,3})`;
const CONT_WHOLE = new RegExp(`^▶?[（(〔［\\[【]?${CONT_VERB}${CONT_TARGET}[）)〕］\\]】]?$`);
const CONT_TAIL = new RegExp(`[（(〔［\\[【]${CONT_VERB}${CONT_TARGET}[）)〕］\\]】]$`);
/**
 * A marker that opens a body line: `（上接第一版）全市…`. In brackets, and only the verbs of a part
 * continued *from* a page: that marker heads the text after it, while a 'to' marker ends the text
 * before it, so at a line's head it would belong to another line's article.
 */
const CONT_HEAD = new RegExp(`^[（(〔［\\[【](上接|紧接|接|续)${CONT_TARGET}[）)〕］\\]】]`);
/**
 * A continuation marker cut by the column at a line end: its opening (a bracket, maybe the verb or
 * its first glyph, maybe the start of the target: `（`, `（下`, `（下转第`, `（转`, `（上接第一`) ends one
 * text line and its rest (the rest of the verb and target and the closing bracket: `下转第二版）`,
 * `二版）`) opens the next, blank lines between or none. The two, spaces left out, must make one
 * marker (CONT_TAIL at 0). See joinCutMarkers.
 */
const CONT_OPEN = new RegExp(`^[（(〔［\\[【](?:${CONT_VERB}[第0-9A-Za-z０-９一二三四五六七八九十、，,—–\\-－~～至版页面]{0,12}|[下上紧])?$`);
/** Characters a sign-off or continuation tail can end with. */
const CLOSERS = new Set([0xff09, 41, 0x3015, 0xff3d, 93, 0x3011]);
/** First characters of the CJK dateline patterns. */
const DATELINE_FIRST = new Set(Array.from('本新中人央光经', (c) => c.charCodeAt(0)));
/**
 * An English marker: `Continued on Page Three.`, `(Continued from First Page.)`, read through the
 * OCR's usual slips in its verb (`Contlnued`: i read as l or 1; `frorn`: m as rn) and maybe a speck
 * before it (`«Continued…`), the rest as printed. Group 1: what precedes the marker (spaces, a
 * speck); 2: on/from; 3: the target. The match runs to the marker's end: its full stop and
 * closing bracket.
 */
const CONT_EN_BODY = String.raw`[([{]?\s*(?:c[o0]nt[il1|!]nued|cont'?d|concluded)\s+(on|fr[o0](?:m|rn))\s+(?:the\s+)?((?:[a-z]+|\d{1,3})\s+(?:pag[a-z]|paoe)|(?:pag[a-z]|paoe)\s+[a-z0-9]{1,12})(?:\s*[.,])?(?:\s*[)\]}])?`;
const CONT_EN = new RegExp(String.raw`^(\s*(?:[«»*•■|'"]\s*)?)${CONT_EN_BODY}`, 'i');
/** A marker ending a line, after a sentence's end (`…lost work. (Continued on Page Two.)`); group 1: the space before it. */
const CONT_EN_TAIL = new RegExp(String.raw`(?:^|(?<=[.!?:;"'”’)]))(\s*)${CONT_EN_BODY}\s*$`, 'gi');
/** What follows a marker and is text, not a speck of the scan (`Continued On Pago Two. m`): a word of two letters, or more than three characters. */
const EN_REST_TEXT = /[A-Za-z]{2}|\S(?:\s*\S){3}/;
/** Lines CONT_EN may open: c/C, an opening bracket, a speck. */
const LATIN_OPEN = new Set(Array.from('cC([{«»*•■|\'"', (c) => c.charCodeAt(0)));

/**
 * What a sign-off's brackets hold: 完, a role word and names, or just a name or two (`（李明）`,
 * `（李明 王芳）`: 2–4 glyphs each), but not a bracketed note (见图, 附图, 待续, 未完, 上图, 摘要, 节选,
 * 有删节, 原标题…) or a number (（一）, （二〇二四）).
 */
const SIGNOFF_NAMES = '(?![见附待未续上下图注略摘节有原转接完一二三四五六七八九十〇零])[\\u4e00-\\u9fff]{2,4}(?:[ 、·・][\\u4e00-\\u9fff]{2,4})?';
/**
 * A source note: where a story was taken from, `（摘自《光明日报》）`, `（选自《求是》2025年第5期）`,
 * `（来源：新华网）`, `（稿件来源：人民网）`: the story's sign-off (at a page's foot it read as the
 * paper's masthead, mid-page as the next story's kicker).
 */
const SIGNOFF_SOURCE = '(?:摘自|选自|转自)《[^》）)]{1,20}》[^）)]{0,16}|(?:稿件|新闻|信息)?来源[：:][^）)]{2,24}';
/**
 * A source note on a line of its own without brackets: `来源：光明日报`, `摘自《光明日报》`,
 * `选自《求是》2025年第5期`. A sign-off too, but a whole note only: after the title, a date or an
 * issue at most, not a sentence running on (`摘自《…》第三卷的` / `一篇讲话，…`: a body line). In
 * context it needs a line above that ends a sentence (sourceNotesAndCaptionsInContext).
 */
const SIGNOFF_SOURCE_LINE = /^(?:(?:稿件|新闻|信息)?来源[：:][^，。！？；（）()]{2,24}|(?:摘自|选自|转自)《[^》]{1,20}》(?:[0-9０-９一二三四五六七八九十〇零]{1,4}[年月日]|第?[0-9０-９一二三四五六七八九十〇零]{1,4}[期版卷号辑页])*)$/;
const SIGNOFF_INNER = `(?:完|本报[^）)]{0,12}|记者[^）)]{1,24}|通讯员[^）)]{1,24}|据[^）)]{1,24}|新华社[^）)]{0,24}|${SIGNOFF_SOURCE}|[^）)]{0,16}(?:供稿|供图|整理|报道|编译|综合)|${SIGNOFF_NAMES})`;
const SIGNOFF_WHOLE = new RegExp(`^[（(]${SIGNOFF_INNER}[）)]$`);
const SIGNOFF_TAIL = new RegExp(`[。！？…”’」』.!?][（(]${SIGNOFF_INNER}[）)]$`);

/**
 * A reporter's credit in brackets, the whole line (`（记者 王 丽 通讯员 李 明）`, `（本报记者 王丽）`):
 * read as a sign-off (SIGNOFF_WHOLE), which it is under a story's text; above the text, under its
 * heading, it is the story's byline (see segments in detect.ts).
 */
const REPORTER_BRACKET = /^[（(](?:本报|新华社|人民日报|中新社|央视|央广)?(?:特约|见习|实习|首席|全媒体|融媒体)?(?:摄影记者|记者|通讯员|实习生)[^（()）]{1,30}[）)]$/;
/** Whether the line's text is a reporter's credit in brackets (REPORTER_BRACKET). */
export function isReporterBracket(text: string): boolean {
  return REPORTER_BRACKET.test(text.trim());
}

const BYLINE_BOX = /^[□■◇◆●○]/;
/**
 * Who a byline's role names before 记者 / 通讯员: the paper (本报) or a wire or another paper or
 * broadcaster (新华社记者 王五, 人民日报记者 王五 赵六, 央视记者 …), and a kind (特约, 首席, 全媒体,
 * 驻京): as export.ts ROLE reads them.
 */
export const BYLINE_ORG = '(?:本报|本台|本刊|新华社|中新社|人民日报|光明日报|经济日报|央视|央广|总台)?(?:特约|见习|实习|首席|全媒体|融媒体|驻[\u4e00-\u9fff]{1,4})?';
const BYLINE_ROLE = new RegExp(`^${BYLINE_ORG}(?:记者|通讯员|实习生|撰稿人?)`);
/** Names set off by spaces after the role: `记者 张三 李四`, `新华社记者 王五`. */
const BYLINE_SPACED = new RegExp(`^${BYLINE_ORG}(?:记者|通讯员|实习生)[ \u3000]+[\u4e00-\u9fff·、]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff·、]{2,4}){0,4}$`);
/** A commentary's author named by office (本报评论员, 本报特约评论员, 人民日报评论员), maybe with names: a byline, not a column label. */
const BYLINE_COMMENTATOR = new RegExp(`^(?:本报|本刊|新华社|人民日报|光明日报|经济日报)(?:特约)?评论员(?:[ \\u3000]+[\\u4e00-\\u9fff·、]{2,4}(?:[ \\u3000、]+[\\u4e00-\\u9fff·、]{2,4}){0,3})?$`);
const BYLINE_END = /(?:报道|撰文|撰稿|采写|整理|文图|文\/图|编译)$/;
/** `本报记者张三`, `本报记者张三李四`: names, not a sentence (本报记者从市统计局获悉…). */
const BYLINE_PLAIN = /^(?:本报|新华社|中新社|人民日报|光明日报|经济日报|央视|央广)(?:特约|见习)?记者(?![从在对向据将把被为就于与和到了是也还已近日今昨])[\u4e00-\u9fff·、]{2,10}$/;
const BYLINE_SLASH = /^(?:文|图|文\/图|文图|文・图|撰文|摄影)[/／:：][\u4e00-\u9fff·、 ]{2,14}/;
const BYLINE_SPECIAL = /^Sp[a-z]{3,5}l\s+to\s+(?:T[a-z]{1,2}e\s+)?[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,4}\.?$/;
/**
 * A wire or correspondent's credit or a copyright line under an English headline, in brackets or
 * not: `[BY TELEGRAPH TO THE TRIBUNE.]`, `By Leased Wire to The Tribune.`, `(Special to The
 * Tribune.)`, `(Copyright: 1903: By The Tribune Association.)`; its full stop OCR'd a comma
 * (`By Leased Wire to The Tribune,`). Part of the byline (export.ts bylineOut: it names no person).
 */
export const BYLINE_CREDIT = /^[[({]?\s*(?:(?:BY|By)\s+(?:[A-Z][A-Za-z]*\s+){1,2}(?:TO|to)\s+T[a-zA-Z]{1,2}[eEn]\s+[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}|Sp[a-z]{3,5}l\s+to\s+(?:T[a-z]{1,2}e\s+)?[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,4}|(?:COPYRIGHT|Copyright)\b[^()[\]{}]{0,60})\s*[.,]?\s*[\])}]?[.,]?$/;
/** A copyright line (`(Copyright: 1903: By The Tribune Association.)`), of the byline credits. */
export function isCopyright(text: string): boolean {
  return /^\s*[[({]?\s*(?:COPYRIGHT|Copyright)\b/.test(text);
}
const BYLINE_EN = /^(?:By|BY)\s+[A-Z][A-Za-z.'-]{1,20}(?:\s+[A-Z][A-Za-z.'-]{0,20}){0,4}\.?\s*$/;

/** Initials alone on a line, each with its full stop: `I. W. F.`, `J.B.` (two to four). */
const SIGNOFF_INITIALS = /^(?:[A-Z]\. ?){1,3}[A-Z]\.$/;
const NOTE_LABEL = /^(?:编者按|编者的话|编后语?|编者附记|编辑手记)[：:]?$/;
const NOTE_HEAD = /^(?:编者按|编者的话|编后语?)[：:]./;
const LABEL_WORDS = /^(?:简讯|快讯|图片新闻|新闻简讯|一句话新闻|短评|时评|新闻链接|相关链接|链接|延伸阅读|小贴士|背景链接|新闻背景|记者手记|记者观察|评论员文章|社论|今日导读|导读|要闻提示|本版导读)[：:]?$/;
const LABEL_BRACKETS = /^[《【〔［[「][^》】〕］\]」]{1,18}[》】〕］\]」]$/;

const CREDIT_LABELS = '(?:责任编辑|本版编辑|本版责编|责编|编辑|美编|美术编辑|校对|版式|组版|审读|终审|值班编辑|版面设计|视觉设计|排版|图片编辑|制图)';
const FURNITURE_CREDIT = new RegExp(`^${CREDIT_LABELS}[：:]`);
/** A name of a staff credit: 2–4 Han glyphs, a two-glyph one maybe padded (`王 丽`). */
const CREDIT_NAME = '[\\u4e00-\\u9fff](?: ?[\\u4e00-\\u9fff]){1,3}';
/** The names after a credit's label: separated by spaces or 、. */
const CREDIT_NAMES = `${CREDIT_NAME}(?:[ \\u3000]*、[ \\u3000]*${CREDIT_NAME}|[ \\u3000]+${CREDIT_NAME})*`;
/**
 * A staff credit without a colon, the whole line: labels each followed by a space and names
 * (`责任编辑 王 丽`, `责任编辑 王 丽  校对 李 明`, `本版编辑 王丽丽 李明`); a later label may take a colon.
 */
const FURNITURE_CREDIT_SPACED = new RegExp(`^${CREDIT_LABELS}[ \\u3000]+${CREDIT_NAMES}(?:[ \\u3000]+${CREDIT_LABELS}(?:[ \\u3000]*[：:][ \\u3000]*|[ \\u3000]+)${CREDIT_NAMES})*$`);
const FURNITURE_DATE = new RegExp(`^(?:${NUM}{4}年)?${NUM}{1,2}月${NUM}{1,2}日(?:星期[一二三四五六日天]|周[一二三四五六日天])?(?:农历[\\u4e00-\\u9fff]{1,12})?$`);
const FURNITURE_WEEKDAY = /^(?:星期|周)[一二三四五六日天]$/;
const FURNITURE_PAGENO = new RegExp(`^(?:第?${NUM}{1,3}版|[A-Za-z]?[0-9]{1,3}|[-—–][0-9]{1,3}[-—–]|(?:PAGE|Page|page)[0-9A-Za-z]{1,6}|[0-9]{1,3}/[0-9]{1,3})$`);
/**
 * The forms of FURNITURE_PAGENO that are a bare number (3, A3, -3-, 3/12): a folio only at the
 * page's top or bottom, and not inside a sentence there (see numberInSentence). Mid-page such a
 * line is text: a score or a figure the layout set on a line of its own (…主场以 / 3 / 比2战胜…).
 */
const PAGENO_BARE = /^(?:[A-Za-z]?[0-9]{1,3}|[-—–][0-9]{1,3}[-—–]|[0-9]{1,3}\/[0-9]{1,3})$/;
/**
 * Edge lines that read as furniture (a paper's name, 第二版) but are text: a correspondent's credit
 * (`Special to The New-York Tribune.`, OCR'd `Spsclal to Tbe Tribune.`; spaces are gone in the
 * compact head) and the tail of a marker wrapped onto the last line (`二版）` of `（下转第` + `二版）`).
 */
const EDGE_NOT_FURNITURE = /^Sp[a-z]{3,5}lto|^[^（(]*[）)]$/i;
/**
 * Only at the top or bottom of a page: mastheads, running heads, edition lines. A page number (第3版,
 * A3版) or a full date (2024年8月27日), not any 版 or year: a body line cut at the page's end reads
 * 推广新版农机 or 在2024年全市. The section words go on short lines only (FURNITURE_EDGE_SHORT).
 */
const FURNITURE_EDGE = /(?:日报|晚报|时报|周报|商报|都市报|电视报|[0-9０-９一二三四五六七八九十A-Z]版|统一刊号|出版物号|CN[0-9]{2}-|[0-9]{4}年[0-9]{1,2}月)/;
/**
 * English edge furniture, read on the line's text with its spaces: a paper's name as the whole line
 * (`THE NEW-YORK TRIBUNE.`, `The Salt Lake Tribune`), not a headline or sentence holding the word
 * (`GOOD NEWS FOR FARMERS`, `By Leased Wire to The Tribune.`); a weekday opening a line of
 * capitals (`SUNDAY MORNING, SEPTEMBER 17, 1911.`). MONTH_YEAR_EN too, on a line with no word in
 * lower case (a sentence: `was born on September 17, 1911, in`). A name line that ends a sentence
 * the line above leaves open (`…as the clerks told The` / `Evening News.`) is text: see
 * edgeContinues.
 */
// A paper's name holds no pronoun, preposition or verb (`SENATOR QUITS HIS POST` is a headline),
// and a date line a number or a month (`SUNDAY MORNING, SEPTEMBER 17, 1911.`, not `SUNDAY SCHOOL PICNIC`).
const EDGE_NAME_EN = /^(?!.*\b(?:HIS|His|HER|Her|ITS|Its|THEIR|Their|TO|To|IN|In|ON|On|AT|At|FOR|For|BY|By|WITH|With|FROM|From|IS|Is|ARE|Are|WAS|Was|WILL|Will)\b)(?:THE |The )?(?:[A-Z][A-Za-z'&-]*\.? ){0,3}(?:TRIBUNE|Tribune|TIMES|Times|HERALD|Herald|POST|Post|NEWS|News|JOURNAL|Journal)\.?$/;
const EDGE_DAY_EN = /^(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b[^a-z]*(?:\d|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)[^a-z]*$/;
const LOWER_WORD = /(?:^|[^A-Za-z])[a-z]{2,}/;
/** A masthead's volume and number (`VOL. LXIII....No. 20,620.`): furniture anywhere on the page. */
const MASTHEAD_VOL = /^VOL\.?\s*[IVXLC0-9]+[.,\s-]*(?:No\.?\s*[0-9][0-9,.]*)?$/i;
const FURNITURE_EDGE_SHORT = /(?:要闻|综合|星期|农历)/;
/** Glyphs at most of an edge line that FURNITURE_EDGE_SHORT alone makes furniture. */
const EDGE_SHORT_MAX = 12;
const MONTH_YEAR_EN = /(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|January|February|March|April|June|July|August|September|October|November|December)[^0-9]{0,4}[0-9]{1,2}[,.]? ?[0-9]{4}/;

const CAPTION_HEAD = /^(?:[▲△↑↓←→◀▶]|图为|上图|下图|左图|右图|图[：:/／]|图片[：:]|组图)/;
/**
 * A caption in brackets, as some papers print one under a photo: `（图为市民在市图书馆阅读。本报记者 王丽 摄）`.
 * The bracket holds the whole caption: it closes at the line's end or runs on to a later line, not
 * right after a pointer with the sentence going on (`（上图）。据介绍，…`: a body line); see
 * bracketHoldsLine. Not under a line that ends no sentence (sourceNotesAndCaptionsInContext).
 */
const CAPTION_HEAD_BRACKET = /^[（(](?:图为|上图|下图|左图|右图|图[：:]|图片[：:]|组图)(?![）)])/;
/** The photo credit a caption's last line ends with (`…生产。本报记者 王丽 摄`, `本报记者 王丽 摄）`), on its compact tail. */
export const CAPTION_CREDIT_END = /(?:记者|通讯员|本报|摄影)[^，。！？、；]{0,10}(?<!拍)摄[）)]?$/;
/**
 * A photo credit: a name and 摄, not a sentence ending in 拍摄 (记者看到市民纷纷用手机拍摄): after a
 * role (`本报记者 张三 摄`), in brackets after a short source (`（王 丽 摄）`, `新华社发（王 丽 摄）`),
 * or a name alone (`王 丽 摄`). The head is compact: its spaces are gone.
 */
const CAPTION_WHOLE = /^(?:[^，。！？]{0,20}(?:记者|通讯员|本报)[^，。！？]{0,10}(?<!拍)摄|[^，。！？（(]{0,8}[（(][^）)]{0,20}摄[）)]|[\u4e00-\u9fff]{2,4}(?<!拍)摄)$/;

// First-character prefilters: every anchored pattern above can only match a head starting with one
// of these characters, so most body lines skip the regexes (a call each) after one Set lookup.
const firstSet = (chars: string) => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const CONT_WHOLE_FIRST = firstSet('（(〔［[【▶下转上接续紧');
/** First and second characters of CONT_HEAD. */
const CONT_HEAD_FIRST = firstSet('（(〔［[【');
const CONT_HEAD_SECOND = firstSet('上紧接续');
/** First characters of a whole-line sign-off: SIGNOFF_WHOLE's brackets, SIGNOFF_SOURCE_LINE's words (FIRST_FLAGS has no bit left for a set of their own). */
const SIGNOFF_WHOLE_FIRST = firstSet('（(来摘选转稿新信');
/** Characters an English credit line (BYLINE_CREDIT) starts with: `By`, `BY`, `Special`, `Copyright`, or a bracket. */
const EN_CREDIT_FIRST = firstSet('BSC([{');
/** Characters an opening of a cut marker can end with (the bracket, the verb's first or last, 第, a target's): the test before any other. */
const CONT_OPEN_LAST = firstSet('（(〔［[【下上紧转接续至第一二三四五六七八九十版页面、，,—–-－~～0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
/** Opening brackets of a marker. */
const CONT_BRACKETS = firstSet('（(〔［[【');
/** What may stand between a cut marker's bracket and its line end (CONT_OPEN's characters, verbs included). */
const CONT_OPEN_BODY = firstSet('下上紧转接续至第一二三四五六七八九十版页面、，,—–-－~～0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
/** Most units a cut marker's opening or rest spans on its line (spaces included). */
const CONT_PART_MAX = 16;
const CAPTION_HEAD_FIRST = firstSet('▲△↑↓←→◀▶图上下左右组');
const BYLINE_CJK_FIRST = firstSet('□■◇◆●○文图撰摄本特见实记通新中人光经央总首全融驻');
const NOTE_FIRST = 0x7f16; // 编: NOTE_LABEL, NOTE_HEAD
const LABEL_FIRST = firstSet('短时新相链延小背记本评社今导要简快图一《【〔［[「');

/** A superset of the characters `\s` matches (and String.prototype.trim removes). */
function isReSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** First character of src[from, to) after an optional opening bracket (`skipBracket`) and `\s` spaces; NaN when none. */
function firstAfterSpace(src: string, from: number, to: number, skipBracket: boolean): number {
  let i = from;
  if (skipBracket && i < to) {
    const c = src.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) i++;
  }
  while (i < to && isReSpace(src.charCodeAt(i))) i++;
  return i < to ? src.charCodeAt(i) : NaN;
}

/**
 * Span of compact characters [from, to) of the head (tailLen < 0) or tail (counted in a tail of
 * `tailLen`) of a line: its text, starting at lineStart in the dump.
 */
function span(text: string, lineStart: number, from: number, to: number, tailLen = -1): Span {
  let a: number;
  let b: number;
  if (tailLen < 0) {
    a = rawIndex(text, from);
    b = rawIndex(text, Math.max(from, to - 1));
  } else {
    a = rawIndexFromEnd(text, tailLen - 1 - from);
    b = rawIndexFromEnd(text, tailLen - Math.max(from, to - 1) - 1);
  }
  const c = text.charCodeAt(b);
  return { start: lineStart + a, end: lineStart + b + (c >= 0xd800 && c <= 0xdbff ? 2 : 1) };
}

// ---- per-line features of a page, in typed arrays ----

/** Pattern kinds as small integers (index into KIND_NAMES). */
export const K_NONE = 0;
export const K_BYLINE = 1;
export const K_DATELINE = 2;
export const K_CONTINUATION = 3;
export const K_SIGNOFF = 4;
export const K_LABEL = 5;
export const K_NOTE_LABEL = 6;
export const K_FURNITURE = 7;
export const K_CAPTION = 8;
export const KIND_NAMES: readonly (LineKind | null)[] = [null, 'byline', 'dateline', 'continuation', 'signoff', 'label', 'note-label', 'furniture', 'caption'];
export function kindCode(k: LineKind | null): number {
  return k === null ? K_NONE : KIND_NAMES.indexOf(k);
}

export const E_NONE = 0;
export const E_SENTENCE = 1;
export const E_COMMA = 2;
export const E_DASH = 3;
const END_NAMES: readonly LineEnd[] = ['none', 'sentence', 'comma', 'dash'];

/** Bits of Features.flags. */
export const F_WHOLE = 1;
export const F_DOUBLED = 2;
export const F_CAPS = 4;
export const F_TITLE = 8;
export const F_STARTS_DASH = 16;
export const F_NOTE_HEAD = 32;
/** Free for the caller (detect marks paragraph starts). */
export const F_USER = 64;
/** The line's continuation marker opens it, body text after it: `（上接第一版）全市…` (CONT_HEAD). */
export const F_CONT_HEAD = 128;

/**
 * A line's continuation marker: its last. `before`: the line's other markers, in line order, when it
 * holds several: a continued-from marker opening it (`（上接第一版）…（下转第三版）`, a middle part in
 * one line; `（上接第一版）…（上接第二版）`), and markers right before the last
 * (`…（下转第二版）（转第三版）`). Rare: most lines have one marker or none.
 */
export type LineContinuation = { direction: 'to' | 'from'; target: string; span: Span; before?: readonly LineContinuation[] };

/**
 * The features of LineInfo for many lines, column by column: slot k holds a line's width, flags,
 * end and kind in typed arrays, and its (rare) dateline, sign-off and continuation in plain arrays.
 * One instance is reused from page to page, so a page allocates nothing per ordinary line.
 */
export class Features {
  cap = 0;
  width = new Float64Array(0);
  /** Local column width (filled by localWidthsOf). */
  local = new Float64Array(0);
  spaced = new Int32Array(0);
  flags = new Uint8Array(0);
  end = new Uint8Array(0);
  kind = new Uint8Array(0);
  dateline: (Span | null)[] = [];
  signoff: (Span | null)[] = [];
  continuation: (LineContinuation | null)[] = [];
  /** Room for n slots (contents of a grown instance are not kept). */
  ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.cap = cap;
    this.width = new Float64Array(cap);
    this.local = new Float64Array(cap);
    this.spaced = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
    this.end = new Uint8Array(cap);
    this.kind = new Uint8Array(cap);
    this.dateline = new Array<Span | null>(cap).fill(null);
    this.signoff = new Array<Span | null>(cap).fill(null);
    this.continuation = new Array<LineContinuation | null>(cap).fill(null);
  }
  /** Slot k as a LineInfo object. */
  info(k: number, index: number, compact: string): LineInfo {
    const f = this.flags[k];
    return {
      index,
      width: this.width[k],
      compact,
      whole: (f & F_WHOLE) !== 0,
      size: 0,
      spaced: this.spaced[k],
      doubled: (f & F_DOUBLED) !== 0,
      caps: (f & F_CAPS) !== 0,
      title: (f & F_TITLE) !== 0,
      end: END_NAMES[this.end[k]],
      startsDash: (f & F_STARTS_DASH) !== 0,
      kind: KIND_NAMES[this.kind[k]],
      dateline: this.dateline[k],
      signoff: this.signoff[k],
      continuation: this.continuation[k],
      noteHead: (f & F_NOTE_HEAD) !== 0,
    };
  }
  /** Slot k from a LineInfo object. */
  setInfo(k: number, x: LineInfo): void {
    this.width[k] = x.width;
    this.spaced[k] = x.spaced;
    this.flags[k] = (x.whole ? F_WHOLE : 0) | (x.doubled ? F_DOUBLED : 0) | (x.caps ? F_CAPS : 0) | (x.title ? F_TITLE : 0) | (x.startsDash ? F_STARTS_DASH : 0) | (x.noteHead ? F_NOTE_HEAD : 0);
    this.end[k] = END_NAMES.indexOf(x.end);
    this.kind[k] = kindCode(x.kind);
    this.dateline[k] = x.dateline;
    this.signoff[k] = x.signoff;
    this.continuation[k] = x.continuation;
  }
}

/** How the last `T` non-space units of src[from, to) end (endOf on the compact tail, without building it). */
function endOfRaw(src: string, from: number, to: number, T: number): number {
  let p = to - 1;
  let seen = 0;
  let c = 0;
  for (;;) {
    while (p >= from && isWs(src.charCodeAt(p))) p--;
    if (p < from || seen >= T) return E_NONE;
    c = src.charCodeAt(p);
    if (!isClosing(c)) break;
    seen++;
    p--;
  }
  if (isSentenceEnd(c)) return E_SENTENCE;
  if (isComma(c)) return E_COMMA;
  if (isDash(c)) {
    seen++;
    p--;
    while (p >= from && isWs(src.charCodeAt(p))) p--;
    if (p >= from && seen < T && isDash(src.charCodeAt(p))) return E_DASH;
  }
  return E_NONE;
}

function endCode(s: string): number {
  const e = endOf(s);
  return e === 'sentence' ? E_SENTENCE : e === 'comma' ? E_COMMA : e === 'dash' ? E_DASH : E_NONE;
}

/** The first index of src[from, to) that is no space (to when none). */
function textStart(src: string, from: number, to: number): number {
  while (from < to && isWs(src.charCodeAt(from))) from++;
  return from;
}

/** The end of src[from, to) without its trailing spaces (from when all are). */
function textEnd(src: string, from: number, to: number): number {
  while (to > from && isWs(src.charCodeAt(to - 1))) to--;
  return to;
}

/** Index in src[from, to) of its last non-space unit (counted from `from`), -1 when none. */
function lastNonWs(src: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && isWs(src.charCodeAt(i))) i--;
  return i - from;
}

const CH_SHE = 0x6444; // 摄
const CH_FW_RPAREN = 0xff09; // ）
const CH_FW_LPAREN = 0xff08; // （
/** First characters of FURNITURE_CREDIT. */
const CREDIT_FIRST = firstSet('责本编美校版组审终值视排图制');
/** First characters of FURNITURE_DATE (a NUM). */
const NUM_FIRST = firstSet('0123456789０１２３４５６７８９一二三四五六七八九十百零〇');

// The first-character tests of scanLine as bits of one table (one lookup for the first character).
const FIRST_FLAGS = new Uint16Array(0x10000);
let nextFlag = 1;
function firstFlag(set: ReadonlySet<number>): number {
  const bit = nextFlag;
  nextFlag <<= 1;
  for (const c of set) FIRST_FLAGS[c] |= bit;
  return bit;
}
const FF_CONT_WHOLE = firstFlag(CONT_WHOLE_FIRST);
const FF_SIGNOFF_WHOLE = firstFlag(SIGNOFF_WHOLE_FIRST);
const FF_CAPTION = firstFlag(CAPTION_HEAD_FIRST);
const FF_BYLINE = firstFlag(BYLINE_CJK_FIRST);
const FF_LABEL = firstFlag(LABEL_FIRST);
const FF_DATELINE = firstFlag(DATELINE_FIRST);
const FF_CREDIT = firstFlag(CREDIT_FIRST);
const FF_NUM = firstFlag(NUM_FIRST);
const FF_DASH = firstFlag(DASHES);
const FF_CLOSER = firstFlag(CLOSERS);
// Second-character and last-character tests, to skip building the compact head where its pattern cannot match.
/** Second characters of the dateline patterns (本报, 新华, 中新, 中国, 人民, 央视, 央广, 光明, 经济). */
const FF_DATELINE_2 = firstFlag(firstSet('报华新国民视广明济'));
/** Second characters of CAPTION_HEAD after 图上下左右组 (图为, 上图…, 图：, 图片, 组图). */
const FF_CAPTION_2 = firstFlag(firstSet('图为：:/／片'));
/** Last characters of CONT_WHOLE. */
const FF_CONT_LAST = firstFlag(firstSet('版页面）)〕］]】'));
/** First characters of LABEL_BRACKETS. */
const FF_BRACKET = firstFlag(firstSet('《【〔［[「'));
/** First characters of FURNITURE_PAGENO. */
const FF_PAGENO = firstFlag(firstSet('第0123456789０１２３４５６７８９一二三四五六七八九十百零〇ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-—–'));
/** First characters of FURNITURE_WEEKDAY. */
const FF_WEEK = firstFlag(firstSet('星周'));
/** Longest LABEL_WORDS match (评论员文章：, 一句话新闻：). */
const LABEL_WORDS_MAX = 6;

/** The first non-space unit of src after index `from` (before `to`), NaN when none. */
function firstAfter(src: string, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const c = src.charCodeAt(i);
    if (!isWs(c)) return c;
  }
  return NaN;
}

/** A line whose first unit c0 (at `first`) and the next one can start CONT_HEAD: a bracket and a continued-from verb. */
function mayOpenWithMarker(c0: number, src: string, first: number, to: number): boolean {
  return CONT_HEAD_FIRST.has(c0) && CONT_HEAD_SECOND.has(firstAfter(src, first, to));
}

/** FIRST_FLAGS of the first non-space unit of src after index `from` (before `to`), 0 when none. */
function nextFlags(src: string, from: number, to: number): number {
  const c = firstAfter(src, from, to);
  return Number.isNaN(c) ? 0 : FIRST_FLAGS[c];
}

/**
 * The markers right before the one at `at` in a line's compact tail (`…（下转第二版）（转第三版）`),
 * in line order, none starting before `floor` (a head marker's end); and where the first of them
 * starts (`at` when none). Reads the line being scanned (scannedText) for their spans. The compact
 * tail (HEAD characters) bounds the markers read, and the regex runs: one a marker.
 */
function tailMarkersBefore(tail: string, at: number, floor: number, lineStart: number, T: number): { markers: LineContinuation[]; at: number } {
  const markers: LineContinuation[] = [];
  while (at > floor && CLOSERS.has(tail.charCodeAt(at - 1))) {
    const m = CONT_TAIL.exec(tail.slice(0, at));
    if (!m || m.index < floor) break;
    markers.unshift({ direction: contDirection(m[1]), target: m[2], span: span(scannedText(), lineStart, m.index, at, T) });
    at = m.index;
  }
  return { markers, at };
}

// The line scanLine reads (src[lazyFrom, lazyTo)) and its text once cut out (scannedText).
let lazySrc = '';
let lazyFrom = 0;
let lazyTo = 0;
let lazyText: string | null = null;
/** The text of the line scanLine reads, cut out of its source on first use (most lines never need it). */
function scannedText(): string {
  return (lazyText ??= lazySrc.slice(lazyFrom, lazyTo));
}

/**
 * Features and pattern kind of one line into slot k of F. `edge` says the line is among the first
 * or last few text lines of its page, where running heads, page numbers and mastheads sit. The
 * compact head and tail strings are built only when a pattern's first-character test passes.
 * The line is [lineStart, lineEnd) of the dump; `src` holds its text at `at` (the dump's text at
 * lineStart, or the line's text at 0): see scan. The common path reads src at offsets; the line's
 * own text is cut out only when a pattern has to see it (`text`, made on demand). When `taken` is
 * given (see takePage), the line's measures for reflow and its gates for the line rules go there,
 * at slot k: written here, not kept in F and copied over in another pass.
 */
export function scanLine(src: string, at: number, lineStart: number, lineEnd: number, edge: boolean, F: Features, k: number, taken: Taken | null): void {
  const to = at + (lineEnd - lineStart);
  lazySrc = src;
  lazyFrom = at;
  lazyTo = to;
  lazyText = null;
  scan(src, at, to);
  const size = mSize;
  const spaced = mSpaced;
  const rawWidth = mWidth;
  const c0 = mFirst >= 0 ? src.charCodeAt(at + mFirst) : NaN;
  const f0 = mFirst >= 0 ? FIRST_FLAGS[c0] : 0;
  const whole = size <= HEAD;
  const doubled = whole && isOverprint(src, at, to);
  F.width[k] = doubled ? rawWidth / 2 : rawWidth;
  F.spaced[k] = spaced;
  if (taken !== null) {
    const { measures } = taken;
    measures[3 * k] = mCells;
    measures[3 * k + 1] = mCjk;
    measures[3 * k + 2] = mLatin;
    taken.gates[k] = mGates | GATES_TAKEN;
  }
  let flags = (whole ? F_WHOLE : 0) | (doubled ? F_DOUBLED : 0) | (mCaps ? F_CAPS : 0) | (mTitle ? F_TITLE : 0) | (f0 & FF_DASH ? F_STARTS_DASH : 0);
  let kind = K_NONE;
  let end = E_NONE;
  let dateline: Span | null = null;
  let signoff: Span | null = null;
  let continuation: LineContinuation | null = null;
  const last = lastNonWs(src, at, to);
  const lastC = last >= 0 ? src.charCodeAt(at + last) : NaN;
  const closer = last >= 0 && (FIRST_FLAGS[lastC] & FF_CLOSER) !== 0;
  const T = size < HEAD ? size : HEAD;
  let head: string | null = null; // compactHead of the line's text, built on demand
  let tail: string | null = null; // the compact tail (cut after a continuation or sign-off tail), built on demand

  if (f0 === 0 && c0 >= 0x2e80 && c0 !== NOTE_FIRST && !closer && lastC !== CH_SHE && !edge) {
    // Most body lines: no pattern below can match, so only the line end is left to read. Every
    // pattern is gated on a first-character flag (f0) or a closing bracket at the end (closer), but
    // for the Latin ones (c0 is not A–Z, c, C or B, nor a space or bracket that firstAfterSpace
    // skips), CAPTION_WHOLE (摄 at the end) and the page-edge furniture.
    F.flags[k] = flags;
    F.end[k] = endOfRaw(src, at, to, T);
    F.kind[k] = K_NONE;
    F.dateline[k] = null;
    F.signoff[k] = null;
    F.continuation[k] = null;
    lazySrc = '';
    return;
  }

  // Continuation markers: the whole line, its tail, or (from-markers only) its head; a line with
  // several keeps them all (LineContinuation.before), so that none is left in the body text. Of a
  // continued-from marker at each end (`（上接第一版）…（上接第二版）`), the head's comes first, so
  // the part takes it as its own: it opens the part's text, as it does on a line without a tail
  // marker; the tail's is one more page the part continues from.
  let m: RegExpExecArray | null = null;
  if (whole && f0 & FF_CONT_WHOLE && last >= 0 && FIRST_FLAGS[lastC] & FF_CONT_LAST) m = CONT_WHOLE.exec((head = compactHead(scannedText())));
  if (m) {
    kind = K_CONTINUATION;
    continuation = { direction: contDirection(m[1]), target: m[2], span: span(scannedText(), lineStart, 0, size) };
  } else if (closer && (m = CONT_TAIL.exec((tail = whole ? (head ??= compactHead(scannedText())) : compactTail(scannedText()))))) {
    continuation = { direction: contDirection(m[1]), target: m[2], span: span(scannedText(), lineStart, m.index, tail.length, T) };
    let from = mayOpenWithMarker(c0, src, at + mFirst, to) ? CONT_HEAD.exec((head ??= compactHead(scannedText()))) : null;
    // Where the head marker ends in the tail's indices: a tail marker starts there or after it
    // (of a whole line, the tail is the head).
    const headEnd = from ? from[0].length - (size - tail.length) : 0;
    if (m.index < headEnd) from = null;
    const cut = tailMarkersBefore(tail, m.index, from ? headEnd : 0, lineStart, T);
    const before = cut.markers;
    if (from) {
      before.unshift({ direction: 'from', target: from[2], span: span(scannedText(), lineStart, 0, from[0].length) });
      flags |= F_CONT_HEAD;
    }
    if (before.length > 0) {
      continuation.before = before;
      // Markers and nothing else, all of one direction: a marker line, as one marker alone is.
      const direction = continuation.direction;
      if (whole && cut.at === (from ? headEnd : 0) && before.every((x) => x.direction === direction)) {
        kind = K_CONTINUATION;
        flags &= ~F_CONT_HEAD;
      }
    }
    tail = tail.slice(0, cut.at);
  } else if (mayOpenWithMarker(c0, src, at + mFirst, to) && (m = CONT_HEAD.exec((head ??= compactHead(scannedText()))))) {
    continuation = { direction: 'from', target: m[2], span: span(scannedText(), lineStart, 0, m[0].length) };
    flags |= F_CONT_HEAD;
  } else if (LATIN_OPEN.has(c0) || lastC === 41 || lastC === 46) {
    // English markers (continued… after maybe a bracket or a speck): opening the line — the whole
    // line, or its head with text after it (`(Continued from Page One.) The owners said…`) — or
    // ending it (`…lost work. (Continued on Page Two.)`). The span is the marker alone.
    const text = scannedText();
    let en = CONT_EN.exec(text.slice(0, 96));
    // A marker that runs on into lower-case words is a sentence of the body (`Continued on page 4
    // of the report, the list…`); one the OCR left without its full stop (`Continued from First
    // Page The strike…`) or with a column after it (`Page 1, Column 2.`) is still read.
    if (en && !/[.)\]}]\s*$/.test(en[0]) && /^\s*[a-z]/.test(text.slice(en[0].length))) en = null;
    let tailEn: RegExpExecArray | null = null;
    const headEnd = en ? en[0].length : 0;
    if (!en || EN_REST_TEXT.test(text.slice(headEnd))) {
      if (lastC === 41 || lastC === 46) {
        CONT_EN_TAIL.lastIndex = Math.max(headEnd, text.length - 64);
        tailEn = CONT_EN_TAIL.exec(text);
      }
      if (tailEn) {
        const a = tailEn.index + tailEn[1].length;
        continuation = { direction: enDirection(tailEn[2]), target: tailEn[3], span: { start: lineStart + a, end: lineStart + tailEn.index + tailEn[0].trimEnd().length } };
        tail = compactTail(text.slice(0, a)); // the text before the marker: its end, a sign-off there
      }
    }
    if (en) {
      const lead = en[1].length;
      const marker: LineContinuation = { direction: enDirection(en[2]), target: en[3], span: { start: lineStart + lead, end: lineStart + headEnd } };
      if (!EN_REST_TEXT.test(text.slice(headEnd))) {
        // The marker, maybe a speck after it (`Continued On Pago Two. m`), which stays in its span:
        // the rewrite prints the marker from it, and loses no character it is not sure of.
        kind = K_CONTINUATION;
        marker.span = { start: lineStart + lead, end: lineStart + text.trimEnd().length };
      }
      else if (continuation) {
        continuation.before = [marker];
        if (marker.direction === 'from') flags |= F_CONT_HEAD;
      } else {
        continuation = marker;
        if (marker.direction === 'from') flags |= F_CONT_HEAD;
      }
      if (kind === K_CONTINUATION) continuation = marker;
    }
  }
  if (kind === K_NONE) {
    // Sign-offs: the whole line, or the tail after the last sentence.
    if (whole && f0 & FF_SIGNOFF_WHOLE && (lastC === CH_FW_RPAREN || lastC === 41) && SIGNOFF_WHOLE.test((head ??= compactHead(scannedText())))) {
      kind = K_SIGNOFF;
      signoff = span(scannedText(), lineStart, 0, size);
    } else if (whole && size <= 40 && f0 & FF_SIGNOFF_WHOLE && c0 >= 0x4e00 && SIGNOFF_SOURCE_LINE.test((head ??= compactHead(scannedText())))) {
      // A source note without brackets (`来源：光明日报`): at a page's foot it read as the masthead.
      kind = K_SIGNOFF;
      signoff = span(scannedText(), lineStart, 0, size);
    } else if (whole && size <= 12 && c0 >= 65 && c0 <= 90 && lastC === 46 && SIGNOFF_INITIALS.test(scannedText().trim())) {
      // A correspondent's initials closing an English story (`I. W. F.`): its sign-off, not a kicker
      // of the heading below.
      kind = K_SIGNOFF;
      signoff = span(scannedText(), lineStart, 0, size);
    } else {
      if (tail === null ? closer : CLOSERS.has(tail.charCodeAt(tail.length - 1))) {
        if (tail === null) tail = whole ? (head ??= compactHead(scannedText())) : compactTail(scannedText());
        if ((m = SIGNOFF_TAIL.exec(tail))) {
          signoff = span(scannedText(), lineStart, m.index + 1, tail.length, T);
          tail = tail.slice(0, m.index + 1);
        }
      }
      end = tail === null ? endOfRaw(src, at, to, T) : endCode(tail);

      // Datelines at the head.
      if (f0 & FF_DATELINE && nextFlags(src, at + mFirst, to) & FF_DATELINE_2) {
        head ??= compactHead(scannedText());
        for (const re of DATELINE_RES) {
          const d = re.exec(head);
          if (d) {
            dateline = span(scannedText(), lineStart, 0, d[0].length);
            if (whole && d[0].length === head.length) kind = K_DATELINE;
            break;
          }
        }
      }
      if (!dateline && c0 >= 65 && c0 <= 90) {
        const lead = scannedText().length - scannedText().trimStart().length;
        const headText = scannedText().slice(lead, lead + 80);
        const d = DATELINE_EN.exec(headText) ?? DATELINE_EN_PLACE.exec(headText);
        if (d) dateline = { start: lineStart + lead, end: lineStart + lead + d[0].length };
      }
      if (!dateline) {
        const capHead =
          ((f0 & FF_CAPTION) !== 0 && (c0 < 0x4e00 || (nextFlags(src, at + mFirst, to) & FF_CAPTION_2) !== 0) && CAPTION_HEAD.test((head ??= compactHead(scannedText())))) ||
          ((c0 === CH_FW_LPAREN || c0 === 40) && (nextFlags(src, at + mFirst, to) & FF_CAPTION) !== 0 && CAPTION_HEAD_BRACKET.test((head ??= compactHead(scannedText()))) && bracketHoldsLine(src, at + mFirst, to));
        // A credit line (BYLINE_CREDIT) may run to 64 glyphs: `(Copyright: 1903: By The Tribune Association.)`.
        if (whole && !continuation && !signoff && (size <= 40 || capHead || (size <= 64 && EN_CREDIT_FIRST.has(c0)))) {
          // whole: the head is the text without spaces, so `head.includes(x)` is `text.includes(x)`.
          if (capHead || ((lastC === CH_SHE || lastC === CH_FW_RPAREN || lastC === 41) && CAPTION_WHOLE.test((head ??= compactHead(scannedText()))))) kind = K_CAPTION;
          else if (isByline(src, at, to, size, f0, head)) kind = K_BYLINE;
          else if (c0 === NOTE_FIRST && NOTE_LABEL.test((head ??= compactHead(scannedText())))) kind = K_NOTE_LABEL;
          else if (f0 & FF_LABEL && ((size <= LABEL_WORDS_MAX && LABEL_WORDS.test((head ??= compactHead(scannedText())))) || (f0 & FF_BRACKET && LABEL_BRACKETS.test((head ??= compactHead(scannedText())))))) kind = K_LABEL;
          else if (
            (size <= 40 && f0 & FF_CREDIT && (scannedText().includes('：') || scannedText().includes(':')) && FURNITURE_CREDIT.test((head ??= compactHead(scannedText())))) ||
            (size <= 40 && f0 & FF_CREDIT && FURNITURE_CREDIT_SPACED.test(scannedText().trim())) ||
            (f0 & FF_NUM && scannedText().includes('日') && FURNITURE_DATE.test((head ??= compactHead(scannedText())))) ||
            (size <= 3 && f0 & FF_WEEK && FURNITURE_WEEKDAY.test((head ??= compactHead(scannedText())))) ||
            (size <= 12 &&
              f0 & FF_PAGENO &&
              FURNITURE_PAGENO.test((head ??= compactHead(scannedText()))) &&
              (!PAGENO_BARE.test(head) || (edge && !numberInSentence(src, at, to))))
          )
            kind = K_FURNITURE;
          else if (
            edge &&
            size <= 40 &&
            !/[。！？，；]/.test((head ??= compactHead(scannedText()))) &&
            !EDGE_NOT_FURNITURE.test(head) &&
            (FURNITURE_EDGE.test(head) || (size <= EDGE_SHORT_MAX && FURNITURE_EDGE_SHORT.test(head)) || latinEdgeFurniture(scannedText()))
          )
            kind = K_FURNITURE;
          else if ((c0 === 86 || c0 === 118) && MASTHEAD_VOL.test(scannedText().trim())) kind = K_FURNITURE;
        } else if (capHead) kind = K_CAPTION;
        if (kind === K_NONE && c0 === NOTE_FIRST && NOTE_HEAD.test((head ??= compactHead(scannedText())))) flags |= F_NOTE_HEAD;
      }
    }
  }
  F.flags[k] = flags;
  F.end[k] = end;
  F.kind[k] = kind;
  F.dateline[k] = dateline;
  F.signoff[k] = signoff;
  F.continuation[k] = continuation;
  lazySrc = ''; // keep no dump's text
  lazyText = null;
}

/**
 * Whether the bracket opening src at `open` (before `to`) closes nowhere before the line's last
 * non-space character: it closes at the line's end or is left open (the caption runs on).
 */
function bracketHoldsLine(src: string, open: number, to: number): boolean {
  let depth = 0;
  const end = textEnd(src, open, to);
  for (let i = open; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === CH_FW_LPAREN || c === 40) depth++;
    else if ((c === CH_FW_RPAREN || c === 41) && --depth === 0) return i === end - 1;
  }
  return true;
}

/** Characters that end a sentence (or close one) at a line's end: a number line after one is no part of it. */
const SENTENCE_CLOSE = new Set(Array.from('。！？!?…；;.”」』）)】》', (c) => c.charCodeAt(0)));
/** A pause inside a sentence: a line holding one reads as running text, not a heading or a running head. */
const PAUSE = new Set(Array.from('，、；：,;', (c) => c.charCodeAt(0)));
/** How far back numberInSentence looks for the start of the line above (in UTF-16 units). */
const LINE_ABOVE = 400;
/** Measure words and units that follow a number in a sentence (3 / 比2战胜, 1100 / 家): the number is a quantity. */
const AFTER_NUMBER = new Set(Array.from('比个家人名位元万亿千百年月日天次件项条所座台辆吨米倍岁届期号时分秒批户场只头株亩斤%％', (c) => c.charCodeAt(0)));
const isLineSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000;

/**
 * Whether the number on the line src[at, to) stands inside a sentence: the text line above it on
 * its page (blank lines between or not) ends no sentence and reads as running text (it holds a
 * comma or a pause mark, or the line below starts with a measure word or unit), and a text line
 * follows on the page. `…主场以` / `3` / `比2战胜…` is a score, not page 3. With no neighbours (src
 * the line alone, as lineInfo reads it) it is not.
 */
function numberInSentence(src: string, at: number, to: number): boolean {
  let p = at - 1;
  while (p >= 0 && isLineSpace(src.charCodeAt(p))) p--;
  if (p < 0 || src.charCodeAt(p) === 12) return false;
  let n = to;
  while (n < src.length && isLineSpace(src.charCodeAt(n))) n++;
  if (n >= src.length || src.charCodeAt(n) === 12) return false;
  if (SENTENCE_CLOSE.has(src.charCodeAt(p))) return false;
  if (AFTER_NUMBER.has(src.charCodeAt(n))) return true;
  // The line above's start (any line end: LF, CR, form feed), at most LINE_ABOVE units back: a line
  // longer than that is no column line, and an unbounded walk on every number line is quadratic.
  let ps = p;
  const floor = Math.max(0, p - LINE_ABOVE);
  for (let c = src.charCodeAt(ps - 1); ps > floor && c !== 10 && c !== 13 && c !== 12; c = src.charCodeAt(--ps - 1));
  for (let i = ps; i <= p; i++) if (PAUSE.has(src.charCodeAt(i))) return true;
  return false;
}

/** A line that is one number alone (3, 1100, 6.6): a figure, a score, or a page number. */
const NUMBER_LINE = /^[0-9]{1,6}(?:\.[0-9]{1,3})?$/;

/**
 * Whether the line text[start, end) of a page is a number alone inside a sentence (numberInSentence):
 * `…主场以` / `3` / `比2战胜…`, `达到` / `1100` / `家，同比增加…`. Article detection runs such a line
 * on with the lines around it, as text of their paragraph, never a heading of its own.
 */
export function numberLineInSentence(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a < b && isLineSpace(text.charCodeAt(a))) a++;
  while (b > a && isLineSpace(text.charCodeAt(b - 1))) b--;
  const c = text.charCodeAt(a);
  return b - a <= 10 && c >= 48 && c <= 57 && NUMBER_LINE.test(text.slice(a, b)) && numberInSentence(text, a, b);
}

/** English page-edge furniture (EDGE_NAME_EN, EDGE_DAY_EN, MONTH_YEAR_EN) on a line's text. */
function latinEdgeFurniture(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  if (EDGE_NAME_EN.test(t) || EDGE_DAY_EN.test(t)) return true;
  return MONTH_YEAR_EN.test(t) && !LOWER_WORD.test(t.replace(MONTH_NAMES_EN, ''));
}
const MONTH_NAMES_EN = /January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Morning|Evening/g;
/** Words that do not end an English sentence: a line ending in one runs on into the next. */
const OPEN_END_EN = /(?:^|[^A-Za-z])(?:the|The|a|an|of|to|in|on|at|by|for|and|or|with|from|told|said)$/;

/**
 * Whether an English line among a page's last ones (text[a, b)) finishes a sentence the line
 * above (text[pa, pb)), which ends no sentence, leaves open: that line ends in a letter or a
 * hyphen and this one starts with a letter, and this one has letters in lower case (a name line
 * in capitals is a masthead under a column cut anywhere) or the line above ends in a word no
 * sentence ends with (`…as the clerks told The` / `Evening News.`) or a hyphen. Such a line is
 * text, not the page's furniture.
 */
export function edgeContinues(text: string, pa: number, pb: number, a: number, b: number): boolean {
  const prev = text.slice(pa, pb).trimEnd();
  const line = text.slice(a, b).trim();
  if (prev.length === 0 || line.length === 0) return false;
  const pc = prev.charCodeAt(prev.length - 1);
  const c = line.charCodeAt(0);
  const letter = (x: number) => (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  if (!(letter(pc) || pc === 45) || !letter(c)) return false;
  return /[a-z]/.test(line) || pc === 45 || OPEN_END_EN.test(prev);
}

/**
 * Joins continuation markers cut by a line end (see CONT_OPEN) into one marker, on the page's
 * text lines content[0, nc) (slots of F, line base + k; `forced`: slots a directive set, left
 * alone). A continued-to marker (`…守住底线。（下转第` / `二版）`) goes to its rest's line, which
 * must hold nothing else: that line becomes a marker line, so the part it ends claims it, and the
 * marker's span runs from the opening, which reflow cuts out of the paragraph. A continued-from
 * one (`（上接第` / `一版）全市…`) goes to its opening's line, which must hold nothing else: a
 * marker line that opens the part, the rest cut from its first body line. Only lines whose last
 * character can end an opening, with a bracket among their last few units, are read further.
 */
export function joinCutMarkers(dump: PageDump, F: Features, content: Int32Array | readonly number[], nc: number, base: number, forced: Uint8Array): void {
  const text = dump.text;
  const L = dump.lines;
  for (let j = 0; j + 1 < nc; j++) {
    const k = content[j];
    if (F.continuation[k] !== null || F.kind[k] !== K_NONE || forced[k]) continue;
    const i = base + k;
    const lineStart = L.start[i];
    const end = textEnd(text, lineStart, L.end[i]);
    if (end === lineStart || !CONT_OPEN_LAST.has(text.charCodeAt(end - 1))) continue;
    // The opening bracket among the last units.
    // Read back over what an opening may hold: a line ending `，` after prose stops at once.
    let open = end - 1;
    for (; open >= lineStart && end - open <= CONT_PART_MAX; open--) {
      const c = text.charCodeAt(open);
      if (CONT_BRACKETS.has(c) || !(CONT_OPEN_BODY.has(c) || isWs(c))) break;
    }
    if (open < lineStart || end - open > CONT_PART_MAX || !CONT_BRACKETS.has(text.charCodeAt(open))) continue;
    const opening = compact(text, open, end);
    if (!CONT_OPEN.test(opening)) continue;
    // The next text line, only blank lines between; its rest up to the first closing bracket.
    const kn = content[j + 1];
    const n = base + kn;
    let onlyBlank = true;
    for (let b = i + 1; b < n && onlyBlank; b++) onlyBlank = (L.flags[b] & LINE_BLANK) !== 0;
    // The rest may read as a marker alone (`下转第二版）`, a verb and target): joined, it is the
    // whole marker's rest. Not one with its own opening bracket, a marker of its own.
    if (!onlyBlank || forced[kn] || (F.continuation[kn] !== null && CONT_BRACKETS.has(text.charCodeAt(F.continuation[kn].span.start)))) continue;
    const nStart = L.start[n];
    const nEnd = L.end[n];
    const a = textStart(text, nStart, nEnd);
    let close = a;
    while (close < nEnd && close - a < CONT_PART_MAX && !CLOSERS.has(text.charCodeAt(close))) close++;
    if (close >= nEnd || !CLOSERS.has(text.charCodeAt(close))) continue;
    const m = CONT_TAIL.exec(opening + compact(text, a, close + 1));
    if (!m || m.index !== 0) continue;
    const direction = contDirection(m[1]);
    const c: LineContinuation = { direction, target: m[2], span: { start: open, end: close + 1 } };
    if (direction === 'to') {
      // The rest is its line (whatever it read as alone: 二版） at a page's foot is a page number's
      // furniture); the opening's line keeps its text before the opening.
      let restEnd = nEnd;
      while (restEnd > close + 1 && isWs(text.charCodeAt(restEnd - 1))) restEnd--;
      if (restEnd !== close + 1) continue;
      F.kind[kn] = K_CONTINUATION;
      F.continuation[kn] = c;
      F.dateline[kn] = null;
      F.signoff[kn] = null;
      F.end[k] = endOfRaw(text, lineStart, open, HEAD);
    } else {
      // The opening is its line; the rest opens the next line's text.
      const first = textStart(text, lineStart, open);
      if (first !== open) continue;
      F.kind[k] = K_CONTINUATION;
      F.continuation[k] = c;
      F.dateline[k] = null;
      F.signoff[k] = null;
    }
    j++; // the rest's line is done with
  }
}

/** Most units a cut sign-off's opening (`（记者`, `（本报记者 欧阳`) spans on its line, and its rest (`赵六）`), spaces included. */
const SIGNOFF_OPEN_MAX = 12;
const SIGNOFF_PART_MAX = 24;
/** Characters a sign-off's opening bracket follows at a line's end: a sentence's end (SIGNOFF_TAIL's). */
const SIGNOFF_AFTER = firstSet('。！？…”’」』.!?');

/**
 * Joins sign-offs cut by a line end (`…活动60余场。（记者` / `赵六）`, blank lines between or none)
 * into one sign-off, on the page's text lines content[0, nc) (slots of F, line base + k; `forced`:
 * slots a directive set, left alone), as joinCutMarkers does continued-to markers: the opening
 * follows a sentence's end at the end of a text line, the next text line holds the rest and nothing
 * else, and the two, spaces left out, make one sign-off (SIGNOFF_WHOLE). The rest's line becomes a
 * sign-off line whose span runs from the opening, which reflow cuts out of the paragraph (so the
 * opening's line ends its sentence). Only lines with an opening bracket among their last units
 * after a sentence's end are read further.
 */
export function joinCutSignoffs(dump: PageDump, F: Features, content: Int32Array | readonly number[], nc: number, base: number, forced: Uint8Array): void {
  const text = dump.text;
  const L = dump.lines;
  for (let j = 0; j + 1 < nc; j++) {
    const k = content[j];
    if (F.kind[k] !== K_NONE || F.signoff[k] !== null || F.continuation[k] !== null || F.end[k] === E_SENTENCE || forced[k]) continue;
    const i = base + k;
    const lineStart = L.start[i];
    const end = textEnd(text, lineStart, L.end[i]);
    // Most lines have no opening bracket among their last units: looked for first, by plain compares.
    let bracket = false;
    for (let x = end - 1; x > lineStart && end - x <= SIGNOFF_OPEN_MAX && !bracket; x--) {
      const c = text.charCodeAt(x);
      bracket = c === 0xff08 || c === 40;
    }
    if (!bracket) continue;
    // The opening bracket among the last units: nothing closing after it.
    let open = end - 1;
    for (; open > lineStart && end - open <= SIGNOFF_OPEN_MAX; open--) {
      const c = text.charCodeAt(open);
      if (c === 0xff08 || c === 40 || CLOSERS.has(c) || isSentenceEnd(c)) break;
    }
    if (open <= lineStart || end - open > SIGNOFF_OPEN_MAX || !(text.charCodeAt(open) === 0xff08 || text.charCodeAt(open) === 40)) continue;
    let before = open - 1;
    while (before > lineStart && isWs(text.charCodeAt(before))) before--;
    if (!SIGNOFF_AFTER.has(text.charCodeAt(before))) continue;
    // The next text line, only blank lines between: the rest up to its closing bracket, and nothing after it.
    const kn = content[j + 1];
    const n = base + kn;
    let onlyBlank = true;
    for (let b = i + 1; b < n && onlyBlank; b++) onlyBlank = (L.flags[b] & LINE_BLANK) !== 0;
    if (!onlyBlank || forced[kn] || F.continuation[kn] !== null) continue;
    const nStart = L.start[n];
    const nEnd = textEnd(text, nStart, L.end[n]);
    const a = textStart(text, nStart, nEnd);
    const last = text.charCodeAt(nEnd - 1);
    if (nEnd - a > SIGNOFF_PART_MAX || !(last === 0xff09 || last === 41)) continue;
    let inner = true;
    for (let x = a; x < nEnd - 1 && inner; x++) {
      const c = text.charCodeAt(x);
      inner = !(c === 0xff08 || c === 40 || c === 0xff09 || c === 41);
    }
    if (!inner || !SIGNOFF_WHOLE.test(compact(text, open, end) + compact(text, a, nEnd))) continue;
    F.kind[kn] = K_SIGNOFF;
    F.signoff[kn] = { start: open, end: nEnd };
    F.dateline[kn] = null;
    F.end[k] = endOfRaw(text, lineStart, open, HEAD);
    j++; // the rest's line is done with
  }
}

/** A byline line naming a commentary's author by office (本报评论员, 本报特约评论员 张三). */
export function isCommentatorLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && (BYLINE_COMMENTATOR.test(t) || BYLINE_COMMENTATOR.test(t.replace(/[ \u3000]+/g, '')));
}

/**
 * A commentator's byline (本报评论员) after a story's last sentence with no text line after it on
 * the page: printed at the commentary's end, it is its sign-off (a byline there would start a story
 * of its own, with nothing in it). On the page's text lines content[0, nc) (slots of F, line base +
 * k; `forced`: slots a directive set, left alone). One with a text line below it (a headline) is a
 * byline over the commentary below.
 */
export function commentatorSignoffs(dump: PageDump, F: Features, content: Int32Array | readonly number[], nc: number, base: number, forced: Uint8Array): void {
  let j = nc - 1;
  // Past the page's furniture and captions at its foot.
  while (j > 0 && (F.kind[content[j]] === K_FURNITURE || F.kind[content[j]] === K_CAPTION)) j--;
  if (j < 1) return;
  const k = content[j];
  const p = content[j - 1];
  if (F.kind[k] !== K_BYLINE || forced[k] || F.kind[p] !== K_NONE || F.end[p] !== E_SENTENCE) return;
  const i = base + k;
  const L = dump.lines;
  if (!isCommentatorLine(dump.text.slice(L.start[i], L.end[i]))) return;
  const a = textStart(dump.text, L.start[i], L.end[i]);
  const b = textEnd(dump.text, a, L.end[i]);
  F.kind[k] = K_SIGNOFF;
  F.signoff[k] = { start: a, end: b };
}

/**
 * Source notes without brackets (SIGNOFF_SOURCE_LINE: `来源：新华社`, `摘自《光明日报》`) and captions
 * in brackets (CAPTION_HEAD_BRACKET: `（图为…`) read in their place, on the page's text lines
 * content[0, nc) (slots of F, line base + k; `forced`: slots a directive set, left alone). A source
 * note is a sign-off only under a line that ends a sentence (or a sign-off or marker), blank lines
 * between or not: under a headline (`全国春播粮食面积稳中有增` / `来源：新华社`) it is head matter, in a
 * paragraph (`…这段话` / `摘自《…》…`) text. A bracketed caption right under a line that ends no
 * sentence (no blank line between) is that paragraph's text (`…美好时光` / `（上图）…`). Either goes
 * back to a plain line, and the line below it opens a paragraph (F_USER) as it then does.
 */
export function sourceNotesAndCaptionsInContext(dump: PageDump, F: Features, content: Int32Array | readonly number[], nc: number, base: number, forced: Uint8Array): void {
  const text = dump.text;
  const L = dump.lines;
  for (let j = 0; j < nc; j++) {
    const k = content[j];
    const kind = F.kind[k];
    if ((kind !== K_SIGNOFF && kind !== K_CAPTION) || forced[k] || j === 0) continue;
    const i = base + k;
    const a = textStart(text, L.start[i], L.end[i]);
    const end = textEnd(text, a, L.end[i]);
    const c0 = text.charCodeAt(a);
    const p = content[j - 1];
    const sentence = F.end[p] === E_SENTENCE || F.signoff[p] !== null;
    if (kind === K_SIGNOFF) {
      // Whole-line sign-offs but for brackets and initials: SIGNOFF_SOURCE_LINE's.
      if (c0 < 0x4e00 || c0 > 0x9fff || sentence || F.kind[p] === K_SIGNOFF || F.kind[p] === K_CONTINUATION) continue;
    } else {
      if ((c0 !== CH_FW_LPAREN && c0 !== 40) || p !== k - 1 || sentence || F.kind[p] !== K_NONE) continue;
    }
    F.kind[k] = K_NONE;
    F.signoff[k] = null;
    F.end[k] = endOfRaw(text, a, end, HEAD);
    if (j + 1 < nc) {
      const q = content[j + 1];
      if (F.end[k] === E_SENTENCE) F.flags[q] |= F_USER;
      else F.flags[q] &= ~F_USER;
    }
  }
}

/** Most lines a caption runs on over after its first (a caption of three lines). */
const CAPTION_MORE_MAX = 2;

/**
 * The lines a caption runs on over (`图为3月5日，青川镇农民在田间管理小麦，抢` / `抓农时开展春耕生产。本报记者 王丽 摄`,
 * `（图为市民在市图书馆阅读。` / `本报记者 王丽 摄）`) read as caption too, on the page's text lines
 * content[0, nc) (slots of F, line base + k; `forced`: slots a directive set, left alone). Only
 * where the caption says where it ends: a caption line (CAPTION_HEAD) that ends no sentence or
 * leaves its bracket open, then up to two text lines right below it of plain text, the last ending
 * in a photo credit (`…本报记者 王丽 摄`) or, for a bracketed caption, closing its bracket. A blank
 * line between two of them (a double-spaced page's line spacing) is passed only when the last ends
 * in a photo credit. Else the lines below are left as they read (a caption's first line alone is
 * a caption, as before).
 */
export function joinCaptionLines(dump: PageDump, F: Features, content: Int32Array | readonly number[], nc: number, base: number, forced: Uint8Array): void {
  const text = dump.text;
  const L = dump.lines;
  for (let j = 0; j + 1 < nc; j++) {
    const k = content[j];
    if (F.kind[k] !== K_CAPTION || forced[k]) continue;
    const i = base + k;
    const a = textStart(text, L.start[i], L.end[i]);
    const end = textEnd(text, a, L.end[i]);
    const bracket = text.charCodeAt(a) === CH_FW_LPAREN || text.charCodeAt(a) === 40;
    const closed = bracket && (text.charCodeAt(end - 1) === CH_FW_RPAREN || text.charCodeAt(end - 1) === 41);
    if (closed || (!bracket && (F.end[k] === E_SENTENCE || text.charCodeAt(end - 1) === CH_SHE))) continue;
    let last = -1;
    let gap = false; // a blank line between two of the lines (the line spacing of a double-spaced page)
    for (let d = 1; d <= CAPTION_MORE_MAX && j + d < nc; d++) {
      const kn = content[j + d];
      const n = base + kn;
      // Right below the line above, or one blank line below it: then only a photo credit ends it.
      const above = base + content[j + d - 1];
      if (n > above + 2 || (n === above + 2 && !(L.flags[above + 1] & LINE_BLANK))) break;
      if (n === above + 2) gap = true;
      if (forced[kn] || F.kind[kn] !== K_NONE || F.continuation[kn] !== null || F.dateline[kn] !== null) break;
      const nEnd = textEnd(text, L.start[n], L.end[n]);
      const c = text.charCodeAt(nEnd - 1);
      const tail = compactTail(text.slice(L.start[n], nEnd));
      if (CAPTION_CREDIT_END.test(tail) && (bracket ? c === CH_FW_RPAREN || c === 41 : c === CH_SHE)) {
        last = d;
        break;
      }
      if (!gap && bracket && (c === CH_FW_RPAREN || c === 41) && tail.indexOf('（') < 0 && tail.indexOf('(') < 0) {
        last = d;
        break;
      }
    }
    if (last < 0) continue;
    for (let d = 1; d <= last; d++) {
      const kn = content[j + d];
      F.kind[kn] = K_CAPTION;
      F.signoff[kn] = null;
    }
    j += last;
  }
}

/** text[from, to) without its spaces (justification spaces inside a marker). */
function compact(text: string, from: number, to: number): string {
  let out = '';
  for (let x = from; x < to; x++) {
    const c = text.charCodeAt(x);
    if (!isWs(c)) out += text[x];
  }
  return out;
}

const ONE = new Features();

/** Features and pattern kind of one line (see scanLine). */
export function lineInfo(line: Line, edge: boolean): LineInfo {
  ONE.ensure(1);
  scanLine(line.text, 0, line.start, line.end, edge, ONE, 0, null);
  const info = ONE.info(0, line.index, compactHead(line.text));
  info.size = mSize;
  return info;
}

/** The direction of an English marker's preposition: on (to), from. */
function enDirection(word: string): 'to' | 'from' {
  return word.toLowerCase() === 'on' ? 'to' : 'from';
}

function contDirection(word: string): 'to' | 'from' {
  return word === '上接' || word === '紧接' || word === '接' || word === '续' ? 'from' : 'to';
}

/** Is the line src[from, to) a byline? `f0`: FIRST_FLAGS of its first non-space character; `known`: its compactHead if built. */
function isByline(src: string, from: number, to: number, size: number, f0: number, known: string | null): boolean {
  const first = firstAfterSpace(src, from, to, false);
  // A correspondent's credit: `Special to The New-York Tribune.` (OCR'd `Spsclal to Tbe Tribune.`).
  if (first === 83 /* S */ && size <= 48 && BYLINE_SPECIAL.test(src.slice(from, to).trim())) return true;
  if (EN_CREDIT_FIRST.has(first) && size <= 64 && BYLINE_CREDIT.test(src.slice(from, to).trim())) return true;
  if (size > 30) return false;
  if (first === 66 /* B */ && BYLINE_EN.test(src.slice(from, to).trim())) return true;
  if (!(f0 & FF_BYLINE)) return false; // every pattern below is anchored at one of these
  // The line is whole: its compact head holds the same punctuation as the text.
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return false; // ，。！？；
  }
  const text = src.slice(from, to);
  const head = known ?? compactHead(text);
  if (BYLINE_BOX.test(head)) return head.length >= 3;
  if (BYLINE_SLASH.test(head)) return true;
  if (BYLINE_PLAIN.test(head)) return true;
  if (BYLINE_COMMENTATOR.test(text.trim()) || BYLINE_COMMENTATOR.test(head)) return true;
  if (BYLINE_ROLE.test(head)) {
    if (BYLINE_END.test(head)) return true;
    // Names set off by spaces: `记者 张三 李四`.
    return BYLINE_SPACED.test(text.trim());
  }
  return false;
}

/**
 * What scanLine took of one page's text lines on the way, so that the stages after it in that
 * page's analysis (the line rules, reflow) do not read every line again for it. `measures`, for
 * reflow: slot k's (line first + k) cellWidth at 3k, its CJK units at 3k + 1 and its Latin
 * units at 3k + 2 (see mCells). `gates`, for the line rules: slot k's lineGates | GATES_TAKEN.
 * Every text line of the page is scanned, so written; the slots of its blank and annotation lines
 * hold what an earlier page left (no reader reads them). One page's only, in buffers reused from
 * page to page: analyze and the server take a page through every stage before the next. Kept per
 * dump, they were 13 bytes a line for as long as the dump lived (~32 MB for 50 MB of CJK), in new
 * memory every analysis.
 */
export interface Taken {
  /** The serial of the dump (see SERIALS) and the first line of the page taken. */
  dump: number;
  first: number;
  measures: Int32Array;
  gates: Uint8Array;
}

/** Set in a scanned line's `gates` entry: the gates themselves may be 0. */
export const GATES_TAKEN = 16;

/** Pages up to this many lines share the buffers; a longer page gets its own, dropped with it (as detect's scratch). */
const SHARED_TAKEN_LINES = 1 << 16;
/**
 * A number per dump, to tell whose page is taken without holding the dump (a WeakRef would: its
 * target is kept until the current job ends, and a batch export runs as one job).
 */
const SERIALS = new WeakMap<PageDump, number>();
let serials = 0;
const TAKEN: Taken = { dump: 0, first: 0, measures: new Int32Array(3 * 1024), gates: new Uint8Array(1024) };
let longPage: Taken | null = null;

/** The Taken for the `count` lines of `dump` from `first`, for scanLine to write into (not cleared: see Taken); the page's until the next page is taken. */
export function takePage(dump: PageDump, first: number, count: number): Taken {
  let t = TAKEN;
  if (count > SHARED_TAKEN_LINES) t = longPage = { dump: 0, first: 0, measures: new Int32Array(3 * count), gates: new Uint8Array(count) };
  else {
    longPage = null;
    if (t.gates.length < count) {
      const cap = Math.min(SHARED_TAKEN_LINES, Math.max(count, 2 * t.gates.length));
      t.measures = new Int32Array(3 * cap);
      t.gates = new Uint8Array(cap);
    }
  }
  let serial = SERIALS.get(dump);
  if (serial === undefined) SERIALS.set(dump, (serial = ++serials));
  t.dump = serial;
  t.first = first;
  return t;
}

/** What scanLine took of the page of `dump` whose first line is `first` (see Taken), if that page was the last taken. */
export function pageTaken(dump: PageDump, first: number): Taken | undefined {
  const t = longPage ?? TAKEN;
  return t.first === first && t.dump !== 0 && SERIALS.get(dump) === t.dump ? t : undefined;
}

/** Slot k takes part in the column estimate: an ordinary text line of at least 8 cells. */
function ordinaryAt(F: Features, k: number): boolean {
  return F.kind[k] === K_NONE && (F.flags[k] & F_DOUBLED) === 0 && F.width[k] >= 8;
}

/** Histogram for the column estimate, reused. */
const HIST_MAX = 400;
const HIST = new Uint32Array(HIST_MAX + 1);
const HIST2 = new Uint32Array(HIST_MAX + 1);

/**
 * Is slot k a paragraph joined already (by the hard-wrap fix, Fix All or `newsprint fix`): a line
 * that ends a sentence and runs past twice the column `band`? It is body, not a width of the column.
 */
function joinedAt(F: Features, k: number, band: number): boolean {
  return band > 0 && F.width[k] > 2 * band && F.end[k] === E_SENTENCE;
}

/**
 * The column that hard-wrapped lines share, from the histogram: the widest width w whose band
 * [w − tol, w] (tol = max(2 cells, 10% of w), as reflow.ts columnOf) holds the most lines; 0 when
 * that band holds fewer than 3 lines.
 */
function bandOf(hist: Uint32Array): { width: number; count: number } {
  let best = 0;
  let bestCount = 0;
  let acc = 0; // lines in [lo, w]
  let lo = 0;
  for (let w = 0; w <= HIST_MAX; w++) {
    acc += hist[w];
    const tol = Math.max(2, 0.1 * w);
    while (lo < w - tol) acc -= hist[lo++];
    if (hist[w] > 0 && acc >= bestCount) {
      best = w;
      bestCount = acc;
    }
  }
  return bestCount >= 3 ? { width: best, count: bestCount } : { width: 0, count: 0 };
}

/**
 * 70th percentile of ordinary line widths over the slots `ks[0..n)` (histogram, linear); 0 when
 * none. Paragraphs joined already (joinedAt the band most lines share, or twice the median width
 * when no band holds 3 lines) are left out when that band holds 3 lines and 30% of the rest: a page
 * whose paragraphs are partly joined keeps the column of its unjoined lines (else the joined lines,
 * wider than the column, would make it wider, and the column lines would read as short, as
 * headings). The lines in capitals go with them: on such a page, the fewer column lines are left,
 * the more headings (and boxes set in capitals) decide the percentile.
 *
 * `columnless`: the page has joined paragraphs and no column line left to measure (every paragraph
 * joined: `newsprint fix`, Fix All): fewer than 2 other lines cut inside a sentence (in neither
 * capitals nor Title Case), and no band of 3 lines in neither capitals nor Title Case holding one
 * (a deck's lines are no column's). Its width is then
 * just over what makes the widest other line that ends no sentence (and is no paragraph ending in
 * OCR noise, over twice the base) full, so that no heading or deck reads as a full body line;
 * localWidthsOf gives every line that width. An English page (`latin`, asked only then) whose 70th
 * percentile still falls past twice the base (the band too weak to leave the joined paragraphs out,
 * and they a third of the lines: the Salt Lake Tribune sample fixed, 114 cells for a column of 38)
 * gets that width too, its local widths read as usual; a Chinese one keeps its percentile (a small
 * page rewritten one paragraph a line read its page-top line as a headline then).
 *
 * `joinedBand`: the base that joinedAt measures the joined paragraphs by, 0 when the page has none.
 */
export function pageColumnOf(F: Features, ks: Int32Array, n: number, latin: () => boolean = NOT_LATIN): { width: number; columnless: boolean; joinedBand: number } {
  const hist = HIST;
  hist.fill(0);
  let count = 0;
  let widestFinal = 0; // the widest line ending a sentence: a joined paragraph is one (joinedAt)
  for (let j = 0; j < n; j++) {
    const k = ks[j];
    if (!ordinaryAt(F, k)) continue;
    hist[Math.min(HIST_MAX, Math.round(F.width[k]))]++;
    count++;
    if (F.end[k] === E_SENTENCE && F.width[k] > widestFinal) widestFinal = F.width[k];
  }
  if (count === 0) return { width: 0, columnless: false, joinedBand: 0 };
  const band = bandOf(hist);
  const base = band.width > 0 ? band.width : percentile(hist, count, 0.5);
  // Most pages have no joined paragraph (a dump as the PDF gave it): nothing more to read.
  if (!(base > 0 && widestFinal > 2 * base)) return { width: percentile(hist, count, 0.7), columnless: false, joinedBand: 0 };
  let joined = 0;
  let widest = 0; // the widest line that is not joined and ends no sentence, but for OCR'd paragraphs ending in noise (over twice the base)
  let wrapped = 0; // lines not joined that end no sentence, in neither capitals nor Title Case: cut by a column
  const rest = HIST2; // widths of the lines not joined and not in capitals: their own band is the column left
  rest.fill(0);
  for (let j = 0; j < n; j++) {
    const k = ks[j];
    if (!ordinaryAt(F, k)) continue;
    if (joinedAt(F, k, base)) {
      joined++;
      continue;
    }
    if ((F.flags[k] & F_CAPS) === 0) rest[Math.min(HIST_MAX, Math.round(F.width[k]))]++;
    if (F.end[k] !== E_SENTENCE) {
      if (F.width[k] > widest && F.width[k] <= 2 * base) widest = F.width[k];
      if ((F.flags[k] & (F_CAPS | F_TITLE)) === 0) wrapped++;
    }
  }
  if (joined > 0 && wrapped < 2 && !columnLeft(F, ks, n, bandOf(rest).width, base)) {
    return { width: columnlessWidth(widest), columnless: true, joinedBand: base };
  }
  if (joined > 0 && band.width > 0 && band.count >= 0.3 * (count - joined)) {
    for (let j = 0; j < n; j++) {
      const k = ks[j];
      if (ordinaryAt(F, k) && (joinedAt(F, k, base) || (F.flags[k] & F_CAPS) !== 0)) {
        hist[Math.min(HIST_MAX, Math.round(F.width[k]))]--;
        count--;
      }
    }
  }
  const width = percentile(hist, count, 0.7);
  // The band too weak to tell the joined paragraphs from the column, they may make up the
  // percentile: no column is that wide. Like a page with no column line left, the page's width is
  // then just over what makes the widest other line that ends no sentence full.
  if (joined > 0 && width > 2 * base && latin()) return { width: columnlessWidth(widest), columnless: false, joinedBand: base };
  return { width, columnless: false, joinedBand: joined > 0 ? base : 0 };
}

const NOT_LATIN = () => false;

/** The width of a page with no column line left (see pageColumnOf): just over what makes `widest` full. */
function columnlessWidth(widest: number): number {
  return Math.min(HIST_MAX, Math.ceil((Math.max(widest, 8) + 1) / 0.78));
}

/**
 * Does the band [w − tol, w] of the lines not joined and not in capitals (3 lines or more, w > 0)
 * hold a line cut inside a sentence, as a column's lines are?
 */
function columnLeft(F: Features, ks: Int32Array, n: number, w: number, base: number): boolean {
  if (w === 0) return false;
  const lo = w - Math.max(2, 0.1 * w);
  for (let j = 0; j < n; j++) {
    const k = ks[j];
    if (!ordinaryAt(F, k) || (F.flags[k] & (F_CAPS | F_TITLE)) !== 0 || joinedAt(F, k, base)) continue;
    const x = Math.min(HIST_MAX, Math.round(F.width[k]));
    if (x >= lo && x <= w && F.end[k] !== E_SENTENCE) return true;
  }
  return false;
}

/** The width at fraction q of the `count` widths in the histogram. */
function percentile(hist: Uint32Array, count: number, q: number): number {
  const want = Math.ceil(count * q);
  let acc = 0;
  for (let w = 0; w <= HIST_MAX; w++) {
    acc += hist[w];
    if (acc >= want) return w;
  }
  return HIST_MAX;
}

let OK = new Int32Array(0);
let VAL = new Float64Array(0);
/** Most entries a joined paragraph takes in the local-width windows: the lines of a window's side. */
const JOINED_LINES = 7;
/** The widths of the current window, sorted. */
const WIN = new Float64Array(16);

/**
 * Local column width (see the header comment) of the slots `ks[0..n)` into F.local (the page width for every
 * line of a `columnless` page, see pageColumnOf). With `joinedBand` (pageColumnOf's, given for a
 * Latin page), a paragraph joined already counts in the windows as the full column lines it was
 * (up to JOINED_LINES of them, each of the page's width): else, once the stories around them are
 * joined, the windows of a page's headings and decks hold little but other headings, and a deck
 * as wide as those reads as full, as body. The window of
 * line j is the ordinary lines ok[p - 6 .. p + 7) (p: how many come before j), without j itself;
 * it slides by at most one entry from line to line, so it is kept sorted by one removal and one
 * insertion instead of being sorted anew. Linear.
 */
export function localWidthsOf(F: Features, ks: Int32Array, n: number, pageWidth: number, columnless = false, joinedBand = 0): void {
  const W = pageWidth || 1;
  if (columnless) {
    for (let j = 0; j < n; j++) F.local[ks[j]] = W;
    return;
  }
  // A joined paragraph takes up to JOINED_LINES entries (see below).
  const need = joinedBand > 0 ? JOINED_LINES * n : n;
  if (OK.length < need) OK = new Int32Array(Math.max(need, OK.length * 2));
  if (VAL.length < n) VAL = new Float64Array(Math.max(n, VAL.length * 2));
  const ok = OK; // positions j (into ks) of the lines that count, ascending (a joined paragraph's repeated)
  const val = VAL; // the width each counts with, by position j
  let nOk = 0;
  const width = F.width;
  const local = F.local;
  for (let j = 0; j < n; j++) {
    const k = ks[j];
    if (!ordinaryAt(F, k)) continue;
    if (width[k] >= 0.4 * W && width[k] <= 1.6 * W) {
      val[j] = width[k];
      ok[nOk++] = j;
    } else if (joinedBand > 0 && (joinedAt(F, k, joinedBand) || width[k] > 3 * W)) {
      // A paragraph joined already (also one that ends in OCR noise, over three columns wide)
      // stands for the column lines it was: full ones, of the page's width, as many as it spans
      // (up to a window's side), as they stood around the headings before it was joined.
      val[j] = W;
      for (let c = Math.min(JOINED_LINES, Math.ceil(width[k] / W)); c > 0; c--) ok[nOk++] = j;
    }
  }
  const win = WIN;
  let m = 0; // entries in win: the widths of ok[lo .. hi)
  let lo = 0;
  let hi = 0;
  let p = 0; // ok entries before j
  for (let j = 0; j < n; j++) {
    while (p < nOk && ok[p] < j) p++;
    const wantLo = p > 6 ? p - 6 : 0;
    const wantHi = p + 7 < nOk ? p + 7 : nOk;
    // The window slides by one (the usual step): when the width leaving it is the one entering
    // (body lines of a column mostly share one width), it stays as it is.
    if (wantLo === lo + 1 && wantHi === hi + 1) {
      // Else the leaving width's copy is replaced by the entering one, moved to its place: one
      // pass over the entries between the two, not a removal and an insertion each over the rest.
      const out = val[ok[lo]];
      const v = val[ok[hi]];
      if (out !== v) {
        let i = 0;
        while (win[i] !== out) i++;
        if (v > out) {
          for (; i + 1 < m && win[i + 1] < v; i++) win[i] = win[i + 1];
        } else {
          for (; i > 0 && win[i - 1] > v; i--) win[i] = win[i - 1];
        }
        win[i] = v;
      }
      lo++;
      hi++;
    }
    for (; lo < wantLo; lo++) {
      // Remove one copy of the width of ok[lo].
      const v = val[ok[lo]];
      let i = 0;
      while (win[i] !== v) i++;
      for (; i < m - 1; i++) win[i] = win[i + 1];
      m--;
    }
    for (; hi < wantHi; hi++) {
      const v = val[ok[hi]];
      let i = m++;
      while (i > 0 && win[i - 1] > v) {
        win[i] = win[i - 1];
        i--;
      }
      win[i] = v;
    }
    const k = ks[j];
    const self = p < nOk && ok[p] === j; // j is in its own window: leave one copy of its width out
    const cnt = self ? m - 1 : m;
    if (cnt < 3) {
      local[k] = W;
      continue;
    }
    const q = Math.min(cnt - 1, Math.floor(cnt * 0.75));
    let qv: number;
    // Leaving out one copy of j's own width v: the entries before its first copy are those below v,
    // so the q-th of the rest is win[q] when that is below v, else the one after it.
    if (self) qv = win[q] < val[j] ? win[q] : win[q + 1];
    else qv = win[q];
    local[k] = Math.max(0.5 * W, Math.min(2 * W, qv));
  }
  // Keep no huge buffer.
  if (OK.length > 1 << 16) OK = new Int32Array(0);
  if (VAL.length > 1 << 16) VAL = new Float64Array(0);
}

/** Does slot k reach its column width (F.local)? */
export function isFullAt(F: Features, k: number, paragraphStart = false): boolean {
  const local = F.local[k];
  if (local <= 0) return false;
  // The first line of a paragraph is indented (two glyphs in Chinese), which pdftotext drops.
  const need = paragraphStart ? 0.78 * local - 4 : 0.78 * local;
  const w = F.width[k];
  return w >= need || (F.spaced[k] >= 2 && w >= 0.55 * local);
}

/** LineInfo objects into a fresh Features, slot k = position in the list, and the list of slots. */
function featuresOf(infos: readonly LineInfo[]): { F: Features; ks: Int32Array } {
  const F = new Features();
  F.ensure(infos.length);
  const ks = new Int32Array(infos.length);
  for (let k = 0; k < infos.length; k++) {
    F.setInfo(k, infos[k]);
    ks[k] = k;
  }
  return { F, ks };
}

/** The page column's width; 0 when there are no ordinary lines (pageColumnOf for LineInfo objects). */
export function estimateColumnWidth(infos: readonly LineInfo[], latin = false): number {
  const { F, ks } = featuresOf(infos);
  return pageColumnOf(F, ks, infos.length, () => latin).width;
}

/** Local column width of every line (localWidthsOf for LineInfo objects). */
export function localWidths(infos: readonly LineInfo[], pageWidth: number, columnless = false): number[] {
  const { F, ks } = featuresOf(infos);
  localWidthsOf(F, ks, infos.length, pageWidth, columnless);
  return Array.from(F.local.subarray(0, infos.length));
}

/** Does the line reach its column width? */
export function isFull(info: LineInfo, local: number, paragraphStart = false): boolean {
  if (local <= 0) return false;
  const need = paragraphStart ? 0.78 * local - 4 : 0.78 * local;
  return info.width >= need || (info.spaced >= 2 && info.width >= 0.55 * local);
}

/** How many of ，；。,; are among the first HEAD non-space characters (the compact head). */
export function headCommas(text: string): number {
  let n = 0;
  let seen = 0;
  for (let i = 0; i < text.length && seen < HEAD; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) continue;
    seen++;
    if (c === 0xff0c || c === 0xff1b || c === 0x3002 || c === 44 || c === 59) n++;
  }
  return n;
}

