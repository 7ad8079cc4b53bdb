// Fuzzing the real server (dist/server.js over stdio), in push mode and in pull mode (with the text
// in small chunks, and pages cut into parts every few lines): random
// documents and random edit sequences (insert, delete, paste of sample fragments, undo-like
// reversals), sent as incremental didChange notifications, interleaved with every request the server
// advertises. A local mirror of the text (TextDocument) checks each answer:
// - every returned range lies inside the document (as the mirror has it at that version);
// - every code action's edit (resolved first when it has none) is non-overlapping, inside the
//   document, and applies cleanly;
// - no request fails, the server logs no error, and it is still running at the end;
// - in pull mode, the diagnostics are what the core finds analysing the whole text at once.
//
// Budget: NEWSPRINT_FUZZ_RUNS runs per mode (default 40, each at most 15 steps); `npm run fuzz` runs
// 2000. A failure prints fast-check's shrunk counterexample and seed (replay with NEWSPRINT_FUZZ_SEED).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from '../helpers/fc';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticKey, findingKey } from '../helpers/edits';
import { SAMPLE } from '../helpers/rules';
import { analyze } from '../../server/src/core/analyze';
import { softLimits } from '../../server/src/core/softPages';
import { isPreview, SERVER, SERVER_EXEC_ARGV, stopServer, withTimeout } from '../helpers/lsp';

const RUNS = Number(process.env.NEWSPRINT_FUZZ_RUNS ?? 40);
/** The pull-mode server's soft-break distances (NEWSPRINT_SOFT_MIN; max is three times min, see server.ts). */
const SERVER_SOFT_LIMITS = { min: 60, max: 180 };
const SEED = process.env.NEWSPRINT_FUZZ_SEED ? Number(process.env.NEWSPRINT_FUZZ_SEED) : undefined;
const MAX_STEPS = 15;
const TIMEOUT = 15_000;

// ---- the client ---------------------------------------------------------------------------------

interface FuzzClient {
  conn: MessageConnection;
  proc: ChildProcess;
  caps: InitializeResult['capabilities'];
  errors: string[];
  published: PublishDiagnosticsParams[];
  /** Resolves at the next publishDiagnostics notification. */
  nextPublish(): Promise<void>;
  stop(): Promise<void>;
}

async function start(pull: boolean): Promise<FuzzClient> {
  // In pull mode the server keeps its text in chunks of 64 units, so that edits cross chunks, and
  // cuts pages into parts every few lines (softPages.ts), so that edits move the cuts. In both, a
  // first analysis runs a page a slice (see DocumentStore.analysisInSlices), so that edits and
  // requests arrive while it runs.
  const sliced = { ...process.env, NEWSPRINT_SLICE_MS: '0' };
  const env = pull ? { ...sliced, NEWSPRINT_TEXT_CHUNK: '64', NEWSPRINT_SOFT_MIN: String(SERVER_SOFT_LIMITS.min) } : sliced;
  const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const reader = new StreamMessageReader(proc.stdout!);
  reader.partialMessageTimeout = 0; // see startClient (helpers/lsp.ts)
  const conn = createMessageConnection(reader, new StreamMessageWriter(proc.stdin!));
  const errors: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  proc.stderr!.on('data', (b: Buffer) => errors.push(`stderr: ${b.toString()}`));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/semanticTokens/refresh', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(`logMessage: ${p.message}`);
  });
  let waiters: (() => void)[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  });
  conn.listen();
  const init = (await withTimeout(
    conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      capabilities: {
        // Pull mode: the server may answer with the pages done so far and ask to pull again.
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: {
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          synchronization: { didSave: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor', 'refactor.rewrite'] } },
            resolveSupport: { properties: ['edit'] },
            dataSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false, insertReplaceSupport: true } },
          semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
      },
    }),
    TIMEOUT,
  )) as InitializeResult;
  await conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    caps: init.capabilities,
    errors,
    published,
    nextPublish: () => new Promise<void>((r) => waiters.push(r)),
    stop: () => stopServer(conn, proc),
  };
}

// ---- checks -------------------------------------------------------------------------------------

function lineLength(doc: TextDocument, line: number): number {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r\n$|\r$|\n$/, '').length;
}

