import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from '../helpers/fc';
import { lineAt, allLines } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { BYLINE_CREDIT, cleanText, estimateColumnWidth, F_CONT_HEAD, Features, GATES_TAKEN, isFull, lineInfo, localWidths, pageTaken, scanLine, type LineInfo } from '../../server/src/core/articles/roles';
import { lineGates } from '../../server/src/core/rules/gates';
import { cellWidth, CLASS, CC_SCRIPT_CJK, CC_SCRIPT_LATIN } from '../../server/src/core/chars';
import { isTextLine, lineText } from '../../server/src/core/lines';
import { isOverprint, undouble } from '../../server/src/core/overprint';
import { analyzeArticles, analyzePage } from '../../server/src/core/articles/detect';
import { ROLE_CODE, ROLES, roleAt, rolesOf, type PageAnalysis } from '../../server/src/core/articles/model';
import { en } from '../../server/src/core/messages';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits, fixAll } from '../../server/src/core/fix';

const one = (text: string, edge = false) => {
  const dump = parse(text);
  return { dump, info: lineInfo(lineAt(dump, 0), edge) };
};
const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

test('bylines', () => {
  for (const s of ['□记者 何光翠 报道', '□通讯员 傅玉佳 报道', '本报记者 张三 李四', '记者 王五', '本报记者张三', '■本报通讯员 赵六', '文/图 陈七', 'By JOHN SMITH', 'By Henry James Forman', '新华社记者 王五', '央视记者 李四', '人民日报记者 王五 赵六', '新华社记者王五', '本报全媒体记者 张三', '本报驻京记者 王五', '中新社记者 赵六 报道', '本报评论员', '本 报 评 论 员', '本报特约评论员 张三']) assert.equal(one(s).info.kind, 'byline', s);
  for (const s of ['记者从市商务局获悉，今年以来全市', '记者了解到目前全市已有一百多家企业', 'By the end of the year the city had grown', '本报记者从市统计局获悉今年上半年全', '本报记者近日在胶州湾畔看到', '新华社记者从国家统计局获悉', '人民日报记者近日走访了多家企业', '央视记者在现场看到']) assert.notEqual(one(s).info.kind, 'byline', s);
});

test('datelines: whole line or head of a body line', () => {
  const cases: [string, string][] = [
    ['本报讯  8 月 26 日，十八', '本报讯'],
    ['新华社北京8月26日电（记者 王小明）今年以来', '新华社北京8月26日电（记者 王小明）'],
    ['本报北京 9 月 2 日电 记者从', '本报北京 9 月 2 日电'],
    ['本 报 讯 日前，', '本 报 讯'],
    // Reporters named in the lead right after it: out of the paragraph (the export's byline).
    ['本报讯 记者张三 通讯员李四 报道：3月5日，我市', '本报讯 记者张三 通讯员李四 报道：'],
    ['本报北京3月5日电  记者张三报道：3月5日，我市召开', '本报北京3月5日电  记者张三报道：'],
    ['本报讯 记者从市商务局获悉，报道：今年以来', '本报讯'],
    ['CHICAGO, May 3.—President Roosevelt arrived', 'CHICAGO, May 3.—'],
    // A place in capitals or Title Case, state or country abbreviations, a month and day, a dash.
    ['ERIE, Pa., Sept. 16.—The large flour mill', 'ERIE, Pa., Sept. 16.—'],
    ['St. Louis, April 30.—The large flour mill', 'St. Louis, April 30.—'],
    ['SYRACUSE, N. Y., Sept. 16.—Nine persons', 'SYRACUSE, N. Y., Sept. 16.—'],
    ['BEAUMONT, Tex., Sept. 16.--A storm', 'BEAUMONT, Tex., Sept. 16.--'],
    ['London, May 1.—The discussion in', 'London, May 1.—'],
    ['Havana, April 30.- The law students', 'Havana, April 30.-'],
    ['NEW YORK, September 3.—The', 'NEW YORK, September 3.—'],
    // As the OCR reads them: the comma a full stop, a speck in the day, a state's letters spaced.
    ['Havana. April 30.— The law students of the', 'Havana. April 30.—'],
    ['St. Louis, April 3«>. — Starting with a glittering', 'St. Louis, April 3«>. —'],
    ['Watertown. N. V . April 30.— Newton Falls, me', 'Watertown. N. V . April 30.—'],
  ];
  for (const [s, want] of cases) {
    const { info } = one(s);
    assert.equal(slice(s, info.dateline), want, s);
    assert.equal(info.kind, null);
  }
  assert.equal(one('本报讯').info.kind, 'dateline');
  assert.equal(one('本报记者昨日从市电力公司获悉').info.dateline, null);
  // A body line that begins with 本报 and a word of 电 (电视, 电商, 电力) is no dateline.
  for (const s of ['本报开设的电视专栏《民生直通车》', '本报今年推出的电商平台', '本报与市电力公司联合']) assert.equal(one(s).info.dateline, null, s);
  // Prose that starts like one: no month and day, or no full stop and dash after them.
  for (const s of ['Yesterday, April 30 was the day the mill', 'London, May 1 and the days after it', 'The Mayor, Mr. Low, said — and', 'Washington, the capital.—It is']) assert.equal(one(s).info.dateline, null, s);
});

