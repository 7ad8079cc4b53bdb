import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doubledGlyphs } from '../../../server/src/core/rules/doubled-glyphs';
import { fixLine } from '../../helpers/rules';

const positives: [string, string][] = [
  ['TTIIRR 跨跨境境运运输输', 'TIR 跨境运输'],
  ['跨跨境境电电商商：：外外贸贸', '跨境电商：外贸'],
  ['聚聚焦焦群群众众所所需需', '聚焦群众所需'],
  ['22002244年年', '2024年'],
  ['𠀀𠀀𠀁𠀁𠀂𠀂𠀃𠀃𠀄𠀄', '𠀀𠀁𠀂𠀃𠀄'], // astral glyphs double as whole code points
  ['TTIIRR 112233', 'TIR 123'], // a doubled number in a doubled heading is doubled too
  ['TTHHEE NNEEWW YYOORRKK TTRRIIBBUUNNEE', 'THE NEW YORK TRIBUNE'],
  ['CCIIVVIILL DDEEFFEENNSSEE', 'CIVIL DEFENSE'], // a numeral's letters beside a word that is none
  ['跨跨境境：：外外贸贸', '跨境：外贸'], // a colon is never written doubled
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
  // One token whose every letter or glyph is doubled, with nothing around it that is: Roman
  // numerals, hex colours, AABBCC onomatopoeia, AABB words run together.
  'Copyright MMXXII by the Tribune.',
  'mmxxii',
  'Set the colour to FFFFFF now.',
  'aabbcc',
  'MMXXII FFFFFF', // numerals and hex, however many
  '调色板 AABBCC DDEEFF',
  '他笑着说 哈哈嘻嘻嘿嘿 好的',
  '叮叮当当咚咚',
  '高高兴兴快快乐乐',
  '天天快快乐乐 平平安安', // AA + AABB, and an AABB word apart
  '𠀀𠀀𠀁𠀁𠀂𠀂',
  'zzzz zzzz', // one letter repeated
  '他说 AAHH 好',
  'He only said AAHHOO and left.', // one doubled Latin token: an interjection, maybe
  '祝大家 天天高高兴兴快快乐乐 新年好', // five Han pairs, with other text on the line
];

test('doubled-glyphs: positives are fixed exactly', () => {
  for (const [input, expected] of positives) assert.equal(fixLine(doubledGlyphs, input), expected, input);
});

test('doubled-glyphs: real words are never touched', () => {
  for (const input of negatives) assert.equal(fixLine(doubledGlyphs, input), undefined, input);
});
