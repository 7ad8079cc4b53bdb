// `newsprint export` with several files or --out/--jsonl: the batch export (node/batchExport) with
// a progress line on a terminal and the summary on stderr.
import { t, timeLeft, type Messages } from '../core/messages';
import { exportBatch, type ExportArgs } from '../node/batchExport';
import type { Io } from '../node/io';
import { progressLine } from './progress';

/** `progress`: show a progress line (stderr is a terminal). Returns the exit code. */
export async function runExport(args: ExportArgs & { progress?: boolean }, messages: Messages, io: Io): Promise<number> {
  const start = Date.now();
  const line = (done: number, total: number) =>
    t(messages, 'cli.exportProgress', { done, total, percent: Math.floor((100 * done) / total) }) + timeLeft(messages, Date.now() - start, done, total);
  const progress = args.progress && args.files.length > 1 ? progressLine(io, line) : undefined;
  if (progress) io = progress.io;
  try {
    const r = await exportBatch(args, messages, io, { tick: progress?.tick });
    if (!r) return 2;
    if (r.skipped > 0) io.err(`${t(messages, 'cli.upToDate', { count: r.skipped, issues: r.skippedIssues })}\n`);
    if (args.out || args.jsonl) io.err(`${t(messages, 'cli.exportSummary', { files: r.docs, articles: r.articles, written: r.written, failed: r.failed, target: args.jsonl ?? args.out ?? '' })}\n`);
    return r.failed ? 2 : 0;
  } finally {
    progress?.clear();
  }
}
