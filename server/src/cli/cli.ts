// `newsprint` — the command-line face of the core. Each command reads files, runs the same
// pipeline as the language server, and reports per file; one bad file never stops the others.
import { once } from 'node:events';
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { analyze } from '../core/analyze';
import { fixAllParts } from '../core/incremental';
import { ALL_RULES } from '../core/ruleLevels';
import { errorReason, isSimplifiedChinese, messagesFor, quotedList, t, type Messages } from '../core/messages';
import { positionAt } from '../core/parse';
import { rewritePage } from '../core/rewrite';
import type { RuleLevel, RuleSettings } from '../core/types';
import { VERSION } from '../version';
import { describeFileError, encodingArgs, fileFailure, readDump, writeAtomic, type ReadResult } from '../node/files';
import { DEFAULT_INCLUDE, expandInputs, inputBytes, readList, type ExportOutputs, type Inputs } from '../node/inputs';
import { defaultJobs, STDOUT } from '../node/batchExport';
import { runExport } from './export';
import { onInterrupt } from './interrupt';
import { breather } from '../node/breather';
import type { Io } from '../node/io';
import { progressLine } from './progress';


const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : undefined),
};

/** Whether messages go to a terminal (the process's stderr is one): progress lines show only there. */
const onTerminal = (io: Io) => io === stdio && process.stderr.isTTY === true;

class UsageError extends Error {}

function localeFromEnv(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

/** The messages of the run (its --locale), for what is said outside main. */
let said: Messages | undefined;

/** --locale's value, read before the options are (their errors are said in it too). */
function localeFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--locale') return argv[i + 1];
    if (argv[i].startsWith('--locale=')) return argv[i].slice('--locale='.length);
  }
  return undefined;
}

/** --locale: a language the messages are in (en, en-GB, zh-cn, zh-Hans…); another is said, not read as English. */
const knownLocale = (locale: string) => isSimplifiedChinese(locale) || /^en(?:[-_.@]|$)/i.test(locale);

/** Options that only some commands take (the others take every option not listed here). */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  write: ['fix', 'rewrite'],
  out: ['export'],
  jsonl: ['export'],
  jobs: ['export'],
  force: ['export'],
  update: ['export'],
  prune: ['export'],
};

