// Atomic writes: a file changed since it was read is not clobbered, an existing file is not
// overwritten unless asked, an unwritable target is a clear error, and no temp file is left.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { FileError, likelyEncoding, makeFolder, readDump, sha256, Spool, writeAtomic } from '../../server/src/node/files';
import { SAMPLE } from '../helpers/rules';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'newsprint-files-'));

test('writeAtomic refuses when the file changed since it was read', () => {
  const dir = scratch();
  const f = path.join(dir, 'a.txt');
  writeFileSync(f, 'one');
  const read = readDump(f);
  writeFileSync(f, 'two'); // someone else saved meanwhile
  assert.throws(() => writeAtomic(f, 'fixed', { expectSha256: read.sha256 }), (e: unknown) => e instanceof FileError && e.key === 'changedOnDisk');
  assert.equal(readFileSync(f, 'utf8'), 'two');
  writeAtomic(f, 'fixed', { expectSha256: sha256('two') });
  assert.equal(readFileSync(f, 'utf8'), 'fixed');
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('writeAtomic and Spool write files whose names are as long as a name may be (255 bytes), whose temps would be longer', () => {
  const dir = scratch();
  for (const name of [`${'a'.repeat(241)}.articles.json`, `${'版'.repeat(78)}.page.txt`, `${'𠀀'.repeat(60)}.txt`]) {
    assert.ok(Buffer.byteLength(name) <= 255 && Buffer.byteLength(name) > 235, `${Buffer.byteLength(name)} bytes`);
    const f = path.join(dir, name);
    writeAtomic(f, 'one');
    writeAtomic(f, 'two', { expectSha256: sha256('one') });
    assert.equal(readFileSync(f, 'utf8'), 'two');
    const spool = new Spool(f, true);
    spool.append('three');
    spool.finish([]);
    assert.equal(readFileSync(f, 'utf8'), 'three');
    assert.deepEqual(readdirSync(dir), [name], 'no temp left');
    rmSync(f);
  }
});

test('readDump refuses archives, scans and UTF-16 text by their first bytes, naming the format; text that only resembles them is read', () => {
  const dir = scratch();
  const page = readFileSync(SAMPLE);
  const cases: [string, Buffer, string][] = [
    ['p.txt.gz', gzipSync(page), 'gzip'],
    ['p.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), page]), 'PDF'],
    ['p.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'PNG'],
    ['p.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), page]), 'JPEG'],
    ['p.tif', Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08]), page]), 'TIFF'],
    ['p.zip', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), page]), 'ZIP'],
    ['p.bz2', Buffer.concat([Buffer.from('BZh9'), page]), 'bzip2'],
  ];
  for (const [name, bytes, format] of cases) {
    writeFileSync(path.join(dir, name), bytes);
    assert.throws(() => readDump(path.join(dir, name)), (e: unknown) => e instanceof FileError && e.key === 'binaryFormat' && e.detail === format, name);
  }
  writeFileSync(path.join(dir, 'u16.txt'), Buffer.from(`\uFEFF${page.toString('utf8')}`, 'utf16le'));
  assert.throws(() => readDump(path.join(dir, 'u16.txt')), (e: unknown) => e instanceof FileError && e.key === 'utf16');
  // Text starting with letters of a signature is text.
  for (const text of ['BZh and the committee met', '%PD', 'GIF shop opens', 'PK']) {
    writeFileSync(path.join(dir, 'text.txt'), text);
    assert.equal(readDump(path.join(dir, 'text.txt')).text, text);
  }
});

test('writeAtomic does not overwrite an existing file unless asked', () => {
  const dir = scratch();
  const f = path.join(dir, 'a.json');
  writeFileSync(f, 'old');
  assert.throws(() => writeAtomic(f, 'new', { overwrite: false }), (e: unknown) => e instanceof FileError && e.key === 'exists');
  assert.equal(readFileSync(f, 'utf8'), 'old');
});

test('writeAtomic reports an unwritable target and leaves nothing behind', () => {
  const dir = scratch();
  const notDir = path.join(dir, 'file');
  writeFileSync(notDir, 'x');
  assert.throws(() => writeAtomic(path.join(notDir, 'out.json'), 'data'), (e: unknown) => e instanceof FileError && e.key === 'unwritable');
  assert.deepEqual(readdirSync(dir), ['file']);
});

test('readDump flags invalid UTF-8 (a GBK file) and keeps a stray NUL as text', () => {
  const dir = scratch();
  const gbk = path.join(dir, 'gbk.txt');
  writeFileSync(gbk, Buffer.from([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6, 0x0a])); // 本报讯 in GBK
  assert.equal(readDump(gbk).invalidUtf8, true);
  const nul = path.join(dir, 'nul.txt');
  writeFileSync(nul, `${'正文'.repeat(200)}\u0000${'正文'.repeat(200)}`);
  assert.equal(readDump(nul).invalidUtf8, false);
});

