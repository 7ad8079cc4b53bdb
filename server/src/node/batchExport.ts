// The batch export: `newsprint export FILE|DIR… [--out DIR | --jsonl FILE] [--jobs N] [--force]`,
// and the editor's workspace export (newsprint/exportBatch). Files are exported by jobs (worker threads, or this thread for --jobs 1). Results are taken in
// input order, which fixes the output names; continuations are linked within each issue (a folder)
// as soon as its last file is taken, so a batch of millions of pages keeps one issue's link data
// at a time. With --out each job writes its own outputs atomically: a page with no continued
// article as soon as it is named; a continued one, once named, to a temp file beside its target,
// renamed over it once its issue is linked (patched first if a link was found), so writing runs in
// parallel and no page waits in memory. With --jsonl the main thread appends each file's lines to
// a temp file as they come, keeping only the byte range and the found links of continued pages;
// at the end those ranges are patched while the temp is copied to the target (see Spool). One
// unreadable or unwritable file is reported and the rest go on; the exit code says whether any failed.
// With --update (--out only) the issues whose outputs are all up to date are named and passed over.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { issueOf, linkContinuations, type LinkableDoc } from '../core/continuations';
import { t, type Messages } from '../core/messages';
import { OutputNames } from '../core/outputNames';
import { changedLevels } from '../core/ruleLevels';
import { breather } from './breather';
import { encodingArgs, fileFailure, makeFolder, removeQuietly, removeStaleTemps, sha256, Spool, type SpoolEdit } from './files';
import { rootIdOf, sourcePath, type ExportFileOptions } from './exportFile';
import { includes, isFile, isInside } from './inputs';
import {
  ExportJob,
  failure,
  linkedIdsOf,
  patchLinks,
  type BatchFormat,
  type ExportReply,
  type ExportTask,
  type Failure,
  type FromJob,
  type ToJob,
  type WriteOrder,
  type WriteReply,
} from './exportJob';
import type { Io } from './io';

/**
 * Input per job when `--jobs` is not given: each job's V8 spends about half a second of CPU warming
 * up on the core's code, so on the benchmark VM a second job pays off from about 3,000 sample
 * pages (29 MB: 2,000 pages took 1.31–1.39 s with one job and 1.40–1.44 s with two, 3,000 pages
 * 1.78–1.89 s and 1.80–1.87 s, 4,000 pages 2.13–2.24 s and 1.95–2.02 s). It was 1,500 pages while
 * a page took longer to analyse.
 */
export const BYTES_PER_JOB = 16_000_000;

/** Jobs for a batch when `--jobs` is not given: one per BYTES_PER_JOB of input, at least one, at most `cores`. */
export function defaultJobs(files: readonly string[], cores: number): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // unreadable: reported when exported
    }
    if (bytes >= cores * BYTES_PER_JOB) return cores;
  }
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_JOB)));
}

/** `--jsonl -`: the lines go to standard output, each file's as soon as it is final. */
export const STDOUT = '-';

export interface ExportArgs {
  files: string[];
  /** By index of `files`: the path under the folder it was found in (or under the named files' common folder), which --out mirrors (see OutputNames). */
  under?: readonly (string | undefined)[];
  out?: string;
  jsonl?: string;
  jobs: number;
  force: boolean;
  opts: ExportFileOptions;
  /** Targets that may be replaced though `force` is off: the editor asked about them. */
  overwrite?: ReadonlySet<string>;
  /** Worker threads even for one job, so that the calling thread stays free (the language server). */
  threads?: boolean;
  /**
   * --out only: export only the issues (folders) with a page whose output is missing, older than
   * the page, or not this version's output of it; those issues' outputs are replaced, the rest kept.
   */
  update?: boolean;
  /**
   * --update only: remove the orphan outputs (see `walked`), and export their folders' issues
   * again, so that no link is left pointing at them. Without it they are only said. A set: only
   * those of them in it (the editor's user agreed to remove these); the others are said.
   */
  prune?: boolean | ReadonlySet<string>;
  /**
   * --update: folders walked whole (every page in them the include takes is in `files`), whose
   * tree --out mirrors. Only outputs of their pages are orphans (found by `source.path`, in the
   * folder of --out that mirrors the page's, any folder of it): those whose page is gone (deleted,
   * renamed, a folder deleted or renamed whole), left out by `include`, or given another name by
   * this run. An output of a page that is still there and that the include takes is none, whatever
   * `files` holds (the editor's search leaves excluded folders out); nor is another run's (files
   * named, another folder, mirrored otherwise), or any with no `walked`.
   */
  walked?: readonly string[];
  /**
   * --update: the pattern the walks took their pages by; the outputs of pages it leaves out are
   * orphans. Without it (the editor, whose own search lists the pages), only the outputs of pages
   * that are gone are.
   */
  include?: string;
}