/** An error of node:util parseArgs in the run's language; undefined when it is none. */
function parseArgsMessage(err: unknown, messages: Messages): string | undefined {
  if (!(err instanceof TypeError && 'code' in err)) return undefined;
  const code = String((err as { code: unknown }).code);
  if (!code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const option = /'(-[^' ]+)/.exec(err.message)?.[1];
  if (!option) return err.message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t(messages, 'cli.unknownOption', { option });
  if (/argument is ambiguous/.test(err.message)) return t(messages, 'cli.optionAmbiguous', { option });
  if (/argument missing/.test(err.message)) return t(messages, 'cli.optionNeedsValue', { option });
  return err.message;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  // An unknown --locale is said in the environment's language.
  const localeOf = (arg: string | undefined) => messagesFor(arg !== undefined && knownLocale(arg) ? arg : localeFromEnv());
  let messages = localeOf(localeFromArgs(argv));
  said = messages;
  try {
    // Options may come before the command too (`newsprint --locale zh-cn lint f`): the command is
    // the first argument that is not an option or an option's value.
    const { values, positionals: args } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rule: { type: 'string', multiple: true },
        locale: { type: 'string' },
        write: { type: 'boolean' },
        out: { type: 'string' },
        jsonl: { type: 'string' },
        jobs: { type: 'string' },
        force: { type: 'boolean' },
        update: { type: 'boolean' },
        prune: { type: 'boolean' },
        'files-from': { type: 'string' },
        include: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    const [command, ...positionals] = args;
    said = messages = localeOf(values.locale);
    if (values.version) {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (values.locale !== undefined && !knownLocale(values.locale)) throw new UsageError(t(messages, 'cli.badLocale', { value: values.locale }));
    if (command === 'help' || values.help) {
      io.out(`${t(messages, 'cli.usage')}\n`);
      return 0;
    }
    // No command at all is a mistake: the usage goes with it to stderr, not into a pipe.
    if (!command) {
      io.err(`${t(messages, 'cli.usage')}\n`);
      return 2;
    }
    const rules = parseRules(values.rule ?? [], messages);
    const locale = values.locale ?? localeFromEnv();
    if (!['lint', 'fix', 'rewrite', 'export'].includes(command)) throw new UsageError(t(messages, 'cli.unknownCommand', { command }));
    // An option for another command is a mistake to say (`rewrite --out fixed/` printed to stdout).
    for (const [option, commands] of Object.entries(COMMAND_OPTIONS)) {
      if ((values as Record<string, unknown>)[option] !== undefined && !commands.includes(command)) throw new UsageError(t(messages, 'cli.optionNotFor', { option: `--${option}`, command }));
    }
    // Checked before a walk that may take minutes.
    if (values.jobs !== undefined && !validJobs(values.jobs)) throw new UsageError(t(messages, 'cli.badJobs', { value: values.jobs }));
    if (command === 'export' && values.out && values.jsonl) throw new UsageError(t(messages, 'cli.outAndJsonl'));
    if (command === 'export' && values.update && !values.out) throw new UsageError(t(messages, 'cli.updateNeedsOut'));
    if (command === 'export' && values.update && values.force) throw new UsageError(t(messages, 'cli.updateAndForce'));
    if (command === 'export' && values.prune && !values.update) throw new UsageError(t(messages, 'cli.pruneNeedsUpdate'));
    const outputs = command === 'export' ? { out: values.out, jsonl: values.jsonl === STDOUT ? undefined : values.jsonl } : {};
    const inputs = gather(positionals, values['files-from'], values.include, outputs, messages, io);
    // Nothing to do: said why (a folder with no page dump in it), or no input was given at all.
    if (inputs.files.length === 0) {
      if (inputs.problems.length > 0) return 2;
      throw new UsageError(t(messages, 'cli.noFiles'));
    }
    const code = await runCommand(command, inputs, values, { rules, locale }, messages, io);
    return inputs.problems.length > 0 ? Math.max(2, code) : code;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`newsprint: ${err.message}\n`);
      return 2;
    }
    const parseError = parseArgsMessage(err, messages);
    if (parseError !== undefined) {
      io.err(`newsprint: ${parseError}\n`);
      return 2;
    }
    throw err;
  }
}

interface CommandValues {
  write?: boolean;
  out?: string;
  jsonl?: string;
  jobs?: string;
  force?: boolean;
  update?: boolean;
  prune?: boolean;
}

function runCommand(command: string, inputs: Inputs, values: CommandValues, opts: { rules: RuleSettings; locale?: string }, messages: Messages, io: Io): Promise<number> {
  const { files } = inputs;
  switch (command) {
    case 'lint':
      return lint(files, opts, messages, io);
    case 'fix':
      return fix(files, { ...opts, write: !!values.write }, messages, io);
    case 'rewrite':
      return rewrite(files, { ...opts, write: !!values.write }, messages, io);
    default: {
      if (files.length > 1 && !values.out && !values.jsonl) throw new UsageError(t(messages, 'cli.exportManyNeedTarget'));
      const jobs = values.jobs === undefined ? defaultJobs(files, Math.min(os.availableParallelism(), 64)) : Number(values.jobs);
      // No progress line when the lines go to stdout on the same terminal: they would run into it.
      const progress = onTerminal(io) && !(values.jsonl === STDOUT && process.stdout.isTTY);
      return runExport(
        { files, under: inputs.under, out: values.out, jsonl: values.jsonl, jobs, force: !!values.force, update: !!values.update, prune: !!values.prune, walked: inputs.walked, include: inputs.include, progress, opts: { ...opts, root: process.cwd(), version: VERSION } },
        messages,
        io,
      );
    }
  }
}

