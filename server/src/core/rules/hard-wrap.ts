// hard-wrap: a paragraph that pdftotext cut into column lines. One finding per paragraph of two
// or more lines, on its first line, with related information on the others; the fix "Join
// paragraph" removes only the line breaks, blank lines and edge spaces between its lines (CJK:
// nothing in their place, Latin: one space) and the hyphen of a word broken at a line end.
// Paragraph boundaries come from reflow.ts (the same ones the rewrite uses), which explains the
// column-width estimate, the sentence-end rule and the hyphen decision.
import { t, type Messages } from '../messages';
import { joinEdit, joinedParagraphs, type FlowContext, type Piece } from '../reflow';
import type { Edit, Finding, RelatedSpan, RuleId, Severity } from '../types';

export const hardWrap: { id: RuleId; defaultSeverity: Severity } = { id: 'hard-wrap', defaultSeverity: 'information' };

/**
 * Messages by count, one string per distinct value per locale: a large dump repeats the same few
 * hundred messages on hundreds of thousands of related lines, and the server keeps them all.
 */
interface MessageCache {
  /** The finding's message by count (when it does not name the row). */
  head: Map<number, string>;
  /** The related lines' messages of a paragraph of `count` lines by count: the message of line n at [n]. */
  related: Map<number, string[]>;
  /** Strings held, bounded. */
  size: number;
}
const MESSAGE_CACHE = new WeakMap<Messages, MessageCache>();
function messageCache(messages: Messages): MessageCache {
  let m = MESSAGE_CACHE.get(messages);
  if (!m) MESSAGE_CACHE.set(messages, (m = { head: new Map(), related: new Map(), size: 0 }));
  return m;
}

/** The related messages of a paragraph of `count` lines (see MessageCache.related), or undefined past the bound. */
function relatedMessages(messages: Messages, cache: MessageCache, count: number): string[] | undefined {
  let v = cache.related.get(count);
  if (v === undefined) {
    if (cache.size + count > 100_000) return undefined;
    v = new Array<string>(count + 1).fill('');
    for (let n = 2; n <= count; n++) v[n] = t(messages, 'hard-wrap.related', { n, count });
    cache.related.set(count, v);
    cache.size += count;
  }
  return v;
}

function headMessage(messages: Messages, cache: MessageCache, count: number, row: number, withRow: boolean): string {
  if (withRow || cache.size >= 100_000) return t(messages, 'hard-wrap.message', { count, row });
  let v = cache.head.get(count);
  if (v === undefined) {
    cache.head.set(count, (v = t(messages, 'hard-wrap.message', { count, row })));
    cache.size++;
  }
  return v;
}

/** The findings of the articles of the context's page analysis. */
export function hardWrapFindings(ctx: FlowContext, messages: Messages, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const cache = messageCache(messages);
  const withRow = messages['hard-wrap.message'].includes('{row}');
  const title = t(messages, 'hard-wrap.fix');
  let pieces: readonly Piece[] = [];
  const report = (firstIndex: number, end: number) => {
    const count = end - firstIndex;
    const edits: Edit[] = new Array<Edit>(count - 1);
    const related: RelatedSpan[] = new Array<RelatedSpan>(count - 1);
    const said = relatedMessages(messages, cache, count);
    for (let k = firstIndex + 1; k < end; k++) {
      const x = pieces[k];
      const n = k - firstIndex + 1;
      edits[n - 2] = joinEdit(ctx, pieces[k - 1], x);
      related[n - 2] = { start: x.start, end: x.end, message: said ? said[n] : t(messages, 'hard-wrap.related', { n, count }) };
    }
    const first = pieces[firstIndex];
    out.push({
      rule: 'hard-wrap',
      severity,
      start: first.start,
      end: Math.max(first.end, first.start),
      // The row is looked up only for a message that names it (a line object less to read per paragraph).
      message: headMessage(messages, cache, count, withRow ? ctx.dump.lines[first.line].row + 1 : 0, withRow),
      fix: { title, edits },
      related,
    });
  };
  for (const own of ctx.pieces) {
    pieces = own.note;
    joinedParagraphs(ctx, pieces, report);
    pieces = own.body;
    joinedParagraphs(ctx, pieces, report);
  }
  return out;
}
