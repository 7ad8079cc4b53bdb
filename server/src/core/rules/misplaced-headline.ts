import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import type { PageAnalysis } from '../articles/model';
export function misplacedHeadline(_dump: PageDump, _analysis: PageAnalysis, _messages: Messages): Finding[] {
  return [];
}
