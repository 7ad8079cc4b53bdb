import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hyphenEvidence, hyphenEvidenceIn, isCjkParagraph, joinLines, joinPair, modeOfSorted } from '../../server/src/core/paragraphs';
import { flowContext, flowLines, joinEditInto, joinPiece, joinPieces, type FlowContext } from '../../server/src/core/reflow';
import { EDIT_FIELDS, INSERTED } from '../../server/src/core/editRows';
import { analyzeArticles } from '../../server/src/core/articles/detect';
import { cleaner } from '../../server/src/core/clean';
import { lintDump } from '../../server/src/core/lint';
import { en } from '../../server/src/core/messages';
import { parse } from '../../server/src/core/parse';
import { exportArticles } from '../../server/src/core/export';
import fc from '../helpers/fc';
import { SAMPLES_DIR } from '../helpers/rules';
import { readFileSync } from 'node:fs';
import { endsSentence } from '../../server/src/core/chars';
import * as path from 'node:path';

test('column width: the upper edge of the densest two-cell band of widths, ties to the wider', () => {
  // The reflow's column estimate of a run of three lines or more (see paragraphBounds).
  const mode = (widths: number[]) => modeOfSorted(Int32Array.from(widths).sort(), widths.length);
  assert.equal(mode([28, 28, 28, 26, 12, 28, 27]), 28);
  assert.equal(mode([26, 26, 26, 28, 28, 24]), 28, 'a glyph of punctuation squeeze either way is one column');
  assert.equal(mode([26, 26, 26, 26, 30]), 26);
});

test('CJK lines join without a space; Latin lines with one', () => {
  assert.equal(joinLines(['顺势而为，胶州跨境电商开辟', '国际贸易新路径；']), '顺势而为，胶州跨境电商开辟国际贸易新路径；');
  assert.equal(joinLines(['The general tieup of craft', 'has been threatened']), 'The general tieup of craft has been threatened');
  assert.equal(joinPair('在青岛市上半', 'TIR 卡车'), '在青岛市上半TIR 卡车');
});

test('a number, a web address or an e-mail cut at a line end joins without a space; sentences keep theirs', () => {
  const table: [string, string, string][] = [
    ['新冠病毒（COVID-', '19）疫苗', '新冠病毒（COVID-19）疫苗'],
    ['致电0532-', '88886666', '致电0532-88886666'],
    ['登录http://www.jiaozhou.gov.cn/xw/', '2022/10/10.htm', '登录http://www.jiaozhou.gov.cn/xw/2022/10/10.htm'],
    ['发邮件至abc@', 'qq.com', '发邮件至abc@qq.com'],
    ['网址：www.', 'jiaozhou.gov.cn', '网址：www.jiaozhou.gov.cn'],
    ['see https://example.org/a-', 'b/c', 'see https://example.org/a-b/c'],
    ['in 1902-', '1903 the', 'in 1902-1903 the'],
    ['the end.', 'Then it', 'the end. Then it'],
    ['as follows:', 'first', 'as follows: first'],
  ];
  for (const [l, r, joined] of table) {
    assert.equal(joinPair(l, r), joined, `${l} + ${r}`);
    assert.equal(joinLines([l, r]), joined, `${l} + ${r} (joined in a Joiner)`);
  }
});

test('hyphens at a line end: broken words rejoin, real hyphens stay', () => {
  assert.equal(joinPair('the infor-', 'mation was'), 'the information was');
  assert.equal(joinPair('a well-', 'known man'), 'a well-known man', 'common compounding prefix');
  assert.equal(joinPair('the New-', 'York Central'), 'the New-York Central', 'capitalised continuation');
  const ev = hyphenEvidence(['an old-fashioned tug', 'some information here']);
  assert.equal(joinPair('an old-', 'fashioned boat', ev), 'an old-fashioned boat', 'the page has the compound');
  assert.equal(joinPair('the infor-', 'mation', ev), 'the information', 'the page has the joined word');
  assert.equal(joinPair('railroad offi-', 'cials', ev), 'railroad officials', 'default: a broken word');
  assert.equal(joinPair('costs - ', 'about', ev), 'costs - about', 'a spaced dash is not a hyphenation');
  assert.equal(joinPair('his mother-', 'in-law came', ev), 'his mother-in-law came', 'a compound going on');
  assert.equal(joinPair('an X-', 'ray of', ev), 'an X-ray of', 'a one-letter prefix');
  assert.equal(joinPair('conver\u00AD', 'sation'), 'conversation', 'a soft hyphen goes with the break');
  assert.equal(joinPair('twenty\u2010', 'five'), 'twenty\u2010five', 'U+2010 is a hyphen no break made');
});

