// The export on the sample: the six articles of the page with clean paragraphs, valid against the
// schema; bylines, line ranges, the edit trail; continuation linking across pages and files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { linkContinuations, pageNumberOf, pageNumbersOf, basePageOf } from '../../server/src/core/continuations';
import { analyze } from '../../server/src/core/analyze';
import { GLYPH_RULES } from '../../server/src/core/clean';
import { exportArticles, parseByline, serializeDocument, serializeLines, type ArticlesDocument } from '../../server/src/core/export';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { exportFile, sourcePath } from '../../server/src/node/exportFile';
import { ExportJob, linkedIdsOf, patchLinks } from '../../server/src/node/exportJob';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import { assertValidDocument, assertValidLine } from '../helpers/schema';
import { assertChainLinked } from '../helpers/links';

const text = readFileSync(SAMPLE, 'utf8');
const opts = { path: 'zh-daily-p1.txt', sha256: 'a'.repeat(64), version: '0.1.0' };
const doc = exportArticles(text, opts);

test('the sample exports six articles in reading order, valid against the schema', () => {
  assertValidDocument(doc);
  assert.deepEqual(
    doc.articles.map((a) => a.headline),
    ['跨境电商：外贸增长“新引擎”', 'TIR跨境运输', '市政府党组理论学习中心组举行集体学习研讨', '市政府党组会议召开', '中国—上合组织技术转移中心白俄罗斯协同中心启用', '聚焦群众所需 提升城市品质'],
  );
  assert.deepEqual(doc.articles.map((a) => a.id), ['p1-a1', 'p1-a2', 'p1-a3', 'p1-a4', 'p1-a5', 'p1-a6']);
  assert.equal(doc.articles[1].type, 'sidebar');
});

test('article 1: kicker, deck, editor’s note, byline, body, continuation', () => {
  const a = doc.articles[0];
  assert.equal(a.kicker, '发展跨境电商，胶州有基础有优势');
  assert.equal(a.subheadlines.length, 1);
  assert.ok(a.subheadlines[0].startsWith('上半年，我市跨境电商贸易额达39.7亿元') && a.subheadlines[0].endsWith('融合发展新局面———'));
  assert.deepEqual(a.labels, ['编者按']);
  assert.ok(a.editorsNote?.startsWith('《上合视点》栏目关心您所关心的、关注您所关注的，努力把握'));
  assert.deepEqual(a.byline, { raw: '□记者 何光翠 报道', role: '记者', persons: ['何光翠'] });
  assert.ok(a.paragraphs[0].startsWith('顺势而为，胶州跨境电商开辟国际贸易新路径'));
  assert.ok(a.paragraphs.at(-1)!.endsWith('添新动能。'));
  assert.deepEqual(a.continuation, { to: '第二版', marker: '（下转第二版）', linkedId: null });
});

test('paragraphs are clean text: no justification spaces, no doubled glyphs, lines joined', () => {
  for (const a of doc.articles) {
    for (const p of a.paragraphs) {
      assert.ok(!/[\u4e00-\u9fff] [\u4e00-\u9fff] /.test(p), `spaced glyphs left in ${a.id}: ${p.slice(0, 40)}`);
      assert.ok(!p.includes('\n'));
    }
  }
  const a3 = doc.articles[2];
  assert.equal(a3.dateline, '本报讯');
  assert.ok(a3.paragraphs[0].startsWith('8月26日，十八届市政府党组理论学习中心组在市级机关办公大楼举行集体学习研讨。'));
  assert.ok(a3.paragraphs.at(-1)!.endsWith('化解在小。'));
  const a5 = doc.articles[4];
  assert.equal(a5.signoff, '（本报通讯员）');
  assert.ok(a5.paragraphs.at(-1)!.endsWith('队联合运营。”'));
  assert.ok(doc.articles[5].paragraphs.at(-1)!.endsWith('爱丽说。'));
  assert.ok(doc.articles[5].paragraphs[0].startsWith('初秋时节，清风徐来。'));
});

test('an English word broken at the line end without its hyphen exports whole, as the hard-wrap fix joins it', () => {
  const EN = path.join(path.dirname(SAMPLE), 'en', 'nytribune-1903-05-01-p1.txt');
  const en = readFileSync(EN, 'utf8');
  const paragraphs = exportArticles(en, { ...opts, path: 'nytribune-1903-05-01-p1.txt' }).articles.flatMap((a) => a.paragraphs);
  const all = paragraphs.join('\n');
  for (const word of ['yesterday', 'Harbor', 'independent', 'Government']) assert.ok(all.includes(word), word);
  for (const split of ['yes terday', 'Har bor', 'indepen dent', 'Gov ernment']) assert.ok(!all.includes(split), split);
  // The editor's hard-wrap fixes join those lines the same way.
  const fixed = fixAll(en, { only: ['hard-wrap'] }).text;
  for (const word of ['yesterday', 'Harbor', 'independent', 'Government']) assert.ok(fixed.includes(word), `fixed: ${word}`);
});

test('a continuation marker at the end of a body line is the continuation field, not paragraph text', () => {
  const page = readFileSync(path.join(__dirname, '..', 'fixtures', 'pages', 'zh-ordered.txt'), 'utf8');
  const a = exportArticles(page, { ...opts, path: 'zh-ordered.txt' }).articles.find((x) => x.continuation);
  assert.ok(a);
  assert.deepEqual(a.continuation, { to: '第3版', marker: '（转第3版）', linkedId: null });
  assert.ok(a.paragraphs.at(-1)?.endsWith('为全年粮食丰收打下坚实基础。'));
  assert.ok(!a.paragraphs.some((p) => p.includes('转第3版')));
});

test('a continuation a %% directive gives has an empty marker: the export holds no annotation text', () => {
  const page = readFileSync(SAMPLE, 'utf8').replace('（下转第二版）', '');
  const at = page.indexOf('市政府党组会议召开');
  const annotated = `${page.slice(0, at)}%% continued-to 第二版\n${page.slice(at)}`;
  const a = exportArticles(annotated, { ...opts, path: 'p1.txt' }).articles.find((x) => x.continuation);
  assert.ok(a, 'the directive gives a continuation');
  assert.deepEqual(a.continuation, { to: '第二版', marker: '', linkedId: null });
  assert.ok(!JSON.stringify(a).includes('%%'));
  // A middle part by directives: both markers empty.
  const middle = ['%% continued-from 第一版', '夏粮丰收', '', '农技人员深入田间地头，指导农户科学储粮，减少产后损失。', '', '%% continued-to 第三版', '粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。', ''].join('\n');
  const m = exportArticles(middle, { ...opts, path: 'p2.txt' }).articles[0];
  assert.deepEqual([m.continuation, m.continuedTo], [{ from: '第一版', marker: '', linkedId: null }, { to: '第三版', marker: '', linkedId: null }]);
  assert.ok(!JSON.stringify(m).includes('%%'));
});

test('lines and edits trace fields back to the dump', () => {
  const a2 = doc.articles[1];
  assert.deepEqual(a2.edits.find((e) => e.rule === 'doubled-glyphs'), { rule: 'doubled-glyphs', line: 80, before: 'TTIIRR 跨跨境境运运输输', after: 'TIR 跨境运输' });
  assert.ok(a2.lines.some(([s, e]) => s <= 80 && 80 <= e));
  const rows = text.split('\n');
  for (const a of doc.articles) for (const [s, e] of a.lines) assert.ok(s <= e && e < rows.length);
});

test('edits trace the hyphens the text fields dropped at line ends (hard-wrap), in line order; a kept hyphen is no edit', () => {
  const page = [
    'DEMOCRATS WIN GOVERNOR-',
    'SHIP IN NEW-YORK STATE',
    'By Associated Press.',
    'ALBANY, Nov. 4.—The Democrats carried the',
    'State by a large majority, and the governorship',
    'goes to their candidate, who was elected by',
    'more than fifty thousand votes over his rival,',
    'the returns showed late to-night, tak-',
    'ing the count from every county of the State',
    'of New-York, and the party will hold its meet-',
    'ing at the capital on Friday.',
  ].join('\n');
  const [a] = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.equal(a.headline, 'DEMOCRATS WIN GOVERNORSHIP IN NEW-YORK STATE');
  assert.ok(a.paragraphs[0].includes('to-night, taking the count') && a.paragraphs[0].includes('its meeting at'), a.paragraphs[0]);
  assert.deepEqual(a.edits, [
    { rule: 'hard-wrap', line: 0, before: 'GOVERNOR-', after: 'GOVERNOR' },
    { rule: 'hard-wrap', line: 7, before: 'tak-', after: 'tak' },
    { rule: 'hard-wrap', line: 9, before: 'meet-', after: 'meet' },
  ]);
  assertValidDocument(exportArticles(page, { ...opts, path: 'x.txt' }));
  // The zh sample's paragraphs drop no hyphen: its edits are its glyph fixes alone.
  assert.ok(doc.articles.every((x) => x.edits.every((e) => GLYPH_RULES.includes(e.rule))));
});

