// Runs the bundled language server (dist/server.js) as a child process over stdio and talks to it
// with a real JSON-RPC connection, answering the requests a client would answer.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';

export const ROOT = path.resolve(__dirname, '../..');
// NEWSPRINT_SERVER: another build of the server (the benchmark compares builds with it).
export const SERVER = process.env.NEWSPRINT_SERVER ?? path.join(ROOT, 'dist/server.js');
export { SERVER_EXEC_ARGV };

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  settings: Record<string, unknown>;
  /** Resolves with the next published diagnostics for the uri (push mode) matching the predicate. */
  nextDiagnostics(uri: string, pred?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): Promise<void>;
  pull(uri: string): Promise<Diagnostic[]>;
  /** Resolves at the server's next workspace/diagnostic/refresh request. */
  nextRefresh(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
}

/**
 * `refresh`: the client can be asked to pull diagnostics again, `progress`: it shows the server's
 * work done progress (as VS Code does both); `env`: variables for the server process (see server.ts);
 * `failing`: every request the server sends the client is answered with an error (MethodNotFound);
 * `configuration: false`: the client cannot be asked for settings (it sends them with a change);
 * `resolve: false`: it cannot resolve a code action's edit (it needs them made at once).
 */
export async function startClient(
  opts: { pull?: boolean; refresh?: boolean; progress?: boolean; locale?: string; settings?: Record<string, unknown>; env?: Record<string, string>; failing?: boolean; configuration?: boolean; resolve?: boolean } = {},
): Promise<TestClient> {
  // Node flags as the extension starts the server with.
  const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let stderr = '';
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const reader = new StreamMessageReader(proc.stdout!);
  // A message cut off when the server exits (asked to, while it was sending one) would keep a timer
  // that warns of the partial message every 10 s, and with it this process, alive for good.
  reader.partialMessageTimeout = 0;
  const conn = createMessageConnection(reader, new StreamMessageWriter(proc.stdin!));
  let refreshWaiters: (() => void)[] = [];
  const client: TestClient = {
    conn,
    proc,
    settings: opts.settings ?? { rules: {} },
    stderr: () => stderr,
    nextDiagnostics(uri, pred = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          d.dispose();
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        const d = conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          if (p.uri === uri && pred(p.diagnostics)) {
            clearTimeout(timer);
            d.dispose();
            resolve(p.diagnostics);
          }
        });
      });
    },
    async open(uri, text, languageId = 'pagedump') {
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    async pull(uri) {
      const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items?: Diagnostic[] };
      return r.items ?? [];
    },
    nextRefresh(timeoutMs = 10_000) {
      return withTimeout(new Promise<void>((resolve) => refreshWaiters.push(resolve)), timeoutMs);
    },
    stop: () => stopServer(conn, proc),
  };
  if (opts.failing) conn.onRequest((method) => new ResponseError(ErrorCodes.MethodNotFound, `${method} is not implemented by this client`));
  else {
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      const w = refreshWaiters;
      refreshWaiters = [];
      for (const f of w) f();
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
  }
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: opts.locale ?? 'en',
    capabilities: {
      ...(opts.progress ? { window: { workDoneProgress: true } } : {}),
      workspace: { configuration: opts.configuration !== false, didChangeConfiguration: { dynamicRegistration: true }, ...(opts.refresh ? { diagnostics: { refreshSupport: true } } : {}) },
      textDocument: {
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } }, ...(opts.resolve !== false ? { resolveSupport: { properties: ['edit'] } } : {}) },
      },
    },
  });
  await conn.sendNotification('initialized', {});
  return client;
}

/**
 * Whether published or pulled diagnostics are those of the pages done so far while a first
 * analysis runs (see previewDiagnostics): the note on line 1 says so.
 */
export function isPreview(ds: readonly Diagnostic[]): boolean {
  return ds.length > 0 && ds[0].code === 'limit' && /still analysing|仍在分析/.test(ds[0].message);
}

/** Shut the server down politely (shutdown, exit), killing it if it does not go within 5 s. */
export async function stopServer(conn: MessageConnection, proc: ChildProcess): Promise<void> {
  try {
    await withTimeout(conn.sendRequest('shutdown'), 5000);
    await conn.sendNotification('exit');
  } catch {
    /* already gone */
  }
  conn.dispose();
  if (proc.exitCode === null) {
    await withTimeout(new Promise((r) => proc.once('exit', r)), 5000).catch(() => proc.kill('SIGKILL'));
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The code actions the editor asks for at a diagnostic (its light bulb), of the kinds `only` names. */
export async function actionsAt(c: TestClient, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return (await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], ...(only ? { only } : {}) },
  })) as CodeAction[];
}