/**
 * The reflow's paragraphs of body lines `body` (the outline's flowLines, whose bounds the export,
 * the rewrite and the hard-wrap rule share): a page of `headline`, a blank line and the lines.
 * Returns each paragraph's line indices (into `body`) and text. Blank lines and `%%` annotations
 * in `body` are between lines, not of them.
 */
function reflowed(body: readonly string[], headline = '跨境电商成为外贸增长新引擎'): { lines: number[]; text: string }[] {
  const dump = parse([headline, '', ...body].join('\n'));
  const [p] = analyzeArticles(dump, en);
  const ctx = flowContext(dump, p, cleaner(dump, lintDump(dump)));
  const lines = body.flatMap((t, i) => (t.trim() && !t.startsWith('%%') ? [i + 2] : []));
  return flowLines(ctx, lines, []).map((x) => ({ lines: x.pieces.map((q) => q.line - 2), text: x.text }));
}

test('a paragraph ends at sentence-final punctuation on a noticeably short line, or before an indented one', () => {
  const texts = [
    '顺势而为，胶州跨境电商开辟', // 26 cells: indented first line
    '国际贸易新路径；乘势而上，上合', // 30
    '扬帆远航开拓国际市场新蓝海。', // 28: full, ends a sentence…
    '市商务局数据显示，今年上半', // 26: …and this one is not short enough to be an indent (≥ 26)
    '年我市跨境电商持续保持高位增', // 28
    '长，上半年全市跨境电商贸易。', // 28: full and final, but the next line is full → no break
    '估中列青岛十区市第一位我市跨', // 28
    '电商呈现出蓬勃兴起之势。', // 24: short and final → break
    '我市传统制造业从最初', // 20: indented start…
    '代加工模式为主逐步探索出产业', // 28
    '带加跨境电商的新道路随着市场', // 28
    '添新动能。”', // a closing quote after 。 still ends it
  ];
  const paras = reflowed(texts);
  assert.deepEqual(paras.map((p) => p.lines), [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11]]);
  assert.equal(paras[1].text, '我市传统制造业从最初代加工模式为主逐步探索出产业带加跨境电商的新道路随着市场添新动能。”');
  // The export of the page (its article's paragraphs) says the same.
  const doc = exportArticles(['跨境电商成为外贸增长新引擎', '', ...texts].join('\n'), { path: 'x.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
  assert.deepEqual(doc.articles.map((a) => a.paragraphs), [paras.map((p) => p.text)]);
  const indented = ['甲乙丙丁戊己庚辛壬癸甲乙丙丁', '甲乙丙丁戊己庚辛壬癸甲乙丙。', '甲乙丙丁戊己庚辛壬癸甲乙', '甲乙丙丁戊己庚辛壬癸甲乙丙丁', '甲乙丙丁戊己庚辛壬癸甲乙丙丁'];
  assert.deepEqual(reflowed(indented).map((p) => p.lines), [[0, 1], [2, 3, 4]], 'a full final line before an indented one');
});

test('a title or an initial at a short line\'s end (Mr., Dr., D. O.) ends no paragraph; a state\'s initials after a comma may', () => {
  const texts = [
    'Members of the family said that Mr.', // short, but a title: Mr. / Dougherty
    'Dougherty arose during the night to look for',
    'someone who had been tampering with his car,',
    'and Dr. S. G.', // initials: Dr. S. G. / Paul
    'Paul was called to the house at once by the',
    'family, who came from Syracuse, N. Y.', // a state after a comma: a sentence's end
    'The coroner held an inquest in the morning.',
  ];
  const paras = reflowed(texts, 'DEATH OF A MERCHANT');
  assert.deepEqual(paras.map((p) => p.lines), [[0, 1, 2, 3, 4, 5], [6]]);
  assert.ok(paras[0].text.includes('said that Mr. Dougherty arose') && paras[0].text.includes('and Dr. S. G. Paul was'));
  const doc = exportArticles(['DEATH OF A MERCHANT', '', ...texts].join('\n'), { path: 'x.txt', sha256: 'a'.repeat(64), version: '0.1.0' });
  assert.deepEqual(doc.articles.map((a) => a.paragraphs), [paras.map((p) => p.text)]);
  for (const [t, want] of [
    ['The jury determined Mr.', false],
    ['Mrs.', false],
    ['Sept. 16. C. W.', false],
    ['in Washington, D. C.', true],
    ['the returns showed.', true],
    ['said John Smith, Jr.', true],
  ] as const)
    assert.equal(endsSentence(t), want, t);
});

test('a blank line or an annotation between two body lines starts a new paragraph', () => {
  const line = '甲乙丙丁戊己庚辛壬癸甲乙';
  assert.deepEqual(reflowed([line, line, line]).map((p) => p.lines), [[0, 1, 2]], 'no break: one paragraph');
  assert.deepEqual(reflowed([line, line, '', line]).map((p) => p.lines), [[0, 1], [3]], 'a blank line on a page that is not double-spaced');
  assert.deepEqual(reflowed([line, line, '%% a note', line]).map((p) => p.lines), [[0, 1], [3]], 'an annotation');
});

// ---- the paragraph's script, the marks both scripts share, guessed joins, hyphens (review r1) ----

/** The lines of a CJK paragraph that wraps inside a number, a phone number and a Latin word. */
const CJK_NUMBERS = ['今年以来，全县累计完成固定资产投资总额达到了12', '3456万元，同比增长百分之十五，咨询电话为138', '00138000，欢迎广大市民朋友们踊跃参与Micro', 'soft公司组织的各类培训活动，共同推动发展。'];

test('a CJK paragraph wraps anywhere: a number cut after a mark joins without a space; two digits at the seam keep one (review s23 r1 #3)', () => {
  // Micro / soft joins only with the page's evidence (see the Latin words' test below).
  const ev = hyphenEvidence([...CJK_NUMBERS, '微软（Microsoft）公司']);
  assert.equal(joinLines(CJK_NUMBERS, ev), '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，咨询电话为138 00138000，欢迎广大市民朋友们踊跃参与Microsoft公司组织的各类培训活动，共同推动发展。');
  assert.equal(joinLines(CJK_NUMBERS), '今年以来，全县累计完成固定资产投资总额达到了12 3456万元，同比增长百分之十五，咨询电话为138 00138000，欢迎广大市民朋友们踊跃参与Micro soft公司组织的各类培训活动，共同推动发展。');
  // [left, right, joined] inside a CJK paragraph (the script given, as the paragraph's).
  const table: [string, string, string][] = [
    // Two digits at the seam never make one number: a table's rows end and start with numbers too.
    ['总额达到了12', '3456万元', '总额达到了12 3456万元'],
    ['电话为138', '00138000，欢迎', '电话为138 00138000，欢迎'],
    ['1成都蓉城2 6', '2上海海港2 4', '1成都蓉城2 6 2上海海港2 4'],
    ['积分榜成都蓉城6', '2上海海港', '积分榜成都蓉城6 2上海海港'],
    ['贸易额达39.', '7亿元', '贸易额达39.7亿元'],
    ['贸易额达39', '.7亿元', '贸易额达39.7亿元'],
    ['共计1,', '234户', '共计1,234户'],
    ['于10:', '30召开', '于10:30召开'],
    ['增长了15', '%，其中', '增长了15%，其中'],
    ['一款check-', 'in小程序', '一款check-in小程序'], // a CJK column does not hyphenate: the hyphen is the word's
  ];
  for (const [l, r, joined] of table) {
    assert.equal(joinPair(l, r, undefined, true), joined, `${l} + ${r}`);
    assert.equal(joinLines([l, r], undefined, true), joined, `${l} + ${r} (joined in a Joiner)`);
    assert.equal(joinPieces([l, r], undefined, true), joined, `${l} + ${r} (pieces)`);
  }
});

test('Latin words cut by a CJK column: one word only when sure, else the space the column lost', () => {
  const table: [string, string, string, string][] = [
    // No evidence: two words, as an English paragraph's line end is a space without the page's word.
    ['近日发布了china', 'great系列产品', '近日发布了china great系列产品', 'two lower-case words, no evidence: the space stays'],
    ['参与Micro', 'soft公司组织的', '参与Micro soft公司组织的', 'a lower-case continuation, no evidence: the space stays'],
    ['来自Hong', 'Kong的客商', '来自Hong Kong的客商', 'a capitalised word: a space the wrap took'],
    ['主题为Made in', 'China的展览', '主题为Made in China的展览', 'capitalised'],
    ['口号是the', 'best城市', '口号是the best城市', 'a function word is a word of its own'],
    ['加入WTO', 'members的', '加入WTO members的', 'an acronym before a lower-case word'],
    ['推出iPhone', '15系列', '推出iPhone 15系列', 'letters then digits: not sure, the space stays'],
  ];
  for (const [l, r, joined, why] of table) {
    assert.equal(joinPair(l, r, undefined, true), joined, why);
    assert.equal(joinLines([l, r], undefined, true), joined, `${why} (joined in a Joiner)`);
  }
  // The page's words decide when they are at hand: the joined word used elsewhere on the page.
  const ev = hyphenEvidence(['PowerPoint是一款软件', '使用PowerPoint制作']);
  assert.equal(joinPair('使用Power', 'Point制作', ev, true), '使用PowerPoint制作');
  assert.equal(joinPair('使用Power', 'Point制作', undefined, true), '使用Power Point制作', 'no evidence, capitalised: the space stays');
  // As in English (reflow.joinPieceKind): the joined word on the page, each fragment two letters or
  // more, and one fragment no word (of the page inside a line, or a function word).
  const page = hyphenEvidence(['微软（Microsoft）和chinagreat品牌', '他们 began 工作', 'came into 城市', '走 across 广场']);
  const evidence: [string, string, string, string][] = [
    ['参与Micro', 'soft公司组织的', '参与Microsoft公司组织的', 'the page has Microsoft'],
    ['近日发布了china', 'great系列产品', '近日发布了chinagreat系列产品', 'the page has chinagreat'],
    ['他们be', 'gan工作', '他们began工作', 'the page has began; gan is no word'],
    ['来到in', 'to城市', '来到in to城市', 'in and to are words, though the page has into'],
    ['走a', 'cross广场', '走a cross广场', 'a single letter is a word of its own, though the page has across'],
    ['近日发布了china', 'grand系列产品', '近日发布了china grand系列产品', 'the page lacks chinagrand'],
  ];
  for (const [l, r, joined, why] of evidence) {
    assert.equal(joinPair(l, r, page, true), joined, why);
    assert.equal(joinLines([l, r], page, true), joined, `${why} (joined in a Joiner)`);
  }
});

test('a Latin paragraph does not break numbers: the line end there stays a space', () => {
  assert.equal(joinPair('in the year 1903', '12 men died'), 'in the year 1903 12 men died');
  // Nor does a table of numbers, of no script at all: no CJK in it, so no CJK paragraph.
  assert.equal(joinLines(['12 34', '56 78']), '12 34 56 78');
  assert.equal(joinLines(['12\u201434', '56']), '12\u201434 56', 'a shared mark is no CJK either');
  assert.equal(joinLines(['the Hong', 'Kong office was closed']), 'the Hong Kong office was closed');
});

test('curly quotes, the ellipsis, dashes and the middle dot belong to both scripts: the letters beyond them decide', () => {
  // [left, right, joined]: Latin paragraphs.
  const latin: [string, string, string][] = [
    ['for an hour, saying', '\u201cwe will build', 'for an hour, saying \u201cwe will build'],
    ['the bridge this year,\u201d', 'and the men', 'the bridge this year,\u201d and the men'],
    ['\u201cIt is about time,\u201d said one\u2026', 'and the others agreed', '\u201cIt is about time,\u201d said one\u2026 and the others agreed'],
    ['Mr. Smith \u00b7', 'Mr. Jones', 'Mr. Smith \u00b7 Mr. Jones'],
    // A dash set close to the word on its other side is a closed dash: the line end is not a space.
    ['the strike\u2014', 'which began', 'the strike\u2014which began'],
    ['CHICAGO, May 3.\u2014', 'President Roosevelt', 'CHICAGO, May 3.\u2014President Roosevelt'],
    ['the strike', '\u2014which began', 'the strike\u2014which began'],
    ['the strike \u2014', 'which began', 'the strike \u2014 which began'],
    ['the strike', '\u2014 which began', 'the strike \u2014 which began'],
    // CJK beyond the mark: no space.
    ['the name \u201c', '\u4e2d\u56fd\u201d means', 'the name \u201c\u4e2d\u56fd\u201d means'],
  ];
  for (const [l, r, joined] of latin) {
    assert.equal(joinPair(l, r), joined, `${l} + ${r}`);
    assert.equal(joinLines([l, r]), joined, `${l} + ${r} (joined in a Joiner)`);
    assert.equal(joinPieces([l, r], undefined), joined, `${l} + ${r} (pieces)`);
  }
  // CJK paragraphs: as before, no space.
  const cjk: [string, string, string][] = [
    ['他说：\u201c', '我们要建桥', '他说：\u201c我们要建桥'],
    ['\u201c建桥\u201d', '是大事', '\u201c建桥\u201d是大事'],
    ['等等\u2026\u2026', '我们', '等等\u2026\u2026我们'],
    ['中国\u2014\u2014', '上合组织', '中国\u2014\u2014上合组织'],
    ['口号\u201cHello', '\u201d响起', '口号\u201cHello\u201d响起'],
  ];
  for (const [l, r, joined] of cjk) {
    assert.equal(joinPair(l, r), joined, `${l} + ${r}`);
    assert.equal(joinLines([l, r]), joined, `${l} + ${r} (joined in a Joiner)`);
  }
});

test('a guessed join (OCR lost the hyphen) needs a fragment that is no word: two words stay two', () => {
  const page = [
    'The men walked across the square to the church, where the priest',
    'had set up a big tent for the feast, and the women came in to see a',
    'cross of gold and silver which he had brought from the city in a box.',
    'They went into the hall and the meeting began at noon with all the',
    'and the owners of the seaports and the independent men there.',
  ];
  const ev = hyphenEvidence(page, true);
  // [left, right, joined]
  const table: [string, string, string][] = [
    ['to see a', 'cross of gold', 'to see a cross of gold'], // "a" is a word, and no typesetter leaves one letter on a line
    ['the women came in', 'to see', 'the women came in to see'], // both function words
    ['the meeting be', 'gan at noon', 'the meeting began at noon'], // "gan" is no word: wanted
    ['all the sea', 'ports of', 'all the seaports of'],
    ['the indepen', 'dent men', 'the independent men'],
    ['the own', 'ers of', 'the owners of'],
    ['walked the', 'tug', 'walked the tug'],
  ];
  for (const [l, r, joined] of table) {
    assert.equal(joinPiece(l, r, ev), joined, `${l} + ${r}`);
    assert.equal(joinPieces([l, r], ev), joined, `${l} + ${r} (joined in a Joiner)`);
  }
  // Function words are words though the page has them nowhere inside a line.
  const within = hyphenEvidence(['they went within the walls of the town'], true);
  assert.equal(joinPiece('came with', 'in the hour', within), 'came with in the hour');
  assert.equal(joinPiece('the with', 'ering heat', hyphenEvidence(['the withering heat of the day'], true)), 'the withering heat', '`ering` is no word');
});

test('hyphens at a line end: a compound already hyphenated, a number, and the page\'s evidence', () => {
  assert.equal(joinPair('a five-year-', 'old child'), 'a five-year-old child', 'the first part holds a hyphen: a compound');
  assert.equal(joinPair('on a 3-', 'year contract'), 'on a 3-year contract', 'a number and a hyphen: a compound, no space');
  assert.equal(joinPair('on a 20-', 'foot pole'), 'on a 20-foot pole');
  const hyphenated = hyphenEvidence(['they rode in first-class cars', 'and the rest']);
  const joined = hyphenEvidence(['they rode in firstclass cars', 'and the rest']);
  assert.equal(joinPair('all the way in first-', 'class cars', hyphenated), 'all the way in first-class cars', 'the page has the compound');
  assert.equal(joinPair('all the way in first-', 'class cars', joined), 'all the way in firstclass cars', 'the page has the word');
  // No evidence: a syllable break is far more common in newspaper columns (infor-mation), so the
  // hyphen goes; see keepHyphen.
  assert.equal(joinPair('all the way in first-', 'class cars'), 'all the way in firstclass cars');
  // A capitalised continuation: the page's joined word first, in any case (governorship, McKinley);
  // with the hyphenated form on the page, or no evidence, a compound or a name keeps its hyphen.
  const caps = hyphenEvidence(['and the governorship goes to their', 'President McKinley said that the', 'the State of New-York is the']);
  assert.equal(joinPair('DEMOCRATS WIN GOVERNOR-', 'SHIP IN THE STATE', caps), 'DEMOCRATS WIN GOVERNORSHIP IN THE STATE');
  assert.equal(joinPair('said President Mc-', 'Kinley to-day', caps), 'said President McKinley to-day');
  assert.equal(joinPair('in the city of New-', 'York to-day', caps), 'in the city of New-York to-day');
  assert.equal(joinPair('in the city of New-', 'York to-day'), 'in the city of New-York to-day');
  assert.equal(joinPair('DEMOCRATS WIN GOVERNOR-', 'SHIP IN THE STATE'), 'DEMOCRATS WIN GOVERNOR-SHIP IN THE STATE', 'no evidence: kept');
});

// The word scans are loops over the units; these are the regular expressions they replaced.
function hyphenEvidenceByRegex(texts: string[]) {
  const ev = { hyphenated: new Set<string>(), words: new Set<string>() };
  for (const t of texts) {
    for (const m of t.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
      const w = m[0].toLowerCase();
      if (m.index + m[0].length >= t.length - 1 && t.trimEnd().endsWith('-')) continue;
      if (w.includes('-')) ev.hyphenated.add(w);
      else ev.words.add(w);
    }
  }
  return ev;
}

function interiorWordsByRegex(t: string): Set<string> {
  const set = new Set<string>();
  const ws = t.trim().split(/\s+/);
  for (let k = 1; k < ws.length - 1; k++) {
    const m = /^[^A-Za-z]*([A-Za-z]+)[^A-Za-z]*$/.exec(ws[k]);
    if (m) set.add(m[1].toLowerCase());
  }
  return set;
}

/**
 * The interior words of the texts (interiorWordsByRegex) but for a token whose letters make one of
 * them with a neighbour's, across the space (`rail "roads` with railroads), and those of them seen
 * so twice or more.
 */
function interiorByRegex(texts: string[]): { interior: Set<string>; repeated: Set<string> } {
  const any = new Set(texts.flatMap((t) => [...interiorWordsByRegex(t)]));
  const joins = (x: string, y: string) => {
    const a = /[A-Za-z]{2,}$/.exec(x)?.[0];
    const b = /^[^A-Za-z0-9]*([A-Za-z]{2,})/.exec(y)?.[1];
    return a !== undefined && b !== undefined && any.has((a + b).toLowerCase());
  };
  const count = new Map<string, number>();
  for (const t of texts) {
    const ws = t.trim().split(/\s+/);
    for (let k = 1; k < ws.length - 1; k++) {
      const m = /^[^A-Za-z]*([A-Za-z]+)[^A-Za-z]*$/.exec(ws[k]);
      if (!m || joins(ws[k - 1], ws[k]) || joins(ws[k], ws[k + 1])) continue;
      const w = m[1].toLowerCase();
      count.set(w, (count.get(w) ?? 0) + 1);
    }
  }
  return { interior: new Set(count.keys()), repeated: new Set([...count].filter(([, n]) => n >= 2).map(([w]) => w)) };
}

const wordish = fc.array(fc.constantFrom('a', 'B', 'z', 'Q', '-', '-', ' ', ' ', '\t', '\u3000', '\u00a0', '\u2028', '\ufeff', '\u200b', ',', '.', '1', 'é', '字', '\n'), { maxLength: 40 }).map((cs) => cs.join(''));

/** What a Set answers for the query words: the words of the sets, the texts' runs, and a few more. */
function queries(texts: string[], ...sets: Set<string>[]): string[] {
  const out = new Set<string>(['a', 'b', 'ab', 'a-b', 'zz', 'q-q-q']);
  for (const s of sets) for (const w of s) out.add(w);
  for (const t of texts) for (const m of t.toLowerCase().matchAll(/[a-z]+(?:-[a-z]*)*/g)) out.add(m[0]);
  return [...out];
}

test('property: hyphenEvidenceIn reads lines in place as hyphenEvidence reads them as strings', () => {
  fc.assert(
    fc.property(fc.array(wordish, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', ' x\n'), (texts, sep) => {
      // The lines as spans of one text, with something between them that is no line's.
      const text = texts.join(sep);
      const spans = new Int32Array(2 * texts.length);
      for (let k = 0, at = 0; k < texts.length; at += texts[k].length + sep.length, k++) {
        spans[2 * k] = at;
        spans[2 * k + 1] = at + texts[k].length;
      }
      for (const interior of [false, true]) {
        const ev = hyphenEvidence(texts, interior);
        const inPlace = hyphenEvidenceIn(text, spans, texts.length, interior);
        const ref = hyphenEvidenceByRegex(texts);
        const inside = interiorByRegex(texts).interior;
        for (const w of [...queries(texts, ref.words, ref.hyphenated, inside), 'x', 'xx']) {
          assert.equal(inPlace.words.has(w), ev.words.has(w), `words: ${w}`);
          assert.equal(inPlace.hyphenated.has(w), ev.hyphenated.has(w), `hyphenated: ${w}`);
          assert.equal(inPlace.interior.has(w), ev.interior.has(w), `interior: ${w}`);
        }
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: hyphenEvidence finds the words the regular expressions find', () => {
  fc.assert(
    fc.property(fc.array(wordish, { maxLength: 4 }), (texts) => {
      const ev = hyphenEvidence(texts, true);
      const ref = hyphenEvidenceByRegex(texts);
      const { interior, repeated } = interiorByRegex(texts);
      for (const w of queries(texts, ref.words, ref.hyphenated, interior)) {
        assert.equal(ev.words.has(w), ref.words.has(w), `words: ${w}`);
        assert.equal(ev.hyphenated.has(w), ref.hyphenated.has(w), `hyphenated: ${w}`);
        assert.equal(ev.interior.has(w), interior.has(w), `interior: ${w}`);
        assert.equal(ev.repeated.has(w), repeated.has(w), `repeated: ${w}`);
      }
    }),
    { numRuns: 5000 },
  );
});

test('property: a token whose letters make a word of the page with a neighbour\'s is not inside-line evidence', () => {
  const token = fc.constantFrom('ab', 'cd', 'abcd', 'ABCD', '"cd', '(Cd', 'ab,', 'cd.', '1cd', 'x', 'a', 'ef', 'cdef', '-', 'Ab');
  const line = fc.array(token, { maxLength: 7 }).map((ts) => ts.join(' '));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 4 }), (texts) => {
      const ev = hyphenEvidence(texts, true);
      const { interior, repeated } = interiorByRegex(texts);
      for (const w of ['ab', 'cd', 'abcd', 'ef', 'cdef', 'x', 'a']) {
        assert.equal(ev.interior.has(w), interior.has(w), `interior: ${w}`);
        assert.equal(ev.repeated.has(w), repeated.has(w), `repeated: ${w}`);
      }
    }),
    { numRuns: 3000 },
  );
  // The case it is for: a cut joined with a space (the quote keeps it) and railroads on the page.
  const ev = hyphenEvidence(['the New-Jersey Central rail "roads, and the', 'not owned by the railroads and the', 'the Hudson roads and the', 'all the roads of the'], true);
  assert.equal(ev.interior.has('rail'), false, 'rail "roads: rail is no word of its own');
  assert.equal(ev.interior.has('railroads'), true);
  assert.equal(ev.repeated.has('roads'), true, 'roads, twice elsewhere');
  assert.equal(ev.repeated.has('railroads'), false, 'once');
});

test('hyphen evidence on a page of English: every word found, in any case; none made up', () => {
  const texts = readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8').split('\n');
  const ev = hyphenEvidence(texts, true);
  const ref = hyphenEvidenceByRegex(texts);
  const { interior, repeated } = interiorByRegex(texts);
  assert.ok(ref.words.size > 1000 && ref.hyphenated.size > 10 && interior.size > 1000 && repeated.size > 300);
  for (const w of queries(texts, ref.words, ref.hyphenated, interior)) {
    assert.equal(ev.words.has(w), ref.words.has(w), `words: ${w}`);
    assert.equal(ev.hyphenated.has(w), ref.hyphenated.has(w), `hyphenated: ${w}`);
    assert.equal(ev.interior.has(w), interior.has(w), `interior: ${w}`);
    assert.equal(ev.repeated.has(w), repeated.has(w), `repeated: ${w}`);
  }
  assert.equal(ev.words.has('The'), false, 'queries are lower-case, as the Sets held');
});

test('property: hasParts answers what has() of the parts joined and lower-cased answers', () => {
  const texts = readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8').split('\n');
  const ev = hyphenEvidence(texts, true);
  const word = fc.constantFrom('Har', 'bor', 'harbor', 'YES', 'terday', 'the', 'tug', 'own', 'ers', 'New', '-York', 'well', '-known', 'x', '');
  fc.assert(
    fc.property(word, word, fc.nat(3), fc.nat(6), (a, b, cut, bTo) => {
      const aFrom = Math.min(cut, a.length);
      const k = Math.min(bTo, b.length);
      const joined = (a.slice(aFrom) + b.slice(0, k)).toLowerCase();
      for (const set of [ev.words, ev.hyphenated, ev.interior]) assert.equal(set.hasParts(a, aFrom, a.length, b, k), set.has(joined), joined);
    }),
    { numRuns: 2000 },
  );
  assert.ok(ev.interior.hasParts('Har', 0, 3, 'bor', 3) && ev.interior.hasParts('yes', 0, 3, 'terday', 6));
});

test('property: joining lines one by one reads only the seam, and gives what joining the whole text did', () => {
  const piece = fc
    .array(fc.constantFrom('a', 'Z', 'q', '-', '--', ' ', '\t', '字', '，', '𠀀', '\ud840', '1', '.', ',', '%', '\u3000', 'infor-', 'mation', 'well-', 'known', 'five-year-', '\u201c', '\u201d', '\u2026', '\u2014', '\u00b7', 'Micro', 'soft', 'in', 'to', 'be', 'gan'), { maxLength: 8 })
    .map((u) => u.join(''));
  const page = ['the information was', 'a well-known case', 'owners of the tug', 'qa-zq was there', 'he began to go into Microsoft'];
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), fc.boolean(), (texts, withEvidence, cjk) => {
      const ev = withEvidence ? hyphenEvidence(page, true) : undefined;
      assert.equal(joinLines(texts, ev, cjk), texts.reduce((out, t) => joinPair(out, t, ev, cjk), ''));
      assert.equal(joinPieces(texts, ev, cjk), texts.reduce((out, t) => joinPiece(out, t, ev, cjk), ''));
      // Without the script given, it is the paragraph's (isCjkParagraph of the texts).
      assert.equal(joinLines(texts, ev), joinLines(texts, ev, isCjkParagraph(texts)));
    }),
    { numRuns: 5000 },
  );
});

