// `newsprint rewrite` as a process: prints the page in reading order, --write rewrites in place
// (atomically), a second run changes nothing, and --rule accepts the structure rules.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';
import { SAMPLE } from '../helpers/rules';
import { rewritePage } from '../../server/src/core/rewrite';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'newsprint-rewrite-'));

test('rewrite prints the clean page in reading order', () => {
  const r = runCli(['rewrite', SAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, rewritePage(readFileSync(SAMPLE, 'utf8')).text);
  assert.equal(r.stdout.split('\n').filter((l) => l === '%% article').length, 6);
});

test('rewrite --write rewrites in place; a second run finds nothing to do', () => {
  const dir = scratch();
  const f = path.join(dir, 'page.txt');
  // Not copyFileSync: the samples are read-only, and so would be the copy (left alone by --write).
  writeFileSync(f, readFileSync(SAMPLE));
  const r = runCli(['rewrite', '--write', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /rewritten in reading order/);
  const once = readFileSync(f, 'utf8');
  assert.ok(once.startsWith('%% # newsprint: rewritten'));
  const r2 = runCli(['rewrite', '--write', f]);
  assert.equal(r2.code, 0);
  assert.match(r2.stderr, /already clean text in reading order/);
  assert.equal(readFileSync(f, 'utf8'), once);
});

test('rewrite: missing files exit 2, the others are still written; usage in both languages', () => {
  const dir = scratch();
  const f = path.join(dir, 'p.txt');
  writeFileSync(f, '市政府党组会议召开\n\n□记者 解泉声 报道\n\n会议还研究了其它事项。\n');
  const r = runCli(['rewrite', '--write', path.join(dir, 'missing.txt'), f]);
  assert.equal(r.code, 2);
  assert.ok(readFileSync(f, 'utf8').includes('%% article'));
  assert.match(runCli(['--help']).stdout, /rewrite FILE\|DIR… \[--write\]/);
  assert.match(runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /rewrite 文件\|文件夹… \[--write\]/);
  assert.equal(runCli(['rewrite']).code, 2);
});

test('--rule accepts the structure rules', () => {
  const r = runCli(['lint', '--rule', 'hard-wrap=off', '--rule', 'split-sentence=error', SAMPLE]);
  assert.ok(!/ hard-wrap /.test(r.stdout));
  const on = runCli(['lint', SAMPLE]);
  assert.equal(on.stdout.split('\n').filter((l) => / information hard-wrap /.test(l)).length, 21);
});

test('rewrite says on stderr which texts in no article it put under its %% skip (no longer reported, left out of the export), in both languages', () => {
  const dir = scratch();
  const f = path.join(dir, 'k.txt');
  // A small ad under a story (a phone number on its second line): no article takes it, unclaimed-text reports it.
  writeFileSync(f, '全民阅读活动月正式启动\n\n本报讯 3月5日，我市2025年全民阅读活动月在\n市图书馆正式启动。活动持续到4月底，将举办\n读书分享会、图书漂流等活动60余场。\n\n青川驾校火热招生\n报名热线：0839-7654321\n');
  const before = runCli(['lint', f]).stdout;
  const reported = /unclaimed-text Text "([^"]+)"/.exec(before)?.[1];
  assert.ok(reported, `lint reports a text in no article: ${before}`);
  const r = runCli(['rewrite', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(`%% skip\n${reported}`), r.stdout);
  assert.equal(r.stderr, `newsprint: ${f}: 1 text in no article ("${reported}") is now under a %% skip the rewrite wrote, and the export leaves it out. Check it, and mark its role (e.g. %% body) if it belongs to an article.\n`);
  assert.match(runCli(['rewrite', '--locale', 'zh-cn', f]).stderr, new RegExp(`1 处未归入任何稿件的文字（“${reported}”）改写后位于 %% skip（跳过）之下`));
  // The sample's rewrite reports its one text in no article; a page without any says nothing.
  assert.match(runCli(['rewrite', SAMPLE]).stderr, /1 text in no article/);
  const clean = path.join(dir, 'c.txt');
  writeFileSync(clean, '市政府党组会议召开\n\n□记者 解泉声 报道\n\n会议还研究了其它事项。\n');
  assert.equal(runCli(['rewrite', clean]).stderr, '');
});
