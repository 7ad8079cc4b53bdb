// `newsprint export --out DIR --update`: an archive exported again after some pages changed. Only
// the folders (issues) with a page newer than its output, with no output, or with an output of
// another page or version are exported; their outputs are what a full export writes, and every
// other output is left as it is (not even rewritten).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli';
import { SAMPLE } from '../helpers/rules';

const FIXTURES = path.resolve(__dirname, '../fixtures/issue');
const T0 = new Date('2026-01-01T00:00:00Z');

/** archive/a: a two-page issue with continued articles; archive/b: two pages; archive/c: one. */
function archive(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-update-'));
  const put = (from: string, rel: string) => {
    mkdirSync(path.dirname(path.join(dir, 'archive', rel)), { recursive: true });
    copyFileSync(from, path.join(dir, 'archive', rel));
    utimesSync(path.join(dir, 'archive', rel), T0, T0);
  };
  put(path.join(FIXTURES, 'daily-p1.txt'), 'a/p1.page.txt');
  put(path.join(FIXTURES, 'daily-p2.txt'), 'a/p2.page.txt');
  put(SAMPLE, 'b/p1.page.txt');
  put(SAMPLE, 'b/p2.page.txt');
  put(SAMPLE, 'c/p1.page.txt');
  return dir;
}

/** The outputs, each settled at a known time (later at each call) so that a rewrite shows. */
const OUTPUTS = ['a/p1.articles.json', 'a/p2.articles.json', 'b/p1.articles.json', 'b/p2.articles.json', 'c/p1.articles.json'];
let settled = T0;
function settle(out: string): void {
  settled = new Date(settled.getTime() + 3_600_000);
  for (const f of OUTPUTS) utimesSync(path.join(out, f), settled, settled);
}
/** The outputs written since the last `settle`. */
function rewritten(out: string): string[] {
  return OUTPUTS.filter((f) => statSync(path.join(out, f)).mtimeMs !== settled.getTime());
}

test('--update exports only the folders with a page newer than its output, or no output, or another page\'s or version\'s', () => {
  const dir = archive();
  const full = runCli(['export', 'archive', '--out', 'out'], { cwd: dir });
  assert.equal(full.code, 0, full.stderr);
  const out = path.join(dir, 'out');
  settle(out);

  // Nothing changed: nothing is written.
  let r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^5 files in 3 folders were up to date and not exported again\.\nExported 0 articles from 0 files to out \(0 written, 0 failed\)\.\n$/);
  assert.deepEqual(rewritten(out), []);

  // A page of the issue with continuations changed: both its pages go again (their links with
  // them), as a full export writes them.
  const edited = new Date(settled.getTime() + 60_000);
  utimesSync(path.join(dir, 'archive/a/p2.page.txt'), edited, edited);
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /3 files in 2 folders were up to date/);
  assert.match(r.stderr, /from 2 files to out \(2 written, 0 failed\)/);
  assert.deepEqual(rewritten(out), ['a/p1.articles.json', 'a/p2.articles.json']);
  const again = runCli(['export', 'archive', '--out', 'fresh'], { cwd: dir });
  assert.equal(again.code, 0, again.stderr);
  for (const f of OUTPUTS) assert.equal(readFileSync(path.join(out, f), 'utf8'), readFileSync(path.join(dir, 'fresh', f), 'utf8'), f);
  const p1 = JSON.parse(readFileSync(path.join(out, 'a/p1.articles.json'), 'utf8')) as { articles: { continuation: { linkedId: string | null } | null }[] };
  assert.equal(p1.articles[0].continuation?.linkedId, 'archive/a/p2.page.txt#p1-a2');
  settle(out);

  // An output gone: its folder goes again.
  rmSync(path.join(out, 'c/p1.articles.json'));
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(path.join(out, 'c')), ['p1.articles.json']);
  settle(out);
  assert.deepEqual(rewritten(out), []);

  // An output of another version of Newsprint, or of another page, is out of date however new.
  const b1 = path.join(out, 'b/p1.articles.json');
  writeFileSync(b1, readFileSync(b1, 'utf8').replace(/"version": "[^"]*"/, '"version": "0.0.0-old"'));
  settle(out);
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.deepEqual(rewritten(out), ['b/p1.articles.json', 'b/p2.articles.json']);
  settle(out);
  copyFileSync(path.join(out, 'b/p1.articles.json'), path.join(out, 'c/p1.articles.json'));
  settle(out);
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(rewritten(out), ['c/p1.articles.json']);
  assert.match(readFileSync(path.join(out, 'c/p1.articles.json'), 'utf8'), /"path": "archive\/c\/p1\.page\.txt"/);

  // A page changed just before its output was written (edited while the export ran) is compared
  // by content: the same bytes are up to date, others are not.
  settle(out);
  const c1 = path.join(dir, 'archive/c/p1.page.txt');
  const justBefore = new Date(settled.getTime() - 1000);
  utimesSync(c1, justBefore, justBefore);
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.deepEqual(rewritten(out), [], 'the same bytes');
  writeFileSync(c1, `${readFileSync(c1, 'utf8')}\n一行新的正文。\n`);
  utimesSync(c1, justBefore, justBefore);
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(rewritten(out), ['c/p1.articles.json'], 'other bytes');
});

