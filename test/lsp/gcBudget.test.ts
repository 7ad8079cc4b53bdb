// The server collects the garbage of typing once the budget is spent, when it is idle (after the
// diagnostics are sent), not on every keystroke: startServer in-process over a pair of streams,
// with a collect function that counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/startServer';
import { SAMPLE } from '../helpers/rules';

test('typing: a collection every few edits once the dropped text versions pass the budget', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let collections = 0;
  // Due once 2 copies of the text are dropped: after every 3rd edit.
  startServer(createConnection(ProposedFeatures.all, toServer, toClient), { gc: () => collections++, budget: { above: 0, copies: 2, floor: 0 } });
  const conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    const uri = 'file:///typing.pagedump';
    const page = readFileSync(SAMPLE, 'utf8');
    const published = (version: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 20_000);
        const d = conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
          if (p.version !== version) return;
          clearTimeout(timer);
          d.dispose();
          resolve();
        });
      });
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
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(collections);
    }
    assert.deepEqual(seen, [0, 0, 1, 1, 1, 2, 2, 2, 3]);
  } finally {
    conn.dispose();
  }
});
