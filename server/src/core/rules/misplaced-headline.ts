// misplaced-headline: a headline, kicker or deck that the dump emitted away from its article
// (after the body, stacked over another article's byline, at the end of the page). The fix moves
// the heading blocks, in their order, to just before the article's first line, each followed by a
// blank line; the blank line after a moved block goes with it.
import type { Edit, Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import type { PageAnalysis } from '../articles/model';
import { articleTitle, stateOf } from '../articles/detect';

/** Scratch marks of misplacedHeadline (one article at a time). */
let CLAIMED = new Uint8Array(256);

export function misplacedHeadline(dump: PageDump, analysis: PageAnalysis, messages: Messages): Finding[] {
  const state = stateOf(analysis);
  if (!state) return [];
  const lines = dump.lines;
  const out: Finding[] = [];
  for (const a of analysis.articles) {
    const blocks = state.clusterOf.get(a.id) ?? [];
    if (blocks.length === 0) continue;
    // The article's first line outside its heading blocks (Sets only for a big heading).
    let headingSize = 0;
    for (const b of blocks) headingSize += b.length;
    const heading = headingSize > 32 ? new Set(blocks.flat()) : undefined;
    let first = -1;
    const al = a.lines;
    for (let k = 0; k < al.length; k++) {
      const i = al[k];
      if (heading ? !heading.has(i) : !inBlocks(blocks, i)) {
        first = i;
        break;
      }
    }
    if (first < 0) continue;
    const top = blocks[0][0];
    let inPlace = top < first;
    if (inPlace) {
      // The article's lines in [top, first): a mark per line of that range, not a Set of all its lines.
      if (CLAIMED.length < first - top) CLAIMED = new Uint8Array(Math.max(first - top, 2 * CLAIMED.length));
      const claimed = CLAIMED;
      claimed.fill(0, 0, first - top);
      for (let k = 0; k < al.length; k++) if (al[k] >= top && al[k] < first) claimed[al[k] - top] = 1;
      for (let i = top; inPlace && i < first; i++) {
        const l = lines[i];
        if (!l.blank && !l.annotation && !claimed[i - top]) inPlace = false;
      }
    }
    if (inPlace) continue;
    const target = lines[first];
    const eol = dump.text.slice(target.end, target.next) || '\n';
    const edits: Edit[] = [];
    let moved = '';
    for (const b of blocks) {
      const f = lines[b[0]];
      const l = lines[b[b.length - 1]];
      let end = l.next;
      const after = lines[b[b.length - 1] + 1];
      if (after && after.blank && after.page === l.page && after.next !== target.start) end = after.next;
      const text = dump.text.slice(f.start, l.next);
      moved += text + (/[\r\n]$/.test(text) ? '' : eol) + eol;
      edits.push({ start: f.start, end, newText: '' });
    }
    edits.push({ start: target.start, end: target.start, newText: moved });
    // A stable sort by start of these few edits (by insertion: Array.prototype.sort allocates).
    for (let i = 1; i < edits.length; i++) {
      const e = edits[i];
      let j = i - 1;
      while (j >= 0 && edits[j].start > e.start) {
        edits[j + 1] = edits[j];
        j--;
      }
      edits[j + 1] = e;
    }
    const head = a.headline.length ? a.headline : blocks[0];
    const hs = lines[head[0]];
    const he = lines[head[head.length - 1]];
    out.push({
      rule: 'misplaced-headline',
      severity: 'information',
      start: hs.start,
      end: he.end,
      message: t(messages, 'misplaced-headline.message', { headline: articleTitle(dump, a), line: target.row + 1 }),
      fix: { title: t(messages, 'misplaced-headline.fix'), edits },
      related: [{ start: target.start, end: target.end, message: t(messages, 'misplaced-headline.related') }],
    });
  }
  return out;
}

function inBlocks(blocks: readonly (readonly number[])[], i: number): boolean {
  for (const b of blocks) for (let k = 0; k < b.length; k++) if (b[k] === i) return true;
  return false;
}
