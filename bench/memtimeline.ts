// Probe: RSS of the language server over time while it opens a big dump (where the peak comes from),
// and then, with NEWSPRINT_FIXALL=1, through a Fix All of it.
//   node --import tsx bench/memtimeline.ts [MB] [node flags...]   (added to the extension's, launch.ts)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createClientPipeTransport, createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SERVER as BUILT, SERVER_EXEC_ARGV, isPreview } from '../test/helpers/lsp';
// NEWSPRINT_SERVER: another build of the server to compare with.
const SERVER = process.env.NEWSPRINT_SERVER ?? BUILT;
const size = Number(process.argv[2] ?? 50) * 1e6;
const flags = [...SERVER_EXEC_ARGV, ...process.argv.slice(3)];
// NEWSPRINT_SAMPLE: another page to repeat (as bench.ts).
const page = readFileSync(process.env.NEWSPRINT_SAMPLE ?? path.resolve(__dirname, '../../shared/samples/zh-daily-p1.txt'), 'utf8');
const copies = Math.ceil((size + 1) / (Buffer.byteLength(page) + 1));
const text = Array.from({ length: copies }, () => page).join(process.env.NEWSPRINT_SEP ?? '\f'); // NEWSPRINT_SEP: what joins the copies (bench.ts's "no form feeds": a line break)
// NEWSPRINT_TRANSPORT=ipc: over the node IPC channel, as the extension starts it; =pipe: a socket,
// read by the same stream reader as stdio. Both leave stdout free for --trace-gc.
const transport = process.env.NEWSPRINT_TRANSPORT ?? 'stdio';
const pipeName = `/tmp/newsprint-memtimeline-${process.pid}.sock`;
const pipe = transport === 'pipe' ? createClientPipeTransport(pipeName) : undefined;
const proc =
  transport === 'ipc'
    ? spawn(process.execPath, [...flags, SERVER, '--node-ipc'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : transport === 'pipe'
      ? spawn(process.execPath, [...flags, SERVER, `--pipe=${pipeName}`], { stdio: ['ignore', 'inherit', 'inherit'] })
      : spawn(process.execPath, [...flags, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const rss = () => {
  const s = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  return [/VmRSS:\s+(\d+)/, /VmHWM:\s+(\d+)/].map((r) => Math.round(Number(r.exec(s)![1]) / 1024));
};
const t0 = Date.now();
const marks: string[] = [];
const mark = (m: string) => marks.push(`${Date.now() - t0}ms ${m} rss/hwm ${rss().join('/')}`);
void (async () => {
  const conn: MessageConnection =
    transport === 'ipc'
      ? createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : transport === 'pipe'
        ? createMessageConnection(...(await (await pipe!).onConnected()))
        : createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const samples: string[] = [];
  const timer = setInterval(() => {
    const [r, h] = rss();
    samples.push(`${Date.now() - t0}:${r}`);
    void h;
  }, 50);
  const got = new Promise<void>((res) => conn.onNotification('textDocument/publishDiagnostics', () => res()));
  mark('open');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///m.pagedump', languageId: 'pagedump', version: 1, text } });
  mark('sent');
  await got;
  mark('diagnostics');
  const smaps = () => {
    // Biggest mappings by RSS: V8's heap (anonymous), malloc's ([heap] and its arenas), code.
    const maps = readFileSync(`/proc/${proc.pid}/smaps`, 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/);
    const rows = maps.map((m) => ({ head: m.split('\n')[0], rss: Number(/\nRss:\s+(\d+)/.exec(m)?.[1] ?? 0) }));
    for (const r of rows.sort((a, b) => b.rss - a.rss).slice(0, 15)) marks.push(`  ${(r.rss / 1024).toFixed(1)} MB ${r.head}`);
    // And by size class: V8's pages are many mappings of 256 KB or so, malloc's arenas 64 MB each.
    const sum = (test: (r: { head: string; rss: number }) => boolean) => (rows.filter(test).reduce((a, r) => a + r.rss, 0) / 1024).toFixed(1);
    const size = (r: { head: string }) => { const [a, b] = r.head.split(' ')[0].split('-').map((x) => parseInt(x, 16)); return b - a; };
    marks.push(`  total ${sum(() => true)} MB: [heap] ${sum((r) => r.head.endsWith('[heap]'))}, files ${sum((r) => r.head.includes('/'))}, anonymous < 1 MB ${sum((r) => !/[/[]/.test(r.head) && size(r) < 1 << 20)}, anonymous ≥ 1 MB ${sum((r) => !/[/[]/.test(r.head) && size(r) >= 1 << 20)}`);
  };
  // NEWSPRINT_SMAPS=1: the biggest mappings once the diagnostics are in; =fix: once Fix All has answered; =both: then, after the views and at the answer.
  if (process.env.NEWSPRINT_SMAPS === '1' || process.env.NEWSPRINT_SMAPS === 'both') smaps();
  // NEWSPRINT_FIXALL=1: then Fix All of the whole dump (source.fixAll, as on save), applied as the
  // editor applies it (one change message, last edit first), as bench.ts does.
  if (process.env.NEWSPRINT_FIXALL === '1') {
    // The first diagnostics are those of the pages analysed first: the rest are waited for (no
    // diagnostics for a second), so that the Fix All is timed alone.
    let last = Date.now();
    conn.onNotification('textDocument/publishDiagnostics', () => (last = Date.now()));
    while (Date.now() - last < 1000) await new Promise((res) => setTimeout(res, 100));
    mark('all diagnostics;');
    // NEWSPRINT_VIEWS=1: the outline, folding ranges and semantic tokens asked first, as the editor
    // does (bench.ts asks them before its Fix All).
    if (process.env.NEWSPRINT_VIEWS === '1') {
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) await conn.sendRequest(method, { textDocument: { uri: 'file:///m.pagedump' } });
      mark('views;');
      if (process.env.NEWSPRINT_SMAPS === 'both') smaps();
    }
    const t = performance.now();
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///m.pagedump' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { edit?: { changes?: Record<string, { range: unknown; newText: string }[]> } }[];
    const edits = actions[0]?.edit?.changes?.['file:///m.pagedump'] ?? [];
    let units = 0;
    for (const e of edits) units += e.newText.length;
    if (process.env.NEWSPRINT_SMAPS === 'fix' || process.env.NEWSPRINT_SMAPS === 'both') smaps();
    mark(`fix-all answered in ${(performance.now() - t).toFixed(0)} ms: ${edits.length} edits, ${(units / 1e6).toFixed(1)} M units of new text;`);
    // Its diagnostics, not those of the pages done first (isPreview).
    const applied = new Promise<void>((res) => conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: Diagnostic[] }) => p.version === 2 && !isPreview(p.diagnostics) && res()));
    const t2 = performance.now();
    const contentChanges = [...edits].reverse().map((e) => ({ range: e.range, text: e.newText }));
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///m.pagedump', version: 2 }, contentChanges });
    await applied;
    mark(`applied and analysed in ${(performance.now() - t2).toFixed(0)} ms;`);
  }
  clearInterval(timer);
  // NEWSPRINT_EDITS=n: then n one-char edits, each timed to its diagnostics (GC pauses show with --trace-gc).
  const lat: number[] = [];
  const cpu = () => readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0) * 10; // utime + stime, ms (100 Hz ticks)
  const cpu0 = cpu();
  for (let k = 0, version = process.env.NEWSPRINT_FIXALL === '1' ? 3 : 2; k < Number(process.env.NEWSPRINT_EDITS ?? 0); k++, version++) {
    const at = { line: (k * 7919) % 400_000, character: 1 };
    const next = new Promise<void>((res) => conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => p.version === version && res()));
    const t = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///m.pagedump', version }, contentChanges: [{ range: { start: at, end: at }, text: '字' }] });
    await next;
    lat.push(performance.now() - t);
  }
  if (lat.length) {
    const q = (p: number) => [...lat].sort((a, b) => a - b)[Math.ceil(p * lat.length) - 1].toFixed(1);
    mark(`after ${lat.length} edits: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms; server CPU ${cpu() - cpu0} ms;`);
    // NEWSPRINT_IDLE=ms: then nothing for that long (the server collects after a burst of typing).
    if (process.env.NEWSPRINT_IDLE) {
      await new Promise((res) => setTimeout(res, Number(process.env.NEWSPRINT_IDLE)));
      mark(`after ${process.env.NEWSPRINT_IDLE} ms idle:`);
    }
  }
  if (!process.env.NEWSPRINT_EDITS) console.log(samples.join(' '));
  console.log(marks.join('\n'));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
})();
