// Fake-bold overprint: a heading the PDF draws twice comes out with every glyph doubled
// (`TTIIRR 跨跨境境运运输输` → `TIR 跨境运输`). One decision, read by the doubled-glyphs rule (which
// finds the overprinted run in a line and fixes it) and by article detection (which takes a wholly
// overprinted line for a heading, at half its width, and shows it undoubled).
//
// Real text doubles glyphs too. Chinese reduplication gives AA (汩汩, 常常), ABB (一个个) and AABB
// (扎扎实实, 高高兴兴), and words meet across a doubled glyph (无线电+电子 → 无线电电子, 管理部+部长 →
// 管理部部长). Numbers and rules double every character of a token: 11000000, 112233, 000000,
// ========, ————————; Chinese writes its ellipsis and dash doubled (……, ——), so 红红火火…… and
// 扎扎实实—— are words and their punctuation; units follow numbers (1100mm); laughter repeats one
// glyph (哈哈哈哈哈哈); hex colours pair letters with digits (FFFF00).
//
// So a single token doubled throughout is often real: Roman numerals (MMXXII, 2022), hex colours
// (FFFFFF), AABBCC onomatopoeia (叮叮当当咚咚, 哈哈嘻嘻嘿嘿), AA and AABB words run together
// (高高兴兴快快乐乐, 天天快快乐乐). And Chinese spaces come from the extraction, so a space between
// doubled Han tokens says nothing (`扎扎实实 认认真真`). Fake bold is told by what real text lacks.
//
// So: a token (run of non-space characters) is doubled when it has at least two pairs of code points
// and every pair is two identical code points (AABBCC…). Its pairs of punctuation (and a letter pair
// right after a digit pair: a unit) count for nothing. A run of doubled tokens, separated only by
// spaces, with at least three pairs that count, at least one of them a letter or a CJK glyph
// (doubled digits and punctuation alone are a number or a rule line: `收入 11000000 元` stays), reads
// (overprintReading) as:
// - sure fake bold, when it has evidence that real text lacks:
//   - a token that cannot be real text even alone: digit pairs and a Han pair (22002244年年), or a
//     pair of punctuation that is never written doubled (，：；, brackets, quotes) beside letter or
//     Han pairs (跨跨境境电电商商：：外外贸贸);
//   - a doubled Latin word (two letters or more, not only Roman-numeral letters, not only hex
//     digits; a number may follow, CCOOVVIIDD--1199; or a number and a capital that is no unit,
//     55GG, 44KK) with another token of the run that counts (TTIIRR 跨跨境境运运输输, TTHHEE NNEEWWSS):
//     Latin spaces part words, so two doubled tokens side by side are a doubled heading; or with
//     two Han pairs or more in its own token (TTIIRR跨跨境境运运输输, as the mixed-script fix leaves
//     the line before it: spaced or not, the same evidence);
// - unsure, when it has no evidence beyond its Han pairs: the run is all there is on its line and
//   has a token of three Han pairs or more, not all one glyph (跨跨境境运运输输, 聚聚焦焦群群众众所所需需,
//   天天高高兴兴快快乐乐, 叮叮当当咚咚). A Chinese fake-bold heading (most have no Latin) has this shape,
//   and so do AA and AABB words run together (天天 + 高高兴兴 + 快快乐乐): without a dictionary the two
//   cannot be told apart (跨境 → 跨跨境境 as 高兴 → 高高兴兴). The rule reports it, with a fix the
//   user clicks once they have looked, and nothing automatic applies it (see doubled-glyphs.ts).
//   Three pairs: no AA or AABB word alone has them, so the line is at least two words run together
//   or a heading; a line alone: a column line with other text, or ending in punctuation, is prose.
// A lone AABB word, `扎扎实实 认认真真`, MMXXII, FFFFFF, or Han pairs with other text on the line
// (`祝大家 天天高高兴兴快快乐乐 新年好`) is neither.
//
// The evidence of a sure run reaches only so far (sureParts): over the doubled tokens one space
// from it, as a heading prints them, and not over a token without evidence of its own that is two
// spaces or more away (`TTIIRR 跨跨境境运运输输  红红火火 开新局`: a kicker, then the headline in
// another face) or next to ordinary text on the line when it may be a word of that text, an AABB
// word or a number (`TTIIRR 跨跨境境运运输输 扎扎实实 推进`): that token keeps its own reading, and an
// AABB word alone is never sure. A token of three Han pairs or more, not all one glyph, is no such
// word: the evidence reaches it whatever follows (`TTIIRR 跨跨境境运运输输 推进`, or a column gap and
// the story beside the heading). What is left is read again (TTIIRR alone is no evidence); a whole
// line the evidence reaches none of reads as without it.
//
// Article detection (isOverprint) takes a wholly doubled line for a fake-bold heading, at half its
// width, when the reading is sure, or unsure with a token of five Han pairs or more not all one glyph
// (LONG_HAN): a heading role changes how the page's articles are cut, so detection asks for the
// longer run, where fake bold is likelier than words run together; a shorter unsure line is read
// as it stands (its width, its end), as any other line. That reading is layout (the line's role,
// its width) and the words it matches a story by (undoubled, they are a subset of the printed
// line's bigrams: 跨境 of 跨跨境境): what the user is shown of an unsure line — a finding's
// message, an outline name, the export's headline — is the line as printed (shownUndoubled), as
// only the user, with the doubled-glyphs fix, says it is fake bold.
//
// Fix All undoubles only the text as given, in its first pass (see fix.ts), so a fix must not
// build a sure run: `TTIIRR 天 天 好 好`, its spaces gone, reads TTIIRR 天天好好, and the next Fix All
// made it TIR 天好. The spacing and join rules ask joinsIntoOverprint and joinBuildsOverprint of
// the lines they flag, and make such a fix unsure.
import { codePointAt, cpLength, isAsciiAlnum, isCjkGlyph, isLatinLetter, isSpace } from './chars';

