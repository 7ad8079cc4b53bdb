// hard-wrap: a paragraph that pdftotext cut into column lines. One finding per paragraph of two
// or more lines, on its first line, with related information on the others; the fix "Join
// paragraph" removes only the line breaks, blank lines and edge spaces between its lines (CJK:
// nothing in their place, Latin: one space) and the hyphen of a word broken at a line end.
// Paragraph boundaries come from reflow.ts (the same ones the rewrite uses), which explains the
// column-width estimate, the sentence-end rule and the hyphen decision.
import type { Article } from '../articles/model';
import { t, type Messages } from '../messages';
import { articlePieces, joinEdit, joinedParagraphs, type FlowContext, type Piece } from '../reflow';
import type { Edit, Finding, RelatedSpan, RuleId, Severity } from '../types';

export const hardWrap: { id: RuleId; defaultSeverity: Severity } = { id: 'hard-wrap', defaultSeverity: 'information' };

/**
 * Messages by (n, count), one string per distinct value per locale: a large dump repeats the same
 * few hundred messages on hundreds of thousands of related lines, and the server keeps them all.
 */
const MESSAGE_CACHE = new WeakMap<Messages, Map<number, string>>();
function messageCache(messages: Messages): Map<number, string> {
  let m = MESSAGE_CACHE.get(messages);
  if (!m) MESSAGE_CACHE.set(messages, (m = new Map()));
  return m;
}

function relatedMessage(messages: Messages, cache: Map<number, string>, n: number, count: number): string {
  if (n >= 1 << 20 || count >= 1 << 20 || cache.size >= 100_000) return t(messages, 'hard-wrap.related', { n, count });
  const k = 1 + 2 * (n * 1048576 + count);
  let v = cache.get(k);
  if (v === undefined) cache.set(k, (v = t(messages, 'hard-wrap.related', { n, count })));
  return v;
}

function headMessage(messages: Messages, cache: Map<number, string>, count: number, row: number, withRow: boolean): string {
  if (withRow || count >= 1 << 20 || cache.size >= 100_000) return t(messages, 'hard-wrap.message', { count, row });
  const k = 2 * count;
  let v = cache.get(k);
  if (v === undefined) cache.set(k, (v = t(messages, 'hard-wrap.message', { count, row })));
  return v;
}

export function hardWrapFindings(ctx: FlowContext, articles: readonly Article[], messages: Messages, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const cache = messageCache(messages);
  const withRow = messages['hard-wrap.message'].includes('{row}');
  const title = t(messages, 'hard-wrap.fix');
  let pieces: readonly Piece[] = [];
  const report = (firstIndex: number, end: number) => {
    const count = end - firstIndex;
    const edits: Edit[] = new Array<Edit>(count - 1);
    const related: RelatedSpan[] = new Array<RelatedSpan>(count - 1);
    for (let k = firstIndex + 1; k < end; k++) {
      const x = pieces[k];
      edits[k - firstIndex - 1] = joinEdit(ctx, pieces[k - 1], x);
      related[k - firstIndex - 1] = { start: x.start, end: x.end, message: relatedMessage(messages, cache, k - firstIndex + 1, count) };
    }
    const first = pieces[firstIndex];
    out.push({
      rule: 'hard-wrap',
      severity,
      start: first.start,
      end: Math.max(first.end, first.start),
      message: headMessage(messages, cache, count, ctx.dump.lines[first.line].row + 1, withRow),
      fix: { title, edits },
      related,
    });
  };
  for (const a of articles) {
    const own = articlePieces(ctx, a);
    pieces = own.note;
    joinedParagraphs(ctx, pieces, report);
    pieces = own.body;
    joinedParagraphs(ctx, pieces, report);
  }
  return out;
}
