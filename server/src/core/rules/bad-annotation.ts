import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import type { AnnotationProblem } from '../annotations';
export function badAnnotation(_dump: PageDump, _problems: AnnotationProblem[], _messages: Messages): Finding[] {
  return [];
}
