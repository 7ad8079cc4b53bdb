// The server's chunked text reads as the string it stands for, through any edits, and the
// incremental analysis reading it agrees with one reading plain strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { IncrementalDocument } from '../../server/src/core/incremental';
import { ChunkedText } from '../../server/src/lsp/chunkedText';
import { findingKey as key } from '../helpers/edits';
import { SAMPLE } from '../helpers/rules';

const unit = fc.constantFrom('a', '字', ' ', '\n', '\r\n', '\f', '\f\f', 'xyz', '');
const text = fc.array(unit, { maxLength: 40 }).map((p) => p.join(''));
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: text });

test('property: a chunked text slices, searches and reads as its string, through any edits', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), text, fc.array(edit, { maxLength: 8 }), fc.array(fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 60 })), { minLength: 1, maxLength: 5 }), (size, initial, edits, probes) => {
      let s = initial;
      let c = ChunkedText.of(s, size);
      const check = () => {
        assert.equal(c.length, s.length);
        // Every slice from 0 and to the end, and the probes, then the whole text.
        for (let a = 0; a <= s.length; a++) assert.equal(c.slice(a, s.length), s.slice(a), `slice(${a})`);
        for (let b = 0; b <= s.length; b++) assert.equal(c.slice(0, b), s.slice(0, b), `slice(0, ${b})`);
        for (const [a, b] of probes) {
          assert.equal(c.slice(a, b), s.slice(Math.max(0, a), Math.max(0, b)), `slice(${a}, ${b})`);
          assert.equal(c.indexOf('\f', a), s.indexOf('\f', a), `indexOf(\\f, ${a})`);
          assert.ok(Object.is(c.charCodeAt(a), s.charCodeAt(a)), `charCodeAt(${a})`);
        }
        assert.equal(c.toString(), s);
        for (const [a] of probes) assert.equal(c.indexOf('\r\n', a), s.indexOf('\r\n', a), `indexOf(\\r\\n, ${a})`);
      };
      check();
      for (const e of edits) {
        const start = e.at % (s.length + 1);
        const end = Math.min(s.length, start + e.del);
        const before = c;
        const { next, dropped } = c.replace(start, end, e.ins);
        assert.ok(dropped >= end - start, 'what is replaced is dropped');
        assert.equal(before.slice(0, before.length), s, 'the version before is unchanged');
        s = s.slice(0, start) + e.ins + s.slice(end);
        c = next;
        check();
      }
    }),
    { numRuns: 500 },
  );
});

test('property: many replacements at once (a Fix All applied) give the text of replacing each from the last, sharing the chunks none touches', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), text, fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: text }), { maxLength: 10 }), (size, initial, picks) => {
      const c = ChunkedText.of(initial, size);
      // Sorted and apart (touching allowed, insertions at one offset in their order), as the editor sends them.
      const edits: [number, number, string][] = [];
      let at = 0;
      for (const p of picks) {
        const start = Math.min(initial.length, at + (p.at % 5));
        const end = Math.min(initial.length, start + p.del);
        edits.push([start, end, p.ins]);
        at = end;
      }
      let one = c;
      for (const [start, end, ins] of [...edits].reverse()) one = one.replace(start, end, ins).next;
      const { next, dropped } = c.replaceAll(edits);
      assert.equal(next.toString(), one.toString());
      assert.equal(next.length, one.length);
      assert.equal(c.toString(), initial, 'the version before is unchanged');
      assert.ok(dropped >= edits.reduce((n, [s, e]) => n + e - s, 0) && dropped <= initial.length);
      // Read through: slices from every offset.
      const s = one.toString();
      for (let a = 0; a <= s.length; a++) assert.equal(next.slice(a, s.length), s.slice(a));
      const kept = new Set(c.chunkList());
      let keptUnits = 0;
      for (const chunk of next.chunkList()) {
        assert.ok(chunk.length <= 2 * size || next.chunkList().length === 1, `a chunk of ${chunk.length} units`);
        if (kept.has(chunk)) keptUnits += chunk.length;
      }
      assert.ok(keptUnits >= initial.length - dropped, 'what was not dropped is shared');
    }),
    { numRuns: 500 },
  );
  const big = 'x'.repeat(10 * 4096);
  const { next, dropped } = ChunkedText.of(big, 4096).replaceAll([
    [5000, 5001, '字'],
    [5005, 5005, 'y'],
  ]);
  assert.equal(dropped, 4096, 'one chunk copied');
  assert.equal(next.toString(), `${big.slice(0, 5000)}字${big.slice(5001, 5005)}y${big.slice(5005)}`);
});

test('an edit copies the chunks it touches, not the text', () => {
  const big = 'x'.repeat(10 * 4096);
  const { next, dropped } = ChunkedText.of(big, 4096).replace(5000, 5001, '字');
  assert.equal(dropped, 4096);
  assert.equal(next.toString(), `${big.slice(0, 5000)}字${big.slice(5001)}`);
});

test('property: the incremental analysis of a chunked text equals that of the string', () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  const base = [sample.slice(0, 2500), sample.slice(2500, 5000), sample.slice(5000)].join('\f');
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), ins: fc.constantFrom('', '字', '\f', '\n\n', ' 心 的 关 ', '\r\n') }), { minLength: 1, maxLength: 5 }), (edits) => {
      let s = base;
      let c = ChunkedText.of(s, 700);
      const plain = new IncrementalDocument({});
      const chunked = new IncrementalDocument({});
      plain.update(s);
      chunked.update(c);
      for (const e of edits) {
        const start = e.at % (s.length + 1);
        const end = Math.min(s.length, start + e.del);
        const window = { start, oldEnd: end, newEnd: start + e.ins.length };
        s = s.slice(0, start) + e.ins + s.slice(end);
        c = c.replace(start, end, e.ins).next;
        plain.update(s, undefined, window);
        chunked.update(c, undefined, window);
        assert.deepEqual(chunked.findings().map(key), plain.findings().map(key));
        assert.deepEqual(chunked.segments.map((g) => [g.start, g.end]), plain.segments.map((g) => [g.start, g.end]));
      }
    }),
    { numRuns: 40 },
  );
});
