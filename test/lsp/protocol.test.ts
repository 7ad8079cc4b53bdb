// Malformed JSON-RPC on the server's stdin: raw bytes, not a well-behaved client. For each, the
// server answers a request with an error response (never crashes, never hangs), and still serves a
// normal request afterwards.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { SERVER, SERVER_EXEC_ARGV, startClient, withTimeout } from '../helpers/lsp';

interface Message {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: unknown;
}

/** A raw stdio peer: writes bytes, parses Content-Length framed responses. */
class RawPeer {
  readonly proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private messages: Message[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor() {
    this.proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.proc.stdout!.on('data', (b: Buffer) => {
      this.buf = Buffer.concat([this.buf, b]);
      for (;;) {
        const head = this.buf.indexOf('\r\n\r\n');
        if (head < 0) break;
        const len = Number(/Content-Length: *(\d+)/i.exec(this.buf.subarray(0, head).toString('ascii'))?.[1]);
        if (this.buf.length < head + 4 + len) break;
        this.messages.push(JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString('utf8')) as Message);
        this.buf = this.buf.subarray(head + 4 + len);
      }
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    });
    this.proc.on('exit', () => this.waiters.forEach((f) => f()));
  }

  write(raw: string | Buffer): void {
    this.proc.stdin!.write(raw);
  }

