// hard-wrap: one finding per wrapped paragraph, on its first line, related info on the others;
// the fix only removes line breaks, blank lines, edge spaces and rejoined hyphens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { columnOf } from '../../server/src/core/reflow';
import { rewritePage } from '../../server/src/core/rewrite';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

const hw = (text: string) => analyze(text).findings.filter((f) => f.rule === 'hard-wrap');
const fixed = (text: string) => applyEdits(text, hw(text).flatMap((f) => f.fix!.edits));

const HEAD = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n';

/** Four paragraphs joined already (one line each), then the seven column lines of one still wrapped. */
const JOINED = [
  '会议强调，习近平总书记的重要讲话精神，阐明了体育事业高质量发展的深刻内涵，为我们推动体育强市建设指明了方向。要大力发展以人民为中心的体育事业，聚焦推动全民健身和全民健康深度融合等工作重点。',
  '白俄罗斯协同中心致力于打造中白政府、院校和企业合作的桥梁和纽带。中心主任赵中元介绍，目前落地的是先行启动区，位于中白工业园内，可以为园区内入驻的中国和白俄罗斯企业提供创新服务和市场服务。',
  '中国—上合组织技术转移中心是为落实上海合作组织青岛峰会精神，由科技部支持，面向以上合组织为基础的共建国家在青岛设立的对外多边合作平台，帮助国内企业和院所降低国际合作门槛，提高合作效率。',
  '市商务局数据显示，今年上半年我市跨境电商持续保持高位增长，上半年全市跨境电商贸易额达39.7亿元，同比增长76%，在青岛市上半年跨境电商综合评估中列青岛十区市第1位，我市跨境电商呈现出蓬勃兴起之势。',
];
const COLUMN = ['“我们听朋友说大沽河度假', '区这里新增了这个景点，现在天', '不热了，我们全家一起来玩，景', '色很漂亮，空气也清新，这边与', '万佛塔、慈云寺遥遥相望，是一', '种独特的视角，真是非常不错的', '体验。”市民肖女士说道。'];

