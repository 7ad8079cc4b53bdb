// Fixes kept as rows (editRows.ts): they read, copy and serialize as the fixes of objects they
// replace, across chunk boundaries, and the cleaner and the server's packing read their rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { asRowFix, editCount, fixRows, fixSize, gapFinding, gapFix, hasFix, reserveInts, RowFinding, RowFix } from '../../server/src/core/editRows';
import { analyze } from '../../server/src/core/analyze';
import { cleaner } from '../../server/src/core/clean';
import { applyEdits } from '../../server/src/core/fix';
import { packFindings, unpackFindings } from '../../server/src/core/packed';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/types';

test('property: a gap fix reads as the deletions it stands for, wherever its rows fall', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(1_000_000), { maxLength: 200 }), fc.nat((1 << 16) + 10), (gaps, filler) => {
      reserveInts(filler); // rows before it, sometimes up to a chunk's end
      const fix = gapFix('Fix', Int32Array.from(gaps), gaps.length);
      const want = gaps.map((g) => ({ start: g, end: g + 1, newText: '' }));
      assert.deepEqual(fix.edits, want);
      assert.equal(fix.edits, fix.edits, 'made once');
      assert.equal(editCount(fix), gaps.length);
      assert.deepEqual(JSON.parse(JSON.stringify(fix)), { title: 'Fix', edits: want });
    }),
    { numRuns: 200 },
  );
});

test('a finding that keeps its fix as rows reads, serializes and packs as a finding with a fix of objects', () => {
  const f = gapFinding('spaced-glyphs', 'warning', 10, 20, 'm', 'Fix', Int32Array.of(12, 15, 17), 3);
  const plain = { rule: 'spaced-glyphs', severity: 'warning', start: 10, end: 20, message: 'm', fix: { title: 'Fix', edits: [12, 15, 17].map((g) => ({ start: g, end: g + 1, newText: '' })) } };
  assert.ok(f instanceof RowFinding);
  assert.ok(hasFix(f));
  assert.equal(fixSize(f), 3);
  assert.equal(fixRows(f), f, 'its rows are read from it: no fix object made');
  assert.deepEqual(JSON.parse(JSON.stringify(f)), plain);
  assert.deepEqual(unpackFindings(packFindings([f])), [plain]);
  assert.equal(f.fix, f.fix, 'the fix is made once');
  assert.equal(f.related, undefined);
  assert.deepEqual(f.fix.edits, plain.fix.edits);
  const none: Finding = { rule: 'encoding', severity: 'error', start: 0, end: 0, message: 'x' };
  assert.ok(!hasFix(none));
  assert.equal(fixSize(none), 0);
  assert.equal(fixRows(none), undefined);
});

test('a fix of objects becomes rows when its texts allow, else not', () => {
  const fix = { title: 'T', edits: [{ start: 3, end: 4, newText: '' }, { start: 7, end: 9, newText: ' ' }] };
  const rows = asRowFix(fix);
  assert.ok(rows instanceof RowFix);
  assert.deepEqual(rows.edits, fix.edits);
  assert.equal(asRowFix({ title: 'T', edits: [{ start: 0, end: 1, newText: 'x' }] }), undefined);
  assert.equal(editCount(fix), 2);
});

test('the cleaner reads rows and objects alike, and a text no row carries', () => {
  const text = 'a b c d e';
  const dump = parse(text);
  const asObjects: Finding = { rule: 'spaced-glyphs', severity: 'warning', start: 0, end: 9, message: 'm', fix: { title: 'T', edits: [{ start: 1, end: 2, newText: '' }, { start: 5, end: 6, newText: ' ' }] } };
  const asRows: Finding = { ...asObjects, fix: gapFix('T', Int32Array.of(3), 1) };
  const other: Finding = { ...asObjects, start: 7, fix: { title: 'T', edits: [{ start: 7, end: 8, newText: '-' }] } };
  const edits = [...asObjects.fix!.edits, ...asRows.fix!.edits];
  assert.equal(cleaner(dump, [asObjects, asRows]).span(0, 9), applyEdits(text, edits));
  assert.equal(cleaner(dump, [asObjects, asRows, other]).span(0, 9), applyEdits(text, [...edits, ...other.fix!.edits]));
});

test('a joined paragraph\'s finding serializes, packs and copies as plain data', () => {
  const text = ['这是一个很长的段落第一行文字', '接着是第二行的文字内容继续', '然后第三行也还在同一段里面', '最后一行结束。'].join('\n');
  const f = analyze(text).findings.find((x) => x.rule === 'hard-wrap');
  assert.ok(f && f.fix && f.related, 'a hard-wrap finding');
  assert.equal(Object.getPrototypeOf(f), RowFinding.prototype, 'a RowFinding itself, as line findings are: a page sort reads few classes');
  const plain = JSON.parse(JSON.stringify(f));
  assert.deepEqual(Object.keys(plain), ['rule', 'severity', 'start', 'end', 'message', 'fix', 'related']);
  assert.equal(plain.fix.edits.length, 3);
  assert.deepEqual(plain.related, [{ start: text.indexOf('\n') + 1, end: text.length, message: 'Lines 2–4 of this paragraph' }]);
  assert.deepEqual(unpackFindings(packFindings([f])), [plain]);
  assert.equal(f.related, f.related, 'made once');
  // Latin lines join with a space: an edit row that inserts one.
  const latin = 'The quick brown fox jumps over the fence\nand the lazy dog keeps on running after\nit across the wide green field today.';
  const g = analyze(latin).findings.find((x) => x.rule === 'hard-wrap');
  assert.ok(g?.fix);
  assert.deepEqual(g.fix.edits.map((e) => e.newText), [' ', ' ']);
  assert.deepEqual(unpackFindings(packFindings([g])), [JSON.parse(JSON.stringify(g))]);
});

test('a doubled heading\'s finding keeps its fix as rows, which read as the deletions of its second glyphs (astral ones too)', () => {
  const text = '前文\nTTIIRR 跨跨境境运运输输 𠀋𠀋𠆬𠆬\n后文\n';
  const [f] = analyze(text).findings.filter((x) => x.rule === 'doubled-glyphs');
  assert.ok(f instanceof RowFinding, 'no fix object kept');
  assert.equal(fixRows(f), f);
  assert.equal(applyEdits(text, f.fix.edits), '前文\nTIR 跨境运输 𠀋𠆬\n后文\n');
  assert.deepEqual(JSON.parse(JSON.stringify(f)).fix, { title: f.fix.title, edits: JSON.parse(JSON.stringify(f.fix.edits)) });
});
