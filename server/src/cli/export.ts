// `newsprint export FILE… [--out DIR | --jsonl FILE] [--jobs N] [--force]`.
// Files are exported in worker threads (one per job); results are collected in input order,
// continuations are linked across the whole batch, and each output is written atomically.
// One unreadable file is reported and the rest go on; the exit code says whether any failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { linkContinuations, type LinkableDoc } from '../core/continuations';
import { t, type MessageKey, type Messages } from '../core/messages';
import { describeFileError, FileError, writeAtomic } from '../node/files';
import type { ExportFileOptions } from '../node/exportFile';
import { exportForBatch, patchLinks, type BatchFormat, type ExportReply, type ExportTask } from './export-worker';

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

function runInWorkers(files: string[], opts: ExportFileOptions, format: BatchFormat, jobs: number): Promise<Result[]> {
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
      const task: ExportTask = { index: next, file: files[next], opts, format };
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
      // Two tasks in flight per worker, so a worker never idles while its result crosses over.
      feed(w);
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
  const format: BatchFormat = args.jsonl ? 'jsonl' : 'json';
  const results =
    args.jobs <= 1 || files.length === 1
      ? files.map((file, index) => exportForBatch({ index, file, opts, format }))
      : await runInWorkers(files, opts, format, args.jobs);
  let failed = 0;
  const docs: { file: string; text: string; link: LinkableDoc; articles: number }[] = [];
  for (const r of results) {
    if (r.ok) {
      if (r.invalidUtf8) io.err(`newsprint: ${t(messages, 'cli.invalidUtf8', { file: files[r.index] })}\n`);
      docs.push({ file: files[r.index], text: r.text, link: r.link, articles: r.articles });
    } else {
      failed++;
      const key = (r.key === 'internal' ? 'cli.internal' : `cli.${r.key}`) as MessageKey;
      io.err(`newsprint: ${t(messages, key, { file: r.file, detail: r.detail })}\n`);
    }
  }
  linkContinuations(docs.map((d) => d.link));
  for (const d of docs) d.text = patchLinks(d.text, d.link, format);
  const articles = docs.reduce((n, d) => n + d.articles, 0);

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
    if (write(args.jsonl, docs.map((d) => d.text).join(''))) written = 1;
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
      if (write(path.join(args.out, outputName(d.file, used)), d.text)) written++;
      else failed++;
    }
  } else {
    for (const d of docs) io.out(d.text);
    return failed ? 2 : 0;
  }
  io.err(`${t(messages, 'cli.exportSummary', { files: docs.length, articles, written, failed, target: args.jsonl ?? args.out ?? '' })}\n`);
  return failed ? 2 : 0;
}