const cases: { name: string; text: string; findings: number; after?: string }[] = [
  {
    name: 'CJK column lines join without a space; a short final line ends the paragraph',
    text: `${HEAD}会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话\n精神和体育代表团的重要讲话精神的\n重要讲话。\n会议还研究了其它事项。\n`,
    findings: 1,
    after: `${HEAD}会议传达学习了习近平总书记在纪念邓小平同志诞辰周年座谈会上的重要讲话精神和体育代表团的重要讲话精神的重要讲话。\n会议还研究了其它事项。\n`,
  },
  {
    name: 'double-spaced page (blank line after every line): the blank lines go too',
    text: `${HEAD}会议传达学习了习近平总书记在纪念邓\n\n小平同志诞辰周年座谈会上的重要讲话\n\n精神和体育代表团的重要讲话精神的\n\n重要讲话。\n\n会议还研究了其它事项。\n`,
    findings: 1,
    after: `${HEAD}会议传达学习了习近平总书记在纪念邓小平同志诞辰周年座谈会上的重要讲话精神和体育代表团的重要讲话精神的重要讲话。\n\n会议还研究了其它事项。\n`,
  },
  {
    name: 'Latin lines join with one space; a broken word is rejoined, a capitalised compound keeps its hyphen',
    text: 'HARBOR TIEUP ENDS\n\nThe general tieup of craft in the harbor that has\nbeen threatened for the last two days will not to-\nday take place, and the representatives of New-\nYork Central met at their office with the infor-\nmation that the offer was accepted.\nThat was all.\n',
    findings: 1,
    after: 'HARBOR TIEUP ENDS\n\nThe general tieup of craft in the harbor that has been threatened for the last two days will not today take place, and the representatives of New-York Central met at their office with the information that the offer was accepted.\nThat was all.\n',
  },
  {
    name: 'a CJK paragraph: a word cut by the column joins without a space (the page has it); two digits at the seam keep a space',
    text: '今年以来，全县累计完成固定资产投资总额达到了12\n3456万元，同比增长百分之十五，咨询电话为138\n00138000，欢迎广大市民朋友们踊跃参与Micro\nsoft公司组织的Microsoft培训，共同推动发展。\n',
    findings: 1,
    after: '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，咨询电话为138 00138000，欢迎广大市民朋友们踊跃参与Microsoft公司组织的Microsoft培训，共同推动发展。\n',
  },
  {
    name: 'a CJK paragraph: two lower-case Latin words cut by the column keep the space without the joined word on the page',
    text: '今年以来，全县累计完成固定资产投资总额达到了12\n3456万元，同比增长百分之十五，近日正式发布了china\ngreat系列产品，欢迎广大市民朋友们踊跃参与体验活动，\n共同推动发展。\n',
    findings: 1,
    after: '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，近日正式发布了china great系列产品，欢迎广大市民朋友们踊跃参与体验活动，共同推动发展。\n',
  },
  {
    name: 'a CJK page: a web address and an e-mail cut at a line end join without a space, as the rewrite joins them',
    text: '登录网址http://www.jiaozhou.gov.cn/xw/\n2022/10/10.htm查看详情，或发邮件至abc@\nqq.com咨询，联系电话为0532-\n88886666，欢迎广大市民朋友们踊跃参与。\n',
    findings: 1,
    after: '登录网址http://www.jiaozhou.gov.cn/xw/2022/10/10.htm查看详情，或发邮件至abc@qq.com咨询，联系电话为0532-88886666，欢迎广大市民朋友们踊跃参与。\n',
  },
  {
    name: 'a CJK paragraph: a capitalised Latin word after the line end keeps the space the column took',
    text: '今年以来，来自香港地区的客商纷纷到访，其中包括Hong\nKong贸易发展局的代表团一行，双方就跨境电商合作事宜\n进行了深入交流，并签署了合作协议书，取得了丰硕成果\n双方表示将继续加强合作。\n',
    findings: 1,
    after: '今年以来，来自香港地区的客商纷纷到访，其中包括Hong Kong贸易发展局的代表团一行，双方就跨境电商合作事宜进行了深入交流，并签署了合作协议书，取得了丰硕成果双方表示将继续加强合作。\n',
  },
  {
    name: 'English: curly quotes and an ellipsis at a line end are no CJK: the line end is a space',
    text: 'The mayor spoke to the crowd for an hour, saying\n\u201cwe will build the bridge this year,\u201d and the men\ncheered him loudly. \u201cIt is about time,\u201d said one\u2026\nand the others agreed that it was about time too.\n',
    findings: 1,
    after: 'The mayor spoke to the crowd for an hour, saying \u201cwe will build the bridge this year,\u201d and the men cheered him loudly. \u201cIt is about time,\u201d said one\u2026 and the others agreed that it was about time too.\n',
  },
  {
    name: 'English: two words whose joining is a word of the page stay two words',
    text: 'The men walked across the square to the church, where the priest\nhad set up a big tent for the feast, and the women came in\nto see a\ncross of gold and silver which he went into the city in a box.\n',
    findings: 1,
    after: 'The men walked across the square to the church, where the priest had set up a big tent for the feast, and the women came in to see a cross of gold and silver which he went into the city in a box.\n',
  },
  {
    name: 'English: a hyphen after a compound or a number stays, without a space; a bare one goes by default',
    text: 'The mayor said yesterday that the boy who was a five-year-\nold child had come to the city with his father on a 3-\nyear contract at the mill, and rode all the way in first-\nclass cars of the train to see the great city at last.\n',
    findings: 1,
    after: 'The mayor said yesterday that the boy who was a five-year-old child had come to the city with his father on a 3-year contract at the mill, and rode all the way in firstclass cars of the train to see the great city at last.\n',
  },
  {
    name: 'English: a compound the page hyphenates elsewhere keeps its hyphen at a line end',
    text: 'The mayor said yesterday that the boy who came had ridden all the way in first-\nclass cars of the train to see the great city, as first-class travellers do when\nthey come to town from the farms and the mills of the valley in the spring.\n',
    findings: 1,
    after: 'The mayor said yesterday that the boy who came had ridden all the way in first-class cars of the train to see the great city, as first-class travellers do when they come to town from the farms and the mills of the valley in the spring.\n',
  },
  {
    name: 'negative: one-line paragraphs',
    text: `${HEAD}会议还研究了其它事项。\n\n会议指出要持续强化理论学习。\n`,
    findings: 0,
  },
  {
    // Two lines are no column to measure by: a CJK line that ends no sentence, cut between two CJK
    // characters, is the layout's cut (the export always joined it; now the fix, the rewrite and
    // the export agree).
    name: 'a CJK page of few lines: a line cut mid-sentence joins the next, a sentence end ends the paragraph',
    text: `${HEAD}全市各级部门认真落实党中央决策部署，推动经济运\n行持续回升向好。\n会议还研究了其它事项。\n`,
    findings: 1,
    after: `${HEAD}全市各级部门认真落实党中央决策部署，推动经济运行持续回升向好。\n会议还研究了其它事项。\n`,
  },
  {
    name: 'negative: whole-paragraph lines of every width, blank lines between (each ends a sentence)',
    text: '全县秋粮收购工作会议召开\n\n本报讯 9月3日，全县秋粮收购工作会议召开。\n\n会议指出，今年全县秋粮播种面积稳中有增，丰收已成定局，各乡镇要把秋粮收购作为当前一项重要任务来抓。\n\n会议要求，要严格执行国家粮食收购政策。\n',
    findings: 0,
  },
  {
    // Paragraphs joined already (by a click on "Join paragraph", Fix All) are no column: the
    // column is the unjoined lines' (a page's width estimate taken over the joined lines read these
    // as headings, and the hard-wrap finding went to two whole paragraphs instead).
    name: 'a double-spaced page of whole paragraphs joined already, then the column lines of one: only those join',
    text: `${JOINED.join('\n\n')}\n\n${COLUMN.join('\n\n')}\n`,
    findings: 1,
    after: `${JOINED.join('\n\n')}\n\n${COLUMN.join('')}\n`,
  },
  {
    // Whole paragraphs of about one width, each ending a sentence, share a band by chance: a column
    // cuts its lines mostly inside sentences, so the band is no column and nothing is joined twice.
    name: 'negative: whole paragraphs of about one width on a double-spaced page (each ends a sentence)',
    text: `${[...JOINED, COLUMN.join('')].join('\n\n')}\n`,
    findings: 0,
  },
  {
    name: 'negative: a CJK page of few lines, a seam that is not CJK on both sides (a number, Latin, another script)',
    text: `${HEAD}全市跨境电商贸易额达\n39.7亿元，同比增长。\n合作方为Micro\nsoft公司等企业。\n`,
    findings: 0,
  },
  {
    // r1's m15: the rows of a table (cells apart by spaces, numbers, no sentence mark) are no
    // column lines; they were joined, with the sentence above them, into …予以公示。王丽女 1980.05 市商务局副局长李明男…
    name: 'negative: the rows of a table under a sentence are no wrapped paragraph',
    text: '干部任前公示\n\n根据有关规定，现将拟任职干部情况予以公示。\n王 丽 女 1980.05 市商务局副局长\n李 明 男 1978.11 市财政局副局长\n张 伟 男 1982.03 市教育局副局长\n公示时间：3月6日至3月12日。\n',
    findings: 0,
  },
  {
    name: 'negative: the verses of a poem (short lines with no mark, under its title) are no wrapped paragraph',
    text: '静夜思\n李白\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n',
    findings: 0,
  },
  {
    name: 'negative: regular verses ending in ，。 and cells apart by two spaces',
    text: `${HEAD}静夜思\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n\n作者简介\n姓 名  李丽丽\n年 龄  45\n籍 贯  山东胶州\n`,
    findings: 0,
  },
  {
    // r1's p7 (a double-spaced page): the table's header and rows ran together (城市 天气 气温北京 晴 2~14℃).
    name: 'rows of a table on a double-spaced page stay apart; the wrapped notice under them joins',
    text: '天气预报\n\n城市 天气 气温\n\n北京 晴 2~14℃\n\n杭州 晴 转 多云 6~15℃\n\n气象台提醒：近期天气渐渐转暖，早\n\n晚温差较大，市民要注意及时增减\n\n衣物，谨防感冒。\n',
    findings: 1,
    after: '天气预报\n\n城市 天气 气温\n\n北京 晴 2~14℃\n\n杭州 晴 转 多云 6~15℃\n\n气象台提醒：近期天气渐渐转暖，早晚温差较大，市民要注意及时增减衣物，谨防感冒。\n',
  },
  {
    // r3's v3: the extraction spaces around numbers and Latin (于 8 / 月 26 日, 部署 2025 年) are no
    // cell gaps: three lines read as table rows were never joined (four paragraphs, the base had one).
    name: 'prose spaced around numbers and Latin (mixed-script gaps) is no table: its lines join',
    text: '市政府召开常务会议\n\n本报讯 市政府第 30 次常务会议于 8\n月 26 日上午在市行政中心召开会议\n研究部署 2025 年下半年重点工作和\n全市 GDP 增长目标任务。市长于冬\n泉主持会议并讲话。\n',
    findings: 1,
    after: '市政府召开常务会议\n\n本报讯 市政府第 30 次常务会议于 8月 26 日上午在市行政中心召开会议研究部署 2025 年下半年重点工作和全市 GDP 增长目标任务。市长于冬泉主持会议并讲话。\n',
  },
  {
    // r3's v5: two lines ending in a number after an extraction space read as two-cell rows.
    name: 'lines ending in a number after an extraction space (增长 6.5) are no table rows',
    text: '我市工业经济稳中向好\n\n本报讯 记者从市统计局获悉，今年前\n两个月全市规模以上工业增加值增长 6.5\n其中高技术制造业增加值增长 12.3\n%，增速比去年同期加快2.1个百分点。\n',
    findings: 1,
    after: '我市工业经济稳中向好\n\n本报讯 记者从市统计局获悉，今年前两个月全市规模以上工业增加值增长 6.5其中高技术制造业增加值增长 12.3%，增速比去年同期加快2.1个百分点。\n',
  },
  {
    // r3's v6: one line with a wide gap was a row alone, though the line above left its sentence open.
    name: 'a wide gap in a line that goes on with the sentence above is no table row',
    text: '我市工业经济稳中向好\n\n本报讯 记者从市统计局获悉，今年前\n两个月全市规模以上工业增加值增长\n较快  高技术制造业增加值增长明显\n增速比去年同期加快2.1个百分点。\n',
    findings: 1,
    after: '我市工业经济稳中向好\n\n本报讯 记者从市统计局获悉，今年前两个月全市规模以上工业增加值增长较快  高技术制造业增加值增长明显增速比去年同期加快2.1个百分点。\n',
  },
  {
    // r1's p2: rows whose codes and names are apart by extraction spaces still have cells of numbers.
    name: 'negative: a stock table (codes, names, prices, signed changes) stays rows',
    text: '个股行情一览\n代码 名称 收盘价 涨跌幅\n600519 贵州茅台 1688.00 +3.21%\n000858 五粮液 142.35 +2.88%\n601318 中国平安 48.80 -0.45%\n',
    findings: 0,
  },
  {
    name: 'negative: a rewritten page (every line is a paragraph)',
    text: rewritePage(`${HEAD}会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话\n精神和体育代表团的重要讲话精神。\n`).text,
    findings: 0,
  },
];

