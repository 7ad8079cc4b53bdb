// hard-wrap: a paragraph that pdftotext cut into column lines. One finding per paragraph of two
// or more lines, on its first line, with related information on the others; the fix "Join
// paragraph" removes only the line breaks, blank lines and edge spaces between its lines (CJK:
// nothing in their place, Latin: one space) and the hyphen of a word broken at a line end.
// Paragraph boundaries come from reflow.ts (the same ones the rewrite uses), which explains the
// column-width estimate, the sentence-end rule and the hyphen decision.
import type { Article } from '../articles/model';
import { t, type Messages } from '../messages';
import { flowArticle, joinEdit, type FlowContext } from '../reflow';
import type { Edit, Finding, RuleId, Severity } from '../types';

export const hardWrap: { id: RuleId; defaultSeverity: Severity } = { id: 'hard-wrap', defaultSeverity: 'information' };

/**
 * Messages by (n, count), one string per distinct value per locale: a large dump repeats the same
 * few hundred messages on hundreds of thousands of related lines, and the server keeps them all.
 */
const MESSAGE_CACHE = new WeakMap<Messages, Map<number, string>>();
function cachedMessage(messages: Messages, key: 'hard-wrap.message' | 'hard-wrap.related', n: number, count: number, make: () => string): string {
  let m = MESSAGE_CACHE.get(messages);
  if (!m) MESSAGE_CACHE.set(messages, (m = new Map()));
  if (n >= 1 << 20 || count >= 1 << 20 || m.size >= 100_000) return make();
  const k = (key === 'hard-wrap.message' ? 0 : 1) + 2 * (n * 1048576 + count);
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

export function hardWrapFindings(ctx: FlowContext, articles: readonly Article[], messages: Messages, severity: Severity): Finding[] {
  const out: Finding[] = [];
  for (const a of articles) {
    const flow = flowArticle(ctx, a, false);
    for (const p of [...flow.note, ...flow.body]) {
      if (p.pieces.length < 2) continue;
      const edits: Edit[] = [];
      for (let k = 1; k < p.pieces.length; k++) edits.push(joinEdit(ctx, p.pieces[k - 1], p.pieces[k]));
      const first = p.pieces[0];
      const firstLine = ctx.dump.lines[first.line];
      out.push({
        rule: 'hard-wrap',
        severity,
        start: first.start,
        end: Math.max(first.end, first.start),
        message: messages['hard-wrap.message'].includes('{row}')
          ? t(messages, 'hard-wrap.message', { count: p.pieces.length, row: firstLine.row + 1 })
          : cachedMessage(messages, 'hard-wrap.message', 0, p.pieces.length, () => t(messages, 'hard-wrap.message', { count: p.pieces.length, row: firstLine.row + 1 })),
        fix: { title: t(messages, 'hard-wrap.fix'), edits },
        related: p.pieces.slice(1).map((x, k) => ({ start: x.start, end: x.end, message: cachedMessage(messages, 'hard-wrap.related', k + 2, p.pieces.length, () => t(messages, 'hard-wrap.related', { n: k + 2, count: p.pieces.length })) })),
      });
    }
  }
  return out;
}
