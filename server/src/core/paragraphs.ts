// Rebuilding paragraphs from column lines: the rules, and the parts of them that work on text (the
// column's mode, the script, the joins). reflow.ts (paragraphBounds) applies the rules to a page's
// articles; the export, the outline, the rewrite and the hard-wrap rule all take its paragraphs.
//
// pdftotext cuts every paragraph into column-width lines. A paragraph ends where a line ends a
// sentence (。！？… or . ! ?, optionally followed by closing quotes or brackets) AND is noticeably
// shorter than the column: a justified column fills every line but the last of a paragraph.
//
// Column width estimate: the most common display width (in glyph cells, CJK = 2, see
// chars.cellWidth) among the lines being joined, measured after glyph fixes (justification spaces
// widen a line in the dump, not on paper). Lines of a justified column are mostly full, so the
// mode is the full width. Squeezed punctuation makes full lines vary by a glyph either way, so each
// width w collects the votes of w-2..w and the winner is the upper edge of the densest band (ties
// to the wider). With fewer than three lines there is no column to speak of and the page's width
// is used.
// "Noticeably shorter": two CJK glyphs (4 cells, the size of a paragraph indent) short for CJK
// text; for proportional Latin OCR text, under 85% of the column.
// Chinese paragraphs also indent their first line by two glyphs, which pdftotext drops, so a full
// line that ends a sentence followed by a short line that does not is also a paragraph end: the
// short line is the next paragraph's indented start.
import { codePointAt, isAsciiAlnum, isAsciiLetter, isCjk, isJsSpace, isLatinLetter, isSharedPunct, isSpaceOrTab, CLASS, CC_JS_SPACE, CC_SCRIPT_CJK, CC_SCRIPT_LATIN } from './chars';
import { Joiner } from './joiner';
import { hashStep, HYPHENATED, INTERIOR, INTERIOR_ANY, INTERIOR_TWICE, WORD, WordTable } from './words';

/**
 * The mode of n >= 3 widths sorted ascending (the first n of `sorted`): the width w with the most
 * votes (lines of width w−2..w), ties to the wider. reflow calls it on the widths it has sorted.
 */
export function modeOfSorted(sorted: Int32Array, n: number): number {
  let best = 0;
  let bestCount = -1;
  // Distinct widths seen so far (ascending) with their counts: the last two are all a vote needs.
  let w1 = NaN;
  let c1 = 0;
  let w2 = NaN;
  let c2 = 0;
  for (let i = 0; i < n; ) {
    const w = sorted[i];
    let j = i + 1;
    while (j < n && sorted[j] === w) j++;
    const c = j - i;
    let votes = c;
    if (w1 >= w - 2) votes += c1;
    if (w2 >= w - 2) votes += c2;
    if (votes >= bestCount) {
      best = w;
      bestCount = votes;
    }
    w2 = w1;
    c2 = c1;
    w1 = w;
    c1 = c;
    i = j;
  }
  return best;
}

function lastCp(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isSpaceOrTab(text.charCodeAt(i))) i--;
  if (i < 0) return 0;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 ? codePointAt(text, i - 1) : c;
}

function firstCp(text: string): number {
  let i = 0;
  while (i < text.length && isSpaceOrTab(text.charCodeAt(i))) i++;
  return i < text.length ? codePointAt(text, i) : 0;
}

/** Is this mostly CJK text (for choosing how to join and what "noticeably shorter" means)? */
export function isCjkText(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length && i < 200; i++) {
    const k = CLASS[text.charCodeAt(i)];
    if (k & CC_SCRIPT_CJK) cjk++;
    else if (k & CC_SCRIPT_LATIN) latin++;
  }
  return cjk >= latin;
}

/**
 * Is a paragraph of these texts written in CJK, for how its lines join (see joinKind): isCjkText of
 * the texts joined (their first 200 units), counted without joining them. The reflow reads it of an
 * article's run of lines, as it reads "noticeably shorter".
 */
