// bad-annotation: `%%` lines that are not a known, well-formed directive, or that another
// directive on the same block overrides (see annotations.ts).
import type { Finding, PageDump } from '../types';
import type { MessageKey, Messages } from '../messages';
import { t } from '../messages';
import { parseDirectiveLine, type AnnotationProblem, type AnnotationProblemKind } from '../annotations';
import { lineText } from '../lines';

const KEYS: Record<AnnotationProblemKind, MessageKey> = {
  unknown: 'bad-annotation.unknown',
  'missing-arg': 'bad-annotation.missingArg',
  'extra-arg': 'bad-annotation.extraArg',
  empty: 'bad-annotation.empty',
  'no-target': 'bad-annotation.noTarget',
  conflict: 'bad-annotation.conflict',
  ignored: 'bad-annotation.ignored',
  'long-block': 'bad-annotation.longBlock',
};

/** Findings of the annotation problems of a page, pushed onto `out`. */
export function badAnnotation(dump: PageDump, problems: readonly AnnotationProblem[], messages: Messages, out: Finding[]): void {
  for (const p of problems) {
    out.push({
      rule: 'bad-annotation',
      severity: 'warning',
      start: p.start,
      end: Math.max(p.end, p.start),
      message: t(messages, KEYS[p.kind], { name: p.kind === 'no-target' ? writtenName(dump, p) : p.name, winner: p.winner ?? '', count: p.count ?? 0 }),
    });
  }
}

/**
 * The directive's name as the user wrote it on the problem's line (`%% 主题`, not headline): a
 * no-target problem carries the directive's English name.
 */
function writtenName(dump: PageDump, p: AnnotationProblem): string {
  const parsed = parseDirectiveLine(lineText(dump, p.line));
  return parsed.kind === 'directive' ? lineText(dump, p.line).slice(parsed.nameStart, parsed.nameEnd) : p.name;
}
