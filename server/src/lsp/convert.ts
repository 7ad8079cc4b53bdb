// Conversions between core findings (UTF-16 offsets) and LSP types.
import { Diagnostic, DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Finding, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries in `data`: its fix, so code actions need no server state. Its edits
 * travel as numbers, not TextEdits (~85 bytes of JSON an edit, sent again with every keystroke's
 * diagnostics: half of a 10 MB dump's 500 diagnostics were their fixes). A fix of up to
 * LISTED_EDITS edits lists each edit's range and the text it replaces (ListedFix): it is valid in
 * any version where those ranges still hold those texts, so an edit elsewhere does not stale it,
 * and one that moved its lines (a line added above, before new diagnostics came) is caught
 * rather than applied to other characters. A longer one (a joined table of thousands of lines) is
 * packed: offsets in the document `version` it was made for (PackedFix).
 */
export interface DiagnosticData {
  fix?: ListedFix | PackedFix;
  /**
   * The fix is unsure (see Finding.unsure): offered as a quick fix, not a preferred one (the
   * editor's Auto Fix applies a preferred fix unseen), and no "Fix all <rule> problems" beside it.
   */
  unsure?: true;
}
interface ListedFix {
  title: string;
  /** Per edit: start line, start character, end line, end character, index into `texts` of its new text, and of the text it replaces. */
  ranges: number[];
  texts: string[];
}

/** Numbers per edit in ListedFix.ranges. */
const LISTED_FIELDS = 6;
interface PackedFix {
  title: string;
  version: number;
  /** start, end, index into `texts`, per edit. */
  offsets: number[];
  texts: string[];
}

export const LISTED_EDITS = 100;

/**
 * The edits of a diagnostic's fix (as the client sent it back), as TextEdits for `doc`; undefined
 * for a fix made for other text than doc's (a listed edit's range no longer holds the text it
 * replaces; a packed fix of another version), or data that is not a fix.
 */
export function fixEdits(doc: TextDocument, fix: NonNullable<DiagnosticData['fix']>): TextEdit[] | undefined {
  if (typeof fix !== 'object' || fix === null) return undefined;
  const texts = Array.isArray(fix.texts) ? fix.texts : [];
  const text = (i: number) => (typeof texts[i] === 'string' ? texts[i] : '');
  const out: TextEdit[] = [];
  if ('ranges' in fix) {
    const r = fix.ranges;
    if (!Array.isArray(r) || r.length % LISTED_FIELDS !== 0 || !r.every((x) => Number.isInteger(x) && x >= 0)) return undefined;
    for (let k = 0; k < r.length; k += LISTED_FIELDS) {
      const range = { start: { line: r[k], character: r[k + 1] }, end: { line: r[k + 2], character: r[k + 3] } };
      if (doc.getText(range) !== text(r[k + 5])) return undefined;
      out.push({ range, newText: text(r[k + 4]) });
    }
    return out;
  }
  if (fix.version !== doc.version || !Array.isArray(fix.offsets)) return undefined;
  for (let k = 0; k + 2 < fix.offsets.length; k += 3) out.push(toTextEdit(doc, { start: fix.offsets[k], end: fix.offsets[k + 1], newText: text(fix.offsets[k + 2]) }));
  return out;
}

/** Index of `s` in `texts`, added when missing (a fix's edits insert one or two distinct texts). */
function textIndex(texts: string[], s: string): number {
  const i = texts.indexOf(s);
  return i >= 0 ? i : texts.push(s) - 1;
}

function listedFix(doc: TextDocument, title: string, edits: readonly Edit[]): ListedFix {
  const texts: string[] = [];
  const ranges: number[] = [];
  for (const e of edits) {
    const a = doc.positionAt(e.start);
    const b = doc.positionAt(e.end);
    ranges.push(a.line, a.character, b.line, b.character, textIndex(texts, e.newText), textIndex(texts, doc.getText({ start: a, end: b })));
  }
  return { title, ranges, texts };
}

function packedFix(doc: TextDocument, title: string, edits: readonly Edit[]): PackedFix {
  const texts: string[] = [];
  const offsets: number[] = [];
  for (const e of edits) offsets.push(e.start, e.end, textIndex(texts, e.newText));
  return { title, version: doc.version, offsets, texts };
}

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toTextEdit(doc: TextDocument, e: Edit): TextEdit {
  return { range: rangeOf(doc, e.start, e.end), newText: e.newText };
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d = Diagnostic.create(rangeOf(doc, f.start, f.end), f.message, SEVERITY[f.severity], f.rule, 'newsprint');
  if (f.fix) {
    const { title, edits } = f.fix;
    const data: DiagnosticData = { fix: edits.length > LISTED_EDITS ? packedFix(doc, title, edits) : listedFix(doc, title, edits) };
    if (f.unsure) data.unsure = true;
    d.data = data;
  }
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r.start, r.end) }, message: r.message }));
  }
  return d;
}