for (const c of cases) {
  test(`hard-wrap: ${c.name}`, () => {
    const fs = hw(c.text);
    assert.equal(fs.length, c.findings);
    if (c.after !== undefined) assert.equal(fixed(c.text), c.after);
    for (const f of fs) {
      assert.equal(f.severity, 'information');
      assert.ok(f.related && f.related.length >= 1);
      for (const e of f.fix!.edits) assert.match(c.text.slice(e.start, e.end), /^[\s-]*$/u, 'only whitespace and hyphens are removed');
    }
  });
}

test('hard-wrap on the sample: one finding per wrapped paragraph, fix-all settles in one join pass', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const fs = hw(text);
  assert.equal(fs.length, 21);
  const once = fixAll(text, { only: ['hard-wrap', 'spaced-glyphs', 'doubled-glyphs', 'mixed-script-spacing'] }).text;
  assert.equal(hw(once).length, 0, 'joined paragraphs are not joined again');
  assert.ok(once.includes('会议强调，习近平总书记的重要讲话精神'));
  assert.ok(once.includes('内生动力。\n\n会议强调，习近平总书记'), 'two paragraphs stay two');
});

test('hard-wrap: turned off, no finding', () => {
  assert.equal(analyze(cases[0].text, { rules: { 'hard-wrap': 'off' } }).findings.filter((f) => f.rule === 'hard-wrap').length, 0);
});

