// Bad input: every one gives a clear message or sensible behaviour, never an exception — in the
// core (analyze, fixAll), and for a few as files through the CLI as a process.
//
// For every input: analyze and fixAll return; every finding lies inside the text and its editor
// position (core positionAt) agrees with what an editor computes (TextDocument); every fix edit is
// inside the text; fixAll's output, analysed again, has nothing left to fix that it could fix.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { fixAll, type FixAllResult } from '../../server/src/core/fix';
import { positionAt } from '../../server/src/core/parse';
import { runCli } from '../helpers/cli';
import { SAMPLE } from '../helpers/rules';

const sample = fs.readFileSync(SAMPLE, 'utf8');

/** GB18030 bytes of a text (two-byte GBK range; other characters as '?'), built from the decoder's table. */
function gb18030(text: string): Buffer {
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) bytes.push(lead, trail);
  }
  const decoded = new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
  const table = new Map<string, [number, number]>();
  [...decoded].forEach((ch, i) => {
    if (!table.has(ch)) table.set(ch, [bytes[2 * i], bytes[2 * i + 1]]);
  });
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

/** What a UTF-8 editor shows for a GB18030 file: replacement characters almost everywhere. */
const gbAsUtf8 = new TextDecoder('utf-8').decode(gb18030(sample));

const rules = (a: Analysis) => a.findings.map((f) => f.rule);

interface Row {
  name: string;
  text: string;
  check?: (a: Analysis, fixed: FixAllResult, text: string) => void;
}

