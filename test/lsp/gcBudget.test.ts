// The server collects the garbage of typing once the budget is spent, when it is idle (after the
// diagnostics are sent), not on every keystroke, and that of a big Fix All where it would pile up:
// startServer in-process over a pair of streams, with a collect function that counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { startServer, type StartOptions } from '../../server/src/lsp/startServer';
import { isPreview } from '../helpers/lsp';
import { SAMPLE } from '../helpers/rules';

/** A client connected to startServer (its options made with the stream the client writes to), initialized. */
function connect(options: (toServer: PassThrough) => StartOptions): MessageConnection {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, toServer, toClient), options(toServer));
  const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  return conn;
}

async function initialize(conn: MessageConnection): Promise<void> {
  await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
}

/** The diagnostics of `version` published (not a preview of the first pages), within `ms`. */
function analysed(conn: MessageConnection, version: number, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), ms);
    const d = conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: Diagnostic[] }) => {
      if (p.version !== version || isPreview(p.diagnostics)) return;
      clearTimeout(timer);
      d.dispose();
      resolve();
    });
  });
}

/** Lets the server's queued turns run (setImmediate ones too), without waiting for any time. */
async function turns(n: number): Promise<void> {
  for (let k = 0; k < n; k++) await new Promise((resolve) => setImmediate(resolve));
}

test('typing: a collection every few edits once the dropped text versions pass the budget', async () => {
  let collections = 0;
  // Due once 2 copies of the text are dropped: after every 3rd edit.
  const conn = connect(() => ({ gc: () => collections++, budget: { above: 0, copies: 2, floor: 0 } }));
  try {
    await initialize(conn);
    const uri = 'file:///typing.pagedump';
    const page = readFileSync(SAMPLE, 'utf8');
    const published = (version: number) => analysed(conn, version, 20_000);
    let got = published(1);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pagedump', version: 1, text: [page, page, page].join('\f') } });
    await got;
    const seen: number[] = [];
    for (let version = 2; version <= 10; version++) {
      got = published(version);
      const at = { line: version, character: 0 };
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: '字' }] });
      await got;
      // The collection comes after the diagnostics, once nothing else is queued: the next turn.
      await turns(2);
      seen.push(collections);
    }
    assert.deepEqual(seen, [0, 0, 1, 1, 1, 2, 2, 2, 3]);
  } finally {
    conn.dispose();
  }
});

for (const transport of ['stdio', 'ipc'] as const) {
  test(`Fix All of a big dump (${transport}): collections before its answer is made, once it has gone, and before its change is applied`, async () => {
    // What each collection came in: the Fix All (its pages and its answer), the time between its
    // answer and the editor's change, or that change.
    let phase = 'open';
    const log: string[] = [];
    // Over stdio the server sees the editor's next message arrive (server.ts); over IPC it does not.
    const conn = connect((toServer) => ({
      gc: () => log.push(phase),
      input: transport === 'stdio' ? (listener: () => void) => void toServer.prependListener('data', listener) : undefined,
    }));
    try {
      await initialize(conn);
      const uri = 'file:///big.pagedump';
      const page = readFileSync(SAMPLE, 'utf8');
      // ~3 M characters: past COLLECT_ABOVE, and so is the text of its Fix All.
      const text = Array(800).fill(page).join('\f');
      let got = analysed(conn, 1, 60_000);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pagedump', version: 1, text } });
      await got;
      phase = 'fix-all';
      const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
      const actions = (await conn.sendRequest('textDocument/codeAction', params)) as CodeAction[];
      const edits = actions[0].edit!.changes![uri];
      phase = 'between';
      // The turns the server takes before the editor would answer (no time waited: see turns).
      await turns(4);
      phase = 'change';
      got = analysed(conn, 2, 60_000);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [...edits].reverse().map((e) => ({ range: e.range, text: e.newText })) });
      await got;
      const count = (p: string) => log.filter((x) => x === p).length;
      assert.ok(count('fix-all') >= 1, `a collection before the answer is made: ${log.join(', ')}`);
      if (transport === 'stdio') {
        // Its written buffer is released once it has gone: when the editor's change starts to arrive.
        assert.equal(count('between'), 0, log.join(', '));
        assert.ok(count('change') >= 2, `when the change starts to arrive, and before it is applied: ${log.join(', ')}`);
      } else {
        // A turn after the answer was sent (which may be before the client has read it).
        assert.ok(count('fix-all') + count('between') >= 2, `before the answer, and the turn after it went: ${log.join(', ')}`);
        assert.ok(count('change') >= 1, `before the change is applied: ${log.join(', ')}`);
      }
    } finally {
      conn.dispose();
    }
  });
}
