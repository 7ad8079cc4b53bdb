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
// percentile lands on a full column. Pages mix column widths (a lead story set wider than the
// briefs beside it), so each line is also given a *local* width: the upper quartile of the widths of
// its 6 preceding and 6 following ordinary lines (lines narrower than 0.4× or wider than 1.6× the
// page width are ignored there), falling back to the page width. A line is *full* when it reaches
// 0.78× its local width, or 0.55× when it carries justification spaces (pdftotext only letter-spaces
// a line that the typesetter stretched to the full column).
import type { Line, Span } from '../types';
import * as chars from '../chars';

// Local bindings: hot loops call these per character.
const isCjk = chars.isCjk;
const isCjkGlyph = chars.isCjkGlyph;
const isClosing = chars.isClosing;
const isLatinLetter = chars.isLatinLetter;
const isSentenceEnd = chars.isSentenceEnd;

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
  /** Continuation marker (the whole line, or its tail). */
  continuation: { direction: 'to' | 'from'; target: string; span: Span } | null;
  /** Line starts an editor's note in-line: `编者按：…`. */
  noteHead: boolean;
}

const isWs = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11 || (c >= 0x2000 && c <= 0x200b);

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

/** First HEAD non-space characters, and how many non-space characters the line has. */
function compactHead(text: string): { s: string; size: number } {
  let size = 0;
  let firstWs = -1;
  let cut = -1; // index just past the HEAD-th non-space character
  for (let i = 0; i < text.length; i++) {
    if (isWs(text.charCodeAt(i))) {
      if (firstWs < 0) firstWs = i;
    } else if (++size === HEAD) cut = i + 1;
  }
  if (firstWs < 0 || firstWs >= HEAD + 1) return { s: text.slice(0, Math.min(text.length, HEAD)), size };
  return { s: (cut < 0 || cut === text.length ? text : text.slice(0, cut)).replace(WS_RE, ''), size };
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

function measure(text: string): { width: number; spaced: number } {
  let width = 0;
  let spaced = 0;
  let prevCjk = false;
  let prevSeen = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) {
      run++;
      continue;
    }
    const cjk = cjkAt(text, i);
    if (run > 0 && prevSeen) {
      if (prevCjk && cjk) spaced++;
      else if (prevCjk || cjk) width += 0.5;
      else width += Math.min(run, 2);
    }
    run = 0;
    if (c >= 0xd800 && c <= 0xdbff) {
      width += 2;
      i++;
    } else width += cjk || (c >= 0xac00 && c <= 0xd7af) ? 2 : 1;
    prevCjk = cjk;
    prevSeen = true;
  }
  return { width, spaced };
}

/** Every space-separated token is AABBCC… (at least three pairs in all). */
export function isDoubledText(text: string): boolean {
  let pairs = 0;
  let i = 0;
  const n = text.length;
  // Cheap rejection: the first glyph must be doubled.
  while (i < n && isWs(text.charCodeAt(i))) i++;
  if (i + 1 >= n || text.charCodeAt(i) !== text.charCodeAt(i + 1)) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) return false;
  }
  while (i < n) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !isWs(text.charCodeAt(j))) j++;
    const tok = text.slice(i, j);
    const cps = Array.from(tok);
    if (cps.length % 2 !== 0) return false;
    for (let k = 0; k < cps.length; k += 2) if (cps[k] !== cps[k + 1]) return false;
    pairs += cps.length / 2;
    i = j;
  }
  return pairs >= 3;
}

/** Undo fake-bold doubling token by token (a token that is not AABB… stays). */
export function undouble(text: string): string {
  return text.replace(/\S+/g, (tok) => {
    const cps = Array.from(tok);
    if (cps.length < 2 || cps.length % 2) return tok;
    let out = '';
    for (let k = 0; k < cps.length; k += 2) {
      if (cps[k] !== cps[k + 1]) return tok;
      out += cps[k];
    }
    return out;
  });
}

/** Heading text for display: justification spaces out, doubled glyphs collapsed, Latin spaces kept. */
export function cleanText(text: string): string {
  const t = isDoubledText(text) ? undouble(text) : text;
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

/** Latin headline/deck set in Title Case: 3+ words, 70% of them capitalised, no CJK. */
function titleLine(text: string): boolean {
  if (text.length > 120) return false;
  let words = 0;
  let caps = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80) return false;
    if (c === 32) {
      atStart = true;
      continue;
    }
    if (atStart && isLatinLetter(c)) {
      words++;
      if (c >= 65 && c <= 90) caps++;
    }
    atStart = false;
  }
  return words >= 3 && caps >= 0.7 * words;
}