test("each edit's text after is its finding's fix applied to the text before", () => {
  // The spacing rules' fixes are read from their rows, the others' applied as edits: alike.
  const { findings } = analyze(text);
  const byBefore = new Map<string, string>();
  for (const f of findings.filter((x) => x.fix && GLYPH_RULES.includes(x.rule))) {
    const before = text.slice(f.start, f.end);
    byBefore.set(`${f.rule} ${before}`, applyEdits(before, f.fix!.edits.map((e) => ({ ...e, start: e.start - f.start, end: e.end - f.start }))));
  }
  const edits = doc.articles.flatMap((a) => a.edits);
  assert.ok(edits.some((e) => e.rule === 'spaced-glyphs') && edits.some((e) => e.rule === 'mixed-script-spacing') && edits.some((e) => e.rule === 'doubled-glyphs'));
  for (const e of edits) assert.equal(e.after, byBefore.get(`${e.rule} ${e.before}`), `${e.rule}: ${e.before}`);
});

test('turning a glyph rule off keeps its artifacts in the text, and the output says it was off', () => {
  const off = exportArticles(text, { ...opts, rules: { 'mixed-script-spacing': 'off', 'spaced-glyphs': 'warning', 'no-such-rule': 'off' } });
  assert.ok(off.articles[2].paragraphs[0].startsWith('8 月 26 日，'));
  assert.deepEqual(off.generator, { name: 'newsprint', version: opts.version, rules: { 'mixed-script-spacing': 'off' } });
  assertValidDocument(off);
  assert.deepEqual(exportArticles(text, opts).generator, { name: 'newsprint', version: opts.version });
});

test('bylines: role and persons', () => {
  assert.deepEqual(parseByline('□通讯员 傅玉佳 报道'), { raw: '□通讯员 傅玉佳 报道', role: '通讯员', persons: ['傅玉佳'] });
  assert.deepEqual(parseByline('本报记者 张三 李四'), { raw: '本报记者 张三 李四', role: '本报记者', persons: ['张三', '李四'] });
  assert.deepEqual(parseByline('By JOHN SMITH and MARY JONES.'), { raw: 'By JOHN SMITH and MARY JONES.', role: null, persons: ['JOHN SMITH', 'MARY JONES'] });
  // Roles with their organisation and qualifier, credits, and a second role among the names.
  const table: [string, string | null, string[]][] = [
    ['本报特约记者 王丽', '本报特约记者', ['王丽']],
    ['本报见习记者 王丽', '本报见习记者', ['王丽']],
    ['□全媒体记者 王丽', '全媒体记者', ['王丽']],
    ['□融媒体记者 王丽 报道', '融媒体记者', ['王丽']],
    ['新华社记者 王丽 李明 报道', '新华社记者', ['王丽', '李明']],
    ['文/图 王丽', '文/图', ['王丽']],
    ['本报记者 王丽 通讯员张强', '本报记者', ['王丽', '张强']],
    ['记者 王丽 通讯员 张强 报道', '记者', ['王丽', '张强']],
    // Two-glyph names padded to the width of three: the single glyphs pair up.
    ['本报记者 王 丽', '本报记者', ['王丽']],
    ['本报记者 王 丽 李 明', '本报记者', ['王丽', '李明']],
    ['记者 李 明 王晶晶', '记者', ['李明', '王晶晶']],
    ['记者 王 丽 通讯员 李 明', '记者', ['王丽', '李明']],
    ['记者 王 丽、李 明 摄', '记者', ['王丽', '李明']],
    // A byline in brackets of its own.
    ['（记者 王 丽 通讯员 李 明）', '记者', ['王丽', '李明']],
  ];
  for (const [raw, role, persons] of table) assert.deepEqual(parseByline(raw), { raw, role, persons }, raw);
});

test('page numbers of continuation targets and file names', () => {
  assert.equal(pageNumberOf('第二版'), 2);
  assert.equal(pageNumberOf('第十二版'), 12);
  assert.equal(pageNumberOf('第2版'), 2);
  assert.equal(pageNumberOf('A3'), 3);
  assert.equal(pageNumberOf('Pago Three'), 3);
  // Ordinals (Continued on Second Page.), the front page, and an i the OCR read as l.
  const ordinals: [string, number][] = [
    ['First Page', 1],
    ['Second Page', 2],
    ['Page Third', 3],
    ['Tenth Page', 10],
    ['Twelfth Page', 12],
    ['Front Page', 1],
    ['Flrst Page', 1],
    ['Thlrd Pago', 3],
    ['Elghth Page', 8],
  ];
  for (const [t, want] of ordinals) assert.equal(pageNumberOf(t), want, t);
  // Full-width digits, as the markers are read with them (（下转第２版）).
  assert.equal(pageNumberOf('第２版'), 2);
  assert.equal(pageNumberOf('第１２版'), 12);
  // A marker naming several pages: all of them, in order; a range spelled out.
  const several: [string, number[]][] = [
    ['第二版', [2]],
    ['第2、3版', [2, 3]],
    ['第二、三版', [2, 3]],
    ['第2版、第3版', [2, 3]],
    ['2—3版', [2, 3]],
    ['第二至四版', [2, 3, 4]],
    ['A2-A3', [2, 3]],
    ['B-3', [3]],
    ['第２、３版', [2, 3]],
    ['２—４版', [2, 3, 4]],
    ['Page Twenty-one', [20]],
    ['某版', []],
  ];
  for (const [t, want] of several) assert.deepEqual(pageNumbersOf(t), want, t);
  assert.equal(basePageOf('issue/daily-p2.txt'), 2);
  assert.equal(basePageOf('page_3.page.txt'), 3);
  assert.equal(basePageOf('front.txt'), 1);
});

const FIXTURES = path.resolve(__dirname, '../fixtures/issue');

test('continuations link across two files of one issue, both ways, by page and headline', () => {
  const read = (name: string) => exportArticles(readFileSync(path.join(FIXTURES, name), 'utf8'), { ...opts, path: `issue/${name}` });
  const p1 = read('daily-p1.txt');
  const p2 = read('daily-p2.txt');
  linkContinuations([p1, p2]);
  const [a1, a6] = [p1.articles[0], p1.articles[5]];
  const [b1, b2] = p2.articles;
  assert.equal(b1.continuation?.from, '第一版');
  // Page 2 prints the 大沽河 jump first: headline similarity, not order, decides.
  assert.equal(a1.continuation?.linkedId, `issue/daily-p2.txt#${b2.id}`);
  assert.equal(b2.continuation?.linkedId, `issue/daily-p1.txt#${a1.id}`);
  assert.equal(a6.continuation?.linkedId, `issue/daily-p2.txt#${b1.id}`);
  assert.equal(b1.continuation?.linkedId, `issue/daily-p1.txt#${a6.id}`);
  for (const d of [p1, p2]) assertValidDocument(d);
});

test('markers with full-width digits (（下转第２版）, （上接第１版）) are linked', () => {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const p1 = exportArticles(read('daily-p1.txt').replace('（下转第二版）', '（下转第２版）'), { ...opts, path: 'issue/daily-p1.txt' });
  const p2 = exportArticles(read('daily-p2.txt').replaceAll('（上接第一版）', '（上接第１版）'), { ...opts, path: 'issue/daily-p2.txt' });
  assert.equal(p1.articles[0].continuation?.to, '第２版');
  assert.deepEqual(
    p2.articles.map((a) => a.continuation?.from),
    ['第１版', '第１版'],
  );
  linkContinuations([p1, p2]);
  assert.equal(p1.articles[0].continuation?.linkedId, `issue/daily-p2.txt#${p2.articles[1].id}`);
  assert.equal(p2.articles[1].continuation?.linkedId, `issue/daily-p1.txt#${p1.articles[0].id}`);
  assert.equal(p2.articles[0].continuation?.linkedId, `issue/daily-p1.txt#${p1.articles[5].id}`);
});

test('markers cut between the opening bracket and the verb (…说。（ / 下转第二版）, （ / 上接第一版）…) are read whole and linked', () => {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const page1 = read('daily-p1.txt').replace('爱丽说。\n\n（下转第二版）', '爱丽说。（\n\n下转第二版）');
  const page2 = read('daily-p2.txt').replace('（上接第一版）\n\n“我们听朋友说', '（\n\n上接第一版）“我们听朋友说');
  const p1 = exportArticles(page1, { ...opts, path: 'issue/daily-p1.txt' });
  const p2 = exportArticles(page2, { ...opts, path: 'issue/daily-p2.txt' });
  assert.deepEqual(p1.articles[5].continuation, { to: '第二版', marker: '（下转第二版）', linkedId: null });
  assert.ok(p1.articles[5].paragraphs.join('').endsWith('马爱丽说。'));
  assert.deepEqual(p2.articles[0].continuation, { from: '第一版', marker: '（上接第一版）', linkedId: null });
  assert.ok(p2.articles[0].paragraphs[0].startsWith('“我们听朋友说'));
  linkContinuations([p1, p2]);
  assert.equal(p1.articles[5].continuation?.linkedId, `issue/daily-p2.txt#${p2.articles[0].id}`);
  assert.equal(p2.articles[0].continuation?.linkedId, `issue/daily-p1.txt#${p1.articles[5].id}`);
  assert.equal(p1.articles[0].continuation?.linkedId, `issue/daily-p2.txt#${p2.articles[1].id}`);
  for (const d of [p1, p2]) assertValidDocument(d);
});

