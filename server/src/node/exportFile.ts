// Reads one dump from disk and exports it: the part of the export that touches the file system,
// shared by the CLI (in-process or in worker threads) and the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportArticles, type ArticlesDocument } from '../core/export';
import type { AnalyzeOptions } from '../core/types';
import { readDump, sha256, type LikelyEncoding } from './files';
import { isInside } from './inputs';

export interface ExportFileOptions extends AnalyzeOptions {
  /** Export root: `source.path` is the file's path relative to it. */
  root: string;
  version: string;
  /** Recorded as `source.rootId` (outputs of `--out`, which `--update` looks at again). */
  rootId?: string;
}

/**
 * What tells export roots apart without naming them: a hash of the root's real path. `source.path`
 * is relative to the root, so outputs of runs from two roots into one --out may record the same
 * path for different pages; `--update` takes an output for an orphan of its own run only if it was
 * made from the same root (a path in the JSON would tell the archive where a user's files were).
 */
export function rootIdOf(root: string): string {
  let real = path.resolve(root);
  try {
    real = fs.realpathSync.native(real);
  } catch {
    // a root that is not there: its path as given
  }
  return sha256(real).slice(0, 16);
}

/** `source.path`: relative to the root with forward slashes, or absolute when outside it. */
export function sourcePath(file: string, root: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(root), abs);
  return (isInside(rel) ? rel : abs).split(path.sep).join('/');
}

export function exportFile(file: string, opts: ExportFileOptions): { doc: ArticlesDocument; invalidUtf8: boolean; encoding?: LikelyEncoding } {
  const r = readDump(file);
  const doc = exportArticles(r.text, { rules: opts.rules, locale: opts.locale, path: sourcePath(file, opts.root), sha256: r.sha256, version: opts.version, rootId: opts.rootId });
  return { doc, invalidUtf8: r.invalidUtf8, encoding: r.encoding };
}