test('sign-offs, continuations, labels, furniture, captions', () => {
  const kinds: [string, string, boolean?][] = [
    ['（本报通讯员）', 'signoff'],
    ['（完）', 'signoff'],
    ['（记者 张三）', 'signoff'],
    ['（摘自《光明日报》）', 'signoff'],
    ['（摘自《光明日报》）', 'signoff', true],
    ['（选自《求是》2025年第5期）', 'signoff', true],
    ['（来源：新华网）', 'signoff'],
    ['（转自《人民日报》）', 'signoff', true],
    ['来源：光明日报', 'signoff', true],
    ['来源：新华网', 'signoff'],
    ['摘自《光明日报》', 'signoff', true],
    ['选自《求是》2025年第5期', 'signoff'],
    ['I. W. F.', 'signoff'],
    ['J.B.', 'signoff'],
    ['（下转第二版）', 'continuation'],
    ['（下转A3）', 'continuation'],
    ['（转B2）', 'continuation'],
    ['（紧接第一版）', 'continuation'],
    ['（紧转第二版）', 'continuation'],
    ['（紧转第二版）', 'continuation', true],
    ['（下接第二版）', 'continuation'],
    ['【下转第二版】', 'continuation'],
    ['▶下转第二版', 'continuation'],
    ['（上接第一版）', 'continuation'],
    ['转第3版', 'continuation'],
    ['接第 12 版', 'continuation'],
    ['Continued on Page Three.', 'continuation'],
    ['(Continued from First Page.)', 'continuation'],
    ['编者按', 'note-label'],
    ['编 者 按', 'note-label'],
    ['《上合视点》', 'label'],
    ['【新闻链接】', 'label'],
    ['2024年8月27日 星期二', 'furniture'],
    ['第 3 版', 'furniture'],
    ['A3', 'furniture', true],
    ['- 12 -', 'furniture', true],
    ['责任编辑：赵六  校对：钱七', 'furniture'],
    ['胶州日报', 'furniture', true],
    ['▲ 农民在田间操作收割机。', 'caption'],
    ['本报记者 张三 摄', 'caption'],
    // Staff credits without a colon, names padded to the width of three; photo credits after a
    // source or alone.
    ['责任编辑 王 丽', 'furniture'],
    ['责任编辑 王 丽  校对 李 明', 'furniture'],
    ['本版编辑 王丽丽 李明', 'furniture'],
    ['责任编辑 王丽、李明 校对：张强', 'furniture'],
    ['新华社发（王 丽 摄）', 'caption'],
    ['王 丽 摄', 'caption'],
    ['（图为3月5日，市民在市图书馆阅读。本报记者 王丽 摄）', 'caption'],
    ['（图为市民在市图书馆阅读。', 'caption'],
  ];
  for (const [s, k, edge] of kinds) assert.equal(one(s, edge).info.kind, k, s);
  assert.equal(one('胶州日报').info.kind, null, 'mastheads only at the page edge');
  // A number alone is a folio only at the page edge: mid-page it is a score or a figure (review s23 r1 #2).
  for (const s of ['3', 'A3', '- 12 -', '12/16']) assert.equal(one(s).info.kind, null, `${s}: a bare number only at the page edge`);
  for (const s of ['3', '12/16']) assert.equal(one(s, true).info.kind, 'furniture', s);
  // Body lines at the page's edge, and a sentence ending in 拍摄, are text.
  for (const s of ['今年全市将推广新版农机购置补贴政策', '在2024年全市粮食生产工作会议上指出', '深入推进综合执法改革各项工作全面开']) assert.equal(one(s, true).info.kind, null, s);
  assert.equal(one('青岛日报 2024年8月27日 星期二', true).info.kind, 'furniture');
  assert.equal(one('要闻', true).info.kind, 'furniture');
  assert.equal(one('活动现场记者看到市民纷纷用手机拍摄').info.kind, null);
  // A label starting a sentence is no credit; nor 拍摄, the word, ending a short line.
  for (const s of ['编辑 部 的同志们都来了。', '编辑部收到读者来信', '校对 工作要细致认真，不放过一个错字', '游客拍摄', '进行拍摄']) assert.notEqual(one(s).info.kind, 'furniture', s);
  for (const s of ['游客拍摄', '进行拍摄', '他说（见图）']) assert.notEqual(one(s).info.kind, 'caption', s);
  for (const s of ['U. S. A. troops', 'I.', 'Mr. W. F. Smith.']) assert.notEqual(one(s).info.kind, 'signoff', s);
  // English edge furniture: a paper's name as the whole line, a date line, a masthead's VOL./No.
  // (anywhere); a headline or credit holding a paper's name or a weekday is text.
  for (const s of ['THE NEW-YORK TRIBUNE.', 'The Salt Lake Tribune', 'EVENING NEWS', 'SUNDAY MORNING, SEPTEMBER 17, 1911.', 'Sunday, September 17, 1911'])
    assert.equal(one(s, true).info.kind, 'furniture', s);
  for (const s of ['GOOD NEWS FOR FARMERS', 'By Leased Wire to The Tribune.', 'NEWS OF THE CITY', 'TIMES ARE HARD FOR FARMERS', 'Born on September 17, 1911, in Ohio', 'SUNDAY SCHOOL PICNIC is held'])
    assert.notEqual(one(s, true).info.kind, 'furniture', s);
  for (const s of ['VOL. LXIII....No. 20,620.', 'Vol. 12, No. 4']) assert.equal(one(s).info.kind, 'furniture', s);
  assert.deepEqual(['（紧接第一版）', '（下接第二版）', '（转A2）', '（紧转第二版）', '水。（紧转第2版）'].map((x) => one(x).info.continuation?.direction), ['from', 'to', 'to', 'to', 'to']);
  const source = '也是一个人成长的阶梯。（摘自《光明日报》）';
  assert.equal(slice(source, one(source, true).info.signoff), '（摘自《光明日报》）');
  // A bracketed note naming a book is no source note: （见《规划》第三章）.
  for (const x of ['来源于群众的智慧', '摘自《光明日报》的一篇文章说，', '摘自《习近平谈治国理政》第三卷的']) assert.notEqual(one(x, true).info.kind, 'signoff', x);
  // A bracket that closes on a pointer with the sentence going on is no caption (r3 #2); nor is the pointer alone.
  for (const x of ['（上图）。据介绍，今年公园新栽樱花500余株，花期', '（上图）']) assert.equal(one(x).info.kind, null, x);
  assert.notEqual(one('（见《规划》第三章）').info.kind, 'signoff');
  const tail = '队联合运营。” （本报通讯员）';
  const t = one(tail).info;
  assert.equal(t.kind, null);
  assert.equal(slice(tail, t.signoff), '（本报通讯员）');
  assert.equal(t.end, 'sentence');
  const c = '丰收打下坚实基础。（转第3版）';
  const ci = one(c, true).info;
  assert.equal(ci.kind, null);
  assert.deepEqual([ci.continuation?.direction, ci.continuation?.target, slice(c, ci.continuation?.span ?? null)], ['to', '第3版', '（转第3版）']);
  assert.equal(one('（上接第一版）').info.continuation?.direction, 'from');
});