test('column estimate: the widest densest band, supported only when many lines share it', () => {
  assert.deepEqual(columnOf([28, 28, 26, 27, 12, 28]), { width: 28, supported: true });
  assert.deepEqual(columnOf([300, 120, 24, 86, 512]), { width: 512, supported: false }, 'whole paragraphs: no column');
  assert.deepEqual(columnOf([20, 21]), { width: 21, supported: false }, 'too few lines');
  assert.equal(columnOf([44, 47, 49, 50, 38, 51, 20]).supported, true, 'proportional Latin lines vary by a few letters');
});

test('a paragraph of thousands of lines (a table): every line joined, the rest of the paragraph one related span', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `Smith Corp common ${i % 97} ${i % 13}`);
  const text = `${lines.join('\n')}\n`;
  const [f] = hw(text);
  assert.equal(f.fix!.edits.length, 2999);
  assert.equal(f.related!.length, 1);
  const [rest] = f.related!;
  assert.equal(rest.message, 'Lines 2–3000 of this paragraph');
  assert.equal(rest.start, lines[0].length + 1);
  assert.equal(text.slice(rest.start, rest.end), lines.slice(1).join('\n'));
  assert.equal(fixed(text), `${lines.join(' ')}\n`);
});

test('a paragraph of two lines: its second line is the related span', () => {
  const page = readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8');
  const two = analyze(page).findings.filter((f) => f.rule === 'hard-wrap' && f.fix!.edits.length === 1);
  assert.ok(two.length > 0);
  for (const f of two) {
    const [second] = f.related!;
    assert.equal(f.related!.length, 1);
    assert.equal(second.message, 'Line 2 of this paragraph');
    assert.equal(page.slice(f.start, second.end).split('\n').filter((l) => l.trim() !== '').length, 2);
    assert.equal(page.charCodeAt(second.start - 1), 10, 'it starts a line');
  }
});