/** Flags of tokenPairs' answer (see there and the header comment). */
export const PAIR_SURE = 1;
export const PAIR_LETTER = 2;
export const PAIR_WORD = 4;
/** Three Han pairs or more, not all one glyph: a token the unsure reading needs. */
export const PAIR_HAN = 8;
/** LONG_HAN Han pairs or more, not all one glyph: what article detection takes of the unsure reading. */
export const PAIR_LONG = 16;

/** tokenPairs' answer: all pairs × ALL + counted pairs × FLAGS + flags. */
const ALL = 2 ** 20;
const FLAGS = 32;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Letters of Roman numerals, either case (MMXXII, xxii). */
function isRomanLetter(c: number): boolean {
  const l = c | 0x20; // lower case, for ASCII letters (the others stay apart from these)
  return l === 0x69 || l === 0x76 || l === 0x78 || l === 0x6c || l === 0x63 || l === 0x64 || l === 0x6d;
}

/** Hex digits that are letters, either case (FFFFFF, aabbcc). */
function isHexLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66;
}

/**
 * A capital that, after a number, makes a code rather than a unit (5G, 4K, 1080P): not a hex digit
 * (0000FF), nor a numeral's letter (MM, CC, XX: 1100MM is millimetres, as 1100mm).
 */
function isCodeLetter(c: number): boolean {
  return c >= 0x41 && c <= 0x5a && !isHexLetter(c) && !isRomanLetter(c);
}

/** Punctuation that Chinese never writes doubled (unlike …… and ——): the comma, colon, semicolon, brackets and quotes. */
function isNeverDoubled(c: number): boolean {
  return c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff08 || c === 0xff09 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2018 && c <= 0x201d && c !== 0x201a && c !== 0x201b);
}

/** Han pairs from which a token alone on its line is a heading for article detection (see the header comment). */
const LONG_HAN = 5;
/** Han pairs from which a token alone on its line may be fake bold: more than any AA or AABB word has. */
const MANY_HAN = 3;

/**
 * The token text[start, end) read as code-point pairs: its pairs, those that count (not
 * punctuation, not a unit after a number) and PAIR_* flags, as one number for doubledPairs,
 * countedPairs and the flags; 0 when some pair is not two identical code points or a code point is
 * left over.
 */