test('a continued-from marker opening a body line is read; the text after it stays body', () => {
  const cases: [string, string, string][] = [
    ['（上接第一版）全市各级部门认真落实', '第一版', '（上接第一版）'],
    ['（上接 第一版） “我们听朋友说这里新增了景点，', '第一版', '（上接 第一版）'],
    ['【紧接第2版】记者了解到，今年以来', '第2版', '【紧接第2版】'],
    ['(接A3)今年以来，全市', 'A3', '(接A3)'],
    ['（续第十二版）下一步，我市将', '第十二版', '（续第十二版）'],
  ];
  for (const [s, target, marker] of cases) {
    const { info } = one(s);
    assert.equal(info.kind, null, s);
    assert.deepEqual([info.continuation?.direction, info.continuation?.target, slice(s, info.continuation?.span ?? null)], ['from', target, marker], s);
  }
  // Body text that looks like one: no verb or no page, an unclosed bracket, not at the head, no
  // bracket, a 'to' marker (it ends the text before it: whose, a line's head cannot tell).
  for (const s of [
    '（上接第一版的报道）全市各级部门',
    '（接待游客3万人次）全市各级部门',
    '（上接上级通知）各部门认真落实',
    '（续）全市各级部门认真落实',
    '（上接第一版全市各级部门认真落实',
    '据悉（上接第一版）全市各级部门',
    '上接第一版全市各级部门认真落实',
    '（第一版）全市各级部门认真落实',
    '（下转第二版）全市各级部门认真落实',
    '（转A3）全市各级部门认真落实',
  ])
    assert.equal(one(s).info.continuation, null, s);
});

