// One job of the batch export (batchExport.ts: `newsprint export` and the editor's workspace
// export): exports the files it is sent, one at a time, and writes the outputs it computed when
// told where (the main thread decides the names and, once an issue is read, its continuation
// links). Runs in a worker thread (dist/export-worker.js), or in-process for the CLI's --jobs 1.
// In --out mode the output text stays in the job that made it: only the little the linking needs
// crosses threads, and each job writes its own files, so writing is as parallel as computing. A
// continued page does not wait for linking in memory: once named it goes to a temp file beside its
// target, renamed over it after linking (read back and patched only when some link was found).
import { parentPort } from 'node:worker_threads';
import { serializeDocument, serializeLines, type ArticleOut } from '../core/export';
import type { LinkableDoc } from '../core/continuations';
import { FileError, renameOver, takeTemp, writeAtomic, writeTemp, type LikelyEncoding } from './files';
import { exportFile, type ExportFileOptions } from './exportFile';

export type BatchFormat = 'json' | 'jsonl';

export interface ExportTask {
  index: number;
  file: string;
  opts: ExportFileOptions;
  format: BatchFormat;
  /** Keep the text here for a later WriteOrder (--out) instead of sending it back. */
  keep: boolean;
}

export interface Failure {
  index: number;
  ok: false;
  key: string;
  file: string;
  detail: string;
}

export type ExportReply =
  | {
      index: number;
      ok: true;
      /** The document (json) or its articles, one line each (jsonl), with every linkedId still null; absent when kept. */
      text?: string;
      /** What linking needs, only when some article is continued (the others never change). */
      link?: LinkableDoc;
      articles: number;
      /** The findings the output counts as left to fix (its `diagnostics`). */
      problems: number;
      invalidUtf8: boolean;
      /** When not UTF-8: the encoding it likely is in (see likelyEncoding). */
      encoding?: LikelyEncoding;
    }
  | Failure;

export interface WriteOrder {
  index: number;
  target: string;
  overwrite: boolean;
  /** The linkedIds of the continued articles, in article order (a middle part's continuation's, then its continuedTo's, then those of moreContinuations). */
  linkedIds?: (string | null)[];
}

export type WriteReply = { index: number; ok: true } | Failure;

/** A failure as plain data (errors do not cross threads intact). */
export function failure(index: number, file: string, err: unknown): Failure {
  return err instanceof FileError
    ? { index, ok: false, key: err.key, file: err.file, detail: err.detail }
    : { index, ok: false, key: 'internal', file, detail: err instanceof Error ? err.message : String(err) };
}

const linkPart = (a: ArticleOut): LinkableDoc['articles'][number] => {
  const part = { id: a.id, page: a.page, headline: a.headline, kicker: a.kicker, continuation: a.continuation && { ...a.continuation } };
  const middle = a.continuedTo ? { ...part, continuedTo: { ...a.continuedTo } } : part;
  return a.moreContinuations ? { ...middle, moreContinuations: a.moreContinuations.map((c) => ({ ...c })) } : middle;
};

/**
 * Writes the linkedIds found by linking into serialized output. Each continued article's JSON holds
 * `"linkedId": null` (document) or `"linkedId":null` (JSON Lines) exactly once, in article order
 * (a middle part's twice: in `continuation`, then in `continuedTo`; then once for each of
 * `moreContinuations`, which follow them: as linkedIdsOf lists them),
 * and that sequence cannot occur inside a JSON string (its quotes would be escaped).
 */
export function patchLinks(text: string, linkedIds: readonly (string | null)[], format: BatchFormat): string {
  const needle = format === 'jsonl' ? '"linkedId":null' : '"linkedId": null';
  let out = '';
  let from = 0;
  for (const id of linkedIds) {
    const at = text.indexOf(needle, from);
    if (at < 0) break;
    out += text.slice(from, at) + (id === null ? needle : needle.replace('null', JSON.stringify(id)));
    from = at + needle.length;
  }
  return out + text.slice(from);
}

/** The linkedIds of a linked doc, as a WriteOrder carries them (in the order patchLinks meets them). */
export function linkedIdsOf(link: LinkableDoc): (string | null)[] {
  const ids: (string | null)[] = [];
  for (const a of link.articles) {
    ids.push(a.continuation?.linkedId ?? null);
    if (a.continuedTo) ids.push(a.continuedTo.linkedId);
    if (a.moreContinuations) for (const c of a.moreContinuations) ids.push(c.linkedId);
  }
  return ids;
}

