// Export requests. The single-page export: the client asks where and writes; the server reads and
// exports through the same code as the CLI, so both produce identical JSON.
//   newsprint/exportFile   {file, root}            → {ok: true, json, articles, name} | {ok: false, message}
// The workspace export is the CLI's batch export run here, in worker threads (the server stays
// free to answer typing), writing each page as it is done and holding one issue's link data at a
// time, however big the workspace; with work done progress and cancellation:
//   newsprint/exportBatch  {files, root, target, format, overwrite?, update?, prune?, workDoneToken?} → ExportBatchResult
// Without `overwrite` nothing is written when a target exists: the reply lists them, to ask; with
// `update` (json) only the issues that changed are exported, as `newsprint export --update`, and
// the reply lists the outputs no page gives any more (`orphans`), to ask; `prune` removes those the
// user agreed to, as `--prune` (the editor says and asks; the server finds and removes). Each
// page's output keeps its path under the workspace folder, as `newsprint export FOLDER --out DIR`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CancellationToken, Connection, ProgressToken } from 'vscode-languageserver';
import { defaultJobs, exportBatch, plannedTargets, type Cancel } from '../node/batchExport';
import { linkContinuations } from '../core/continuations';
import { serializeDocument } from '../core/export';
import { t, timeLeft, type Messages } from '../core/messages';
import { OutputNames } from '../core/outputNames';
import type { RuleSettings } from '../core/types';
import { exportFile, sourcePath } from '../node/exportFile';
import { isOutput, walkOrder } from '../node/inputs';
import { VERSION } from '../version';
import { describeFileError, encodingArgs } from '../node/files';

export interface ExportFileParams {
  file: string;
  root: string;
  /** The resource's rule settings (the client knows them per file). */
  rules?: RuleSettings;
}

/**
 * The page's JSON as `newsprint export FILE` prints it, its article count, and the file name an
 * export gives it (`NAME.articles.json`).
 */
/** `warning`: what the user should know of a file that was exported (its bytes are not valid UTF-8). */
export type ExportFileResult = { ok: true; json: string; articles: number; name: string; warning?: string } | { ok: false; message: string };

export interface ExportBatchParams {
  files: string[];
  /** The workspace folder: `source.path` is relative to it, and per-page outputs keep their folders under it. */
  root: string;
  /** The folder (json: one file per page) or the file (jsonl). */
  target: string;
  format: 'json' | 'jsonl';
  /** Targets the user agreed to replace, or true for any. */
  overwrite?: string[] | true;
  /**
   * json: only the issues (folders) with a page newer than its output, as `newsprint export --update`
   * of the root. `files` are then the pages of the root the workspace export lists (its include,
   * less its exclude): an output of a page of the root that is gone, or that the export gives
   * another name, is an orphan; one of a page still on disk is not, though not listed (excluded).
   */
  update?: boolean;
  /** update: orphans of an earlier reply that the user agreed to remove; those still orphans are removed, and their folders exported again. */
  prune?: string[];
  workDoneToken?: ProgressToken;
}

export type ExportBatchResult =
  | { kind: 'existing'; existing: string[] }
  | { kind: 'refused'; message: string }
  | {
      kind: 'done';
      files: number;
      articles: number;
      problems: number;
      written: string[];
      /** update: files whose issue was up to date, not exported again. */
      skipped: number;
      failures: { file: string; message: string }[];
      /** Files exported, but not valid UTF-8 (their invalid bytes read as U+FFFD). */
      warnings: { file: string; message: string }[];
      stale: number;
      /** update: outputs no page gives any more, left as they are (listed to ask about, for `prune`). */
      orphans: string[];
      /** update: the outputs of `prune` removed. */
      pruned: string[];
      cancelled: boolean;
    };

/** The page's path under the workspace folder (`/`-separated), or undefined outside it (named by its file name). */
function underRoot(file: string, root: string): string | undefined {
  const p = sourcePath(file, root);
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) ? undefined : p;
}

/**
 * The files in the order `newsprint export ROOT` walks them, which decides names and links, with
 * their paths under the root; pages outside it (named by their file name) after the rest. Those in
 * a hidden file or folder under the root (`.old/p1.txt`) are left out, as that walk skips them.
 */
function inWalkOrder(paths: readonly string[], root: string): { files: string[]; under: (string | undefined)[] } {
  const listed = paths.map((file) => ({ file, under: underRoot(file, root) })).filter((x) => x.under === undefined || !x.under.split('/').some((part) => part.startsWith('.')));
  listed.sort((a, b) => (a.under === undefined || b.under === undefined ? Number(a.under === undefined) - Number(b.under === undefined) : walkOrder(a.under, b.under)));
  return { files: listed.map((x) => x.file), under: listed.map((x) => x.under) };
}

/**
 * The files without what the export writes (see isOutput): a target in the workspace, with an
 * include that takes every file, would otherwise have the export read back the last one's.
 */
