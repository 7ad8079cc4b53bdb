// The language server: diagnostics (pull when the client supports it, else push), quick fixes
// carried in diagnostic.data, fix-all per rule and source.fixAll.newsprint.
import {
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { diffEdit, fixAll } from '../core/fix';
import { messagesFor, t, type Messages } from '../core/messages';
import type { RuleId } from '../core/types';
import { toDiagnostic, toTextEdit, type DiagnosticData } from './convert';
import { registerExportRequests } from './exportRequests';
import { SettingsCache, type Settings } from './settings';
import { URI } from 'vscode-uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsprint`;

interface Cached {
  version: number;
  generation: number;
  analysis: Analysis;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let messages: Messages = messagesFor(undefined);
  let locale: string | undefined;
  let configurationSupport = false;
  let pullSupport = false;
  const settings = new SettingsCache(connection, () => configurationSupport);
  const cache = new Map<string, Cached>();

  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    messages = messagesFor(locale);
    configurationSupport = !!params.capabilities.workspace?.configuration;
    pullSupport = !!params.capabilities.textDocument?.diagnostic;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: true,
        },
        diagnosticProvider: pullSupport ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'newsprint' },
    };
  });

  connection.onInitialized(() => {
    if (configurationSupport) {
      // Ask to be told when our section changes, so settings apply live.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsprint' });
    }
  });

  async function analysisOf(doc: TextDocument): Promise<{ cached: Cached; settings: Settings }> {
    const s = await settings.get(doc.uri);
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === settings.generation) return { cached: hit, settings: s };
    const analysis = analyze(doc.getText(), { rules: s.rules, locale });
    const diagnostics = capDiagnostics(doc, analysis, s);
    const cached: Cached = { version: doc.version, generation: settings.generation, analysis, diagnostics };
    cache.set(doc.uri, cached);
    return { cached, settings: s };
  }

  function capDiagnostics(doc: TextDocument, analysis: Analysis, s: Settings): Diagnostic[] {
    const list = analysis.findings;
    const shown = list.length > s.maxDiagnostics ? list.slice(0, s.maxDiagnostics) : list;
    const out = shown.map((f) => toDiagnostic(doc, f));
    if (shown.length < list.length) {
      out.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        code: 'limit',
        source: 'newsprint',
        message: t(messages, 'limit.diagnostics', { shown: shown.length, total: list.length, setting: 'newsprint.maxDiagnostics' }),
      });
    }
    return out;
  }

  async function pushDiagnostics(doc: TextDocument): Promise<void> {
    try {
      const { cached } = await analysisOf(doc);
      if (documents.get(doc.uri)?.version !== doc.version) return; // stale: a newer change will publish
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: cached.diagnostics });
    } catch (err) {
      connection.console.error(`newsprint: diagnostics failed for ${doc.uri}: ${String(err)}`);
    }
  }

  documents.onDidChangeContent((e) => {
    if (!pullSupport) void pushDiagnostics(e.document);
  });
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    if (!pullSupport) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    cache.clear();
    if (pullSupport) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) void pushDiagnostics(doc);
  });

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      const { cached } = await analysisOf(doc);
      const resultId = `${cached.version}:${cached.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: cached.diagnostics };
    } catch (err) {
      connection.console.error(`newsprint: diagnostics failed for ${doc.uri}: ${String(err)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      return await codeActions(doc, params);
    } catch (err) {
      connection.console.error(`newsprint: code actions failed: ${String(err)}`);
      return [];
    }
  });

  async function codeActions(doc: TextDocument, params: CodeActionParams): Promise<CodeAction[]> {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(FIX_ALL_KIND) && only) {
      // Only on explicit request (save, command): fix-all is never offered in the lightbulb by kind.
      const { settings: s } = await analysisOf(doc);
      const edit = fixAllEdit(doc, s, undefined);
      const action = CodeAction.create(t(messages, 'fixAll.all'), FIX_ALL_KIND);
      action.edit = { changes: { [doc.uri]: edit ? [edit] : [] } };
      actions.push(action);
    }
    if (!wants(CodeActionKind.QuickFix)) return actions;
    const ours = params.context.diagnostics.filter((d) => d.source === 'newsprint');
    const rulesHere = new Set<string>();
    for (const d of ours) {
      const data = d.data as DiagnosticData | undefined;
      if (!data?.fix) continue;
      const action = CodeAction.create(data.fix.title, { changes: { [doc.uri]: data.fix.edits } }, CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
      rulesHere.add(String(d.code));
    }
    if (rulesHere.size > 0) {
      const { cached } = await analysisOf(doc);
      for (const rule of rulesHere) {
        const count = cached.analysis.findings.filter((f) => f.rule === rule && f.fix).length;
        if (count < 2) continue;
        const action = CodeAction.create(t(messages, 'fixAll.rule', { rule }), CodeActionKind.QuickFix);
        action.data = { uri: doc.uri, version: doc.version, rule };
        actions.push(action);
      }
    }
    return actions;
  }

  function fixAllEdit(doc: TextDocument, s: Settings, rule: RuleId | undefined) {
    const before = doc.getText();
    const result = fixAll(before, { rules: s.rules, locale, only: rule ? [rule] : undefined });
    const e = diffEdit(before, result.text);
    return e ? toTextEdit(doc, e) : undefined;
  }

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as { uri?: string; rule?: RuleId } | undefined;
    const doc = data?.uri ? documents.get(data.uri) : undefined;
    if (!doc || !data?.rule) return action;
    try {
      const s = await settings.get(doc.uri);
      const edit = fixAllEdit(doc, s, data.rule);
      action.edit = { changes: { [doc.uri]: edit ? [edit] : [] } };
    } catch (err) {
      connection.console.error(`newsprint: fix-all failed: ${String(err)}`);
    }
    return action;
  });

  registerExportRequests(connection, {
    messages: () => messages,
    locale: () => locale,
    rules: async (file) => (await settings.get(URI.file(file).toString())).rules,
  });

  documents.listen(connection);
  connection.listen();
}