test('a line a continued-from marker opens and a continued-to marker ends keeps both (a middle part in one line)', () => {
  const long = `（上接第一版）${'全市各级部门认真落实，'.repeat(6)}打下坚实基础。（下转第三版）`;
  for (const s of ['（上接第一版）全市各级部门认真落实。（下转第三版）', '（上接 第一版） 全市各级部门认真落实。 （转第３版）', long]) {
    const c = one(s).info.continuation;
    const head = c?.before?.[0];
    assert.deepEqual([c?.direction, slice(s, c?.span ?? null), c?.before?.length, head?.direction, head?.target, slice(s, head?.span ?? null)], ['to', s.slice(s.lastIndexOf('（')), 1, 'from', '第一版', s.slice(0, s.indexOf('）') + 1)], s);
  }
  // One marker, or a continued-to marker at the head: the tail's alone, as before.
  for (const s of ['全市各级部门认真落实。（下转第三版）', '（下转第二版）全市各级部门认真落实。（下转第三版）']) assert.equal(one(s).info.continuation?.before, undefined, s);
});

test('a line holding several markers keeps them all, in line order (LineContinuation.before); markers alone of one direction are a marker line', () => {
  // line, its markers (direction target, as printed), kind, opens a part (a continued-from marker at its head)
  const cases: [string, string[], string | null, boolean][] = [
    ['全市各级部门认真落实。（下转第二版）（转第三版）', ['to 第二版 （下转第二版）', 'to 第三版 （转第三版）'], null, false],
    ['全市各级部门认真落实。（下转第二版） （转第三版）', ['to 第二版 （下转第二版）', 'to 第三版 （转第三版）'], null, false],
    ['（上接第一版）全市各级部门认真落实。（上接第二版）', ['from 第一版 （上接第一版）', 'from 第二版 （上接第二版）'], null, true],
    ['（上接第一版）全市各级部门认真落实。（下转第二版）（转第三版）', ['from 第一版 （上接第一版）', 'to 第二版 （下转第二版）', 'to 第三版 （转第三版）'], null, true],
    ['（下转第二版）（转第三版）', ['to 第二版 （下转第二版）', 'to 第三版 （转第三版）'], 'continuation', false],
    ['（上接第一版） （上接第二版）', ['from 第一版 （上接第一版）', 'from 第二版 （上接第二版）'], 'continuation', false],
    // Of two directions, markers alone read as a middle part in one line did (a text line opening a part).
    ['（上接第一版）（下转第三版）', ['from 第一版 （上接第一版）', 'to 第三版 （下转第三版）'], null, true],
    ['全市各级部门认真落实。（转第二版）（转第三版）（转第四版）', ['to 第二版 （转第二版）', 'to 第三版 （转第三版）', 'to 第四版 （转第四版）'], null, false],
  ];
  for (const [s, markers, kind, opens] of cases) {
    const { info } = one(s);
    const c = info.continuation!;
    assert.deepEqual([...(c.before ?? []), c].map((x) => `${x.direction} ${x.target} ${slice(s, x.span)}`), markers, s);
    assert.equal(info.kind, kind, s);
    const dump = parse(`标题\n\n${s}\n`);
    const F = new Features();
    F.ensure(1);
    const at = dump.lines.start[2];
    scanLine(dump.text, at, at, dump.lines.end[2], false, F, 0, null);
    assert.equal((F.flags[0] & F_CONT_HEAD) !== 0, opens, s);
  }
});

test('continuation markers naming several pages', () => {
  const cases: [string, 'to' | 'from', string][] = [
    ['（转2—3版）', 'to', '2—3版'],
    ['（下转第2、3版）', 'to', '第2、3版'],
    ['（下转第二、三版）', 'to', '第二、三版'],
    ['（下转第2版、第3版）', 'to', '第2版、第3版'],
    ['（转A2-A3）', 'to', 'A2-A3'],
    ['（转A2、A3）', 'to', 'A2、A3'],
    ['（上接第2至3版）', 'from', '第2至3版'],
    ['下转第2～3版', 'to', '第2～3版'],
  ];
  for (const [s, direction, target] of cases) {
    const { info } = one(s);
    assert.equal(info.kind, 'continuation', s);
    assert.deepEqual([info.continuation?.direction, info.continuation?.target], [direction, target], s);
  }
  const tail = '丰收打下坚实基础。（转2—3版）';
  assert.equal(slice(tail, one(tail).info.continuation?.span ?? null), '（转2—3版）');
  const head = '（上接第2、3版）全市各级部门认真落实';
  assert.equal(slice(head, one(head).info.continuation?.span ?? null), '（上接第2、3版）');
  // No verb, no page word after numbers, a separator with no page after it.
  for (const s of ['（2—3版）', '（转2—3）', '（转第2、版）', '全市新增就业岗位（接2、3号线）']) assert.equal(one(s).info.continuation, null, s);
});

