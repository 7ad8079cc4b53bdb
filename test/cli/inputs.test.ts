// Folders and lists as the CLI's input, for batches of a whole archive: a folder stands for the page
// dumps under it (walked in name order, hidden ones skipped), `--files-from` takes a list too long
// for a command line, and `export --out` keeps the folder's tree. Output names stay unique and are
// found in constant time however many pages share a name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { OutputNames } from '../../server/src/core/outputNames';
import { DEFAULT_INCLUDE, expandInputs, includes, readList, walkOrder } from '../../server/src/node/inputs';
import { CLI, runCli } from '../helpers/cli';
import { tree } from '../helpers/files';
import { SAMPLE } from '../helpers/rules';
import { assertValidDocument } from '../helpers/schema';

const page = readFileSync(SAMPLE, 'utf8');

/** archive/1923/01/p1.page.txt, p2.page.txt; 1923/02/p1.pagedump; notes.txt; .hidden/p9.page.txt; 1923/.p8.page.txt. */
function archive(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-inputs-'));
  const put = (rel: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), page);
  };
  for (const rel of ['archive/1923/01/p1.page.txt', 'archive/1923/01/p2.page.txt', 'archive/1923/02/p1.pagedump', 'archive/notes.txt', 'archive/.hidden/p9.page.txt', 'archive/1923/.p8.page.txt']) put(rel);
  return dir;
}

const found = ['1923/01/p1.page.txt', '1923/01/p2.page.txt', '1923/02/p1.pagedump'];

test('walkOrder sorts paths as the walk finds them: name by name in code units, a folder\'s files in its place', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-order-'));
  // '-' and '.' sort before '/', 'B' before 'a', and a file's name between two folders'.
  const rels = ['a-b.page.txt', 'a/x.page.txt', 'a.page.txt', 'a/b/c.page.txt', 'B/y.page.txt', 'P1.page.txt', 'p1.page.txt', 'a/a.page.txt', 'ab/z.page.txt', 'a/b.page.txt'];
  for (const rel of rels) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), page);
  }
  const walked = expandInputs([dir]).under;
  assert.deepEqual([...rels].sort(walkOrder), walked);
  assert.notDeepEqual([...rels].sort(), walked, 'not the order of whole paths');
});

test('expandInputs: a folder gives its page dumps in name order with their paths under it; a file is passed on as it is, under its folder', () => {
  const dir = archive();
  symlinkSync(path.join(dir, 'archive/1923/01/p2.page.txt'), path.join(dir, 'archive/link.page.txt'));
  symlinkSync(path.join(dir, 'archive/1923'), path.join(dir, 'archive/loop')); // a link to a folder: not followed
  const inputs = expandInputs([path.join(dir, 'archive'), 'named.txt']);
  assert.deepEqual(inputs.under, [...found, 'link.page.txt', 'named.txt']);
  assert.deepEqual(inputs.files, [...[...found, 'link.page.txt'].map((rel) => path.join(dir, 'archive', rel)), 'named.txt']);
  assert.deepEqual(inputs.problems, []);
  // --include: a pattern without a slash matches the name at any depth.
  assert.deepEqual(expandInputs([path.join(dir, 'archive')], '*.txt').under, ['1923/01/p1.page.txt', '1923/01/p2.page.txt', 'link.page.txt', 'notes.txt']);
  assert.deepEqual(expandInputs([path.join(dir, 'archive')], '1923/0[2-9]/**').under, ['1923/02/p1.pagedump']);
  assert.deepEqual(expandInputs([path.join(dir, 'archive/.hidden/..', '1923', '02')], '*.txt').problems, [{ key: 'noDumps', file: path.join(dir, 'archive/1923/02'), pattern: '*.txt' }]);
});