function capsLine(text: string): boolean {
  if (text.length > 160) return false;
  let upper = 0;
  let letters = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) continue;
    if (!isLatinLetter(c)) {
      other++;
      if (c >= 0x2e80) return false; // a CJK line quoting a Latin acronym
      continue;
    }
    letters++;
    if (c >= 65 && c <= 90) upper++;
  }
  return letters >= 4 && letters >= 2 * other && upper >= 0.75 * letters;
}

const DASHES = new Set([0x2014, 0x2015, 0x2500, 0x2013, 45, 0xff0d]);
const COMMAS = new Set([0xff0c, 0x3001, 0xff1b, 0xff1a, 44, 59, 58]);

function endOf(s: string): LineEnd {
  let i = s.length;
  while (i > 0 && isClosing(s.charCodeAt(i - 1))) i--;
  if (i === 0) return 'none';
  const c = s.charCodeAt(i - 1);
  if (isSentenceEnd(c)) return 'sentence';
  if (COMMAS.has(c)) return 'comma';
  if (DASHES.has(c) && i >= 2 && DASHES.has(s.charCodeAt(i - 2))) return 'dash';
  return 'none';
}

// ---- patterns (compact text: no spaces; bounded quantifiers; anchored) ----

const NUM = '[0-9０-９一二三四五六七八九十百零〇]';
const PLACE = '[\\u4e00-\\u9fff]{1,8}';
const DATE = `(?:${NUM}{1,2}月${NUM}{1,3}日)?`;
const REPORTER = '(?:[（(](?:记者|通讯员|特约记者)[^）)]{1,24}[）)])?';
const DATELINE_RES: RegExp[] = [
  new RegExp(`^本报讯${REPORTER}`),
  new RegExp(`^本报(?!记者|通讯员|评论员)(?:${PLACE})?${DATE}电${REPORTER}`),
  new RegExp(`^(?:新华社|中新社|中新网|人民网|新华网|央视网|光明网|央广网|中国新闻网|人民日报|经济日报|光明日报)(?!记者)(?:${PLACE})?${DATE}电${REPORTER}`),
];
/** English dateline on the raw head: `WASHINGTON, May 1.—`, `NEW-YORK, April 30 (Special).—`. */
const DATELINE_EN = /^[A-Z][A-Z.'\- ]{2,28}, ?(?:[A-Z][a-z]{2,4}\.? ?\d{1,2}|[A-Z][a-z]{2,8})\.?(?: ?\([A-Za-z ]{1,20}\))?\.? ?[-—–]{1,2}/;

const CONT_WHOLE = new RegExp(`^[（(〔［\\[]?(下转|转至|转|上接|接|续)(第?[0-9A-Za-z０-９一二三四五六七八九十]{1,4}(?:版|页|面))[）)〕］\\]]?$`);
const CONT_TAIL = new RegExp(`[（(〔［\\[](下转|转至|转|上接|接|续)(第?[0-9A-Za-z０-９一二三四五六七八九十]{1,4}(?:版|页|面))[）)〕］\\]]$`);
/** Characters a sign-off or continuation tail can end with. */
const CLOSERS = new Set([0xff09, 41, 0x3015, 0xff3d, 93]);
/** First characters of the CJK dateline patterns. */
const DATELINE_FIRST = new Set(Array.from('本新中人央光经', (c) => c.charCodeAt(0)));
const CONT_EN = /^[([{]?\s*(?:continued|cont'?d|concluded)\s+(on|from)\s+(?:the\s+)?((?:[a-z]+|\d{1,3})\s+(?:pag[a-z]|paoe)|(?:pag[a-z]|paoe)\s+[a-z0-9]{1,12})/i;

const SIGNOFF_INNER = '(?:完|本报[^）)]{0,12}|记者[^）)]{1,24}|通讯员[^）)]{1,24}|据[^）)]{1,24}|新华社[^）)]{0,24}|[^）)]{0,16}(?:供稿|供图|整理|报道|编译|综合))';
const SIGNOFF_WHOLE = new RegExp(`^[（(]${SIGNOFF_INNER}[）)]$`);
const SIGNOFF_TAIL = new RegExp(`[。！？…”’」』.!?][（(]${SIGNOFF_INNER}[）)]$`);

const BYLINE_BOX = /^[□■◇◆●○]/;
const BYLINE_ROLE = /^(?:本报)?(?:特约|见习|实习)?(?:记者|通讯员|实习生|撰稿人?)/;
const BYLINE_END = /(?:报道|撰文|撰稿|采写|整理|文图|文\/图|编译)$/;
const BYLINE_PLAIN = /^本报(?:特约|见习)?记者[\u4e00-\u9fff·、]{2,14}$/;
const BYLINE_SLASH = /^(?:文|图|文\/图|文图|文・图|撰文|摄影)[/／:：][\u4e00-\u9fff·、 ]{2,14}/;
const BYLINE_EN = /^(?:By|BY)\s+[A-Z][A-Za-z.'-]{1,20}(?:\s+[A-Z][A-Za-z.'-]{0,20}){0,4}\.?\s*$/;

const NOTE_LABEL = /^(?:编者按|编者的话|编后语?|编者附记|编辑手记)[：:]?$/;
const NOTE_HEAD = /^(?:编者按|编者的话|编后语?)[：:]./;
const LABEL_WORDS = /^(?:短评|时评|新闻链接|相关链接|链接|延伸阅读|小贴士|背景链接|新闻背景|记者手记|记者观察|本报评论员|评论员文章|社论|今日导读|导读|要闻提示|本版导读)[：:]?$/;
const LABEL_BRACKETS = /^[《【〔［[「][^》】〕］\]」]{1,18}[》】〕］\]」]$/;

const FURNITURE_CREDIT = /^(?:责任编辑|本版编辑|本版责编|责编|编辑|美编|美术编辑|校对|版式|组版|审读|终审|值班编辑|版面设计|视觉设计|排版|图片编辑|制图)[：:]/;
const FURNITURE_DATE = new RegExp(`^(?:${NUM}{4}年)?${NUM}{1,2}月${NUM}{1,2}日(?:星期[一二三四五六日天]|周[一二三四五六日天])?(?:农历[\\u4e00-\\u9fff]{1,12})?$`);
const FURNITURE_WEEKDAY = /^(?:星期|周)[一二三四五六日天]$/;
const FURNITURE_PAGENO = new RegExp(`^(?:第?${NUM}{1,3}版|[A-Za-z]?[0-9]{1,3}|[-—–][0-9]{1,3}[-—–]|(?:PAGE|Page|page)[0-9A-Za-z]{1,6}|[0-9]{1,3}/[0-9]{1,3})$`);
/** Only at the top or bottom of a page: mastheads, running heads, edition lines. */
const FURNITURE_EDGE = /(?:日报|晚报|时报|周报|商报|都市报|电视报|要闻|综合|版|星期|农历|统一刊号|出版物号|CN[0-9]{2}-|[0-9]{4}年|TRIBUNE|Tribune|TIMES|Times|HERALD|Herald|POST|Post|NEWS|News|JOURNAL|Journal|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)/;
const MONTH_YEAR_EN = /(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|January|February|March|April|June|July|August|September|October|November|December)[^0-9]{0,4}[0-9]{1,2}[,.]? ?[0-9]{4}/;

const CAPTION_HEAD = /^(?:[▲△↑↓←→◀▶]|图为|上图|下图|左图|右图|图[：:/／]|图片[：:]|组图)/;
const CAPTION_WHOLE = /^(?:[^，。！？]{0,20}(?:记者|通讯员|本报)[^，。！？]{0,16}摄|[（(][^）)]{0,20}摄[）)])$/;

// First-character prefilters: every anchored pattern above can only match a head starting with one
// of these characters, so most body lines skip the regexes (a call each) after one Set lookup.
const firstSet = (chars: string) => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const CONT_WHOLE_FIRST = firstSet('（(〔［[下转上接续');
const SIGNOFF_WHOLE_FIRST = firstSet('（(');
const CAPTION_HEAD_FIRST = firstSet('▲△↑↓←→◀▶图上下左右组');
const BYLINE_CJK_FIRST = firstSet('□■◇◆●○文图撰摄本特见实记通');
const NOTE_FIRST = 0x7f16; // 编: NOTE_LABEL, NOTE_HEAD
const LABEL_FIRST = firstSet('短时新相链延小背记本评社今导要《【〔［[「');
const captionHead = (head: string) => CAPTION_HEAD_FIRST.has(head.charCodeAt(0)) && CAPTION_HEAD.test(head);

/** A superset of the characters `\s` matches (and String.prototype.trim removes). */
function isReSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** First character of the text after an optional opening bracket (`skipBracket`) and `\s` spaces. */
function firstAfterSpace(text: string, skipBracket: boolean): number {
  let i = 0;
  if (skipBracket) {
    const c = text.charCodeAt(0);
    if (c === 40 || c === 91 || c === 123) i = 1;
  }
  while (i < text.length && isReSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** Span of compact characters [from, to) of the head (fromEnd = false) or tail (counted in a tail of `len`). */
function span(line: Line, from: number, to: number, tailLen = -1): Span {
  const text = line.text;
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
  return { start: line.start + a, end: line.start + b + (c >= 0xd800 && c <= 0xdbff ? 2 : 1) };
}

/**
 * Features and pattern kind of one line. `edge` says the line is among the first or last few text
 * lines of its page, where running heads, page numbers and mastheads sit.
 */
export function lineInfo(line: Line, edge: boolean): LineInfo {
  const text = line.text;
  const { s: head, size } = compactHead(text);
  const whole = size <= HEAD;
  const tailFull = whole ? head : compactTail(text);
  const { width: rawWidth, spaced } = measure(text);
  const doubled = whole && isDoubledText(text);
  const width = doubled ? rawWidth / 2 : rawWidth;
  const info: LineInfo = {
    index: line.index,
    width,
    compact: head,
    whole,
    size,
    spaced,
    doubled,
    caps: capsLine(text),
    title: titleLine(text),
    end: 'none',
    startsDash: head.length > 0 && DASHES.has(head.charCodeAt(0)),
    kind: null,
    dateline: null,
    signoff: null,
    continuation: null,
    noteHead: false,
  };
  let tail = tailFull;
  const T = tailFull.length;

  // Continuation markers: the whole line, or its tail.
  let m = whole && CONT_WHOLE_FIRST.has(head.charCodeAt(0)) ? CONT_WHOLE.exec(head) : null;
  if (m) {
    info.kind = 'continuation';
    info.continuation = { direction: contDirection(m[1]), target: m[2], span: span(line, 0, head.length) };
  } else if (CLOSERS.has(tail.charCodeAt(tail.length - 1)) && (m = CONT_TAIL.exec(tail))) {
    info.continuation = { direction: contDirection(m[1]), target: m[2], span: span(line, m.index, tail.length, T) };
    tail = tail.slice(0, m.index);
  } else {
    const c = firstAfterSpace(text, true);
    const en = c === 99 || c === 67 ? CONT_EN.exec(text.slice(0, 80)) : null; // continued… (c/C first)
    if (en) {
      info.kind = 'continuation';
      info.continuation = { direction: en[1].toLowerCase() === 'on' ? 'to' : 'from', target: en[2], span: { start: line.start, end: line.end } };
    }
  }
  if (info.kind) {
    info.end = 'none';
    return info;
  }

  // Sign-offs: the whole line, or the tail after the last sentence.
  if (whole && SIGNOFF_WHOLE_FIRST.has(head.charCodeAt(0)) && SIGNOFF_WHOLE.test(head)) {
    info.kind = 'signoff';
    info.signoff = span(line, 0, head.length);
    return info;
  }
  if (CLOSERS.has(tail.charCodeAt(tail.length - 1)) && (m = SIGNOFF_TAIL.exec(tail))) {
    info.signoff = span(line, m.index + 1, tail.length, T);
    tail = tail.slice(0, m.index + 1);
  }
  info.end = endOf(tail);

  // Datelines at the head.
  if (DATELINE_FIRST.has(head.charCodeAt(0))) for (const re of DATELINE_RES) {
    const d = re.exec(head);
    if (d) {
      info.dateline = span(line, 0, d[0].length);
      if (whole && d[0].length === head.length) info.kind = 'dateline';
      break;
    }
  }
  const c0 = head.charCodeAt(0);
  if (!info.dateline && c0 >= 65 && c0 <= 90) {
    const lead = text.length - text.trimStart().length;
    const d = DATELINE_EN.exec(text.slice(lead, lead + 80));
    if (d) info.dateline = { start: line.start + lead, end: line.start + lead + d[0].length };
  }
  if (info.dateline) return info;

  const h0 = head.charCodeAt(0);
  if (whole && !info.continuation && !info.signoff && (head.length <= 40 || captionHead(head))) {
    const lastCh = head[head.length - 1];
    if (captionHead(head) || ((lastCh === '摄' || lastCh === '）' || lastCh === ')') && CAPTION_WHOLE.test(head))) info.kind = 'caption';
    else if (isByline(text, head)) info.kind = 'byline';
    else if (h0 === NOTE_FIRST && NOTE_LABEL.test(head)) info.kind = 'note-label';
    else if (LABEL_FIRST.has(h0) && (LABEL_WORDS.test(head) || LABEL_BRACKETS.test(head))) info.kind = 'label';
    else if ((head.length <= 40 && (head.includes('：') || head.includes(':')) && FURNITURE_CREDIT.test(head)) || (head.includes('日') && FURNITURE_DATE.test(head)) || (head.length <= 3 && FURNITURE_WEEKDAY.test(head)) || (head.length <= 12 && FURNITURE_PAGENO.test(head))) info.kind = 'furniture';
    else if (edge && head.length <= 40 && !/[。！？，；]/.test(head) && (FURNITURE_EDGE.test(head) || MONTH_YEAR_EN.test(text))) info.kind = 'furniture';
  } else if (captionHead(head)) info.kind = 'caption';
  if (!info.kind && h0 === NOTE_FIRST && NOTE_HEAD.test(head)) info.noteHead = true;
  return info;
}

function contDirection(word: string): 'to' | 'from' {
  return word === '上接' || word === '接' || word === '续' ? 'from' : 'to';
}

function isByline(text: string, head: string): boolean {
  if (head.length > 30) return false;
  if (firstAfterSpace(text, false) === 66 /* B */ && BYLINE_EN.test(text.trim())) return true;
  if (!BYLINE_CJK_FIRST.has(head.charCodeAt(0))) return false; // every pattern below is anchored at one of these
  if (/[，。！？；]/.test(head)) return false;
  if (BYLINE_BOX.test(head)) return head.length >= 3;
  if (BYLINE_SLASH.test(head)) return true;
  if (BYLINE_PLAIN.test(head)) return true;
  if (BYLINE_ROLE.test(head)) {
    if (BYLINE_END.test(head)) return true;
    // Names set off by spaces: `记者 张三 李四`.
    const t = text.trim();
    const r = /^(?:本报)?(?:特约|见习|实习)?(?:记者|通讯员|实习生)[ \u3000]+[\u4e00-\u9fff·]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff·]{2,4}){0,4}$/;
    return r.test(t);
  }
  return false;
}

/** Widths that take part in the column estimate: ordinary text lines of at least 8 cells. */
function ordinary(info: LineInfo): boolean {
  return info.kind === null && !info.doubled && info.width >= 8;
}

/** 70th percentile of ordinary line widths (histogram, linear); 0 when the page has none. */
export function estimateColumnWidth(infos: readonly LineInfo[]): number {
  const MAX = 400;
  const hist = new Uint32Array(MAX + 1);
  let n = 0;
  for (const info of infos) {
    if (!ordinary(info)) continue;
    hist[Math.min(MAX, Math.round(info.width))]++;
    n++;
  }
  if (n === 0) return 0;
  const want = Math.ceil(n * 0.7);
  let acc = 0;
  for (let w = 0; w <= MAX; w++) {
    acc += hist[w];
    if (acc >= want) return w;
  }
  return MAX;
}

/** Local column width of every line (see the header comment). Bounded window: linear. */
export function localWidths(infos: readonly LineInfo[], pageWidth: number): number[] {
  const W = pageWidth || 1;
  const ok: number[] = [];
  const pos: number[] = new Array(infos.length);
  for (let i = 0; i < infos.length; i++) {
    pos[i] = ok.length;
    const x = infos[i];
    if (ordinary(x) && x.width >= 0.4 * W && x.width <= 1.6 * W) ok.push(i);
  }
  const out: number[] = new Array(infos.length);
  const win = new Float64Array(13);
  for (let i = 0; i < infos.length; i++) {
    let n = 0;
    const p = pos[i];
    for (let k = Math.max(0, p - 6); k < Math.min(ok.length, p + 7); k++) {
      if (ok[k] === i) continue;
      const v = infos[ok[k]].width;
      let j = n++;
      while (j > 0 && win[j - 1] > v) {
        win[j] = win[j - 1];
        j--;
      }
      win[j] = v;
    }
    if (n < 3) {
      out[i] = W;
      continue;
    }
    const q = win[Math.min(n - 1, Math.floor(n * 0.75))];
    out[i] = Math.max(0.5 * W, Math.min(2 * W, q));
  }
  return out;
}

/** Does the line reach its column width? */
export function isFull(info: LineInfo, local: number, paragraphStart = false): boolean {
  if (local <= 0) return false;
  // The first line of a paragraph is indented (two glyphs in Chinese), which pdftotext drops.
  const need = paragraphStart ? 0.78 * local - 4 : 0.78 * local;
  return info.width >= need || (info.spaced >= 2 && info.width >= 0.55 * local);
}

/** A CJK glyph count helper for tests and names. */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length && i < 200; i++) if (isCjkGlyph(text.charCodeAt(i))) return true;
  return false;
}