export function isCjkParagraph(texts: readonly string[]): boolean {
  let cjk = 0;
  let latin = 0;
  let seen = 0;
  for (let k = 0; k < texts.length && seen < 200; k++) {
    const t = texts[k];
    for (let i = 0; i < t.length && seen < 200; i++, seen++) {
      const c = CLASS[t.charCodeAt(i)];
      if (c & CC_SCRIPT_CJK) cjk++;
      else if (c & CC_SCRIPT_LATIN) latin++;
    }
  }
  return cjk >= latin;
}

/**
 * Decides whether a line-end hyphen is a real one (well-known) or a word broken by the column
 * (infor-mation). Without a dictionary, the page itself is the evidence:
 * 1. if the page has the hyphenated compound inside a line (well-known), keep the hyphen;
 * 2. if the page has the joined word, in any case (information; GOVERNOR-/SHIP with governorship,
 *    Mc-/Kinley with McKinley), drop it;
 * 3. with no evidence, a capitalised continuation (New-/York) keeps its hyphen: names and
 *    compounds, not syllables; so does a compound on either side of the break (mother-in-/law,
 *    five-year-/old) and a one-letter first part (X-/ray);
 * 4. a first part that is a common compounding prefix (well, self, half, …) keeps it;
 * 5. otherwise drop it: a column hyphenates ordinary words far more often than it breaks a
 *    compound at its hyphen (so first-/class with no evidence either way comes out firstclass).
 * (joinKind keeps a hyphen after a number, 3-/year, and every hyphen of a CJK paragraph, whose
 * column breaks words without one.)
 */
export interface HyphenEvidence {
  hyphenated: WordSet;
  words: WordSet;
  /** Words seen inside a line, not first or last on it where fragments sit (asked for: see hyphenEvidence). */
  interior: WordSet;
  /**
   * `interior` words seen twice or more: a word of its own, where one seen once may be a fragment
   * that a joined paragraph put inside its line (`.lay ing`, `lat- H ter`: see reflow.joinedEvidence).
   */
  repeated: WordSet;
}

/** Lower-case words, as a Set of them would answer. */
export interface WordSet {
  has(word: string): boolean;
  /** has() of a[aFrom, aTo) + b[0, bTo) case-folded (parts of letters and hyphens), without making the string. */
  hasParts(a: string, aFrom: number, aTo: number, b: string, bTo: number): boolean;
}

const COMPOUND_PREFIXES = new Set(['well', 'self', 'ill', 'half', 'all', 'so', 'ex', 'cross', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'one', 'two', 'three', 'four', 'five', 'long', 'short', 'high', 'low', 'old', 'new', 'far', 'full', 'great', 'vice', 'non', 'pre', 'post', 'anti', 'semi', 'co']);

/**
 * The words of the lines: each match of /[A-Za-z]+(?:-[A-Za-z]+)*\/g, case-folded, as `hyphenated`
 * or `words`; with `interior`, also the words inside lines: of the whitespace-separated tokens of
 * a line but its first and last, those with one run of ASCII letters
 * (/^[^A-Za-z]*([A-Za-z]+)[^A-Za-z]*$/), the run. One loop over the units of each line, token by
 * token, into a WordTable (see words.ts for why); a word that is its token's only run is noted
 * as both at once.
 */
export function hyphenEvidence(texts: Iterable<string>, interior = false): HyphenEvidence {
  const lines = Array.isArray(texts) ? (texts as readonly string[]) : [...texts];
  let units = 0;
  for (const t of lines) units += t.length;
  const table = new WordTable(lines, expectedWords(units));
  recCount = 0;
  for (let li = 0; li < lines.length; li++) addWords(table, li, lines[li], 0, lines[li].length, interior);
  if (interior) addInterior(table, lines);
  return evidenceOf(table);
}

/**
 * hyphenEvidence of the lines text[spans[2k], spans[2k + 1]) for k < n, read where they are: a
 * dump's lines as slices of its text were read through their parent unit by unit, and the word
 * table compared words in them the same way (the evidence of a page of English cost as much as
 * reading it for everything else).
 */
export function hyphenEvidenceIn(text: string, spans: Int32Array, n: number, interior = false): HyphenEvidence {
  let units = 0;
  for (let k = 0; k < n; k++) units += spans[2 * k + 1] - spans[2 * k];
  // One "line" for the table: the text itself, words kept as its offsets.
  const table = new WordTable([text], expectedWords(units));
  recCount = 0;
  for (let k = 0; k < n; k++) addWords(table, 0, text, spans[2 * k], spans[2 * k + 1], interior);
  if (interior) addInterior(table, [text]);
  return evidenceOf(table);
}