/** What the caller of `exportBatch` hears as it goes; each is optional. */
export interface BatchHooks {
  /** A file that could not be exported or written (default: said on stderr). */
  failed?: (f: Failure, message: string) => void;
  /** A file exported with a warning (not valid UTF-8; default: said on stderr). */
  warned?: (file: string, message: string) => void;
  /** An output written, by its path. */
  written?: (target: string) => void;
  /** Files taken so far. */
  tick?: (done: number, total: number) => void;
  /** Stops the batch: no file is started after it, and files already written stay. */
  cancel?: Cancel;
}

export interface Cancel {
  readonly requested: boolean;
  onRequested(listener: () => void): void;
}

export interface BatchOutcome {
  docs: number;
  articles: number;
  /** The findings the outputs count as left to fix (their `diagnostics`). */
  problems: number;
  /** Pages whose articles reached the target (their output written, or their lines in --jsonl's), and those that did not. */
  written: number;
  failed: number;
  /** Temps of interrupted exports removed from the target folders. */
  stale: number;
  /** --update: files whose issue was up to date, not exported again, and those issues. */
  skipped: number;
  skippedIssues: number;
  /** --update: outputs no page of the batch gives any more, left as they are. */
  orphans: string[];
  /** --update with `prune`: those removed. */
  pruned: string[];
  /** --update with `prune`: some of those were in folders that still have pages, exported again for it. */
  prunedAgain: boolean;
  cancelled: boolean;
}

/** A page's output file under --out (see OutputNames): `under` is its path under the folder it was found in, or named in (see inputs.ts). */
function outputName(names: OutputNames, under: string | undefined, file: string): string {
  return path.join(...names.name(under ?? path.basename(file)).split('/'));
}

/**
 * The files an export to `out` writes, in input order: every file takes its name, exported or not
 * (one that fails too), so the names depend only on the list. The editor asks about those that
 * exist before it starts; --update compares them with their pages.
 */
export function plannedTargets(files: readonly string[], under: readonly (string | undefined)[], out: string): string[] {
  return plannedNames(files, under).map((name) => path.join(out, name));
}

/** The files' names under --out (see plannedTargets). */
function plannedNames(files: readonly string[], under: readonly (string | undefined)[]): string[] {
  const names = new OutputNames();
  return files.map((file, i) => outputName(names, under[i], file));
}

/** What --update leaves out, and the outputs it may replace. */
interface UpdatePlan {
  skip: Set<number>;
  overwrite: Set<string>;
  /** Every file's name under --out, as the batch would give it (it takes these instead). */
  names: string[];
  /** Issues left as they are. */
  kept: number;
  /** Temps a killed export left in the folders of the issues left as they are (removed). */
  stale: number;
  /** Outputs no page of the batch gives any more, left as they are. */
  orphans: string[];
  /** Those removed (`prune`). */
  pruned: string[];
  /** Some of those were in folders with pages of the batch, whose issues go again for it. */
  prunedAgain: boolean;
}

/**
 * The issues (folders, as linking groups them) an --update exports: those with a page whose output
 * is missing, older than the page, or not this version's output of this page under these rule
 * levels (its `source.path`, `generator.version` and `generator.rules`, read from the file's head;
 * and its `source.sha256` when the times are close). A whole issue goes, so that its continuations
 * are linked as in a full export.
 */