export function tokenPairs(text: string, start: number, end: number): number {
  let pairs = 0;
  let counted = 0;
  let han = 0;
  let letters = 0;
  let digits = 0;
  let first = -1; // the code point of the first Han pair, to tell one glyph repeated (哈哈哈哈)
  let oneGlyph = true;
  let firstLetter = -1; // the same for letters (zzzz)
  let oneLetter = true;
  let roman = true; // every letter pair counted is of a Roman numeral…
  let hex = true; // …a hex digit
  let never = false; // a pair of punctuation never written doubled
  let prevDigit = false;
  let code = 0; // capitals after digits that are no unit (55GG: 5G)
  for (let i = start; i < end; ) {
    const a = codePointAt(text, i);
    const al = cpLength(a);
    if (i + al >= end || codePointAt(text, i + al) !== a) return 0;
    pairs++;
    if (isCjkGlyph(a)) {
      han++;
      counted++;
      if (first < 0) first = a;
      else if (a !== first) oneGlyph = false;
      prevDigit = false;
    } else if (isDigit(a)) {
      digits++;
      counted++;
      prevDigit = true;
    } else if (isLatinLetter(a)) {
      // A unit after a number (1100mm) is part of the number; a capital that is no unit, no hex
      // digit and no numeral letter (55GG, 44KK, 11008800PP: 5G, 4K, 1080P) is a code, no real text.
      if (prevDigit && isCodeLetter(a)) {
        code++;
        counted++;
      } else if (!prevDigit) {
        letters++;
        counted++;
        if (firstLetter < 0) firstLetter = a;
        else if (a !== firstLetter) oneLetter = false;
        roman &&= isRomanLetter(a);
        hex &&= isHexLetter(a);
      }
    } else {
      prevDigit = false; // punctuation: counts for nothing
      never ||= isNeverDoubled(a);
    }
    i += 2 * al;
  }
  const letter = han > 0 || letters > 0 || code > 0;
  // A Latin word may go on with a number (CCOOVVIIDD--1199): hex colours (FFFF00), numerals and
  // units (1100mm) are no word.
  const word = (letters > 0 && !oneLetter && !roman && !hex) || (code > 0 && digits > 0);
  // A doubled Latin word touching doubled Han (two pairs or more, a doubled token of their own when
  // spaced) is the evidence it is beside them: the mixed-script fix, which deletes the space,
  // leaves TTIIRR跨跨境境运运输输, which must read as TTIIRR 跨跨境境运运输输 does.
  const sure = (digits >= 2 && han > 0) || (never && letter) || (word && han >= 2);
  const many = han >= MANY_HAN && !oneGlyph;
  const long = han >= LONG_HAN && !oneGlyph;
  return pairs * ALL + counted * FLAGS + (sure ? PAIR_SURE : 0) + (letter ? PAIR_LETTER : 0) + (word ? PAIR_WORD : 0) + (many ? PAIR_HAN : 0) + (long ? PAIR_LONG : 0);
}

/** A token is doubled when it has two pairs or more (tokenPairs' answer, 0 when not). */
export function doubledPairs(answer: number): number {
  const pairs = Math.floor(answer / ALL);
  return pairs >= 2 ? pairs : 0;
}

/** The pairs of a doubled token that count towards an overprint (see the header comment). */
export function countedPairs(answer: number): number {
  return doubledPairs(answer) > 0 ? Math.floor((answer % ALL) / FLAGS) : 0;
}

/** The PAIR_* flags of tokenPairs' answer. */
export function pairFlags(answer: number): number {
  return answer % FLAGS;
}

/** How a run of doubled tokens reads: fake bold for sure, or maybe (see the header comment). */
export type OverprintReading = 'sure' | 'unsure';

/**
 * How a run of doubled tokens reads (see the header comment), or undefined when it is no
 * overprint: `pairs` counted over the run, `tokens` the tokens with pairs that count, `flags` its
 * tokens' PAIR_* flags or-ed, `whole` whether the run is all there is on its line.
 */
export function overprintReading(pairs: number, tokens: number, flags: number, whole: boolean): OverprintReading | undefined {
  if (pairs < 3 || !(flags & PAIR_LETTER)) return undefined;
  if ((flags & PAIR_SURE) !== 0 || ((flags & PAIR_WORD) !== 0 && tokens >= 2)) return 'sure';
  return (flags & PAIR_HAN) !== 0 && whole ? 'unsure' : undefined;
}

/**
 * Whether the whole of text[from, to) (every token of it) is one overprinted run, as article
 * detection reads it: sure, or unsure with a token of LONG_HAN Han pairs (see the header comment).
 */
