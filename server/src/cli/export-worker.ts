// Worker thread of `newsprint export --jobs N`: exports the files it is sent, one at a time, and
// sends back the serialized JSON (strings cross threads cheaply; the main thread only links
// continuations and writes) plus the little the linking needs.
import { parentPort } from 'node:worker_threads';
import { serializeDocument, serializeLines, type ArticleOut } from '../core/export';
import type { LinkableDoc } from '../core/continuations';
import { FileError } from '../node/files';
import { exportFile, type ExportFileOptions } from '../node/exportFile';

export type BatchFormat = 'json' | 'jsonl';

export interface ExportTask {
  index: number;
  file: string;
  opts: ExportFileOptions;
  format: BatchFormat;
}

export type ExportReply =
  | {
      index: number;
      ok: true;
      /** The document (json) or its articles, one line each (jsonl), with every linkedId still null. */
      text: string;
      link: LinkableDoc;
      articles: number;
      invalidUtf8: boolean;
    }
  | { index: number; ok: false; key: string; file: string; detail: string };

/** A failed export as plain data (errors do not cross threads intact). */
export function failure(index: number, file: string, err: unknown): ExportReply {
  return err instanceof FileError
    ? { index, ok: false, key: err.key, file: err.file, detail: err.detail }
    : { index, ok: false, key: 'internal', file, detail: err instanceof Error ? err.message : String(err) };
}

const linkPart = (a: ArticleOut) => ({ id: a.id, page: a.page, headline: a.headline, kicker: a.kicker, continuation: a.continuation && { ...a.continuation } });

/** Exports one file for a batch (in a worker, or in-process for --jobs 1: the same bytes either way). */
export function exportForBatch(task: ExportTask): ExportReply {
  try {
    const { doc, invalidUtf8 } = exportFile(task.file, task.opts);
    const text = task.format === 'jsonl' ? serializeLines([doc]) : serializeDocument(doc);
    const link: LinkableDoc = { source: { path: doc.source.path }, articles: doc.articles.filter((a) => a.continuation).map(linkPart) };
    return { index: task.index, ok: true, text, link, articles: doc.articles.length, invalidUtf8 };
  } catch (err) {
    return failure(task.index, task.file, err);
  }
}

/**
 * Writes the linkedIds found by linking into serialized output. Each continued article's JSON holds
 * `"linkedId": null` (document) or `"linkedId":null` (JSON Lines) exactly once, in article order,
 * and that sequence cannot occur inside a JSON string (its quotes would be escaped).
 */
export function patchLinks(text: string, link: LinkableDoc, format: BatchFormat): string {
  const needle = format === 'jsonl' ? '"linkedId":null' : '"linkedId": null';
  let out = '';
  let from = 0;
  for (const a of link.articles) {
    const at = text.indexOf(needle, from);
    if (at < 0) break;
    const id = a.continuation?.linkedId ?? null;
    out += text.slice(from, at) + (id === null ? needle : needle.replace('null', JSON.stringify(id)));
    from = at + needle.length;
  }
  return out + text.slice(from);
}

parentPort?.on('message', (task: ExportTask) => {
  parentPort!.postMessage(exportForBatch(task));
});