/**
 * hyphenEvidence of lines given as triples of `spans`: (-1, start, end) is text[start, end), (k, 0,
 * end) is the whole of extra[k] (end its length).
 */
export function hyphenEvidenceOf(text: string, extra: readonly string[], spans: Int32Array): HyphenEvidence {
  let units = 0;
  for (let k = 0; k < spans.length; k += 3) units += spans[k + 2] - spans[k + 1];
  // Line 0 of the table is the text, line 1 + k extra[k].
  const lines = [text, ...extra];
  const table = new WordTable(lines, expectedWords(units));
  recCount = 0;
  for (let k = 0; k < spans.length; k += 3) {
    const x = spans[k];
    addWords(table, x + 1, lines[x + 1], spans[k + 1], spans[k + 2], true);
  }
  addInterior(table, lines);
  return evidenceOf(table);
}

/** About a word per 8 units on a page; a whole dump repeats its words, and the table grows as needed. */
const expectedWords = (units: number) => Math.min(units >> 3, 1 << 15);

function evidenceOf(table: WordTable): HyphenEvidence {
  return {
    hyphenated: wordSet(table, HYPHENATED),
    words: wordSet(table, WORD),
    interior: wordSet(table, INTERIOR),
    repeated: wordSet(table, INTERIOR_TWICE),
  };
}

function wordSet(table: WordTable, flags: number): WordSet {
  return { has: (w) => table.has(w, flags), hasParts: (a, aFrom, aTo, b, bTo) => table.hasParts(a, aFrom, aTo, b, bTo, flags) };
}

/** The words of the line t[from, to) into the table (see hyphenEvidence), as words of its line `li`. */
function addWords(table: WordTable, li: number, t: string, from: number, to: number, interior: boolean): void {
  const n = to;
  if (n - from > 100_000) return; // evidence from ordinary lines only; keeps this linear and cheap
  let e = n;
  while (e > from && CLASS[t.charCodeAt(e - 1)] & CC_JS_SPACE) e--;
  // A trailing hyphenated fragment at the line end is not evidence of a compound.
  const fragmentFrom = e > from && t.charCodeAt(e - 1) === 45 ? n - 1 : n + 1;
  if (interior) record(LINE, li, 0, 0, 0, 0, 0);
  // Letters are told apart by arithmetic (isLetter), the rest by CLASS: a page is mostly letters.
  let i = from;
  for (let token = 0; i < e; token++) {
    let c = t.charCodeAt(i);
    while (!isLetter(c) && CLASS[c] & CC_JS_SPACE) c = t.charCodeAt(++i);
    // The token's first word is held until its end shows whether it is the token's only run.
    let runs = 0;
    let firstStart = -1;
    let firstEnd = 0;
    let firstHash = 0;
    let firstFlag = 0;
    // For addInterior: where the token's last letter run starts, where its first ends, and
    // whether a digit comes before that.
    let lastRun = -1;
    let firstRunEnd = -1;
    let digitFirst = false;
    while (i < n) {
      if (!isLetter(c)) {
        if (CLASS[c] & CC_JS_SPACE) break;
        if (runs === 0 && c >= 48 && c <= 57) digitFirst = true;
        if (++i < n) c = t.charCodeAt(i);
        continue;
      }
      const start = i;
      let hash = 0;
      let hyphen = false;
      for (;;) {
        runs++;
        lastRun = i;
        do {
          hash = hashStep(hash, c | 0x20);
          c = ++i < n ? t.charCodeAt(i) : 0;
        } while (isLetter(c));
        if (firstRunEnd < 0) firstRunEnd = i;
        if (c === 45 && i + 1 < n && isLetter(t.charCodeAt(i + 1))) {
          hyphen = true;
          hash = hashStep(hash, 45);
          c = t.charCodeAt(++i);
        } else break;
      }
      const flag = i >= fragmentFrom ? 0 : hyphen ? HYPHENATED : WORD;
      if (firstStart < 0) {
        firstStart = start;
        firstEnd = i;
        firstHash = hash;
        firstFlag = flag;
      } else if (flag) table.add(li, start, i, hash, flag);
    }
    // Interior: not the first token, not the last (another starts before the trimmed end), one run.
    const candidate = interior && runs === 1 && token > 0 && i < e;
    if (interior) {
      // The token for addInterior: its last letters (two or more, ending it), its first (two or
      // more, no digit before them), and its run when it is a candidate.
      const trailing = lastRun >= 0 && isLetter(t.charCodeAt(i - 1)) && i - lastRun >= 2 ? lastRun : -1;
      const leading = firstStart >= 0 && !digitFirst && firstRunEnd - firstStart >= 2 ? firstStart : -1;
      record(trailing, i, leading, firstRunEnd, candidate ? firstStart : -1, firstEnd, firstHash);
    }
    if (firstStart < 0) continue;
    if (candidate) firstFlag |= INTERIOR_ANY;
    if (firstFlag) table.add(li, firstStart, firstEnd, firstHash, firstFlag);
  }
}