export function isOverprint(text: string, from = 0, to = text.length): boolean {
  return lineOverprint(text, from, to) !== undefined;
}

/**
 * text[from, to) as it is shown (a finding's message, a name): undoubled when the whole of it is
 * sure fake bold, else as printed. An unsure line (see the header comment), which detection may
 * still take for a fake-bold heading, is never shown undoubled: that reading is the user's to
 * confirm, with the doubled-glyphs fix, as the export and the outline keep it as printed.
 */
export function shownUndoubled(text: string, from = 0, to = text.length): string {
  const t = text.slice(from, to);
  return lineOverprint(text, from, to) === 'sure' ? undouble(t) : t;
}

/**
 * How article detection reads the whole of text[from, to) as one overprinted run (see
 * isOverprint): 'sure', 'unsure' (with a token of LONG_HAN Han pairs), or undefined when it is none.
 */
function lineOverprint(text: string, from = 0, to = text.length, long = true): OverprintReading | undefined {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return undefined;
  // Cheap exit, for every short line of a page: the first glyph must be doubled (or astral).
  if (i + 1 >= to || text.charCodeAt(i) !== text.charCodeAt(i + 1)) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) return undefined;
  }
  let pairs = 0;
  let tokens = 0;
  let flags = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const answers: number[] = [];
  while (i < to) {
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const answer = tokenPairs(text, s, i);
    if (doubledPairs(answer) === 0) return undefined;
    const counted = countedPairs(answer);
    pairs += counted;
    if (counted > 0) tokens++;
    flags |= pairFlags(answer);
    starts.push(s);
    ends.push(i);
    answers.push(answer);
    while (i < to && isSpace(text.charCodeAt(i))) i++;
  }
  let reading = overprintReading(pairs, tokens, flags, true);
  if (reading === 'sure') {
    // Sure when the evidence covers the whole line (see sureParts); unsure, as without it, when it
    // covers none of it (`TTIIRR  跨跨境境运运输输`: the Latin word apart); a line partly sure is
    // read as printed.
    let covered = 0;
    sureParts(text, starts, ends, answers, false, false, (a, b) => (covered += b - a));
    reading = covered === answers.length ? 'sure' : covered === 0 ? overprintReading(pairs, tokens, flags & ~(PAIR_SURE | PAIR_WORD), true) : undefined;
  }
  return reading === 'unsure' && long && (flags & PAIR_LONG) === 0 ? undefined : reading;
}

/**
 * Whether the line text reads whole as one overprinted run, sure or unsure (as the doubled-glyphs
 * rule reads a line: a token of three Han pairs or more): see joinBuildsOverprint.
 */
function isDoubledLine(text: string): boolean {
  return lineOverprint(text, 0, text.length, false) !== undefined;
}

/**
 * Calls `visit` with [start, end) of each part of a run of doubled tokens of text[from, to) that
 * reads as sure fake bold (those doubled-glyphs undoubles, see there and sureParts): whether there
 * was one. An unsure run is a whole line alone, never beside a sure one.
 */
export function sureRuns(text: string, from: number, to: number, visit?: (start: number, end: number) => void): boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  const answers: number[] = [];
  let any = false;
  let before = false; // ordinary text before the run on the line
  for (let i = from; ; ) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const answer = s < to ? tokenPairs(text, s, i) : 0;
    if (doubledPairs(answer) > 0) {
      starts.push(s);
      ends.push(i);
      answers.push(answer);
      continue;
    }
    if (starts.length > 0) {
      any = sureParts(text, starts, ends, answers, before, s < to, visit ? (a, b) => visit(starts[a], ends[b - 1]) : undefined) || any;
      if (any && !visit) return true;
      starts.length = ends.length = answers.length = 0;
    }
    if (s >= to) break;
    before = true;
  }
  return any;
}

/** How the tokens [i, j) of a run read together (their tokenPairs answers), as a run beside other text. */
function partReading(answers: readonly number[], i: number, j: number): OverprintReading | undefined {
  let pairs = 0;
  let tokens = 0;
  let flags = 0;
  for (let k = i; k < j; k++) {
    const counted = countedPairs(answers[k]);
    pairs += counted;
    if (counted > 0) tokens++;
    flags |= pairFlags(answers[k]);
  }
  return overprintReading(pairs, tokens, flags, false);
}