test('expandInputs: walked holds the folders walked whole, not one whose walk said something (export --update looks there for orphans)', () => {
  const dir = archive();
  const archiveDir = path.join(dir, 'archive');
  assert.deepEqual(expandInputs([archiveDir, 'named.txt']).walked, [archiveDir], 'a file named is no folder walked');
  assert.deepEqual(expandInputs([path.join(archiveDir, '1923/02')], '*.txt').walked, [], 'no page dumps');
  // A folder whose name is not UTF-8: what is in it cannot be told.
  mkdirSync(Buffer.concat([Buffer.from(`${archiveDir}/1923/`), Buffer.from('b5dab6fec6da', 'hex')]));
  const r = expandInputs([archiveDir, path.join(archiveDir, '1923/01')]);
  assert.equal(r.problems.length, 1);
  assert.deepEqual(r.walked, [path.join(archiveDir, '1923/01')]);
  // And the pattern they were walked by: --update says the outputs of pages it leaves out.
  assert.equal(r.include, DEFAULT_INCLUDE);
  assert.equal(expandInputs([archiveDir], '*.txt').include, '*.txt');
});

test('includes: takes a path under a walked folder as the walk does', () => {
  const takes = includes(DEFAULT_INCLUDE);
  assert.deepEqual(['p1.page.txt', '1923/01/p1.pagedump', '1923/01/notes.txt', '.old/p1.page.txt'].map(takes), [true, true, false, false]);
  assert.deepEqual(['p1.page.txt', 'a/p1.txt'].map(includes('*.txt')), [true, true]);
});

test('expandInputs: files named themselves keep their paths under the deepest folder holding them all', () => {
  const under = (files: string[]) => expandInputs(files).under; // none of them exists: passed on as named
  assert.deepEqual(under(['x/1950/01/p1.page.txt', 'x/1950/02/p1.page.txt']), ['01/p1.page.txt', '02/p1.page.txt']);
  assert.deepEqual(under(['x/1950/01/p1.page.txt', 'x/1950/p0.page.txt']), ['01/p1.page.txt', 'p0.page.txt']);
  assert.deepEqual(under(['x/a.txt', 'x/b.txt']), ['a.txt', 'b.txt']);
  assert.deepEqual(under(['x/y/a.txt']), ['a.txt']);
  assert.deepEqual(under(['a/b/../c/p.txt', './a/d/p.txt']), ['c/p.txt', 'd/p.txt']);
  // A folder whose name starts another's is not theirs in common.
  assert.deepEqual(under(['/tmp/a/p.txt', '/tmp/ab/p.txt']), ['a/p.txt', 'ab/p.txt']);
  assert.deepEqual(under(['/p.txt', '/x/p.txt']), ['p.txt', 'x/p.txt']);
  // Files found in a folder keep their paths under it, whatever is named beside it.
  const dir = archive();
  const mixed = expandInputs([path.join(dir, 'archive/1923/01'), path.join(dir, 'archive/1923/02/p1.pagedump'), path.join(dir, 'archive/notes.txt')]);
  assert.deepEqual(mixed.under, ['p1.page.txt', 'p2.page.txt', '1923/02/p1.pagedump', 'notes.txt']);
});

test('export --out of files named in a list mirrors their folders, and --update with the same list finds them up to date', () => {
  const dir = archive();
  const list = 'archive/1923/01/p1.page.txt\narchive/1923/02/p1.pagedump\narchive/1923/01/p2.page.txt\n';
  const r = runCli(['export', '--files-from', '-', '--out', 'out'], { cwd: dir, input: list });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(tree(path.join(dir, 'out')), ['01/p1.articles.json', '01/p2.articles.json', '02/p1.articles.json']);
  const doc = JSON.parse(readFileSync(path.join(dir, 'out/02/p1.articles.json'), 'utf8')) as { source: { path: string } };
  assert.equal(doc.source.path, 'archive/1923/02/p1.pagedump');
  const again = runCli(['export', '--files-from', '-', '--out', 'out', '--update'], { cwd: dir, input: list });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /^3 files in 2 folders were up to date and not exported again\./);
});