/** Ints per token that addWords records for addInterior (see record). */
const REC_FIELDS = 7;
/** A record that starts a line: its second field is the line's index in the table. */
const LINE = -2;
let REC = new Int32Array(REC_FIELDS * 4096);
let recCount = 0;

/**
 * Records a token of the line being read: [trailing, end) its last letters (trailing -1: none to
 * join), [leading, leadingEnd) its first (leading -1: none), [run, runEnd) with `hash` its one run
 * when it is an inside-line candidate (run -1: not one).
 */
function record(trailing: number, end: number, leading: number, leadingEnd: number, run: number, runEnd: number, hash: number): void {
  if ((recCount + 1) * REC_FIELDS > REC.length) {
    const next = new Int32Array(REC.length * 2);
    next.set(REC);
    REC = next;
  }
  const o = recCount++ * REC_FIELDS;
  REC[o] = trailing;
  REC[o + 1] = end;
  REC[o + 2] = leading;
  REC[o + 3] = leadingEnd;
  REC[o + 4] = run;
  REC[o + 5] = runEnd;
  REC[o + 6] = hash;
}

/**
 * The second pass over the lines whose words addWords added (with `interior`), over the tokens
 * it recorded (no second reading of the text): their INTERIOR_ANY words as INTERIOR, but for a token whose letters run on into a neighbour's across the space
 * between them into a word of the page (INTERIOR_ANY): `rail "roads` with `railroads` inside a
 * line, `be cause` with `because`. Those two may be a word cut at a line end and joined with a
 * space (by the join itself, which had no evidence then, or before the hyphen evidence knew the
 * word) or a compound written apart; either way no evidence that `rail` is a word of its own. The
 * evidence join (reflow.joinPieceKind) asks INTERIOR whether a cut's fragments are words, so a
 * paragraph joined already, whose line ends are inside its line, tells it what the page's
 * other cuts told it before (see reflow.joinedEvidence). Letters only where each side has two or
 * more, as the evidence join asks; the right one after
 * what opens it (quotes, brackets, OCR noise: `Rail [road`).
 */
function addInterior(table: WordTable, lines: readonly string[]): void {
  let li = 0;
  let t = '';
  // The previous token's record offset (-1: the line's first) and whether its letters join the
  // token's before it. A candidate is added once the next token shows that they do not join either.
  let p = -1;
  let pJoins = false;
  for (let k = 0; k < recCount; k++) {
    const o = k * REC_FIELDS;
    if (REC[o] === LINE) {
      li = REC[o + 1];
      t = lines[li];
      p = -1;
      pJoins = false;
      continue;
    }
    let joins = false;
    if (p >= 0 && (REC[o + 4] >= 0 || REC[p + 4] >= 0) && REC[p] >= 0 && REC[o + 2] >= 0) {
      joins = table.hasSpans(t, REC[p], REC[p + 1], t, REC[o + 2], REC[o + 3], INTERIOR_ANY);
    }
    if (p >= 0 && REC[p + 4] >= 0 && !pJoins && !joins) table.add(li, REC[p + 4], REC[p + 5], REC[p + 6], INTERIOR);
    p = o;
    pJoins = joins;
  }
  recCount = 0;
  if (REC.length > 1 << 20) REC = new Int32Array(REC_FIELDS * 4096); // keep no huge buffer
}

