// Properties of the core over arbitrary text: it never throws, fix-all is idempotent, and fixing
// removes only what the rules claim (spaces, and the second of each doubled glyph).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { analyze } from '../../server/src/core/analyze';
import { GLYPH_RULES } from '../../server/src/core/clean';
import { fixAll } from '../../server/src/core/fix';

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('心', '的', '、', '，', '。', ' ', '  ', '\n', '\n\n', '\r\n', '\f', '𠀀', 'T', '8', '月', '跨跨', '境境', 'TT', '“', '”', '□记者', '%% headline\n'),
);
const dumpText = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

test('property: analysis never throws and every finding lies in the text', () => {
  fc.assert(
    fc.property(fc.oneof(dumpText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      const { findings } = analyze(text);
      for (const f of findings) {
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length);
        for (const e of f.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
      }
    }),
    { numRuns: 1000 },
  );
});

test('property: fix-all is idempotent', () => {
  fc.assert(
    fc.property(dumpText, (text) => {
      const once = fixAll(text).text;
      assert.equal(fixAll(once).text, once);
    }),
    { numRuns: 1000 },
  );
});

test('property: glyph fixes only delete spaces and the second glyph of doubled pairs; the rest survives in order', () => {
  fc.assert(
    fc.property(dumpText, (text) => {
      const fixed = fixAll(text, { only: GLYPH_RULES }).text;
      // Walk both strings by code point: every fixed code point must match the next original one;
      // every skipped original code point must be a space or equal to the code point kept before it.
      const a = Array.from(text);
      const b = Array.from(fixed);
      let j = 0;
      let prevKept: string | undefined;
      for (let i = 0; i < a.length; i++) {
        if (j < b.length && a[i] === b[j]) {
          prevKept = a[i];
          j++;
        } else {
          assert.ok(a[i] === ' ' || a[i] === prevKept, `dropped ${JSON.stringify(a[i])} from ${JSON.stringify(text)}`);
        }
      }
      assert.equal(j, b.length, 'fixed text is a subsequence of the original');
    }),
    { numRuns: 1000 },
  );
});

test('property: fix-all (glyphs, joins, moved continuations) loses no other character and adds none', () => {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const ch of s) if (!/\s/.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  fc.assert(
    fc.property(dumpText, (text) => {
      const before = count(text);
      const after = count(fixAll(text).text);
      for (const [ch, n] of after) assert.ok(n <= (before.get(ch) ?? 0), `added ${JSON.stringify(ch)} to ${JSON.stringify(text)}`);
      for (const [ch, n] of before) {
        if (n === (after.get(ch) ?? 0)) continue;
        // Removed on purpose: the second glyph of a doubled pair, or a line-end hyphen of a rejoined word.
        assert.ok(ch === '-' || text.includes(ch + ch), `lost ${JSON.stringify(ch)} from ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 1000 },
  );
});