test('--update exports again what other rule levels made, and the output records them', () => {
  const dir = archive();
  const full = runCli(['export', 'archive', '--out', 'out'], { cwd: dir });
  assert.equal(full.code, 0, full.stderr);
  const out = path.join(dir, 'out');
  const generator = (f: string) => (JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { generator: Record<string, unknown> }).generator;
  assert.deepEqual(generator('b/p1.articles.json'), { name: 'newsprint', version: generator('a/p1.articles.json').version });
  settle(out);

  // A glyph rule turned off: its fixes are no longer applied, so every output is out of date.
  let r = runCli(['export', 'archive', '--out', 'out', '--update', '--rule', 'spaced-glyphs=off', '--rule', 'orphan-label=error'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(rewritten(out), OUTPUTS);
  assert.deepEqual(generator('b/p1.articles.json').rules, { 'orphan-label': 'error', 'spaced-glyphs': 'off' });
  const fresh = runCli(['export', 'archive', '--out', 'fresh', '--rule', 'orphan-label=error', '--rule', 'spaced-glyphs=off'], { cwd: dir });
  assert.equal(fresh.code, 0, fresh.stderr);
  for (const f of OUTPUTS) assert.equal(readFileSync(path.join(out, f), 'utf8'), readFileSync(path.join(dir, 'fresh', f), 'utf8'), f);
  settle(out);

  // The same levels again, in another order: up to date. A level set to its default is no change.
  r = runCli(['export', 'archive', '--out', 'out', '--update', '--rule', 'orphan-label=error', '--rule', 'spaced-glyphs=off', '--rule', 'doubled-glyphs=warning'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^5 files in 3 folders were up to date/);
  assert.deepEqual(rewritten(out), []);

  // Back to the defaults: everything again, as a first export writes it.
  r = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(rewritten(out), OUTPUTS);
  assert.equal(generator('b/p1.articles.json').rules, undefined);
});

test('names depend only on the list: a file that fails keeps its name, and --update tries its folder again', () => {
  const dir = archive();
  // p1.page.txt comes first and fails (binary); p1.txt still gets p1-2.articles.json.
  mkdirSync(path.join(dir, 'archive/d'));
  writeFileSync(path.join(dir, 'archive/d/p1.page.txt'), Buffer.from([0x50, 0, 0x51]));
  copyFileSync(SAMPLE, path.join(dir, 'archive/d/p1.txt'));
  const r = runCli(['export', 'archive', '--include', '*.txt', '--out', 'out'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.deepEqual(readdirSync(path.join(dir, 'out/d')), ['p1-2.articles.json']);
  const u = runCli(['export', 'archive', '--include', '*.txt', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(u.code, 2, u.stderr);
  assert.match(u.stderr, /d\/p1\.page\.txt: looks like binary data/);
  assert.match(u.stderr, /^5 files in 3 folders were up to date/m);
  assert.match(u.stderr, /from 1 file to out \(1 written, 1 failed\)/);
});

test('--update needs --out, and is not --force', () => {
  const dir = archive();
  assert.match(runCli(['export', 'archive', '--jsonl', 'all.jsonl', '--update'], { cwd: dir }).stderr, /--update works with --out DIR/);
  assert.match(runCli(['export', 'archive', '--out', 'out', '--update', '--force'], { cwd: dir }).stderr, /Use --update \(replace what is out of date\) or --force/);
  const refused = runCli(['export', 'archive', '--out', 'out'], { cwd: dir });
  assert.equal(refused.code, 0);
  const twice = runCli(['export', 'archive', '--out', 'out'], { cwd: dir });
  assert.match(twice.stderr, /already exists; not overwritten \(--force replaces it; with --out, --update replaces what is out of date\)/);
});

test('--update removes the temps a killed export left in the folders it leaves alone, and says so', () => {
  const dir = archive();
  assert.equal(runCli(['export', 'archive', '--out', 'out'], { cwd: dir }).code, 0);
  // A process that has ended: its temps are a killed export's.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const temp = path.join(dir, 'out', 'b', `.p1.articles.json.${dead.stdout}.x1.tmp`);
  writeFileSync(temp, '{"half');
  const u = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(u.code, 0, u.stderr);
  assert.match(u.stderr, /^newsprint: Removed 1 temporary file that an interrupted export left in out\.$/m);
  assert.match(u.stderr, /5 files in 3 folders were up to date/);
  assert.deepEqual(readdirSync(path.join(dir, 'out', 'b')).sort(), ['p1.articles.json', 'p2.articles.json']);
});

test('--update says which outputs no page gives any more; --prune removes them and exports their folders again', () => {
  const dir = archive();
  assert.equal(runCli(['export', 'archive', '--out', 'out'], { cwd: dir }).code, 0);
  const out = path.join(dir, 'out');
  settle(out);
  const p1 = () => readFileSync(path.join(out, 'a/p1.articles.json'), 'utf8');
  assert.match(p1(), /"linkedId": "archive\/a\/p2\.page\.txt#/, 'page 1 links to page 2');
  rmSync(path.join(dir, 'archive/a/p2.page.txt')); // page 2 of issue a is deleted

  const said = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(said.code, 0, said.stderr);
  assert.match(said.stderr, /^newsprint: 1 output in out has no page in this export any more \(a page or its folder deleted, renamed, or left out by --include\), e\.g\. .*out\/a\/p2\.articles\.json; it is left as it is, and so are links to it\. Run with --prune to remove it \(its folder, if it still has pages, is then exported again\)\.$/m);
  assert.deepEqual(rewritten(out), [], 'nothing rewritten');

  const pruned = runCli(['export', 'archive', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.equal(pruned.code, 0, pruned.stderr);
  assert.match(pruned.stderr, /^newsprint: Removed 1 output in out that no page gives any more \(e\.g\. .*out\/a\/p2\.articles\.json\); the folders that still have pages were exported again\.$/m);
  assert.deepEqual(readdirSync(path.join(out, 'a')), ['p1.articles.json']);
  const fresh = runCli(['export', 'archive', '--out', 'fresh'], { cwd: dir });
  assert.equal(fresh.code, 0, fresh.stderr);
  assert.equal(p1(), readFileSync(path.join(dir, 'fresh/a/p1.articles.json'), 'utf8'), 'page 1 as a clean export writes it: no link to the page that is gone');
  const again = runCli(['export', 'archive', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.doesNotMatch(again.stderr, /outputs in out/, 'nothing left to say');

  const usage = runCli(['export', 'archive', '--out', 'out', '--prune'], { cwd: dir });
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--prune works with --update/);
});

test('--update says the outputs of a folder deleted or renamed whole, of the folders it walked only; --prune removes them and the folders they leave empty', () => {
  const dir = archive();
  assert.equal(runCli(['export', 'archive', '--out', 'out'], { cwd: dir }).code, 0);
  const out = path.join(dir, 'out');
  rmSync(path.join(dir, 'archive/c'), { recursive: true }); // issue c deleted
  renameSync(path.join(dir, 'archive/b'), path.join(dir, 'archive/b2')); // issue b renamed
  // Not this run's to remove: a file in an issue's folder that is no output of Newsprint's, and an
  // output of another run, mirrored otherwise (its page's folder is b, not x).
  writeFileSync(path.join(out, 'c/notes.articles.json'), '{"mine": true}\n');
  mkdirSync(path.join(out, 'x'));
  copyFileSync(path.join(out, 'b/p1.articles.json'), path.join(out, 'x/p1.articles.json'));

  // Runs that name part of the archive say nothing of the folders they did not walk.
  for (const part of [['archive/a', '--out', 'out/a'], ['archive/a/p1.page.txt', 'archive/a/p2.page.txt', '--out', 'out/a'], ['archive/a', '--out', 'out']]) {
    const r = runCli(['export', ...part, '--update'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /outputs in/, part.join(' '));
  }
  for (const f of ['p1.articles.json', 'p2.articles.json']) rmSync(path.join(out, f)); // the last run's, into out itself

  const said = runCli(['export', 'archive', '--out', 'out', '--update'], { cwd: dir });
  assert.equal(said.code, 0, said.stderr);
  assert.match(said.stderr, /^newsprint: 3 outputs in out have no page in this export any more .*, e\.g\. out\/b\/p1\.articles\.json;/m);
  assert.deepEqual(readdirSync(path.join(out, 'b')), ['p1.articles.json', 'p2.articles.json'], 'only said');
  assert.deepEqual(readdirSync(path.join(out, 'b2')), ['p1.articles.json', 'p2.articles.json'], 'the renamed issue exported');

  const pruned = runCli(['export', 'archive', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.equal(pruned.code, 0, pruned.stderr);
  // Folders with no page left: nothing was exported again for them, and the message does not say so.
  assert.match(pruned.stderr, /^newsprint: Removed 3 outputs in out that no page gives any more \(e\.g\. out\/b\/p1\.articles\.json\)\.$/m);
  assert.deepEqual(readdirSync(out).sort(), ['a', 'b2', 'c', 'x'], 'b left empty and removed');
  assert.deepEqual(readdirSync(path.join(out, 'c')), ['notes.articles.json']);
  assert.deepEqual(readdirSync(path.join(out, 'x')), ['p1.articles.json']);
  const again = runCli(['export', 'archive', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.doesNotMatch(again.stderr, /outputs in out/, 'nothing left to say');
});

test('--update in a folder it writes into says nothing of another archive\'s outputs there; --prune leaves them', () => {
  // Two archives exported into one --out, mirrored into the same folder d1.
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-update-'));
  for (const [rel, from] of [['A/d1/p1.page.txt', SAMPLE], ['A/d1/p2.page.txt', SAMPLE], ['B/d1/q2.page.txt', SAMPLE]]) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(from, path.join(dir, rel));
  }
  for (const archive of ['A', 'B']) assert.equal(runCli(['export', archive, '--out', 'out'], { cwd: dir }).code, 0);
  const d1 = path.join(dir, 'out/d1');
  assert.deepEqual(readdirSync(d1).sort(), ['p1.articles.json', 'p2.articles.json', 'q2.articles.json']);

  for (const args of [['--update'], ['--update', '--prune']]) {
    const r = runCli(['export', 'A', '--out', 'out', ...args], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /outputs? in out/, args.join(' '));
  }
  assert.deepEqual(readdirSync(d1).sort(), ['p1.articles.json', 'p2.articles.json', 'q2.articles.json'], 'B/d1/q2.page.txt is there: its output stays');

  // A page of A deleted: its output is A's orphan, and only it.
  rmSync(path.join(dir, 'A/d1/p2.page.txt'));
  const said = runCli(['export', 'A', '--out', 'out', '--update'], { cwd: dir });
  assert.match(said.stderr, /^newsprint: 1 output in out has no page .*, e\.g\. out\/d1\/p2\.articles\.json;/m);
  const pruned = runCli(['export', 'A', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.match(pruned.stderr, /^newsprint: Removed 1 output in out that no page gives any more \(e\.g\. out\/d1\/p2\.articles\.json\); the folders that still have pages were exported again\.$/m);
  assert.deepEqual(readdirSync(d1).sort(), ['p1.articles.json', 'q2.articles.json']);
  // And B's, from B's run.
  rmSync(path.join(dir, 'B/d1/q2.page.txt'));
  writeFileSync(path.join(dir, 'B/d1/q3.page.txt'), readFileSync(SAMPLE));
  const b = runCli(['export', 'B', '--out', 'out', '--update'], { cwd: dir });
  assert.match(b.stderr, /^newsprint: 1 output in out has no page .*, e\.g\. out\/d1\/q2\.articles\.json;/m);
});

test('--update says nothing of outputs another root exported into the same --out (source.path is relative to each run\'s root); --prune leaves them', () => {
  // A and B each exported from their own folder: both record paths 2024/…, mirrored into shared/2024.
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-update-'));
  for (const rel of ['A/2024/a.page.txt', 'B/2024/b.page.txt', 'B/2024/c.page.txt']) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(SAMPLE, path.join(dir, rel));
  }
  for (const root of ['A', 'B']) assert.equal(runCli(['export', '.', '--out', '../shared'], { cwd: path.join(dir, root) }).code, 0);
  const shared = path.join(dir, 'shared/2024');
  assert.deepEqual(readdirSync(shared).sort(), ['a.articles.json', 'b.articles.json', 'c.articles.json']);
  const head = JSON.parse(readFileSync(path.join(shared, 'a.articles.json'), 'utf8')).source;
  assert.equal(head.path, '2024/a.page.txt');
  assert.match(head.rootId, /^[0-9a-f]{16}$/);
  assert.notEqual(head.rootId, JSON.parse(readFileSync(path.join(shared, 'b.articles.json'), 'utf8')).source.rootId);

  // B's page c deleted: its output is B's orphan; A's a (no B/2024/a.page.txt) is not B's to say.
  rmSync(path.join(dir, 'B/2024/c.page.txt'));
  const r = runCli(['export', '.', '--out', '../shared', '--update', '--prune'], { cwd: path.join(dir, 'B') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^newsprint: Removed 1 output in \.\.\/shared that no page gives any more \(e\.g\. \.\.\/shared\/2024\/c\.articles\.json\)/m);
  assert.deepEqual(readdirSync(shared).sort(), ['a.articles.json', 'b.articles.json'], 'A/2024/a.page.txt is there: its output stays');
});

test('--update of files named says nothing of the outputs it does not plan, and --prune removes none', () => {
  const dir = archive();
  const out = path.join(dir, 'out');
  copyFileSync(SAMPLE, path.join(dir, 'archive/c/p3.page.txt'));
  assert.equal(runCli(['export', 'archive/c/p3.page.txt', '--out', 'out'], { cwd: dir }).code, 0);
  assert.equal(runCli(['export', 'archive/b/p1.page.txt', 'archive/b/p2.page.txt', '--out', 'out'], { cwd: dir }).code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['p1.articles.json', 'p2.articles.json', 'p3.articles.json']);
  rmSync(path.join(dir, 'archive/b/p2.page.txt'));
  // c/p3's output (its page is there) and b/p2's (its page is gone) are not this run's.
  for (const args of [['--update'], ['--update', '--prune']]) {
    const r = runCli(['export', 'archive/b/p1.page.txt', '--out', 'out', ...args], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /outputs? in out/, args.join(' '));
  }
  assert.deepEqual(readdirSync(out).sort(), ['p1.articles.json', 'p2.articles.json', 'p3.articles.json']);
});

test('--update: an output whose page is still there and taken by --include is no orphan, though the walk did not list it; one left out by --include is', () => {
  const dir = archive();
  const out = path.join(dir, 'out');
  // archive/link is a link to a folder, which the walk of archive does not follow; its page's
  // output comes from a run over the link itself.
  mkdirSync(path.join(dir, 'elsewhere'));
  copyFileSync(SAMPLE, path.join(dir, 'elsewhere/p1.page.txt'));
  symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'archive/link'), 'dir');
  assert.equal(runCli(['export', 'archive', '--out', 'out'], { cwd: dir }).code, 0);
  assert.equal(runCli(['export', 'archive/link', '--out', 'out/link'], { cwd: dir }).code, 0);
  for (const args of [['--update'], ['--update', '--prune']]) {
    const r = runCli(['export', 'archive', '--out', 'out', ...args], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /outputs? in out/, args.join(' '));
  }
  assert.deepEqual(readdirSync(path.join(out, 'link')), ['p1.articles.json']);

  // Pages that --include leaves out are said (as documented), though they are there: b's, c's and the link's.
  const r = runCli(['export', 'archive', '--include', 'a/*', '--out', 'out', '--update'], { cwd: dir });
  assert.match(r.stderr, /^newsprint: 4 outputs in out have no page .*, e\.g\. out\/b\/p1\.articles\.json;/m);
});

test('--update: an output of a page of the run that now takes another name is an orphan', () => {
  const dir = archive();
  // P1 comes before p1 and takes the name; p1 gets p1-2 (in any letter case).
  copyFileSync(SAMPLE, path.join(dir, 'archive/c/P1.page.txt'));
  assert.equal(runCli(['export', 'archive', '--out', 'out'], { cwd: dir }).code, 0);
  const c = path.join(dir, 'out/c');
  assert.deepEqual(readdirSync(c).sort(), ['P1.articles.json', 'p1-2.articles.json']);
  rmSync(path.join(dir, 'archive/c/P1.page.txt'));
  const r = runCli(['export', 'archive', '--out', 'out', '--update', '--prune'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^newsprint: Removed 2 outputs in out/m);
  assert.deepEqual(readdirSync(c), ['p1.articles.json']);
});
