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
 * What a diagnostic carries in `data`: its fix, so code actions need no server state. A fix of
 * more than LISTED_EDITS edits (a joined table of thousands of lines) travels packed: each edit as
 * three numbers, offsets in the document `version` it was made for, and an index into `texts`
 * (~80 bytes of JSON an edit as a TextEdit, sent again with every keystroke's diagnostics).
 */
export interface DiagnosticData {
  fix?: { title: string; edits: TextEdit[] } | PackedFix;
}
interface PackedFix {
  title: string;
  version: number;
  /** start, end, index into `texts`, per edit. */
  offsets: number[];
  texts: string[];
}

export const LISTED_EDITS = 100;

/** The edits of a diagnostic's fix, as TextEdits for `doc`; undefined for a packed fix of another version of it. */
export function fixEdits(doc: TextDocument, fix: NonNullable<DiagnosticData['fix']>): TextEdit[] | undefined {
  if ('edits' in fix) return fix.edits;
  if (fix.version !== doc.version || !Array.isArray(fix.offsets)) return undefined;
  const out: TextEdit[] = [];
  for (let k = 0; k + 2 < fix.offsets.length; k += 3) out.push(toTextEdit(doc, { start: fix.offsets[k], end: fix.offsets[k + 1], newText: fix.texts[fix.offsets[k + 2]] ?? '' }));
  return out;
}

function packedFix(doc: TextDocument, title: string, edits: readonly Edit[]): PackedFix {
  const texts: string[] = [];
  const offsets: number[] = [];
  for (const e of edits) {
    let i = texts.indexOf(e.newText);
    if (i < 0) i = texts.push(e.newText) - 1;
    offsets.push(e.start, e.end, i);
  }
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
    const data: DiagnosticData = { fix: edits.length > LISTED_EDITS ? packedFix(doc, title, edits) : { title, edits: edits.map((e) => toTextEdit(doc, e)) } };
    d.data = data;
  }
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r.start, r.end) }, message: r.message }));
  }
  return d;
}
