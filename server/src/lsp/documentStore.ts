// The server's view of each open document: its incremental analysis and where it changed since
// (the analysis itself knows where the last edit landed: `changedAt`).
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
}

/** Texts at least this long (UTF-16 units) get a garbage collection before a full analysis. */
export const COLLECT_ABOVE = 2_000_000;

export class DocumentStore {
  private entries = new Map<string, Entry>();
  /** Where each document changed since its last analysis (null: somewhere unknown, compare all). */
  private windows = new Map<string, ChangeWindow | null>();

  /**
   * `collect`: a full garbage collection (node --expose-gc). A big text arrives in one message,
   * whose buffers and JSON source are garbage by the time it is analysed, but V8 only grows the
   * heap during the analysis (no full collection), so without this they stay until it peaks.
   */
  constructor(
    private locale: () => string | undefined,
    private collect?: () => void,
    private collectAbove = COLLECT_ABOVE,
  ) {}

  /**
   * The analysis of `doc` as of its current version, re-analysing changed pages only. Returns
   * undefined when `isCancelled` says a newer request made this one moot.
   */
  analysis(doc: TextDocument, rules: RuleSettings, generation: number, isCancelled: () => boolean = () => false): Entry | undefined {
    const rulesKey = JSON.stringify(rules);
    let e = this.entries.get(doc.uri);
    if (!e || e.rulesKey !== rulesKey) {
      e = { inc: new IncrementalDocument({ rules, locale: this.locale() }), version: -1, generation, rulesKey };
      this.entries.set(doc.uri, e);
    }
    if (e.version === doc.version && e.generation === generation) return e;
    const window = e.version >= 0 ? (this.windows.get(doc.uri) ?? undefined) : undefined;
    const text = doc.getText();
    // Only for a full analysis (open, full replace, new settings), never while typing.
    if (!window && text.length >= this.collectAbove) this.collect?.();
    if (!e.inc.update(text, isCancelled, window)) return undefined;
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

  delete(uri: string): void {
    this.entries.delete(uri);
    this.windows.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.windows.clear();
  }
}
