// The server's LineDocument answers exactly as vscode-languageserver-textdocument's TextDocument,
// through any sequence of full and incremental changes.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import fc from '../helpers/fc';
import { LineDocument, lineDocuments, textBytes } from '../../server/src/lsp/textDocument';

const piece = fc.constantFrom('a', '字', ' ', '\n', '\r', '\r\n', '\f', '\n\n', 'ab\r\ncd', '\r\r\n\n');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -2, max: 12 }), character: fc.integer({ min: -2, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function same(a: TextDocument, b: TextDocument): void {
  assert.equal(b.getText(), a.getText());
  assert.equal(b.lineCount, a.lineCount);
  assert.equal(b.version, a.version);
  for (let o = -1; o <= a.getText().length + 1; o++) assert.deepEqual(b.positionAt(o), a.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= a.lineCount + 1; line++) {
    assert.deepEqual(b.getLineRange(line), a.getLineRange(line), `getLineRange(${line})`);
    assert.equal(b.getEOLCharacters(line), a.getEOLCharacters(line), `getEOLCharacters(${line})`);
    for (let character = -1; character <= 6; character++) {
      const p = { line, character };
      assert.equal(b.offsetAt(p), a.offsetAt(p), `offsetAt(${line}:${character})`);
      assert.equal(b.getText({ start: { line: 0, character: 1 }, end: p }), a.getText({ start: { line: 0, character: 1 }, end: p }));
    }
  }
}

for (const chunk of [LineDocument.chunkSize, 1, 2, 5])
test(`property: LineDocument agrees with the library TextDocument through any edits (chunks of ${chunk} units)`, () => {
  const saved = LineDocument.chunkSize;
  LineDocument.chunkSize = chunk;
  after(() => (LineDocument.chunkSize = saved));
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.boolean(), (initial, batches, early) => {
      let a = TextDocument.create('file:///a', 'pagedump', 1, initial);
      let b = lineDocuments.create('file:///a', 'pagedump', 1, initial);
      // Line starts counted before the first change, or only after (both paths).
      if (early) same(a, b);
      batches.forEach((changes, k) => {
        // The library's line bookkeeping trusts the range's lines: only ranges within the
        // document (the editor sends no others).
        const valid: TextDocumentContentChangeEvent[] = [];
        const probe = TextDocument.create('file:///p', 'pagedump', 0, a.getText());
        for (const c of changes) {
          if ('range' in c && (Math.min(c.range.start.line, c.range.end.line) < 0 || Math.max(c.range.start.line, c.range.end.line) >= probe.lineCount)) continue;
          TextDocument.update(probe, [c], 0);
          valid.push(c);
        }
        a = TextDocument.update(a, valid, k + 2);
        b = lineDocuments.update(b, valid, k + 2);
        same(a, b);
      });
    }),
    { numRuns: 300 },
  );
});

