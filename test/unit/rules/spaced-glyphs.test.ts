import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spacedGlyphs } from '../../../server/src/core/rules/spaced-glyphs';
import { fixLine } from '../../helpers/rules';
import { lintDump } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';

const positives: [string, string][] = [
  ['心 的、关 注 您 所 关 注 的 ，努 力 把', '心的、关注您所关注的，努力把'],
  ['个 确 立 ”、坚 决 做 到“ 两 个 维', '个确立”、坚决做到“两个维'],
  ['鼓 呐 喊。今 天 ，请 您 关 注《跨 境', '鼓呐喊。今天，请您关注《跨境'],
  ['东 盟、西 接 共 建“一 带 一 路 ”国', '东盟、西接共建“一带一路”国'],
  ['编 者 按', '编者按'],
  // Astral ideographs (CJK Extension B) count as glyphs and keep their surrogate pairs.
  ['𠀀 𠀁 𠀂 的', '𠀀𠀁𠀂的'],
  // Digits in the line are not this rule's business: only CJK–CJK gaps go.
  ['于 7 月 份 正 式 向 市', '于 7 月份正式向市'],
  // A paragraph joined into one line (hard-wrap) holding a letter-spaced stretch and a title
  // separator: the separator, between two long runs, stays.
  ['心 的、关 注 您 所 关 注 的 ，努 力 把主义法治道路 为全面建设社', '心的、关注您所关注的，努力把主义法治道路 为全面建设社'],
  // A date letter-spaced: numerals and 日 among glyphs that are no words of a table row (月, 午).
  ['三 月 十 二 日 上 午', '三月十二日上午'],
  ['十 二 日 上 午', '十二日上午'], // the one glyph that is no table word the last
  // A credit label glyph-spaced itself is no credit line the rule can tell.
  ['的 编 辑 工 作', '的编辑工作'],
  // An interview's question: a label before a colon is no list label.
  ['记者：您 怎 么 看 待 这 个 问 题', '记者：您怎么看待这个问题'],
  // A credit elsewhere on the line keeps its spaced names; the rest of the line is still fixed.
  ['心 的、关 注 您 所  责任编辑 王 丽', '心的、关注您所  责任编辑 王 丽'],
  ['图为 市 民  记者 王 丽 摄', '图为市民  记者 王 丽 摄'],
  // No credit: an unspaced label one space from a single glyph, 摄 ending a letter-spaced line.
  ['的 编辑 工 作', '的编辑工作'],
  ['心 的、关 注 您 所 拍 摄', '心的、关注您所拍摄'],
  // Nor 拍 摄, the word, nor 摄 after a letter-spaced sentence's end: letter-spaced text, fixed.
  ['公 园 里 景 色 宜 人 。市 民 拍 摄', '公园里景色宜人。市民拍摄'],
  ['游 客 拍 摄', '游客拍摄'],
  ['大 家 都 争 相 拍 摄（记 者 拍 摄）的 画 面', '大家都争相拍摄（记者拍摄）的画面'],
  // Deliberate spacing needs its evidence: a form's label with a stretched sentence after it, single
  // glyphs that are no surname pairs or an odd count of them, a weather row without its temperature,
  // a sex and a number inside a stretched run, are letter-spaced text.
  ['单 位 要 加 强 管 理', '单位要加强管理'],
  ['春 夏 秋 冬 四 季 分 明', '春夏秋冬四季分明'],
  ['金 木 水 火 土', '金木水火土'],
  ['王 丽 李 明 张', '王丽李明张'],
  // A surname every other glyph, but pairs that are words, no names (末, 温: no given names).
  ['周 末 高 温 雷 雨', '周末高温雷雨'],
  ['后 天 多 云 转 阴', '后天多云转阴'],
  ['参 赛 的 男 3 人 中 有', '参赛的男 3 人中有'],
  ['今 天 下 雨 转 晴 5~13℃', '今天下雨转晴 5~13℃'],
];