/** Whether the tokens k - 1 and k of a run are one space apart (U+0020 alone): a wider gap, or another space, parts them. */
const narrowGap = (text: string, starts: readonly number[], ends: readonly number[], k: number) => starts[k] === ends[k - 1] + 1 && text.charCodeAt(ends[k - 1]) === 32;

/**
 * The parts of one run of doubled tokens (starts, ends: the tokens' bounds in text; answers: their
 * tokenPairs) that read as sure fake bold: `visit(i, j)` for each part, tokens [i, j); whether there
 * is one. `before` and `after`: whether ordinary text (a token that is no doubled token) is next to
 * the run on its line, before its first token or after its last.
 *
 * The evidence that makes a run sure (a doubled Latin word, a token sure alone: see the header
 * comment) covers the tokens it holds and those joined to them one space apart, as a heading
 * prints them: `TTIIRR 跨跨境境运运输输`. A token without evidence of its own (Han pairs, digits)
 * keeps its own reading — no sure fake bold — when it is apart from the evidence (two spaces or
 * more, an ideographic space: `TTIIRR 跨跨境境运运输输  红红火火 开新局`, a kicker and the headline
 * in another face), or when ordinary text is next to it on the line and it may be a word of that
 * text (`TTIIRR 跨跨境境运运输输 扎扎实实 推进`: 扎扎实实 推进 is prose): any token but one of
 * three Han pairs or more not all one glyph (PAIR_HAN), which no AA or AABB word has, so that
 * `TTIIRR 跨跨境境运运输输 推进` and a heading with the story a column gap beside it are fixed.
 * Each part left is read again: a Latin word left alone is no evidence.
 */
export function sureParts(text: string, starts: readonly number[], ends: readonly number[], answers: readonly number[], before: boolean, after: boolean, visit?: (i: number, j: number) => void): boolean {
  const n = answers.length;
  if (partReading(answers, 0, n) !== 'sure') return false;
  const EVIDENCE = 1;
  const IN = 2;
  const part = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (countedPairs(answers[k]) > 0 && pairFlags(answers[k]) & (PAIR_SURE | PAIR_WORD)) part[k] = EVIDENCE | IN;
  // A token without evidence next to ordinary text is that text's when it may be a word of it:
  // not one of three Han pairs or more (PAIR_HAN), which no AA or AABB word has.
  const free = (k: number) => !(part[k] & EVIDENCE) && (!((k === 0 && before) || (k === n - 1 && after)) || (pairFlags(answers[k]) & PAIR_HAN) !== 0);
  for (let k = 1; k < n; k++) if (!part[k] && part[k - 1] && narrowGap(text, starts, ends, k) && free(k)) part[k] = IN;
  for (let k = n - 2; k >= 0; k--) if (!part[k] && part[k + 1] && narrowGap(text, starts, ends, k + 1) && free(k)) part[k] = IN;
  let any = false;
  for (let k = 0; k < n; ) {
    if (!part[k]) {
      k++;
      continue;
    }
    const i = k;
    while (k < n && part[k]) k++;
    if (partReading(answers, i, k) !== 'sure') continue;
    any = true;
    if (!visit) return true;
    visit(i, k);
  }
  return any;
}

/**
 * Whether text[from, to) has three places where a code point is followed by itself, or by a space
 * and itself: fewer, and no deletion of spaces can make it read as fake bold (three pairs at least).
 */
export function mayPairUp(text: string, from: number, to: number): boolean {
  let near = 0;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff ? codePointAt(text, i) : c;
    const l = cpLength(cp);
    if (cp !== 32) {
      let j = i + l;
      if (j < to && text.charCodeAt(j) === 32) j++;
      if (j + l <= to && text.charCodeAt(j) === c && (l === 1 || text.charCodeAt(j + 1) === text.charCodeAt(i + 1)) && ++near >= 3) return true;
    }
    i += l;
  }
  return false;
}
const SECONDS: { start: number; end: number }[] = [];

/**
 * Whether the line text[from, to) (its first unit at offset `base`), with the spaces at the
 * document offsets a[0, na) and b[0, nb) deleted (b may be empty) and its own sure fake-bold runs
 * undoubled, as the cleaner applies these fixes together, still reads as sure
 * fake bold. A spacing fix that does so builds a run that the next pass, or the next Fix All,
 * would undouble (`TTIIRR 天 天 好 好` → TTIIRR 天天好好 → TIR 天好): glyphs the source kept apart.
 * The spacing rules make such a fix unsure (see Finding.unsure). Asked only of lines they flag;
 * most leave at the first loop, which counts where a pair could be once the spaces go (an
 * overprint needs three).
 */