/** The files to work on: the arguments and the list's lines, folders walked; their problems said on stderr. */
function gather(args: string[], list: string | undefined, include: string | undefined, outputs: ExportOutputs, messages: Messages, io: Io): Inputs {
  let all = args;
  // What the run will hold for its files, against what the heap can: a batch too big for it is
  // refused as it is found, with the way round, rather than ending in a crash (out of memory).
  const room = INPUTS_HEAP_SHARE * getHeapStatistics().heap_size_limit;
  let need = 0;
  const count = (files: number, file: string) => {
    need += inputBytes(file);
    if (need > room) throw new UsageError(t(messages, 'cli.tooManyFiles', { count: files, need: Math.ceil(need / 1e6), limit: Math.floor(room / 1e6) }));
  };
  if (list !== undefined) {
    try {
      all = [...args, ...readList(list)];
    } catch (err) {
      throw new UsageError(t(messages, 'cli.badList', { file: list === '-' ? 'stdin' : list, detail: errorReason(messages, (err as NodeJS.ErrnoException).code ?? String(err)) }));
    }
    for (let k = args.length; k < all.length; k++) count(k - args.length + 1, all[k]);
  }
  // Walking an archive on a slow disk can take minutes: a terminal sees the count grow.
  const finding = onTerminal(io) ? progressLine(io, (found) => t(messages, 'cli.finding', { count: found })) : undefined;
  let inputs: Inputs;
  try {
    inputs = expandInputs(
      all,
      include ?? DEFAULT_INCLUDE,
      (found, file) => {
        count(found, file);
        finding?.tick(found, 0);
      },
      outputs,
    );
  } finally {
    finding?.clear();
  }
  for (const p of inputs.problems) {
    const said =
      p.key === 'noDumps'
        ? t(messages, 'cli.noDumps', { file: p.file, pattern: p.pattern })
        : p.key === 'badName'
          ? t(messages, 'cli.badName', { file: p.file, guess: p.guess })
          : fileFailure(messages, 'unreadable', p.file, p.detail);
    io.err(`newsprint: ${said}\n`);
  }
  return inputs;
}

/**
 * The share of the heap a run's files may take (see inputBytes): the rest is for the work on each
 * file (the analysis of a page holds about 13× it) and for what V8 needs to collect. With the
 * default heap here (4.3 GB) that is about 12 million files of 30-character paths; with a 153 MB
 * heap, 417,000 (450,000 fit, 525,000 did not).
 */
const INPUTS_HEAP_SHARE = 0.6;

/** Every rule `--rule` may name: line and document rules, and the structure rules of the analysis. */
const ALL_RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

/** --jobs: a whole number from 1 to 64. */
const validJobs = (value: string) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 64;

function parseRules(values: string[], messages: Messages): RuleSettings {
  const rules: RuleSettings = {};
  for (const v of values) {
    const parts = v.split('=');
    const [id, level] = parts;
    if (parts.length !== 2 || !id || !level || !LEVELS.includes(level as RuleLevel) || !(ALL_RULE_IDS as readonly string[]).includes(id)) {
      throw new UsageError(t(messages, 'cli.badRule', { value: v, rules: ALL_RULE_IDS.join(', ') }));
    }
    rules[id] = level as RuleLevel;
  }
  return rules;
}

/** Reads a file or reports why not; returns undefined on failure. `warn`: say when it is not valid UTF-8. */
function load(file: string, messages: Messages, io: Io, warn = true): ReadResult | undefined {
  try {
    const r = readDump(file);
    if (r.invalidUtf8 && warn) io.err(`newsprint: ${t(messages, 'cli.invalidUtf8', { file, ...encodingArgs(r.encoding) })}\n`);
    return r;
  } catch (err) {
    reportFileError(err, messages, io);
    return undefined;
  }
}

export function reportFileError(err: unknown, messages: Messages, io: Io): void {
  io.err(`newsprint: ${describeFileError(err, messages)}\n`);
}

async function lint(files: string[], opts: { rules: RuleSettings; locale?: string }, messages: Messages, io: Io): Promise<number> {
  let failed = false;
  let serious = false;
  for (const file of files) {
    const r = load(file, messages, io);
    if (!r) {
      failed = true;
      continue;
    }
    const { dump, findings } = analyze(r.text, opts);
    const bom = r.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const lines: string[] = [];
    // A BOM is no column an editor shows: line 1's columns count from after it.
    const at = (offset: number) => {
      const p = positionAt(dump, offset);
      return { line: p.line + 1, column: (p.line === 0 ? Math.max(0, p.character - bom) : p.character) + 1 };
    };
    for (const f of findings) {
      const p = at(f.start);
      // The first related location (the editor shows them all), which a message may point to: where a misplaced headline's article starts.
      const r = f.related?.[0];
      const related = r ? t(messages, 'cli.related', { ...at(r.start), message: r.message, count: f.related!.length - 1 }) : '';
      lines.push(`${file}:${p.line}:${p.column}: ${f.severity} ${f.rule} ${f.message}${related}`);
      if (f.severity === 'warning' || f.severity === 'error') serious = true;
    }
    if (lines.length) {
      io.out(`${lines.join('\n')}\n`);
      await io.drained?.();
    }
  }
  return failed ? 2 : serious ? 1 : 0;
}

