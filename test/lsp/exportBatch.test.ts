// newsprint/exportBatch over a real connection: the editor's workspace export is the CLI's batch
// export run in the server, so its files are the CLI's byte for byte; it asks before replacing,
// reports progress, and a cancelled export leaves only complete files and no temps.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import type { ExportBatchParams, ExportBatchResult } from '../../server/src/lsp/exportRequests';
import { runCli } from '../helpers/cli';
import { tree } from '../helpers/files';
import { startClient, withTimeout, type TestClient } from '../helpers/lsp';
import { SAMPLE } from '../helpers/rules';

const FIXTURES = path.resolve(__dirname, '../fixtures/issue');

type Done = Extract<ExportBatchResult, { kind: 'done' }>;

describe('newsprint/exportBatch', () => {
  let c: TestClient;
  let ws: string;
  let files: string[];
  let ticket = 0;
  const exportBatch = (p: Omit<ExportBatchParams, 'root'>, cancel?: CancellationTokenSource) =>
    // (an undefined token would be sent as a second parameter)
    (cancel ? c.conn.sendRequest('newsprint/exportBatch', { root: ws, ...p }, cancel.token) : c.conn.sendRequest('newsprint/exportBatch', { root: ws, ...p })) as Promise<ExportBatchResult>;

  before(async () => {
    c = await startClient({ progress: true });
    ws = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-'));
    for (const f of ['daily-p1.txt', 'daily-p2.txt']) {
      mkdirSync(path.join(ws, 'issue'), { recursive: true });
      copyFileSync(path.join(FIXTURES, f), path.join(ws, 'issue', f));
    }
    for (const d of ['a', 'b']) {
      mkdirSync(path.join(ws, d));
      copyFileSync(SAMPLE, path.join(ws, d, 'p1.txt'));
    }
    // Two pages whose names collide (in any letter case): which gets `-2` follows the walk's order.
    copyFileSync(SAMPLE, path.join(ws, 'P1.txt'));
    copyFileSync(SAMPLE, path.join(ws, 'p1.page.txt'));
    writeFileSync(path.join(ws, 'binary.txt'), Buffer.from([0x50, 0, 0x51]));
    writeFileSync(path.join(ws, 'gbk.txt'), Buffer.from('d6d0cec4b1a8d6bd0a', 'hex')); // 中文报纸 in GBK
    files = ['P1.txt', 'a/p1.txt', 'b/p1.txt', 'binary.txt', 'gbk.txt', 'issue/daily-p1.txt', 'issue/daily-p2.txt', 'p1.page.txt'].map((f) => path.join(ws, f));
  });
  after(() => c.stop());

  test('one file per page, byte for byte what `newsprint export FOLDER --out` writes, with progress and the failures', async () => {
    const target = path.join(ws, '..', `${path.basename(ws)}-out`);
    const token = `t${++ticket}`;
    const seen: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    const ended = new Promise<void>((resolve) => c.conn.onProgress(WorkDoneProgress.type, token, (v) => (seen.push(v), v.kind === 'end' && resolve())));
    // Given in another order than the CLI's walk (as VS Code's file search may list them).
    const r = (await exportBatch({ files: [...files].reverse(), target, format: 'json', workDoneToken: token })) as Done;
    assert.equal(r.kind, 'done', JSON.stringify(r));
    assert.equal(r.files, 7);
    assert.equal(r.cancelled, false);
    assert.equal(r.failures.length, 1);
    assert.equal(r.failures[0].file, path.join(ws, 'binary.txt'));
    assert.match(r.failures[0].message, /binary data/);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0].message, /gbk\.txt: is not valid UTF-8/);
    assert.deepEqual([...r.written].sort(), ['P1.articles.json', 'a/p1.articles.json', 'b/p1.articles.json', 'gbk.articles.json', 'issue/daily-p1.articles.json', 'issue/daily-p2.articles.json', 'p1-2.articles.json'].map((f) => path.join(target, f)));

    const cli = runCli(['export', '.', '--include', '*.txt', '--out', `../${path.basename(ws)}-cli`], { cwd: ws });
    assert.equal(cli.code, 2, cli.stderr); // the binary file
    const cliDir = path.join(ws, '..', `${path.basename(ws)}-cli`);
    assert.deepEqual(tree(target), tree(cliDir));
    for (const f of tree(target)) assert.equal(readFileSync(path.join(target, f), 'utf8'), readFileSync(path.join(cliDir, f), 'utf8'), f);
    const p1 = JSON.parse(readFileSync(path.join(target, 'issue/daily-p1.articles.json'), 'utf8')) as { articles: { continuation: { linkedId: string | null } | null }[] };
    assert.equal(p1.articles[0].continuation?.linkedId, 'issue/daily-p2.txt#p1-a2', 'continuations linked within the issue');

    await withTimeout(ended, 5000);
    assert.equal(seen[0].kind, 'begin');
    assert.ok(seen.some((v) => v.kind === 'report' && v.percentage === 100 && v.message === '8 of 8 files'), JSON.stringify(seen));
  });

  test('newsprint/exportFile of a page that is not valid UTF-8 exports it and warns (the editor may show it decoded otherwise)', async () => {
    const r = (await c.conn.sendRequest('newsprint/exportFile', { file: path.join(ws, 'gbk.txt'), root: ws })) as { ok: boolean; warning?: string };
    assert.equal(r.ok, true);
    assert.match(r.warning ?? '', /gbk\.txt: is not valid UTF-8/);
    const fine = (await c.conn.sendRequest('newsprint/exportFile', { file: path.join(ws, 'a/p1.txt'), root: ws })) as { ok: boolean; warning?: string };
    assert.equal(fine.ok, true);
    assert.equal(fine.warning, undefined);
  });

  test('what the export writes is not read back: files in the target folder, or the JSON Lines target itself', async () => {
    const out = path.join(ws, 'exported');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'old.articles.json'), '{"schema": "newsprint.articles/1"}\n');
    const json = (await exportBatch({ files: [path.join(ws, 'a/p1.txt'), path.join(out, 'old.articles.json')], target: out, format: 'json', overwrite: true })) as Done;
    assert.equal(json.kind, 'done', JSON.stringify(json));
    assert.deepEqual(json.written, [path.join(out, 'a/p1.articles.json')]);
    const jsonl = path.join(ws, 'all.jsonl');
    writeFileSync(jsonl, 'old\n');
    const lines = (await exportBatch({ files: [jsonl, path.join(ws, 'a/p1.txt')], target: jsonl, format: 'jsonl', overwrite: true })) as Done;
    assert.equal(lines.kind, 'done', JSON.stringify(lines));
    assert.equal(lines.files, 1);
    // Nor what is hidden (as `newsprint export FOLDER` skips it): the editor's file search lists it.
    mkdirSync(path.join(ws, '.old'), { recursive: true });
    copyFileSync(SAMPLE, path.join(ws, '.old', 'copy.txt'));
    const hidden = (await exportBatch({ files: [path.join(ws, '.old', 'copy.txt'), path.join(ws, 'a/p1.txt')], target: jsonl, format: 'jsonl', overwrite: true })) as Done;
    assert.equal(hidden.files, 1);
  });

  test('an existing target is not replaced unasked: the reply lists them, and only those agreed to are replaced', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    mkdirSync(path.join(target, 'a'));
    writeFileSync(path.join(target, 'a', 'p1.articles.json'), 'keep me');
    const asked = await exportBatch({ files, target, format: 'json' });
    assert.deepEqual(asked, { kind: 'existing', existing: [path.join(target, 'a', 'p1.articles.json')] });
    assert.deepEqual(tree(target), ['a/p1.articles.json'], 'nothing written');
    assert.equal(readFileSync(path.join(target, 'a', 'p1.articles.json'), 'utf8'), 'keep me');

    const r = (await exportBatch({ files, target, format: 'json', overwrite: asked.kind === 'existing' ? asked.existing : [] })) as Done;
    assert.equal(r.kind, 'done');
    assert.equal(r.written.length, 7);
    assert.notEqual(readFileSync(path.join(target, 'a', 'p1.articles.json'), 'utf8'), 'keep me');
  });

  test('update: only the folders with a page newer than its output (or none) are exported again', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const first = (await exportBatch({ files, target, format: 'json', overwrite: true })) as Done;
    assert.equal(first.kind, 'done');
    const r = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
    assert.equal(r.kind, 'done');
    // The top folder goes again: binary.txt has no output. a/, b/ and issue/ are up to date.
    assert.equal(r.skipped, 4);
    assert.deepEqual([...r.written].sort(), ['P1.articles.json', 'gbk.articles.json', 'p1-2.articles.json'].map((f) => path.join(target, f)));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(ws, 'b', 'p1.txt'), later, later);
    const again = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
    assert.ok(again.written.includes(path.join(target, 'b', 'p1.articles.json')), JSON.stringify(again.written));
    assert.equal(again.skipped, 3);
  });

  test('update: the outputs no page gives any more are listed and left; prune removes only those agreed to, and the folder that leaves empty', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    assert.equal(((await exportBatch({ files, target, format: 'json', overwrite: true })) as Done).kind, 'done');
    // The folder issue/ deleted whole (moved out of the workspace, and back for the other tests).
    const gone = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-gone-'));
    renameSync(path.join(ws, 'issue'), path.join(gone, 'issue'));
    try {
      const left = files.filter((f) => path.basename(path.dirname(f)) !== 'issue');
      const [p1, p2] = ['issue/daily-p1.articles.json', 'issue/daily-p2.articles.json'].map((f) => path.join(target, f));
      const said = (await exportBatch({ files: left, target, format: 'json', update: true })) as Done;
      assert.equal(said.kind, 'done');
      assert.deepEqual(said.orphans, [p1, p2]);
      assert.deepEqual(said.pruned, []);
      assert.deepEqual(tree(path.join(target, 'issue')), ['daily-p1.articles.json', 'daily-p2.articles.json'], 'nothing removed unasked');

      // Agreed to: one orphan, and a path that is none (never removed).
      const some = (await exportBatch({ files: left, target, format: 'json', update: true, prune: [p1, path.join(target, 'a/p1.articles.json')] })) as Done;
      assert.deepEqual(some.pruned, [p1]);
      assert.deepEqual(some.orphans, [p2]);
      assert.deepEqual(tree(path.join(target, 'issue')), ['daily-p2.articles.json']);
      assert.ok(readFileSync(path.join(target, 'a/p1.articles.json'), 'utf8'));
      const rest = (await exportBatch({ files: left, target, format: 'json', update: true, prune: [p2] })) as Done;
      assert.deepEqual([rest.pruned, rest.orphans], [[p2], []]);
      assert.ok(!readdirSync(target).includes('issue'), 'the folder left empty is removed');
    } finally {
      renameSync(path.join(gone, 'issue'), path.join(ws, 'issue'));
    }
  });

  test('update: an output of a page still on disk is no orphan though the editor did not list it (an excluded folder); once the page is gone it is', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const excluded = path.join(ws, 'node_modules', 'pkg');
    mkdirSync(excluded, { recursive: true });
    copyFileSync(SAMPLE, path.join(excluded, 'p1.txt'));
    try {
      // Exported once with it (before `newsprint.export.exclude` left it out, or by `newsprint export` of the folder).
      assert.equal(((await exportBatch({ files: [...files, path.join(excluded, 'p1.txt')], target, format: 'json', overwrite: true })) as Done).kind, 'done');
      const output = path.join(target, 'node_modules/pkg/p1.articles.json');
      assert.ok(readFileSync(output, 'utf8'));
      // Now listed without it, as findFiles(include, exclude) lists the workspace.
      const said = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
      assert.equal(said.kind, 'done');
      assert.deepEqual(said.orphans, []);
      const asked = (await exportBatch({ files, target, format: 'json', update: true, prune: [output] })) as Done;
      assert.deepEqual([asked.pruned, asked.orphans], [[], []]);
      assert.ok(readFileSync(output, 'utf8'), 'not removed');

      rmSync(path.join(excluded, 'p1.txt'));
      const gone = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
      assert.deepEqual(gone.orphans, [output]);
    } finally {
      rmSync(path.join(ws, 'node_modules'), { recursive: true, force: true });
    }
  });

  test('update: outputs another workspace folder exported into the same target are no orphans of this one, though their paths would name its pages', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const other = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-other-'));
    mkdirSync(path.join(other, 'a'));
    copyFileSync(SAMPLE, path.join(other, 'a', 'q1.txt'));
    try {
      const fromOther = (await c.conn.sendRequest('newsprint/exportBatch', { root: other, files: [path.join(other, 'a', 'q1.txt')], target, format: 'json', overwrite: true })) as Done;
      assert.equal(fromOther.kind, 'done');
      const output = path.join(target, 'a/q1.articles.json');
      assert.equal(JSON.parse(readFileSync(output, 'utf8')).source.path, 'a/q1.txt');
      assert.equal(((await exportBatch({ files, target, format: 'json', overwrite: true })) as Done).kind, 'done');
      // This folder has a/ but no a/q1.txt: the other folder's output there is not said, nor removed when named.
      const said = (await exportBatch({ files, target, format: 'json', update: true, prune: [output] })) as Done;
      assert.deepEqual([said.orphans, said.pruned], [[], []]);
      assert.ok(readFileSync(output, 'utf8'), 'not removed');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('update after the rule settings changed: every folder is exported again, its outputs saying the levels', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const first = (await exportBatch({ files, target, format: 'json', overwrite: true })) as Done;
    assert.equal(first.kind, 'done');
    const generator = () => (JSON.parse(readFileSync(path.join(target, 'a', 'p1.articles.json'), 'utf8')) as { generator: { rules?: unknown } }).generator;
    assert.equal(generator().rules, undefined);
    c.settings = { rules: { 'spaced-glyphs': 'off' } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      const r = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
      assert.equal(r.kind, 'done');
      assert.equal(r.skipped, 0);
      assert.equal(r.written.length, 7);
      assert.deepEqual(generator().rules, { 'spaced-glyphs': 'off' });
      const again = (await exportBatch({ files, target, format: 'json', update: true })) as Done;
      // a/ and issue/ are up to date under the new levels (b/ too, unless a test before gave its page a later time).
      for (const f of ['a/p1.articles.json', 'issue/daily-p1.articles.json', 'issue/daily-p2.articles.json']) assert.ok(!again.written.includes(path.join(target, f)), f);
      assert.ok(again.skipped >= 3, String(again.skipped));
    } finally {
      c.settings = { rules: {} };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });

  test('JSON Lines: one file, what `newsprint export --jsonl` writes', async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-')), 'all.jsonl');
    const r = (await exportBatch({ files, target, format: 'jsonl' })) as Done;
    assert.equal(r.kind, 'done');
    assert.deepEqual(r.written, [target]);
    const cli = runCli(['export', '.', '--include', '*.txt', '--jsonl', `${target}.cli`], { cwd: ws });
    assert.equal(cli.code, 2, cli.stderr);
    assert.equal(readFileSync(target, 'utf8'), readFileSync(`${target}.cli`, 'utf8'));
    assert.equal(readFileSync(target, 'utf8').trimEnd().split('\n').length, r.articles);
  });

  test('cancelled: the pages written are complete, continued pages waiting for their issue are dropped, no temp is left; one export at a time', async () => {
    const many = path.join(ws, 'many');
    mkdirSync(many);
    const batch: string[] = [];
    for (let i = 0; i < 1000; i++) {
      // Half the pages have continued articles: those wait (as temps) for the last page.
      const f = path.join(many, `p${String(i).padStart(4, '0')}.txt`);
      copyFileSync(i % 2 ? path.join(FIXTURES, 'daily-p1.txt') : SAMPLE, f);
      batch.push(f);
    }
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const source = new CancellationTokenSource();
    const token = `t${++ticket}`;
    c.conn.onProgress(WorkDoneProgress.type, token, (v) => {
      if (v.kind === 'report' && (v.percentage ?? 0) > 0) source.cancel();
    });
    const running = exportBatch({ files: batch, target, format: 'json', workDoneToken: token }, source);
    const second = await exportBatch({ files, target: path.join(target, 'second'), format: 'json' });
    assert.equal(second.kind, 'refused');
    assert.match((second as { message: string }).message, /running already/);

    const r = (await withTimeout(running, 60_000)) as Done;
    assert.equal(r.kind, 'done');
    assert.equal(r.cancelled, true);
    assert.ok(r.files > 0 && r.files < batch.length, `${r.files} of ${batch.length} exported before the cancel`);
    const left = tree(target);
    assert.deepEqual(left.filter((f) => f.endsWith('.tmp')), [], 'no temp left');
    assert.deepEqual(left, r.written.map((f) => path.relative(target, f).split(path.sep).join('/')).sort(), 'what is there is what the reply says was written');
    for (const f of left) {
      const doc = JSON.parse(readFileSync(path.join(target, f), 'utf8')) as { source: { path: string } };
      assert.ok(Number(/p(\d+)/.exec(doc.source.path)![1]) % 2 === 0, `${doc.source.path}: a continued page is written only once its issue is linked`);
    }

    // The server is free again.
    const again = await exportBatch({ files, target: path.join(target, 'again'), format: 'json' });
    assert.equal(again.kind, 'done');
  });

  test('cancelled while an issue is being written: every file on disk is counted as written (the jobs answer what they were sent before they stop)', async () => {
    // Issues of 300 continued pages, each written in a burst once its last page is exported; the
    // cancel is sent as the first output file appears, among writes sent to the jobs and not yet
    // answered. (Jobs stopped where they were left files on disk that the reply did not count.)
    const batch: string[] = [];
    for (let i = 0; i < 2400; i++) {
      const f = path.join(ws, 'issues', `i${String(Math.floor(i / 300)).padStart(2, '0')}`, `p${i % 300}.txt`);
      mkdirSync(path.dirname(f), { recursive: true });
      copyFileSync(SAMPLE, f);
      batch.push(f);
    }
    const target = mkdtempSync(path.join(tmpdir(), 'newsprint-ws-out-'));
    const source = new CancellationTokenSource();
    const watcher = watch(target, { recursive: true }, (_, name) => {
      if (!name?.endsWith('.articles.json')) return;
      source.cancel();
      watcher.close();
    });
    const r = (await withTimeout(exportBatch({ files: batch, target, format: 'json' }, source), 60_000)) as Done;
    watcher.close();
    assert.equal(r.cancelled, true, 'cancelled before the end');
    const left = tree(target);
    assert.deepEqual(left.filter((f) => f.endsWith('.tmp')), [], 'no temp left');
    assert.deepEqual(left, r.written.map((f) => path.relative(target, f).split(path.sep).join('/')).sort(), 'what is there is what the reply says was written');
  });
});