const SIZE = 4 * 1024 * 1024; // big enough that quadratic work would take minutes
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const ROWS: Row[] = [
  {
    name: 'an empty file',
    text: '',
    check: (a, f) => {
      assert.deepEqual(a.findings, []);
      assert.equal(a.dump.lines.length, 1);
      assert.equal(f.text, '');
    },
  },
  { name: 'only a BOM', text: '\ufeff', check: (a, f) => (assert.deepEqual(a.findings, []), assert.equal(f.text, '\ufeff')) },
  { name: 'only blank lines (LF)', text: '\n\n\n\n', check: (a, f) => (assert.deepEqual(a.findings, []), assert.equal(f.text, '\n\n\n\n')) },
  { name: 'only whitespace lines (spaces, tabs, ideographic spaces, CRLF)', text: '   \r\n\t\t\r\n\u3000\u3000\r\n \u00a0 \r\n', check: (a, f) => (assert.deepEqual(a.findings, []), assert.equal(f.text, '   \r\n\t\t\r\n\u3000\u3000\r\n \u00a0 \r\n')) },
  { name: 'only form feeds', text: '\f\f\f', check: (a) => assert.deepEqual(a.findings, []) },
  {
    name: 'a NUL byte and other control characters inside a spaced line',
    text: '心 的、关 注\u0000您 所 关 注 的\n\u0007\u001b[31m红\u001b[0m\n\u0000\u0000\n',
    check: (a, f) => {
      assert.ok(f.text.includes('\u0000') && f.text.includes('\u001b[31m'), 'control characters are never removed');
      assert.ok(rules(a).includes('spaced-glyphs'));
    },
  },
  {
    name: 'GB18030 opened as UTF-8 (U+FFFD everywhere)',
    text: gbAsUtf8,
    check: (a, f) => {
      const enc = a.findings.filter((x) => x.rule === 'encoding');
      assert.equal(enc.length, 1, 'exactly one encoding finding');
      assert.equal(positionAt(a.dump, enc[0].start).line, 0, 'on line 1');
      assert.equal(enc[0].severity, 'warning');
      assert.match(enc[0].message, /Reopen with Encoding/);
      assert.match(enc[0].message, /GB18030/);
      assert.equal(enc[0].fix, undefined, 'no fix: every fix would be a guess');
      assert.ok([...f.text].filter((c) => c === '\ufffd').length >= [...gbAsUtf8].filter((c) => c === '\ufffd').length * 0.5, 'replacement characters are not "fixed" away wholesale');
    },
  },
  {
    name: 'a stray U+FFFD or two in a clean Chinese page: a warning at the first (characters lost), the other related',
    text: sample.replace('心', '\ufffd').replace('握', '\ufffd'),
    check: (a) => {
      const enc = a.findings.filter((x) => x.rule === 'encoding');
      const at = sample.indexOf('心');
      assert.deepEqual(enc.map((f) => [f.start, f.end, f.severity]), [[at, at + 1, 'warning']]);
      assert.match(enc[0].message, /2 replacement characters \(U\+FFFD\), the first here: characters lost/);
      assert.doesNotMatch(enc[0].message, /GB18030|1252/);
      const other = sample.indexOf('握');
      assert.deepEqual(enc[0].related?.map((r) => [r.start, r.end]), [[other, other + 1]]);
    },
  },
  {
    name: 'a Western page with a byte that was not UTF-8 (cp1252 «): a warning there, saying to reopen it as Windows 1252',
    text: 'FIRE IN THE MILL\n\nThe large flour mill was destroyed by\nfire last night, with a loss of \ufffd100,000 dollars.\n',
    check: (a) => {
      const enc = a.findings.filter((x) => x.rule === 'encoding');
      assert.equal(enc.length, 1);
      assert.equal(positionAt(a.dump, enc[0].start).line, 3);
      assert.equal(a.dump.text.slice(enc[0].start, enc[0].end), '\ufffd');
      assert.equal(enc[0].severity, 'warning');
      assert.match(enc[0].message, /1 replacement character \(U\+FFFD\).*Western \(Windows 1252\)/);
      assert.doesNotMatch(enc[0].message, /GB18030/);
      const zh = analyze(a.dump.text, { locale: 'zh-cn' }).findings.find((f) => f.rule === 'encoding')!;
      assert.match(zh.message, /西欧语言 \(Windows 1252\)/);
    },
  },
  {
    name: 'encoding in Chinese',
    text: '\ufffd\ufffd\ufffd\ufffd\n',
    check: () => {
      const zh = analyze('\ufffd\ufffd\ufffd\ufffd\n', { locale: 'zh-cn' }).findings.find((f) => f.rule === 'encoding');
      assert.match(zh!.message, /GB18030/);
      assert.match(zh!.message, /通过编码重新打开/);
      assert.ok(!analyze('\ufffd\ufffd\ufffd\ufffd\n', { rules: { encoding: 'off' } }).findings.some((f) => f.rule === 'encoding'), 'newsprint.rules.encoding: off');
      assert.equal(analyze('\ufffd\ufffd\ufffd\ufffd\n', { rules: { encoding: 'error' } }).findings.find((f) => f.rule === 'encoding')?.severity, 'error');
    },
  },
  {
    name: `a ${SIZE / 1024 / 1024} MB single line of spaced glyphs`,
    text: fill('心 的、关 注 您 所 ', SIZE),
    check: (a, f) => {
      assert.equal(a.dump.lines.length, 1);
      assert.ok(rules(a).includes('spaced-glyphs'));
      assert.ok(!f.text.includes('心 的'));
    },
  },
  // One finding per line, so fixAll collapses one run per pass (bounded passes): 1 MB keeps it quick.
  { name: 'a 1 MB single line of doubled glyphs, then many short doubled runs', text: fill('TTIIRR 跨跨境境 ', SIZE / 8) + fill('AABBCC x ', SIZE / 8), check: (a) => assert.ok(rules(a).includes('doubled-glyphs')) },
  {
    name: `a ${SIZE / 1024 / 1024} MB single line without spaces`,
    text: fill('我市传统制造业从最初的以代加工模式为主逐步探索出', SIZE),
    check: (a, f, text) => (assert.deepEqual(a.findings, []), assert.equal(f.text, text)),
  },
  { name: 'CR-only line endings', text: sample.slice(0, 2000).replace(/\n/g, '\r'), check: (a) => assert.ok(a.dump.lines.length > 20 && rules(a).includes('spaced-glyphs')) },
  {
    name: 'mixed line endings (LF, CRLF, CR, form feed)',
    text: '心 的、关 注 您 所\r\n\r\n解 读 新 成 果、新 事 件\r\r8 月 26 日\n\n\fTTIIRR 跨跨境境运运输输\r\n',
    check: (a) => {
      assert.deepEqual([...new Set(rules(a))].sort(), ['doubled-glyphs', 'mixed-script-spacing', 'spaced-glyphs']);
      // CRLF stays one line break: 'TTIIRR' is on editor line 7 (LF, CRLF, CR each break once; FF does not).
      const d = a.findings.find((f) => f.rule === 'doubled-glyphs')!;
      assert.equal(positionAt(a.dump, d.start).line, 6);
    },
  },
  {
    name: 'lone surrogates (high and low) inside spaced and doubled text',
    text: '\ud800心 的、关 注 您\udc00 所 关 注\n\udc00x\ud800 TTIIRR 跨跨境境\n\ud83d',
    check: (a, f) => {
      assert.ok(rules(a).includes('spaced-glyphs') && rules(a).includes('doubled-glyphs'));
      assert.equal([...f.text].filter((c) => c === '\ud800').length, 2, 'lone surrogates are kept, never paired up or dropped');
      assert.equal([...f.text].filter((c) => c === '\udc00').length, 2);
      assert.ok(f.text.endsWith('\ud83d'));
      // A doubled pair of lone surrogates is a doubled code point like any other: collapsed, and no
      // new surrogate pair can form (the second unit is lone, so nothing pairs across the deletion).
      const d = fixAll('\udc00\udc00\ud800\ud800 TTIIRR 112233\n').text;
      assert.equal(d, '\udc00\ud800 TIR 123\n');
    },
  },
  {
    name: 'combining marks on Latin and CJK glyphs',
    text: 'Cafe\u0301 re\u0301sume\u0301\n心\u0301 的 关\u0302 注 您 所\n8\u20e3 月 26 日\n',
    check: (_a, f) => {
      assert.ok(f.text.includes('Cafe\u0301 re\u0301sume\u0301'));
      assert.equal([...f.text].filter((c) => c === '\u0301').length, 4, 'no combining mark is dropped');
      assert.ok(f.text.includes('\u0302'));
    },
  },
  {
    name: 'right-to-left text (Arabic, Hebrew, bidi controls) next to CJK',
    text: 'مرحبا بالعالم\n\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n\u202eabc\u202c 中文 \u200f测试\n',
    check: (a, f, text) => {
      assert.deepEqual(rules(a).filter((r) => r !== 'hard-wrap' && r !== 'split-sentence'), []);
      assert.equal(f.text.replace(/\n/g, ''), text.replace(/\n/g, ''), 'RTL text is never changed (at most paragraph lines joined)');
    },
  },
  {
    name: 'malformed annotations (unknown directive, bare %%, missing and extra arguments, at the end)',
    text: '%% frobnicate\n%%\n%% continued-to\n%% headline extra args\n%%%%%%\n  %% 标题 这 是\n心 的、关 注 您 所\n%% article\n',
    check: (a) => {
      assert.ok(rules(a).includes('spaced-glyphs'), 'line rules still run');
      for (const f of a.findings) assert.ok(f.message.length > 0);
    },
  },
  { name: 'a line that is only %% repeated', text: fill('%', 100_000), check: () => undefined },
  { name: 'a 1 MB line of spaces', text: fill(' ', 1 << 20), check: (a) => assert.deepEqual(a.findings, []) },
  { name: 'astral CJK (Extension B) spaced and doubled', text: '𠀀 𠀁 𠀂 𠀃\n𠀀𠀀𠀁𠀁𠀂𠀂 TTIIRR\n', check: (a) => assert.ok(a.findings.length >= 1) },
];