function planUpdate(args: ExportArgs & { out: string }): UpdatePlan {
  const { files, opts } = args;
  const names = plannedNames(files, args.under ?? []);
  const targets = names.map((name) => path.join(args.out, name));
  const sources = files.map((file) => sourcePath(file, opts.root));
  const issues = sources.map(issueOf);
  const rules = JSON.stringify(changedLevels(opts.rules) ?? null);
  const stale = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    if (!stale.has(issues[i]) && !upToDate(targets[i], files[i], sources[i], opts.version, rules)) stale.add(issues[i]);
  }
  // Outputs beside the planned ones that no page gives any more (a page deleted or renamed): said,
  // or with `prune` removed and their folders' issues exported again (a partner's link to a page
  // that is gone would stay, its issue up to date by every time).
  // By folder, the files whose outputs go there (indices: a batch of millions holds a number each,
  // and each folder's names only while it is looked at).
  const byDir = new Map<string, number[]>();
  for (let i = 0; i < files.length; i++) {
    const dir = path.dirname(targets[i]);
    const list = byDir.get(dir);
    if (list) list.push(i);
    else byDir.set(dir, [i]);
  }
  const orphans: string[] = [];
  const pruned: string[] = [];
  let prunedAgain = false;
  const pruning = (f: string) => args.prune === true || (!!args.prune && args.prune.has(f));
  const takes = args.include === undefined ? undefined : includes(args.include);
  // A folder's names not planned there that are Newsprint outputs of a page of the folders walked,
  // mirrored here, that the batch does not give here any more (see ExportArgs.walked). The same
  // rule with planned pages in the folder (`inDir`) or without: other runs may have written here too.
  const lookAt = (dir: string, names: string[], inDir: number[] | undefined) => {
    const planned = new Set(inDir?.map((i) => path.basename(targets[i])));
    // The folder's pages in the batch, as their outputs' source.path resolves (made when needed).
    let pages: Set<string> | undefined;
    for (const n of names) {
      if (n.startsWith('.') || !n.endsWith('.articles.json') || planned.has(n)) continue;
      const orphan = path.join(dir, n);
      const source = outputSource(orphan, opts.rootId);
      if (source === undefined) continue;
      const page = path.resolve(args.opts.root, source);
      const under = walkedPath(args, dir, page);
      if (under === undefined) continue;
      pages ??= new Set(inDir?.map((i) => path.resolve(files[i])));
      // A page still there that the walk takes, not in the batch (the editor's search left it out),
      // or in it under another name here: only the latter's output is an orphan.
      if (!pages.has(page) && isFile(page) && (!takes || takes(under))) continue;
      if (!pruning(orphan)) {
        orphans.push(orphan);
        continue;
      }
      pruned.push(orphan);
      if (inDir) {
        prunedAgain = true;
        for (const i of inDir) stale.add(issues[i]);
      }
    }
  };
  // Folders walked: all of --out mirrors them, so all of it is looked at, a folder with no page left
  // included (and a folder planned that the look passes over, a link to a folder). Files named
  // alone have no orphans: an output not planned is not theirs.
  if (args.walked?.length) {
    const seen = new Set<string>();
    // (--out as the targets' folders spell it: path.join keeps a trailing separator unless a name follows)
    outputFolders(path.dirname(path.join(args.out, 'x')), (dir, names) => {
      seen.add(dir);
      lookAt(dir, names, byDir.get(dir));
    });
    for (const [dir, inDir] of byDir) {
      if (seen.has(dir)) continue;
      try {
        lookAt(dir, fs.readdirSync(dir), inDir);
      } catch {
        // no such folder yet
      }
    }
  }
  prune(pruned, args.out);
  const plan: UpdatePlan = { skip: new Set(), overwrite: new Set(), names, kept: new Set(issues).size - stale.size, stale: 0, orphans, pruned, prunedAgain };
  const swept = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    if (!stale.has(issues[i])) {
      plan.skip.add(i);
      // The batch clears the folders it writes into of temps a killed export left; those of the
      // issues it leaves alone are cleared here (`--out` itself is, by the batch).
      const dir = path.dirname(targets[i]);
      if (!swept.has(dir) && path.resolve(dir) !== path.resolve(args.out)) {
        swept.add(dir);
        plan.stale += removeStaleTemps(dir, isOutputName);
      }
    } else if (fs.existsSync(targets[i])) plan.overwrite.add(targets[i]);
  }
  return plan;
}

/**
 * Each folder under `top` (itself first), depth first, with the names of its files; hidden folders
 * and links to folders are passed over, as the walk of the pages passes them.
 */
function outputFolders(top: string, visit: (dir: string, names: string[]) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(top, { withFileTypes: true });
  } catch {
    return;
  }
  visit(top, entries.filter((e) => !e.isDirectory()).map((e) => e.name));
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) outputFolders(path.join(top, e.name), visit);
}

/**
 * The path of an output's page (`page`, its `source.path` resolved) under the folder walked that
 * holds it, `/`-separated, when `dir` is the folder of --out that mirrors the page's there: an
 * output of a page elsewhere, or mirrored otherwise (another run, `export archive/a` into what
 * `export archive` wrote), is not this run's to say (undefined).
 */
