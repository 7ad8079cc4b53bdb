// orphan-label: a label such as 编者按 that the dump emitted away from the text it labels (the
// detection still links it to the nearest editor's note it can find), or that labels nothing.
import { lineText } from '../lines';
import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import { cleanText } from '../articles/roles';

/** Findings of the orphan label blocks (line indices) of a page, pushed onto `out`. */
export function orphanLabel(dump: PageDump, labels: readonly (readonly number[])[], messages: Messages, out: Finding[]): void {
  for (const b of labels) {
    out.push({
      rule: 'orphan-label',
      severity: 'information',
      start: dump.lines.start[b[0]],
      end: dump.lines.end[b[b.length - 1]],
      message: t(messages, 'orphan-label.message', { label: cleanText(lineText(dump, b[0])).slice(0, 40) }),
    });
  }
}
