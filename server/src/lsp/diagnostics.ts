// From findings to LSP diagnostics, bounded: a 10 MB dump has tens of thousands of findings, and
// sending them all on every keystroke would make typing lag. Up to `max` are sent, taken from the
// pages nearest to the last edit; when some are left out, a diagnostic on line 1 says how many and
// names the setting that raises the bound (no silent limits).
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { biggestSplit, findingCount, fullFindings, outwardFrom, shiftFinding, type IncrementalDocument, type Segment } from '../core/incremental';
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
    const k = segs.findIndex((s) => s.end >= focus);
    nearest(segs, k < 0 ? segs.length - 1 : k, max, chosen);
  }
  const out = chosen.map((f) => toDiagnostic(doc, f));
  const split = splitNote(inc.biggestSplitPage(), messages);
  if (split) out.unshift(split);
  if (chosen.length < total) out.unshift(noteOnLineOne(t(messages, 'limit.diagnostics', { shown: chosen.length, total, setting: 'newsprint.maxDiagnostics' })));
  return out;
}

/**
 * While the first analysis of a big text runs (see DocumentStore.analysisInSlices): the findings of
 * the pages done so far nearest its focus, up to `max`, after a note on line 1 that says the rest
 * is still being analysed. Undefined when no such analysis is under way, or its focus page (where
 * the user looks) is not done yet.
 */
export function previewDiagnostics(doc: TextDocument, inc: IncrementalDocument, max: number, messages: Messages): Diagnostic[] | undefined {
  const pending = inc.pending;
  if (!pending?.segments[pending.focus]) return undefined;
  // The encoding rule's finding (read in the whole text, once), first: of a text opened in the wrong
  // encoding, it is the one problem worth reading.
  const chosen: Finding[] = [...inc.pendingDocumentFindings()];
  nearest(pending.segments, pending.focus, max, chosen);
  const out = chosen.map((f) => toDiagnostic(doc, f));
  // Where the pages are cut is known before any is analysed.
  const split = splitNote(biggestSplit(pending.parts), messages);
  if (split) out.unshift(split);
  out.unshift(noteOnLineOne(t(messages, 'limit.analysing', { done: pending.done, total: pending.segments.length })));
  return out;
}

/**
 * The note for a page that runs so long without a form feed that it is analysed in parts
 * (softPages.ts): its articles are cut where the parts are, and the outline numbers parts.
 */
function splitNote(split: { size: number; parts: number }, messages: Messages): Diagnostic | undefined {
  return split.parts > 0 ? noteOnLineOne(t(messages, 'limit.pageSize', { size: Math.round(split.size / 1000), parts: split.parts })) : undefined;
}

/**
 * Adds to `chosen` the findings of the pages nearest `k`, walking outwards and taking whole pages
 * while they fit in `max` (the last one in part); pages not analysed yet are passed over. Sorted.
 */
function nearest(segs: readonly (Segment | undefined)[], k: number, max: number, chosen: Finding[]): void {
  let room = max - chosen.length;
  for (const i of outwardFrom(k, segs.length)) {
    if (room <= 0) break;
    const s = segs[i];
    if (!s || findingCount(s) === 0) continue;
    const fs = fullFindings(s);
    const n = Math.min(room, fs.length);
    for (let j = 0; j < n; j++) chosen.push(shiftFinding(fs[j], s.start));
    room -= n;
  }
  chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The start of line 1, where the user is told of a limit (a diagnostic, an outline entry). */
export function lineOneStart(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** An information diagnostic at the start of line 1 (code `limit`): how the user learns of a limit. */
function noteOnLineOne(message: string): Diagnostic {
  return { range: lineOneStart(), severity: 3, code: 'limit', source: 'newsprint', message };
}