/** isAsciiLetter without a table: `| 0x20` folds A–Z onto a–z and nothing else onto them. */
const isLetter = (c: number) => ((c | 0x20) - 97) >>> 0 < 26;

export function keepHyphen(before: string, after: string, ev?: HyphenEvidence): boolean {
  const m0 = /([A-Za-z0-9]-)?([A-Za-z]+)-$/.exec(before.trimEnd());
  const a = m0?.[2];
  const m = /^([A-Za-z]+)(-?)/.exec(after.trimStart());
  const b = m?.[1];
  if (!a || !b) return true; // not a word broken at a hyphen: keep whatever is there
  // The page's evidence first, in any case: GOVERNOR-/SHIP with governorship on the page, Mc-/Kinley
  // with McKinley, are words broken by the column; New-/York with New-York is a compound.
  const lower = `${a}-${b}`.toLowerCase();
  if (ev?.hyphenated.has(lower)) return true;
  if (ev?.words.has(`${a}${b}`.toLowerCase())) return false;
  if (b[0] >= 'A' && b[0] <= 'Z') return true;
  // A compound going on after the break (mother-in-law), or a one-letter prefix (X-ray, e-mail).
  if (m?.[2] || a.length === 1) return true;
  // A compound before the break (five-year-/old, 20-foot-/high): a syllable break is inside one word.
  if (m0?.[1]) return true;
  return COMPOUND_PREFIXES.has(a.toLowerCase());
}

/**
 * English function words: a closed list, short, each a word of its own wherever it stands. Two
 * pieces that make a word when joined are two words when both are words (`in` / `to`, not `into`):
 * see reflow.joinPieceKind and latinWordInCjk.
 */
const FUNCTION_WORDS = new Set(
  'a an the and or but nor of in on at to by for from with as is be am are was were it its he she we they me him her us them his my our your their no not so if up out off into onto upon than then that this there who what which do did has had have will can may all any some one'.split(' '),
);
const MAX_FUNCTION_WORD = 5;

/** Is s[from, to) (ASCII letters) one of FUNCTION_WORDS, in any case? */
export function isFunctionWord(s: string, from: number, to: number): boolean {
  return to - from <= MAX_FUNCTION_WORD && FUNCTION_WORDS.has(s.slice(from, to).toLowerCase());
}

/** A word that is (the start of) a web address or an e-mail address. */
const ADDRESS = /[a-z]+:\/\/|\bwww\.|@/i;

/**
 * The text's last run of printable ASCII, at most 64 units: what an address is written in, and
 * all of it in Joiner.tail (a word that runs on into CJK, `www.中国.`, is read from the CJK on, as
 * the joiner and the hard-wrap edit see it).
 */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && text.length - i < 64 && isPrintableAscii(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}

/**
 * Joins two pieces of one paragraph: CJK without a space, Latin with one, hyphenated words rejoined.
 * `cjk`: the paragraph is written in CJK (see isCjkParagraph; by default, these two pieces are it).
 */
export function joinPair(left: string, right: string, ev?: HyphenEvidence, cjk?: boolean): string {
  const l = left.replace(/[ \t]+$/, '');
  const r = right.replace(/^[ \t]+/, '');
  if (!l) return r;
  if (!r) return l;
  return joinWith(l, r, joinKind(l, r, ev, cjk ?? isCjkParagraph([left, right])));
}

/** The joined text for a join kind (see joinKind). */
export function joinWith(l: string, r: string, kind: number): string {
  return kind === JOIN_CONCAT ? l + r : kind === JOIN_SPACE ? `${l} ${r}` : l.slice(0, -1) + r;
}

/** How joinPair joins: `l + r`, `l + ' ' + r`, or `l` without its last character (a hyphen) `+ r`. */
export const JOIN_CONCAT = 0;
export const JOIN_SPACE = 1;
export const JOIN_DEHYPHEN = 2;