  /** Frames a body (any string, valid JSON or not) with a correct Content-Length header. */
  send(body: string | object): void {
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  /** The next message matching the predicate (answering server-to-client requests on the way). */
  async next(pred: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.messages.length; i++) {
        const m = this.messages[i];
        if (m.method && m.id !== undefined && m.result === undefined && !pred(m)) {
          // A request from the server (workspace/configuration, registerCapability): answer it.
          this.messages.splice(i--, 1);
          this.send({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? ((m.params as { items: unknown[] }).items ?? []).map(() => ({})) : null });
          continue;
        }
        if (pred(m)) {
          this.messages.splice(i, 1);
          return m;
        }
      }
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`server exited (${this.proc.exitCode ?? this.proc.signalCode}); stderr: ${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  response(id: number | string): Promise<Message> {
    return this.next((m) => m.id === id && (m.result !== undefined || m.error !== undefined) && m.method === undefined);
  }

  alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}

const uri = 'file:///protocol/page.pagedump';
let nextId = 100;

describe('malformed JSON-RPC', () => {
  let peer: RawPeer;

  before(async () => {
    peer = new RawPeer();
    peer.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } } });
    const init = await peer.response(1);
    assert.ok(init.result, 'initialize answered');
    peer.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'pagedump', version: 1, text: '心 的、关 注 您 所 关 注\n' } } });
  });

  after(async () => {
    if (peer.alive()) {
      peer.send({ jsonrpc: '2.0', id: 9999, method: 'shutdown' });
      await peer.response(9999).catch(() => undefined);
      peer.send({ jsonrpc: '2.0', method: 'exit' });
      await new Promise((r) => (peer.alive() ? peer.proc.once('exit', r) : r(null)));
    }
  });

  /** After each bad input: the server is running and answers a normal diagnostics pull. */
  async function stillServing(): Promise<void> {
    assert.ok(peer.alive(), `the server is running; stderr: ${peer.stderr}`);
    const id = nextId++;
    peer.send({ jsonrpc: '2.0', id, method: 'textDocument/diagnostic', params: { textDocument: { uri } } });
    const r = await peer.response(id);
    assert.equal(r.error, undefined, `normal request answered without error: ${JSON.stringify(r.error)}`);
    const items = (r.result as { items?: { code?: string }[] }).items ?? [];
    assert.ok(items.some((d) => d.code === 'spaced-glyphs'), 'and with the right diagnostics');
  }

  test('a valid header with an invalid JSON body: the server logs it and keeps going', async () => {
    peer.send('{"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {');
    await stillServing();
  });

  test('a header without Content-Length, then a good message', async () => {
    peer.write('X-Nonsense: 1\r\n\r\n');
    // vscode-jsonrpc cannot resynchronise after a header without length (it reports an error and
    // waits); what matters is that the process does not crash.
    assert.ok(peer.alive());
  });

  test('a JSON body that is not a JSON-RPC message', async () => {
    // Its own connection: a header without Content-Length (previous test) may leave the reader stuck.
    peer = await restart(peer);
    peer.send('[1, 2, 3]');
    peer.send('"just a string"');
    peer.send('{"hello": "world"}');
    peer.send('null');
    await stillServing();
  });

  test('a request with an unknown method gets MethodNotFound', async () => {
    const id = nextId++;
    peer.send({ jsonrpc: '2.0', id, method: 'newsprint/noSuchMethod', params: { x: 1 } });
    const r = await peer.response(id);
    assert.equal(r.error?.code, -32601, JSON.stringify(r));
    await stillServing();
  });

  test('a request for a known method with wrong params gets an error response', async () => {
    const cases: [string, unknown][] = [
      ['textDocument/codeAction', null],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: 'everything', context: 42 }],
      ['textDocument/diagnostic', null],
      ['textDocument/diagnostic', { textDocument: 7 }],
      ['codeAction/resolve', null],
      ['codeAction/resolve', { title: 'x', data: { uri, rule: 'nope' } }],
      ['textDocument/documentSymbol', null],
      ['textDocument/foldingRange', { textDocument: null }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }],
      ['textDocument/hover', { textDocument: { uri } }],
      ['textDocument/completion', { textDocument: { uri }, position: null }],
      ['textDocument/semanticTokens/full', null],
      ['textDocument/semanticTokens/range', { textDocument: { uri }, range: null }],
      ['newsprint/rewrite', null],
    ];
    for (const [method, params] of cases) {
      const id = nextId++;
      peer.send({ jsonrpc: '2.0', id, method, params });
      const r = await peer.response(id);
      // An error response, or a harmless empty/unchanged answer; never silence or a crash.
      assert.ok(r.error !== undefined || r.result !== undefined, `${method}(${JSON.stringify(params)}) answered: ${JSON.stringify(r)}`);
      if (process.env.PROTOCOL_DEBUG) console.log(method, JSON.stringify(params), "→", JSON.stringify(r.error ?? r.result).slice(0, 120));
      if (r.error) assert.ok(typeof r.error.code === 'number' && typeof r.error.message === 'string', `${method}: a proper error object`);
      assert.ok(peer.alive(), `${method}(${JSON.stringify(params)}) did not crash the server; stderr: ${peer.stderr}`);
    }
    await stillServing();
  });

  test('notifications for a document never opened, and malformed notifications', async () => {
    const ghost = 'file:///protocol/never-opened.pagedump';
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] } });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: ghost } } });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didSave', params: { textDocument: { uri: ghost } } });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: null });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: null } });
    peer.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: null });
    peer.send({ jsonrpc: '2.0', method: 'newsprint/unknownNotification', params: [1, 2] });
    peer.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 424242 } });
    for (const method of ['textDocument/diagnostic', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/hover']) {
      const id = nextId++;
      peer.send({ jsonrpc: '2.0', id, method, params: { textDocument: { uri: ghost }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, position: { line: 0, character: 0 }, context: { diagnostics: [] } } });
      const r = await peer.response(id);
      assert.ok(r.error !== undefined || r.result !== undefined, `${method} on a document never opened is answered: ${JSON.stringify(r)}`);
    }
    await stillServing();
  });

  test('the connection survives all of the above at once, back to back', async () => {
    peer.send('{not json');
    peer.send({ jsonrpc: '2.0', id: nextId++, method: 'textDocument/codeAction', params: null });
    peer.send({ jsonrpc: '2.0', id: nextId++, method: 'bogus/method' });
    peer.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///x', version: 1 }, contentChanges: [] } });
    await stillServing();
    assert.ok(!/TypeError|RangeError|Unhandled/i.test(peer.stderr), `no uncaught exception on stderr: ${peer.stderr}`);
  });
});

async function restart(old: RawPeer): Promise<RawPeer> {
  old.proc.kill('SIGKILL');
  const peer = new RawPeer();
  peer.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } } });
  await peer.response(1);
  peer.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  peer.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'pagedump', version: 1, text: '心 的、关 注 您 所 关 注\n' } } });
  return peer;
}

describe('a client that fails the requests the server sends it', () => {
  // Registering for settings changes, asking to pull diagnostics again, creating progress and
  // reading settings: a client may not implement them (or be closing). Each failure was an
  // unhandled rejection, which ended the server process.
  test('the server keeps serving, and Fix All says what its passes left as a notification', async () => {
    const c = await startClient({ pull: true, refresh: true, progress: true, failing: true });
    try {
      const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
      const page = `${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`;
      const u = 'file:///work/sample/failing.txt';
      await c.open(u, Array(40).fill(page).join('\n\n')); // 40 split sentences: Fix All's passes run out
      assert.ok((await c.pull(u)).length > 0);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} }); // asks for a refresh
      const warned = new Promise<{ type: number; message: string }>((resolve) => c.conn.onNotification('window/showMessage', resolve));
      const params = { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } };
      const fixAll = (await c.conn.sendRequest('textDocument/codeAction', params)) as { edit?: unknown }[];
      assert.ok(fixAll[0]?.edit, 'Fix All answered');
      assert.match((await withTimeout(warned, 10_000)).message, /Fix All stopped after 32 rounds/);
      assert.ok((await c.pull(u)).length > 0, 'still serving');
      assert.equal(c.proc.exitCode, null, `the server is running: ${c.stderr()}`);
    } finally {
      await c.stop();
    }
  });
});