test('line ends and features', () => {
  assert.equal(one('持续完善服务配套体系———').info.end, 'dash');
  assert.equal(one('——全市上半年经济运行综述').info.startsDash, true);
  assert.equal(one('跨境电商：外贸增长“新引擎”').info.end, 'none');
  assert.equal(one('电商成为外贸增长“新引擎”》。').info.end, 'sentence');
  assert.equal(one('学习研讨。市政府党组书记、').info.end, 'comma');
  assert.equal(one('TTIIRR 跨跨境境运运输输').info.doubled, true);
  assert.equal(one('汩汩清流从高处').info.doubled, false);
  assert.equal(one('PRESIDENT STARTS').info.caps, true);
  assert.equal(one('国际能源中心、GRATA 法律咨询公').info.caps, false);
  // Justification spaces do not count towards the width; extraction spaces count half.
  assert.equal(one('会 议 指 出 ，习 近 平 总 书 记').info.width, 22);
  assert.equal(one('会 议 指 出 ，习 近 平 总 书 记').info.spaced, 9);
  assert.ok(Math.abs(one('TTIIRR 跨跨境境运运输输').info.width - 11) < 0.5);
});

test('cleanText and undouble', () => {
  assert.equal(cleanText('TTIIRR 跨跨境境运运输输'), 'TIR 跨境运输');
  assert.equal(cleanText('会 议 集 体 学 习 了《习 近 平'), '会议集体学习了《习近平');
  assert.equal(cleanText('深化改革开放 推动高质量发展'), '深化改革开放 推动高质量发展');
  assert.equal(cleanText('  8 月 20 日，一辆鲁 B 牌照的'), '8 月 20 日，一辆鲁 B 牌照的');
  assert.equal(undouble('扎扎实实'), '扎实');
  assert.equal(isOverprint('扎扎实实'), false, 'two pairs are too few to call a line fake-bold');
  // A line of doubled digits or punctuation only is a number or a rule, as in doubled-glyphs.
  for (const line of ['11000000', '========', '————————', '112233 445566']) {
    assert.equal(isOverprint(line), false, line);
    assert.equal(cleanText(line), line);
  }
  // Reduplicated words are not an overprint even when every token is AABB (as in doubled-glyphs):
  // such a line is not taken for a fake-bold heading, nor shown undoubled.
  assert.equal(isOverprint('扎扎实实 认认真真'), false);
  assert.equal(cleanText('扎扎实实 认认真真'), '扎扎实实 认认真真');
  // One token of four pairs may be two words (高高兴兴快快乐乐), or fake bold: doubled-glyphs flags it
  // unsure; detection reads it as it stands, as any line under five Han pairs (see overprint.ts).
  assert.equal(isOverprint('扎扎实实认认真真'), false);
  assert.equal(cleanText('扎扎实实认认真真'), '扎扎实实认认真真');
  assert.equal(isOverprint('跨跨境境运运输输'), false);
  assert.equal(one('跨跨境境运运输输').info.doubled, false);
  // From five pairs, unsure for doubled-glyphs too, detection takes the line for a doubled heading.
  assert.equal(one('聚聚焦焦群群众众所所需需').info.doubled, true);
  assert.equal(isOverprint('22002233年年'), true);
  assert.equal(isOverprint('𠀀𠀀𠀁𠀁𠀂𠀂𠀃𠀃𠀄𠀄'), true);
  assert.equal(isOverprint('😀😀😁😁😂😂'), false);
});

test('column width of the sample and local widths', () => {
  const dump = parse(readFileSync(SAMPLE, 'utf8'));
  const infos = allLines(dump).filter((l) => !l.blank).map((l) => lineInfo(l, false));
  const W = estimateColumnWidth(infos);
  assert.ok(W >= 26 && W <= 30, `W=${W}`);
  const local = localWidths(infos, W);
  assert.equal(local.length, infos.length);
  for (const w of local) assert.ok(w >= W / 2 && w <= 2 * W);
  // The first line of a paragraph lost its two-glyph indent.
  const k = infos.findIndex((x) => lineAt(dump, x.index).text.startsWith('我市传统制造业'));
  assert.ok(isFull(infos[k], local[k], true));
  assert.equal(estimateColumnWidth([]), 0);
});

test('column width of a page whose paragraphs are partly joined: the joined lines are left out', () => {
  // The sample after "Join paragraph" on its first 19 hard-wrapped paragraphs, one click at a time:
  // the 70th percentile over the joined lines too was 121 cells (the column is 28), which made the
  // column lines still wrapped read as headings.
  let text = readFileSync(SAMPLE, 'utf8');
  for (let k = 0; k < 19; k++) {
    const f = analyze(text).findings.find((x) => x.rule === 'hard-wrap' && !x.unsure);
    assert.ok(f?.fix, `join ${k + 1}`);
    text = applyEdits(text, f.fix.edits);
  }
  const infos = allLines(parse(text)).filter((l) => !l.blank).map((l) => lineInfo(l, false));
  const W = estimateColumnWidth(infos);
  assert.ok(W >= 26 && W <= 30, `W=${W}`);
  // Fully joined, no band of column lines is left to measure by: as before, the percentile of all.
  const all = allLines(parse(fixAll(readFileSync(SAMPLE, 'utf8')).text)).filter((l) => !l.blank).map((l) => lineInfo(l, false));
  assert.ok(estimateColumnWidth(all) > 30);
});

