// The line gates only skip lines on which a rule would find nothing: lintPage's findings equal
// each rule's own checkLine on every line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../../helpers/fc';
import { allLines, lineAt } from '../../../server/src/core/lines';
import { cleanLineText } from '../../../server/src/core/clean';
import { applyEdits } from '../../../server/src/core/fix';
import { lintDump } from '../../../server/src/core/lint';
import { en } from '../../../server/src/core/messages';
import { parse } from '../../../server/src/core/parse';
import { doubledGlyphs } from '../../../server/src/core/rules/doubled-glyphs';
import { GATE_CJK, lineGates } from '../../../server/src/core/rules/gates';
import { mixedScriptSpacing } from '../../../server/src/core/rules/mixed-script-spacing';
import { spacedGlyphs } from '../../../server/src/core/rules/spaced-glyphs';
import { gapRoom, type SpacingScan } from '../../../server/src/core/rules/rule';

const unit = fc.constantFrom('心', '的', '关', '、', '，', '“', '”', '—', '…', '·', '□', '𠀀', 'a', 'T', 'T', '1', ' ', ' ', '  ', '\u3000', '-', '.', 'é', '々');
const line = fc.array(unit, { maxLength: 30 }).map((u) => u.join(''));

test('property: the gates let through every line a rule finds something on', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      const dump = parse(lines.join('\n'));
      const own = allLines(dump).flatMap((l) =>
        [spacedGlyphs, doubledGlyphs, mixedScriptSpacing].flatMap((r) => {
          const f = r.checkLine(l, en);
          return f ? [`${r.id}@${f.start}-${f.end}:${f.message}:${JSON.stringify(f.fix.edits)}`] : [];
        }),
      );
      const linted = lintDump(dump).map((f) => `${f.rule}@${f.start}-${f.end}:${f.message}:${JSON.stringify(f.fix?.edits)}`);
      assert.deepEqual(linted.sort(), own.sort());
    }),
    { numRuns: 3000 },
  );
});

test('a Latin line, even with curly quotes and dashes, is not one for the CJK rules', () => {
  assert.equal(lineGates('He said “so — it is” · and…') & GATE_CJK, 0);
  assert.equal(lineGates('心 的') & GATE_CJK, GATE_CJK);
  assert.equal(lineGates('𠀀 a') & GATE_CJK, GATE_CJK);
});

/** cleanLineText as it was before the gates: every display rule's checkLine on the line, their fixes (but unsure ones) applied together. */
function cleanUngated(text: string): string {
  const edits = [spacedGlyphs, doubledGlyphs].flatMap((r) => {
    const f = r.checkLine(lineAt(parse(text), 0), en);
    return f && !f.unsure ? f.fix.edits : [];
  });
  return applyEdits(text, edits).trim();
}

test('property: cleanLineText skips only the rules the gates rule out', () => {
  fc.assert(
    fc.property(line, (l) => {
      assert.equal(cleanLineText(l), cleanUngated(l));
    }),
    { numRuns: 3000 },
  );
});

test('cleanLineText reads every rule on the line as given: the spacing fix builds no overprint', () => {
  // As fix-all and the rewrite: letter-spaced AABB words are words (a fake-bold heading is doubled
  // before it is spaced, and then its pairs are not apart).
  assert.equal(cleanLineText('天 天 高 高 兴 兴 快 快 乐 乐'), '天天高高兴兴快快乐乐');
  assert.equal(cleanLineText('TTIIRR 跨跨境境运运输输'), 'TIR 跨境运输');
});

test('gapRoom doubles a full scan array and keeps its gaps', () => {
  const scan: SpacingScan = { start: 0, end: 0, gaps: Int32Array.of(7, 8) };
  assert.equal(gapRoom(scan, 1), scan.gaps); // room left: the same array
  const grown = gapRoom(scan, 2);
  assert.equal(scan.gaps, grown);
  assert.deepEqual([...grown], [7, 8, 0, 0]);
});

test('a spacing finding past 256 gaps is whole (its scan array grows)', () => {
  const text = Array.from({ length: 400 }, () => '心 的').join(' ');
  const f = spacedGlyphs.checkLine(lineAt(parse(text), 0), en);
  assert.equal(f?.fix.edits.length, 799);
  assert.deepEqual(lintDump(parse(text)).find((x) => x.rule === 'spaced-glyphs')?.fix?.edits, f?.fix.edits);
});