/** A surrogate (an astral character, or half of one a cut left): CJK in practice, as isCjkText counts it. */
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** A character that is CJK whatever surrounds it: a glyph or CJK punctuation (not a mark English shares), or astral. */
const isCjkSide = (c: number) => c > 0xffff || isSurrogate(c) || (isCjk(c) && !isSharedPunct(c));

const isDigit = (c: number) => c >= 48 && c <= 57;

/** ASCII from `!` to `~`: a unit of a Latin word, number or address, not a space. */
const isPrintableAscii = (c: number) => c > 32 && c < 127;

/** The em dash and the horizontal bar. */
const isDash = (c: number) => c === 0x2014 || c === 0x2015;

/**
 * The seam has CJK on one side, the code points `a` (last of the left piece) and `b` (first of the
 * right one) say so: no space, whatever the paragraph (a Latin word next to CJK keeps no space in
 * print either). Decided without reading further, so most seams of a CJK page need nothing else
 * (reflow asks this first, in place). A soft hyphen is the one exception: it goes (see joinKind).
 */
export function cjkAtSeam(a: number, b: number): boolean {
  return a !== 0xad && (isCjkSide(a) || isCjkSide(b));
}

/**
 * joinPair's decision without building the joined text. `l` and `r` must be non-empty, `l` must not
 * end and `r` must not start with a space or tab (joinPair strips those first). `cjk`: the
 * paragraph is written in CJK (isCjkParagraph): its column wraps anywhere, in a number or a word,
 * without a hyphen, where a Latin column wraps at a space or hyphenates.
 */
export function joinKind(l: string, r: string, ev: HyphenEvidence | undefined, cjk: boolean): number {
  const a = lastCp(l);
  const b = firstCp(r);
  if (cjkAtSeam(a, b)) return JOIN_CONCAT;
  // A number, a web address or an e-mail cut at the line's end joins without a space: COVID-19,
  // 0532-88886666, 1902-1903, …/xw/2022/10.htm, abc@qq.com, www.jiaozhou.gov.cn.
  if (isAsciiAlnum(b)) {
    if ((a === 45 && isDigit(b)) || a === 47 /* / */ || a === 64 /* @ */) return JOIN_CONCAT;
    if ((a === 46 /* . */ || a === 58 /* : */ || a === 95 /* _ */ || a === 45) && ADDRESS.test(lastWord(l))) return JOIN_CONCAT;
  }
  // A soft hyphen marks where a word may break: the break is gone, and so is it. U+2010 is a hyphen
  // no line break made: it stays.
  if (a === 0xad) return JOIN_DEHYPHEN;
  if (a === 0x2010 && isLatinLetter(b)) return JOIN_CONCAT;
  if (a === 45 /* - */ && isLatinLetter(b) && l.length > 1) {
    const p = l.charCodeAt(l.length - 2);
    // A number's compound (3-year, 20-foot): the hyphen is its own, and so is no space.
    if (isDigit(p)) return JOIN_CONCAT;
    // A CJK column breaks a Latin word without a hyphen: a hyphen there is the word's (check-in).
    if (isAsciiLetter(p)) return cjk || keepHyphen(l, r, ev) ? JOIN_CONCAT : JOIN_DEHYPHEN;
  }
  // Curly quotes, dashes, the ellipsis and the middle dot are marks of both scripts: the characters
  // beyond them decide (他说：“ / 我们 is CJK, saying / “we is English).
  if (isSharedPunct(a) || isSharedPunct(b)) {
    let i = l.length;
    while (i > 0 && isSharedPunct(l.charCodeAt(i - 1))) i--;
    let k = 0;
    while (k < r.length && isSharedPunct(r.charCodeAt(k))) k++;
    if ((i > 0 && isCjkSide(l.charCodeAt(i - 1))) || (k < r.length && isCjkSide(r.charCodeAt(k)))) return JOIN_CONCAT;
    // A CJK paragraph's marks hug their text (“建桥”是); so does a dash set close to the text on its
    // other side in English (strike—/which, May 3.—/President, strike/—which), where a spaced one
    // is spaced on both sides (strike —/which). Any other English mark at a line end is a line
    // end: a space (saying / “we, year,” / and, one… / and).
    if (cjk) return JOIN_CONCAT;
    if (isDash(a) && l.length > 1 && !isJsSpace(l.charCodeAt(l.length - 2))) return JOIN_CONCAT;
    if (isDash(b) && r.length > 1 && !isJsSpace(r.charCodeAt(1))) return JOIN_CONCAT;
    return JOIN_SPACE;
  }
  return cjk ? latinSeamInCjk(l, r, a, b, ev) : JOIN_SPACE;
}

