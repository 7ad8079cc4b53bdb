// misplaced-headline: a headline, kicker or deck that the dump emitted away from its article
// (after the body, stacked over another article's byline, at the end of the page). The fix moves
// the heading blocks, in their order, to just before the article's first line, each followed by a
// blank line; the blank line after a moved block goes with it.
import { isTextLine, LINE_BLANK } from '../lines';
import type { Edit, Finding, LineTable, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import type { Article, PageAnalysis } from '../articles/model';
import { articleTitle } from '../articles/detect';

/** Scratch marks of misplacedHeadline (one article at a time). */
let CLAIMED = new Uint8Array(256);
/** The heading blocks of the current article, and the edits of its fix (reused: only exact-size copies survive). */
const BLOCKS: number[][] = [];
const EDITS: Edit[] = [];

/** Puts block b (if not empty) among the first n of BLOCKS, kept sorted by first line (stable); returns the new count. */
function putBlock(b: number[], n: number): number {
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
  for (let k = 0; k < articles.length; k++) {
    const a = articles[k];
    // The article's heading blocks (kicker, headline, decks) by first line.
    let nb = putBlock(a.headline, putBlock(a.kicker, 0));
    for (let d = 0; d < a.decks.length; d++) nb = putBlock(a.decks[d], nb);
    if (nb === 0) continue;
    const first = firstOutside(a.lines, nb);
    if (first >= 0 && !inPlace(dump.lines, a.lines, BLOCKS[0][0], first)) out.push(finding(dump, a, nb, first, messages));
  }
  // Keep none of the page's arrays and edits.
  BLOCKS.length = 0;
  EDITS.length = 0;
  return out;
}

/** The article's first line outside its nb heading blocks (in BLOCKS), -1 when none (a Set only for a big heading). */
function firstOutside(al: readonly number[], nb: number): number {
  let headingSize = 0;
  for (let j = 0; j < nb; j++) headingSize += BLOCKS[j].length;
  const heading = headingSize > 32 ? new Set(BLOCKS.slice(0, nb).flat()) : undefined;
  for (let k = 0; k < al.length; k++) {
    const i = al[k];
    if (heading ? !heading.has(i) : !inBlocks(nb, i)) return i;
  }
  return -1;
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

/** The finding of an article whose nb heading blocks (in BLOCKS) belong before its line `first`. */
function finding(dump: PageDump, a: Article, nb: number, first: number, messages: Messages): Finding {
  // The lines' columns, read directly (no Line object, nor text slice, per line asked about).
  const L = dump.lines;
  const text = dump.text;
  const targetStart = L.start[first];
  const eol = text.slice(L.end[first], L.next[first]) || '\n';
  // The edits sorted by start (stably): the blocks' removals in order, the insertion at the
  // article's start after every removal starting at or before it. The moved text is joined from
  // its parts: one flat string, not a chain of concatenations kept with the finding.
  const parts: string[] = [];
  let ne = 0;
  let at = 0; // index of the insertion
  for (let j = 0; j < nb; j++) {
    const b = BLOCKS[j];
    const f = b[0];
    const l = b[b.length - 1];
    let end = L.next[l];
    // The blank line after the block goes with it (on its page, and not the article's first line).
    const after = l + 1;
    if (after < L.length && L.flags[after] & LINE_BLANK && L.page[after] === L.page[l] && L.next[after] !== targetStart) end = L.next[after];
    const from = L.start[f];
    const to = L.next[l];
    parts.push(text.slice(from, to));
    // The block's text ends without a line break (the dump's last line): one is added.
    const lastC = to > from ? text.charCodeAt(to - 1) : -1;
    if (lastC !== 10 && lastC !== 13) parts.push(eol);
    parts.push(eol);
    if (from <= targetStart) at = ne + 1;
    EDITS[ne++] = { start: from, end, newText: '' };
  }
  for (let k = ne; k > at; k--) EDITS[k] = EDITS[k - 1];
  EDITS[at] = { start: targetStart, end: targetStart, newText: parts.join('') };
  const edits = EDITS.slice(0, ne + 1);
  const head = a.headline.length ? a.headline : BLOCKS[0];
  return {
    rule: 'misplaced-headline',
    severity: 'information',
    start: L.start[head[0]],
    end: L.end[head[head.length - 1]],
    message: t(messages, 'misplaced-headline.message', { headline: articleTitle(dump, a), line: L.row[first] + 1 }),
    fix: { title: t(messages, 'misplaced-headline.fix'), edits },
    related: [{ start: targetStart, end: L.end[first], message: t(messages, 'misplaced-headline.related') }],
  };
}
