import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mixedScriptSpacing } from '../../../server/src/core/rules/mixed-script-spacing';
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
