// From findings to LSP diagnostics, bounded: a 10 MB dump has tens of thousands of findings, and
// sending them all on every keystroke would make typing lag. Up to `max` are sent, taken from the
// pages nearest to the last edit; when some are left out, a diagnostic on line 1 says how many and
// names the setting that raises the bound (no silent limits).
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingCount, fullFindings, outwardFrom, shiftFinding, type IncrementalDocument } from '../core/incremental';
import { t, type Messages } from '../core/messages';
import type { Finding } from '../core/types';
import { toDiagnostic } from './convert';

export function boundedDiagnostics(doc: TextDocument, inc: IncrementalDocument, focus: number, max: number, messages: Messages): Diagnostic[] {
  const segs = inc.segments;
  let total = 0;
  for (const s of segs) total += findingCount(s);
  const docLevel = inc.documentFindings();
  total += docLevel.length;
  const chosen: Finding[] = [...docLevel];
  if (total <= max) {
    for (const s of segs) for (const f of fullFindings(s)) chosen.push(shiftFinding(f, s.start));
  } else {
    // Walk outwards from the segment holding the focus, taking whole pages while they fit.
    let k = segs.findIndex((s) => s.end >= focus);
    if (k < 0) k = segs.length - 1;
    let room = max - chosen.length;
    for (const i of outwardFrom(k, segs.length)) {
      if (room <= 0) break;
      if (findingCount(segs[i]) === 0) continue;
      const fs = fullFindings(segs[i]);
      const n = Math.min(room, fs.length);
      for (let j = 0; j < n; j++) chosen.push(shiftFinding(fs[j], segs[i].start));
      room -= n;
    }
    chosen.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  const out = chosen.map((f) => toDiagnostic(doc, f));
  // A page that runs so long without a form feed that it is analysed in parts (softPages.ts): its
  // articles are cut where the parts are, and the outline numbers parts.
  const split = inc.biggestSplitPage();
  if (split.parts > 0) out.unshift(noteOnLineOne(t(messages, 'limit.pageSize', { size: Math.round(split.size / 1000), parts: split.parts })));
  if (chosen.length < total) out.unshift(noteOnLineOne(t(messages, 'limit.diagnostics', { shown: chosen.length, total, setting: 'newsprint.maxDiagnostics' })));
  return out;
}

/** An information diagnostic at the start of line 1 (code `limit`): how the user learns of a limit. */
function noteOnLineOne(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: 'limit', source: 'newsprint', message };
}