function notOutputs(files: readonly string[], target: string, format: 'json' | 'jsonl'): string[] {
  const outputs = format === 'json' ? { out: target } : { jsonl: target };
  return files.filter((f) => !isOutput(f, outputs));
}

const isStrings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');

export function registerExportRequests(connection: Connection, env: { messages: () => Messages; locale: () => string | undefined; rules: (file: string) => Promise<RuleSettings> }): void {
  connection.onRequest('newsprint/exportFile', async (p: ExportFileParams): Promise<ExportFileResult> => {
    try {
      const rules = p.rules ?? (await env.rules(p.file));
      const { doc, invalidUtf8, encoding } = exportFile(p.file, { root: p.root, rules, locale: env.locale(), version: VERSION });
      linkContinuations([doc]); // the file's continued articles, page to page
      // (The editor may show the file decoded otherwise, by its own guess of the encoding.)
      const warning = invalidUtf8 ? t(env.messages(), 'cli.invalidUtf8', { file: p.file, ...encodingArgs(encoding) }) : undefined;
      return { ok: true, json: serializeDocument(doc), articles: doc.articles.length, name: new OutputNames().name(path.basename(p.file)), ...(warning ? { warning } : {}) };
    } catch (err) {
      return { ok: false, message: describeFileError(err, env.messages()) };
    }
  });

  let running = false;
  connection.onRequest('newsprint/exportBatch', async (p: ExportBatchParams, token: CancellationToken): Promise<ExportBatchResult> => {
    const messages = env.messages();
    if (!p || !isStrings(p.files) || typeof p.root !== 'string' || typeof p.target !== 'string' || (p.format !== 'json' && p.format !== 'jsonl'))
      return { kind: 'refused', message: 'newsprint/exportBatch: expected {files, root, target, format}' };
    if (running) return { kind: 'refused', message: t(messages, 'export.busy') };
    running = true;
    let progress: ReturnType<typeof connection.window.attachWorkDoneProgress> | undefined;
    try {
      const { files, under } = inWalkOrder(notOutputs(p.files, p.target, p.format), p.root);
      const update = p.update === true && p.format === 'json';
      if (p.overwrite !== true && !update) {
        const agreed = new Set(p.overwrite ?? []);
        const planned = p.format === 'jsonl' ? [p.target] : plannedTargets(files, under, p.target);
        const existing = planned.filter((f) => !agreed.has(f) && fs.existsSync(f));
        if (existing.length) return { kind: 'existing', existing };
      }
      const rules = await env.rules(p.root);
      const failures: { file: string; message: string }[] = [];
      const warnings: { file: string; message: string }[] = [];
      const written: string[] = [];
      let last = 0;
      const start = Date.now();
      const say = (done: number, total: number) => t(messages, 'export.progress', { done, total }) + timeLeft(messages, Date.now() - start, done, total);
      if (p.workDoneToken !== undefined) {
        progress = connection.window.attachWorkDoneProgress(p.workDoneToken);
        progress.begin(say(0, files.length), 0);
      }
      const cancel: Cancel = { get requested() { return token.isCancellationRequested; }, onRequested: (listener) => token.onCancellationRequested(listener) };
      const r = await exportBatch(
        {
          files,
          under,
          out: p.format === 'json' ? p.target : undefined,
          jsonl: p.format === 'jsonl' ? p.target : undefined,
          jobs: defaultJobs(files, Math.min(os.availableParallelism(), 64)),
          threads: true,
          force: p.overwrite === true,
          update,
          prune: update && isStrings(p.prune) ? new Set(p.prune) : undefined,
          // No include: the client's search chose the pages, and an output of one still on disk is no orphan.
          walked: [p.root],
          overwrite: new Set(p.overwrite === true ? [] : (p.overwrite ?? [])),
          opts: { rules, locale: env.locale(), root: p.root, version: VERSION },
        },
        messages,
        { out: () => {}, err: (s) => connection.console.info(s.trimEnd()) },
        {
          failed: (f, message) => failures.push({ file: f.file, message: f.key === 'exists' ? t(messages, 'export.exists', { file: f.file }) : message }),
          warned: (file, message) => warnings.push({ file, message }),
          written: (target) => written.push(target),
          tick: (done, total) => {
            const now = Date.now();
            if (now - last < 100 && done < total) return;
            last = now;
            progress?.report(Math.floor((100 * done) / total), say(done, total));
          },
          cancel,
        },
      );
      if (!r) return { kind: 'refused', message: failures[0]?.message ?? '' };
      return { kind: 'done', files: r.docs, articles: r.articles, problems: r.problems, written, skipped: r.skipped, failures, warnings, stale: r.stale, orphans: r.orphans, pruned: r.pruned, cancelled: r.cancelled };
    } finally {
      progress?.done();
      running = false;
    }
  });
}
