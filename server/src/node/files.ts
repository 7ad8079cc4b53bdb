// File I/O shared by the CLI and the export: careful reads (clear errors for missing files,
// directories and binary data) and atomic writes (temp file + rename, refusing to clobber a file
// that changed since it was read).
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { errorReason, t, type MessageKey, type Messages } from '../core/messages';

export type FileErrorKey = 'notFound' | 'notFoundNotUtf8' | 'isDirectory' | 'binary' | 'tooLarge' | 'unreadable' | 'changedOnDisk' | 'readOnly' | 'exists' | 'targetIsFolder' | 'unwritable' | 'binaryFormat' | 'utf16';

export class FileError extends Error {
  constructor(
    readonly key: FileErrorKey,
    readonly file: string,
    readonly detail = '',
  ) {
    super(`${key}: ${file}${detail ? ` (${detail})` : ''}`);
  }
}

/** The sentence for a file that failed (`cli.KEY`), its detail in words (errorReason). */
export function fileFailure(messages: Messages, key: string, file: string, detail: string): string {
  return t(messages, `cli.${key}` as MessageKey, { file, detail: errorReason(messages, detail) });
}

/** The user-facing sentence for a file error, in the user's language. */
export function describeFileError(err: unknown, messages: Messages): string {
  if (err instanceof FileError) return fileFailure(messages, err.key, err.file, err.detail);
  return String(err instanceof Error ? err.message : err);
}

export interface ReadResult {
  text: string;
  /** The bytes were not valid UTF-8 (replacement characters were substituted). */
  invalidUtf8: boolean;
  /** When they were not: the encoding they likely are in (likelyEncoding). */
  encoding?: LikelyEncoding;
  sha256: string;
  mtimeMs: number;
  size: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The text of UTF-8 bytes, a byte-order mark kept as U+FEFF; invalid sequences become U+FFFD as
 * TextDecoder makes them. Valid bytes go through ICU's transcoder to UTF-16 and are copied into a
 * string: ~12× faster than TextDecoder for CJK text (2.3 against 27 µs for the sample page, whose
 * decoding took 6.5% of an export), as V8's UTF-8 decoder is slow. ASCII is read as Latin-1,
 * which keeps its string one byte a character.
 */
export function decodeUtf8(bytes: Buffer): { text: string; valid: boolean } {
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), valid: true };
  if (!isUtf8(bytes)) return { text: decoder.decode(bytes), valid: false };
  // Without ICU (a Node built without intl) there is no transcoder.
  if (typeof transcode !== 'function') return { text: decoder.decode(bytes), valid: true };
  return { text: transcode(bytes, 'utf8', 'utf16le').toString('utf16le'), valid: true };
}

/** What a file that is not UTF-8 likely is: Chinese (GB18030, of which GBK is a part) or Western (Windows-1252, of which Latin-1's letters are a part). */
export type LikelyEncoding = 'GB18030' | 'Windows-1252';

const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The encoding bytes that are not UTF-8 likely are in: GB18030 when they decode as GB18030 and the
 * result reads as Chinese (its characters past ASCII nearly all CJK, most of them beside another,
 * as a Chinese text's are); else Windows-1252, where any byte is a character: a Western page with a
 * few accented letters or quotes (caf\xe9, \xab), which GB18030 rejects or reads as a stray Han
 * glyph between Latin letters (M\xfcller: 黮 between M and ler).
 */
export function likelyEncoding(bytes: Uint8Array): LikelyEncoding {
  let text: string;
  try {
    text = gb18030.decode(bytes);
  } catch {
    return 'Windows-1252';
  }
  let other = 0;
  let cjk = 0;
  let together = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c & 0xfc00) === 0xd800 || (c & 0xfc00) === 0xdc00) {
      cjk++;
      if (text.charCodeAt(i - 1) >= 0x80 || text.charCodeAt(i + 1) >= 0x80) together++;
    } else other++;
  }
  return cjk > 0 && other * 10 <= cjk && together * 2 >= cjk ? 'GB18030' : 'Windows-1252';
}

/** The arguments of the messages of a file that is not UTF-8 (cli.invalidUtf8…): the encoding it likely is, in words and as iconv names it. */
export function encodingArgs(encoding: LikelyEncoding | undefined): { encoding: string; iconv: string } {
  return encoding === 'Windows-1252' ? { encoding: 'Windows-1252/Latin-1', iconv: 'WINDOWS-1252' } : { encoding: 'GB18030/GBK', iconv: 'GB18030' };
}