const negatives: string[] = [
  '主义法治道路 为全面建设社', // one deliberate title separator
  '□记者 何光翠 报道', // byline: words of two or more glyphs
  '□通讯员 傅玉佳 报道',
  '本报讯  8 月 26 日，十八', // dateline: double space
  '记者 王 刚 报道', // a two-glyph name spaced to align: half the tokens, not more
  // Two-glyph names padded to the width of three: in bylines and in lists, which singles pair up
  // cannot be told.
  '本报记者 王 丽 李 明',
  '□记者 王 丽 通讯员 张 强 报道',
  '记者 王 丽 李 明',
  '张三丰 王 丽 李四光 赵 强 刘德华',
  // Staff credits: an editor's, proofreader's or designer's label, then names spaced as bylines
  // space them.
  '责任编辑 王 丽 校对 李 明',
  '责任编辑 王 丽',
  '本版编辑 王 丽 李 明',
  '编辑 王 丽 李 明',
  '校对 李 明',
  '美编 张 强 版式 刘 洋',
  '□责编 王 丽 李 明',
  '编辑：王 丽 李 明',
  '出席：王 丽 李 明 张 华', // a list of names under its label
  // Photo credits: names (2–4 glyphs, spaced or not), then 摄 or 摄影, with or without a label.
  '王 丽 摄',
  '王 丽 摄影',
  '王 丽、李 明 摄',
  '记者 王 丽 摄',
  '新华社记者 张 三 摄',
  '新华社发（王 丽 摄）',
  '（记者 王 丽 摄）',
  '图为市民在公园游玩。王 丽 摄',
  '当天景区接待游客3000人。王 丽 摄', // a sentence ending in a digit's word, a bracket, a quote
  '图为市民在公园游玩（资料图）。王 丽 摄',
  '“大家一起合影”。王 丽 摄',
  // Credits that do not start their line.
  '第3版  责任编辑 王 丽 李 明',
  '第3版  本版编辑 王 丽  校对 李 明',
  // Rows of a table or calendar: single glyphs that are each a word (weekdays, numerals, 上 中 下).
  '日 一 二 三 四 五 六',
  '一 二 三 四 五 六 日',
  '星期 日 一 二 三 四 五 六',
  '上 中 下',
  '甲 乙 丙 丁',
  // Rows of a table of people: a padded name, then a sex and a number, or a date of birth; also
  // when hard-wrap has joined them to the text above.
  '王 丽 女 1980.05 市商务局副局长',
  '张 三 男 35 记者',
  '李 明 1978.11 市财政局副局长',
  '根据有关规定，现将拟任职干部情况予以公示。王 丽 女 1980.05 市商务局副局长李 明 男 1978.11 市财政局副局长',
  // A form's label column: padded labels and their values.
  '姓 名 李丽丽',
  '姓 名 王 丽 性 别 女',
  '籍 贯 山东胶州',
  // A weather row ending in its temperature.
  '南京 雨 转 晴 5~13℃',
  '杭州 晴 转 多 云 6~15℃',
  // Padded two-glyph names alone, three or more, each starting with a common surname.
  '王 丽 李 明 张 伟',
  '周 杰 吴 敏 郑 军 冯 涛 陈 静',
  '获奖名单：王 丽 李 明 张 伟',
  '中 国', // a single gap
  '顺势而为，胶州跨境电商开辟',
  'The quick brown fox jumps over',
  '',
];

test('spaced-glyphs: positives are fixed exactly', () => {
  for (const [input, expected] of positives) assert.equal(fixLine(spacedGlyphs, input), expected, input);
});

test('spaced-glyphs: negatives are left alone', () => {
  for (const input of negatives) assert.equal(fixLine(spacedGlyphs, input), undefined, input);
});

test('spaced-glyphs: a list of names continued on the next lines keeps its spacing, as the line under its label does', () => {
  const flagged = (src: string) => lintDump(parse(src)).filter((f) => f.rule === 'spaced-glyphs').map((f) => src.slice(f.start, f.end));
  // Surnames the rule does not know (阮, 甘, 柏…): the line above is the evidence.
  const list = '本报讯 昨天，市人大常委会举行会议。\n出席：王 丽 李 明 张 伟 赵 刚\n阮 杰 甘 敏 柏 军 祁 涛\n卜 静 庞 洋\n列席：刘 洋 杨 帆\n';
  assert.deepEqual(flagged(list), []);
  // The same line under text that is no list is letter-spaced, and so is a stretched sentence under a list.
  assert.deepEqual(flagged('本报讯 昨天，市人大常委会举行会议。\n阮 杰 甘 敏 柏 军 祁 涛\n'), ['阮 杰 甘 敏 柏 军 祁 涛']);
  assert.deepEqual(flagged('出席：王 丽 李 明\n心 的、关 注 您 所 关 注 的\n'), ['心 的、关 注 您 所 关 注 的']);
  assert.deepEqual(flagged('出席：王 丽 李 明\n会 议 听 取 了 报 告\n'), ['会 议 听 取 了 报 告']); // no pairs
});