/** A continued page written to a temp file beside its target, waiting for linking; or why it could not be. */
type Staged = { tmp: string; format: BatchFormat } | { failure: Failure };

/** One job's state: the texts it computed and has not yet written, and its staged continued pages (--out). */
export class ExportJob {
  private readonly held = new Map<number, { text: string; format: BatchFormat }>();
  private readonly staged = new Map<number, Staged>();

  export(task: ExportTask): ExportReply {
    try {
      const { doc, invalidUtf8, encoding } = exportFile(task.file, task.opts);
      const text = task.format === 'jsonl' ? serializeLines([doc]) : serializeDocument(doc);
      const continued = doc.articles.filter((a) => a.continuation);
      const link: LinkableDoc | undefined = continued.length ? { source: { path: doc.source.path }, articles: continued.map(linkPart) } : undefined;
      if (task.keep) this.held.set(task.index, { text, format: task.format });
      let problems = 0;
      for (const rule in doc.diagnostics) problems += doc.diagnostics[rule];
      return { index: task.index, ok: true, text: task.keep ? undefined : text, link, articles: doc.articles.length, problems, invalidUtf8, encoding };
    } catch (err) {
      return failure(task.index, task.file, err);
    }
  }

  private take(index: number): { text: string; format: BatchFormat } {
    const held = this.held.get(index);
    this.held.delete(index);
    if (!held) throw new Error(`no output held for #${index}`);
    return held;
  }

  /**
   * A continued page is named: its text goes to a temp file beside the target, for `write` after
   * linking. No reply: a failure (or an existing target without overwrite) is answered by `write`.
   */
  stage(order: WriteOrder): void {
    try {
      const held = this.take(order.index);
      // An existing target without --force is refused by `write` (renameOver), which says so.
      this.staged.set(order.index, { tmp: writeTemp(order.target, held.text, false), format: held.format });
    } catch (err) {
      this.staged.set(order.index, { failure: failure(order.index, order.target, err) });
    }
  }

  write(order: WriteOrder): WriteReply {
    const staged = this.staged.get(order.index);
    this.staged.delete(order.index);
    try {
      if (staged) {
        if ('failure' in staged) return staged.failure;
        if (order.linkedIds?.some((id) => id !== null)) {
          // Read back (one small file) and patched; the patched text replaces the target atomically.
          const text = patchLinks(takeTemp(staged.tmp, order.target), order.linkedIds, staged.format);
          writeAtomic(order.target, text, { overwrite: order.overwrite, durable: false });
        } else renameOver(staged.tmp, order.target, order.overwrite); // nothing linked: already the bytes
        return { index: order.index, ok: true };
      }
      const held = this.take(order.index);
      const text = order.linkedIds ? patchLinks(held.text, order.linkedIds, held.format) : held.text;
      writeAtomic(order.target, text, { overwrite: order.overwrite, durable: false });
      return { index: order.index, ok: true };
    } catch (err) {
      return failure(order.index, order.target, err);
    }
  }
}

/**
 * What crosses between the main thread and a job: each message is a list of these, answered by one
 * list of replies in the same order (none for a list of stages only). `stage` has no reply; its
 * outcome is `write`'s.
 */
export type ToJob = ({ kind: 'export' } & ExportTask) | ({ kind: 'stage' | 'write' } & WriteOrder) | { kind: 'stop' };
export type FromJob = ({ kind: 'export' } & ExportReply) | ({ kind: 'write' } & WriteReply) | { kind: 'stopped' };

if (parentPort) {
  const port = parentPort;
  const job = new ExportJob();
  port.on('message', (messages: ToJob[]) => {
    const replies: FromJob[] = [];
    for (const m of messages) {
      if (m.kind === 'stage') job.stage(m);
      // Everything sent before the stop is answered: the main thread then knows what was written.
      else if (m.kind === 'stop') replies.push({ kind: 'stopped' });
      else replies.push(m.kind === 'export' ? { kind: 'export', ...job.export(m) } : { kind: 'write', ...job.write(m) });
    }
    if (replies.length > 0) port.postMessage(replies);
  });
}
