// encoding: a dump that is really GB18030/GBK (the usual encoding of Chinese pdftotext output on
// Windows) opened as UTF-8 comes out as U+FFFD replacement characters everywhere. No line rule can
// say anything useful about such a text, and every fix would be a guess, so this document-level rule
// says once, on line 1, what happened and how to reopen the file in the right encoding.
//
// Decision: count U+FFFD and the non-space characters (line terminators, form feeds and spaces do
// not count). The text is mis-decoded when it has at least MIN_COUNT replacement characters and
// they are at least MIN_RATIO of the non-space characters: a stray U+FFFD or two in a big, otherwise
// clean dump (a glyph the OCR engine could not map) is not an encoding problem. One linear pass.
import { isSpace } from '../chars';
import { t, type Messages } from '../messages';
import { trimmedSpan } from './rule';
import { lineAt } from '../lines';
import type { Finding, PageDump, RuleId, Severity, TextSource } from '../types';

export const MIN_COUNT = 3;
export const MIN_RATIO = 0.005;

export interface DocumentRule {
  id: RuleId;
  defaultSeverity: Severity;
  /** At most one finding for the whole dump; `severity` is filled in by the caller. */
  checkDocument(dump: PageDump, messages: Messages): Omit<Finding, 'severity'> | undefined;
}

/** Replacement characters and non-space characters of a text. */
export function countReplacement(text: string): { replacement: number; nonSpace: number } {
  let replacement = 0;
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacement++;
    if (c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 0xfeff && !isSpace(c)) nonSpace++;
  }
  return { replacement, nonSpace };
}

/** Whether the text holds at least `min` replacement characters (a native search, no per-character loop). */
export function hasReplacements(text: TextSource, min: number): boolean {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0 && count < min; i = text.indexOf('\ufffd', i + 1)) count++;
  return count >= min;
}

export const encoding: DocumentRule = {
  id: 'encoding',
  defaultSeverity: 'warning',
  checkDocument(dump, messages) {
    // Most texts have no replacement character at all: no need to count their non-space ones.
    if (!hasReplacements(dump.text, MIN_COUNT)) return undefined;
    const { replacement, nonSpace } = countReplacement(dump.text);
    if (replacement < MIN_COUNT || replacement < nonSpace * MIN_RATIO) return undefined;
    const first = dump.lines.length > 0 ? lineAt(dump, 0) : undefined;
    const { start, end } = first ? trimmedSpan(first) : { start: dump.bom, end: dump.bom };
    return { rule: 'encoding', start, end, message: t(messages, 'encoding.message', { count: replacement }) };
  },
};