function walkedPath(args: ExportArgs & { out: string }, dir: string, page: string): string | undefined {
  const mirrored = path.relative(path.resolve(args.out), path.resolve(dir)) || '.';
  for (const w of args.walked ?? []) {
    const under = path.relative(path.resolve(w), page);
    if (isInside(under) && path.dirname(under) === mirrored) return under.split(path.sep).join('/');
  }
  return undefined;
}


/**
 * Removes the orphan outputs, then the folders that this left empty, up to --out (not it): those of
 * an issue deleted whole. A folder that holds anything else, or was empty before, stays.
 */
function prune(orphans: readonly string[], out: string): void {
  const emptied = new Set<string>();
  for (const f of orphans) {
    removeQuietly(f);
    emptied.add(path.dirname(f));
  }
  const top = path.resolve(out);
  for (let dir of emptied) {
    while (isInside(path.relative(top, path.resolve(dir)))) {
      try {
        fs.rmdirSync(dir); // only an empty folder
      } catch {
        break;
      }
      dir = path.dirname(dir);
    }
  }
}

const HEAD_BYTES = 4096;
/** An output's head: its version, the rule levels it was made with (when not the defaults), its source path, sha256 and root id. */
const HEAD = /^\{\s*"schema": "[^"]*",\s*"generator": \{\s*"name": "newsprint",\s*"version": ("(?:[^"\\]|\\.)*")(?:,\s*"rules": (\{[^{}]*\}))?\s*\},\s*"source": \{\s*"path": ("(?:[^"\\]|\\.)*"),\s*"sha256": "([0-9a-f]{64})",\s*"pages": \d+(?:,\s*"rootId": "([0-9a-f]{16})")?/;
/**
 * A page changed this close before its output was written may have changed after it was read
 * (edited while the export ran): its bytes are compared with the output's `source.sha256`.
 */
const CLOSE_MS = 2000;

/** `rules`: the JSON of the rule levels this export records (changedLevels, or null for the defaults). */
function upToDate(target: string, file: string, source: string, version: string, rules: string): boolean {
  const out = fs.statSync(target, { throwIfNoEntry: false });
  const page = fs.statSync(file, { throwIfNoEntry: false });
  if (!out || !page || out.mtimeMs < page.mtimeMs) return false;
  try {
    const m = HEAD.exec(readHead(target));
    if (!m || JSON.parse(m[1]) !== version || JSON.parse(m[3]) !== source || JSON.stringify(m[2] ? JSON.parse(m[2]) : null) !== rules) return false;
    return out.mtimeMs - page.mtimeMs >= CLOSE_MS || sha256(fs.readFileSync(file)) === m[4];
  } catch {
    return false;
  }
}

/**
 * The `source.path` a Newsprint output records in its head, if it was made from the export root
 * `rootId` names; undefined for any other file (an output of another root, or older than root ids).
 */
function outputSource(file: string, rootId: string | undefined): string | undefined {
  try {
    const m = HEAD.exec(readHead(file));
    return m && m[5] !== undefined && m[5] === rootId ? (JSON.parse(m[3]) as string) : undefined;
  } catch {
    return undefined;
  }
}

