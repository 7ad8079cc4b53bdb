// File I/O shared by the CLI and the export: careful reads (clear errors for missing files,
// directories and binary data) and atomic writes (temp file + rename, refusing to clobber a file
// that changed since it was read).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t, type MessageKey, type Messages } from '../core/messages';

export type FileErrorKey = 'notFound' | 'isDirectory' | 'binary' | 'unreadable' | 'changedOnDisk' | 'exists' | 'unwritable';

export class FileError extends Error {
  constructor(
    readonly key: FileErrorKey,
    readonly file: string,
    readonly detail = '',
  ) {
    super(`${key}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

/** The user-facing sentence for a file error, in the user's language. */
export function describeFileError(err: unknown, messages: Messages): string {
  if (err instanceof FileError) return t(messages, `cli.${err.key}` as MessageKey, { file: err.file, detail: err.detail });
  return String(err instanceof Error ? err.message : err);
}

export interface ReadResult {
  text: string;
  /** The bytes were not valid UTF-8 (replacement characters were substituted). */
  invalidUtf8: boolean;
  sha256: string;
  mtimeMs: number;
  size: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** True when the first 8 KB look like binary data rather than text (NUL bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 && nul * 100 > n; // a stray NUL in a text dump is not binary; >1% of the head is
}

export function readDump(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileError(code === 'ENOENT' ? 'notFound' : 'unreadable', file, code);
  }
  if (stat.isDirectory()) throw new FileError('isDirectory', file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new FileError('unreadable', file, (err as NodeJS.ErrnoException).code);
  }
  if (looksBinary(bytes)) throw new FileError('binary', file);
  const text = decoder.decode(bytes);
  const invalidUtf8 = text.includes('\ufffd') && !Buffer.from(text, 'utf8').equals(bytes);
  return { text, invalidUtf8, sha256: sha256(bytes), mtimeMs: stat.mtimeMs, size: stat.size };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes a file atomically: the data goes to a temp file beside the target, is flushed, and is
 * renamed over the target, so a reader sees the old file or the new one, never a torn one.
 * `expectSha256`: refuse when the target's current content differs (it changed since it was read).
 * `overwrite: false`: refuse when the target exists. `durable: false`: skip the fsync.
 */
export function writeAtomic(file: string, data: string, opts: { expectSha256?: string; overwrite?: boolean; durable?: boolean } = {}): void {
  const dir = path.dirname(path.resolve(file));
  if (opts.overwrite === false && fs.existsSync(file)) throw new FileError('exists', file);
  if (opts.expectSha256 !== undefined) {
    let current: string | undefined;
    try {
      current = sha256(fs.readFileSync(file));
    } catch {
      current = undefined;
    }
    if (current !== opts.expectSha256) throw new FileError('changedOnDisk', file);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeSync(fd, data);
      // Flushing protects against power loss, at a high cost per file; regenerable outputs skip it
      // (the rename alone already keeps readers from ever seeing a torn file).
      if (opts.durable !== false) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      // Keep the original's permissions when replacing it.
      fs.chmodSync(tmp, fs.statSync(file).mode & 0o7777);
    } catch {
      /* new file: default mode */
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    if (err instanceof FileError) throw err;
    throw new FileError('unwritable', file, (err as NodeJS.ErrnoException).code ?? String(err));
  }
}