export function joinsIntoOverprint(text: string, from: number, to: number, base: number, a: Int32Array, na: number, b: Int32Array | undefined, nb: number): boolean {
  return mayPairUp(text, from, to) && joinedOverprint(text, from, to, base, a, na, b, nb);
}

/** joinsIntoOverprint past its first loop: for a caller that asked mayPairUp of the line already. */
export function joinedOverprint(text: string, from: number, to: number, base: number, a: Int32Array, na: number, b: Int32Array | undefined, nb: number): boolean {
  const gone = new Uint8Array(to - from);
  for (let p = 0; p < na; p++) gone[a[p] - base] = 1;
  for (let q = 0; q < nb; q++) gone[b![q] - base] = 1;
  markSureSeconds(text, from, to, gone);
  return hasSureOverprint(without(text, from, to, gone));
}

/** The code point of text whose last unit is at i - 1 (a surrogate pair read whole), or -1 before `from`. */
function cpBefore(text: string, from: number, i: number): number {
  if (i <= from) return -1;
  const c = text.charCodeAt(i - 1);
  return (c & 0xfc00) === 0xdc00 && i - 2 >= from && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? codePointAt(text, i - 2) : c;
}

/**
 * Whether text[from, to) ends with a code point doubled (the last pair of an all-pairs token), or
 * with one, a space and itself: a spacing fix of the same pass (spaced-glyphs, mixed-script-spacing)
 * may take that space out (`跨 跨 境 境` → 跨跨境境).
 */
function endsInPair(text: string, from: number, to: number): boolean {
  const last = cpBefore(text, from, to);
  if (last < 0) return false;
  const at = to - cpLength(last);
  const prev = cpBefore(text, from, at);
  return prev === last || (prev === 32 && cpBefore(text, from, at - 1) === last);
}

/** Whether text[from, to) starts with a code point doubled, or with one, a space and itself (see endsInPair). */
function startsWithPair(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  const first = codePointAt(text, from);
  let i = from + cpLength(first);
  if (i < to && text.charCodeAt(i) === 32) i++;
  return i < to && codePointAt(text, i) === first;
}

/** A CJK glyph or CJK punctuation (full-width ：，。, brackets): spaced-glyphs takes out a space between two. */
const isWide = (cp: number) => isCjkGlyph(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);

/** Spaces asFixed takes out: none, those between two CJK glyphs or punctuation (spaced-glyphs), those between a CJK glyph and an ASCII letter or digit (mixed-script-spacing), or both. */
const SPACINGS = [0, 1, 2, 3] as const;

/**
 * The line text[from, to) as one pass of Fix All may leave it: its sure fake-bold runs undoubled
 * (the doubled-glyphs fix) and, by `spacing` (see SPACINGS), the single spaces a spacing fix of
 * the same pass may take out. Which of them it does depends on the rules' levels and on the line
 * (a credit keeps its spaces), and taking out spaces can build a run as well as break one (two
 * doubled tokens become one that is not all pairs): joinBuildsOverprint tries each.
 */
function asFixed(text: string, from: number, to: number, spacing: number): string {
  const gone = new Uint8Array(to - from);
  markSureSeconds(text, from, to, gone);
  for (let i = from + 1; spacing > 0 && i + 1 < to; i++) {
    if (text.charCodeAt(i) !== 32) continue;
    const prev = cpBefore(text, from, i);
    const next = codePointAt(text, i + 1);
    const cjk = isWide(prev) && isWide(next);
    const mixed = (isCjkGlyph(prev) && isAsciiAlnum(next)) || (isAsciiAlnum(prev) && isCjkGlyph(next));
    if ((cjk && spacing & 1) || (mixed && spacing & 2)) gone[i - from] = 1;
  }
  return without(text, from, to, gone);
}