/**
 * A line end between two non-CJK characters (a, b) inside a CJK paragraph. The column wraps
 * anywhere, and pdftotext adds nothing at the wrap, so a number cut after a mark that goes on is
 * one number (39. / 7亿元, 1, / 234, 15 / %). Two digits at the seam never make one number
 * (12 / 3456万元 → 12 3456万元): a table's rows (…2 6 / 2上海海港…) end and start with numbers too,
 * and 62 for 6 and 2 is wrong data, where a space is at worst a space. But the column also wraps at the space
 * between two Latin words, and that space goes with the line end (Hong / Kong): two letters at the
 * seam are one word only when the page says so (latinWordInCjk). Anything else (iPhone / 15) keeps the space,
 * as does a seam whose Latin text touches no CJK: a paragraph counted CJK may be none (a table of
 * figures and dashes, 12—34 / 56, where shared marks count as CJK; one of figures alone, which
 * counts neither way).
 */
function latinSeamInCjk(l: string, r: string, a: number, b: number, ev: HyphenEvidence | undefined): number {
  // The printable ASCII run across the seam, and whether CJK is on either side of it.
  let i = l.length;
  while (i > 0 && isPrintableAscii(l.charCodeAt(i - 1))) i--;
  let k = 0;
  while (k < r.length && isPrintableAscii(r.charCodeAt(k))) k++;
  if (!((i > 0 && isCjkSide(l.charCodeAt(i - 1))) || (k < r.length && isCjkSide(r.charCodeAt(k))))) return JOIN_SPACE;
  const beforeA = l.length > 1 ? l.charCodeAt(l.length - 2) : 0;
  const afterB = r.length > 1 ? r.charCodeAt(1) : 0;
  // 39. / 7, 1, / 234, 10: / 30; 15 / %, 39 / .7: a mark that goes on into the number. Two digits
  // at the seam (12 / 3456万元, 6 / 2上海海港) keep a space: a number cut by the column and two
  // numbers on two lines (a table's rows) read alike, and one number made of two changes the data.
  if (isDigit(b) && (a === 46 || a === 44 || a === 58) && isDigit(beforeA)) return JOIN_CONCAT;
  if (isDigit(a) && (b === 37 || ((b === 46 || b === 44) && isDigit(afterB)))) return JOIN_CONCAT;
  if (isAsciiLetter(a) && isAsciiLetter(b) && latinWordInCjk(l, r, ev)) return JOIN_CONCAT;
  return JOIN_SPACE;
}

/**
 * Are the Latin letters that end `l` and start `r`, cut by a CJK column, one word? Only with the
 * page's evidence, as an English paragraph's evidence join (reflow.joinPieceKind) decides: the page
 * (its words, when the caller has them) uses the joined word elsewhere (Power / Point with
 * PowerPoint on the page), each fragment has two letters or more, and not both fragments are words
 * (a word the page has inside a line twice or more, see HyphenEvidence.repeated, or a function
 * word: `in` / `to` stay two with `into` on the page). Without the joined word on the page the space stays: `china` / `great` are two words, and
 * so is `Micro` / `soft` (which no rule can tell from them), as are Hong / Kong and the / best.
 */
function latinWordInCjk(l: string, r: string, ev: HyphenEvidence | undefined): boolean {
  if (!ev) return false;
  let i = l.length;
  while (i > 0 && isAsciiLetter(l.charCodeAt(i - 1))) i--;
  let k = 0;
  while (k < r.length && isAsciiLetter(r.charCodeAt(k))) k++;
  if (l.length - i < 2 || k < 2 || !ev.words.hasParts(l, i, l.length, r, k)) return false;
  const leftWord = ev.repeated.hasParts(l, i, l.length, r, 0) || isFunctionWord(l, i, l.length);
  const rightWord = ev.repeated.hasParts(r, 0, k, r, 0) || isFunctionWord(r, 0, k);
  return !(leftWord && rightWord);
}