/** The first HEAD_BYTES of a file, as text. */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    return buf.toString('utf8', 0, fs.readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** A file that failed, said to the caller (`hooks.failed`) or on stderr. */
function tellFailure(f: Failure, messages: Messages, io: Io, hooks: BatchHooks): void {
  const message = fileFailure(messages, f.key, f.file, f.detail);
  if (hooks.failed) hooks.failed(f, message);
  else io.err(`newsprint: ${message}\n`);
}

/** Where a file's output was computed, and so who writes it. */
interface Owner {
  /** A continued page is named: it goes to a temp file beside its target until `write`. */
  stage(order: WriteOrder): void;
  write(order: WriteOrder): void;
}

/** The names of the files an export writes (a temp of one of them is an export's). */
const isOutputName = (name: string) => /\.jsonl?$/.test(name);

/** What stays of a stdout output once said: its slot, without its text. */
const SAID = { text: '', final: true } as const;

/** The batch's bookkeeping in the main thread: takes export results in input order, orders writes, counts. */
class Batch {
  docs = 0;
  articles = 0;
  problems = 0;
  failed = 0;
  written = 0;
  skipped = 0;
  private ordered = 0;
  private answered = 0;
  private readonly waiting: ({ reply: ExportReply; owner: Owner } | undefined)[];
  private next = 0;
  private readonly names = new OutputNames();
  /** --out: subfolders made (and cleared of stale temps) for mirrored names. */
  readonly folders = new Set<string>();
  /** Temps of interrupted exports removed from those subfolders. */
  stale = 0;
  /**
   * Continued pages taken whose issue (their folder: links never cross one) still has files to
   * come, with what to do once it is linked. An issue is linked as soon as its last file is taken,
   * so what waits in memory is one issue's worth, not the batch's.
   */
  private readonly open = new Map<string, { link: LinkableDoc | undefined; then: () => void }[]>();
  /** The index of each issue's last file in the batch. */
  private readonly lastOfIssue = new Map<string, number>();
  /** --jsonl: the patches of continued pages that linking found a link for. */
  private readonly edits: SpoolEdit[] = [];
  /**
   * Stdout (one file's JSON, or `--jsonl -`): the outputs in input order, each said once it is
   * final (a continued page's when its issue is linked), so that at most an issue's wait here.
   */
  private readonly texts: { text: string; final: boolean }[] = [];
  private said = 0;
  private linked = false;
  /** Targets of the writes ordered and not yet answered, when the caller hears of each written. */
  private readonly targets = new Map<number, string>();
  onSettled = () => {};

  constructor(
    private readonly args: ExportArgs,
    private readonly messages: Messages,
    private readonly io: Io,
    private readonly hooks: BatchHooks,
    private readonly spool?: Spool,
    /** --update: the files not exported (their issue is up to date), and every file's name. */
    private readonly plan?: UpdatePlan,
  ) {
    this.waiting = new Array(args.files.length);
    for (let i = 0; i < args.files.length; i++) this.lastOfIssue.set(this.issueAt(i), i);
  }

  /** The issue of the batch's file i, as linking finds it from the exported source.path. */
  private issueAt(i: number): string {
    return issueOf(sourcePath(this.args.files[i], this.args.opts.root));
  }

  exported(reply: ExportReply, owner: Owner): void {
    this.waiting[reply.index] = { reply, owner };
    this.advance();
  }

  /** Takes the files in input order as far as their replies have come, passing over the skipped ones. */
  private advance(): void {
    while (this.next < this.args.files.length) {
      if (this.plan?.skip.has(this.next)) {
        this.next++;
        this.skipped++;
        this.hooks.tick?.(this.next, this.args.files.length);
        continue;
      }
      const w = this.waiting[this.next];
      if (!w) return;
      this.waiting[this.next++] = undefined;
      this.take(w.reply, w.owner);
    }
  }

  /** --out: file i's output, relative to it (taken in input order, by every file; planned ones by --update). */
  private outputName(i: number): string | undefined {
    if (!this.args.out) return undefined;
    return this.plan ? this.plan.names[i] : outputName(this.names, this.args.under?.[i], this.args.files[i]);
  }

  private take(r: ExportReply, owner: Owner): void {
    const issue = this.issueAt(r.index);
    this.takeOne(r, issue, owner);
    this.hooks.tick?.(this.next, this.args.files.length);
    // The issue's last file: its continued pages are linked now (a failed file can be the last).
    if (this.lastOfIssue.get(issue) === r.index) this.close(issue);
  }

  private takeOne(r: ExportReply, issue: string, owner: Owner): void {
    const name = this.outputName(r.index);
    if (!r.ok) {
      this.failed++;
      tellFailure(r, this.messages, this.io, this.hooks);
      return;
    }
    const file = this.args.files[r.index];
    if (r.invalidUtf8) {
      const message = t(this.messages, 'cli.invalidUtf8', { file, ...encodingArgs(r.encoding) });
      if (this.hooks.warned) this.hooks.warned(file, message);
      else this.io.err(`newsprint: ${message}\n`);
    }
    this.docs++;
    this.articles += r.articles;
    this.problems += r.problems;
    const link = r.link;
    if (this.spool) {
      const { offset, length } = this.spool.append(r.text!);
      if (link)
        this.wait(link, () => {
          const ids = linkedIdsOf(link);
          // Nothing found to link: the lines already say null, and with no edit at all there is no copy.
          if (ids.some((id) => id !== null)) this.edits.push({ offset, length, edit: (text) => patchLinks(text, ids, 'jsonl') });
        });
      return;
    }
    if (!this.args.out) {
      const d = { text: r.text!, final: !link };
      this.texts.push(d);
      if (link)
        this.wait(link, () => {
          d.text = patchLinks(d.text, linkedIdsOf(link), this.args.jsonl ? 'jsonl' : 'json');
          d.final = true;
          this.sayTexts();
        });
      else this.sayTexts();
      return;
    }
    if (name === undefined) return;
    if (path.dirname(name) !== '.') this.folder(path.join(this.args.out, path.dirname(name)));
    const target = path.join(this.args.out, name);
    const order: WriteOrder = { index: r.index, target, overwrite: this.args.force || !!this.args.overwrite?.has(target) };
    if (link) {
      owner.stage(order);
      this.wait(link, () => this.order({ ...order, linkedIds: linkedIdsOf(link) }, owner));
    } else if (this.lastOfIssue.get(issue) !== r.index) {
      // The issue has files to come: its page is staged too, and every page of it written when it is
      // linked, so that an export stopped before then leaves none of the issue written (and
      // `--update` redoes it whole), not some pages new beside others' old links to them.
      owner.stage(order);
      this.waitIssue(issue, undefined, () => this.order(order, owner));
    } else this.order(order, owner);
  }

  /** Resolves once stdout's reader has taken what it was given, when it has not (see Io.drained). */
  drained(): Promise<void> | undefined {
    return this.args.out || this.spool ? undefined : this.io.drained?.();
  }

  /** Stdout: the outputs final so far that are not said yet, in input order. */
  private sayTexts(): void {
    while (this.said < this.texts.length && this.texts[this.said].final) {
      this.io.out(this.texts[this.said].text);
      this.texts[this.said++] = SAID;
    }
  }

  private wait(link: LinkableDoc, then: () => void): void {
    this.waitIssue(issueOf(link.source.path), link, then);
  }

  /** `then` when the issue is linked (every file of it taken); `link`: a continued page to link. */
  private waitIssue(issue: string, link: LinkableDoc | undefined, then: () => void): void {
    const list = this.open.get(issue);
    if (list) list.push({ link, then });
    else this.open.set(issue, [{ link, then }]);
  }

  /** Links an issue's continued pages (every file of it taken) and does what each waited for. */
  private close(issue: string): void {
    const list = this.open.get(issue);
    if (!list) return;
    this.open.delete(issue);
    const links: LinkableDoc[] = [];
    for (const w of list) if (w.link) links.push(w.link);
    linkContinuations(links);
    for (const w of list) w.then();
  }

  /**
   * A subfolder of --out, made before its first write is ordered, and cleared of temps an
   * interrupted export left there (as --out itself is at the start). If it cannot be made, the
   * writes into it fail and say so.
   */
  private folder(dir: string): void {
    if (this.folders.has(dir)) return;
    this.folders.add(dir);
    try {
      makeFolder(dir);
    } catch {
      return;
    }
    this.stale += removeStaleTemps(dir, isOutputName);
  }

  private order(order: WriteOrder, owner: Owner): void {
    this.ordered++;
    if (this.hooks.written) this.targets.set(order.index, order.target);
    owner.write(order);
  }

  /** Every file exported and taken: every issue is linked by now (closes any left, to be sure). */
  link(): void {
    this.advance(); // the skipped files after the last exported one
    for (const issue of [...this.open.keys()]) this.close(issue);
    this.linked = true;
    this.checkSettled();
  }

  writeDone(r: WriteReply): void {
    this.answered++;
    const target = this.targets.get(r.index);
    this.targets.delete(r.index);
    if (r.ok) {
      this.written++;
      if (target !== undefined) this.hooks.written?.(target);
    } else {
      this.failed++;
      tellFailure(r, this.messages, this.io, this.hooks);
    }
    this.checkSettled();
  }

  /**
   * The spool's patches, in offset order (Spool.finish copies forward): each continued page's lines
   * get their linkedIds (call after link). Issues are linked in the order their last files come,
   * which is not the order their lines were spooled in when the files of issues interleave.
   */
  spoolEdits(): SpoolEdit[] {
    return this.edits.sort((a, b) => a.offset - b.offset);
  }

  /** Every file exported and linked, and every write ordered has been answered. */
  get settled(): boolean {
    return this.linked && this.answered === this.ordered;
  }

  private checkSettled(): void {
    if (this.settled) this.onSettled();
  }
}

/** The task of each file, made when it is sent: a batch of millions of files holds only their names. */
type Tasks = { count: number; at: (index: number) => ExportTask };

/** Resolves with true when cancelled: no file is started after the cancel, and those written stay. */
async function runInProcess(batch: Batch, tasks: Tasks, cancel?: Cancel): Promise<boolean> {
  const job = new ExportJob();
  const owner: Owner = { stage: (order) => job.stage(order), write: (order) => batch.writeDone(job.write(order)) };
  // Now and then the event loop runs: a Ctrl-C's handler sets `cancel`.
  const breathe = breather();
  for (let i = 0; i < tasks.count; i++) {
    const pause = breathe();
    if (pause) await pause;
    if (cancel?.requested) return true;
    // Not copied as a worker's reply is: the link's headlines may be slices that pin the page's
    // text, but only until its issue is linked (cloning every continued page cost ~6% of the export).
    batch.exported(job.export(tasks.at(i)), owner);
    // Stdout read more slowly than written (`--jsonl - | slow`): wait for it, not pile lines up.
    const drained = batch.drained();
    if (drained) await drained;
  }
  batch.link();
  return false;
}

/**
 * How long a cancelled export waits for its jobs to answer what they were sent (a few pages each, so
 * milliseconds) before it stops them where they are.
 */
const STOP_MS = 2000;

/**
 * Resolves once every write is answered (with false), or when cancelled (with true): no file is
 * started after the cancel, each job answers what it was already sent, writes included, and stops,
 * so that the files written are all counted (a job stopped in the middle left files on disk that the
 * count missed); past STOP_MS the jobs are stopped where they are.
 */
function runInWorkers(batch: Batch, tasks: Tasks, jobs: number, cancel?: Cancel): Promise<boolean> {
  let next = 0;
  let exported = 0;
  const workers: Worker[] = [];
  const stops: (() => void)[] = [];
  // Messages carry several files: each message wakes the other thread, and on a busy machine that
  // costs more than the small page it carries (about a tenth of the time, 10,000 pages on 2 cores).
  // Few enough per message that the jobs still finish together.
  const chunk = Math.max(1, Math.min(16, Math.floor(tasks.count / (jobs * 8))));
  return new Promise<boolean>((resolve, reject) => {
    batch.onSettled = () => resolve(false);
    let running = 0;
    cancel?.onRequested(() => {
      setTimeout(() => resolve(true), STOP_MS).unref();
      for (const stop of stops) stop();
    });
    const feed = (w: Worker) => {
      const end = Math.min(tasks.count, next + chunk);
      if (next >= end || cancel?.requested) return;
      const messages: ToJob[] = [];
      for (; next < end; next++) messages.push({ kind: 'export', ...tasks.at(next) });
      w.postMessage(messages);
    };
    for (let k = 0; k < Math.min(jobs, tasks.count); k++) {
      const w = new Worker(path.join(__dirname, 'export-worker.js'));
      workers.push(w);
      running++;
      // Write orders made in one turn of the event loop go out together, in the order made (a
      // continued page's stage before its write).
      let orders: ToJob[] = [];
      const send = (m: ToJob) => {
        if (orders.length === 0) {
          setImmediate(() => {
            const out = orders;
            orders = [];
            w.postMessage(out);
          });
        }
        orders.push(m);
      };
      const owner: Owner = {
        stage: (order) => send({ kind: 'stage', ...order }),
        write: (order) => send({ kind: 'write', ...order }),
      };
      // After the write orders already made for it.
      stops.push(() => send({ kind: 'stop' }));
      w.on('message', (replies: FromJob[]) => {
        let fed = false;
        for (const m of replies) {
          if (m.kind === 'write') {
            batch.writeDone(m);
            continue;
          }
          if (m.kind === 'stopped') {
            if (--running === 0) resolve(true);
            continue;
          }
          // Cancelled: what a job exported after it is not written (its staged temps are removed).
          if (cancel?.requested) continue;
          // One batch of files answered: send the next (two in flight, so a worker never idles while a batch crosses over).
          if (!fed) {
            fed = true;
            // Stdout read more slowly than written: the next files wait for it.
            const drained = batch.drained();
            if (drained) void drained.then(() => feed(w));
            else feed(w);
          }
          batch.exported(m, owner);
          if (++exported === tasks.count) batch.link();
        }
      });
      w.on('error', reject);
      feed(w);
      feed(w);
    }
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
}

/**
 * Exports a batch (see the top of this file); undefined when it could not start (the target
 * cannot be made, or --jsonl's exists), said through `hooks.failed` or on stderr. Without --out or
 * --jsonl the outputs go to `io.out`.
 */
export async function exportBatch(args: ExportArgs, messages: Messages, io: Io, hooks: BatchHooks = {}): Promise<BatchOutcome | undefined> {
  // The outputs of --out record their root, for a later --update to know its own (rootIdOf).
  if (args.out && args.opts.rootId === undefined) args = { ...args, opts: { ...args.opts, rootId: rootIdOf(args.opts.root) } };
  const { files, opts } = args;
  const format: BatchFormat = args.jsonl ? 'jsonl' : 'json';
  const refuse = (f: Failure) => {
    tellFailure(f, messages, io, hooks);
    return undefined;
  };
  if (args.out) {
    try {
      makeFolder(args.out);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // EEXIST: the path is a file.
      const key = code === 'EEXIST' ? 'notAFolder' : 'cannotMake';
      return refuse({ index: -1, ok: false, key, file: args.out, detail: code ?? String(err) });
    }
  }
  let spool: Spool | undefined;
  const toStdout = args.jsonl === STDOUT;
  if (args.jsonl && !toStdout) {
    // An existing target is refused before any work, not after hours of it.
    try {
      spool = new Spool(args.jsonl, args.force || !!args.overwrite?.has(args.jsonl));
    } catch (err) {
      return refuse(failure(-1, args.jsonl, err));
    }
  }
  // Temps an export killed before it could rename them left in the target folder (see removeStaleTemps).
  const targetDir = args.out ?? (args.jsonl && !toStdout ? path.dirname(path.resolve(args.jsonl)) : undefined);
  const plan = args.update && args.out ? planUpdate({ ...args, out: args.out }) : undefined;
  const stale = (targetDir ? removeStaleTemps(targetDir, isOutputName) : 0) + (plan?.stale ?? 0);
  if (stale > 0) io.err(`newsprint: ${t(messages, 'cli.staleTemps', { count: stale, dir: targetDir ?? '' })}\n`);
  if (plan) args = { ...args, overwrite: new Set([...(args.overwrite ?? []), ...plan.overwrite]) };
  const batch = new Batch(args, messages, io, hooks, spool, plan);
  // The files to export, by their index in the batch.
  const order = plan ? files.map((_, i) => i).filter((i) => !plan.skip.has(i)) : undefined;
  const tasks: Tasks = {
    count: order ? order.length : files.length,
    at: (k) => {
      const index = order ? order[k] : k;
      return { index, file: files[index], opts, format, keep: !!args.out };
    },
  };
  let cancelled = false;
  try {
    if (tasks.count === 0) batch.link();
    else if (!args.threads && (args.jobs <= 1 || tasks.count === 1)) cancelled = await runInProcess(batch, tasks, hooks.cancel);
    else cancelled = await runInWorkers(batch, tasks, Math.max(1, args.jobs), hooks.cancel);
  } catch (err) {
    spool?.abort();
    throw err;
  }
  const outcome = (): BatchOutcome => ({
    docs: batch.docs,
    articles: batch.articles,
    problems: batch.problems,
    written: batch.written,
    failed: batch.failed,
    stale: stale + batch.stale,
    skipped: batch.skipped,
    skippedIssues: plan?.kept ?? 0,
    orphans: plan?.orphans ?? [],
    pruned: plan?.pruned ?? [],
    prunedAgain: plan?.prunedAgain ?? false,
    cancelled,
  });
  if (cancelled) {
    // The jobs have stopped: the temps they staged for issues not linked yet (or, stopped past
    // STOP_MS, were writing) are this process's and are removed.
    spool?.abort();
    if (args.out) for (const dir of [args.out, ...batch.folders]) removeStaleTemps(dir, isOutputName, true);
    return outcome();
  }

  // `written` and `failed` count pages, as with --out: one JSON Lines output holds every page exported.
  if (spool) {
    try {
      spool.finish(batch.spoolEdits());
      batch.written = batch.docs;
      hooks.written?.(args.jsonl!);
    } catch (err) {
      batch.failed += batch.docs;
      refuse(failure(-1, args.jsonl!, err));
    }
  } else if (!args.out) {
    // Said as they came (see Batch.texts).
    batch.written = batch.docs;
  }
  if (batch.stale > 0) io.err(`newsprint: ${t(messages, 'cli.staleTemps', { count: batch.stale, dir: args.out ?? '' })}\n`);
  return outcome();
}
