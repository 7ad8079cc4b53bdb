// misplaced-headline: a headline, kicker or deck that the dump emitted away from its article
// (after the body, stacked over another article's byline, at the end of the page). The fix moves
// the heading blocks, in their order, to just before the article's first line, each followed by a
// blank line; the blank line after a moved block goes with it.
import { isTextLine, lineAt } from '../lines';
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
  const line = (i: number) => lineAt(dump, i);
  const target = line(first);
  const eol = dump.text.slice(target.end, target.next) || '\n';
  // The edits sorted by start (stably): the blocks' removals in order, the insertion at the
  // article's start after every removal starting at or before it. The moved text is joined from
  // its parts: one flat string, not a chain of concatenations kept with the finding.
  const parts: string[] = [];
  let ne = 0;
  let at = 0; // index of the insertion
  for (let j = 0; j < nb; j++) {
    const b = BLOCKS[j];
    const f = line(b[0]);
    const l = line(b[b.length - 1]);
    let end = l.next;
    const after = b[b.length - 1] + 1 < dump.lines.length ? line(b[b.length - 1] + 1) : undefined;
    if (after && after.blank && after.page === l.page && after.next !== target.start) end = after.next;
    const text = dump.text.slice(f.start, l.next);
    parts.push(text);
    if (!/[\r\n]$/.test(text)) parts.push(eol);
    parts.push(eol);
    if (f.start <= target.start) at = ne + 1;
    EDITS[ne++] = { start: f.start, end, newText: '' };
  }
  for (let k = ne; k > at; k--) EDITS[k] = EDITS[k - 1];
  EDITS[at] = { start: target.start, end: target.start, newText: parts.join('') };
  const edits = EDITS.slice(0, ne + 1);
  const head = a.headline.length ? a.headline : BLOCKS[0];
  const hs = line(head[0]);
  const he = line(head[head.length - 1]);
  return {
    rule: 'misplaced-headline',
    severity: 'information',
    start: hs.start,
    end: he.end,
    message: t(messages, 'misplaced-headline.message', { headline: articleTitle(dump, a), line: target.row + 1 }),
    fix: { title: t(messages, 'misplaced-headline.fix'), edits },
    related: [{ start: target.start, end: target.end, message: t(messages, 'misplaced-headline.related') }],
  };
}
