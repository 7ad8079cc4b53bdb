import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doubledGlyphs } from '../../../server/src/core/rules/doubled-glyphs';
import { fixLine } from '../../helpers/rules';

const positives: [string, string][] = [
  ['TTIIRR 跨跨境境运运输输', 'TIR 跨境运输'],
  ['跨跨境境电电商商：：外外贸贸', '跨境电商：外贸'],
  ['聚聚焦焦群群众众所所需需', '聚焦群众所需'],
  ['22002244年年', '2024年'],
  ['𠀀𠀀𠀁𠀁𠀂𠀂', '𠀀𠀁𠀂'], // astral glyphs double as whole code points
  ['TTIIRR 112233', 'TIR 123'], // a doubled number in a doubled heading is doubled too
];

const negatives: string[] = [
  '府重点工作，扎扎实实推动改',
  '扎扎实实',
  '扎扎实实 认认真真', // two AABB words: could be real
  '观高低错落，汩汩清流从高处',
  '跌落，砸出一个个晶莹的水花，',
  '万佛塔、慈云寺遥遥相望，是一',
  '术大学、国立信息和无线电电子大',
  '至中国东部沿海地区的电商商品',
  '沽河度假区物业管理部部长马',
  '我们希望能够做到：不仅仅告诉',
  '常常 谢谢 人人 天天 看看',
  'Mississippi bookkeeper coffee',
  'aabb',
  // Numbers and rule lines double every character of a token, and are not overprints.
  '收入 11000000 元',
  'THE NEW YORK TRIBUNE 112233',
  '000000',
  '========',
  '————————',
  '**  ----  ****',
  '22002233', // a doubled year, maybe; not sure enough to delete digits
  // Words with their doubled punctuation (the Chinese ellipsis and dash are two characters), units
  // after numbers, laughter, hex colours.
  '红红火火……',
  '大家 说说笑笑……',
  '扎扎实实——',
  '哈哈哈哈哈哈',
  '管径为 1100mm 的管道',
  '2200mm',
  '走访 1100 家家户户',
  '颜色 FFFF00',
];

test('doubled-glyphs: positives are fixed exactly', () => {
  for (const [input, expected] of positives) assert.equal(fixLine(doubledGlyphs, input), expected, input);
});

test('doubled-glyphs: real words are never touched', () => {
  for (const input of negatives) assert.equal(fixLine(doubledGlyphs, input), undefined, input);
});