/** True when the first 8 KB look like binary data rather than text (NUL bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 && nul * 100 > n; // a stray NUL in a text dump is not binary; >1% of the head is
}

/**
 * Formats a page dump's folder may also hold (the scans, an archive of them), told by their first
 * bytes, which no UTF-8 text starts with: taken as text, they gave pages of garbage "articles".
 */
const SIGNATURES: readonly { format: string; bytes: readonly number[] }[] = [
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: 'bzip2', bytes: [0x42, 0x5a, 0x68] }, // "BZh", then the block size digit (checked below)
  { format: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'Zstandard', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { format: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { format: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { format: 'JPEG 2000', bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20] },
  { format: 'TIFF', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { format: 'TIFF', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { format: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] }, // "GIF8"
  { format: 'DjVu', bytes: [0x41, 0x54, 0x26, 0x54, 0x46, 0x4f, 0x52, 0x4d] }, // "AT&TFORM"
];

/** The format of a file that is no UTF-8 text dump, by its first bytes ('UTF-16': text with a UTF-16 BOM); undefined otherwise. */
export function fileFormat(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'UTF-16';
  for (const { format, bytes: sig } of SIGNATURES) {
    if (bytes.length < sig.length || sig.some((b, i) => bytes[i] !== b)) continue;
    if (format === 'bzip2' && !(bytes[3] >= 0x31 && bytes[3] <= 0x39)) continue;
    return format;
  }
  return undefined;
}

export function readDump(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A name with bytes that are not UTF-8 (GBK) reaches Node with U+FFFD in their place: it opens nothing.
    throw new FileError(code === 'ENOENT' ? (file.includes('\uFFFD') ? 'notFoundNotUtf8' : 'notFound') : 'unreadable', file, code);
  }
  if (stat.isDirectory()) throw new FileError('isDirectory', file);
  const max = maxDumpBytes();
  if (stat.size > max) throw new FileError('tooLarge', file, `${Math.ceil(stat.size / 1e6)} MB > ${Math.floor(max / 1e6)} MB`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new FileError('unreadable', file, (err as NodeJS.ErrnoException).code);
  }
  const format = fileFormat(bytes);
  if (format === 'UTF-16') throw new FileError('utf16', file);
  if (format) throw new FileError('binaryFormat', file, format);
  if (looksBinary(bytes)) throw new FileError('binary', file);
  const { text, valid } = decodeUtf8(bytes);
  return { text, invalidUtf8: !valid, encoding: valid ? undefined : likelyEncoding(bytes), sha256: sha256(bytes), mtimeMs: stat.mtimeMs, size: stat.size };
}

/**
 * The biggest dump this thread can analyse: the analysis holds about 11–13× the file's size (a
 * 200 MB dump took 2.1 GB to lint and 2.7 GB to export), and past the heap's limit V8 ends the
 * whole process, with every other file of the batch. A file over it is refused and said so.
 */
export function maxDumpBytes(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 13);
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A temp file name beside `file` (same folder, so the final rename cannot cross file systems). */
function tempBeside(file: string, tag = ''): string {
  const dir = path.dirname(path.resolve(file));
  return path.join(dir, `.${tempStem(path.basename(file))}.${process.pid}.${Date.now().toString(36)}${tag}.tmp`);
}

/** Bytes of a name's own part in a temp name: the rest (dots, pid, time, tag) takes ≤ 35 of the 255 a name may have. */
const TEMP_STEM_BYTES = 220;

/**
 * The name as a temp name has it: itself, or when too long for one (a page named after a headline
 * of 78 Chinese characters, say), a prefix of it, a hash of the whole and its extension (which
 * removeStaleTemps goes by).
 */
function tempStem(name: string): string {
  if (Buffer.byteLength(name) <= TEMP_STEM_BYTES) return name;
  const ext = path.extname(name);
  const tail = `~${createHash('sha256').update(name).digest('hex').slice(0, 12)}${ext}`;
  let head = name.slice(0, name.length - ext.length);
  while (Buffer.byteLength(head) + Buffer.byteLength(tail) > TEMP_STEM_BYTES) head = head.slice(0, -1);
  // (a lone high surrogate left at the cut would be no valid name)
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + tail;
}

/** Temp files of tempBeside: `.NAME.PID.TIME[.2].tmp`, capturing NAME and PID. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-z]+(?:\.2)?\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
}

/**
 * Removes the temp files in `dir` that a process no longer running left behind (killed, or the
 * machine went down, mid-write) for targets `isTarget` accepts; returns how many. Temps of live
 * processes (another export writing there now) are left alone; with `own`, this process's too are
 * removed (its export was cancelled and its jobs have stopped).
 */
export function removeStaleTemps(dir: string, isTarget: (name: string) => boolean, own = false): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || !isTarget(m[1])) continue;
    const pid = Number(m[2]);
    if (pid === process.pid ? !own : alive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
      removed++;
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

const unwritable = (file: string, err: unknown) => (err instanceof FileError ? err : new FileError('unwritable', file, (err as NodeJS.ErrnoException).code ?? String(err)));

/**
 * Writes a file atomically: the data goes to a temp file beside the target, is flushed, and is
 * renamed over the target, so a reader sees the old file or the new one, never a torn one.
 * `expectSha256` (replacing a file in place): refuse when the target is read-only, or its current
 * content differs (it changed since it was read); through a link, the file linked to is replaced.
 * `overwrite: false`: refuse when the target exists. `durable: false`: skip the fsync.
 */
export function writeAtomic(file: string, data: string, opts: { expectSha256?: string; overwrite?: boolean; durable?: boolean } = {}): void {
  // `overwrite: false` is checked by renameOver, where it counts (an early check cost every page
  // of an export one more stat; a target that exists already costs a temp written and removed).
  let target = file;
  if (opts.expectSha256 !== undefined) {
    // A page reached through a link is the file linked to: renaming over the link would replace
    // the link with a changed copy and leave the page itself as it was.
    try {
      target = fs.realpathSync(file);
    } catch {
      // gone: the check below says it changed
    }
    // Replacing a file in place: a read-only one is left alone (someone protected it), though the
    // rename over it would succeed in a writable folder (and always for root).
    if (isReadOnly(target)) throw new FileError('readOnly', file);
    let current: string | undefined;
    try {
      current = sha256(fs.readFileSync(target));
    } catch {
      current = undefined;
    }
    if (current !== opts.expectSha256) throw new FileError('changedOnDisk', file);
  }
  renameOver(writeTemp(target, data, opts.durable !== false), target, opts.overwrite !== false);
}

/** The file exists and has no write permission bit set, or this process may not write it. */
function isReadOnly(file: string): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return false;
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Writes `data` to a new temp file beside `file` (exclusive create) and returns its path, for
 * renameOver once the target may be replaced. `durable`: flush it. A failure removes the temp.
 */
export function writeTemp(file: string, data: string, durable = true): string {
  const tmp = tempBeside(file);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
  } catch (err) {
    throw unwritable(file, err);
  }
  try {
    try {
      fs.writeSync(fd, data);
      // Flushing protects against power loss, at a high cost per file; regenerable outputs skip it
      // (the rename alone already keeps readers from ever seeing a torn file).
      if (durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return tmp;
  } catch (err) {
    removeQuietly(tmp);
    throw unwritable(file, err);
  }
}

/**
 * Renames a temp file (from writeTemp) over `file`, keeping the file's permissions when it exists.
 * `overwrite: false`: refuse when the target exists. A failure removes the temp.
 */
export function renameOver(tmp: string, file: string, overwrite = true): void {
  try {
    // One stat, which throws no error for a new file (an error per page made a new file dearer).
    let existing: fs.Stats | undefined;
    try {
      existing = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      existing = undefined; // cannot be looked at: the rename says why, if it fails
    }
    if (existing && !overwrite) throw new FileError('exists', file);
    if (existing) {
      try {
        // Keep the original's permissions when replacing it.
        fs.chmodSync(tmp, existing.mode & 0o7777);
      } catch {
        /* the rename still replaces it, with the default mode */
      }
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    removeQuietly(tmp);
    throw unwritable(file, err);
  }
}

/** Reads a temp file from writeTemp back and removes it; errors are the target `file`'s. */
export function takeTemp(tmp: string, file: string): string {
  try {
    return fs.readFileSync(tmp, 'utf8');
  } catch (err) {
    throw unwritable(file, err);
  } finally {
    removeQuietly(tmp);
  }
}

/** Reads `length` bytes at `position` into buf[0, length); a file that ends first is `file`'s error. */
function readFully(fd: number, buf: Uint8Array, length: number, position: number, file: string): void {
  for (let got = 0; got < length; ) {
    const n = fs.readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw new FileError('unwritable', file, 'ENODATA');
    got += n;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** A byte range of a spool and how to rewrite it when the spool is finished. */
export interface SpoolEdit {
  offset: number;
  length: number;
  edit: (text: string) => string;
}

/**
 * An output too large to hold, written atomically like writeAtomic: appended to a temp file beside
 * the target; `finish` copies it in chunks to a second temp, rewriting the given byte ranges (which
 * may change length), and renames that over the target. Any failure removes the temps.
 */
export class Spool {
  private readonly tmp: string;
  private fd: number | undefined;
  private size = 0;
  private error: FileError | undefined;
  private renamed = false;

  /**
   * Refuses at once, before any work is done, when the target is a folder (which nothing may
   * replace), or exists and `overwrite` is false.
   */
  constructor(
    readonly file: string,
    private readonly overwrite: boolean,
    private readonly chunkBytes = 1 << 20,
  ) {
    let existing: fs.Stats | undefined;
    try {
      existing = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      existing = undefined; // cannot be looked at: opening the temp or the rename says why
    }
    if (existing?.isDirectory()) throw new FileError('targetIsFolder', file);
    if (existing && !overwrite) throw new FileError('exists', file);
    this.tmp = tempBeside(file);
    try {
      this.fd = fs.openSync(this.tmp, 'wx+', 0o644); // read back by finish
    } catch (err) {
      throw unwritable(file, err);
    }
  }

  /** Appends text and returns where its bytes are. After a failure it only records it (for `finish`). */
  append(text: string): { offset: number; length: number } {
    const bytes = Buffer.from(text, 'utf8');
    const at = { offset: this.size, length: bytes.length };
    if (this.fd === undefined) return at;
    try {
      writeAll(this.fd, bytes);
      this.size += bytes.length;
    } catch (err) {
      this.error = unwritable(this.file, err);
      this.abort();
    }
    return at;
  }

  /** Writes the target: the spooled bytes with `edits` (in offset order, not overlapping) applied. */
  finish(edits: readonly SpoolEdit[]): void {
    if (this.error) throw this.error;
    if (this.fd === undefined) throw new FileError('unwritable', this.file, 'closed');
    const from = this.fd;
    let result = this.tmp;
    let to: number | undefined;
    try {
      if (edits.length) {
        result = tempBeside(this.file, '.2');
        to = fs.openSync(result, 'wx', 0o644);
        const buf = Buffer.allocUnsafe(this.chunkBytes);
        const copy = (pos: number, end: number) => {
          while (pos < end) {
            const n = Math.min(buf.length, end - pos);
            readFully(from, buf, n, pos, this.file);
            writeAll(to!, buf.subarray(0, n));
            pos += n;
          }
        };
        let pos = 0;
        for (const e of edits) {
          // Out of order, the copy would go back and write earlier bytes again.
          if (e.offset < pos) throw new Error(`spool edits out of order: ${e.offset} < ${pos}`);
          copy(pos, e.offset);
          const slice = Buffer.allocUnsafe(e.length);
          readFully(from, slice, e.length, e.offset, this.file);
          writeAll(to, Buffer.from(e.edit(slice.toString('utf8')), 'utf8'));
          pos = e.offset + e.length;
        }
        copy(pos, this.size);
        fs.closeSync(to);
        to = undefined;
      }
      fs.closeSync(from);
      this.fd = undefined;
      if (result !== this.tmp) fs.unlinkSync(this.tmp);
      // The target is checked again: it may have appeared while the batch ran.
      renameOver(result, this.file, this.overwrite);
      this.renamed = true;
    } catch (err) {
      if (to !== undefined) closeQuietly(to);
      if (result !== this.tmp) removeQuietly(result);
      this.abort();
      throw unwritable(this.file, err);
    }
  }

  /** Closes and removes the temp file (a failure, or the batch given up). */
  abort(): void {
    if (this.renamed) return;
    if (this.fd !== undefined) closeQuietly(this.fd);
    this.fd = undefined;
    removeQuietly(this.tmp);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* already unusable */
  }
}

/**
 * `mkdir -p` without fs.mkdirSync's `recursive`, which in Node 20 loops for ever (at full CPU,
 * deaf to SIGTERM) when mkdir says ENOENT under a folder that exists (`/proc/x`). The missing
 * folders are made from the nearest one that exists down; the first that cannot be made throws
 * its error (EEXIST: a file is where the folder would be; ENOTDIR: a file is on the way).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let isFolder: boolean;
    try {
      isFolder = fs.statSync(at).isDirectory();
    } catch (err) {
      const up = path.dirname(at);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || up === at) throw err;
      missing.push(at);
      at = up;
      continue;
    }
    if (!isFolder) fs.mkdirSync(at); // throws EEXIST, as mkdir -p says it
    break;
  }
  for (let k = missing.length - 1; k >= 0; k--) {
    try {
      fs.mkdirSync(missing[k]);
    } catch (err) {
      // Made meanwhile (another job, another export): as good.
      if (!((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(missing[k]).isDirectory())) throw err;
    }
  }
}

export function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    /* nothing to clean */
  }
}