test('Fix All keeps a table and a poem apart in every round (r1: lint showed no join, a later round made one)', () => {
  // Round 1 removes the letter-spacing; the unspaced verses and rows were then joined in round 2:
  // 静夜思床前明月光疑是地上霜, 姓 名  李丽丽年 龄  45籍 贯  山东胶州.
  const text = '诗经里的春天\n\n本报记者 王晶晶\n\n春天来了，田野里绿油油的麦苗在风\n中摇曳，天边的朝霞红彤彤的，村子\n里静悄悄的。孩子们蹦蹦跳跳地跑来\n跑去，构成了最美的画卷。\n\n静 夜 思\n床 前 明 月 光\n疑 是 地 上 霜\n\n作者简介\n姓 名  李丽丽\n年 龄  45\n籍 贯  山东胶州\n';
  const out = fixAll(text).text;
  assert.ok(out.includes('春天来了，田野里绿油油的麦苗在风中摇曳'), 'the story is joined');
  assert.ok(out.includes('\n静夜思\n床前明月光\n疑是地上霜\n'), out);
  assert.ok(out.includes('\n姓 名  李丽丽\n年 龄  45\n籍 贯  山东胶州\n'), out);
  // The export reads the rows and the verses as the fix leaves them, one paragraph each.
  const weather = '天气预报\n\n城市 天气 气温\n北京 晴 2~14℃\n上海 小雨 8~12℃\n南京 雨 转 晴 5~13℃\n杭州 晴 转 多云 6~15℃\n\n明天 晴 转 多云\n后天 多 云 转 阴\n\n气象台提醒：近期天气渐渐转暖，早晚\n温差较大，市民要注意及时增减衣物。\n';
  const w = fixAll(weather).text;
  for (const row of ['\n北京 晴 2~14℃\n', '5~13℃\n杭州', '6~15℃\n\n', '多云\n后天']) assert.ok(w.includes(row), `${row} in ${w}`);
});
