// mixed-script-spacing: pdftotext puts a space wherever a font changes, so numbers and Latin
// letters inside Chinese text come out padded: `8 月 26 日` → `8月26日`, `39.7 亿元` → `39.7亿元`.
//
// Decision: a gap is exactly one ASCII space between a Han glyph and an ASCII letter or digit (or a
// `%` / `‰` / `°` closing a number), on either side. Two or more spaces are deliberate (a dateline's
// `本报讯  8 月`), and spaces next to punctuation are left to the other rules. Default severity is
// hint, since some house styles keep these spaces; the rule can be turned off.
import { codePointAt, cpLength, isAsciiAlnum, isCjkGlyph } from '../chars';
import { t } from '../messages';
import type { LineRule } from './rule';

function isNumberOrLatinEnd(cp: number): boolean {
  return isAsciiAlnum(cp) || cp === 37 || cp === 0x2030 || cp === 0xb0;
}

export const mixedScriptSpacing: LineRule = {
  id: 'mixed-script-spacing',
  defaultSeverity: 'hint',
  checkLine(line, messages) {
    const text = line.text;
    // Cheap exit (most lines): every gap is an ASCII space.
    if (text.indexOf(' ') < 0) return undefined;
    const n = text.length;
    const gaps: number[] = [];
    let prev = -1; // code point before i
    let prevAt = 0; // its index
    let first = 0; // underline from the character before the first gap…
    let last = 0; // …to the character after the last one
    for (let i = 0; i < n; ) {
      const cp = codePointAt(text, i);
      if (cp === 32 && prev !== -1 && prev !== 32 && i + 1 < n) {
        const next = codePointAt(text, i + 1);
        if ((isCjkGlyph(prev) && isAsciiAlnum(next)) || (isNumberOrLatinEnd(prev) && isCjkGlyph(next))) {
          if (gaps.length === 0) first = prevAt;
          gaps.push(i);
          last = i + 1 + cpLength(next);
        }
      }
      prev = cp;
      prevAt = i;
      i += cpLength(cp);
    }
    if (gaps.length === 0) return undefined;
    return {
      start: line.start + first,
      end: line.start + last,
      message: t(messages, 'mixed-script-spacing.message', { count: gaps.length }),
      fixTitle: t(messages, 'mixed-script-spacing.fix'),
      edits: gaps.map((g) => ({ start: line.start + g, end: line.start + g + 1, newText: '' })),
    };
  },
};
