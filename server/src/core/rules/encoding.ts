// encoding: U+FFFD replacement characters are what is left of bytes that were not UTF-8 where the
// text was read (the editor's decoding, the CLI's), or of characters lost before. No line rule can
// say anything useful about them, and every fix would be a guess, so this document-level rule says
// once what happened and how to read the file right.
//
// - A dump that is really GB18030/GBK (the usual encoding of Chinese pdftotext output on Windows)
//   opened as UTF-8 comes out as U+FFFD everywhere, in runs (a Chinese character is two bytes, and
//   its characters stand together): at least MIN_COUNT of them, MIN_RATIO of the non-space
//   characters or more, most of them beside another. Said on line 1, with how to reopen the file
//   as GB18030.
// - Any other U+FFFD is said at the first of them (the others as related locations): one alone
//   between letters is a byte of a Western page (Windows-1252, Latin-1: «, é, ’ are one byte each,
//   none of them UTF-8), read as UTF-8; on a page of more Latin letters than CJK glyphs the
//   message says to reopen it as Windows 1252, on a Chinese page that characters were lost (a
//   Chinese page in another encoding would have them in runs everywhere).
// The counts (countReplacement) are one linear pass, and only a text with a U+FFFD needs them.
import { isSpace } from '../chars';
import { t, type Messages } from '../messages';
import { trimmedSpan } from './rule';
import { lineAt } from '../lines';
import type { Finding, PageDump, RelatedSpan, RuleId, Severity, Span, TextSource } from '../types';

export const MIN_COUNT = 3;
export const MIN_RATIO = 0.005;
/** Most replacement characters (runs of them) given as related locations besides the first. */
const MAX_RELATED = 100;

export interface DocumentRule {
  id: RuleId;
  defaultSeverity: Severity;
  /** At most one finding for the whole dump; `severity` is filled in by the caller. */
  checkDocument(dump: PageDump, messages: Messages): Omit<Finding, 'severity'> | undefined;
}

/** What the rule weighs, of a text (see countReplacement). */
export interface ReplacementCounts {
  /** U+FFFD. */
  replacement: number;
  /** Non-space characters (line terminators, form feeds, a BOM and spaces do not count). */
  nonSpace: number;
  /** U+FFFD beside another. */
  paired: number;
  /** CJK glyphs (BMP). */
  cjk: number;
  /** ASCII letters and Latin-1/Latin Extended letters. */
  latin: number;
}

export const noCounts = (): ReplacementCounts => ({ replacement: 0, nonSpace: 0, paired: 0, cjk: 0, latin: 0 });

/** `into` plus `c`, into `into`. */
export function addCounts(into: ReplacementCounts, c: ReplacementCounts): ReplacementCounts {
  into.replacement += c.replacement;
  into.nonSpace += c.nonSpace;
  into.paired += c.paired;
  into.cjk += c.cjk;
  into.latin += c.latin;
  return into;
}

/** The rule's counts of a text (see ReplacementCounts). */
export function countReplacement(text: string): ReplacementCounts {
  const c = noCounts();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u === 0xfffd) {
      c.replacement++;
      if (prev === 0xfffd || text.charCodeAt(i + 1) === 0xfffd) c.paired++;
    } else if ((u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff)) c.cjk++;
    else if ((u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || (u >= 0xc0 && u <= 0x24f && u !== 0xd7 && u !== 0xf7)) c.latin++;
    if (u !== 10 && u !== 13 && u !== 12 && u !== 11 && u !== 0xfeff && !isSpace(u)) c.nonSpace++;
    prev = u;
  }
  return c;
}

/** Whether the text holds at least `min` replacement characters (a native search, no per-character loop). */
export function hasReplacements(text: TextSource, min: number): boolean {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0 && count < min; i = text.indexOf('\ufffd', i + 1)) count++;
  return count >= min;
}

/** How the replacement characters of a text read (see the header comment); undefined without any. */
export type EncodingKind = 'gb18030' | 'western' | 'lost';

export function encodingKind(c: ReplacementCounts): EncodingKind | undefined {
  if (c.replacement === 0) return undefined;
  if (c.replacement >= MIN_COUNT && c.replacement >= c.nonSpace * MIN_RATIO && c.paired * 2 >= c.replacement) return 'gb18030';
  return c.cjk > c.latin ? 'lost' : 'western';
}

/**
 * The rule's finding on a whole text, from its counts (of every page: see countReplacement): on
 * line 1 (`firstLine`, the span of the first line with text) for a GB18030 text, else at the
 * first run of replacement characters in `text`, with the others as related spans.
 */
export function encodingFindingOf(text: TextSource, counts: ReplacementCounts, firstLine: () => Span | undefined, messages: Messages): Omit<Finding, 'severity'> | undefined {
  const kind = encodingKind(counts);
  if (!kind) return undefined;
  const count = counts.replacement;
  if (kind === 'gb18030') {
    const { start, end } = firstLine() ?? { start: 0, end: 0 };
    return { rule: 'encoding', start, end, message: t(messages, 'encoding.message', { count }) };
  }
  const runs: Span[] = [];
  for (let i = text.indexOf('\ufffd'); i >= 0 && runs.length <= MAX_RELATED; ) {
    let end = i + 1;
    while (end < text.length && text.slice(end, end + 1) === '\ufffd') end++;
    runs.push({ start: i, end });
    i = text.indexOf('\ufffd', end);
  }
  const [first, ...rest] = runs;
  const finding: Omit<Finding, 'severity'> = { rule: 'encoding', start: first.start, end: first.end, message: t(messages, kind === 'western' ? 'encoding.western' : 'encoding.lost', { count }) };
  if (rest.length > 0) {
    const message = t(messages, 'encoding.related');
    finding.related = rest.map((r): RelatedSpan => ({ start: r.start, end: r.end, message }));
  }
  return finding;
}

export const encoding: DocumentRule = {
  id: 'encoding',
  defaultSeverity: 'warning',
  checkDocument(dump, messages) {
    // Most texts have no replacement character at all: no need to count their characters.
    if (!hasReplacements(dump.text, 1)) return undefined;
    return encodingFindingOf(dump.text, countReplacement(dump.text), () => (dump.lines.length > 0 ? trimmedSpan(lineAt(dump, 0)) : { start: dump.bom, end: dump.bom }), messages);
  },
};
