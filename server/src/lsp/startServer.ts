// The language server: diagnostics (pull when the client supports it, else push), quick fixes
// carried in diagnostic.data, fix-all per rule and source.fixAll.newsprint, the article outline
// features, and the export and rewrite requests. Analysis is incremental per page (see
// core/incremental.ts); nothing here keeps fix state.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentContentChangeEvent,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type WorkDoneProgressServerReporter,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { fixAllSteps, fixableCount, type ChangeWindow, type IncrementalDocument } from '../core/incremental';
import { MAX_PASSES } from '../core/fix';
import { rewritePage } from '../core/rewrite';
import { messagesFor, ruleName, t, type Messages } from '../core/messages';
import type { RuleId } from '../core/types';
import { fixEdits, toTextEdit, type DiagnosticData } from './convert';
import { boundedDiagnostics, previewDiagnostics } from './diagnostics';
import { DocumentStore, type Entry, type GarbageBudget } from './documentStore';
import { registerExportRequests } from './exportRequests';
import { SettingsCache, type Settings } from './settings';
import { registerStructureFeatures, structureActions, structureCapabilities } from './structure';
import { LineDocument, lineDocuments, textBytes } from './textDocument';
import { yielder } from './yielder';

/** Where a change put `text` in place of [start, oldEnd): what the analysis has to look at again. */
const changeWindow = (start: number, oldEnd: number, text: string): ChangeWindow => ({ start, oldEnd, newEnd: start + text.length });

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsprint`;
/** Nothing received for this long ends a burst of typing (see `settled`). */
const QUIET_MS = 1000;
/**
 * The analysis of a big text runs in slices of about this long, with a turn of the event loop
 * between them (changes and requests are taken meanwhile), and the diagnostics of the pages done
 * after the first slice are sent ahead of the rest (see DocumentStore.analysisInSlices).
 */
export const SLICE_MS = 50;

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: DocumentStore;
  settings: SettingsCache;
  messages: () => Messages;
  locale: () => string | undefined;
  /**
   * The up-to-date analysis of an open document (undefined when closed or cancelled); `onSlice`:
   * see DocumentStore.analysisInSlices.
   */
  entry: (uri: string, isCancelled?: () => boolean, onSlice?: (inc: IncrementalDocument) => void) => Promise<Entry | undefined>;
}

export interface StartOptions {
  /** A full garbage collection (globalThis.gc under node --expose-gc, see launch.ts). */
  gc?: () => void;
  /** When typing makes a collection due (tests; see GARBAGE_BUDGET). */
  budget?: GarbageBudget;
  /** Length of a slice of analysis (default SLICE_MS; tests set 0 to slice at every page). */
  sliceMs?: number;
  /**
   * Calls `listener` whenever input arrives, before it is read as a message: over stdio, the
   * data of stdin (see `answered`). Without it, the input is not seen before it is read.
   */
  input?: (listener: () => void) => void;
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  let messages: Messages = messagesFor(undefined);
  let locale: string | undefined;
  let configurationSupport = false;
  let pullSupport = false;
  let refreshSupport = false;
  let registerSupport = false;
  let resolveEditSupport = false;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const settings = new SettingsCache(connection, () => configurationSupport);
  const store = new DocumentStore(() => locale, options.gc, undefined, options.budget);
  // Apply the editor's changes one by one, noting where each landed, so the analysis of a big
  // dump only looks at the pages an edit touched. Documents are LineDocuments (compact line starts).
  const documents = new TextDocuments<TextDocument>({
    create: lineDocuments.create,
    update(doc, changes, version) {
      // A multi-edit sent last edit first (Fix All) goes as one batch (see LineDocument.lastFirst).
      const offsets = doc instanceof LineDocument ? doc.lastFirst(changes) : undefined;
      if (doc instanceof LineDocument && offsets) {
        // A big batch (the editor applying a Fix All of a whole dump) came in a message about three
        // times as long as its text, garbage now: collected before the new text is made.
        let units = 0;
        for (const c of changes) units += c.text.length;
        store.collectAfter(units);
        doc.applyLastFirst(changes, offsets, version);
        const dropped = doc.takeDropped();
        const size = textBytes(doc);
        changes.forEach((c, k) => store.noteChange(doc.uri, changeWindow(offsets[2 * k], offsets[2 * k + 1], c.text), k === 0 ? dropped : 0, size));
        return doc;
      }
      for (const c of changes) {
        const before = textBytes(doc);
        const window = TextDocumentContentChangeEvent.isIncremental(c) ? changeWindow(doc.offsetAt(c.range.start), doc.offsetAt(c.range.end), c.text) : null;
        doc = lineDocuments.update(doc, [c], version);
        // A LineDocument knows what the change dropped (a chunk or two); other texts are copied whole.
        store.noteChange(doc.uri, window, doc instanceof LineDocument ? doc.takeDropped() : before, textBytes(doc));
      }
      return doc;
    },
  });

  async function entry(uri: string, isCancelled: () => boolean = () => false, onSlice?: (inc: IncrementalDocument) => void): Promise<Entry | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const s = await settings.get(uri);
    return store.analysisInSlices(doc, s.rules, settings.generation, isCancelled, sliceMs, onSlice);
  }

  const ctx: ServerContext = { connection, documents, store, settings, messages: () => messages, locale: () => locale, entry };

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    messages = messagesFor(locale);
    configurationSupport = !!params.capabilities.workspace?.configuration;
    pullSupport = !!params.capabilities.textDocument?.diagnostic;
    refreshSupport = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    registerSupport = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    resolveEditSupport = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite],
        resolveProvider: true,
      },
      diagnosticProvider: pullSupport ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      ...structureCapabilities(),
    };
    return { capabilities, serverInfo: { name: 'newsprint' } };
  });

  /** A failed request to the client, logged (a client may not implement it, or may be closing). */
  const said = (what: string) => (err: unknown) => connection.console.error(`newsprint: ${what} failed: ${String(err)}`);

  /** Asks the client to pull diagnostics again, when it said it can be asked. */
  const refresh = () => {
    if (refreshSupport) connection.sendRequest(DiagnosticRefreshRequest.type).catch(said('diagnostics refresh'));
  };

  connection.onInitialized(() => {
    // Ask to be told when our section changes, so settings apply live. (A request the client may
    // fail: every one the server sends is caught, as an unhandled rejection would end the process.)
    if (configurationSupport && registerSupport) connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsprint' }).catch(said('registering for settings changes'));
  });

  /**
   * The diagnostics of a document as of its current version. When its analysis takes more than a
   * slice, `early` gets those of the pages done after the first one (see previewDiagnostics).
   */
  async function diagnosticsOf(uri: string, isCancelled?: () => boolean, early?: (preview: { version: number; items: Diagnostic[] }) => void) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const s = await settings.get(uri);
    // Once per version: the analysis goes on with a newer version when the document changes.
    let previewed = -1;
    const progress = analysisProgress(uri);
    const onSlice = (inc: IncrementalDocument) => {
      progress.report(inc);
      if (!early || previewed === doc.version) return;
      const items = previewDiagnostics(doc, inc, s.maxDiagnostics, messages);
      if (!items) return;
      previewed = doc.version;
      early({ version: doc.version, items });
    };
    const e = await entry(uri, isCancelled, onSlice).finally(() => progress.done());
    if (!e || e.version !== doc.version) return undefined;
    return { version: e.version, generation: e.generation, items: boundedDiagnostics(doc, e.inc, e.inc.changedAt, s.maxDiagnostics, messages) };
  }

  /**
   * The editor's progress indicator while an analysis runs in slices (a big text's first one):
   * begun at the first slice, with the share of its pages done.
   */
  function analysisProgress(uri: string): { report: (inc: IncrementalDocument) => void; done: () => void } {
    let reporter: Promise<WorkDoneProgressServerReporter> | undefined;
    let ended = false;
    const ignore = () => undefined;
    return {
      report(inc) {
        const pending = inc.pending;
        if (!pending || ended) return;
        const percentage = Math.floor((100 * pending.done) / Math.max(1, pending.segments.length));
        if (reporter) {
          void reporter.then((r) => ended || r.report(percentage), ignore);
          return;
        }
        // A no-op reporter when the client shows no progress (the library checks its capability).
        reporter = connection.window.createWorkDoneProgress();
        void reporter.then((r) => ended || r.begin('Newsprint', percentage, t(messages, 'progress.analysing', { file: Utils.basename(URI.parse(uri)) })), ignore);
      },
      done() {
        ended = true;
        void reporter?.then((r) => r.done(), ignore);
      },
    };
  }

  // Garbage of editing (each change drops the text it replaced, see DocumentStore): collected once
  // the budget is spent, when the server is idle (diagnostics sent, no change since), and after a
  // burst of typing (nothing received for QUIET_MS) to bring the RSS back down.
  let idle: NodeJS.Immediate | undefined;
  function settled(): void {
    if (idle || !store.garbageDue()) return;
    idle = setImmediate(() => {
      idle = undefined;
      if (scheduled.size === 0) store.collectIfDue();
    });
  }
  const quiet = setTimeout(() => store.collectQuiet(), QUIET_MS);
  quiet.unref();
  function changed(): void {
    if (idle) clearImmediate(idle);
    idle = undefined;
    quiet.refresh();
  }

  // Push mode: analyse once the queue of changes is drained; a newer version makes older work moot.
  const scheduled = new Set<string>();
  /** Per document, the version and settings generation whose diagnostics were sent last. */
  const pushed = new Map<string, string>();
  function schedulePush(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    setImmediate(() => {
      scheduled.delete(uri);
      const early = (p: { version: number; items: Diagnostic[] }) => {
        pushed.delete(uri);
        void connection.sendDiagnostics({ uri, version: p.version, diagnostics: p.items });
      };
      diagnosticsOf(uri, undefined, early).then(
        (r) => {
          // A push for a newer version may have waited for this analysis: each is sent once.
          const key = r && `${r.version}:${r.generation}`;
          if (r && documents.get(uri)?.version === r.version && pushed.get(uri) !== key) {
            pushed.set(uri, key!);
            void connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.items });
            settled();
          }
        },
        (err: unknown) => connection.console.error(`newsprint: diagnostics failed for ${uri}: ${String(err)}`),
      );
    });
  }

  documents.onDidChangeContent((e) => {
    changed();
    if (!pullSupport) schedulePush(e.document.uri);
  });
  documents.onDidClose((e) => {
    changed();
    store.delete(e.document.uri, textBytes(e.document));
    pushed.delete(e.document.uri);
    settings.forget(e.document.uri);
    if (!pullSupport) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.clear(change?.settings);
    store.clear();
    if (pullSupport) refresh();
    else for (const doc of documents.all()) schedulePush(doc.uri);
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    if (!documents.get(params.textDocument.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      // When the analysis takes more than a slice and the client can be asked to pull again, the
      // diagnostics of the pages done so far answer at once; the rest follow with a refresh.
      let answered = false;
      let answer: (p: { version: number; items: Diagnostic[] }) => void = () => {};
      const early = new Promise<{ version: number; items: Diagnostic[] }>((resolve) => (answer = resolve));
      const final = diagnosticsOf(params.textDocument.uri, () => !answered && token.isCancellationRequested, refreshSupport ? (p) => answer(p) : undefined);
      const first = await Promise.race([final, early]);
      if (first && !('generation' in first)) {
        answered = true;
        final.then(
          (r) => r && refresh(),
          () => undefined,
        );
        return { kind: DocumentDiagnosticReportKind.Full, resultId: `${first.version}:partial`, items: first.items };
      }
      const r = first;
      if (!r) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
      settled();
      const resultId = `${r.version}:${r.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: r.items };
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`newsprint: diagnostics failed for ${params.textDocument.uri}: ${String(err)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      return await codeActions(doc, params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err; // cancelled, or the document changed meanwhile
      connection.console.error(`newsprint: code actions failed: ${String(err)}`);
      return [];
    }
  });

  /**
   * Fix All's edits for the document as it is: a page at a time, taking other messages in between
   * (a 50 MB dump takes seconds), and given up when the request is cancelled or the document
   * changes meanwhile (a ResponseError).
   */
  async function fixAllEdit(doc: TextDocument, rule: RuleId | undefined, token: CancellationToken) {
    const e = await entry(doc.uri);
    if (!e) return [];
    const version = e.version; // the edits are offsets into this version's text
    const s: Settings = await settings.get(doc.uri);
    const pause = yielder(token, () => documents.get(doc.uri)?.version === version);
    await pause(); // a change while the settings were read is seen before any page is fixed
    const steps = fixAllSteps(e.inc, { rules: s.rules, locale }, rule ? [rule] : undefined);
    // Each page is analysed again in every pass: on a big dump, garbage that outlives the young
    // generation piles up as in a full analysis (a 50 MB dump cut in parts without form feeds
    // left ~180 MB of it), so it is collected as there.
    const growing = store.growing();
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      growing();
      await pause();
    }
    const { edits, left } = r.value;
    // And what is left of it goes before the answer is made: its JSON (and the change the editor
    // sends back) is about as long as the text of the edits.
    let units = 0;
    for (const x of edits) units += x.end - x.start + x.newText.length;
    store.collectAfter(units);
    answered(units);
    // Its passes ran out on some page (see fixAll): the problems left stay as diagnostics, and the
    // user is told that running it again fixes them.
    if (left > 0) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: t(messages, 'fixAll.left', { passes: MAX_PASSES, count: left }) });
    return edits.map((x) => toTextEdit(doc, x));
  }

  // After a big answer (a Fix All of a whole dump), a collection once it has gone: its edits, their
  // JSON and the UTF-8 of that are garbage then, and were still on the heap when the editor's
  // change came back with the same text in it (a 50 MB dump's Fix All peaked there). Over stdio
  // the written buffer is released when the write completes, which is seen when the editor's next
  // message starts to arrive (it comes once the editor has the answer); over IPC, Node copies a
  // message out as it sends it, so a turn after the one it is sent in will do (the turn after this
  // one, for a writer that waits a turn before it writes).
  let collectOnInput = 0;
  function answered(units: number): void {
    if (options.input) collectOnInput = units;
    else setImmediate(() => setImmediate(() => store.collectAfter(units)));
  }

  async function codeActions(doc: TextDocument, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (only && wants(FIX_ALL_KIND)) {
      // Only on explicit request: fix-all is never offered by kind in the light bulb. Asked for by
      // its kind (on save, the Fix All command), it comes with its edit; listed among all source
      // actions (the Source Action menu), its edit is made when it is chosen (resolved), not for
      // every opening of the menu (a second and more on a big dump, and its warning with nothing applied).
      const action = CodeAction.create(t(messages, 'fixAll.all'), FIX_ALL_KIND);
      const byKind = only.some((k) => k === FIX_ALL_KIND || k === CodeActionKind.SourceFixAll);
      if (byKind || !resolveEditSupport) action.edit = { changes: { [doc.uri]: await fixAllEdit(doc, undefined, token) } };
      else action.data = { uri: doc.uri };
      actions.push(action);
    }
    if (wants(CodeActionKind.QuickFix)) {
      const rulesHere = new Set<RuleId>();
      for (const d of params.context.diagnostics) {
        if (d.source !== 'newsprint') continue;
        const data = d.data as DiagnosticData | undefined;
        const edits = data?.fix && fixEdits(doc, data.fix);
        if (!data?.fix || !edits) continue;
        const action = CodeAction.create(data.fix.title, { changes: { [doc.uri]: edits } }, CodeActionKind.QuickFix);
        action.diagnostics = [d];
        // An unsure fix (see DiagnosticData.unsure) is the user's to choose: not preferred, which
        // the editor's Auto Fix would apply unseen; and no "Fix all" of its rule here, which would
        // leave it.
        const unsure = data.unsure === true;
        action.isPreferred = !unsure;
        actions.push(action);
        if (!unsure) rulesHere.add(String(d.code) as RuleId);
      }

      if (rulesHere.size > 0) {
        const e = await entry(doc.uri);
        for (const rule of rulesHere) {
          let count = 0;
          for (const s of e?.inc.segments ?? []) if ((count += fixableCount(s, [rule])) >= 2) break;
          if (count < 2) continue;
          const action = CodeAction.create(t(messages, 'fixAll.rule', { rule: ruleName(messages, rule) }), CodeActionKind.QuickFix);
          // Made when chosen (resolved); at once for a client that cannot resolve an edit.
          if (resolveEditSupport) action.data = { uri: doc.uri, rule };
          else action.edit = { changes: { [doc.uri]: await fixAllEdit(doc, rule, token) } };
          actions.push(action);
        }
      }
    }
    if (wants(CodeActionKind.RefactorRewrite) && (!only || only.length > 0)) {
      for (const a of await structureActions(ctx, doc.uri, doc.offsetAt(params.range.start), doc.offsetAt(params.range.end))) actions.push(a);
    }
    return actions;
  }

  // Fix all of a rule ({uri, rule}), or Fix All ({uri}) chosen from the Source Action menu.
  connection.onCodeActionResolve(async (action, token) => {
    const data = action.data as { uri?: string; rule?: RuleId } | undefined;
    const doc = data?.uri ? documents.get(data.uri) : undefined;
    if (!doc || (data?.rule === undefined && action.kind !== FIX_ALL_KIND)) return action;
    try {
      action.edit = { changes: { [doc.uri]: await fixAllEdit(doc, data?.rule, token) } };
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`newsprint: fix-all failed: ${String(err)}`);
    }
    return action;
  });

  registerExportRequests(connection, {
    messages: () => messages,
    locale: () => locale,
    rules: async (file) => (await settings.get(URI.file(file).toString())).rules,
  });
  registerStructureFeatures(ctx);

  // newsprint/rewrite {textDocument, version} → {text, version, skippedText}: the page rewritten in
  // reading order (the client applies it as one edit), and the first lines of the texts in no article
  // that it put under its `%% skip` (the client says so: the export leaves them out). A page that is
  // past the version asked for gets ContentModified: the client would replace the page with the
  // rewrite of older text.
  connection.onRequest('newsprint/rewrite', async (p: { textDocument: { uri: string }; version?: number }) => {
    const doc = documents.get(p?.textDocument?.uri);
    if (!doc) return null;
    const s = await settings.get(doc.uri);
    if (typeof p.version === 'number' && p.version !== doc.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
    const r = rewritePage(doc.getText(), { rules: s.rules, locale });
    return { text: r.text, version: doc.version, skippedText: r.skippedText };
  });

  documents.listen(connection);
  connection.listen();
  options.input?.(() => {
    if (collectOnInput === 0) return;
    store.collectAfter(collectOnInput);
    collectOnInput = 0;
  });
}
