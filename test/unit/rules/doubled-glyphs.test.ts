import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doubledGlyphs } from '../../../server/src/core/rules/doubled-glyphs';
import { lineAt } from '../../../server/src/core/lines';
import { en } from '../../../server/src/core/messages';
import { parse } from '../../../server/src/core/parse';
import { fixLine } from '../../helpers/rules';

// Sure fake bold: evidence beyond Han pairs.
const positives: [string, string][] = [
  ['TTIIRR 跨跨境境运运输输', 'TIR 跨境运输'],
  ['跨跨境境电电商商：：外外贸贸', '跨境电商：外贸'],
  ['22002244年年', '2024年'],
  ['TTIIRR 112233', 'TIR 123'], // a doubled number in a doubled heading is doubled too
  ['TTHHEE NNEEWW YYOORRKK TTRRIIBBUUNNEE', 'THE NEW YORK TRIBUNE'],
  ['CCIIVVIILL DDEEFFEENNSSEE', 'CIVIL DEFENSE'], // a numeral's letters beside a word that is none
  ['跨跨境境：：外外贸贸', '跨境：外贸'], // a colon is never written doubled
  ['𠀀𠀀𠀁𠀁 TTIIRR', '𠀀𠀁 TIR'], // astral glyphs double as whole code points
  // The evidence covers the tokens one space from it, not an all-pairs token two spaces or more
  // away, or next to ordinary text: that one may be a real word of the text (扎扎实实 推进).
  ['TTIIRR 跨跨境境运运输输  红红火火 开新局', 'TIR 跨境运输  红红火火 开新局'],
  ['TTIIRR 跨跨境境运运输输 扎扎实实 推进', 'TIR 跨境运输 扎扎实实 推进'],
  ['TTIIRR 跨跨境境运运输输   高高兴兴 上班', 'TIR 跨境运输   高高兴兴 上班'],
  ['TTIIRR 跨跨境境运运输输  高高兴兴', 'TIR 跨境运输  高高兴兴'],
  ['推进 扎扎实实 TTIIRR 跨跨境境运运输输', '推进 扎扎实实 TIR 跨境运输'],
  ['TTIIRR 跨跨境境 运运输输 扎扎实实 推进', 'TIR 跨境 运输 扎扎实实 推进'],
  ['TTIIRR 跨跨境境运运输输 11000000 元', 'TIR 跨境运输 11000000 元'], // a number next to ordinary text may be one too
  // A token of three Han pairs or more is no AA or AABB word: the evidence reaches it whatever
  // follows, one space away or a column gap.
  ['TTIIRR 跨跨境境运运输输 推进', 'TIR 跨境运输 推进'],
  ['TTIIRR 跨跨境境运运输输        本报讯 3月5日，我市召开', 'TIR 跨境运输        本报讯 3月5日，我市召开'],
  ['TTIIRR 跨跨境境运运输输 常常 见', 'TIR 跨境运输 常常 见'],
  ['55GG 网网络络 全全覆覆盖盖 推进', '5G 网络 全覆盖 推进'],
  ['推进 跨跨境境运运输输 TTIIRR', '推进 跨境运输 TIR'],
  ['22002244年年 工工作作 回回顾顾', '2024年 工作 回顾'],
  ['TTHHEE  NNEEWWSS', 'THE  NEWS'], // Latin words are evidence each, however far apart
  // A Latin word with a number, a number with a capital that is no unit: doubled words too.
  ['CCOOVVIIDD--1199 疫疫情情防防控控', 'COVID-19 疫情防控'],
  ['55GG 网网络络 全全覆覆盖盖', '5G 网络 全覆盖'],
  ['44KK 超超高高清清', '4K 超高清'],
];

// Unsure: a whole line of Han pairs, a token of three or more not all one glyph, and nothing else
// to tell fake bold from reduplicated words run together. Flagged, with this fix, for the user to apply.
const unsure: [string, string][] = [
  ['跨跨境境运运输输', '跨境运输'],
  ['聚聚焦焦群群众众所所需需', '聚焦群众所需'],
  ['  天天高高兴兴快快乐乐  ', '  天高兴快乐  '],
  ['叮叮当当咚咚', '叮当咚'],
  ['高高兴兴快快乐乐', '高兴快乐'],
  ['天天快快乐乐 平平安安', '天快乐 平安'], // AA + AABB, and an AABB word apart
  ['𠀀𠀀𠀁𠀁𠀂𠀂', '𠀀𠀁𠀂'], // astral glyphs double as whole code points
  ['𠀀𠀀𠀁𠀁𠀂𠀂𠀃𠀃𠀄𠀄', '𠀀𠀁𠀂𠀃𠀄'],
  ['MMXXII 跨跨境境运运输输', 'MXI 跨境运输'], // a Roman numeral is no evidence
  ['TTIIRR  跨跨境境运运输输', 'TIR 跨境运输'.replace(' ', '  ')], // the Latin word apart: the Han pairs as alone
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
  'zzzz zzzz', // one letter repeated
  '他说 AAHH 好',
  'He only said AAHHOO and left.', // one doubled Latin token: an interjection, maybe
  '祝大家 天天高高兴兴快快乐乐 新年好', // five Han pairs, with other text on the line
  '天天高高兴兴快快乐乐。', // a line that ends in punctuation is prose
  '扎扎实实认认真真 好', // another token on the line
  // A Latin word is evidence only for the doubled tokens it is one space from, and not for one that
  // ordinary text is next to: an AABB word alone is never sure.
  'TTIIRR 扎扎实实 推进',
  'TTIIRR  红红火火 开新局',
  'TTIIRR  红红火火',
  '推进 扎扎实实 TTIIRR',
  // Numbers with their units, hex colours: no evidence beside Han pairs.
  '1100mm 家家户户',
  '1100MM 家家户户',
  '0000FF 红红火火',
  '颜色 0000FF FFFF00',
];

test('doubled-glyphs: positives are fixed exactly', () => {
  for (const [input, expected] of positives) {
    assert.equal(fixLine(doubledGlyphs, input), expected, input);
    assert.equal(doubledGlyphs.checkLine(lineAt(parse(input), 0), en)?.unsure, undefined, `${input}: sure`);
  }
});

test('doubled-glyphs: a whole line of Han pairs alone is flagged unsure, its fix exact', () => {
  for (const [input, expected] of unsure) {
    assert.equal(fixLine(doubledGlyphs, input), expected, input);
    const f = doubledGlyphs.checkLine(lineAt(parse(input), 0), en)!;
    assert.equal(f.unsure, true, `${input}: unsure`);
    assert.match(f.message, /^Looks like fake bold/, input);
  }
});

test('doubled-glyphs: real words are never touched', () => {
  for (const input of negatives) assert.equal(fixLine(doubledGlyphs, input), undefined, input);
});