function assertPosition(doc: TextDocument, p: { line: number; character: number }, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: bad position ${JSON.stringify(p)}`);
  assert.ok(p.line < doc.lineCount, `${what}: line ${p.line} past the end (${doc.lineCount} lines, v${doc.version})`);
  assert.ok(p.character <= lineLength(doc, p.line), `${what}: character ${p.character} past the end of line ${p.line} (${lineLength(doc, p.line)} long, v${doc.version})`);
}

function assertRange(doc: TextDocument, r: Range | undefined, what: string): void {
  assert.ok(r, `${what}: no range`);
  assertPosition(doc, r.start, `${what} start`);
  assertPosition(doc, r.end, `${what} end`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: range ends before it starts ${JSON.stringify(r)}`);
}

/** The edits of a workspace edit for our document: inside it, non-overlapping; returns the new text. */
function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit, what: string): string {
  const edits: TextEdit[] = [];
  for (const [uri, list] of Object.entries(edit.changes ?? {})) {
    assert.equal(uri, doc.uri, `${what}: edit for another document`);
    edits.push(...list);
  }
  for (const dc of edit.documentChanges ?? []) {
    assert.ok('textDocument' in dc && dc.textDocument.uri === doc.uri, `${what}: unexpected document change`);
    if (dc.textDocument.version !== null && dc.textDocument.version !== undefined) assert.equal(dc.textDocument.version, doc.version, `${what}: edit for another version`);
    for (const e of dc.edits) edits.push(e as TextEdit);
  }
  for (const e of edits) assertRange(doc, e.range, `${what} edit`);
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i].start >= spans[i - 1].end, `${what}: overlapping edits ${JSON.stringify(spans[i - 1])} and ${JSON.stringify(spans[i])}`);
  }
  return TextDocument.applyEdits(doc, edits);
}

function checkSymbols(doc: TextDocument, list: (DocumentSymbol | SymbolInformation)[] | null): void {
  const walk = (s: DocumentSymbol | SymbolInformation, path: string) => {
    if ('location' in s) return assertRange(doc, s.location.range, `symbol ${path}`);
    assertRange(doc, s.range, `symbol ${path}`);
    assertRange(doc, s.selectionRange, `symbol ${path} selectionRange`);
    const r0 = doc.offsetAt(s.range.start);
    const r1 = doc.offsetAt(s.range.end);
    assert.ok(doc.offsetAt(s.selectionRange.start) >= r0 && doc.offsetAt(s.selectionRange.end) <= r1, `symbol ${path}: selectionRange outside range`);
    s.children?.forEach((c, i) => walk(c, `${path}/${i}`));
  };
  (list ?? []).forEach((s, i) => walk(s, String(i)));
}

function checkSemanticTokens(doc: TextDocument, tokens: SemanticTokens | null): void {
  const data = tokens?.data ?? [];
  assert.equal(data.length % 5, 0, 'semantic tokens: data is not a multiple of 5');
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, ds, len] = data.slice(i, i + 3);
    line += dl;
    char = dl === 0 ? char + ds : ds;
    assert.ok(line < doc.lineCount, `semantic token ${i / 5}: line ${line} past the end`);
    assert.ok(len >= 0 && char + len <= lineLength(doc, line), `semantic token ${i / 5}: ${line}:${char}+${len} past the end of its line (${lineLength(doc, line)})`);
  }
}

function checkCompletion(doc: TextDocument, r: CompletionItem[] | CompletionList | null): void {
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  for (const it of items) {
    const te = it.textEdit;
    if (te && 'range' in te) assertRange(doc, te.range, `completion ${it.label}`);
    if (te && 'insert' in te) {
      assertRange(doc, te.insert, `completion ${it.label} insert`);
      assertRange(doc, te.replace, `completion ${it.label} replace`);
    }
    for (const e of it.additionalTextEdits ?? []) assertRange(doc, e.range, `completion ${it.label} additional edit`);
  }
}

// ---- the model ----------------------------------------------------------------------------------