test('a continued-from marker opening the first body line exports as a marker on its own line does', () => {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const page = read('daily-p2.txt');
  const merged = page.replace('（上接第一版）\n\n“我们听朋友说', '（上接第一版）“我们听朋友说');
  assert.notEqual(merged, page);
  const got = exportArticles(merged, { ...opts, path: 'issue/daily-p2.txt' });
  const want = exportArticles(page, { ...opts, path: 'issue/daily-p2.txt' });
  // Headline, marker and paragraphs alike: the marker is no paragraph text, the text after it is.
  const fields = (d: ArticlesDocument) => d.articles.map((a) => ({ headline: a.headline, continuation: a.continuation, paragraphs: a.paragraphs }));
  assert.deepEqual(fields(got), fields(want));
  assert.deepEqual(got.articles[0].continuation, { from: '第一版', marker: '（上接第一版）', linkedId: null });
  assert.ok(got.articles[0].paragraphs[0].startsWith('“我们听朋友说这里新增了景点，'));
  assertValidDocument(got);
  const p1 = exportArticles(read('daily-p1.txt'), { ...opts, path: 'issue/daily-p1.txt' });
  linkContinuations([p1, got]);
  assert.equal(p1.articles[0].continuation?.linkedId, `issue/daily-p2.txt#${got.articles[1].id}`);
  assert.equal(p1.articles[5].continuation?.linkedId, `issue/daily-p2.txt#${got.articles[0].id}`);
});

test('a continued-from marker heading a body line starts the continued part, with no jump headline too', () => {
  const page = [
    '市场监管局开展秋季食品安全检查',
    '',
    '本报讯 近日，市市场监管局组织执法人员对全市各大商超、农贸市场开展秋季食品安全专项检',
    '查，重点检查食品进货查验、索证索票、过期食品处置等情况，共检查经营主体一百二十余家，',
    '下达整改通知书十五份，督促经营者落实食品安全主体责任。',
    '（上接第一版）全市各级部门认真落实党中央决策部署，坚持稳中求进工作总基调，推动经济运',
    '行持续回升向好，为全年目标任务完成打下坚实基础。',
  ].join('\n');
  const [a, b, ...rest] = exportArticles(page, { ...opts, path: 'p2.txt' }).articles;
  assert.equal(rest.length, 0);
  assert.deepEqual([a.continuation, a.lines], [null, [[0, 4]]]);
  assert.deepEqual(b.continuation, { from: '第一版', marker: '（上接第一版）', linkedId: null });
  assert.deepEqual([b.paragraphs, b.lines], [['全市各级部门认真落实党中央决策部署，坚持稳中求进工作总基调，推动经济运行持续回升向好，为全年目标任务完成打下坚实基础。'], [[5, 6]]]);
});

const FIRE = 'FIRE IN THE MILL';
const enPage = (...lines: string[]) => [FIRE, ...lines].join('\n');

test('a body sentence that starts like a marker (Continued on page 4 of the report, …) is text, not a continuation', () => {
  const page = ['REPORT OF THE BOARD', '', 'The board met yesterday and heard the reports of the officers on the', 'work of the year, which were received and ordered printed in full.', 'Continued on page 4 of the report, the list of members was read', 'and approved without a single change by the board at its meeting.'].join('\n');
  const [a, ...rest] = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.equal(rest.length, 0);
  assert.equal(a.continuation, null);
  assert.ok(a.paragraphs.join(' ').includes('full. Continued on page 4 of the report, the list'), JSON.stringify(a.paragraphs));
  // A marker the OCR left without its full stop, or with a column after it, is still read.
  for (const [line, from] of [['Continued from Page 1, Column 2. The owners said that the mill', 'Page 1'], ['Continued from First Page The strike of the teamsters came to', 'First Page']]) {
    const [b] = exportArticles(['FIRE DESTROYS MILL', '', line, 'an end when both sides agreed to the terms offered by the board.'].join('\n'), { ...opts, path: 'x.txt' }).articles;
    assert.equal(b.continuation && 'from' in b.continuation ? b.continuation.from : null, from, line);
  }
});

test('an English continued-from marker opening a body line is the marker alone: the text after it stays in the paragraphs', () => {
  const page = enPage('(Continued from Page One.) The owners said to-day that they will', 'rebuild the mill at once, on the same site, and that all the men will', 'be taken back when it is done, which will be early in the autumn.');
  const [a, ...rest] = exportArticles(page, { ...opts, path: 'x-p2.txt' }).articles;
  assert.equal(rest.length, 0);
  assert.deepEqual(a.continuation, { from: 'Page One', marker: '(Continued from Page One.)', linkedId: null });
  assert.deepEqual(a.paragraphs, ['The owners said to-day that they will rebuild the mill at once, on the same site, and that all the men will be taken back when it is done, which will be early in the autumn.']);
});

test('an English continued-to marker ending a body line is read, out of the paragraphs', () => {
  const page = enPage('The large flour mill of the Acme Company at Sandusky was destroyed by', 'fire last night, with a loss estimated at one hundred thousand dollars.', 'No one was hurt, but fifty men lost work. (Continued on Page Two.)');
  const [a] = exportArticles(page, { ...opts, path: 'x-p1.txt' }).articles;
  assert.deepEqual(a.continuation, { to: 'Page Two', marker: '(Continued on Page Two.)', linkedId: null });
  assert.equal(a.paragraphs.at(-1), 'No one was hurt, but fifty men lost work.');
});

test('English markers read through OCR slips in their verb; a speck after a marker line stays with it; ordinal targets link', () => {
  const marker = (line: string) => exportArticles(enPage('The mill burned last night, with a loss of one hundred thousand dollars.', line), { ...opts, path: 'x-p1.txt' }).articles[0];
  for (const [line, want] of [
    ['Contlnued on Page Three.', 'Contlnued on Page Three.'],
    ['Cont1nued on Page Three.', 'Cont1nued on Page Three.'],
    ['«Continued on Page Three.', 'Continued on Page Three.'],
    ['Continued On Pago Two. m', 'Continued On Pago Two. m'], // a speck after the marker stays (the rewrite loses nothing)
  ]) {
    const a = marker(line);
    assert.equal(a.continuation?.marker, want, line);
    assert.ok(!a.paragraphs.join(' ').includes('ontinued') && !a.paragraphs.join(' ').includes('ont1nued') && !a.paragraphs.join(' ').includes('ontlnued'), line);
  }
  // A slip elsewhere in the marker is no marker: the line stays text.
  assert.equal(marker('Contlnued on the Thrcc.').continuation, null);
  const p1 = exportArticles(enPage('The mill burned last night.', 'Continued on Second Page.'), { ...opts, path: 'x/x-p1.txt' });
  const p2 = exportArticles(enPage('Continued frorn First Page.', 'The owners said to-day that they will rebuild.'), { ...opts, path: 'x/x-p2.txt' });
  linkContinuations([p1, p2]);
  assert.equal(p2.articles[0].continuation?.from, 'First Page');
  assert.equal(p1.articles[0].continuation?.linkedId, `x/x-p2.txt#${p2.articles[0].id}`);
  assert.equal(p2.articles[0].continuation?.linkedId, `x/x-p1.txt#${p1.articles[0].id}`);
});

test('English datelines: a place in capitals or Title Case, abbreviations, a month and day and a dash; out of the paragraphs', () => {
  const body = ['The large flour mill of the Acme Company was destroyed by fire', 'last night, with a loss estimated at one hundred thousand dollars.'];
  for (const dl of ['ERIE, Pa., Sept. 16.—', 'St. Louis, April 30.—', 'SYRACUSE, N. Y., Sept. 16.—', 'BEAUMONT, Tex., Sept. 16.--', 'London, May 1.—', 'Havana, April 30.—']) {
    const [a] = exportArticles(enPage('By Associated Press.', `${dl}${body[0]}`, body[1]), { ...opts, path: 'x.txt' }).articles;
    assert.equal(a.dateline, dl, dl);
    assert.ok(a.paragraphs[0].startsWith('The large flour mill'), dl);
  }
});

test('a line cut after its dateline is measured whole: a full line ending like a sentence (an OCR\'d s: fire*!) does not end the paragraph', () => {
  const page = enPage(
    'Plattsburg, N. Y., April 30.—The forest fire*!',
    'in the Adirondacks have gained great headway to-day and',
    'are burning over a wide district north of the lake, and',
    'a thousand men are fighting them along the railroad.',
  );
  const [a] = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.equal(a.dateline, 'Plattsburg, N. Y., April 30.—');
  assert.deepEqual(a.paragraphs, ['The forest fire*! in the Adirondacks have gained great headway to-day and are burning over a wide district north of the lake, and a thousand men are fighting them along the railroad.']);
});

