// `newsprint export` as a process: stdout for one file, --out and --jsonl, parallel jobs give the
// same bytes, no overwrite without --force, unreadable files reported while the rest go on.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { linkContinuations } from '../../server/src/core/continuations';
import { exportArticles, serializeDocument, serializeLines } from '../../server/src/core/export';
import { exportFile, rootIdOf } from '../../server/src/node/exportFile';
import { sha256 } from '../../server/src/node/files';
import { BYTES_PER_JOB, defaultJobs } from '../../server/src/node/batchExport';
import { CLI, CLI_ENV, runCli } from '../helpers/cli';
import { tree } from '../helpers/files';
import { SAMPLE } from '../helpers/rules';
import { assertValidDocument, assertValidLine } from '../helpers/schema';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'newsprint-export-'));
const version = (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

function issueDir(n: number): string {
  const dir = scratch();
  mkdirSync(path.join(dir, 'pages'));
  for (let i = 1; i <= n; i++) copyFileSync(SAMPLE, path.join(dir, 'pages', `daily-p${i}.txt`));
  return dir;
}

test('one file, no target: the JSON goes to stdout, valid, identical to the core export', () => {
  const dir = issueDir(1);
  const r = runCli(['export', 'pages/daily-p1.txt'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { source: { path: string }; articles: unknown[] };
  assertValidDocument(doc);
  assert.equal(doc.source.path, 'pages/daily-p1.txt');
  assert.equal(doc.articles.length, 6);
  const bytes = readFileSync(SAMPLE);
  const expected = serializeDocument(exportArticles(bytes.toString('utf8'), { path: 'pages/daily-p1.txt', sha256: sha256(bytes), version }));
  assert.equal(r.stdout, expected);
});

test('--out writes one file per page; --jobs 2 gives the same bytes as --jobs 1', () => {
  const dir = issueDir(6);
  const files = readdirSync(path.join(dir, 'pages')).map((f) => `pages/${f}`);
  const a = runCli(['export', ...files, '--out', 'out1', '--jobs', '1'], { cwd: dir });
  const b = runCli(['export', ...files, '--out', 'out2', '--jobs', '2'], { cwd: dir });
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.match(a.stderr, /Exported 36 articles from 6 files/);
  const names = readdirSync(path.join(dir, 'out1')).sort();
  assert.deepEqual(names, files.map((f) => path.basename(f, '.txt') + '.articles.json').sort());
  for (const n of names) {
    const one = readFileSync(path.join(dir, 'out1', n), 'utf8');
    assert.equal(readFileSync(path.join(dir, 'out2', n), 'utf8'), one);
    assertValidDocument(JSON.parse(one));
  }
});

test('--jsonl writes one valid record per article; the summary says one article and one file in the singular', () => {
  const dir = issueDir(2);
  const r = runCli(['export', 'pages/daily-p1.txt', 'pages/daily-p2.txt', '--jsonl', 'all.jsonl'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(path.join(dir, 'all.jsonl'), 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 12);
  for (const l of lines) assertValidLine(JSON.parse(l));
  // Written and failed count files (pages), as with --out, not the one output.
  assert.equal(r.stderr, 'Exported 12 articles from 2 files to all.jsonl (2 written, 0 failed).\n');
  const missing = runCli(['export', 'pages/daily-p1.txt', 'pages/missing.txt', 'pages/daily-p2.txt', '--jsonl', 'some.jsonl'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\nExported 12 articles from 2 files to some\.jsonl \(2 written, 1 failed\)\.\n$/);

  const story = 'FIRE DESTROYS MILL\nThe large flour mill of the Acme Company at Sandusky was destroyed by\nfire last night, with a loss estimated at one hundred thousand dollars.\n';
  writeFileSync(path.join(dir, 'pages/one.txt'), story);
  const one = runCli(['export', 'pages/one.txt', '--jsonl', 'one.jsonl'], { cwd: dir });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(readFileSync(path.join(dir, 'one.jsonl'), 'utf8').trimEnd().split('\n').length, 1);
  assert.equal(one.stderr, 'Exported 1 article from 1 file to one.jsonl (1 written, 0 failed).\n');
  const zh = runCli(['export', 'pages/one.txt', '--jsonl', 'one-zh.jsonl', '--locale', 'zh-cn'], { cwd: dir });
  assert.equal(zh.stderr, '已从 1 个文件导出 1 篇稿件到 one-zh.jsonl（写入 1 个，失败 0 个）。\n', 'Chinese as before');
});

test('an existing output is not overwritten without --force', () => {
  const dir = issueDir(1);
  writeFileSync(path.join(dir, 'all.jsonl'), 'precious');
  const r = runCli(['export', 'pages/daily-p1.txt', '--jsonl', 'all.jsonl'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /already exists; not overwritten \(--force replaces it/);
  assert.equal(readFileSync(path.join(dir, 'all.jsonl'), 'utf8'), 'precious');
  assert.doesNotMatch(r.stderr, /Exported/); // refused before any file was read
  assert.equal(runCli(['export', 'pages/daily-p1.txt', '--jsonl', 'all.jsonl', '--force'], { cwd: dir }).code, 0);
  assert.notEqual(readFileSync(path.join(dir, 'all.jsonl'), 'utf8'), 'precious');
});

test('a file that cannot be read is reported, the rest are exported, the exit code says so', () => {
  const dir = issueDir(2);
  const r = runCli(['export', 'pages/daily-p1.txt', 'pages/missing.txt', 'pages', 'pages/daily-p2.txt', '--out', 'out', '--jobs', '2'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.txt: no such file/);
  // A folder stands for the page dumps in it: these pages are plain .txt, which the default --include leaves out.
  assert.match(r.stderr, /pages: no page dumps in this folder \(looked for \*\*\/\*\.\{pagedump,page\.txt\}/);
  assert.deepEqual(readdirSync(path.join(dir, 'out')).sort(), ['daily-p1.articles.json', 'daily-p2.articles.json']);
});

test('an unwritable target is a clear error', () => {
  const dir = issueDir(1);
  writeFileSync(path.join(dir, 'blocker'), 'a file, not a folder');
  const r = runCli(['export', 'pages/daily-p1.txt', '--out', 'blocker/sub'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /blocker\/sub: the folder cannot be made: a part of the path is a file, not a folder \(ENOTDIR\)\./);
  const onFile = runCli(['export', 'pages/daily-p1.txt', '--out', 'blocker'], { cwd: dir });
  assert.equal(onFile.code, 2);
  assert.equal(onFile.stderr, 'newsprint: blocker: is a file, not a folder; the export writes its files into a folder.\n');
});

test('usage errors: several files need a target; --out and --jsonl exclude each other; bad --jobs', () => {
  const dir = issueDir(2);
  assert.match(runCli(['export', 'pages/daily-p1.txt', 'pages/daily-p2.txt'], { cwd: dir }).stderr, /Several files need --out DIR/);
  assert.match(runCli(['export', 'pages/daily-p1.txt', '--out', 'a', '--jsonl', 'b'], { cwd: dir }).stderr, /not both/);
  assert.match(runCli(['export', 'pages/daily-p1.txt', '--jobs', '0'], { cwd: dir }).stderr, /Bad --jobs/);
});

test('continued articles are linked across the files of a batch, with --jobs 1 and 2, in JSON and JSON Lines', () => {
  const dir = scratch();
  mkdirSync(path.join(dir, 'issue'));
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  for (const f of ['daily-p1.txt', 'daily-p2.txt']) copyFileSync(path.join(fixtures, f), path.join(dir, 'issue', f));
  for (const jobs of ['1', '2']) {
    const out = `out${jobs}`;
    const r = runCli(['export', 'issue/daily-p1.txt', 'issue/daily-p2.txt', '--out', out, '--jobs', jobs], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const p1 = JSON.parse(readFileSync(path.join(dir, out, 'daily-p1.articles.json'), 'utf8')) as { articles: { id: string; continuation: { linkedId: string | null } | null }[] };
    const p2 = JSON.parse(readFileSync(path.join(dir, out, 'daily-p2.articles.json'), 'utf8')) as typeof p1;
    assert.equal(p1.articles[0].continuation?.linkedId, 'issue/daily-p2.txt#p1-a2');
    assert.equal(p2.articles[1].continuation?.linkedId, 'issue/daily-p1.txt#p1-a1');
    assert.equal(p1.articles[5].continuation?.linkedId, 'issue/daily-p2.txt#p1-a1');
    assertValidDocument(p1);
    const jl = runCli(['export', 'issue/daily-p1.txt', 'issue/daily-p2.txt', '--jsonl', `all${jobs}.jsonl`, '--jobs', jobs], { cwd: dir });
    assert.equal(jl.code, 0, jl.stderr);
    const recs = readFileSync(path.join(dir, `all${jobs}.jsonl`), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { article: { continuation: { linkedId: string | null } | null } });
    assert.equal(recs.filter((x) => x.article.continuation?.linkedId).length, 4);
  }
});

test('a story over three files of an issue is linked page to page both ways, the middle part by continuation and continuedTo, with --out and --jsonl', () => {
  const dir = scratch();
  mkdirSync(path.join(dir, 'issue'));
  const pages = [
    ['全市夏粮喜获丰收', '', '本报讯 今年全市夏粮播种面积稳中有增，单产再创新高，总产量达到历史最好水平。各地抓住有利', '天气抢收抢晒，确保颗粒归仓，收获进度明显快于往年。（下转第二版）'],
    ['夏粮丰收', '', '（上接第一版）农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十', '二个，日烘干能力大幅提升，粮食收购工作同步展开，价格保持稳定。（下转第三版）', '', '市场监管局开展秋季食品安全检查', '', '本报讯 近日，市市场监管局组织执法人员对全市各大商超、农贸市场开展秋季食品安全专项检', '查，重点检查食品进货查验、索证索票、过期食品处置等情况，共检查经营主体一百二十余家。（下转第四版）'],
    ['夏粮丰收', '', '（上接第二版）下一步，全市将继续做好秋粮生产各项工作，为全年粮食丰收打下坚实基础。各级', '农业部门要压实责任，确保各项措施落到实处。'],
  ];
  const files = pages.map((lines, k) => {
    writeFileSync(path.join(dir, 'issue', `p${k + 1}.txt`), `${lines.join('\n')}\n`);
    return `issue/p${k + 1}.txt`;
  });
  const docs = files.map((f) => exportFile(path.join(dir, f), { rules: {}, locale: 'C', root: dir, version }).doc);
  linkContinuations(docs);
  // The files of --out record their root too (source.rootId).
  const outDocs = files.map((f) => exportFile(path.join(dir, f), { rules: {}, locale: 'C', root: dir, version, rootId: rootIdOf(dir) }).doc);
  linkContinuations(outDocs);
  type Part = { id: string; continuation: { linkedId: string | null } | null; continuedTo?: { linkedId: string | null } };
  const chain = (p1: Part, p2: Part, other: Part, p3: Part) => {
    assert.deepEqual(
      [p1.continuation?.linkedId, p2.continuation?.linkedId, p2.continuedTo?.linkedId, other.continuation?.linkedId, other.continuedTo, p3.continuation?.linkedId],
      ['issue/p2.txt#p1-a1', 'issue/p1.txt#p1-a1', 'issue/p3.txt#p1-a1', null, undefined, 'issue/p2.txt#p1-a1'],
    );
  };
  chain(docs[0].articles[0], docs[1].articles[0], docs[1].articles[1], docs[2].articles[0]);
  for (const jobs of ['1', '2']) {
    const r = runCli(['export', ...files, '--out', `out${jobs}`, '--jobs', jobs], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const got = files.map((f) => readFileSync(path.join(dir, `out${jobs}`, path.basename(f, '.txt') + '.articles.json'), 'utf8'));
    assert.deepEqual(got, outDocs.map(serializeDocument), `--out --jobs ${jobs}`);
    const parsed = got.map((t) => JSON.parse(t) as { articles: Part[] });
    for (const d of parsed) assertValidDocument(d);
    chain(parsed[0].articles[0], parsed[1].articles[0], parsed[1].articles[1], parsed[2].articles[0]);
    const jl = runCli(['export', ...files, '--jsonl', `all${jobs}.jsonl`, '--jobs', jobs], { cwd: dir });
    assert.equal(jl.code, 0, jl.stderr);
    const lines = readFileSync(path.join(dir, `all${jobs}.jsonl`), 'utf8');
    assert.equal(lines, serializeLines(docs), `--jsonl --jobs ${jobs}`);
    const recs = lines.trimEnd().split('\n').map((l) => JSON.parse(l) as { article: Part });
    for (const x of recs) assertValidLine(x);
    chain(...(recs.map((x) => x.article) as [Part, Part, Part, Part]));
  }
  assert.deepEqual(tempsIn(dir), []);
});

/** a/: the two-page issue with continuations; b/p1.txt: a named pipe, whose read waits until the test writes it. */
function issueThenPipe(): { dir: string; pipe: string } {
  const dir = scratch();
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  for (const issue of ['a', 'b']) mkdirSync(path.join(dir, issue));
  for (const f of ['daily-p1.txt', 'daily-p2.txt']) copyFileSync(path.join(fixtures, f), path.join(dir, 'a', f));
  const pipe = path.join(dir, 'b', 'p1.txt');
  assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
  return { dir, pipe };
}

test('an issue is linked and written as soon as its last file is taken, before the rest of the batch is read', async () => {
  // The next issue's page is a named pipe: reading it waits until the test writes the page. By then
  // the first issue's continued pages must be at their targets with their links (they used to wait
  // for the whole batch, holding every continued page's link data in memory).
  const { dir, pipe } = issueThenPipe();
  for (const [flag, target] of [['--out', 'out'], ['--jsonl', 'all.jsonl']] as const) {
    const child = spawn(process.execPath, [CLI, 'export', 'a/daily-p1.txt', 'a/daily-p2.txt', 'b/p1.txt', flag, target, '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = once(child, 'exit');
    if (flag === '--out') {
      // Both pages of issue a, linked, while b/p1.txt is not yet written.
      const p1 = path.join(dir, 'out', 'a', 'daily-p1.articles.json');
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          watcher.close();
          child.kill('SIGKILL'); // blocked on the pipe: it would keep the test process alive
          reject(new Error(`issue a not written within 60 s: ${stderr}`));
        }, 60_000);
        const check = () => {
          if (!existsSync(p1) || !existsSync(path.join(dir, 'out', 'a', 'daily-p2.articles.json'))) return;
          clearTimeout(timer);
          watcher.close();
          resolve();
        };
        mkdirSync(path.join(dir, 'out', 'a'), { recursive: true });
        const watcher = watch(path.join(dir, 'out', 'a'), check);
        check();
      });
      const doc = JSON.parse(readFileSync(p1, 'utf8')) as { articles: { continuation: { linkedId: string | null } | null }[] };
      assert.equal(doc.articles[0].continuation?.linkedId, 'a/daily-p2.txt#p1-a2');
      assert.equal(child.exitCode, null, 'the export is still waiting for b/p1.txt');
    }
    writeFileSync(pipe, readFileSync(SAMPLE, 'utf8'));
    const [code] = (await exited) as [number];
    assert.equal(code, 0, stderr);
  }
  const recs = readFileSync(path.join(dir, 'all.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { article: { continuation: { linkedId: string | null } | null } });
  assert.equal(recs.filter((x) => x.article.continuation?.linkedId).length, 4);
  assert.deepEqual(tree(path.join(dir, 'out')), ['a/daily-p1.articles.json', 'a/daily-p2.articles.json', 'b/p1.articles.json']);
});

test('--jsonl - writes the lines to stdout, each issue as soon as it is linked, the bytes of --jsonl FILE', async () => {
  // As above: the next issue's page is a named pipe, written once issue a's lines are out.
  const { dir, pipe } = issueThenPipe();
  for (const jobs of ['1', '2']) {
    const child = spawn(process.execPath, [CLI, 'export', 'a/daily-p1.txt', 'a/daily-p2.txt', 'b/p1.txt', '--jsonl', '-', '--jobs', jobs], { cwd: dir, env: CLI_ENV });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = once(child, 'exit');
    // Issue a's lines, p1's link to p2 patched in, while b/p1.txt is not read yet.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`issue a not on stdout within 60 s: ${stderr}`));
      }, 60_000);
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        if (!stdout.includes('"linkedId":"a/daily-p2.txt#p1-a2"') || !stdout.includes('"path":"a/daily-p2.txt"')) return;
        clearTimeout(timer);
        resolve();
      });
    });
    assert.equal(child.exitCode, null, 'the export is still waiting for b/p1.txt');
    writeFileSync(pipe, readFileSync(SAMPLE, 'utf8'));
    const [code] = (await exited) as [number];
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^Exported \d+ articles from 3 files to standard output \(3 written, 0 failed\)\.\n$/);
    // The same bytes as a file export of the same pages (b/p1.txt a plain file this time).
    rmSync(pipe);
    copyFileSync(SAMPLE, pipe);
    const ref = runCli(['export', 'a/daily-p1.txt', 'a/daily-p2.txt', 'b/p1.txt', '--jsonl', 'ref.jsonl', '--force'], { cwd: dir });
    assert.equal(ref.code, 0, ref.stderr);
    assert.equal(stdout, readFileSync(path.join(dir, 'ref.jsonl'), 'utf8'));
    assert.equal(existsSync(path.join(dir, '-')), false);
    rmSync(pipe);
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
  }
});

test('on a terminal, --jsonl - shows no progress line among the lines; --jsonl FILE does', () => {
  // `script` runs the CLI on a pseudo-terminal (stdout and stderr both): the progress line shows
  // only there, so the second run proves the first one could have shown it.
  const { dir } = twoIssues();
  const onTerminal = (target: string) => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} export a b --include '*.txt' --jsonl ${target} --force`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: CLI_ENV, timeout: 60_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    return r.stdout;
  };
  const toStdout = onTerminal('-');
  assert.match(toStdout, /"schema":"newsprint\.articles\/1"/);
  assert.doesNotMatch(toStdout, /Exporting:/);
  assert.match(onTerminal('all.jsonl'), /Exporting: \d+ of 4 files/);
});

/** Two issues whose pages share names (a/ and b/ in --out), continued across pages, plus plain pages (pages/). */
function twoIssues(): { dir: string; files: string[] } {
  const dir = scratch();
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  const files: string[] = [];
  for (const issue of ['a', 'b']) {
    mkdirSync(path.join(dir, issue));
    for (const f of ['daily-p1.txt', 'daily-p2.txt']) {
      copyFileSync(path.join(fixtures, f), path.join(dir, issue, f));
      files.push(`${issue}/${f}`);
    }
  }
  mkdirSync(path.join(dir, 'pages'));
  for (let i = 1; i <= 5; i++) {
    copyFileSync(SAMPLE, path.join(dir, 'pages', `plain-${i}.txt`));
    files.push(`pages/plain-${i}.txt`);
  }
  return { dir, files };
}

test('names, links and bytes are the same with --jobs 1, 2 and 3, in JSON and JSON Lines', () => {
  const { dir, files } = twoIssues();
  const batch = ['a/daily-p1.txt', 'missing.txt', ...files.slice(1)];
  for (const jobs of ['1', '2', '3']) {
    const r = runCli(['export', ...batch, '--out', `out${jobs}`, '--jobs', jobs], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\(9 written, 1 failed\)/);
    const jl = runCli(['export', ...batch, '--jsonl', `all${jobs}.jsonl`, '--jobs', jobs], { cwd: dir });
    assert.equal(jl.code, 2, jl.stderr);
  }
  // Named from several folders, the pages keep their paths under the folder holding them all.
  const names = tree(path.join(dir, 'out1'));
  assert.deepEqual(names.filter((n) => !n.startsWith('pages/')), ['a/daily-p1.articles.json', 'a/daily-p2.articles.json', 'b/daily-p1.articles.json', 'b/daily-p2.articles.json']);
  const b1 = JSON.parse(readFileSync(path.join(dir, 'out1', 'b/daily-p1.articles.json'), 'utf8')) as { articles: { continuation: { linkedId: string | null } | null }[] };
  assert.equal(b1.articles[0].continuation?.linkedId, 'b/daily-p2.txt#p1-a2'); // within its own issue
  for (const jobs of ['2', '3']) {
    assert.deepEqual(tree(path.join(dir, `out${jobs}`)), names);
    for (const n of names) assert.equal(readFileSync(path.join(dir, `out${jobs}`, n), 'utf8'), readFileSync(path.join(dir, 'out1', n), 'utf8'), `${n} with --jobs ${jobs}`);
    assert.equal(readFileSync(path.join(dir, `all${jobs}.jsonl`), 'utf8'), readFileSync(path.join(dir, 'all1.jsonl'), 'utf8'));
  }
});

test('with --jobs 2, outputs that cannot be written are reported and the others are still written', () => {
  const { dir, files } = twoIssues();
  const out = (n: string) => path.join(dir, 'out', `${n}.articles.json`);
  for (const sub of ['pages', 'a', 'b']) mkdirSync(path.join(dir, 'out', sub), { recursive: true });
  writeFileSync(out('pages/plain-2'), 'precious');
  writeFileSync(out('a/daily-p2'), 'precious too'); // a continued page, written after linking
  const r = runCli(['export', ...files, '--out', 'out', '--jobs', '2'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /out\/pages\/plain-2\.articles\.json: already exists; not overwritten/);
  assert.match(r.stderr, /out\/a\/daily-p2\.articles\.json: already exists; not overwritten/);
  assert.match(r.stderr, /\(7 written, 2 failed\)/);
  assert.equal(readFileSync(out('pages/plain-2'), 'utf8'), 'precious');
  assert.equal(readFileSync(out('a/daily-p2'), 'utf8'), 'precious too');
  assert.equal(tree(path.join(dir, 'out')).length, 9);
  for (const n of ['pages/plain-1', 'pages/plain-5', 'a/daily-p1', 'b/daily-p2']) assertValidDocument(JSON.parse(readFileSync(out(n), 'utf8')));

  // --force replaces them; a folder in the way is still an error, for a plain and a continued page.
  for (const n of ['pages/plain-3', 'b/daily-p1']) {
    rmSync(out(n));
    mkdirSync(out(n));
  }
  const f = runCli(['export', ...files, '--out', 'out', '--jobs', '2', '--force'], { cwd: dir });
  assert.equal(f.code, 2);
  assert.match(f.stderr, /out\/pages\/plain-3\.articles\.json: cannot be written/);
  assert.match(f.stderr, /out\/b\/daily-p1\.articles\.json: cannot be written/);
  assert.match(f.stderr, /\(7 written, 2 failed\)/);
  assertValidDocument(JSON.parse(readFileSync(out('pages/plain-2'), 'utf8')));
  assert.deepEqual(tree(path.join(dir, 'out')).filter((n) => n.endsWith('.tmp')), []);
});

const tempsIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

test('--jsonl streams many continued pages: the bytes are those of linking every document in memory, no temp file is left', () => {
  const dir = scratch();
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  const files: string[] = [];
  // 60 issues of two continued pages and a plain one: over 1 MB of lines, so the final copy takes several chunks.
  for (let i = 1; i <= 60; i++) {
    mkdirSync(path.join(dir, `i${i}`));
    for (const f of ['daily-p1.txt', 'daily-p2.txt']) {
      copyFileSync(path.join(fixtures, f), path.join(dir, `i${i}`, f));
      files.push(`i${i}/${f}`);
    }
    copyFileSync(SAMPLE, path.join(dir, `i${i}`, 'plain.txt'));
    files.push(`i${i}/plain.txt`);
  }
  const docs = files.map((f) => exportFile(path.join(dir, f), { rules: {}, locale: 'C', root: dir, version }).doc);
  linkContinuations(docs);
  const expected = serializeLines(docs);
  assert.ok(Buffer.byteLength(expected) > 1 << 20);
  assert.ok(expected.includes('"linkedId":"i60/daily-p2.txt#p1-a2"'));
  for (const jobs of ['1', '2', '3']) {
    const r = runCli(['export', ...files, '--jsonl', `all${jobs}.jsonl`, '--jobs', jobs], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(path.join(dir, `all${jobs}.jsonl`), 'utf8'), expected, `--jobs ${jobs}`);
  }
  assert.deepEqual(tempsIn(dir), []);
});

test('--jsonl of issues whose files interleave in the batch: the lines are those to stdout, each once, linked', () => {
  // The walk takes a/p1, then a/p2-insert/ (an issue of its own: '-' sorts before '.'), then a/p2:
  // issue a is linked after the issue inside it, though its first lines were spooled before.
  const dir = scratch();
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  for (const sub of ['a', 'a/p2-insert']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
    copyFileSync(path.join(fixtures, 'daily-p1.txt'), path.join(dir, sub, 'p1.page.txt'));
    copyFileSync(path.join(fixtures, 'daily-p2.txt'), path.join(dir, sub, 'p2.page.txt'));
  }
  const toFile = runCli(['export', 'a', '--jsonl', 'all.jsonl', '--jobs', '1'], { cwd: dir });
  assert.equal(toFile.code, 0, toFile.stderr);
  const toStdout = runCli(['export', 'a', '--jsonl', '-', '--jobs', '1'], { cwd: dir });
  assert.equal(toStdout.code, 0, toStdout.stderr);
  const lines = readFileSync(path.join(dir, 'all.jsonl'), 'utf8');
  assert.equal(lines, toStdout.stdout);
  const recs = lines.trimEnd().split('\n').map((l) => JSON.parse(l) as { article: { continuation: { linkedId: string | null } | null } });
  assert.equal(recs.length, 16, 'each article once');
  assert.equal(recs.filter((r) => r.article.continuation?.linkedId).length, 8, 'every continuation linked');
});

test('--jsonl onto a folder or into a missing folder fails with exit 2 before any work, and leaves no temp file', () => {
  const { dir, files } = twoIssues();
  mkdirSync(path.join(dir, 'all.jsonl'));
  for (const force of [['--force'], []]) {
    const r = runCli(['export', ...files, '--jsonl', 'all.jsonl', ...force, '--jobs', '2'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'newsprint: all.jsonl: is a folder; --jsonl writes one file there. Name the file, e.g. all.jsonl/articles.jsonl.\n', 'refused before any work');
    assert.deepEqual(readdirSync(path.join(dir, 'all.jsonl')), []);
    assert.deepEqual(tempsIn(dir), []);
  }
  writeFileSync(path.join(dir, 'taken.jsonl'), 'precious');
  const unforced = runCli(['export', ...files, '--jsonl', 'taken.jsonl'], { cwd: dir });
  assert.equal(unforced.code, 2);
  assert.match(unforced.stderr, /taken\.jsonl: already exists; not overwritten/);
  const missing = runCli(['export', ...files, 'nope.txt', '--jsonl', 'no/such/dir/all.jsonl'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\/dir\/all\.jsonl: cannot be written: no such file or folder \(ENOENT\)\./);
  assert.doesNotMatch(missing.stderr, /nope\.txt/);
  assert.deepEqual(tempsIn(dir), []);
});

test('--out stages continued pages in temp files: none is left after a batch with linked and unlinked continued pages', () => {
  const { dir, files } = twoIssues();
  // Extra continued pages whose continuations find nothing to link to (their linkedIds stay null).
  const fixtures = path.resolve(__dirname, '../fixtures/issue');
  mkdirSync(path.join(dir, 'lone'));
  copyFileSync(path.join(fixtures, 'daily-p1.txt'), path.join(dir, 'lone', 'lone-p1.txt'));
  const batch = [...files, 'lone/lone-p1.txt'];
  for (const jobs of ['1', '2']) {
    const out = `out${jobs}`;
    const r = runCli(['export', ...batch, '--out', out, '--jobs', jobs], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /\(10 written, 0 failed\)/);
    assert.equal(tree(path.join(dir, out)).length, 10, 'no temp left');
    const linked = JSON.parse(readFileSync(path.join(dir, out, 'a/daily-p1.articles.json'), 'utf8')) as { articles: { continuation: { linkedId: string | null } | null }[] };
    assert.equal(linked.articles[0].continuation?.linkedId, 'a/daily-p2.txt#p1-a2');
    const lone = JSON.parse(readFileSync(path.join(dir, out, 'lone/lone-p1.articles.json'), 'utf8')) as typeof linked;
    assert.ok(lone.articles.some((a) => a.continuation));
    assert.ok(lone.articles.every((a) => a.continuation?.linkedId == null));
  }
  for (const n of tree(path.join(dir, 'out1'))) assert.equal(readFileSync(path.join(dir, 'out2', n), 'utf8'), readFileSync(path.join(dir, 'out1', n), 'utf8'), n);
});

test('--out --jobs 2 --force: a continued page whose target is a folder cannot be written, the others are, no temp is left', () => {
  const { dir, files } = twoIssues();
  mkdirSync(path.join(dir, 'lone'));
  copyFileSync(path.join(__dirname, '../fixtures/issue/daily-p1.txt'), path.join(dir, 'lone', 'lone-p1.txt'));
  const out = (n: string) => path.join(dir, 'out', `${n}.articles.json`);
  mkdirSync(out('a/daily-p2'), { recursive: true }); // continued, and linked: patched
  mkdirSync(out('b/daily-p1'), { recursive: true }); // continued, and linked: patched
  mkdirSync(out('lone/lone-p1'), { recursive: true }); // continued, nothing linked: renamed as is
  const r = runCli(['export', ...files, 'lone/lone-p1.txt', '--out', 'out', '--jobs', '2', '--force'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /out\/a\/daily-p2\.articles\.json: cannot be written: it is a folder \(EISDIR\)\./);
  assert.match(r.stderr, /out\/b\/daily-p1\.articles\.json: cannot be written: it is a folder \(EISDIR\)\./);
  assert.match(r.stderr, /out\/lone\/lone-p1\.articles\.json: cannot be written: it is a folder \(EISDIR\)\./);
  assert.match(r.stderr, /\(7 written, 3 failed\)/);
  assert.deepEqual(readdirSync(out('a/daily-p2')), []);
  for (const n of ['a/daily-p1', 'b/daily-p2', 'pages/plain-1', 'pages/plain-5']) assertValidDocument(JSON.parse(readFileSync(out(n), 'utf8')));
  assert.deepEqual(tree(path.join(dir, 'out')).filter((n) => n.endsWith('.tmp')), []);
});

test('an export killed mid-write leaves temps that the next export into the folder removes (and says so); others stay', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-killed-'));
  const page = readFileSync(SAMPLE, 'utf8');
  const files: string[] = [];
  for (let i = 0; i < 400; i++) {
    const f = path.join(dir, `p${i}.txt`);
    writeFileSync(f, page);
    files.push(f);
  }
  const out = path.join(dir, 'out');
  mkdirSync(out);
  // The JSON Lines spool is a temp for the whole run: kill the export once it exists.
  const child = spawn(process.execPath, [CLI, 'export', ...files, '--jsonl', path.join(out, 'all.jsonl')], { stdio: 'ignore' });
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no temp file within 60 s')), 60_000);
    const watcher = watch(out, () => {
      if (tempsIn(out).length === 0) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
  });
  child.kill('SIGKILL');
  await exited;
  const left = tempsIn(out);
  assert.ok(left.length > 0, 'the killed export left its temp');
  // Temps that are not an export's, or whose process still runs, are not touched.
  writeFileSync(path.join(out, `.notes.txt.${child.pid}.x1.tmp`), 'not an export');
  writeFileSync(path.join(out, `.other.json.${process.pid}.x2.tmp`), 'a live process');
  const r = runCli(['export', files[0], '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`Removed ${left.length} temporary files? that an interrupted export left in ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.deepEqual(tempsIn(out).sort(), [`.notes.txt.${child.pid}.x1.tmp`, `.other.json.${process.pid}.x2.tmp`].sort());
  rmSync(dir, { recursive: true, force: true });
});

test('without --jobs: one job per BYTES_PER_JOB (16 MB) of input, at least one, at most the cores', () => {
  const dir = scratch();
  const file = (name: string, bytes: number) => {
    writeFileSync(path.join(dir, name), Buffer.alloc(bytes, 0x61));
    return path.join(dir, name);
  };
  const small = [file('a.txt', 1_000_000), file('b.txt', 2_000_000)];
  assert.equal(defaultJobs(small, 2), 1, 'a small batch: one job (a second one would only warm up)');
  const big = [...small, file('c.txt', BYTES_PER_JOB * 2)];
  assert.equal(defaultJobs(big, 2), 2);
  assert.equal(defaultJobs(big, 8), 2, 'one per BYTES_PER_JOB');
  assert.equal(defaultJobs([...big, path.join(dir, 'missing.txt')], 1), 1);
  assert.equal(defaultJobs([path.join(dir, 'missing.txt')], 4), 1, 'unreadable files count nothing');
  rmSync(dir, { recursive: true, force: true });
});