const sampleLines = readFileSync(SAMPLE, 'utf8').split('\n');
const SPECIALS = ['\n', '\n', '\n\n', '\r\n', '\r', '\f', '\u0000', '\u0007', '\ufffd\ufffd\ufffd', '\ud800', '\udc00', '😀', 'e\u0301', '\u05e9\u05dc\u05d5\u05dd', 'مرحبا', '\u200f', '%% headline', '%% bogus-directive 42', '%%', '%% continued-to', '%% #', ' ', '  ', '\t', '\u3000', '\ufeff', 'TTIIRR 跨跨境境运运输输', '心 的、关 注 您 所', '8 月 26 日', '□记者 何光翠 报道', '本报讯  8 月 26 日', '扎扎实实', '-', 'infor-', 'mation'];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.nat(sampleLines.length - 1).chain((i) => fc.tuple(fc.constant(sampleLines[i]), fc.nat(), fc.nat()).map(([l, a, b]) => l.slice(Math.min(a, b) % (l.length + 1), Math.max(a, b) % (l.length + 1) || l.length))) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.nat(sampleLines.length - 5).map((i) => `${sampleLines.slice(i, i + 5).join('\n')}\n`) },
);
const docText = fc.array(fragment, { maxLength: 40, size: 'large' }).map((parts) => parts.join(''));
const frac = fc.double({ min: 0, max: 1, noNaN: true });

type Step =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'paste'; at: number; text: string }
  | { op: 'undo' }
  | { op: 'none' };
