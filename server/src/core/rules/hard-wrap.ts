// hard-wrap: a paragraph that pdftotext cut into column lines. One finding per paragraph of two
// or more lines, on its first line, with related information on the others (up to MAX_RELATED); the fix "Join
// paragraph" removes only the line breaks, blank lines and edge spaces between its lines (CJK:
// nothing in their place, Latin: one space) and the hyphen of a word broken at a line end.
// Paragraph boundaries come from reflow.ts (the same ones the rewrite uses), which explains the
// column-width estimate, the sentence-end rule and the hyphen decision.
import { t, type Messages } from '../messages';
import { EDIT_FIELDS, reserveInts, rowChunk, RowFinding, type RelatedMaker } from '../editRows';
import { joinEditInto, joinedParagraphs, PIECE_FIELDS, P_END, P_LINE, P_START, type FlowContext } from '../reflow';
import type { Finding, RelatedSpan, RuleId, Severity } from '../types';

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
  /** The findings' maker of related spans. */
  maker: ParagraphRelated | undefined;
}
const MESSAGE_CACHE = new WeakMap<Messages, MessageCache>();
function messageCache(messages: Messages): MessageCache {
  let m = MESSAGE_CACHE.get(messages);
  if (!m) MESSAGE_CACHE.set(messages, (m = { head: new Map(), related: new Map(), size: 0, maker: undefined }));
  return m;
}

/**
 * Lines of a paragraph listed as related information: its lines 2 to MAX_RELATED, then its last.
 * A "paragraph" of thousands of lines is a table or a list that never ends a sentence; listing
 * every line made one diagnostic of a 1 MB table 12 MB of JSON on every keystroke, and a list
 * nobody reads. The fix still joins every line.
 */
export const MAX_RELATED = 100;

/** Which lines (1-based, from 2) of a paragraph of `count` lines are listed (see MAX_RELATED). */
const listed = (n: number, count: number) => n <= MAX_RELATED || n === count;

/** The related messages of a paragraph of `count` lines (see MessageCache.related), or undefined past the bound. */
function relatedMessages(messages: Messages, cache: MessageCache, count: number): string[] | undefined {
  let v = cache.related.get(count);
  if (v === undefined) {
    if (cache.size + count > 100_000) return undefined;
    v = new Array<string>(count + 1).fill('');
    for (let n = 2; n <= count; n++) if (listed(n, count)) v[n] = t(messages, 'hard-wrap.related', { n, count });
    cache.related.set(count, v);
    cache.size += Math.min(count, MAX_RELATED + 1);
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

/**
 * Makes a joined paragraph's related spans when read: lines 2 to MAX_RELATED and the last, whose
 * (start, end) follow its edits in its rows (see hardWrapFindings). One per Messages.
 */
class ParagraphRelated implements RelatedMaker {
  constructor(
    private readonly messages: Messages,
    private readonly cache: MessageCache,
  ) {}

  related(f: RowFinding): RelatedSpan[] {
    const count = f.count + 1; // lines: the fix has a join edit between each two
    const said = relatedMessages(this.messages, this.cache, count);
    const rows = f.rows;
    const out = new Array<RelatedSpan>(listedCount(count));
    for (let n = 2, o = f.at + EDIT_FIELDS * f.count; n <= count; n++) {
      if (!listed(n, count)) continue;
      const message = said ? said[n] : t(this.messages, 'hard-wrap.related', { n, count });
      out[n <= MAX_RELATED ? n - 2 : MAX_RELATED - 1] = { start: rows[o], end: rows[o + 1], message };
      o += 2;
    }
    return out;
  }
}

/** How many lines of a paragraph of `count` lines are listed (see listed). */
const listedCount = (count: number) => (count - 1 <= MAX_RELATED ? count - 1 : MAX_RELATED);

/** The findings of the articles of the context's page analysis. */
export function hardWrapFindings(ctx: FlowContext, messages: Messages, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const cache = messageCache(messages);
  const maker = (cache.maker ??= new ParagraphRelated(messages, cache));
  const withRow = messages['hard-wrap.message'].includes('{row}');
  const title = t(messages, 'hard-wrap.fix');
  const table = ctx.table;
  const F = PIECE_FIELDS;
  const report = (firstIndex: number, end: number) => {
    const count = end - firstIndex;
    // The edits' rows, then the related lines' (start, end).
    const at = reserveInts(EDIT_FIELDS * (count - 1) + 2 * listedCount(count));
    const rows = rowChunk();
    const spans = at + EDIT_FIELDS * (count - 1);
    // The previous piece's [start, end), carried along (each piece is read once).
    let ps = table[firstIndex * F + P_START];
    let pe = table[firstIndex * F + P_END];
    for (let k = firstIndex + 1, o = at, r = spans; k < end; k++, o += EDIT_FIELDS) {
      const xs = table[k * F + P_START];
      const xe = table[k * F + P_END];
      joinEditInto(ctx, ps, pe, xs, xe, rows, o);
      if (listed(k - firstIndex + 1, count)) {
        rows[r++] = xs;
        rows[r++] = xe;
      }
      ps = xs;
      pe = xe;
    }
    const fs = table[firstIndex * F + P_START];
    const fe = table[firstIndex * F + P_END];
    // The row is looked up only for a message that names it (a line object less to read per paragraph).
    const message = headMessage(messages, cache, count, withRow ? ctx.dump.lines.row[table[firstIndex * F + P_LINE]] + 1 : 0, withRow);
    out.push(new RowFinding('hard-wrap', severity, fs, Math.max(fe, fs), message, title, rows, at, count - 1, maker));
  };
  joinedParagraphs(ctx, report);
  return out;
}