test('Spool: edits that change length are applied across chunk boundaries; the temps are gone after success and failure', () => {
  const dir = scratch();
  const f = path.join(dir, 'out.jsonl');
  const parts = ['头条"linkedId":null\n', 'plain ✓\n', '"linkedId":null,"x":"续"\n', 'tail\n'];
  const spool = new Spool(f, false, 3); // 3-byte chunks: every copy crosses chunk and character boundaries
  const at = parts.map((p) => spool.append(p));
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')).length, 1);
  const edit = (s: string) => s.replace('null', '"p2#a1"');
  spool.finish([{ ...at[0], edit }, { ...at[2], edit }]);
  assert.equal(readFileSync(f, 'utf8'), parts.map((p, i) => (i === 0 || i === 2 ? edit(p) : p)).join(''));
  assert.deepEqual(readdirSync(dir), ['out.jsonl']);

  assert.throws(() => new Spool(f, false), (e: unknown) => e instanceof FileError && e.key === 'exists');
  const same = new Spool(f, true, 5);
  same.append('new\n');
  same.finish([]);
  assert.equal(readFileSync(f, 'utf8'), 'new\n');

  // A folder for a target is refused at once; one that appears meanwhile fails the rename.
  const blocked = path.join(dir, 'blocked');
  mkdirSync(blocked);
  assert.throws(() => new Spool(blocked, true), (e: unknown) => e instanceof FileError && e.key === 'targetIsFolder');
  const later = path.join(dir, 'later');
  const failing = new Spool(later, true);
  const x = failing.append('a"linkedId":null\n');
  mkdirSync(later);
  assert.throws(() => failing.finish([{ ...x, edit }]), (e: unknown) => e instanceof FileError && e.key === 'unwritable');
  assert.deepEqual(readdirSync(dir).sort(), ['blocked', 'later', 'out.jsonl']);
});

test('makeFolder makes the missing folders down from the nearest one that exists, and says why it cannot', () => {
  const dir = scratch();
  const code = (f: () => void) => {
    try {
      f();
    } catch (err) {
      return (err as NodeJS.ErrnoException).code;
    }
    return undefined;
  };
  makeFolder(path.join(dir, 'a', 'b', 'c'));
  assert.ok(statSync(path.join(dir, 'a', 'b', 'c')).isDirectory());
  makeFolder(path.join(dir, 'a', 'b')); // there already
  makeFolder(path.join(dir, 'rel', '..', 'a')); // as path.resolve reads it
  writeFileSync(path.join(dir, 'f'), 'a file');
  assert.equal(code(() => makeFolder(path.join(dir, 'f'))), 'EEXIST');
  assert.equal(code(() => makeFolder(path.join(dir, 'f', 'sub', 'sub'))), 'ENOTDIR');
  // Node 20's mkdirSync(…, { recursive: true }) never returns here.
  if (existsSync('/proc/self')) assert.equal(code(() => makeFolder('/proc/x/y')), 'ENOENT');
});

test('likelyEncoding: GB18030 only for bytes that read as Chinese in it, else Windows-1252', () => {
  const gb = (text: string) => {
    // GB18030 bytes of common Chinese, by the decoder's own table (Node has no GB18030 encoder).
    const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 报: [0xb1, 0xa8], 道: [0xb5, 0xc0], '，': [0xa3, 0xac] };
    return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
  };
  assert.equal(new TextDecoder('gb18030').decode(gb('中文报道')), '中文报道');
  assert.equal(likelyEncoding(gb('中文报道，中文\n2024 中文\n')), 'GB18030');
  const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => ({ '«': 0xab, é: 0xe9, ü: 0xfc, '’': 0x92 })[c] ?? c.charCodeAt(0)));
  assert.equal(likelyEncoding(cp1252('with a loss of «100,000 dollars.\n')), 'Windows-1252', 'not GB18030 at all');
  assert.equal(likelyEncoding(cp1252('Herr Müller said the café was closed.\n')), 'Windows-1252', 'GB18030 reads a stray Han glyph between Latin letters');
  assert.equal(likelyEncoding(cp1252('It’s the mill’s end\n')), 'Windows-1252');
});

test('readDump says what a file that is not UTF-8 likely is', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'np-enc-'));
  try {
    const p = path.join(dir, 'latin1.txt');
    writeFileSync(p, Buffer.concat([Buffer.from('a loss of '), Buffer.from([0xab]), Buffer.from('100 dollars\n')]));
    const r = readDump(p);
    assert.deepEqual([r.invalidUtf8, r.encoding, r.text.includes('\ufffd')], [true, 'Windows-1252', true]);
    writeFileSync(p, 'plain UTF-8 «text»\n');
    assert.deepEqual([readDump(p).invalidUtf8, readDump(p).encoding], [false, undefined]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
