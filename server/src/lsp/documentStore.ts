// The server's view of each open document: the LSP text, its incremental analysis, and where the
// user last edited (diagnostics are bounded, and the bound keeps those nearest the edit).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalDocument, mergeWindow, type ChangeWindow } from '../core/incremental';
import type { RuleSettings } from '../core/types';

export interface Entry {
  inc: IncrementalDocument;
  /** Document version the analysis reflects (-1: none yet). */
  version: number;
  /** Settings generation the analysis was made with. */
  generation: number;
  rulesKey: string;
  /** Offset of the last edit: the diagnostics bound keeps findings nearest to it. */
  focus: number;
}

export class DocumentStore {
  private entries = new Map<string, Entry>();
  /** Where each document changed since its last analysis (null: somewhere unknown, compare all). */
  private windows = new Map<string, ChangeWindow | null>();

  constructor(private locale: () => string | undefined) {}

  /**
   * The analysis of `doc` as of its current version, re-analysing changed pages only. Returns
   * undefined when `isCancelled` says a newer request made this one moot.
   */
  analysis(doc: TextDocument, rules: RuleSettings, generation: number, isCancelled: () => boolean = () => false): Entry | undefined {
    const rulesKey = JSON.stringify(rules);
    let e = this.entries.get(doc.uri);
    if (!e || e.rulesKey !== rulesKey) {
      e = { inc: new IncrementalDocument({ rules, locale: this.locale() }), version: -1, generation, rulesKey, focus: 0 };
      this.entries.set(doc.uri, e);
    }
    if (e.version === doc.version && e.generation === generation) return e;
    const window = e.version >= 0 ? (this.windows.get(doc.uri) ?? undefined) : undefined;
    if (!e.inc.update(doc.getText(), isCancelled, window)) return undefined;
    this.windows.delete(doc.uri);
    e.version = doc.version;
    e.generation = generation;
    return e;
  }

  /** Records an incremental change (offsets in the text before it), or null for a full replace. */
  noteChange(uri: string, change: ChangeWindow | null): void {
    const w = this.windows.get(uri);
    this.windows.set(uri, change === null || w === null ? null : mergeWindow(w, change));
  }

  peek(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  setFocus(uri: string, offset: number): void {
    const e = this.entries.get(uri);
    if (e) e.focus = offset;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.windows.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.windows.clear();
  }
}