test('column width of an English page after newsprint fix: its lines in capitals are left out with the joined paragraphs', () => {
  // The New-York Tribune sample's column is 46 cells; fixed, its remaining lines are mostly a box
  // set in capitals (34 cells), which made the column 35 and the decks full, read as body.
  const fixed = fixAll(readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8')).text;
  const infos = allLines(parse(fixed)).filter((l) => !l.blank).map((l) => lineInfo(l, false));
  const W = estimateColumnWidth(infos);
  assert.ok(W >= 42 && W <= 50, `W=${W}`);
});

test('column width of a page whose joined paragraphs would make its 70th percentile: no column is that wide', () => {
  // The Salt Lake Tribune sample's column is 38 cells; fixed, a third of its lines are joined
  // paragraphs and its other lines mostly headings of all widths (no band of 30% of them), so
  // the percentile over all of them fell on a joined paragraph (114 cells) and every heading, the
  // paragraphs of a list of names too, read as short. The width is then the one of a page with no
  // column line left: just over what makes its widest other line ending no sentence full.
  // English pages only: a Chinese one keeps its percentile (see pageColumnOf).
  const fixed = fixAll(readFileSync(path.join(SAMPLES_DIR, 'en/saltlaketribune-1911-09-17-p1.txt'), 'utf8')).text;
  const infos = allLines(parse(fixed)).filter((l) => !l.blank).map((l) => lineInfo(l, false));
  const W = estimateColumnWidth(infos, true);
  assert.ok(W >= 36 && W <= 50, `W=${W}`);
  assert.ok(estimateColumnWidth(infos) > 100);
});

test('role codes: ROLES names every role once, roleAt and rolesOf read codes back as names', () => {
  assert.equal(new Set(ROLES).size, 14);
  assert.equal(ROLES[0], 'unknown', 'a new Uint8Array is all unknown');
  for (const r of ROLES) assert.equal(ROLES[ROLE_CODE[r]], r);
  const p: PageAnalysis = { page: 0, roleCodes: Uint8Array.of(ROLE_CODE.blank, ROLE_CODE.headline, ROLE_CODE.body), articles: [], columnWidth: 0, findings: [] };
  assert.deepEqual(rolesOf(p), ['blank', 'headline', 'body']);
  assert.equal(roleAt(p, 1), 'headline');
  assert.equal(roleAt(p, 3), 'unknown', 'outside the page');
});

test('role counts on the sample', () => {
  const dump = parse(readFileSync(SAMPLE, 'utf8'));
  const [p] = analyzeArticles(dump, en);
  const counts: Record<string, number> = {};
  for (const r of rolesOf(p)) counts[r] = (counts[r] ?? 0) + 1;
  assert.deepEqual(counts, { body: 205, blank: 223, byline: 4, label: 2, headline: 9, continuation: 2, kicker: 3, deck: 3 });
});

test('property: lineInfo never throws and spans stay inside the line', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (s, edge) => {
      const dump = parse(s.replace(/[\r\n\f]/g, ' '));
      const l = lineAt(dump, 0);
      const info = lineInfo(l, edge);
      for (const sp of [info.dateline, info.signoff, info.continuation?.span ?? null]) if (sp) assert.ok(sp.start >= l.start && sp.end <= l.end && sp.start < sp.end);
      assert.ok(info.width >= 0);
    }),
    { numRuns: 500 },
  );
});

// The line scan tells caps and Title Case lines in its one pass; these were the two passes it replaced.
const isLatinLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isArticleSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 11 || (c >= 0x2000 && c <= 0x200b);
function titleLineByPass(text: string): boolean {
  if (text.length > 120) return false;
  let words = 0;
  let caps = 0;
  let atStart = true;
  let low = -1; // letters of a word starting in lower case: of three or less (the, of, to), not counted
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80) return false;
    if (c === 32 || isArticleSpace(c)) {
      if (low > 3) words++;
      low = -1;
      atStart = c === 32;
      continue;
    }
    if (atStart && isLatinLetter(c)) {
      if (c >= 65 && c <= 90) {
        words++;
        caps++;
      } else low = 1;
    } else if (low >= 0 && isLatinLetter(c)) low++;
    atStart = false;
  }
  if (low > 3) words++;
  return words >= 3 && caps >= 0.7 * words;
}
function capsLineByPass(text: string): boolean {
  if (text.length > 160) return false;
  let upper = 0;
  let letters = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArticleSpace(c)) continue;
    if (!isLatinLetter(c)) {
      other++;
      if (c >= 0x2e80) return false;
      continue;
    }
    letters++;
    if (c >= 65 && c <= 90) upper++;
  }
  return letters >= 4 && letters >= 2 * other && upper >= 0.75 * letters;
}

