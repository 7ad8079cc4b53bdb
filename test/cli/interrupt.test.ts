// Ctrl-C during `newsprint export`: the batch stops as the editor's Cancel stops it. No file is
// started after the signal, the files written are complete and counted, no temp is left, the exit
// code is the signal's (130), and `--update` then finishes the export. `fix --write` stops between
// files the same way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI, CLI_ENV, runCli } from '../helpers/cli';
import { tree } from '../helpers/files';
import { SAMPLE } from '../helpers/rules';
import { assertValidDocument } from '../helpers/schema';

const ISSUES = 500;
const PAGES = 4;
const TOTAL = ISSUES * PAGES; // 2000, as the messages below say

/**
 * archive/NNN/pK.page.txt: ISSUES folders of PAGES sample pages, each continued to the next page,
 * or (`continued` false) with the sample's continuation markers taken out.
 */
function archive(continued = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-interrupt-'));
  const page = readFileSync(SAMPLE, 'utf8');
  const text = continued ? page : page.replaceAll('（下转第二版）', '');
  assert.ok(continued || text !== page, 'the sample has the marker to take out');
  for (let i = 0; i < ISSUES; i++) {
    const issue = path.join(dir, 'archive', String(i).padStart(3, '0'));
    mkdirSync(issue, { recursive: true });
    for (let p = 1; p <= PAGES; p++) {
      if (continued) copyFileSync(SAMPLE, path.join(issue, `p${p}.page.txt`));
      else writeFileSync(path.join(issue, `p${p}.page.txt`), text);
    }
  }
  return dir;
}

/** Starts an export and sends it `signal` once a file appears in `watched` (recursively); resolves with its exit. */
async function interrupted(args: string[], cwd: string, watched: string, signal: NodeJS.Signals) {
  mkdirSync(watched, { recursive: true });
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: CLI_ENV });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no file in ${watched} within 60 s`)), 60_000);
    const watcher = watch(watched, { recursive: true }, () => {
      if (tree(watched).length === 0) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
  });
  child.kill(signal);
  const [code, killedBy] = await exited;
  return { code, killedBy, stderr };
}

for (const [jobs, continued] of [['1', true], ['2', true], ['1', false], ['2', false]] as const) {
  test(`Ctrl-C stops an export --out --jobs ${jobs}${continued ? '' : ', pages not continued'}: the files written are complete and counted, whole issues, no temp is left, --update finishes it`, async () => {
    const dir = archive(continued);
    const out = path.join(dir, 'out');
    const r = await interrupted(['export', 'archive', '--out', 'out', '--jobs', jobs], dir, out, 'SIGINT');
    assert.equal(r.killedBy, null, 'the process ended itself');
    assert.equal(r.code, 130, r.stderr);
    const m = /^Stopping: finishing the files in progress \(press Ctrl-C again to stop at once\)\.\nExport stopped after (\d+) of 2000 files\. The (\d+) files written to out are complete and stay; run it again with --update to finish\.\n$/.exec(r.stderr);
    assert.ok(m, r.stderr);
    const written = Number(m[2]);
    assert.ok(written > 0 && written < TOTAL && written <= Number(m[1]), r.stderr);
    const files = tree(out);
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), []);
    assert.equal(files.length, written);
    for (const f of files) assertValidDocument(JSON.parse(readFileSync(path.join(out, f), 'utf8')));
    // Whole issues only: every page waits for its issue's last page (a continued one to be linked, any
    // other so that no issue is left half new and half old), so a stopped issue left nothing.
    const issues = new Map<string, number>();
    for (const f of files) issues.set(path.dirname(f), (issues.get(path.dirname(f)) ?? 0) + 1);
    assert.deepEqual([...new Set(issues.values())], [PAGES]);

    const u = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
    assert.equal(u.code, 0, u.stderr);
    assert.match(u.stderr, new RegExp(`^${written} files in ${written / PAGES} folders? were up to date`));
    assert.equal(tree(out).length, TOTAL);
    rmSync(dir, { recursive: true, force: true });
  });
}

test('SIGTERM stops an export --jsonl: no target and no temp are left, exit 143', async () => {
  const dir = archive();
  const r = await interrupted(['export', 'archive', '--jsonl', 'json/all.jsonl', '--jobs', '2'], dir, path.join(dir, 'json'), 'SIGTERM');
  assert.equal(r.killedBy, null, 'the process ended itself');
  assert.equal(r.code, 143, r.stderr);
  assert.match(r.stderr, /^Stopping: .*\nExport stopped after \d+ of 2000 files; nothing was written\.\n$/);
  assert.equal(existsSync(path.join(dir, 'json/all.jsonl')), false);
  assert.deepEqual(readdirSync(path.join(dir, 'json')), []);
  rmSync(dir, { recursive: true, force: true });
});

test('Ctrl-C stops fix --write between files: those said fixed are, the rest untouched, no temp is left', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-interrupt-fix-'));
  const page = readFileSync(SAMPLE, 'utf8');
  const fixed = runCli(['fix', SAMPLE]).stdout;
  assert.notEqual(fixed, page);
  const names = Array.from({ length: 600 }, (_, i) => `p${String(i + 1).padStart(4, '0')}.page.txt`);
  for (const n of names) writeFileSync(path.join(dir, n), page);
  const child = spawn(process.execPath, [CLI, 'fix', '--write', '.'], { cwd: dir, env: CLI_ENV });
  let stderr = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // Interrupted once the first file is said fixed.
  child.stderr.on('data', (b: Buffer) => {
    const first = stderr === '';
    stderr += b.toString();
    if (first) child.kill('SIGINT');
  });
  const [code, killedBy] = await exited;
  assert.equal(killedBy, null, 'the process ended itself');
  assert.equal(code, 130, stderr);
  const m = /\nStopped after (\d+) of 600 files; the files written are complete\.\n$/.exec(stderr);
  assert.ok(m, stderr);
  const done = Number(m[1]);
  assert.ok(done > 0 && done < 600, stderr);
  assert.equal(stderr.match(/: fixed \d+ problems\.$/gm)?.length, done);
  names.forEach((n, i) => assert.equal(readFileSync(path.join(dir, n), 'utf8'), i < done ? fixed : page, n));
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  rmSync(dir, { recursive: true, force: true });
});
