// The dump's lines as columns (lines.ts): the builder grows and cuts its columns without losing a
// line, and lineAt / the flag readers give what parse saw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { allLines, isAnnotationLine, isBlankLine, isTextLine, LINE_ANNOTATION, LINE_BLANK, lineAt, lineNext, LineTableBuilder, lineText } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';

test('property: the builder keeps every line pushed, whatever its first guess of their number', () => {
  fc.assert(
    fc.property(fc.nat(40), fc.array(fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(3)), { maxLength: 300 }), (guess, rows) => {
      const b = new LineTableBuilder(guess);
      rows.forEach(([s, e, f], i) => b.push(s, e, i, s % 7, f));
      const t = b.finish();
      assert.equal(t.length, rows.length);
      for (const col of [t.start, t.end, t.row, t.col, t.flags]) assert.equal(col.length, rows.length);
      rows.forEach(([s, e, f], i) => {
        assert.deepEqual([t.start[i], t.end[i], t.row[i], t.col[i], t.flags[i]], [s, e, i, s % 7, f]);
      });
    }),
    { numRuns: 300 },
  );
});

test('lineAt, lineText and the flags read what parse saw', () => {
  const text = '标题\r\n\n  %% headline\n正文𠀀\f第二页';
  const d = parse(text);
  assert.deepEqual(
    allLines(d).map((l) => [l.text, l.blank, l.annotation, l.row, l.col, l.page]),
    [
      ['标题', false, false, 0, 0, 0],
      ['', true, false, 1, 0, 0],
      ['  %% headline', false, true, 2, 0, 0],
      ['正文𠀀', false, false, 3, 0, 0],
      ['第二页', false, false, 3, 5, 1],
    ],
  );
  assert.deepEqual(Array.from(d.lines.flags), [0, LINE_BLANK, LINE_ANNOTATION, 0, 0]);
  assert.deepEqual([0, 1, 2].map((i) => [isTextLine(d.lines, i), isBlankLine(d.lines, i), isAnnotationLine(d.lines, i)]), [
    [true, false, false],
    [false, true, false],
    [false, false, true],
  ]);
  const l = lineAt(d, 3);
  assert.equal(text.slice(l.start, l.end), '正文𠀀');
  assert.equal(l.next, text.indexOf('\f') + 1, 'a line cut by a form feed goes on after it');
  assert.equal(lineText(d, 1), '');
});

// lineNext is read off the text (no column): past exactly one terminator, and what lies between it
// and the next line's start is only form feeds (a line that starts with one starts after it).
test('property: lineNext is past one terminator of the line, or the text end; only form feeds lie before the next line; pageOfLine holds the line', () => {
  const unit = fc.constantFrom('字', 'a', ' ', '\n', '\r', '\r\n', '\f', '\f\f', '\ufeff', '𠀀');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
      const text = units.join('');
      const d = parse(text);
      for (let i = 0; i < d.lines.length; i++) {
        const next = lineNext(d, i);
        const term = text.slice(d.lines.end[i], next);
        assert.ok(['\n', '\r', '\r\n', '\f'].includes(term) || (term === '' && next === text.length), `terminator ${JSON.stringify(term)} of line ${i} in ${JSON.stringify(text)}`);
        if (i + 1 < d.lines.length) assert.match(text.slice(next, d.lines.start[i + 1]), /^\f*$/, `between line ${i} and the next in ${JSON.stringify(text)}`);
        assert.equal(lineAt(d, i).next, next);
        const page = d.pages[lineAt(d, i).page];
        assert.ok(page.firstLine <= i && i <= page.lastLine, `line ${i} is on its page in ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 1000 },
  );
});