test('an export into the archive does not read back what it wrote, whatever --include takes', () => {
  const dir = archive();
  const run = (args: string[]) => runCli(['export', 'archive', '--include', '*', ...args], { cwd: dir });
  const ok = (args: string[]) => {
    const r = run(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  };
  for (const again of [[], ['--update'], ['--force']]) ok(['--out', 'archive/json', ...again]);
  assert.deepEqual(tree(path.join(dir, 'archive/json')), ['1923/01/p1.articles.json', '1923/01/p2.articles.json', '1923/02/p1.articles.json', 'notes.articles.json']);
  rmSync(path.join(dir, 'archive/json'), { recursive: true });
  for (const again of [[], ['--force']]) ok(['--jsonl', 'archive/all.jsonl', ...again]);
  const lines = readFileSync(path.join(dir, 'archive/all.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { source: { path: string } });
  assert.deepEqual([...new Set(lines.map((l) => l.source.path))], ['archive/1923/01/p1.page.txt', 'archive/1923/01/p2.page.txt', 'archive/1923/02/p1.pagedump', 'archive/notes.txt']);
  // Outputs beside the pages (--out the archive itself): every page is still read, no output is.
  rmSync(path.join(dir, 'archive/all.jsonl'));
  for (const again of [[], ['--force']]) ok(['--out', 'archive', ...again]);
  assert.deepEqual(
    tree(path.join(dir, 'archive')).filter((f) => !f.split('/').some((part) => part.startsWith('.'))), // (hidden ones are no pages)
    ['1923/01/p1.articles.json', '1923/01/p1.page.txt', '1923/01/p2.articles.json', '1923/01/p2.page.txt', '1923/02/p1.articles.json', '1923/02/p1.pagedump', 'notes.articles.json', 'notes.txt'],
  );
});

test('readList: one path a line, CRLF or LF, empty lines skipped, spaces kept, a BOM (Notepad) dropped', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-list-'));
  writeFileSync(path.join(dir, 'list'), 'a.page.txt\r\n\r\n b c.page.txt \nd\n');
  assert.deepEqual(readList(path.join(dir, 'list')), ['a.page.txt', ' b c.page.txt ', 'd']);
  writeFileSync(path.join(dir, 'bom'), '\uFEFFa.page.txt\r\nb.page.txt\r\n');
  assert.deepEqual(readList(path.join(dir, 'bom')), ['a.page.txt', 'b.page.txt']);
});

test('OutputNames: unique in any case, the stem kept; a folder path mirrored', () => {
  const names = new OutputNames();
  const got = ['p1.page.txt', 'p1.page.txt', 'p1-2.page.txt', 'P1.pagedump', 'p1.txt'].map((f) => names.name(f));
  assert.deepEqual(got, ['p1.articles.json', 'p1-2.articles.json', 'p1-2-2.articles.json', 'P1-3.articles.json', 'p1-4.articles.json']);
  assert.equal(names.name('1923/01/p1.page.txt'), '1923/01/p1.articles.json');
  assert.equal(names.name('1923/01/p1.pagedump'), '1923/01/p1-2.articles.json');
});

test('OutputNames: thousands of same-named pages cost a few lookups each, not one per earlier page', () => {
  const names = new OutputNames();
  let lookups = 0;
  const used = (names as unknown as { used: Set<string> }).used;
  const has = used.has.bind(used);
  used.has = (k: string) => (lookups++, has(k));
  const n = 5000;
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(names.name('p1.page.txt'));
  assert.equal(seen.size, n);
  assert.ok(lookups <= 3 * n, `${lookups} lookups for ${n} names`); // trying every suffix again: ~n²/2
});

test('export FOLDER --out keeps the tree, the same with --jobs 1 and 2; a stale temp in a subfolder is removed', () => {
  const dir = archive();
  mkdirSync(path.join(dir, 'out2/1923/01'), { recursive: true });
  // A temp left by an export that was killed (its process is gone).
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  writeFileSync(path.join(dir, `out2/1923/01/.p1.articles.json.${dead}.x1.tmp`), 'half');
  const one = runCli(['export', 'archive', '--out', 'out1', '--jobs', '1'], { cwd: dir });
  const two = runCli(['export', 'archive', '--out', 'out2', '--jobs', '2'], { cwd: dir });
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.match(one.stderr, /Exported 18 articles from 3 files to out1/);
  assert.match(two.stderr, /Removed 1 temporary file that an interrupted export left in out2/);
  const outputs = ['1923/01/p1.articles.json', '1923/01/p2.articles.json', '1923/02/p1.articles.json'];
  for (const rel of outputs) {
    const text = readFileSync(path.join(dir, 'out1', rel), 'utf8');
    assert.equal(readFileSync(path.join(dir, 'out2', rel), 'utf8'), text);
    const doc = JSON.parse(text) as { source: { path: string } };
    assertValidDocument(doc);
    assert.equal(doc.source.path, path.join('archive', rel.replace('.articles.json', rel.startsWith('1923/02') ? '.pagedump' : '.page.txt')));
  }
  assert.deepEqual(readdirSync(path.join(dir, 'out2/1923/01')).sort(), ['p1.articles.json', 'p2.articles.json']);
});

test('--files-from a list file or stdin, folders in it walked; with the arguments; errors said', () => {
  const dir = archive();
  writeFileSync(path.join(dir, 'list.txt'), 'archive/1923/01\narchive/notes.txt\n');
  const r = runCli(['export', 'archive/1923/02/p1.pagedump', '--files-from', 'list.txt', '--jsonl', 'all.jsonl'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Exported 24 articles from 4 files/);
  const fromStdin = runCli(['lint', '--files-from', '-'], { cwd: dir, input: 'archive/1923\n' });
  assert.equal(fromStdin.code, 1, fromStdin.stderr);
  const files = new Set(fromStdin.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]));
  assert.deepEqual([...files], found.map((rel) => path.join('archive', rel)));
  const missing = runCli(['lint', '--files-from', 'nope.txt'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Cannot read the list of files nope\.txt: no such file or folder \(ENOENT\)\./);
  // A folder with nothing to do: said, exit 2, and no usage text.
  const empty = runCli(['lint', 'archive/.hidden/..', '--include', '*.none'], { cwd: dir });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no page dumps in this folder \(looked for \*\.none/);
  assert.doesNotMatch(empty.stderr, /No input files/);
  assert.match(runCli(['export', 'archive'], { cwd: dir }).stderr, /Several files need --out DIR/);
});

test('a list too long for the process\'s memory is refused with the way round, not a crash', () => {
  // A 64 MB heap (117 MB in all) holds a run of ~310,000 files of these 30-character paths; without
  // the check the list of 400,000 ran out of memory (a V8 fatal error, exit 134) while exporting.
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-many-'));
  const names = Array.from({ length: 400_000 }, (_, i) => `archive/${1900 + (i >> 14)}/${String(i).padStart(7, '0')}/p1.page.txt`);
  writeFileSync(path.join(dir, 'list.txt'), `${names.join('\n')}\n`);
  writeFileSync(path.join(dir, 'short.txt'), `${names.slice(0, 1000).join('\n')}\n`);
  const small = { NODE_OPTIONS: '--max-old-space-size=64' };
  const r = runCli(['export', '--files-from', 'list.txt', '--out', 'out'], { cwd: dir, env: small });
  assert.equal(r.code, 2, r.stderr.slice(0, 500));
  assert.match(r.stderr, /^newsprint: Too many files for one run in this process's memory: \d+ files so far need about \d+ MB of the \d+ MB a run's files may take\. Run it on the archive in parts \(a folder at a time\), or give Node more memory, e\.g\. NODE_OPTIONS=--max-old-space-size=16384\.\n$/);
  assert.equal(readdirSync(dir).includes('out'), false, 'refused before any work');
  // A short list under the same heap goes on (its files are missing: each is said, exit 2).
  const ok = runCli(['export', '--files-from', 'short.txt', '--out', 'out'], { cwd: dir, env: small });
  assert.equal(ok.code, 2);
  assert.doesNotMatch(ok.stderr, /Too many files/);
  assert.match(ok.stderr, /from 0 files to out \(0 written, 1000 failed\)/);
  rmSync(dir, { recursive: true, force: true });
});

test('messages for folders and lists follow the locale', () => {
  const dir = archive();
  const r = runCli(['lint', 'archive', '--include', '*.none', '--locale', 'zh-cn'], { cwd: dir });
  assert.match(r.stderr, /此文件夹中没有版面文本/);
  assert.match(runCli(['lint', '--files-from', 'nope.txt', '--locale', 'zh-cn'], { cwd: dir }).stderr, /无法读取文件列表/);
});

test('export shows a progress line on a terminal (finding the files, then exporting them), cleared before the summary; none when stderr is not one', () => {
  const dir = archive();
  for (let i = 0; i < 30; i++) writeFileSync(path.join(dir, 'archive', `extra-${i}.page.txt`), page);
  // `script` runs the export on a pseudo-terminal and copies what it printed to stdout.
  const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" export archive --out out --jobs 1`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, timeout: 120_000 });
  assert.equal(tty.status, 0, tty.stdout + tty.stderr);
  const clear = '\r\x1b[K';
  assert.ok(tty.stdout.includes(`${clear}Looking for page dumps: 1 found so far${clear}`), JSON.stringify(tty.stdout));
  assert.ok(tty.stdout.includes(`${clear}Exporting: 1 of 33 files (3%)`), JSON.stringify(tty.stdout));
  assert.ok(tty.stdout.includes(`${clear}Exported 198 articles from 33 files to out`), JSON.stringify(tty.stdout));
  const piped = runCli(['export', 'archive', '--out', 'out2', '--jobs', '1'], { cwd: dir });
  assert.equal(piped.code, 0, piped.stderr);
  assert.doesNotMatch(piped.stderr, /Exporting:|Looking for/);
  assert.equal(piped.stderr, 'Exported 198 articles from 33 files to out2 (33 written, 0 failed).\n');
});

test('names that are not UTF-8 (GBK from an old Windows archive) are reported with how they read, not as missing files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-names-'));
  const gbk = (s: string) => Buffer.from(new Map([['版面一', 'b0e6c3e6d2bb'], ['第二期', 'b5dab6fec6da']]).get(s)!, 'hex');
  mkdirSync(path.join(dir, 'archive'));
  writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'archive') + '/'), gbk('版面一'), Buffer.from('.page.txt')]), page);
  mkdirSync(Buffer.concat([Buffer.from(path.join(dir, 'archive') + '/'), gbk('第二期')]));
  writeFileSync(path.join(dir, 'archive', 'ok.page.txt'), page);
  const r = runCli(['lint', 'archive'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /archive\/\\xB0\\xE6\\xC3\\xE6\\xD2\\xBB\.page\.txt: the name is not UTF-8 \(read as GB18030 it is "版面一\.page\.txt"\); skipped\. .*convmv -f GBK -t UTF-8 -r --notest/);
  assert.match(r.stderr, /archive\/\\xB5\\xDA\\xB6\\xFE\\xC6\\xDA: the name is not UTF-8 \(read as GB18030 it is "第二期"\)/);
  assert.doesNotMatch(r.stderr, /no such file|no page dumps/);
  assert.match(r.stdout, /^archive\/ok\.page\.txt:/m, 'the other page is linted');
  assert.match(runCli(['lint', 'archive', '--locale', 'zh-cn'], { cwd: dir }).stderr, /名称不是 UTF-8 编码（按 GB18030 解读为“版面一\.page\.txt”）/);
  // Named itself (here in a list: arguments are strings), the name arrives with U+FFFD in it.
  writeFileSync(path.join(dir, 'list.txt'), Buffer.concat([Buffer.from('archive/'), gbk('版面一'), Buffer.from('.page.txt\n')]));
  const named = runCli(['lint', '--files-from', 'list.txt'], { cwd: dir });
  assert.equal(named.code, 2);
  assert.match(named.stderr, /no such file: its name has bytes that are not UTF-8 \(GBK\?\).*convmv/);
  // A folder whose only page has such a name says that, not that it holds no page dumps.
  rmSync(path.join(dir, 'archive', 'ok.page.txt'));
  const only = runCli(['lint', 'archive'], { cwd: dir });
  assert.match(only.stderr, /the name is not UTF-8/);
  assert.doesNotMatch(only.stderr, /no page dumps/);
});