test('a body line over an English dateline is no headline when it is text (a sentence ends in it, or it ends on "from")', () => {
  for (const line of ['Mr. Brown said that the prices were low. He came from', 'Mr. Brown said that the prices were low and came from']) {
    const page = ['FARMERS MEET IN CONVENTION', '', 'The farmers of the state met here today to discuss the', 'price of wheat and the weather of the season and the', 'rain that fell upon the fields in the spring months.', line, 'Boston, May 3.—He said it was cold there and went home.', 'The meeting closed after a vote of the members present.'].join('\n');
    const arts = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
    assert.deepEqual(arts.map((a) => a.headline), ['FARMERS MEET IN CONVENTION'], line);
    // Nor when it is short beside wider column lines (a one-line segment short of the column).
    const wide = ['FARMERS MEET IN CONVENTION', '', 'The farmers of the state met here today to discuss the price of wheat', 'and the weather of the season and the rain that fell upon the fields.', line, 'Boston, May 3.—He said it was cold there and went home.', 'The meeting closed after a vote of the members present.'].join('\n');
    assert.deepEqual(exportArticles(wide, { ...opts, path: 'x.txt' }).articles.map((a) => a.headline), ['FARMERS MEET IN CONVENTION'], `${line} (wide)`);
  }
  // A title's full stop ends no sentence: a headline in sentence case over a dateline stays one.
  const gov = ['FARMERS MEET IN CONVENTION', '', 'The farmers of the state met here today to discuss the price of wheat', 'and the weather of the season and the rain that fell upon the fields.', 'Gov. Hochul signs the state budget', 'ALBANY, May 3.—The Governor signed the budget bill this morning at last.', 'The Legislature closed after a vote of the members present at the hall.'].join('\n');
  const g = exportArticles(gov, { ...opts, path: 'x.txt' }).articles;
  assert.deepEqual(g.map((a) => [a.headline, a.dateline]), [['FARMERS MEET IN CONVENTION', null], ['Gov. Hochul signs the state budget', 'ALBANY, May 3.—']]);
});

test('an English dateline further down an undated story stays in its text (not taken as the story\'s dateline)', () => {
  const page = [
    'FARMERS MEET IN CONVENTION',
    '',
    'The farmers of the state met here today to discuss the price of wheat',
    'and the weather of the season and the rain that fell upon the fields.',
    'Mr. Brown said that the prices were low all year.',
    'Boston, May 3.—He said it was cold there and went home.',
    'The meeting closed after a vote of the members present.',
  ].join('\n');
  const arts = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.equal(arts.length, 1);
  assert.equal(arts[0].dateline, null);
  assert.ok(arts[0].paragraphs.join(' ').includes('low all year. Boston, May 3.—He said'), JSON.stringify(arts[0].paragraphs));
});

test('an English dateline neither splits its story (a second dispatch) nor makes the undated stories of the page sidebars', () => {
  const page = [
    'FOREST FIRES RAGING.',
    'Plattsburg, N. Y., April 30.—Forest fires in the Adirondacks have',
    'gained great headway to-day and are burning over a wide district.',
    'Watertown, N. Y., April 30.—Newton Falls, the village at the end of',
    'the railroad, is threatened with destruction by a forest fire.',
    '',
    'THE PROBLEM SOLVED.',
    'A straight line is the shortest distance between two points, and the',
    'railroad that runs on it carries the most passengers to the city.',
  ].join('\n');
  const [a, b, ...rest] = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.equal(rest.length, 0);
  assert.equal(a.dateline, 'Plattsburg, N. Y., April 30.—');
  assert.ok(a.paragraphs.some((p) => p.includes('. Watertown, N. Y., April 30.—Newton Falls')), 'the second dispatch stays in its story, dateline and all');
  assert.deepEqual([a.type, b.type, b.headline], ['article', 'article', 'THE PROBLEM SOLVED.']);
});

test('an English paragraph does not break after a title or initials at a line end (said Mr. / Dougherty)', () => {
  const page = enPage(
    'ATLANTA, Ga., Sept. 16.—D. O. Dougherty, a',
    'prominent business man, was found dead early',
    'to-day on the rear porch of his home with a',
    'bullet through his heart. His pistol was at',
    'his side. Members of the family said Mr.',
    'Dougherty arose during the night to look for',
    'someone who had been tampering with his car.',
    'The jury determined Mr.',
    'Dougherty came to his death through the acci',
    'dental discharge of his own weapon, and the',
    'case was closed by the police this evening.',
  );
  const [a] = exportArticles(page, { ...opts, path: 'x.txt' }).articles;
  assert.ok(a.paragraphs[0].includes('the family said Mr. Dougherty arose'));
  assert.ok(a.paragraphs.at(-1)?.startsWith('The jury determined Mr. Dougherty came'), a.paragraphs.at(-1));
});

test('a marker naming several pages is read and linked to the first of them that holds the part', () => {
  const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
  const page1 = read('daily-p1.txt').replace('（下转第二版）', '（下转第2、3版）'); // article 1's
  const export1 = () => exportArticles(page1, { ...opts, path: 'issue/daily-p1.txt' });
  const p1 = export1();
  assert.deepEqual(p1.articles[0].continuation, { to: '第2、3版', marker: '（下转第2、3版）', linkedId: null });
  assert.ok(!p1.articles[0].paragraphs.some((p) => p.includes('下转')));
  // Its jump on page 2, as with （下转第二版）.
  const p2 = exportArticles(read('daily-p2.txt'), { ...opts, path: 'issue/daily-p2.txt' });
  linkContinuations([p1, p2]);
  assert.equal(p1.articles[0].continuation?.linkedId, `issue/daily-p2.txt#${p2.articles[1].id}`);
  assert.equal(p2.articles[1].continuation?.linkedId, `issue/daily-p1.txt#${p1.articles[0].id}`);
  // The page 3 holds it and page 2 none: linked there.
  const q1 = export1();
  const p3 = exportArticles(read('daily-p2.txt'), { ...opts, path: 'issue/daily-p3.txt' });
  linkContinuations([q1, p3]);
  assert.equal(q1.articles[0].continuation?.linkedId, `issue/daily-p3.txt#${p3.articles[1].id}`);
  assert.equal(q1.articles[5].continuation?.linkedId, null, '（下转第二版）: page 3 is not its target');
  for (const d of [p1, p2, q1, p3]) assertValidDocument(d);
});

test('continuations link across form-feed pages of one file, by id', () => {
  const joined = `${readFileSync(path.join(FIXTURES, 'daily-p1.txt'), 'utf8')}\f${readFileSync(path.join(FIXTURES, 'daily-p2.txt'), 'utf8')}`;
  const d: ArticlesDocument = exportArticles(joined, { ...opts, path: 'issue.txt' });
  linkContinuations([d]);
  assert.equal(d.source.pages, 2);
  const p2 = d.articles.filter((a) => a.page === 2);
  assert.equal(p2.length, 2);
  assert.equal(d.articles[0].continuation?.linkedId, p2[1].id);
  assert.equal(p2[1].continuation?.linkedId, 'p1-a1');
  assertValidDocument(d);
});

test('紧转 / 紧接 markers are continuations like 下转 / 上接: at the page foot, mid-page, ending a body line; linked', () => {
  const page1 = ['我市召开春季农业生产工作会议', '', '本报讯 3月5日，我市召开春季农业生产工作', '会议，总结去年农业农村工作，安排部署今年', '春耕生产。副市长刘建国出席会议并讲话。', '会议要求，要抓好种子、化肥、农药等农资', '供应，确保春灌用水。（下转第2版）', '', '全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动，活动持续到4月底，将举办', '读书分享会、图书漂流等活动60余场。', '（紧转第2版）', ''].join('\n');
  const page2 = ['全民阅读活动月正式启动', '（紧接第1版）', '启动仪式上，市图书馆向社区书屋赠送图书', '2000册。市民王女士说：“在家门口就能借到', '新书，很方便。”', '', '我市召开春季农业生产工作会议', '（紧接第1版）', '会议强调，各镇街要压实粮食安全责任，落实', '耕地保护制度，坚决遏制耕地“非农化”。', ''].join('\n');
  const d = exportArticles(`${page1}\f${page2}`, { ...opts, path: 'issue.txt' });
  linkContinuations([d]);
  const read = d.articles.filter((a) => a.page === 1);
  // At the page foot: the story's continuation, no line left out, and linked to page 2's part.
  assert.deepEqual(read[1].continuation, { to: '第2版', marker: '（紧转第2版）', linkedId: 'p2-a1' });
  assert.equal(d.articles.find((a) => a.id === 'p2-a1')?.continuation?.linkedId, read[1].id);
  assert.deepEqual(d.articles.map((a) => a.lines), [[[0, 6]], [[8, 13]], [[14, 18]], [[20, 23]]]);
  // Mid-page: the story's marker, not the next story's kicker.
  const mid = exportArticles(['我市召开春季农业生产工作会议', '', '本报讯 3月5日，我市召开春季农业生产工作', '会议，安排部署今年春耕生产，确保春灌用', '水。', '（紧转第二版）', '', '全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动，活动持续到4月底。', ''].join('\n'), opts).articles;
  assert.deepEqual(mid.map((a) => [a.kicker, a.continuation?.marker ?? null]), [[null, '（紧转第二版）'], [null, null]]);
  // Ending a body line: out of the paragraph.
  const tail = exportArticles(['我市召开春季农业生产工作会议', '', '本报讯 3月5日，我市召开春季农业生产工作', '会议，安排部署今年春耕生产。确保春灌用', '水。（紧转第2版）', ''].join('\n'), opts).articles[0];
  assert.equal(tail.continuation?.marker, '（紧转第2版）');
  assert.ok(tail.paragraphs.at(-1)?.endsWith('确保春灌用水。'));
});

