// hard-wrap: a paragraph that pdftotext cut into column lines. One finding per paragraph of two
// or more lines, on its first line, with its other lines as one related span; the fix "Join
// paragraph" removes only the line breaks, blank lines and edge spaces between its lines (CJK:
// nothing in their place, Latin: one space) and the hyphen of a word broken at a line end.
// Paragraph boundaries come from reflow.ts (the same ones the rewrite uses), which explains the
// column-width estimate, the sentence-end rule and the hyphen decision.
import { t, type Messages } from '../messages';
import { EDIT_FIELDS, INSERTED, reserveInts, rowChunk, RowFinding, type RelatedMaker } from '../editRows';
import { unsureSeverity } from '../lint';
import { joinBuildsOverprint } from '../overprint';
import { joinEditInto, joinedParagraphs, PIECE_FIELDS, P_END, P_LINE, P_START, type FlowContext } from '../reflow';
import type { Finding, RelatedSpan, RuleId, Severity } from '../types';

export const hardWrap: { id: RuleId; defaultSeverity: Severity } = { id: 'hard-wrap', defaultSeverity: 'information' };

/**
 * Messages by count, one string per distinct value per locale: a large dump repeats the same few
 * hundred messages, and the server keeps them all.
 */
interface MessageCache {
  /** The finding's message by count (when it does not name the row). */
  head: Map<number, string>;
  /** The related span's message by count. */
  related: Map<number, string>;
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

/** A message by count from the cache, made once (the cache is bounded: past it, made each time). */
function cached(map: Map<number, string>, cache: MessageCache, count: number, make: () => string): string {
  let v = map.get(count);
  if (v === undefined) {
    v = make();
    if (cache.size >= 100_000) return v;
    map.set(count, v);
    cache.size++;
  }
  return v;
}

function headMessage(messages: Messages, cache: MessageCache, count: number, row: number, withRow: boolean): string {
  if (withRow) return t(messages, 'hard-wrap.message', { count, row });
  return cached(cache.head, cache, count, () => t(messages, 'hard-wrap.message', { count, row }));
}

/**
 * Makes a joined paragraph's related span when read: one span from its second line to its last,
 * whose (start, end) follow its edits in its rows (see hardWrapFindings). It was one span a line,
 * up to 100: an English paragraph's diagnostic was 2.4 KB of JSON, 80% of it the list, and every
 * keystroke's diagnostics (up to 500) went out as a message of over a megabyte, which V8 keeps in
 * its old generation until a full collection (a 50 MB dump's server grew ~2.5 MB a keystroke).
 * One span says the same: where the rest of the paragraph is. One per Messages.
 */
class ParagraphRelated implements RelatedMaker {
  constructor(
    private readonly messages: Messages,
    private readonly cache: MessageCache,
  ) {}

  related(f: RowFinding): RelatedSpan[] {
    const count = f.count + 1; // lines: the fix has a join edit between each two
    const message = count === 2 ? t(this.messages, 'hard-wrap.relatedOne') : cached(this.cache.related, this.cache, count, () => t(this.messages, 'hard-wrap.related', { count }));
    const o = f.at + EDIT_FIELDS * f.count;
    return [{ start: f.rows[o], end: f.rows[o + 1], message }];
  }
}

/** The findings of the articles of the context's page analysis. */
export function hardWrapFindings(ctx: FlowContext, messages: Messages, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const cache = messageCache(messages);
  const maker = (cache.maker ??= new ParagraphRelated(messages, cache));
  const withRow = messages['hard-wrap.message'].includes('{row}');
  const title = t(messages, 'hard-wrap.fix');
  const table = ctx.table;
  const text = ctx.dump.text;
  const F = PIECE_FIELDS;
  const report = (firstIndex: number, end: number, cjk: boolean) => {
    const count = end - firstIndex;
    // The edits' rows, then the related span's (start, end): the second line's start, the last's end.
    const at = reserveInts(EDIT_FIELDS * (count - 1) + 2);
    const rows = rowChunk();
    const span = at + EDIT_FIELDS * (count - 1);
    // The previous piece's [start, end), carried along (each piece is read once).
    let ps = table[firstIndex * F + P_START];
    let pe = table[firstIndex * F + P_END];
    rows[span] = table[(firstIndex + 1) * F + P_START];
    let unsure = false;
    for (let k = firstIndex + 1, o = at; k < end; k++, o += EDIT_FIELDS) {
      const xs = table[k * F + P_START];
      const xe = table[k * F + P_END];
      joinEditInto(ctx, ps, pe, xs, xe, rows, o, cjk);
      // The lines as the join edit leaves them (a hyphen dropped, edge spaces gone).
      if (!unsure && joinBuildsOverprint(text, ps, Math.min(pe, rows[o]), Math.max(xs, rows[o + 1]), xe, INSERTED[rows[o + 2]])) unsure = true;
      ps = xs;
      pe = xe;
    }
    rows[span + 1] = pe;
    const fs = table[firstIndex * F + P_START];
    const fe = table[firstIndex * F + P_END];
    // The row is looked up only for a message that names it (a line object less to read per paragraph).
    const message = headMessage(messages, cache, count, withRow ? ctx.dump.lines.row[table[firstIndex * F + P_LINE]] + 1 : 0, withRow);
    const f = new RowFinding('hard-wrap', severity, fs, Math.max(fe, fs), message, title, rows, at, count - 1, maker);
    // A join would build fake bold (see joinBuildsOverprint), which the next Fix All would
    // undouble: the paragraph is the user's to join (see Finding.unsure). Rare: a plain finding.
    if (unsure) out.push({ rule: 'hard-wrap', severity: unsureSeverity(severity), start: f.start, end: f.end, message: t(messages, 'hard-wrap.unsure', { count }), fix: f.fix, related: f.related, unsure: true });
    else out.push(f);
  };
  joinedParagraphs(ctx, report);
  return out;
}
