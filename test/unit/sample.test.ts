// The real sample page: which lines each glyph rule flags, checked by hand against the dump
// (every letter-spaced line and no other; the one fake-bold heading).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { fixAll } from '../../server/src/core/fix';
import { positionAt } from '../../server/src/core/parse';
import { SAMPLE } from '../helpers/rules';

const text = readFileSync(SAMPLE, 'utf8');

function linesOf(rule: string): number[] {
  const { dump, findings } = analyze(text);
  return findings.filter((f) => f.rule === rule).map((f) => positionAt(dump, f.start).line + 1);
}

test('sample: spaced-glyphs flags exactly the letter-spaced lines', () => {
  assert.deepEqual(linesOf('spaced-glyphs'), [3, 7, 15, 23, 39, 102, 174, 184, 196, 204, 355, 365, 385, 415, 421, 427]);
});

test('sample: doubled-glyphs flags exactly the fake-bold heading', () => {
  assert.deepEqual(linesOf('doubled-glyphs'), [81]);
});

test('sample: fix-all keeps every real word and collapses the heading', () => {
  const fixed = fixAll(text).text;
  for (const word of ['扎扎实实', '汩汩', '一个个', '遥遥相望', '无线电电子', '电商商品', '管理部部长', '不仅仅']) assert.ok(fixed.includes(word), word);
  assert.ok(fixed.includes('心的、关注您所关注的，努力把'));
  assert.ok(fixed.includes('TIR 跨境运输'));
  assert.ok(fixed.includes('本报讯  8 月 26 日'), 'mixed-script-spacing is a hint: left');
  const glyph = new Set(['spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing']);
  assert.equal(analyze(fixed).findings.filter((f) => glyph.has(f.rule) && f.severity !== 'hint').length, 0);
  // Raised to a warning, it is fixed too.
  const rules = { 'mixed-script-spacing': 'warning' } as const;
  const raised = fixAll(text, { rules }).text;
  assert.ok(raised.includes('TIR跨境运输'));
  assert.ok(raised.includes('本报讯  8月26日'), 'the dateline double space stays');
  assert.equal(analyze(raised, { rules }).findings.filter((f) => glyph.has(f.rule)).length, 0);
});
