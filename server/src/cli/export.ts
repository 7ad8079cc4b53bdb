// `newsprint export` with several files or --out/--jsonl: the batch export (node/batchExport) with
// a progress line on a terminal, the summary on stderr, and Ctrl-C stopping it cleanly (interrupt).
import { t, timeLeft, type Messages } from '../core/messages';
import { exportBatch, STDOUT, type ExportArgs } from '../node/batchExport';
import type { Io } from '../node/io';
import { onInterrupt } from './interrupt';
import { progressLine } from './progress';

/** `progress`: show a progress line (stderr is a terminal). Returns the exit code. */
export async function runExport(args: ExportArgs & { progress?: boolean }, messages: Messages, io: Io): Promise<number> {
  const start = Date.now();
  const line = (done: number, total: number) =>
    t(messages, 'cli.exportProgress', { done, total, percent: Math.floor((100 * done) / total) }) + timeLeft(messages, Date.now() - start, done, total);
  const progress = args.progress && args.files.length > 1 ? progressLine(io, line) : undefined;
  if (progress) io = progress.io;
  let done = 0;
  const tick = (d: number, total: number) => {
    done = d;
    progress?.tick(d, total);
  };
  const interrupt = onInterrupt(() => io.err(`${t(messages, 'cli.stopping')}\n`));
  try {
    const r = await exportBatch(args, messages, io, { tick, cancel: interrupt.cancel });
    if (!r) return 2;
    if (r.skipped > 0) io.err(`${t(messages, 'cli.upToDate', { count: r.skipped, issues: r.skippedIssues })}\n`);
    const target = args.jsonl === STDOUT ? t(messages, 'cli.stdout') : (args.jsonl ?? args.out ?? '');
    // Their folders that still have pages were exported again, unless there were none (a folder
    // deleted whole) or the run was stopped first.
    const pruned = r.prunedAgain && !r.cancelled ? 'cli.prunedExportedAgain' : 'cli.pruned';
    if (r.pruned.length > 0) io.err(`newsprint: ${t(messages, pruned, { count: r.pruned.length, target, example: r.pruned[0] })}\n`);
    if (r.orphans.length > 0) io.err(`newsprint: ${t(messages, 'cli.orphans', { count: r.orphans.length, target, example: r.orphans[0] })}\n`);
    if (r.cancelled) {
      const total = args.files.length;
      // --jsonl's temp is removed: only --out keeps what was written, and stdout what it was given.
      if (args.out && r.written > 0) io.err(`${t(messages, 'cli.stopped', { done, total, written: r.written, target })}\n`);
      else if (args.jsonl === STDOUT) io.err(`${t(messages, 'cli.stoppedStdout', { done, total })}\n`);
      else io.err(`${t(messages, 'cli.stoppedNothing', { done, total })}\n`);
      return interrupt.exitCode;
    }
    if (args.out || args.jsonl) io.err(`${t(messages, 'cli.exportSummary', { files: r.docs, articles: r.articles, written: r.written, failed: r.failed, target })}\n`);
    return r.failed ? 2 : 0;
  } finally {
    interrupt.dispose();
    progress?.clear();
  }
}
