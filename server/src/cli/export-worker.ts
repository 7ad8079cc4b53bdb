// One job of `newsprint export`: exports the files it is sent, one at a time, and writes the
// outputs it computed when told where (the main thread decides the names and, once the whole batch
// is read, the continuation links). Runs in a worker thread for --jobs N, in-process for --jobs 1.
// In --out mode the output text stays in the job that made it: only the little the linking needs
// crosses threads, and each job writes its own files, so writing is as parallel as computing.
import { parentPort } from 'node:worker_threads';
import { serializeDocument, serializeLines, type ArticleOut } from '../core/export';
import type { LinkableDoc } from '../core/continuations';
import { FileError, writeAtomic } from '../node/files';
import { exportFile, type ExportFileOptions } from '../node/exportFile';

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
      invalidUtf8: boolean;
    }
  | Failure;

export interface WriteOrder {
  index: number;
  target: string;
  overwrite: boolean;
  /** The linkedId of each continued article, in article order. */
  linkedIds?: (string | null)[];
}

export type WriteReply = { index: number; ok: true } | Failure;

/** A failure as plain data (errors do not cross threads intact). */
export function failure(index: number, file: string, err: unknown): Failure {
  return err instanceof FileError
    ? { index, ok: false, key: err.key, file: err.file, detail: err.detail }
    : { index, ok: false, key: 'internal', file, detail: err instanceof Error ? err.message : String(err) };
}

const linkPart = (a: ArticleOut) => ({ id: a.id, page: a.page, headline: a.headline, kicker: a.kicker, continuation: a.continuation && { ...a.continuation } });

/**
 * Writes the linkedIds found by linking into serialized output. Each continued article's JSON holds
 * `"linkedId": null` (document) or `"linkedId":null` (JSON Lines) exactly once, in article order,
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

/** The linkedIds of a linked doc, as a WriteOrder carries them. */
export const linkedIdsOf = (link: LinkableDoc): (string | null)[] => link.articles.map((a) => a.continuation?.linkedId ?? null);

/** One job's state: the texts it computed and has not yet written (--out). */
export class ExportJob {
  private readonly held = new Map<number, { text: string; format: BatchFormat }>();

  export(task: ExportTask): ExportReply {
    try {
      const { doc, invalidUtf8 } = exportFile(task.file, task.opts);
      const text = task.format === 'jsonl' ? serializeLines([doc]) : serializeDocument(doc);
      const continued = doc.articles.filter((a) => a.continuation);
      const link: LinkableDoc | undefined = continued.length ? { source: { path: doc.source.path }, articles: continued.map(linkPart) } : undefined;
      if (task.keep) this.held.set(task.index, { text, format: task.format });
      return { index: task.index, ok: true, text: task.keep ? undefined : text, link, articles: doc.articles.length, invalidUtf8 };
    } catch (err) {
      return failure(task.index, task.file, err);
    }
  }

  write(order: WriteOrder): WriteReply {
    const held = this.held.get(order.index);
    this.held.delete(order.index);
    try {
      if (!held) throw new Error(`no output held for #${order.index}`);
      const text = order.linkedIds ? patchLinks(held.text, order.linkedIds, held.format) : held.text;
      writeAtomic(order.target, text, { overwrite: order.overwrite, durable: false });
      return { index: order.index, ok: true };
    } catch (err) {
      return failure(order.index, order.target, err);
    }
  }
}

export type ToJob = ({ kind: 'export' } & ExportTask) | ({ kind: 'write' } & WriteOrder);
export type FromJob = ({ kind: 'export' } & ExportReply) | ({ kind: 'write' } & WriteReply);

if (parentPort) {
  const port = parentPort;
  const job = new ExportJob();
  port.on('message', (m: ToJob) => {
    const reply: FromJob = m.kind === 'export' ? { kind: 'export', ...job.export(m) } : { kind: 'write', ...job.write(m) };
    port.postMessage(reply);
  });
}