/** The lines joined as one paragraph (joinPair one by one); `cjk`: as joinPair's, by default isCjkParagraph of them. */
export function joinLines(texts: readonly string[], ev?: HyphenEvidence, cjk = isCjkParagraph(texts)): string {
  const j = new Joiner();
  for (const t of texts) joinOnto(j, t, ev, cjk);
  return j.toString();
}

/** joinPair of the joiner's text and `right`, onto the joiner (see Joiner: it reads only the seam). */
export function joinOnto(j: Joiner, right: string, ev: HyphenEvidence | undefined, cjk: boolean): void {
  j.trimEnd();
  let i = 0;
  while (i < right.length && isSpaceOrTab(right.charCodeAt(i))) i++;
  const r = i === 0 ? right : right.slice(i);
  if (j.empty) j.push(r);
  else if (r) joinWithOnto(j, r, joinKind(j.tail(), r, ev, cjk));
}

/** joinWith onto a joiner. */
export function joinWithOnto(j: Joiner, r: string, kind: number): void {
  if (kind === JOIN_SPACE) j.push(' ');
  else if (kind === JOIN_DEHYPHEN) j.dropLast();
  j.push(r);
}

/**
 * A headline printed on several lines. Two short parallel halves of (nearly) equal length
 * (聚焦群众所需 / 提升城市品质) are a couplet and keep a space between them; so, in CJK, does a line
 * holding phrases set apart by a space, a heading line of its own, from the line above it
 * (`A股三大指数集体收涨` / `白酒板块领涨 贵州茅台涨逾3%`: a deck under its headline, no wrap of it).
 * Otherwise the lines are one headline wrapped by the layout (市政府党组理论学习 /
 * 中心组举行集体学习研讨, 秋粮收购工作会议 / 在县城召开) and join like paragraph lines.
 */
export function joinHeadline(parts: readonly string[], ev?: HyphenEvidence): string {
  const ps: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t) ps.push(t);
  }
  let couplet = ps.length > 1;
  if (couplet) {
    const first = codePoints(ps[0]);
    for (let k = 0; k < ps.length && couplet; k++) {
      const n = codePoints(ps[k]);
      couplet = Math.abs(n - first) <= 1 && n >= 4 && n <= 10;
    }
    couplet &&= isCjkText(ps.join(''));
  }
  if (couplet) return ps.join(' ');
  if (ps.length < 2 || !isCjkText(ps.join(''))) return joinLines(ps, ev);
  // Runs of lines the layout wrapped, a space between runs.
  const runs: string[] = [];
  let from = 0;
  for (let k = 1; k <= ps.length; k++) {
    if (k < ps.length && wrapsInto(ps[k])) continue;
    runs.push(joinLines(ps.slice(from, k), ev, true));
    from = k;
  }
  return runs.join(' ');
}

/**
 * Does a headline line wrap into line `b` (see joinHeadline)? Not when `b` holds two phrases set
 * apart by a space between CJK glyphs (`白酒板块领涨 贵州茅台涨逾3%`, a couplet line): it is a
 * heading line of its own, no line's rest. (A line after such a line may be its rest: the layout
 * cuts a couplet's second phrase too. And lengths tell nothing: the layout balances a wrapped
 * headline's lines, and the sample's 市政府党组理论学习 / 中心组举行集体学习研讨 ends two glyphs longer.)
 */
function wrapsInto(b: string): boolean {
  return !phraseGap(b);
}

/** A space (or several) between two CJK glyphs in `t`. */
function phraseGap(t: string): boolean {
  for (let i = t.indexOf(' '); i > 0; i = t.indexOf(' ', i + 1)) {
    let j = i;
    while (j < t.length && isSpaceOrTab(t.charCodeAt(j))) j++;
    if (j < t.length && isCjkSide(t.charCodeAt(i - 1)) && isCjkSide(t.charCodeAt(j))) return true;
    i = j - 1;
  }
  return false;
}

/** Array.from(text).length without the array: code points, a lone surrogate counting as one. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}
