// The contract every line rule implements. A rule looks at one line at a time and returns at most
// one finding for it (one click per problem: the fix carries every edit of that line).
import type { Line, RuleId, Severity, Span, Edit } from '../types';
import type { Messages } from '../messages';
import { isSpace } from '../chars';

export interface LineFinding extends Span {
  message: string;
  fixTitle: string;
  edits: Edit[];
}

export interface LineRule {
  id: RuleId;
  defaultSeverity: Severity;
  /** Returns a finding for the line, or undefined. Offsets are absolute (line.start based). */
  checkLine(line: Line, messages: Messages): LineFinding | undefined;
}

/** The line without leading and trailing spaces: the range a line-level diagnostic underlines. */
export function trimmedSpan(line: Line): Span {
  const text = line.text;
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return { start: line.start + a, end: line.start + b };
}
