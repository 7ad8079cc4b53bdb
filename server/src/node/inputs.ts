// The CLI's inputs: files named on the command line or in a list file (`--files-from`, for
// batches too long for a command line), and the page dumps found in directories, walked in name
// order. A file found in a directory keeps its path under it, which `export --out` mirrors; files
// named themselves keep theirs under the deepest folder that holds them all.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';

/** Which files of a directory are page dumps, unless --include says: the extension's own. */
export const DEFAULT_INCLUDE = '**/*.{pagedump,page.txt}';

export type InputProblem =
  | { key: 'noDumps'; file: string; pattern: string }
  | { key: 'unreadable'; file: string; detail: string }
  /** A name that is not UTF-8 (GBK from an old Windows archive, say): `file` shows its bytes, `guess` reads them as GB18030. */
  | { key: 'badName'; file: string; guess: string };

export interface Inputs {
  files: string[];
  /**
   * By index of `files`: the path under the directory it was found in or, for a file named itself,
   * under the deepest folder holding every file named (`/`-separated; undefined: no such folder).
   */
  under: (string | undefined)[];
  /** Directories that could not be read or held no page dump. */
  problems: InputProblem[];
  /**
   * The directories walked whole, whose walk said nothing (no folder unreadable, no name that is not
   * UTF-8, some page dump found): every page dump in them is in `files`, so `export --update` may
   * take an output of a page under them that no file gives for an orphan.
   */
  walked: string[];
  /** The pattern the walks took their files by (see includes). */
  include: string;
}

/**
 * Whether a folder's walk takes a file, by its path under the folder (`/`-separated), as far as
 * the pattern says (a pattern without `/` matches the name at any depth).
 */
export function includes(include: string): (under: string) => boolean {
  const matcher = new Minimatch(include, { dot: false, matchBase: true });
  return (under) => matcher.match(under);
}

/**
 * About what a run holds on the heap for each input file from the walk to the end (its path, its
 * path under the folder, an export's output name and bookkeeping). Measured with files named in a
 * list, paths of 30 characters, and a heap limit of 153 MB: 450,000 files exported, 525,000 ran
 * out of memory, so ~300 bytes a file at the peak (with the list's text and copies not yet collected).
 */
export function inputBytes(file: string): number {
  return 100 + 4 * file.length;
}

/** The lines of a list file (`-`: standard input), one path each; empty lines skipped. */
export function readList(list: string): string[] {
  let text = fs.readFileSync(list === '-' ? 0 : list, 'utf8');
  // A list saved by Windows Notepad starts with a BOM, which would be part of the first path.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    // A path may begin or end with spaces: only a CRLF's CR is taken off.
    const p = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (p !== '') out.push(p);
  }
  return out;
}

/**
 * Each argument as it is, or, for a directory, the files under it that `include` matches (by their
 * path under it, `/`-separated; a pattern without `/` matches the name at any depth). Hidden files
 * and folders are skipped, and links to folders are not followed (no cycles); links to files are
 * taken. Anything else (a missing file, say) is passed on for the command to report when it reads it.
 * `onFound` hears the count of files so far, and the file, as a walk finds each (a big archive
 * takes a while); it may throw to stop the walk. What an export writes (`outputs`) is left out of
 * walks, so that an export into the archive never reads what it wrote (see isOutput).
 */
export function expandInputs(args: readonly string[], include = DEFAULT_INCLUDE, onFound?: (count: number, file: string) => void, outputs: ExportOutputs = {}): Inputs {
  const matcher = includes(include);
  const skip = outputs.out !== undefined || outputs.jsonl !== undefined ? outputs : undefined;
  const inputs: Inputs = { files: [], under: [], problems: [], walked: [], include };
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = fs.statSync(arg).isDirectory();
    } catch {
      // reported by the command, as for any file it cannot read
    }
    if (!isDir) {
      inputs.files.push(arg);
      inputs.under.push(undefined);
      continue;
    }
    const before = { files: inputs.files.length, problems: inputs.problems.length };
    walk(arg, '', matcher, inputs, skip, onFound);
    // A folder whose walk said something (unreadable, names not UTF-8) has said enough.
    if (inputs.problems.length === before.problems) {
      if (inputs.files.length === before.files) inputs.problems.push({ key: 'noDumps', file: arg, pattern: include });
      else inputs.walked.push(arg);
    }
  }
  underCommonFolder(inputs);
  return inputs;
}