test('a source note (（摘自《光明日报》）) is the sign-off of the story above: not furniture at the page foot, not the next story\'s kicker', () => {
  const story = ['让“书香青川”更浓郁', '', '全民阅读活动月启动了。阅读是一座城市的底', '色，也是一个人成长的阶梯。', '（摘自《光明日报》）'];
  const foot = exportArticles([...story, ''].join('\n'), opts).articles;
  assert.deepEqual(foot.map((a) => [a.signoff, a.lines]), [['（摘自《光明日报》）', [[0, 4]]]]);
  const mid = exportArticles([...story, '', '全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动。（记者 赵六）', ''].join('\n'), opts).articles;
  assert.deepEqual(mid.map((a) => [a.kicker, a.headline, a.signoff]), [[null, '让“书香青川”更浓郁', '（摘自《光明日报》）'], [null, '全民阅读活动月正式启动', '（记者 赵六）']]);
  // Without brackets too (来源：光明日报, 摘自《光明日报》), at the page's foot and mid-page.
  for (const note of ['来源：光明日报', '摘自《光明日报》', '（转自《人民日报》）']) {
    const other = [...story.slice(0, 4), note];
    assert.equal(exportArticles([...other, ''].join('\n'), opts).articles[0].signoff, note, note);
    const two = exportArticles([...other, '', '全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动。（记者 赵六）', ''].join('\n'), opts).articles;
    assert.deepEqual(two.map((a) => [a.kicker, a.signoff]), [[null, note], [null, '（记者 赵六）']], note);
  }
  // Not inside a paragraph: a wrapped line opening 摘自《…》 (r3 #3), or a whole note under a line
  // that ends no sentence. Not under a headline either (r3 #4): there it is the deck, as before.
  for (const cut of [
    ['本报讯 3月5日，市长在启动仪式上引用了一段话，这段话', '摘自《习近平谈治国理政》第三卷的', '一篇讲话，强调阅读的重要意义。活动将持续到4月底。'],
    ['本报讯 3月5日，市长在启动仪式上引用的这段话', '摘自《光明日报》', '今天的评论，强调阅读的重要意义。'],
  ]) {
    const d = exportArticles(['读书月活动启动', '', ...cut, ''].join('\n'), opts);
    assert.deepEqual(d.articles.map((a) => [a.signoff, a.paragraphs.length, a.lines]), [[null, 1, [[0, 4]]]], cut[1]);
    assert.ok(d.articles[0].paragraphs[0].includes(cut[1]), cut[1]);
  }
  const head = exportArticles(['我市春耕生产全面展开', '', '本报讯 3月5日，青川镇农民在田间管理小麦，春耕生产全面展开。', '', '全国春播粮食面积稳中有增', '', '来源：新华社', '', '记者从农业农村部获悉，今年全国春播粮食面积稳中有增，', '春耕备耕进展顺利。', ''].join('\n'), opts);
  assert.deepEqual(head.articles.map((a) => [a.headline, a.subheadlines, a.signoff]), [['我市春耕生产全面展开', [], null], ['全国春播粮食面积稳中有增', ['来源：新华社'], null]]);
  assert.equal(head.diagnostics['unclaimed-text'], undefined);
  assert.equal(head.diagnostics['misplaced-headline'], undefined);
});

test('a wire\'s, another paper\'s or a broadcaster\'s reporter under the headline is the byline, not a deck or text left out', () => {
  for (const [line, role, persons] of [['新华社记者 王五', '新华社记者', ['王五']], ['央视记者 王五', '央视记者', ['王五']], ['人民日报记者 王五 赵六', '人民日报记者', ['王五', '赵六']], ['光明日报记者 王五', '光明日报记者', ['王五']], ['本台记者 王五', '本台记者', ['王五']]] as const) {
    const page = ['我市召开春季农业生产工作会议', '', line, '', '本报讯 3月5日，我市召开春季农业生产工作会议，', '安排部署今年春耕生产。副市长刘建国出席会议。', ''].join('\n');
    const a = exportArticles(page, opts).articles;
    assert.equal(a.length, 1, line);
    assert.deepEqual([a[0].subheadlines, a[0].byline], [[], { raw: line, role, persons }], line);
    assert.deepEqual(a[0].lines, [[0, 5]], line);
  }
});

test('a sign-off cut by a line end (…60余场。（记者 / 赵六）) is the sign-off, out of the paragraph, as on one line', () => {
  const head = ['全民阅读活动月正式启动', '', '本报讯 3月5日，我市2025年全民阅读活动月在', '市图书馆正式启动。活动持续到4月底，将举办'];
  for (const [tail, signoff] of [[['读书分享会、图书漂流等活动60余场。（记者', '赵六）'], '（记者赵六）'], [['读书分享会、图书漂流等活动60余场。（', '记者 赵六）'], '（记者 赵六）'], [['读书分享会、图书漂流等活动60余场。（记者', '', '赵六）'], '（记者赵六）']] as const) {
    const a = exportArticles([...head, ...tail, ''].join('\n'), opts).articles;
    assert.equal(a.length, 1, tail.join('/'));
    assert.equal(a[0].signoff, signoff, tail.join('/'));
    assert.deepEqual(a[0].paragraphs, ['3月5日，我市2025年全民阅读活动月在市图书馆正式启动。活动持续到4月底，将举办读书分享会、图书漂流等活动60余场。'], tail.join('/'));
  }
  // A bracket whose next line holds more than its rest is text: （李明 / 王芳）说…
  const text = exportArticles([...head, '读书分享会等活动60余场。（李明', '王芳）说，活动很受欢迎。', ''].join('\n'), opts).articles[0];
  assert.equal(text.signoff, null);
});

test('a caption of two lines (图为… / …本报记者 王丽 摄, （图为… / 本报记者 王丽 摄）) is left out whole, silently; so is one in brackets on one line', () => {
  const story = ['我市召开春季农业生产工作会议', '', '本报讯 3月5日，我市召开春季农业生产工作', '会议，总结去年农业农村工作，安排部署今年', '春耕生产。副市长刘建国出席会议并讲话。', ''];
  const body = '3月5日，我市召开春季农业生产工作会议，总结去年农业农村工作，安排部署今年春耕生产。副市长刘建国出席会议并讲话。';
  for (const caption of [
    ['图为3月5日，青川镇农民在田间管理小麦，抢', '抓农时开展春耕生产。本报记者 王丽 摄'],
    ['（图为市民在市图书馆阅读。', '本报记者 王丽 摄）'],
    ['图为3月5日，市民在市图书馆阅读，感受书香', '氛围。本报记者 王丽 摄'],
    ['（图为3月5日，市民在市图书馆阅读。本报记者 王丽 摄）'],
    // A blank line between (a double-spaced page's line spacing): its last line ends in a photo credit.
    ['（图为市民在市图书馆阅读。', '', '本报记者 王丽 摄）'],
  ]) {
    const d = exportArticles([...story, ...caption, ''].join('\n'), opts);
    assert.deepEqual(d.articles.map((a) => [a.paragraphs, a.lines]), [[[body], [[0, 4]]]], caption.join('/'));
    assert.deepEqual(d.diagnostics, {}, caption.join('/'));
  }
  // Below a continued-to marker too.
  const c1 = exportArticles([...story.slice(0, 5), '确保春灌用水。（下转第二版）', '', '（图为3月5日，青川镇农民在田间管理小麦。', '本报记者 王丽 摄）', ''].join('\n'), opts).articles;
  assert.deepEqual(c1.map((a) => [a.paragraphs.length, a.continuation?.marker]), [[1, '（下转第二版）']]);
  // A body line opening with a pointer to the photo (（上图）。据介绍…, r3 #2) or, under a line that
  // ends no sentence, with a bracket that runs on: text of its paragraph, not a caption.
  for (const cut of [
    ['本报讯 3月20日，青山公园的樱花进入盛花期，市民', '在花海中拍照留念，尽享春日美好时光', '（上图）。据介绍，今年公园新栽樱花500余株，花期', '预计持续到4月上旬。'],
    ['本报讯 3月20日，青山公园的樱花进入盛花期，市民', '在花海中拍照留念，尽享春日美好时光，不少', '（图为游客在樱花树下合影留念的场景，照片', '由市民提供）。据介绍，今年公园新栽樱花500余株。'],
  ]) {
    const d = exportArticles(['公园迎来赏花高峰', '', ...cut, ''].join('\n'), opts);
    assert.deepEqual(d.articles.map((a) => [a.paragraphs.length, a.lines]), [[1, [[0, 5]]]], cut[2]);
    assert.ok(d.articles[0].paragraphs[0].includes(cut[2]), cut[2]);
  }
  // A caption line with no credit or closing bracket below it: the lines below stay as they read.
  const open = exportArticles([...story, '图为3月5日，青川镇农民在田间管理小麦，抢', '抓农时开展春耕生产。', ''].join('\n'), opts);
  assert.deepEqual(open.articles.map((a) => a.paragraphs), [[body, '抓农时开展春耕生产。']]);
});

