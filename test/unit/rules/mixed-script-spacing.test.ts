import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCjkGlyph } from '../../../server/src/core/chars';
import { MIXED, mixedScan, mixedScriptSpacing } from '../../../server/src/core/rules/mixed-script-spacing';
import fc from '../../helpers/fc';
import { fixLine } from '../../helpers/rules';

const positives: [string, string][] = [
  ['8 月 26 日', '8月26日'],
  ['39.7 亿元，同比增长 76%，在青岛市', '39.7亿元，同比增长76%，在青岛市'],
  ['一辆鲁 B 牌照的', '一辆鲁B牌照的'],
  ['届市政府党组第 30 次会议。', '届市政府党组第30次会议。'],
  ['𠀀 3 𠀁', '𠀀3𠀁'],
];

const negatives: string[] = [
  '本报讯  8', // double space after a dateline is deliberate
  '“亮绩赛季” 76',
  'The 8 th of May',
  '心 的、关 注', // CJK–CJK: the other rule's business
  '8  月',
];

test('mixed-script-spacing: positives are fixed exactly', () => {
  for (const [input, expected] of positives) assert.equal(fixLine(mixedScriptSpacing, input), expected, input);
});

test('mixed-script-spacing: negatives are left alone', () => {
  for (const input of negatives) assert.equal(fixLine(mixedScriptSpacing, input), undefined, input);
});

/** mixedScan as it was: every code point from `from`, each space judged by the code points around it. */
function mixedScanByCodePoints(text: string, from: number, to: number): number[] {
  const gaps: number[] = [];
  let prev = -1;
  let prevAt = 0;
  let first = 0;
  let last = 0;
  for (let i = from; i < to; ) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp === 32 && prev !== -1 && prev !== 32 && i + 1 < to) {
      const next = text.codePointAt(i + 1) ?? 0;
      const alnum = (c: number) => /^[0-9A-Za-z]$/.test(String.fromCodePoint(c));
      if ((isCjkGlyph(prev) && alnum(next)) || ((alnum(prev) || prev === 37 || prev === 0x2030 || prev === 0xb0) && isCjkGlyph(next))) {
        if (gaps.length === 0) first = prevAt;
        gaps.push(i);
        last = i + 1 + (next > 0xffff ? 2 : 1);
      }
    }
    prev = cp;
    prevAt = i;
    i += cp > 0xffff ? 2 : 1;
  }
  return gaps.length ? [first, last, ...gaps] : [];
}

test('property: mixedScan, looking only at spaces, finds what a scan of every code point finds', () => {
  const unit = fc.constantFrom('月', '日', '𠀀', '\ud840', '\udc00', 'a', '8', '%', '°', ' ', ' ', '、', 'é', '々');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 24 }), fc.nat(4), fc.nat(4), (units, cutA, cutB) => {
      const text = units.join('');
      const from = Math.min(cutA, text.length);
      const to = Math.max(from, text.length - cutB);
      const count = mixedScan(text, from, to, from);
      const got = count ? [MIXED.start, MIXED.end, ...MIXED.gaps.slice(0, count)] : [];
      assert.deepEqual(got, mixedScanByCodePoints(text, from, to));
    }),
    { numRuns: 5000 },
  );
});