/** Marks in `gone` (indexed from `from`) the second glyph of each pair of text[from, to)'s sure fake-bold runs: what the doubled-glyphs fix deletes. */
function markSureSeconds(text: string, from: number, to: number, gone: Uint8Array): void {
  SECONDS.length = 0;
  sureRuns(text, from, to, (start, end) => {
    for (let i = start; i < end; ) {
      const s = i;
      while (i < end && !isSpace(text.charCodeAt(i))) i++;
      pairSeconds(text, s, i, SECONDS);
      while (i < end && isSpace(text.charCodeAt(i))) i++;
    }
  });
  for (const x of SECONDS) for (let k = x.start; k < x.end; k++) gone[k - from] = 1;
}

/** text[from, to) without the units `gone` marks. */
function without(text: string, from: number, to: number, gone: Uint8Array): string {
  let out = '';
  let cursor = from;
  for (let i = from; i < to; i++) {
    if (!gone[i - from]) continue;
    out += text.slice(cursor, i);
    cursor = i + 1;
  }
  return out + text.slice(cursor, to);
}

/**
 * Whether joining the line text[ls, le) to the next one, text[rs, re), with `inserted` between (a
 * hard-wrap join: the two lines' edges as its edit leaves them), builds a run that reads as sure
 * fake bold, each line as the same pass of Fix All may leave it (asFixed: its own sure runs
 * undoubled, its spacing fixed or not, each line on its own): `… and TTHHEE⏎NNEEWWSS of the day` → TTHHEE NNEEWWSS,
 * which the next Fix All read as THE NEWS; `跨 跨 境 境⏎：：外外贸贸` → 跨跨境境：：外外贸贸;
 * `，⏎，高高高高` → ，，高高高高. Or that joins a line that reads whole as unsure fake bold to
 * doubled tokens, the joined line reading so too: the unsure fix, one click, would then undouble
 * the other line's glyphs as well (`天天天天向向上上⏎来来往往 匆匆忙忙` → 天天向上来往 匆忙). Such a run crosses the join (one inside a line was that line's
 * already), so a pair (maybe spaced) must end the first line and one start the next, or, joined
 * with nothing between, the join must make one: checked first, in constant time, for every join.
 */
export function joinBuildsOverprint(text: string, ls: number, le: number, rs: number, re: number, inserted: string): boolean {
  if (le <= ls || re <= rs) return false;
  const straddles = inserted === '' && cpBefore(text, ls, le) === codePointAt(text, rs);
  if (!straddles && (!endsInPair(text, ls, le) || !startsWithPair(text, rs, re))) return false;
  // Each line's spacing as its own findings decide (a letter-spaced line is unspaced, the next one
  // with a single space may not be): every pair of the two lines' readings.
  const rights = SPACINGS.map((spacing) => asFixed(text, rs, re, spacing));
  const rightDoubled = rights.map(isDoubledLine);
  for (const spacing of SPACINGS) {
    const fixed = asFixed(text, ls, le, spacing);
    const left = fixed + inserted;
    const leftDoubled = isDoubledLine(fixed);
    for (let r = 0; r < rights.length; r++) {
      const joined = left + rights[r];
      if (hasSureOverprint(joined)) return true;
      // A line that reads as unsure fake bold alone (its fix one click) joined to doubled tokens:
      // that fix would then undouble them too (`天天天天向向上上⏎来来往往 匆匆忙忙`).
      if ((leftDoubled || rightDoubled[r]) && isDoubledLine(joined)) return true;
    }
  }
  return false;
}

/** Whether some run of doubled tokens in text reads as sure fake bold (what doubled-glyphs fixes, see sureRuns). */
export function hasSureOverprint(text: string): boolean {
  return sureRuns(text, 0, text.length);
}

/** The text with the second code point of each pair gone in every token that is all pairs (the others stay). */
export function undouble(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (s === i || tokenPairs(text, s, i) === 0) continue;
    out += text.slice(from, s);
    for (let p = s; p < i; ) {
      const l = cpLength(codePointAt(text, p));
      out += text.slice(p, p + l);
      p += 2 * l;
    }
    from = i;
  }
  return out + text.slice(from);
}

/** UTF-16 index and length of the second code point of each pair of a doubled token. */
export function pairSeconds(text: string, start: number, end: number, out: { start: number; end: number }[]): void {
  for (let i = start; i < end; ) {
    const l = cpLength(codePointAt(text, i));
    out.push({ start: i + l, end: i + 2 * l });
    i += 2 * l;
  }
}