test('property: the hard-wrap edit, read in place in the dump, joins as joinPiece joins the pieces', () => {
  const piece = fc
    .array(fc.constantFrom('a', 'Z', 'q', '-', ' ', '字', '，', '𠀀', '\ud840', '\udc00', '1', '.', ',', '%', '/', 'www.', '@', 'infor-', 'mation', 'five-year-', '\u00ad', '\u201c', '\u201d', '\u2026', '\u2014', 'Micro', 'soft', 'Kong', 'in', 'to', 'be', 'gan', 'own', 'ers', 'x'.repeat(40)), { minLength: 1, maxLength: 8 })
    .map((u) => u.join('').trim())
    .filter((t) => t.length > 0);
  const page = ['the information was', 'a well-known case', 'owners of the tug', 'he began to go into Microsoft', 'a five-year-old'];
  const rows = new Int32Array(EDIT_FIELDS);
  fc.assert(
    fc.property(piece, piece, fc.constantFrom('\n', '\n\n', '\r\n'), fc.boolean(), fc.boolean(), (l, r, gap, withEvidence, cjk) => {
      const evidence = withEvidence ? hyphenEvidence(page, true) : undefined;
      const text = `${l}${gap}${r}`;
      const ctx = { dump: { text }, evidence } as unknown as FlowContext;
      joinEditInto(ctx, 0, l.length, l.length + gap.length, text.length, rows, 0, cjk);
      const edited = text.slice(0, rows[0]) + INSERTED[rows[2]] + text.slice(rows[1]);
      assert.equal(edited, joinPiece(l, r, evidence, cjk));
    }),
    { numRuns: 5000 },
  );
});