test('本报评论员 over, under or after a commentary is its author (byline, or sign-off at its end), not a label: the commentary is an article, not a sidebar', () => {
  const story = ['我市召开春季农业生产工作会议', '', '本报记者 张三', '', '本报讯 3月5日，我市召开春季农业生产工作', '会议，安排部署今年春耕生产。', ''];
  const headline = '以实干担当书写发展新篇';
  const body = ['春回大地，万物勃发。全国两会的召开，为我', '们做好今年各项工作指明了方向。'];
  const byline = { raw: '本报评论员', role: '本报评论员', persons: [] };
  const pick = (a: ArticlesDocument['articles'][number]) => [a.type, a.headline, a.byline, a.signoff, a.paragraphs.length];
  // Over the headline, below another story.
  const over = exportArticles([...story, '本报评论员', '', headline, '', ...body, ''].join('\n'), opts).articles;
  assert.deepEqual(over.map(pick), [['article', '我市召开春季农业生产工作会议', { raw: '本报记者 张三', role: '本报记者', persons: ['张三'] }, null, 1], ['article', headline, byline, null, 1]]);
  // Under the headline.
  const under = exportArticles([headline, '', '本报评论员', '', ...body, ''].join('\n'), opts).articles;
  assert.deepEqual(under.map(pick), [['article', headline, byline, null, 1]]);
  // After the commentary, at the page's end: its sign-off, on a page whose stories have bylines.
  const after = exportArticles([...story, headline, '', ...body, '', '本报评论员', ''].join('\n'), opts).articles;
  assert.deepEqual(after.map(pick).at(-1), ['article', headline, null, '本报评论员', 1]);
  assert.deepEqual(after.at(-1)?.lines, [[7, 12]]);
});

test('JSON Lines: one valid record per article', () => {
  const lines = serializeLines([doc]).trimEnd().split('\n');
  assert.equal(lines.length, 6);
  for (const l of lines) assertValidLine(JSON.parse(l));
});

test('sourcePath: relative to the root inside it (a folder may be named "..2023"), absolute outside', () => {
  const root = path.resolve('/srv/archive');
  assert.equal(sourcePath(path.join(root, '1923', 'p1.txt'), root), '1923/p1.txt');
  assert.equal(sourcePath(path.join(root, '..2023', 'p1.txt'), root), '..2023/p1.txt');
  assert.equal(sourcePath(path.join(root, '..', 'other', 'p1.txt'), root), path.resolve('/srv/other/p1.txt').split(path.sep).join('/'));
  assert.equal(sourcePath(root, root), root.split(path.sep).join('/'));
});

/** A story over three pages: page 1's part, page 2's middle part (both markers), page 3's end. */
const CHAIN = [
  ['全市夏粮喜获丰收', '', '本报讯 今年全市夏粮播种面积稳中有增，单产再创新高，总产量达到历史最好水平。各地抓住有利', '天气抢收抢晒，确保颗粒归仓，收获进度明显快于往年。（下转第二版）'],
  ['夏粮丰收', '', '（上接第一版）农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十', '二个，日烘干能力大幅提升，粮食收购工作同步展开，价格保持稳定。（下转第三版）'],
  ['夏粮丰收', '', '（上接第二版）下一步，全市将继续做好秋粮生产各项工作，为全年粮食丰收打下坚实基础。各级', '农业部门要压实责任，确保各项措施落到实处。'],
].map((lines) => `${lines.join('\n')}\n`);

test('a story over three pages: the middle part exports both markers (continuedTo), valid against the schema, and links both ways', () => {
  // One file, a page per form feed.
  const one = exportArticles(CHAIN.join('\f'), { ...opts, path: 'issue.txt' });
  assert.deepEqual(
    one.articles.map((a) => [a.id, a.continuation, a.continuedTo]),
    [
      ['p1-a1', { to: '第二版', marker: '（下转第二版）', linkedId: null }, undefined],
      ['p2-a1', { from: '第一版', marker: '（上接第一版）', linkedId: null }, { to: '第三版', marker: '（下转第三版）', linkedId: null }],
      ['p3-a1', { from: '第二版', marker: '（上接第二版）', linkedId: null }, undefined],
    ],
  );
  // Neither marker is paragraph text; continuedTo comes right after continuation (the schema's order).
  assert.deepEqual(one.articles[1].paragraphs, ['农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力大幅提升，粮食收购工作同步展开，价格保持稳定。']);
  assert.deepEqual(Object.keys(one.articles[1]).slice(12, 15), ['continuation', 'continuedTo', 'lines']);
  // An article with one marker or none has no continuedTo key at all (its JSON is as before).
  assert.ok(!('continuedTo' in one.articles[0]) && !('continuedTo' in one.articles[2]));
  linkContinuations([one]);
  assertChainLinked(one);
  assertValidDocument(one);
  for (const l of serializeLines([one]).trimEnd().split('\n')) assertValidLine(JSON.parse(l));
  // Three files of one issue.
  const docs = CHAIN.map((t, k) => exportArticles(t, { ...opts, path: `issue/p${k + 1}.txt` }));
  linkContinuations(docs);
  const [p1, p2, p3] = docs.map((d) => d.articles[0]);
  assert.deepEqual(
    [p1.continuation?.linkedId, p2.continuation?.linkedId, p2.continuedTo?.linkedId, p3.continuation?.linkedId],
    ['issue/p2.txt#p1-a1', 'issue/p1.txt#p1-a1', 'issue/p3.txt#p1-a1', 'issue/p2.txt#p1-a1'],
  );
  for (const d of docs) assertValidDocument(d);
});

test('the schema: continuedTo is a continued-to marker, only beside a continued-from continuation', () => {
  const one = exportArticles(CHAIN.join('\f'), { ...opts, path: 'issue.txt' });
  const middle = one.articles[1];
  const withArticle = (a: object) => ({ ...one, articles: [a] });
  assert.doesNotThrow(() => assertValidDocument(withArticle(middle)));
  assert.throws(() => assertValidDocument(withArticle({ ...middle, continuedTo: { from: '第三版', marker: '', linkedId: null } })));
  assert.throws(() => assertValidDocument(withArticle({ ...middle, continuedTo: null })));
  assert.throws(() => assertValidDocument(withArticle({ ...middle, continuation: { to: '第二版', marker: '', linkedId: null } })));
  assert.throws(() => assertValidDocument(withArticle({ ...middle, continuation: null })));
});

/** Body lines of a part (more than one line's worth, so that the part reads as a story). */
const GRAIN = [
  '农技人员深入田间地头，指导农户科学储粮，减少产后损失。全市新建烘干中心十二个，日烘干能力',
  '大幅提升，有效解决了晾晒难题。粮食收购工作同步展开，各收储企业敞开收购，价格保持稳定。',
  '下一步，全市将继续做好秋粮生产各项工作，为全年粮食丰收打下坚实基础。各级农业部门要压实责任，',
  '确保各项措施落到实处。',
];