test('property: caps and Title Case lines as the two separate passes told them', () => {
  const unit = fc.constantFrom('A', 'B', 'Z', 'a', 'q', 'É', 'é', ' ', ' ', '\t', '\u3000', '\ufeff', '\u2003', '1', '.', '-', '字', '𠀀', '×', '—', '…');
  // Mostly capitals and spaces, so that many lines are caps or Title Case lines.
  const capital = fc.constantFrom('A', 'B', 'Z', 'É', 'A', 'B', ' ', ' ', 'a', '.', '\u3000', '\ufeff', '字', '—');
  const words = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'Q', 'a'), fc.constantFrom('bc', 'x', 'DE', '')), { minLength: 1, maxLength: 8 }).chain((ws) =>
    fc.constantFrom(' ', '  ', '\t', '\u3000 ').map((sep) => ws.map(([a, b]) => a + b).join(sep)),
  );
  const text = fc.oneof(fc.array(unit, { minLength: 1, maxLength: 170 }).map((u) => u.join('')), fc.array(capital, { minLength: 1, maxLength: 170 }).map((u) => u.join('')), words);
  fc.assert(
    fc.property(text, (text) => {
      const dump = parse(text);
      const line = lineAt(dump, 0);
      if (line.end - line.start !== text.length) return; // a line break character: not one line
      const info = lineInfo(line, false);
      assert.equal(info.caps, capsLineByPass(text), `caps: ${JSON.stringify(text)}`);
      assert.equal(info.title, titleLineByPass(text), `title: ${JSON.stringify(text)}`);
    }),
    { numRuns: 5000 },
  );
  assert.equal(one('THE NEW YORK TRIBUNE').info.caps, true);
  assert.equal(one('The Strike Is Over Now').info.title, true);
  // Title Case leaves its short words in lower case: they do not count against it.
  assert.equal(one('How the Policy of Expansion Has').info.title, true);
  assert.equal(one('the minds of my hearers that the soil upon').info.title, false);
});

// Reflow and the line rules take these from the article detection instead of reading every line again.
test('property: the line measures kept for reflow are cellWidth and the script counts of each text line, and its gates lineGates', () => {
  const unit = fc.constantFrom('字', '中', '。', '”', 'a', 'Q', 'é', ' ', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u000b', '\u2003', '\u200b', '𠀀', '\ud840', '\udc00', '한', '·', '1', '.', '\n', '\n\n', '\f');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 300, size: 'max' }), (units) => {
      const dump = parse(units.join(''));
      for (const page of dump.pages) {
        analyzePage(dump, page.index, en);
        const taken = pageTaken(dump, page.firstLine);
        for (let i = page.firstLine; i <= page.lastLine; i++) {
          if (!isTextLine(dump.lines, i)) continue;
          assert.ok(taken, 'measures kept');
          const m: Int32Array = taken.measures;
          const k = i - page.firstLine;
          const t = lineText(dump, i);
          let cjk = 0;
          let latin = 0;
          for (let j = 0; j < t.length; j++) {
            if (CLASS[t.charCodeAt(j)] & CC_SCRIPT_CJK) cjk++;
            else if (CLASS[t.charCodeAt(j)] & CC_SCRIPT_LATIN) latin++;
          }
          assert.deepEqual([m[3 * k], m[3 * k + 1], m[3 * k + 2]], [cellWidth(t), cjk, latin], JSON.stringify(t));
          assert.equal(taken.gates[k], lineGates(t) | GATES_TAKEN, `gates of ${JSON.stringify(t)}`);
        }
      }
    }),
    { numRuns: 1000 },
  );
});

// They are one page's, in buffers the next page reuses: a page taken before, or the same lines of
// another dump, must not find them.
test('the measures kept are only the last page taken\'s, of that dump', () => {
  const dump = parse('第一版正文很长的一行字\f第二版正文很长的一行字\n又一行');
  analyzePage(dump, 0, en);
  assert.ok(pageTaken(dump, dump.pages[0].firstLine));
  analyzePage(dump, 1, en);
  assert.equal(pageTaken(dump, dump.pages[0].firstLine), undefined, 'page 0 after page 1 was taken');
  assert.ok(pageTaken(dump, dump.pages[1].firstLine));
  const other = parse('第一版正文很长的一行字\f第二版正文很长的一行字\n又一行');
  assert.equal(pageTaken(other, other.pages[1].firstLine), undefined, 'the same page of another dump');
});

