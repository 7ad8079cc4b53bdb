import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { lineAt, allLines } from '../../server/src/core/lines';
import { parse, positionAt } from '../../server/src/core/parse';

test('pages split on form feeds', () => {
  const d = parse('标题\n\n正文一\n正文二\n\f第二页\n\n尾\n');
  assert.equal(d.pages.length, 2);
  assert.deepEqual([d.pages[0].firstLine, d.pages[0].lastLine, d.pages[1].firstLine], [0, 3, 4]);
  assert.equal(lineAt(d, 4).text, '第二页');
  assert.equal(lineAt(d, 4).page, 1);
  assert.equal(lineAt(d, 4).row, 4, 'a form feed at a line start does not add an editor line');
  assert.equal(lineAt(d, 4).col, 1);
});

test('a trailing form feed does not make an empty page', () => {
  assert.equal(parse('a\n\fb\n\f').pages.length, 2);
  assert.equal(parse('').pages.length, 1);
  assert.equal(parse('\f\f').pages.length, 1);
});

test('CRLF, CR, BOM, astral characters and a missing final newline keep offsets right', () => {
  const text = '\ufeff𠀀𠀁 第一行\r\n第二行\r第三𡈽行';
  const d = parse(text);
  assert.equal(d.bom, 1);
  assert.deepEqual(allLines(d).map((l) => l.text), ['𠀀𠀁 第一行', '第二行', '第三𡈽行']);
  for (const l of allLines(d)) assert.equal(text.slice(l.start, l.end), l.text);
  assert.equal(lineAt(d, 0).start, 1);
  assert.equal(lineAt(d, 1).start, text.indexOf('第二行'));
  assert.equal(lineAt(d, 2).end, text.length);
  const off = text.indexOf('𡈽');
  assert.deepEqual(positionAt(d, off), { line: 2, character: 2 });
  assert.deepEqual(positionAt(d, off + 2), { line: 2, character: 4 });
});

test('annotation lines are marked', () => {
  const d = parse('%% headline\n标题\n%% article\n正文\n');
  assert.deepEqual(allLines(d).map((l) => l.annotation), [true, false, true, false]);
});

test('property: lines tile the text and positions agree with a naive line split', () => {
  const chunk = fc.constantFrom('a', '字', '𠀀', ' ', '\n', '\r\n', '\r', '\f', '\ufeff', '%%');
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 60 }).map((a) => a.join('')), (text) => {
      const d = parse(text);
      for (const l of allLines(d)) {
        assert.equal(text.slice(l.start, l.end), l.text);
        assert.ok(!/[\r\n\f]/.test(l.text));
      }
      // Editor lines: split on CRLF, CR, LF only.
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
      }
      for (const l of allLines(d)) {
        const p = positionAt(d, l.start);
        assert.equal(starts[p.line] + p.character, l.start);
      }
    }),
    { numRuns: 500 },
  );
});