function checkCommon(text: string, a: Analysis, fixed: FixAllResult): void {
  const doc = TextDocument.create('file:///bad', 'pagedump', 1, text);
  for (const f of a.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} span ${f.start}-${f.end} inside ${text.length}`);
    assert.deepEqual(positionAt(a.dump, f.start), doc.positionAt(f.start), `${f.rule}: core and editor agree on the position of ${f.start}`);
    for (const e of f.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.rule} edit inside the text`);
    assert.ok(f.message.length > 0 && f.message.length < 2000, `${f.rule}: a readable message (${f.message.length} chars)`);
  }
  assert.equal(typeof fixed.text, 'string');
}

describe('bad input: analyze + fixAll never throw and behave sensibly', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const t0 = performance.now();
      const a = analyze(row.text);
      const fixed = fixAll(row.text);
      const ms = performance.now() - t0;
      checkCommon(row.text, a, fixed);
      row.check?.(a, fixed, row.text);
      // Linear work: even the multi-megabyte rows take seconds, not minutes.
      assert.ok(ms < 60_000, `took ${Math.round(ms)} ms`);
      // In Chinese too.
      analyze(row.text, { locale: 'zh-cn' });
    });
  }
});

describe('bad input through the CLI (as a process)', () => {
  let dir: string;
  const file = (name: string, data: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprint-bad-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an empty file: lint is clean (exit 0), fix prints nothing', () => {
    const p = file('empty.txt', '');
    const r = runCli(['lint', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
    const f = runCli(['fix', p]);
    assert.equal(f.code, 0);
    assert.equal(f.stdout, '');
  });

  test('only blank lines: clean', () => {
    const r = runCli(['lint', file('blank.txt', '\n\n \n\t\n')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  test('GB18030 bytes: the read warning on stderr and one encoding warning on line 1 (exit 1)', () => {
    const p = file('gbk.txt', gb18030(sample));
    const r = runCli(['lint', p]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not valid UTF-8 \(is it GB18030\/GBK\?\)/);
    const enc = r.stdout.split('\n').filter((l) => / encoding /.test(l));
    assert.equal(enc.length, 1);
    assert.ok(enc[0].startsWith(`${p}:1:`), enc[0]);
    assert.match(enc[0], /warning encoding .*Reopen with Encoding.*GB18030/);
    assert.equal(runCli(['lint', '--rule', 'encoding=off', p]).stdout.includes(' encoding '), false, '--rule encoding=off');
  });

  test('a Western page with one cp1252 byte: stderr advises Windows-1252 (iconv that works on it), lint warns at it (exit 1), the export counts it', () => {
    const bytes = Buffer.concat([Buffer.from('FIRE IN THE MILL\n\nThe large flour mill was destroyed by\nfire last night, with a loss of '), Buffer.from([0xab]), Buffer.from('one hundred thousand dollars.\n')]);
    const p = file('latin1.txt', bytes);
    const r = runCli(['lint', p]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /not valid UTF-8 \(is it Windows-1252\/Latin-1\?\).*iconv -f WINDOWS-1252 -t UTF-8/);
    assert.doesNotMatch(r.stderr, /GB18030/);
    assert.match(r.stdout, new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:33: warning encoding .*Windows 1252`, 'm'));
    const e = runCli(['export', p]);
    assert.equal(e.code, 0, e.stderr);
    assert.equal(JSON.parse(e.stdout).diagnostics.encoding, 1);
    assert.match(e.stderr, /iconv -f WINDOWS-1252/);
  });

  test('a stray NUL byte is text; a NUL-heavy file is reported as binary and skipped (exit 2)', () => {
    // (The binary test looks at the first 8 KB: more than 1% NUL there is binary.)
    const stray = runCli(['lint', file('nul.txt', `心 的、关 注 您\u0000 所 关 注\n${sample}`)]);
    assert.equal(stray.code, 1, stray.stderr);
    assert.match(stray.stdout, /spaced-glyphs/);
    const bin = runCli(['lint', file('bin.txt', Buffer.alloc(4096, 0))]);
    assert.equal(bin.code, 2);
    assert.match(bin.stderr, /looks like binary data/);
    assert.doesNotMatch(bin.stderr, /\n\s+at /);
  });

  test('CR-only line endings: lines are counted like an editor counts them, fix keeps CRs', () => {
    const text = '解 读 新 成\r\r心 的、关 注 您 所\r';
    const p = file('cr.txt', text);
    const r = runCli(['lint', p]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: warning spaced-glyphs`, 'm'));
    assert.match(r.stdout, /:1:1: warning spaced-glyphs/);
    const f = runCli(['fix', p]);
    assert.equal(f.stdout, '解读新成\r\r心的、关注您所\r');
  });

  test('malformed annotations: diagnostics, not a crash', () => {
    const r = runCli(['lint', file('annot.txt', '%% frobnicate\n%%\n%% continued-to\n心 的、关 注 您 所\n')]);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  });
});