// scanLine decides most body lines in a short cut (no pattern can match them); a page-edge line
// always takes the long way, which differs only in the edge furniture test: so the two must agree.
test('property: a line off the page edge reads as it does at the edge, but for edge furniture', () => {
  const piece = fc.constantFrom('跨', '境', '电', '商', '中', '本', '编', '摄', '图', '一', '（', '）', ')', '。', '”', ' ', '\u3000', 'A', 'c', 'B', '（完）', '（下转第二版）', '（本报记者 张三）', '本报讯', '编者按：', '记者 王五', '图为', '责任编辑：李四', '8月26日', '第二版', '日报', '——', 'continued on page 3', '𠀀', '（上接第一版）', '（转2—3版）');
  fc.assert(
    fc.property(fc.constantFrom('', '', '{', '[', '(', ' ', '\u3000', '"'), fc.array(piece, { minLength: 1, maxLength: 30 }), (lead, ps) => {
      const dump = parse(lead + ps.join(''));
      const line = lineAt(dump, 0);
      const inner = lineInfo(line, false);
      const edge = lineInfo(line, true);
      if (edge.kind === 'furniture' && inner.kind !== 'furniture') return;
      assert.deepEqual(inner, edge, JSON.stringify(line.text));
    }),
    { numRuns: 3000 },
  );
});

test('property: local widths as a window sorted anew for every line tells them', () => {
  // The reference: ordinary lines (kind none, not doubled, width >= 8) within [0.4, 1.6] × W count;
  // line j's window is the 6 counting lines before it and the 7 from it on, without j itself, and
  // its local width the upper quartile of theirs, clamped to [W / 2, 2W]; W when fewer than 3.
  const reference = (infos: LineInfo[], W: number): number[] => {
    const counts = (x: LineInfo) => x.kind === null && !x.doubled && x.width >= 8 && x.width >= 0.4 * W && x.width <= 1.6 * W;
    return infos.map((_, j) => {
      const before: number[] = [];
      const after: number[] = [];
      for (let i = j - 1; i >= 0 && before.length < 6; i--) if (counts(infos[i])) before.push(infos[i].width);
      for (let i = j + 1; i < infos.length && after.length < (counts(infos[j]) ? 6 : 7); i++) if (counts(infos[i])) after.push(infos[i].width);
      const win = [...before, ...after].sort((a, b) => a - b);
      if (win.length < 3) return W;
      return Math.max(0.5 * W, Math.min(2 * W, win[Math.min(win.length - 1, Math.floor(win.length * 0.75))]));
    });
  };
  const width = fc.oneof(fc.constantFrom(28, 28, 28, 27.5, 26, 30), fc.integer({ min: 0, max: 80 }).map((w) => w / 2));
  const info = fc.record({ width, kind: fc.constantFrom(null, null, null, 'byline' as const), doubled: fc.constantFrom(false, false, true) });
  fc.assert(
    fc.property(fc.array(info, { maxLength: 80, size: 'max' }), fc.constantFrom(28, 20, 0), (xs, pageWidth) => {
      const infos = xs.map((x, index) => ({ ...lineInfo(lineAt(parse('x'), 0), false), index, ...x }));
      assert.deepEqual(localWidths(infos, pageWidth), reference(infos, pageWidth || 1));
    }),
    { numRuns: 3000 },
  );
});

test('a parenthesised name (or two) is a sign-off, whole or after a sentence; a bracketed note is not', () => {
  for (const s of ['（李明）', '（李明 王芳）', '（欧阳晓明）', '(李明)', '（李明、王芳）']) assert.equal(one(s).info.kind, 'signoff', s);
  for (const [s, so] of [
    ['休闲健身的好去处。（赵六）', '（赵六）'],
    ['在家门口增收致富。（李明 王芳）', '（李明 王芳）'],
  ]) {
    const i = one(s).info;
    assert.equal(i.kind, null, s);
    assert.equal(slice(s, i.signoff), so, s);
  }
  for (const s of ['（见图）', '（附图）', '（待续）', '（未完）', '（图一）', '（下同）', '增长了一倍。（见图）', '（一）', '（二〇二四）', '（上图）']) assert.notEqual(one(s).info.kind === 'signoff' || !!one(s).info.signoff, true, s);
});

test('column labels of short items: 简讯, 快讯, 图片新闻, 新闻简讯, 一句话新闻 (a word in a sentence is none)', () => {
  for (const s of ['简讯', '快讯', '图片新闻', '新闻简讯', '一句话新闻', '简 讯']) assert.equal(one(s).info.kind, 'label', s);
  for (const s of ['简讯两则发布', '图片新闻中心', '一句话说清楚']) assert.notEqual(one(s).info.kind, 'label', s);
});

test('English wire credits name their wire in capitals: By train to The Dalles is body text', () => {
  for (const credit of ['By Leased Wire to The Tribune.', 'BY TELEGRAPH TO THE TRIBUNE.', 'By Cable to The Tribune.', '(Special to The Tribune.)']) assert.equal(BYLINE_CREDIT.test(credit), true, credit);
  for (const text of ['By train to The Dalles', 'by boat to The Dalles']) assert.equal(BYLINE_CREDIT.test(text), false, text);
});