type Ask = { req: 'diagnostics' } | { req: 'codeAction'; a: number; b: number; fixAll: boolean } | { req: 'diagActions'; fixAll: boolean } | { req: 'symbols' } | { req: 'folding' } | { req: 'hover'; at: number } | { req: 'tokens' } | { req: 'completion'; at: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: frac, text: fragment }),
  fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('paste' as const), at: frac, text: fc.nat(sampleLines.length - 12).chain((i) => fc.integer({ min: 1, max: 12 }).map((n) => sampleLines.slice(i, i + n).join('\n'))) }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'none' as const }),
);
const ask: fc.Arbitrary<Ask> = fc.oneof(
  fc.constant({ req: 'diagnostics' as const }),
  fc.record({ req: fc.constant('codeAction' as const), a: frac, b: frac, fixAll: fc.boolean() }),
  fc.record({ req: fc.constant('diagActions' as const), fixAll: fc.boolean() }),
  fc.constant({ req: 'symbols' as const }),
  fc.constant({ req: 'folding' as const }),
  fc.record({ req: fc.constant('hover' as const), at: frac }),
  fc.constant({ req: 'tokens' as const }),
  fc.record({ req: fc.constant('completion' as const), at: frac }),
);
const scenario = fc.record({ text: docText, steps: fc.array(fc.record({ edit: step, asks: fc.array(ask, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: MAX_STEPS, size: 'large' }) });

const OK_ERRORS = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

async function request<T>(c: FuzzClient, method: string, params: unknown): Promise<T | undefined> {
  stats.requests++;
  try {
    return (await withTimeout(c.conn.sendRequest(method, params), TIMEOUT)) as T;
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code !== undefined && OK_ERRORS.has(code)) return undefined;
    throw new Error(`${method} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * The pulled diagnostics are what the core finds in the whole text (the server's incremental
 * analysis, over chunked text and moving cuts, must agree with it), unless the diagnostics limit
 * left some out. Positions are compared as offsets in the mirror.
 */
function assertWholeTextDiagnostics(doc: TextDocument, ds: Diagnostic[], limits: typeof softLimits = SERVER_SOFT_LIMITS): void {
  if (ds.some((d) => d.code === 'limit' && /^Showing/.test(d.message))) return;
  const text = doc.getText();
  const saved = { ...softLimits };
  Object.assign(softLimits, limits);
  let expected: string[];
  try {
    const round = (o: number) => doc.offsetAt(doc.positionAt(o)); // an offset inside a CRLF is the position before its LF
    expected = analyze(text, { rules: {}, locale: 'en' }).findings.map((f) => findingKey({ ...f, start: round(f.start), end: round(f.end) }));
  } finally {
    Object.assign(softLimits, saved);
  }
  const actual = ds.filter((d) => d.code !== 'limit').map((d) => diagnosticKey(doc, d));
  if (isPreview(ds)) {
    // Those of the pages done so far (see previewDiagnostics): some of the whole text's.
    const all = new Set(expected);
    for (const a of actual) assert.ok(all.has(a), `preview diagnostic of v${doc.version} not in the whole-text analysis: ${a}`);
    return;
  }
  assert.deepEqual([...actual].sort(), [...expected].sort(), `diagnostics of v${doc.version} differ from the whole-text analysis`);
}

let uriCounter = 0;
const stats = { requests: 0, actions: 0, resolved: 0, edits: 0, previews: 0 };

async function runScenario(c: FuzzClient, pull: boolean, sc: { text: string; steps: { edit: Step; asks: Ask[] }[] }): Promise<void> {
  const uri = `file:///fuzz/${pull ? 'pull' : 'push'}-${++uriCounter}.pagedump`;
  let doc = TextDocument.create(uri, 'pagedump', 1, sc.text);
  const versions = new Map<number, TextDocument>([[1, doc]]);
  const undo: { start: number; end: number; text: string }[] = [];
  let lastDiagnostics: Diagnostic[] = [];
  c.published.length = 0;
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pagedump', version: 1, text: sc.text } });

  const change = async (start: number, end: number, text: string, record: boolean) => {
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const removed = doc.getText().slice(start, end);
    const version = doc.version + 1;
    doc = TextDocument.update(TextDocument.create(uri, 'pagedump', doc.version, doc.getText()), [{ range, text }], version);
    versions.set(version, doc);
    if (record) undo.push({ start, end: start + text.length, text: removed });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  };
  const offset = (f: number) => Math.min(doc.getText().length, Math.floor(f * (doc.getText().length + 1)));

  const checkActions = async (actions: (CodeAction | Command)[] | null | undefined, what: string) => {
    for (const a of actions ?? []) {
      if (!('kind' in a) && 'command' in a && typeof a.command === 'string') continue; // a bare Command
      let action = a as CodeAction;
      stats.actions++;
      if (!action.edit && action.data !== undefined && c.caps.codeActionProvider && typeof c.caps.codeActionProvider === 'object' && c.caps.codeActionProvider.resolveProvider) {
        action = (await request<CodeAction>(c, 'codeAction/resolve', action)) ?? action;
        stats.resolved++;
      }
      for (const d of action.diagnostics ?? []) assertRange(doc, d.range, `${what} "${action.title}" diagnostic`);
      if (action.edit) {
        applyWorkspaceEdit(doc, action.edit, `${what} "${action.title}"`);
        stats.edits++;
      }
    }
  };

  for (const { edit, asks } of sc.steps) {
    const len = doc.getText().length;
    if (edit.op === 'insert' || edit.op === 'paste') {
      const at = offset(edit.at);
      await change(at, at, edit.text, true);
    } else if (edit.op === 'delete' && len > 0) {
      const at = offset(edit.at);
      await change(at, Math.min(len, at + edit.len), '', true);
    } else if (edit.op === 'undo' && undo.length > 0) {
      const u = undo.pop()!;
      await change(u.start, u.end, u.text, false);
    }
    for (const q of asks) {
      switch (q.req) {
        case 'diagnostics':
          if (!pull) break;
          {
            const r = await request<{ kind: string; items?: Diagnostic[] }>(c, 'textDocument/diagnostic', { textDocument: { uri } });
            if (r?.kind === 'full') lastDiagnostics = r.items ?? [];
            if (r?.kind === 'full' && isPreview(lastDiagnostics)) stats.previews++;
            for (const d of lastDiagnostics) assertRange(doc, d.range, `diagnostic ${String(d.code)}`);
            assertWholeTextDiagnostics(doc, lastDiagnostics);
          }
          break;
        case 'codeAction': {
          const a = offset(Math.min(q.a, q.b));
          const b = offset(Math.max(q.a, q.b));
          const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
          const r = await request<(CodeAction | Command)[]>(c, 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...(q.fixAll ? { only: ['source.fixAll'] } : {}) } });
          await checkActions(r, 'code action (range)');
          break;
        }
        case 'diagActions': {
          // The diagnostics of the current version: pulled, or the last ones published for it.
          let ds: Diagnostic[] = [];
          if (pull) {
            const r = await request<{ kind: string; items?: Diagnostic[] }>(c, 'textDocument/diagnostic', { textDocument: { uri } });
            ds = r?.kind === 'full' ? (r.items ?? []) : lastDiagnostics;
            lastDiagnostics = ds;
          } else {
            ds = [...c.published].reverse().find((p) => p.uri === uri && p.version === doc.version)?.diagnostics ?? [];
          }
          for (const d of ds.slice(0, 5)) {
            assertRange(doc, d.range, `diagnostic ${String(d.code)}`);
            const r = await request<(CodeAction | Command)[]>(c, 'textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(q.fixAll ? { only: ['source.fixAll'] } : {}) } });
            await checkActions(r, `code action (${String(d.code)})`);
          }
          break;
        }
        case 'symbols':
          if (c.caps.documentSymbolProvider) checkSymbols(doc, (await request<(DocumentSymbol | SymbolInformation)[] | null>(c, 'textDocument/documentSymbol', { textDocument: { uri } })) ?? null);
          break;
        case 'folding':
          if (c.caps.foldingRangeProvider) {
            for (const f of (await request<FoldingRange[] | null>(c, 'textDocument/foldingRange', { textDocument: { uri } })) ?? []) {
              assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding range ${JSON.stringify(f)} outside ${doc.lineCount} lines`);
            }
          }
          break;
        case 'hover':
          if (c.caps.hoverProvider) {
            const h = await request<Hover | null>(c, 'textDocument/hover', { textDocument: { uri }, position: doc.positionAt(offset(q.at)) });
            if (h?.range) assertRange(doc, h.range, 'hover');
          }
          break;
        case 'tokens':
          if (c.caps.semanticTokensProvider) checkSemanticTokens(doc, (await request<SemanticTokens | null>(c, 'textDocument/semanticTokens/full', { textDocument: { uri } })) ?? null);
          break;
        case 'completion':
          if (c.caps.completionProvider) checkCompletion(doc, (await request<CompletionItem[] | CompletionList | null>(c, 'textDocument/completion', { textDocument: { uri }, position: doc.positionAt(offset(q.at)) })) ?? null);
          break;
      }
    }
  }

  if (!pull) {
    // The final version gets its diagnostics (not only those of the pages done so far: see
    // previewDiagnostics); every published set fits the version it names.
    const deadline = Date.now() + TIMEOUT;
    const isFinal = (p: PublishDiagnosticsParams) => p.uri === uri && p.version === doc.version && !isPreview(p.diagnostics);
    while (!c.published.some(isFinal)) {
      assert.ok(Date.now() < deadline, `no diagnostics published for v${doc.version} within ${TIMEOUT} ms`);
      await withTimeout(c.nextPublish(), Math.max(1, deadline - Date.now())).catch(() => undefined);
    }
    // The push-mode server cuts pages at the default distances.
    assertWholeTextDiagnostics(doc, c.published.filter(isFinal).at(-1)!.diagnostics, { ...softLimits });
    for (const p of c.published) {
      if (p.uri !== uri || p.version === undefined) continue;
      const v = versions.get(p.version);
      assert.ok(v, `diagnostics for unknown version ${p.version}`);
      for (const d of p.diagnostics) assertRange(v, d.range, `published diagnostic ${String(d.code)} (v${p.version})`);
    }
  }
  await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(c.proc.exitCode, null, 'the server is still running');
  assert.deepEqual(c.errors, [], 'the server logged no errors');
}

for (const pull of [false, true]) {
  describe(`fuzzing the server (${pull ? 'pull' : 'push'} diagnostics)`, () => {
    let c: FuzzClient;
    before(async () => {
      c = await start(pull);
    });
    after(() => c.stop());

    test(`${RUNS} random documents and edit sequences: ranges inside the document, edits apply, no errors${pull ? ", diagnostics as the whole-text analysis finds them" : ""}`, async () => {
      let cases = 0;
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(scenario, async (sc) => {
          cases++;
          steps += sc.steps.length;
          await runScenario(c, pull, sc);
        }),
        // No `seed: undefined`: it would override the fixed seed of ../helpers/fc with a random one.
        SEED === undefined ? { numRuns: RUNS } : { numRuns: RUNS, seed: SEED },
      );
      console.log(`fuzz (${pull ? 'pull' : 'push'}): ${cases} cases run, ${steps} steps, ${stats.requests} requests, ${stats.actions} code actions (${stats.resolved} resolved, ${stats.edits} edits applied), ${stats.previews} early answers with the pages done so far`);
      Object.assign(stats, { requests: 0, actions: 0, resolved: 0, edits: 0 });
      assert.ok(cases >= RUNS);
    });
  });
}