test('a part with a second marker of one direction: no marker in its paragraphs, the second in moreContinuations, valid against the schema', () => {
  const B = GRAIN;
  type C = { to?: string; from?: string; marker: string; linkedId: null };
  const to = (page: string, marker: string): C => ({ to: page, marker, linkedId: null });
  const from = (page: string, marker: string): C => ({ from: page, marker, linkedId: null });
  // name, lines, the second marker (the paragraphs read as without it), [continuation, continuedTo, moreContinuations]
  const cases: [string, string[], string, [C, C | undefined, C[]]][] = [
    ['two continued-to markers ending two lines', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], '（转第三版）', [to('第二版', '（下转第二版）'), undefined, [to('第三版', '（转第三版）')]]],
    ['two continued-to markers at the end of one line', ['夏粮丰收', '', B[0], `${B[1]}（下转第二版）（转第三版）`], '（转第三版）', [to('第二版', '（下转第二版）'), undefined, [to('第三版', '（转第三版）')]]],
    ['a line of two continued-to markers', ['夏粮丰收', '', B[0], B[1], '', '（下转第二版） （转第三版）'], ' （转第三版）', [to('第二版', '（下转第二版）'), undefined, [to('第三版', '（转第三版）')]]],
    ['a middle part with two continued-to markers', ['夏粮丰收', '', `（上接第一版）${B[0]}`, `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`], '（转第三版）', [from('第一版', '（上接第一版）'), to('第二版', '（下转第二版）'), [to('第三版', '（转第三版）')]]],
    ['continued-from markers at both ends of a line', ['夏粮丰收', '', `（上接第一版）${B[0]}（上接第二版）`, B[1]], '（上接第二版）', [from('第一版', '（上接第一版）'), undefined, [from('第二版', '（上接第二版）')]]],
  ];
  for (const [name, lines, second, [cont, next, more]] of cases) {
    const d = exportArticles(`${lines.join('\n')}\n`, { ...opts, path: 'p2.txt' });
    assertValidDocument(d);
    for (const l of serializeLines([d]).trimEnd().split('\n')) assertValidLine(JSON.parse(l));
    const a = d.articles.find((x) => x.continuation)!;
    assert.deepEqual([a.continuation, a.continuedTo, a.moreContinuations], [cont, next, more], name);
    assert.ok(!d.articles.some((x) => x.paragraphs.some((p) => /[（）]/.test(p))), `${name}: ${JSON.stringify(d.articles.map((x) => x.paragraphs))}`);
    const without = exportArticles(`${lines.map((l) => l.replace(second, '')).join('\n')}\n`, { ...opts, path: 'p2.txt' });
    assert.deepEqual(d.articles.map((x) => x.paragraphs), without.articles.map((x) => x.paragraphs), name);
    // Right after continuedTo (or continuation): the schema's key order; absent where no part has one.
    const keys = Object.keys(a);
    assert.equal(keys[keys.indexOf('moreContinuations') - 1], a.continuedTo ? 'continuedTo' : 'continuation', name);
    assert.ok(without.articles.every((x) => !('moreContinuations' in x)), name);
  }
  // The schema: each one a continuation of either direction; never empty, never null.
  const d = exportArticles(`${cases[0][1].join('\n')}\n`, { ...opts, path: 'p2.txt' });
  const withArticle = (a: object) => ({ ...d, articles: [a] });
  assert.doesNotThrow(() => assertValidDocument(withArticle({ ...d.articles[0], moreContinuations: [from('第一版', ''), to('第三版', '')] })));
  assert.throws(() => assertValidDocument(withArticle({ ...d.articles[0], moreContinuations: [] })));
  assert.throws(() => assertValidDocument(withArticle({ ...d.articles[0], moreContinuations: null })));
  assert.throws(() => assertValidDocument(withArticle({ ...d.articles[0], moreContinuations: [{ marker: '', linkedId: null }] })));
});