test('a paragraph of 40,000 lines joins (each line is read once, not the paragraph so far)', () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => `Smith Corp common ${i % 97} ${i % 13}`);
  const joined = joinLines(lines);
  assert.equal(joined.length, lines.reduce((n, l) => n + l.length + 1, -1));
  assert.ok(joined.startsWith('Smith Corp common 0 0 Smith Corp common 1 1'));
});

// flowContext takes an unedited line's measures from the article detection (roles.pageTaken)
// when the page is the one taken: a dump without them (the same text parsed again) measures every line.
test('property: the piece table is the same from the detection\'s line measures as from measuring the lines', () => {
  const page = readFileSync(path.join(SAMPLES_DIR, 'zh-daily-p1.txt'), 'utf8').split('\n');
  const en1903 = readFileSync(path.join(SAMPLES_DIR, 'en/nytribune-1903-05-01-p1.txt'), 'utf8').split('\n').slice(0, 300);
  const unit = fc.constantFrom(' ', '  ', '\u3000', '\u3000\u3000', '\t', '\u00a0', '\ufeff', '\u2003', '\u200b', '\u1680', '𠀀', '\ud840', '\udc00', '。', '”', '.', 'a', '字', '\r');
  // An edit inserts units at a point; or (latinize) also turns the line's glyphs before it into
  // Latin letters. `mix` turns every mix-th line of a CJK page Latin. Both mix scripts in a run, so
  // that isCjkText of its first 200 units is a close call.
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.array(unit, { maxLength: 3 }), fc.boolean());
  fc.assert(
    fc.property(fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.array(edit, { maxLength: 120, size: 'max' }), (latin, mix, edits) => {
      const lines = latin ? [...en1903] : page.map((l, k) => (mix > 1 && k % mix === 0 ? l.replace(/[\u4e00-\u9fff]/g, 'ab') : l));
      for (const [l, at, u, latinize] of edits) {
        const k = l % lines.length;
        const x = at % (lines[k].length + 1);
        const head = latinize ? lines[k].slice(0, x).replace(/[\u4e00-\u9fff]/g, 'ab') : lines[k].slice(0, x);
        lines[k] = head + u.join('') + lines[k].slice(x);
      }
      const text = lines.join('\n');
      const measured = parse(text);
      const pages = analyzeArticles(measured, en);
      const plain = parse(text); // not detected: no line measures
      const cleanM = cleaner(measured, lintDump(measured));
      const cleanP = cleaner(plain, lintDump(plain));
      for (const p of pages) {
        const a = flowContext(measured, p, cleanM);
        const b = flowContext(plain, p, cleanP);
        assert.deepEqual(Array.from(a.table), Array.from(b.table));
        assert.deepEqual([Array.from(a.runs), Array.from(a.cjkRuns), a.column], [Array.from(b.runs), Array.from(b.cjkRuns), b.column]);
      }
    }),
    { numRuns: 60 },
  );
});

test('an indented line\'s edge ideographic spaces do not count towards its run\'s script, measured or read', () => {
  // Body lines: 8 CJK glyphs after two ideographic spaces, and 9 Latin letters. Trimmed, the run has
  // more Latin units; counting the indents (CJK units) would tip it to CJK.
  const lines = ['跨境电商成为外贸增长新引擎', ''];
  for (let k = 0; k < 6; k++) lines.push('\u3000\u3000中文中文中文中文', 'abcdefghi');
  const text = lines.join('\n');
  const measured = parse(text);
  const [p] = analyzeArticles(measured, en);
  const plain = parse(text);
  for (const dump of [measured, plain]) {
    const ctx = flowContext(dump, p, cleaner(dump, lintDump(dump)));
    assert.deepEqual(Array.from(ctx.runs), [0, 0, 12]);
    assert.equal(ctx.cjkRuns[1], 0);
  }
});
