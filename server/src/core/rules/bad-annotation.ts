// bad-annotation: `%%` lines that are not a known, well-formed directive (see annotations.ts).
import type { Finding, PageDump } from '../types';
import type { MessageKey, Messages } from '../messages';
import { t } from '../messages';
import type { AnnotationProblem, AnnotationProblemKind } from '../annotations';

const KEYS: Record<AnnotationProblemKind, MessageKey> = {
  unknown: 'bad-annotation.unknown',
  'missing-arg': 'bad-annotation.missingArg',
  'extra-arg': 'bad-annotation.extraArg',
  empty: 'bad-annotation.empty',
  'no-target': 'bad-annotation.noTarget',
};

export function badAnnotation(_dump: PageDump, problems: readonly AnnotationProblem[], messages: Messages): Finding[] {
  return problems.map((p) => ({
    rule: 'bad-annotation' as const,
    severity: 'warning' as const,
    start: p.start,
    end: Math.max(p.end, p.start),
    message: t(messages, KEYS[p.kind], { name: p.name }),
  }));
}
