// Worker thread of `newsprint export --jobs N`: exports the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { FileError } from '../node/files';
import { exportFile, type ExportFileOptions } from '../node/exportFile';

export interface ExportTask {
  index: number;
  file: string;
  opts: ExportFileOptions;
}

export type ExportReply =
  | { index: number; ok: true; doc: ReturnType<typeof exportFile>['doc']; invalidUtf8: boolean }
  | { index: number; ok: false; key: string; file: string; detail: string };

/** A failed export as plain data (errors do not cross threads intact). */
export function failure(index: number, file: string, err: unknown): ExportReply {
  return err instanceof FileError
    ? { index, ok: false, key: err.key, file: err.file, detail: err.detail }
    : { index, ok: false, key: 'internal', file, detail: err instanceof Error ? err.message : String(err) };
}

parentPort?.on('message', (task: ExportTask) => {
  let reply: ExportReply;
  try {
    const r = exportFile(task.file, task.opts);
    reply = { index: task.index, ok: true, doc: r.doc, invalidUtf8: r.invalidUtf8 };
  } catch (err) {
    reply = failure(task.index, task.file, err);
  }
  parentPort!.postMessage(reply);
});