test('a big document in small chunks: typing, new lines, deleted lines', () => {
  const saved = LineDocument.chunkSize;
  LineDocument.chunkSize = 64;
  after(() => (LineDocument.chunkSize = saved));
  const initial = Array.from({ length: 5000 }, (_, i) => `line ${i}${i % 7 === 0 ? '\r\n' : '\n'}`).join('');
  let a = TextDocument.create('file:///a', 'pagedump', 1, initial);
  let b = lineDocuments.create('file:///a', 'pagedump', 1, initial);
  a.positionAt(0);
  b.positionAt(0);
  const edits: [Range, string][] = [
    [{ start: { line: 10, character: 2 }, end: { line: 10, character: 2 } }, '字'],
    [{ start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, '\n\n\n'],
    [{ start: { line: 30, character: 1 }, end: { line: 4000, character: 3 } }, ''],
    [{ start: { line: 5, character: 1 }, end: { line: 6, character: 0 } }, 'x\ny\r\nz'],
    [{ start: { line: 0, character: 0 }, end: { line: 900, character: 0 } }, Array(3000).fill('more\n').join('')],
  ];
  edits.forEach(([range, t], k) => {
    a = TextDocument.update(a, [{ range, text: t }], k + 2);
    b = lineDocuments.update(b, [{ range, text: t }], k + 2);
    assert.equal(b.lineCount, a.lineCount);
    for (let o = 0; o <= a.getText().length; o += 97) assert.deepEqual(b.positionAt(o), a.positionAt(o));
  });
});
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

test('bytes: one a unit while the text fits in one byte a unit, two once a wider unit is in it', () => {
  let doc = lineDocuments.create('file:///b.pagedump', 'pagedump', 1, 'abc\né');
  assert.equal(textBytes(doc), 5);
  const end = doc.positionAt(5);
  doc = lineDocuments.update(doc, [{ range: { start: end, end }, text: '字' }], 2);
  assert.equal(textBytes(doc), 12);
  // Pieces of a two-byte string stay two-byte (as V8 keeps them) until the whole text is replaced.
  doc = lineDocuments.update(doc, [{ range: { start: end, end: doc.positionAt(6) }, text: '' }], 3);
  assert.equal(textBytes(doc), 10);
  doc = lineDocuments.update(doc, [{ text: 'abcd' }], 4);
  assert.equal(textBytes(doc), 4);
  assert.equal(textBytes(TextDocument.create('file:///t.pagedump', 'pagedump', 1, 'ab')), 4);
});

for (const chunk of [LineDocument.chunkSize, 1, 3])
test(`property: changes sent last first go as one batch, with the library's text, lines and offsets (chunks of ${chunk} units)`, () => {
  const saved = { chunk: LineDocument.chunkSize, batch: LineDocument.batchFrom };
  LineDocument.chunkSize = chunk;
  LineDocument.batchFrom = 2;
  after(() => {
    LineDocument.chunkSize = saved.chunk;
    LineDocument.batchFrom = saved.batch;
  });
  let batched = 0;
  let runs = 0;
  fc.assert(
    fc.property(text, fc.array(fc.record({ at: fc.nat(), text, past: fc.nat({ max: 15 }) }), { minLength: 4, maxLength: 12 }), fc.boolean(), fc.boolean(), (initial, picks, early, firstFirst) => {
      runs++;
      const a = TextDocument.create('file:///a', 'pagedump', 1, initial);
      const b = lineDocuments.create('file:///a', 'pagedump', 1, initial) as LineDocument;
      if (early) void b.lineCount;
      // Ranges last first, apart or touching, as VS Code sends a multi-edit (Fix All).
      const ends = picks.map((p) => p.at % (initial.length + 1)).sort((x, y) => y - x);
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = 0; k + 1 < ends.length; k += 2) {
        // Now and then an end past its line's end, which the library clamps.
        const end = a.positionAt(ends[k]);
        changes.push({ range: { start: a.positionAt(ends[k + 1]), end: { line: end.line, character: end.character + (picks[k].past === 15 ? 2 : 0) } }, text: picks[k].text });
      }
      // And now and then first first, which is not such a batch.
      if (firstFirst && picks[0].past < 4) changes.reverse();
      const offsets = b.lastFirst(changes);
      if (offsets) {
        batched++;
        // Each change's offsets are those in the text as the changes before it leave it.
        const probe = TextDocument.create('file:///p', 'pagedump', 1, initial);
        changes.forEach((c, k) => {
          const range = (c as { range: { start: { line: number; character: number }; end: { line: number; character: number } } }).range;
          assert.deepEqual([offsets[2 * k], offsets[2 * k + 1]], [probe.offsetAt(range.start), probe.offsetAt(range.end)]);
          TextDocument.update(probe, [c], 1);
        });
        b.applyLastFirst(changes, offsets, 2);
      } else lineDocuments.update(b, changes, 2);
      same(TextDocument.update(a, changes, 2), b);
    }),
    { numRuns: 300 },
  );
  assert.ok(batched > runs / 3, `${batched} of ${runs} went as a batch`);
});
