// doubled-glyphs: fake-bold headings that the PDF draws twice come out with every glyph doubled:
// `TTIIRR 跨跨境境运运输输` → `TIR 跨境运输`.
//
// What counts as an overprint, and why real words (扎扎实实, 一个个, 无线电电子, MMXXII) never do, is
// decided in overprint.ts, which article detection reads too. The fix deletes the second code point
// of each pair — only characters known to be artifacts — in every sure run of the line (one fix a
// line), as far as the run's evidence reaches (see sureParts: `TTIIRR 跨跨境境运运输输 扎扎实实 推进`
// keeps 扎扎实实). Fix All applies it only to the text as given (see fixAll): tokens that its spacing and join
// fixes build are not read, and those fixes do not build a sure run (see joinsIntoOverprint).
//
// A whole line of Han pairs with nothing else to tell (跨跨境境运运输输, 天天高高兴兴快快乐乐) is
// unsure: fake bold and reduplicated words run together have its shape. It is reported, at a level
// below the rule's (see lint.ts), with a message that says to check, and a fix that is one click;
// the finding is marked unsure, so that no automatic path applies that fix (see Finding.unsure).
import { isSpace } from '../chars';
import { countedPairs, doubledPairs, overprintReading, pairFlags, pairSeconds, PAIR_SURE, PAIR_WORD, sureParts, tokenPairs, type OverprintReading } from '../overprint';
import { GATE_DOUBLED, lineGates } from './gates';
import { t, type Messages } from '../messages';
import { EDIT_FIELDS, reserveInts, rowChunk, RowFix } from '../editRows';
import type { Line, Span } from '../types';
import type { LineFinding, LineRule } from './rule';

interface Token {
  start: number; // UTF-16 index in the line
  end: number;
  /** Pairs when doubled (two or more), else 0. */
  pairs: number;
  /** Of them, those that count towards an overprint (see overprint.ts). */
  counted: number;
  /** Its PAIR_* flags (see overprint.ts). */
  flags: number;
  /** Its tokenPairs answer. */
  answer: number;
}

export const doubledGlyphs: LineRule = {
  id: 'doubled-glyphs',
  defaultSeverity: 'warning',
  checkLine(line, messages) {
    // Cheap exit (see GATE_DOUBLED): most lines have no doubled glyph.
    if (!(lineGates(line.text) & GATE_DOUBLED)) return undefined;
    return doubledFinding(line, messages);
  },
};

/** The full check, apart from the cheap exit: its closures would make every call allocate a context. */
export function doubledFinding(line: Line, messages: Messages): LineFinding | undefined {
  const text = line.text;
  const n = text.length;
  const tokens: Token[] = [];
  for (let i = 0; i < n; ) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const answer = tokenPairs(text, s, i);
    tokens.push({ start: s, end: i, pairs: doubledPairs(answer), counted: countedPairs(answer), flags: pairFlags(answer), answer });
  }

  // Best run of consecutive doubled tokens that qualifies.
  // The best run's pair count is kept, not recomputed per run: that was quadratic on a long line
  // of one big doubled run followed by many small ones.
  let best: Token[] | undefined;
  let bestPairs = 0;
  let bestReading = 'sure' as OverprintReading; // not narrowed to 'sure': consider() sets it
  // Every run that reads sure: the fix undoubles them all, or a line with two (NNEEWWSS TTIIRR 高高
  // NNEEWWSS TTIIRR) took a Fix All for each, and Fix All undoubles only in its first pass.
  const sure: Token[][] = [];
  let run: Token[] = [];
  let runFirst = 0; // index in tokens of the run's first token
  const consider = (next: number) => {
    if (run.length === 0) return;
    let pairs = 0;
    let counting = 0; // tokens with pairs that count
    let flags = 0;
    for (const tk of run) {
      pairs += tk.counted;
      if (tk.counted > 0) counting++;
      flags |= tk.flags;
    }
    // An unsure run is the whole line (see overprint.ts): it never competes with another run.
    const whole = run.length === tokens.length;
    let reading = overprintReading(pairs, counting, flags, whole);
    if (reading === 'sure') {
      // Only the parts the evidence covers (see sureParts): none, and the line reads as without it.
      const r = run;
      const parts = sure.length;
      sureParts(text, r.map((tk) => tk.start), r.map((tk) => tk.end), r.map((tk) => tk.answer), runFirst > 0, next < tokens.length, (i, j) => sure.push(r.slice(i, j)));
      if (sure.length === parts) reading = overprintReading(pairs, counting, flags & ~(PAIR_SURE | PAIR_WORD), whole);
      else pairs = sure.slice(parts).reduce((sum, part) => sum + part.reduce((m, tk) => m + tk.counted, 0), 0);
    }
    if (reading && pairs > bestPairs) {
      best = reading === 'sure' ? sure[sure.length - 1] : run;
      bestPairs = pairs;
      bestReading = reading;
    }
    run = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k];
    if (tk.pairs > 0) {
      if (run.length === 0) runFirst = k;
      run.push(tk);
    } else consider(k);
  }
  consider(tokens.length);
  if (!best) return undefined;

  const fixed = bestReading === 'sure' ? sure.flat() : best;
  const first = fixed[0];
  const last = fixed[fixed.length - 1];
  const before = text.slice(first.start, last.end);
  const seconds: Span[] = [];
  for (const tk of fixed) pairSeconds(text, tk.start, tk.end, seconds);
  // The fix deletes each second as an edit row (see EditRows): edit objects were most of the
  // objects a doubled heading's finding kept.
  const at = reserveInts(EDIT_FIELDS * seconds.length);
  const rows = rowChunk();
  let after = '';
  let cursor = first.start;
  for (let k = 0, o = at; k < seconds.length; k++, o += EDIT_FIELDS) {
    const s = seconds[k];
    rows[o] = line.start + s.start;
    rows[o + 1] = line.start + s.end;
    rows[o + 2] = 0; // INSERTED[0]: nothing
    after += text.slice(cursor, s.start);
    cursor = s.end;
  }
  after += text.slice(cursor, last.end);
  const quoted = { before: elide(before), after: elide(after) };
  const fix = new RowFix(t(messages, 'doubled-glyphs.fix', { after: quoted.after }), rows, at, seconds.length);
  const start = line.start + first.start;
  const end = line.start + last.end;
  if (bestReading === 'unsure') return { start, end, message: t(messages, 'doubled-glyphs.unsure', quoted), fix, unsure: true };
  return { start, end, message: t(messages, 'doubled-glyphs.message', quoted), fix };
}

/** A heading as quoted in a message: cut at 80 UTF-16 units (never inside a surrogate pair), so a
 * pathological 100 MB doubled line does not make a 150 MB diagnostic message. */
function elide(s: string, max = 80): string {
  if (s.length <= max) return s;
  let cut = max;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}
