// Reads one dump from disk and exports it: the part of the export that touches the file system,
// shared by the CLI (in-process or in worker threads) and the tests.
import * as path from 'node:path';
import { exportArticles, type ArticlesDocument } from '../core/export';
import type { AnalyzeOptions } from '../core/types';
import { readDump } from './files';
import { isInside } from './inputs';

export interface ExportFileOptions extends AnalyzeOptions {
  /** Export root: `source.path` is the file's path relative to it. */
  root: string;
  version: string;
}

/** `source.path`: relative to the root with forward slashes, or absolute when outside it. */
export function sourcePath(file: string, root: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(root), abs);
  return (isInside(rel) ? rel : abs).split(path.sep).join('/');
}

export function exportFile(file: string, opts: ExportFileOptions): { doc: ArticlesDocument; invalidUtf8: boolean } {
  const r = readDump(file);
  const doc = exportArticles(r.text, { rules: opts.rules, locale: opts.locale, path: sourcePath(file, opts.root), sha256: r.sha256, version: opts.version });
  return { doc, invalidUtf8: r.invalidUtf8 };
}