/**
 * `fix` and `rewrite`: transform each file; print the result, or with --write replace the file
 * atomically (refusing if it changed since it was read) and say what happened on stderr.
 */
async function transformFiles(
  files: string[],
  write: boolean,
  transform: (text: string, file: string) => string,
  said: { changed: (file: string) => string; unchanged: (file: string) => string },
  messages: Messages,
  io: Io,
): Promise<number> {
  let failed = false;
  // With --write, Ctrl-C stops between files: the file being written is finished, none is started.
  const interrupt = write ? onInterrupt(() => io.err(`${t(messages, 'cli.stopping')}\n`)) : undefined;
  const breathe = breather();
  try {
    for (let k = 0; k < files.length; k++) {
      const file = files[k];
      if (interrupt) {
        const pause = breathe();
        if (pause) await pause;
        if (interrupt.cancel.requested) {
          io.err(`${t(messages, 'cli.stoppedFiles', { done: k, total: files.length })}\n`);
          return interrupt.exitCode;
        }
      }
      const r = load(file, messages, io, !write);
      if (!r) {
        failed = true;
        continue;
      }
      // Its invalid bytes were read as U+FFFD: writing the text back would lose them for good.
      if (write && r.invalidUtf8) {
        io.err(`newsprint: ${t(messages, 'cli.invalidUtf8NotWritten', { file, ...encodingArgs(r.encoding) })}\n`);
        failed = true;
        continue;
      }
      const text = transform(r.text, file);
      if (!write) {
        io.out(text);
        await io.drained?.();
        continue;
      }
      if (text === r.text) {
        io.err(`${said.unchanged(file)}\n`);
        continue;
      }
      try {
        writeAtomic(file, text, { expectSha256: r.sha256 });
        io.err(`${said.changed(file)}\n`);
      } catch (err) {
        reportFileError(err, messages, io);
        failed = true;
      }
    }
  } finally {
    interrupt?.dispose();
  }
  return failed ? 2 : 0;
}

function fix(files: string[], opts: { rules: RuleSettings; locale?: string; write: boolean }, messages: Messages, io: Io): Promise<number> {
  let count = 0;
  return transformFiles(
    files,
    opts.write,
    (text, file) => {
      // Part by part, as the editor's fix-all: see fixAllParts.
      const result = fixAllParts(text, opts);
      count = result.fixedCount;
      if (result.left > 0) io.err(`${t(messages, 'cli.fixLeft', { file, passes: result.passes, count: result.left })}\n`);
      return result.text;
    },
    { changed: (file) => t(messages, 'cli.fixed', { file, count }), unchanged: (file) => t(messages, 'cli.unchanged', { file }) },
    messages,
    io,
  );
}

function rewrite(files: string[], opts: { rules: RuleSettings; locale?: string; write: boolean }, messages: Messages, io: Io): Promise<number> {
  return transformFiles(
    files,
    opts.write,
    (text, file) => {
      const r = rewritePage(text, opts);
      // Said on stderr: stdout may be the rewritten text.
      if (r.skippedText.length) io.err(`newsprint: ${t(messages, 'cli.rewriteSkipped', { file, count: r.skippedText.length, texts: quotedList(messages, r.skippedText) })}\n`);
      return r.text;
    },
    { changed: (file) => t(messages, 'cli.rewritten', { file }), unchanged: (file) => t(messages, 'cli.alreadyRewritten', { file }) },
    messages,
    io,
  );
}

if (require.main === module) {
  // The reader went away (`newsprint lint archive | head`): stop quietly, as a pipe's writer does.
  // Any other failure (a full disk under `> report.txt`) is said, with the exit code of a file that
  // could not be written.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    const messages = said ?? messagesFor(localeFromEnv());
    process.stderr.write(`newsprint: ${t(messages, 'cli.stdoutFailed', { detail: errorReason(messages, err.code ?? err.message) })}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`newsprint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