/**
 * Gives each file named itself its path under the deepest folder that holds every file named, as a
 * folder's files have theirs under it. So `1950/01/p1.txt 1950/02/p1.txt` (or `find 1950 | …
 * --files-from -`) export to `01/p1.articles.json` and `02/p1.articles.json`, where their bare
 * names gave `p1.articles.json` and `p1-2.articles.json`, all in one folder. Files in one folder keep
 * their bare names. Paths on different Windows drives have no such folder: they keep their names.
 */
function underCommonFolder(inputs: Inputs): void {
  let common: string | undefined;
  const named: number[] = [];
  for (let i = 0; i < inputs.files.length; i++) {
    if (inputs.under[i] !== undefined) continue;
    named.push(i);
    const dir = path.dirname(path.resolve(inputs.files[i]));
    if (common === undefined) common = dir;
    else if (common !== '') common = commonFolder(common, dir);
  }
  if (!common) return;
  for (const i of named) inputs.under[i] = path.relative(common, path.resolve(inputs.files[i])).split(path.sep).join('/');
}

/** The deepest folder holding both absolute folders, '' when none does (other drives). */
function commonFolder(a: string, b: string): string {
  let c = a;
  while (b !== c && !b.startsWith(c.endsWith(path.sep) ? c : c + path.sep)) {
    const up = path.dirname(c);
    if (up === c) return '';
    c = up;
  }
  return c;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A name's bytes as text: ASCII as it is, other bytes as \xHH. */
function escapedName(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

const gb18030 = new TextDecoder('gb18030');

/**
 * The order `walk` finds files in, for `/`-separated paths under one folder: name by name, each
 * in code units (so `a/x` comes before `a-b`, though `-` sorts before `/`). The editor's workspace
 * export lists its files in this order, so that it names and links them as `newsprint export` does.
 */
export function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** Where an export writes: its --out folder, or its --jsonl file. */
export interface ExportOutputs {
  out?: string;
  jsonl?: string;
}

/**
 * A file an export with these outputs writes, or wrote before: the --jsonl file, or a
 * NAME.articles.json under the --out folder. (Not every file there: the outputs may go beside the
 * pages, `--out` the archive itself.)
 */
export function isOutput(file: string, outputs: ExportOutputs): boolean {
  const abs = path.resolve(file);
  if (outputs.jsonl !== undefined && abs === path.resolve(outputs.jsonl)) return true;
  if (outputs.out === undefined || !abs.endsWith('.articles.json')) return false;
  return isInside(path.relative(path.resolve(outputs.out), abs));
}

/**
 * A path relative to a folder (path.relative's answer) that lies inside it: not the folder itself,
 * not `..` or `../…` (`..2023/p1.txt` is inside), not on another drive.
 */
export function isInside(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Depth first, in name order (code units, not the locale's: the same order on every machine). */
function walk(root: string, rel: string, matcher: (under: string) => boolean, inputs: Inputs, skip: ExportOutputs | undefined, onFound?: (count: number, file: string) => void): void {
  const dir = rel === '' ? root : path.join(root, rel);
  let raw: fs.Dirent<Buffer>[];
  try {
    // As bytes: a name that is not UTF-8 would come back with U+FFFD in it, a path that opens nothing.
    raw = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    inputs.problems.push({ key: 'unreadable', file: dir, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
    return;
  }
  const entries = raw.map((e) => ({ e, name: e.name.toString('utf8'), utf8: isUtf8(e.name) })).sort(byName);
  for (const { e, name, utf8 } of entries) {
    if (name.startsWith('.')) continue;
    const sub = rel === '' ? name : `${rel}/${name}`;
    if (!utf8) {
      // Folders always (what is in them cannot be told), files that would be page dumps.
      if (e.isDirectory() || matcher(sub)) inputs.problems.push({ key: 'badName', file: path.join(dir, escapedName(e.name)), guess: gb18030.decode(e.name) });
      continue;
    }
    if (e.isDirectory()) walk(root, sub, matcher, inputs, skip, onFound);
    else if ((e.isFile() || (e.isSymbolicLink() && isFile(path.join(dir, name)))) && matcher(sub)) {
      const file = path.join(dir, name);
      if (skip && isOutput(file, skip)) continue;
      inputs.files.push(file);
      inputs.under.push(sub);
      onFound?.(inputs.files.length, file);
    }
  }
}

/** A file (or a link to one) is there. */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
