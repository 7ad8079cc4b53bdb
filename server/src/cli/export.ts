// `newsprint export FILE… [--out DIR | --jsonl FILE] [--jobs N] [--force]`.
// Files are exported in worker threads (one per job); results are collected in input order,
// continuations are linked across the whole batch, and each output is written atomically.
// One unreadable file is reported and the rest go on; the exit code says whether any failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { linkContinuations } from '../core/continuations';
import { serializeDocument, serializeLines, type ArticlesDocument } from '../core/export';
import { t, type MessageKey, type Messages } from '../core/messages';
import { describeFileError, FileError, writeAtomic } from '../node/files';
import { exportFile, type ExportFileOptions } from '../node/exportFile';
import { failure, type ExportReply, type ExportTask } from './export-worker';

export interface ExportArgs {
  files: string[];
  out?: string;
  jsonl?: string;
  jobs: number;
  force: boolean;
  opts: ExportFileOptions;
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Result = ExportReply;

function runInProcess(files: string[], opts: ExportFileOptions): Result[] {
  return files.map((file, index) => {
    try {
      const r = exportFile(file, opts);
      return { index, ok: true, doc: r.doc, invalidUtf8: r.invalidUtf8 };
    } catch (err) {
      return failure(index, file, err);
    }
  });
}

function runInWorkers(files: string[], opts: ExportFileOptions, jobs: number): Promise<Result[]> {
  const results: Result[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const task: ExportTask = { index: next, file: files[next], opts };
      next++;
      w.postMessage(task);
    };
    for (let k = 0; k < Math.min(jobs, files.length); k++) {
      const w = new Worker(path.join(__dirname, 'export-worker.js'));
      workers.push(w);
      w.on('message', (r: ExportReply) => {
        results[r.index] = r;
        done++;
        if (done === files.length) finish();
        else feed(w);
      });
      w.on('error', reject);
      feed(w);
    }
  });
}

/** Output file for a source in --out mode: NAME.articles.json, disambiguated when two sources share a name. */
function outputName(file: string, used: Set<string>): string {
  const stem = path.basename(file).replace(/(\.page)?\.(txt|pagedump)$/i, '');
  let name = `${stem}.articles.json`;
  for (let k = 2; used.has(name); k++) name = `${stem}-${k}.articles.json`;
  used.add(name);
  return name;
}

export async function runExport(args: ExportArgs, messages: Messages, io: Io): Promise<number> {
  const { files, opts } = args;
  const results = args.jobs <= 1 || files.length === 1 ? runInProcess(files, opts) : await runInWorkers(files, opts, args.jobs);
  let failed = 0;
  const docs: { file: string; doc: ArticlesDocument }[] = [];
  for (const r of results) {
    if (r.ok) {
      if (r.invalidUtf8) io.err(`newsprint: ${t(messages, 'cli.invalidUtf8', { file: files[r.index] })}\n`);
      docs.push({ file: files[r.index], doc: r.doc });
    } else {
      failed++;
      const key = (r.key === 'internal' ? 'cli.internal' : `cli.${r.key}`) as MessageKey;
      io.err(`newsprint: ${t(messages, key, { file: r.file, detail: r.detail })}\n`);
    }
  }
  linkContinuations(docs.map((d) => d.doc));
  const articles = docs.reduce((n, d) => n + d.doc.articles.length, 0);

  const write = (target: string, data: string): boolean => {
    try {
      writeAtomic(target, data, { overwrite: args.force, durable: false });
      return true;
    } catch (err) {
      io.err(`newsprint: ${describeFileError(err instanceof FileError ? err : new FileError('unwritable', target, String(err)), messages)}\n`);
      return false;
    }
  };

  let written = 0;
  if (args.jsonl) {
    if (write(args.jsonl, serializeLines(docs.map((d) => d.doc)))) written = 1;
    else failed++;
  } else if (args.out) {
    try {
      fs.mkdirSync(args.out, { recursive: true });
    } catch (err) {
      io.err(`newsprint: ${t(messages, 'cli.unwritable', { file: args.out, detail: (err as NodeJS.ErrnoException).code ?? String(err) })}\n`);
      return 2;
    }
    const used = new Set<string>();
    for (const d of docs) {
      if (write(path.join(args.out, outputName(d.file, used)), serializeDocument(d.doc))) written++;
      else failed++;
    }
  } else {
    for (const d of docs) io.out(serializeDocument(d.doc));
    return failed ? 2 : 0;
  }
  io.err(`${t(messages, 'cli.exportSummary', { files: docs.length, articles, written, failed, target: args.jsonl ?? args.out ?? '' })}\n`);
  return failed ? 2 : 0;
}
