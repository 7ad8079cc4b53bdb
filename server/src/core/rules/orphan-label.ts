// orphan-label: a label such as 编者按 that the dump emitted away from the text it labels (the
// detection still links it to the nearest editor's note it can find), or that labels nothing.
import type { Finding, PageDump } from '../types';
import type { Messages } from '../messages';
import { t } from '../messages';
import { cleanText } from '../articles/roles';

/** Findings of the orphan label blocks (line indices) of a page, pushed onto `out`. */
export function orphanLabel(dump: PageDump, labels: readonly (readonly number[])[], messages: Messages, out: Finding[]): void {
  for (const b of labels) {
    const f = dump.lines[b[0]];
    const l = dump.lines[b[b.length - 1]];
    out.push({
      rule: 'orphan-label',
      severity: 'information',
      start: f.start,
      end: l.end,
      message: t(messages, 'orphan-label.message', { label: cleanText(f.text).slice(0, 40) }),
    });
  }
}
