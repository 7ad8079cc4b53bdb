// Splits a dump into pages (form feeds, and soft breaks in a page too long without one: see
// softPages.ts) and lines (LF, CRLF, CR). Blocks (runs of text lines) are article detection's to
// find, in the page it reads: kept here, they were an object per block of every page, held by the dump.
// One pass over the text; every offset is a UTF-16 index into the original text, so a BOM, CRLF or
// astral characters never shift positions.
import { isBlankUnit, isSpaceOrTab } from './chars';
import { nextSoftBreak } from './softPages';
import { LINE_ANNOTATION, LINE_BLANK, lineNext, LineTableBuilder, lowerBound } from './lines';
import type { Page, PageDump } from './types';

const LF = 10;
const FF = 12;

/**
 * `atStart`: the text starts the document (false for a page of it, parsed alone: a U+FEFF there is
 * no byte-order mark). `cut`: pages too long without a form feed are cut into parts (softPages.ts).
 */
export function parse(text: string, atStart = true, cut = true): PageDump {
  const bom = atStart && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineTableBuilder(expectedLines(text));
  const pages: Page[] = [];
  let page = 0;
  let pageStart = 0;
  let pageFirstLine = 0;
  let lineStart = bom;
  let row = 0;
  let rowStart = 0;
  const n = text.length;
  // The next LF, CR and form feed at or after the scan position (n when there is none), each found
  // with indexOf: a native search runs far faster than a charCodeAt loop over every character.
  let lf = indexOr(text, '\n', bom, n);
  let cr = indexOr(text, '\r', bom, n);
  let ff = indexOr(text, '\f', bom, n);
  // Pages that are not parts (soft) so far: the sheet of a page is its form-feed page's number
  // among the pages that are not empty, as page numbers always were.
  let sheets = 0;
  // The next soft break of the current form-feed page (its end when there is none).
  const nextSoft = (from: number, to: number) => (cut ? nextSoftBreak(text, from, to) : to);
  let soft = nextSoft(0, ff);
  let softStart = -1;
  /** Ends the page at `end` and starts the next. */
  const closePage = (end: number) => {
    const isSoft = pageStart === softStart;
    pages.push({ index: page, sheet: isSoft ? sheets - 1 : sheets++, soft: isSoft, start: pageStart, end, firstLine: pageFirstLine, lastLine: lines.length - 1 });
    page++;
    pageFirstLine = lines.length;
  };
  for (;;) {
    const i = lf < cr ? (lf < ff ? lf : ff) : cr < ff ? cr : ff;
    if (i >= n) break;
    if (i === ff) {
      // A form feed ends the page. A line that starts with one starts after it, on the next page;
      // text before it on the same line stays on this page.
      if (i > lineStart) lines.push(lineStart, i, row, lineStart - rowStart, flagsOf(text, lineStart, i));
      lineStart = i + 1;
      if (pageFirstLine < lines.length) closePage(i + 1);
      pageStart = i + 1;
      ff = indexOr(text, '\f', i + 1, n);
      soft = nextSoft(pageStart, ff);
    } else {
      const next = i === cr && i + 1 < n && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      lines.push(lineStart, i, row, lineStart - rowStart, flagsOf(text, lineStart, i));
      lineStart = rowStart = next;
      row++;
      if (lf < next) lf = indexOr(text, '\n', next, n);
      if (cr < next) cr = indexOr(text, '\r', next, n);
      if (next === soft && soft < ff) {
        // A soft break: the page ends before this line (it is never empty: breaks are far apart).
        closePage(next);
        pageStart = softStart = next;
        soft = nextSoft(next, ff);
      }
    }
  }
  if (lineStart < n || lines.length === 0) lines.push(lineStart, n, row, lineStart - rowStart, flagsOf(text, lineStart, n));
  if (pageFirstLine < lines.length || pages.length === 0) closePage(n);
  return { text, bom, lines: lines.finish(), pages };
}

/**
 * How many lines the text likely has: the lines of its first 64 K units, scaled to its length, and
 * a little more. The line columns are made that long, grown if short and cut at the end if much too
 * long: a guess of 16 units a line (CJK dumps average ~8, English ones ~50) made CJK columns grow
 * and copy, and a fixed smaller one zero-fills many megabytes an English text never uses.
 */
function expectedLines(text: string): number {
  const probe = Math.min(text.length, 1 << 16);
  let count = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < probe; k = text.indexOf('\n', k + 1)) count++;
  // At most one line per 4 units: a text whose start is all line breaks may run on without one.
  return Math.min(Math.ceil(((count * text.length) / Math.max(probe, 1)) * 1.05), text.length >> 2) + 16;
}

function indexOr(text: string, ch: string, from: number, none: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? none : k;
}

/** LINE_BLANK (only blank units) or LINE_ANNOTATION (`%%` after spaces and tabs) of text[start, end), else 0. */
function flagsOf(text: string, start: number, end: number): number {
  let i = start;
  let c = 0;
  while (i < end && isSpaceOrTab((c = text.charCodeAt(i)))) i++;
  const annotation = c === 37 && i + 1 < end && text.charCodeAt(i + 1) === 37;
  while (i < end && isBlankUnit(text.charCodeAt(i))) i++;
  return (i === end ? LINE_BLANK : 0) | (annotation ? LINE_ANNOTATION : 0);
}

/** Index of the last item starting at or before `offset` (items sorted by start; 0 if none). */
export function lastStartingAt(items: readonly { start: number }[], offset: number): number {
  return Math.max(0, lowerBound(items.length, (i) => items[i].start <= offset) - 1);
}

/** Index of the line holding an offset (the last line starting at or before it; 0 if none). */
export function lineIndexAt(dump: PageDump, offset: number): number {
  const start = dump.lines.start;
  return Math.max(0, lowerBound(dump.lines.length, (i) => start[i] <= offset) - 1);
}

/** Editor position (0-based line, UTF-16 character) of an offset, as LSP and the CLI report it. */
export function positionAt(dump: PageDump, offset: number): { line: number; character: number } {
  const L = dump.lines;
  const i = lineIndexAt(dump, offset);
  const start = L.start[i];
  const end = L.end[i];
  const next = lineNext(dump, i);
  if (offset >= next && next > end && dump.text.charCodeAt(end) !== FF) {
    // Past the terminator of the last parsed line: the empty line the editor shows after it.
    return { line: L.row[i] + 1, character: 0 };
  }
  return { line: L.row[i], character: L.col[i] + Math.max(0, Math.min(offset, end) - start) };
}
