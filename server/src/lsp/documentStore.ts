// The server's view of each open document: its incremental analysis and where it changed since
// (the analysis itself knows where the last edit landed: `changedAt`).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalDocument, mergeWindow, type ChangeWindow } from '../core/incremental';
import type { RuleSettings } from '../core/types';
import { LineDocument } from './textDocument';
import { prepareViews } from './views';

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

/**
 * Garbage budget while editing. A change drops the text it replaced: a chunk or two of a
 * LineDocument's text (see ChunkedText), but the whole text on a full replace, and V8 lets about
 * four times the live heap pile up before a full collection (when every keystroke copied the
 * whole text, typing in a 50 MB dump reached ~950 MB after 30 keystrokes). So the store counts the
 * bytes of text dropped since the last collection, and once the open texts take `above` bytes or
 * more, a collection is due when the dropped ones pass `copies` times the open texts, but never
 * below `floor` bytes. One copy: a 50 MB English dump is 100 MB in memory (two bytes a character
 * once one curly quote is in it), and its analysis holds ~7× its size. Smaller texts are left to
 * V8: its collections are incremental, where a forced one stops the server for its whole length
 * (~25 ms with a 10 MB dump open, which typing there would feel).
 */
export interface GarbageBudget {
  above: number;
  copies: number;
  floor: number;
  /**
   * Bytes an edit's analysis leaves behind per character analysed, counted with the dropped text
   * (default 0) when it analysed `perCharAbove` characters or more. The analysis of a page of a few
   * thousand characters leaves nothing that outlives a young-generation collection; that of a part
   * of a page cut for running on without a form feed (100 k or more, see softPages.ts) does, and
   * typing in a 50 MB dump of them went 370 → 500 MB in 30 keystrokes. Counted there at 50 (an
   * analysis now allocates about 19 bytes a character), 5–15 MB an edit: a collection every 6–20
   * keystrokes. At 100, one every 3–10 kept that dump at 321–323 MB after 30 edits, where 50 keeps
   * it at 328–331 MB, but an edit's p95 was 65–88 ms, now 47–56 ms: each collection stops the server
   * for ~100 ms with a 50 MB dump open. Not counted for pages: it would only force more collections.
   */
  perChar?: number;
  perCharAbove?: number;
  /**
   * During a full analysis of a text of `collectAbove` or more: a collection each time the heap has
   * grown this much (bytes; default: none). A full analysis keeps a little of each page and drops
   * the rest, but what the analysis of a long page drops has often outlived a young-generation
   * collection, and V8 lets it pile up: a 50 MB dump without form feeds (analysed in parts of
   * ~100 k characters, see softPages.ts) peaked at ~510 MB, with this at ~365 MB.
   */
  growth?: number;
}
export const GARBAGE_BUDGET: GarbageBudget = { above: 16_000_000, copies: 1, floor: 96_000_000, perChar: 50, perCharAbove: 50_000, growth: 128_000_000 };

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
    private budget: GarbageBudget = GARBAGE_BUDGET,
  ) {}

  /** Bytes of the document versions dropped since the last full collection. */
  private dropped = 0;
  /** Bytes the edits' analyses left behind since then (`perChar`). */
  private analysed = 0;
  /** Bytes of each document's text, as of its last change. */
  private sizes = new Map<string, number>();

  /** Bytes dropped past which a collection is due (see GARBAGE_BUDGET). */
  private limit(): number {
    let live = 0;
    for (const n of this.sizes.values()) live += n;
    return live < this.budget.above ? Infinity : Math.max(this.budget.copies * live, this.budget.floor);
  }

  private collectNow(): void {
    if (!this.collect) return;
    this.collect();
    this.dropped = 0;
    this.analysed = 0;
  }

  /** Bytes of garbage counted since the last collection: dropped texts and what edits' analyses left. */
  private garbage(): number {
    return this.dropped + this.analysed;
  }

  /** Whether the garbage counted has passed the budget (collect when idle: `collectIfDue`). */
  garbageDue(): boolean {
    return !!this.collect && this.garbage() > 0 && this.garbage() >= this.limit();
  }

  /** Collects if the budget is spent; meant for when the server is idle (diagnostics sent, no change queued). */
  collectIfDue(): boolean {
    if (!this.garbageDue()) return false;
    this.collectNow();
    return true;
  }

  /** After a burst of typing: collects if `collectAbove` bytes or more were dropped since the last collection, to bring the RSS back down. */
  collectQuiet(): boolean {
    if (!this.collect || this.dropped < this.collectAbove) return false;
    this.collectNow();
    return true;
  }

  /** Per document, the analysis in slices running now (see `analysisInSlices`). */
  private running = new Map<string, Promise<Entry | undefined>>();
  /** Per document, the `onSlice` of each call waiting for it (whichever call started it). */
  private listeners = new Map<string, Set<(inc: IncrementalDocument) => void>>();

  /**
   * The analysis of `doc` as of its current version, re-analysing changed pages only; undefined
   * when `isCancelled` says a newer request made this one moot. The analysis of a big text (an
   * open, a full replace, new settings) runs in slices of about `sliceMs`, with a turn of the event
   * loop between them: the server goes on taking changes and requests meanwhile. `onSlice` is called after each slice, with the
   * analysis in progress (see IncrementalDocument.pending). When the document changes in the
   * meantime, it goes on with the newer version, taking over the pages already analysed. One runs
   * at a time per document: a later call waits for it (its `onSlice` called with the slices of the
   * one running: the editor's first request for a document is seldom the diagnostics), then finds
   * the entry up to date.
   */
  analysisInSlices(doc: TextDocument, rules: RuleSettings, generation: number, isCancelled: () => boolean, sliceMs: number, onSlice?: (inc: IncrementalDocument) => void): Promise<Entry | undefined> {
    let listeners = this.listeners.get(doc.uri);
    if (!listeners) this.listeners.set(doc.uri, (listeners = new Set()));
    if (onSlice) listeners.add(onSlice);
    const before = this.running.get(doc.uri);
    const run = (before ?? Promise.resolve(undefined)).then(
      () => this.slices(doc, rules, generation, isCancelled, sliceMs),
      () => this.slices(doc, rules, generation, isCancelled, sliceMs),
    );
    this.running.set(doc.uri, run);
    const forget = () => {
      if (onSlice) listeners.delete(onSlice);
      if (listeners.size === 0 && this.listeners.get(doc.uri) === listeners) this.listeners.delete(doc.uri);
      if (this.running.get(doc.uri) === run) this.running.delete(doc.uri);
    };
    run.then(forget, forget);
    return run;
  }

  private async slices(doc: TextDocument, rules: RuleSettings, generation: number, isCancelled: () => boolean, sliceMs: number): Promise<Entry | undefined> {
    for (let restart = false; ; restart = true) {
      const version = doc.version;
      const job = this.job(doc, rules, generation, restart);
      if (!job.steps) return job.entry;
      let sliceStart = performance.now();
      let moved = false;
      for (let r = job.steps.next(); !r.done; r = job.steps.next()) {
        if (performance.now() - sliceStart >= sliceMs) {
          for (const f of this.listeners.get(doc.uri) ?? []) f(job.entry.inc);
          await nextTurn();
          sliceStart = performance.now();
          // A LineDocument changes in place: when the version analysed is gone, go on with the
          // newer one. A closed document or new settings (entry dropped) end it.
          moved = doc.version !== version;
        }
        if (this.entries.get(doc.uri) !== job.entry || job.tick(isCancelled)) {
          job.steps.return();
          return undefined;
        }
        if (moved) {
          job.steps.return();
          break;
        }
      }
      if (!moved) return job.finish();
    }
  }

  /**
   * What bringing the entry of `doc` up to date takes: nothing (`steps` undefined: it is), or the
   * steps of its update; `tick` between steps (garbage collection as the heap grows, then
   * `isCancelled`), `finish` once they are done. `restart`: the same analysis again, for a newer
   * version (what the first collected is collected).
   */
  private job(doc: TextDocument, rules: RuleSettings, generation: number, restart = false): { entry: Entry; steps?: Generator<void, void, void>; tick: (isCancelled: () => boolean) => boolean; finish: () => Entry } {
    const rulesKey = JSON.stringify(rules);
    let e = this.entries.get(doc.uri);
    if (!e || e.rulesKey !== rulesKey) {
      e = { inc: new IncrementalDocument({ rules, locale: this.locale() }, prepareViews), version: -1, generation, rulesKey };
      this.entries.set(doc.uri, e);
    }
    const entry = e;
    const none = { entry, tick: () => false, finish: () => entry };
    if (e.version === doc.version && e.generation === generation) return none;
    const noted = this.windows.get(doc.uri) ?? undefined;
    const window = e.version >= 0 ? noted : undefined;
    const text = doc instanceof LineDocument ? doc.source : doc.getText();
    // For a full analysis (open, full replace, new settings) of a big text; while typing, only when
    // the server was never idle long enough to collect and twice the budget is spent.
    const full = !window && text.length >= this.collectAbove;
    if ((full && !restart) || (window && this.garbage() >= 2 * this.limit())) this.collectNow();
    const growing = full ? this.growing() : undefined;
    // Without a window to go by (a first analysis), an edit noted since is where to start.
    const steps = e.inc.steps(text, window, window ? undefined : noted?.start);
    const tick = (isCancelled: () => boolean) => {
      // A full analysis keeps a little of each page and drops the rest (see GarbageBudget.growth).
      growing?.();
      return isCancelled();
    };
    const finish = () => {
      // An edit's analysis is garbage once done, much of it old enough to pile up (see GARBAGE_BUDGET).
      if (window && entry.inc.analysedChars >= (this.budget.perCharAbove ?? 0)) this.analysed += entry.inc.analysedChars * (this.budget.perChar ?? 0);
      this.windows.delete(doc.uri);
      entry.version = doc.version;
      entry.generation = generation;
      return entry;
    };
    return { entry, steps, tick, finish };
  }

  /**
   * A tick for long work over a big text, called between its steps: collects each time the heap
   * has grown by the budget's `growth` since (see GarbageBudget.growth). Nothing without it.
   */
  growing(): () => void {
    const growth = this.collect ? this.budget.growth : undefined;
    if (!growth) return () => undefined;
    let mark = getHeapStatistics().used_heap_size;
    return () => {
      if (getHeapStatistics().used_heap_size - mark < growth) return;
      this.collectNow();
      mark = getHeapStatistics().used_heap_size;
    };
  }

  /**
   * Collects now, after work over a big text that left its garbage (`units`: how much text it
   * made; below `collectAbove`, nothing), before what comes next piles more on it.
   */
  collectAfter(units: number): void {
    if (units >= this.collectAbove) this.collectNow();
  }

  /**
   * Records an incremental change (offsets in the text before it), or null for a full replace;
   * `dropped`: bytes of the text the change dropped (see LineDocument.takeDropped), `size`: bytes
   * of the text now (see LineDocument.bytes).
   */
  noteChange(uri: string, change: ChangeWindow | null, dropped = 0, size = dropped): void {
    this.dropped += dropped;
    this.sizes.set(uri, size);
    const w = this.windows.get(uri);
    this.windows.set(uri, change === null || w === null ? null : mergeWindow(w, change));
  }

  /** Forgets a closed document; `bytes`: the size of its text (now dropped). */
  delete(uri: string, bytes = this.sizes.get(uri) ?? 0): void {
    this.dropped += bytes;
    this.sizes.delete(uri);
    this.entries.delete(uri);
    this.windows.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.windows.clear();
  }
}
