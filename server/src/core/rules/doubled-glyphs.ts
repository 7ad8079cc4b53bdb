// doubled-glyphs: fake-bold headings that the PDF draws twice come out with every glyph doubled:
// `TTIIRR 跨跨境境运运输输` → `TIR 跨境运输`.
//
// Real text doubles glyphs too, so the rule must know the difference. Chinese reduplication gives
// AA (汩汩, 常常), ABB (一个个) and AABB (扎扎实实, 高高兴兴), and words meet across a doubled glyph
// (无线电+电子 → 无线电电子, 管理部+部长 → 管理部部长). None of these doubles *every* glyph of a
// whitespace-separated token longer than four glyphs, and none doubles Latin letters. Numbers and
// rules do double every character of a token: 11000000, 112233, 000000, ========, ————————.
//
// Decision: a token (run of non-space characters) is doubled when it has at least two code points
// pairs and every pair is two identical code points (AABBCC…). A run of doubled tokens, separated
// only by spaces, is an overprint when it holds at least three pairs in all, at least one of its
// tokens cannot be a reduplicated Chinese word (it has three or more pairs, or one of its pairs is
// not a Han glyph: TTIIRR), and at least one of its pairs is a letter or a CJK glyph (a run of
// doubled digits and punctuation alone is a number or a rule line, not evidence of an overprint:
// `收入 11000000 元` stays, `22002233年年` is an overprint of 2023年). A lone AABB word, or
// `扎扎实实 认认真真`, is never flagged. The fix deletes the second code point of each pair — only
// characters known to be artifacts.
import { codePointAt, cpLength, isCjkGlyph, isLatinLetter, isSpace } from '../chars';
import { GATE_DOUBLED, lineGates } from './gates';
import { t, type Messages } from '../messages';
import type { Edit, Line } from '../types';
import type { LineFinding, LineRule } from './rule';

interface Token {
  start: number; // UTF-16 index in the line
  end: number;
  pairs: number;
  doubled: boolean;
  strong: boolean; // cannot be a reduplicated Chinese word
  letters: boolean; // one of its pairs is a letter or a CJK glyph (not only digits and punctuation)
  seconds: number[]; // UTF-16 index of the second code point of each pair
  secondLens: number[];
}

function scanToken(text: string, start: number, end: number): Token {
  const tok: Token = { start, end, pairs: 0, doubled: true, strong: false, letters: false, seconds: [], secondLens: [] };
  let i = start;
  while (i < end) {
    const a = codePointAt(text, i);
    const al = cpLength(a);
    if (i + al >= end) {
      tok.doubled = false; // odd count
      break;
    }
    const b = codePointAt(text, i + al);
    if (a !== b) {
      tok.doubled = false;
      break;
    }
    tok.pairs++;
    tok.seconds.push(i + al);
    tok.secondLens.push(al);
    if (!isCjkGlyph(a)) tok.strong = true;
    if (isCjkGlyph(a) || isLatinLetter(a)) tok.letters = true;
    i += 2 * al;
  }
  if (tok.pairs < 2) tok.doubled = false;
  if (tok.pairs >= 3) tok.strong = true;
  return tok;
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
    tokens.push(scanToken(text, s, i));
  }

  // Best run of consecutive doubled tokens that qualifies.
  // The best run's pair count is kept, not recomputed per run: that was quadratic on a long line
  // of one big doubled run followed by many small ones.
  let best: Token[] | undefined;
  let bestPairs = 0;
  let run: Token[] = [];
  const consider = () => {
    if (run.length === 0) return;
    const pairs = run.reduce((s, tk) => s + tk.pairs, 0);
    if (pairs >= 3 && pairs > bestPairs && run.some((tk) => tk.strong) && run.some((tk) => tk.letters)) {
      best = run;
      bestPairs = pairs;
    }
    run = [];
  };
  for (const tk of tokens) {
    if (tk.doubled) run.push(tk);
    else consider();
  }
  consider();
  if (!best) return undefined;

  const first = best[0];
  const last = best[best.length - 1];
  const before = text.slice(first.start, last.end);
  const edits: Edit[] = [];
  for (const tk of best) {
    tk.seconds.forEach((s, k) => edits.push({ start: line.start + s, end: line.start + s + tk.secondLens[k], newText: '' }));
  }
  let after = '';
  let cursor = first.start;
  for (const e of edits) {
    after += text.slice(cursor, e.start - line.start);
    cursor = e.end - line.start;
  }
  after += text.slice(cursor, last.end);
  return {
    start: line.start + first.start,
    end: line.start + last.end,
    message: t(messages, 'doubled-glyphs.message', { before: elide(before), after: elide(after) }),
    fixTitle: t(messages, 'doubled-glyphs.fix', { after: elide(after) }),
    edits,
  };
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
