// orphan-label: a label such as 编者按 that the dump emitted away from the text it labels (the
// detection still links it to the nearest editor's note it can find), or that labels nothing.
import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import type { PageAnalysis } from '../articles/model';
import { stateOf } from '../articles/detect';
import { cleanText } from '../articles/roles';

export function orphanLabel(dump: PageDump, analysis: PageAnalysis, messages: Messages): Finding[] {
  const state = stateOf(analysis);
  if (!state) return [];
  return state.orphanLabels.map((b) => {
    const f = dump.lines[b[0]];
    const l = dump.lines[b[b.length - 1]];
    return {
      rule: 'orphan-label' as const,
      severity: 'information' as const,
      start: f.start,
      end: l.end,
      message: t(messages, 'orphan-label.message', { label: cleanText(f.text).slice(0, 40) }),
    };
  });
}
