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

/** What a diagnostic carries in `data`: its fix, so code actions need no server state. */
export interface DiagnosticData {
  fix?: { title: string; edits: TextEdit[] };
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
    const data: DiagnosticData = { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => toTextEdit(doc, e)) } };
    d.data = data;
  }
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: rangeOf(doc, r.start, r.end) }, message: r.message }));
  }
  return d;
}