test('each further marker links to the part on the page it names, both ways, within a file and across the files of an issue', () => {
  const B = GRAIN;
  const page = (lines: string[]) => `${lines.join('\n')}\n`;
  // Page 1 names pages 2 and 3; each of them is continued from page 1.
  const two = [page(['全市夏粮喜获丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`]), page(['夏粮丰收', '', `（上接第一版）${B[0]}`, B[1]]), page(['夏粮丰收', '', `（上接第一版）${B[2]}`, B[3]])];
  // Page 3's part is continued from pages 1 and 2 (markers at both ends of its first line).
  const both = [page(['全市夏粮喜获丰收', '', B[0], `${B[1]}（下转第三版）`]), page(['秋粮长势良好', '', B[2], `${B[3]}（下转第三版）`]), page(['夏粮丰收', '', `（上接第一版）${B[0]}（上接第二版）`, B[1]])];
  const ids = (docs: ArticlesDocument[]) => docs.map((d) => d.articles.map((a) => [a.continuation?.linkedId, ...(a.moreContinuations ?? []).map((x) => x.linkedId)]));
  const one = (pages: string[]) => {
    const d = exportArticles(pages.join('\f'), { ...opts, path: 'issue.txt' });
    linkContinuations([d]);
    return [d];
  };
  const files = (pages: string[]) => {
    const docs = pages.map((t, k) => exportArticles(t, { ...opts, path: `issue/p${k + 1}.txt` }));
    linkContinuations(docs);
    return docs;
  };
  assert.deepEqual(ids(one(two)), [[['p2-a1', 'p3-a1'], ['p1-a1'], ['p1-a1']]]);
  assert.deepEqual(ids(files(two)), [[['issue/p2.txt#p1-a1', 'issue/p3.txt#p1-a1']], [['issue/p1.txt#p1-a1']], [['issue/p1.txt#p1-a1']]]);
  assert.deepEqual(ids(one(both)), [[['p3-a1'], ['p3-a1'], ['p1-a1', 'p2-a1']]]);
  assert.deepEqual(ids(files(both)), [[['issue/p3.txt#p1-a1']], [['issue/p3.txt#p1-a1']], [['issue/p1.txt#p1-a1', 'issue/p2.txt#p1-a1']]]);
});

test('a batch job patches the links of further markers too, in the order they are written (JSON and JSON Lines)', () => {
  // Page 1 names pages 2 and 3; page 3's part is continued from pages 1 and 2.
  const B = GRAIN;
  const pages = [
    ['全市夏粮喜获丰收', '', B[0], `${B[1]}（下转第二版）`, B[2], `${B[3]}（转第三版）`],
    ['夏粮丰收', '', `（上接第一版）${B[0]}`, `${B[1]}（下转第三版）`],
    ['夏粮丰收', '', `（上接第一版）${B[2]}（上接第二版）`, B[3]],
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'newsprint-more-'));
  try {
    mkdirSync(path.join(dir, 'issue'));
    const files = pages.map((lines, k) => {
      const f = path.join(dir, 'issue', `p${k + 1}.txt`);
      writeFileSync(f, `${lines.join('\n')}\n`);
      return f;
    });
    const fileOpts = { rules: {}, locale: 'C', root: dir, version: '0.1.0' };
    const docs = files.map((f) => exportFile(f, fileOpts).doc);
    linkContinuations(docs);
    assert.deepEqual(
      docs.map((d) => d.articles.map((a) => [a.continuation?.linkedId, a.continuedTo?.linkedId, ...(a.moreContinuations ?? []).map((c) => c.linkedId)])),
      [[['issue/p2.txt#p1-a1', undefined, 'issue/p3.txt#p1-a1']], [['issue/p1.txt#p1-a1', 'issue/p3.txt#p1-a1']], [['issue/p1.txt#p1-a1', undefined, 'issue/p2.txt#p1-a1']]],
    );
    for (const format of ['json', 'jsonl'] as const) {
      const job = new ExportJob();
      const replies = files.map((file, index) => job.export({ index, file, opts: fileOpts, format, keep: false }));
      const links = replies.map((r) => (r.ok ? r.link! : assert.fail(r.detail)));
      linkContinuations(links);
      const got = replies.map((r, k) => patchLinks((r.ok && r.text) || '', linkedIdsOf(links[k]), format));
      assert.deepEqual(got, docs.map((d) => (format === 'json' ? serializeDocument(d) : serializeLines([d]))), format);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('paragraphs break where the page says: blank lines between whole-paragraph lines, or between column paragraphs, but not in the blank-line-after-every-line layout', () => {
  const paragraphsOf = (text: string) => exportArticles(text, opts).articles.map((a) => a.paragraphs);
  const table: { name: string; text: string; want: string[][] }[] = [
    {
      // The reviewer's page: each paragraph on one line of its own width, blank lines between.
      name: 'whole-paragraph lines, blank lines between',
      text: '全县秋粮收购工作会议召开\n\n本报讯 9月3日，全县秋粮收购工作会议召开。\n\n会议指出，今年全县秋粮播种面积稳中有增，丰收已成定局，各乡镇要把秋粮收购作为当前一项重要任务来抓。\n\n会议要求，要严格执行国家粮食收购政策。\n',
      want: [['9月3日，全县秋粮收购工作会议召开。', '会议指出，今年全县秋粮播种面积稳中有增，丰收已成定局，各乡镇要把秋粮收购作为当前一项重要任务来抓。', '会议要求，要严格执行国家粮食收购政策。']],
    },
    {
      // Column lines, no blank line inside a paragraph: the blank line is the only break (the
      // first paragraph's last line is full, so "short line" cannot tell).
      name: 'column paragraphs, a blank line between',
      text: '全县秋粮收购工作会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，安排部署今年秋粮收购工\n作，副县长李四出席会议并讲话表态。\n\n会议要求，要严格执行国家粮食收购\n政策，坚决守住农民种粮卖得出的底\n线，确保秋粮收购工作平稳有序开展。\n',
      want: [['9月3日，全县秋粮收购工作会议召开，安排部署今年秋粮收购工作，副县长李四出席会议并讲话表态。', '会议要求，要严格执行国家粮食收购政策，坚决守住农民种粮卖得出的底线，确保秋粮收购工作平稳有序开展。']],
    },
    {
      // pdftotext's blank line after every line: blank lines say nothing.
      name: 'a blank line after every line',
      text: '全县秋粮收购工作会议召开\n\n本报讯 9月3日，全县秋粮收购工作\n\n会议召开，安排部署今年秋粮收购工\n\n作，副县长李四出席会议并讲话表态。\n\n会议要求，要严格执行国家粮食收购\n\n政策，坚决守住农民种粮卖得出的底\n\n线，确保秋粮收购工作平稳有序开展。\n',
      want: [['9月3日，全县秋粮收购工作会议召开，安排部署今年秋粮收购工作，副县长李四出席会议并讲话表态。会议要求，要严格执行国家粮食收购政策，坚决守住农民种粮卖得出的底线，确保秋粮收购工作平稳有序开展。']],
    },
  ];
  for (const c of table) assert.deepEqual(paragraphsOf(c.text), c.want, c.name);
});

test('the export and the hard-wrap fix make the same paragraphs: exporting the fixed page changes nothing', () => {
  const exported = (text: string) => exportArticles(text, opts).articles.map((a) => [a.id, a.headline, a.paragraphs, a.editorsNote]);
  // (The noisy English scans are left out: a joined paragraph there can change what the detection
  // takes for a heading, which is not about paragraphs.)
  for (const file of [path.join(SAMPLES_DIR, 'zh-daily-p1.txt'), path.join(FIXTURES, 'daily-p1.txt'), path.join(FIXTURES, 'daily-p2.txt'), path.resolve(__dirname, '../fixtures/pages/zh-ordered.txt'), path.resolve(__dirname, '../fixtures/pages/en-short.txt')]) {
    const text = readFileSync(file, 'utf8');
    const name = path.basename(file);
    const hw = analyze(text).findings.filter((f) => f.rule === 'hard-wrap');
    assert.deepEqual(exported(applyEdits(text, hw.flatMap((f) => f.fix!.edits))), exported(text), name);
  }
});

test('a continuation marker cut by a line end (（下转第 / 二版）) is one marker, out of the paragraphs, and no line is left out', () => {
  const head = '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作\n会议召开，副县长李四出席会议并\n';
  const table: { name: string; text: string; marker: string; to?: string; from?: string; last: string }[] = [
    { name: 'to, cut after 第', text: `${head}讲话，要求守住底线。（下转第\n二版）\n`, marker: '（下转第二版）', to: '第二版', last: '会议召开，副县长李四出席会议并讲话，要求守住底线。' },
    { name: 'to, cut after the verb', text: `${head}讲话，要求守住底线。（转\n第2版）\n`, marker: '（转第2版）', to: '第2版', last: '会议召开，副县长李四出席会议并讲话，要求守住底线。' },
    { name: 'to, cut before the closing bracket', text: `${head}讲话，要求守住底线。（下转第二版\n）\n`, marker: '（下转第二版）', to: '第二版', last: '会议召开，副县长李四出席会议并讲话，要求守住底线。' },
    {
      name: 'to, a blank line after every line',
      text: '秋粮收购会议召开\n\n□记者 张三 报道\n\n本报讯 9月3日，全县秋粮收购工作\n\n会议召开，安排部署今年秋粮收购\n\n工作。副县长李四出席会议并讲话\n\n，要求各地守住底线。（下转第\n\n二版）\n',
      marker: '（下转第二版）',
      to: '第二版',
      last: '要求各地守住底线。',
    },
    { name: 'from, the opening a line of its own', text: '秋粮收购\n（上接第\n一版）会议要求，要严格执行国家粮食收购政策，坚决守住底线。\n', marker: '（上接第一版）', from: '第一版', last: '会议要求，要严格执行国家粮食收购政策，坚决守住底线。' },    // Cut between the opening bracket and the verb (the rest reads as a marker alone), or inside the verb.
    { name: 'to, cut after the opening bracket', text: `${head}讲话，要求促进经济发展（\n下转第二版）\n`, marker: '（下转第二版）', to: '第二版', last: '会议召开，副县长李四出席会议并讲话，要求促进经济发展' },
    { name: 'to, cut inside the verb', text: `${head}讲话，要求守住底线。（下\n转第二版）\n`, marker: '（下转第二版）', to: '第二版', last: '会议召开，副县长李四出席会议并讲话，要求守住底线。' },
    { name: 'from, cut after the opening bracket', text: '秋粮收购\n（\n上接第一版）会议要求，要严格执行国家粮食收购政策，坚决守住底线。\n', marker: '（上接第一版）', from: '第一版', last: '会议要求，要严格执行国家粮食收购政策，坚决守住底线。' },
  ];
  for (const c of table) {
    const d = exportArticles(c.text, opts);
    assert.equal(d.articles.length, 1, c.name);
    const a = d.articles[0];
    assert.deepEqual(a.continuation, { ...(c.to ? { to: c.to } : { from: c.from }), marker: c.marker, linkedId: null }, c.name);
    assert.equal(a.paragraphs.join('').includes('（'), false, c.name);
    assert.ok(a.paragraphs.join('').endsWith(c.last.slice(-8)), `${c.name}: ${a.paragraphs.join('|')}`);
    // Every text line is the article's.
    const rows = c.text.split('\n').flatMap((l, r) => (l.trim() ? [r] : []));
    for (const r of rows) assert.ok(a.lines.some(([x, y]) => x <= r && r <= y), `${c.name}: row ${r} in no article`);
  }
});

test('a line ending like a marker’s opening whose next line does not close it stays text', () => {
  const table = [
    '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作会议召开，要求守住底线（转\n变作风）是关键所在，各乡镇要抓好落实。\n',
    '秋粮收购会议召开\n本报讯 9月3日，全县秋粮收购工作会议召开，要求守住底线。（下转第\n\n%% body\n二版）\n',
  ];
  for (const t of table) {
    const d = exportArticles(t, opts);
    assert.equal(d.articles.flatMap((a) => (a.continuation ? [a.continuation] : [])).length, 0, t);
  }
});

test('reporters in a dateline\'s brackets stay in the dateline when the article has a byline line (one line, or wrapping)', () => {
  const head = '市政府召开常务会议\n\n□本报记者 张三\n\n';
  const body = '昨天上午，市政府召开常务会议，研究部署下一阶段经济工作，强调要推动经济运行持续回升向好。\n';
  for (const [name, dateline, printed] of [
    ['one line', '本报讯（通讯员 赵六）', '本报讯（通讯员 赵六）'],
    ['wrapping', '本报讯（通讯员 王五 赵\n六）', '本报讯（通讯员 王五 赵六）'],
  ]) {
    const a = exportArticles(head + dateline + body, opts).articles[0];
    assert.equal(a.byline?.raw, '□本报记者 张三', name);
    assert.equal(a.dateline, printed, name);
    assert.ok(a.paragraphs[0].startsWith('昨天上午'), name);
  }
});

test('reporters named in the lead after the dateline (本报讯 记者张三 通讯员李四 报道：…) are the byline, out of the paragraph', () => {
  const page = (lead: string) => ['我市召开春季农业生产工作会议', '', lead, '春季农业生产工作会议，安排部署今年春耕生产。', ''].join('\n');
  const a = exportArticles(page('本报讯 记者张三 通讯员李四 报道：3月5日，我市召开'), opts).articles[0];
  assert.deepEqual([a.dateline, a.byline, a.paragraphs], ['本报讯', { raw: '记者张三 通讯员李四 报道', role: '记者', persons: ['张三', '李四'] }, ['3月5日，我市召开春季农业生产工作会议，安排部署今年春耕生产。']]);
  const b = exportArticles(page('本报北京3月5日电  记者张三报道：3月5日，我市召开'), opts).articles[0];
  assert.deepEqual([b.dateline, b.byline?.persons, b.paragraphs[0].slice(0, 5)], ['本报北京3月5日电', ['张三'], '3月5日，']);
  // With a byline line, they stay in the dateline as printed.
  const c = exportArticles(page('本报讯 记者张三 报道：3月5日，我市召开').replace('\n\n本报讯', '\n\n□本报记者 张三\n\n本报讯'), opts).articles[0];
  assert.deepEqual([c.byline?.raw, c.dateline], ['□本报记者 张三', '本报讯 记者张三 报道：']);
});

test('a line ending or starting with an astral CJK glyph (𠮷) joins as a BMP one does, in a short article with no column', () => {
  for (const g of ['吉', '𠮷']) {
    const src = `社区表彰先进个人\n\n本报讯 昨天上午，社区服务中心举行表彰大会，退休教师王${g}\n先生获得了“优秀志愿者”称号。\n他表示，将继续发挥余热，为邻里服务，为社区建设贡献力量，\n做一名合格的志愿者。\n`;
    const a = exportArticles(src, opts).articles[0];
    assert.equal(a.paragraphs[0], `昨天上午，社区服务中心举行表彰大会，退休教师王${g}先生获得了“优秀志愿者”称号。`, g);
    const starts = `社区表彰先进个人\n\n本报讯 昨天上午，社区服务中心举行表彰大会，退休教师王\n${g}先生获得了“优秀志愿者”称号。\n`;
    assert.equal(exportArticles(starts, opts).articles[0].paragraphs[0], `昨天上午，社区服务中心举行表彰大会，退休教师王${g}先生获得了“优秀志愿者”称号。`, `${g} opening a line`);
  }
});
