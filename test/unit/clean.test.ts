// The cleaner as analyze builds it: taking the line findings page by page (growingCleaner), read
// between the pages it was given, it answers as one given every finding at once would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { cleaner, growingCleaner } from '../../server/src/core/clean';
import { gapFix } from '../../server/src/core/editRows';
import { applyEdits } from '../../server/src/core/fix';
import { parse } from '../../server/src/core/parse';
import type { Edit, Finding } from '../../server/src/core/types';

// Long enough for more edits than the cleaner's columns first have room for (64).
const TEXT = 'ab cd ef\ngh ij kl\nmn op qr\nst uv wx\nyz 12 34\n56 78 90\n'.repeat(3);
const MAX = 100;

/** A finding of the given one-unit edits: deletions kept as rows, or edits as objects. */
function finding(at: readonly number[], newText: string, rows: boolean): Finding {
  const edits: Edit[] = at.map((p) => ({ start: p, end: p + 1, newText }));
  const fix = rows && newText === '' ? gapFix('T', Int32Array.from(at), at.length) : { title: 'T', edits };
  return { rule: 'spaced-glyphs', severity: 'warning', start: at[0], end: at[at.length - 1] + 1, message: 'm', fix };
}

/** The clean text of [s, e) by applyEdits: the edits starting there (all one unit long, none overlapping). */
function reference(found: readonly Finding[], s: number, e: number): string {
  const edits = found.flatMap((f) => f.fix!.edits).filter((x) => x.start >= s && x.start < e);
  return applyEdits(TEXT.slice(s, e), edits.map((x) => ({ ...x, start: x.start - s, end: x.end - s })));
}

test('property: findings added in parts, in or out of order, read as all of them at once', () => {
  const dump = parse(TEXT);
  const n = TEXT.length;
  const spec = fc.record({
    // Distinct positions, grouped into findings of one to three edits each.
    at: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: MAX, size: 'large' }),
    sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: MAX, maxLength: MAX }),
    // '' and ' ' are texts rows carry; '-' is not (the full sort), so it comes only sometimes.
    texts: fc.array(fc.constantFrom('', '', ' '), { minLength: MAX, maxLength: MAX }),
    other: fc.option(fc.nat(MAX - 1)),
    rows: fc.array(fc.boolean(), { minLength: MAX, maxLength: MAX }),
    sorted: fc.boolean(),
    cuts: fc.uniqueArray(fc.nat(MAX), { maxLength: 5 }),
    spans: fc.array(fc.tuple(fc.nat(n), fc.nat(n)), { minLength: 1, maxLength: 4 }),
    // How far each part says the text is linted (0: unknown), which sizes the columns; and after
    // which part finish cuts them to size.
    through: fc.array(fc.nat(n), { minLength: 6, maxLength: 6 }),
    finishAfter: fc.nat(6),
  });
  fc.assert(
    fc.property(spec, ({ at, sizes, texts, rows, other, sorted, cuts, spans, through, finishAfter }) => {
      const positions = sorted ? [...at].sort((a, b) => a - b) : at;
      const found: Finding[] = [];
      for (let k = 0, i = 0; k < positions.length; i++) {
        const group = positions.slice(k, k + sizes[i]).sort((a, b) => a - b);
        found.push(finding(group, i === other ? '-' : texts[i], rows[i]));
        k += group.length;
      }
      const growing = growingCleaner(dump);
      const bounds = [0, ...cuts.filter((c) => c < found.length).sort((a, b) => a - b), found.length];
      for (let b = 1; b < bounds.length; b++) {
        growing.add(found, bounds[b - 1], bounds[b], through[b - 1]);
        if (b === finishAfter) growing.finish();
        // Read between parts: what it was given so far.
        const given = found.slice(0, bounds[b]);
        for (const [x, y] of spans) {
          const [s, e] = x <= y ? [x, y] : [y, x];
          assert.equal(growing.span(s, e), reference(given, s, e));
          assert.equal(growing.unedited(s, e), !given.some((f) => f.fix!.edits.some((q) => q.start >= s && q.start < e)));
        }
        const line = bounds[b] % dump.lines.length;
        assert.deepEqual(growing.findingsOn(line), cleaner(dump, given).findingsOn(line));
      }
      growing.finish();
      const whole = cleaner(dump, found);
      for (let i = 0; i < dump.lines.length; i++) {
        assert.equal(growing.line(i), whole.line(i));
        assert.equal(growing.line(i), reference(found, dump.lines.start[i], dump.lines.end[i]));
        assert.deepEqual(growing.findingsOn(i), whole.findingsOn(i));
      }
      assert.equal(growing.span(0, n), reference(found, 0, n));
    }),
    { numRuns: 300 },
  );
});

// A first page dense with edits projects columns for many more than the rest of the text has:
// finish cuts them to size, and nothing read changes.
test('columns sized from a dense first page, then cut by finish, keep every edit', () => {
  const page = '字 字 字 字 字 字 字 字\n'.repeat(40);
  const text = page + '\f' + '正文没有任何问题的一行\n'.repeat(4000);
  const dump = parse(text);
  const gaps: number[] = [];
  for (let i = 0; i < page.length; i++) if (page[i] === ' ') gaps.push(i);
  const found = [finding(gaps, '', true)];
  const growing = growingCleaner(dump);
  growing.add(found, 0, 1, page.length);
  growing.finish();
  assert.equal(growing.span(0, text.length), page.replace(/ /g, '') + text.slice(page.length));
  assert.equal(growing.nextEdit(gaps[gaps.length - 1]), gaps[gaps.length - 1]);
});
