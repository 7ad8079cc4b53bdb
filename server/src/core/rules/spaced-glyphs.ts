// spaced-glyphs: justification spaces between CJK glyphs.
//
// pdftotext renders a justified CJK line by putting a space wherever the typesetter widened the
// gap, so a stretched line comes out as `心 的、关 注 您 所 关 注 的 ，努 力 把`. Deliberate spaces
// look different: a title separator is a single gap between long runs (`主义法治道路 为全面建设社`),
// a byline separates words of two or more glyphs (`□记者 何光翠 报道`), and a dateline uses a double
// space (`本报讯  8 月 26 日`).
//
// Decision: split the line on whitespace into tokens, count the *gaps* (exactly one ASCII space
// with a CJK glyph or CJK punctuation on both sides) and the tokens holding exactly one Han glyph.
// The line is letter-spaced when it has at least two gaps and more than half of its tokens that
// hold Han glyphs hold just one. The fix deletes every gap of the line but a title separator (a gap
// between two runs of LONG_RUN Han glyphs or more, which a letter-spaced stretch does not have: it
// gets onto such a line when hard-wrap joins a paragraph's lines into one), and nothing else.
//
// Names are spaced on purpose too: a two-glyph name is padded to the width of three in bylines
// (`本报记者 王 丽 李 明`), in staff credits (`责任编辑 王 丽 校对 李 明`) and in lists of names
// (`张三丰 王 丽 李四光`, `出席：王 丽 李 明`), where which singles pair up cannot be told. A line
// that starts as a byline, a credit or a list under its label, or has no CJK punctuation and two
// runs of three glyphs or more (a list), is left alone. A credit elsewhere on a line
// (`第3版  责任编辑 王 丽`, `图为…  记者 王 丽 摄`) and a photo credit without a label (`王 丽 摄`,
// `新华社发（王 丽 摄）`) keep their spaces, and the rest of the line is judged without them (see
// CREDITS). A whole line of a few spaced glyphs then 摄 (`正 在 观 摄`) reads as such a credit: only a reader can tell (拍 摄 is the word, never a name's end).
//
// So is a row of a table or calendar (`日 一 二 三 四 五 六`): glyphs set apart because each is a
// word of its own. A line whose every single glyph is such a word (TABLE_WORDS) cannot be told from
// one, and the rule fixes only what it is sure of. Likewise a weather row ending in its temperature
// (`南京 雨 转 晴 5~13℃`: WEATHER_WORDS); a row of a table of people, a padded name then a sex or a
// number cell (`王 丽 女 1980.05 市商务局副局长`, `张 三 男 35 记者`); a form's label column, a padded
// label then its value (`姓 名 李丽丽`, `年 龄 45`: FIELD_LABELS); a list of names continued on the
// next line, spaced as the line above, which starts with its label (`出席：王 丽 李 明 …` /
// `周 杰 吴 敏 …`); and a line of nothing but padded two-glyph names, three or more, each a common
// surname then a common given name (`王 丽 李 明 张 伟`: SURNAMES, GIVEN_NAMES; not the headline
// `周 末 高 温 雷 雨`, whose pairs are words). Those spaces are kept; the rest of such a line, if
// any, is judged without them.
//
// A line whose spaces, once gone, would leave it reading as sure fake bold (`TTIIRR 天 天 好 好` →
// TTIIRR 天天好好, undoubled to TIR 天好 by the next Fix All) gets an unsure finding: the user's to
// fix, left by every automatic path (see joinsIntoOverprint in overprint.ts, and lint.ts, which
// reads it with the mixed-script-spacing fix too).
import { codePointAt, cpLength, isCjk, isCjkGlyph, isSpace } from '../chars';
import type { Messages } from '../messages';
import { gapRoom, skipSpaces, spacingLineFinding, trimEnd, type LineFinding, type LineRule, type SpacingScan } from './rule';

/** Han glyphs on each side of a gap that make it a title separator, kept by the fix. */
const LONG_RUN = 4;

/** The start of a byline: its news organisation, a qualifier and the role, then a space. */
const BYLINE = '(?:本报|新华社|人民日报|中新社|央视)?(?:特约|见习|实习|首席|全媒体|融媒体)?(?:记者|通讯员|摄影|实习生)\\s';
/** The start of a staff credit: the label of an editor, proofreader or designer, then a space or a colon. */
const CREDIT = '(?:本版|本期)?(?:责任编辑|值班编辑|美术编辑|图片编辑|编辑|责编|美编|版式设计|版式|组版|排版|校对|审读|审校|制图|设计|主编|终审|签发|文[/／]图)(?:\\s|[:：])';
/**
 * The start of a list of names (`出席：王 丽 李 明`): its label and a colon. Not any label before a colon: an
 * interview's `记者：` or `问：` starts a sentence, which may be stretched.
 */
const NAME_LIST = '(?:出席|列席|缺席|主持人?|嘉宾|成员|[\\u4e00-\\u9fff]{0,4}名单)[:：]';
/**
 * The start of a line of names spaced on purpose (see the header), after a box or bullet. Only
 * unspaced labels: a stretched line spaces its labels too (`的 编 辑 工 作`).
 */
const NAMES_START = new RegExp(`^[□■◆●]?\\s*(?:${BYLINE}|${CREDIT}|${NAME_LIST})`);

/** A Han glyph of a name (BMP: names are). */
const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
/** A name: 2–4 Han glyphs, spaced or not (`王 丽`, `欧阳 修`); names joined by `、` or `，`. */
const NAMES = `${HAN}(?: ?${HAN}){1,3}(?:\\s*[、，]\\s*${HAN}(?: ?${HAN}){1,3})*`;
/** A label before names anywhere on a line: a byline's role or a credit's, unspaced. */
const LABEL = `(?:本报|新华社|人民日报|中新社|央视)?(?:特约|见习|实习|首席|全媒体|融媒体)?(?:摄影记者|记者|通讯员|摄影|实习生)|(?:本版|本期)?(?:责任编辑|值班编辑|美术编辑|图片编辑|编辑|责编|美编|版式设计|版式|组版|排版|校对|审读|审校|制图|设计|主编|终审|签发|文[/／]图)`;
/**
 * Where a credit's names end: the line's end, a double or ideographic space, a closing bracket,
 * or the next credit's label.
 */
const CREDIT_END = `(?=\\s*$|\\s{2}|\u3000|[）)】\\]]|\\s*(?:${LABEL})(?:\\s|[:：]))`;
/**
 * Credits anywhere on a line, whose names are spaced on purpose: a label, then names (and a photo
 * credit's 摄 or 摄影), the label no glyph's neighbour nor one space from a single glyph, as in a
 * letter-spaced line (`第3版 责任编辑 王 丽`, `（记者 王 丽 摄）`, not `的 编辑 工 作`);
 * or a bare photo credit, names then 摄 or 摄影 (`王 丽 摄`), where a credit starts: the line's
 * start, after a double or ideographic space, an opening bracket, a sentence's end not spaced off
 * (`…游玩。王 丽 摄`, `…3000人。王 丽 摄`, `…（资料图）。王 丽 摄`; not `…宜 人 。市 民 …`) or an unspaced run of three glyphs (`新华社发 王 丽 摄`).
 * Not after one space beside a single glyph: a letter-spaced line may end `所 拍 摄`; and never
 * 拍 摄, the word (`游 客 拍 摄`, `（记 者 拍 摄）`), which no name ends in.
 */
const CREDITS = new RegExp(
  `(?<!${HAN}|(?:^|\\s)${HAN}\\s)(?:${LABEL})(?:\\s*[:：]\\s*|\\s+)${NAMES}(?:\\s*摄影?)?${CREDIT_END}` +
    `|(?<=^[□■◆●▲△]?\\s*|\\s{2}|\u3000|[（(【\\[]|(?<!\\s)[。！？；]\\s?|${HAN}{3}\\s)${NAMES}(?<!拍\\s?)\\s*摄影?${CREDIT_END}`,
  'g',
);

/**
 * Glyphs that are words on their own in a row of a table or calendar: numerals, 日 (the weekday
 * the others are numerals beside), 上 中 下, 甲 乙 丙 丁.
 */
const TABLE_WORDS = new Set([...'〇零一二三四五六七八九十百千万日上中下甲乙丙丁'].map((g) => g.codePointAt(0) ?? 0));

/** What spacedScan found on the line it last scanned. */
export const SPACED: SpacingScan = { start: 0, end: 0, gaps: new Int32Array(256) };

export const spacedGlyphs: LineRule = {
  id: 'spaced-glyphs',
  defaultSeverity: 'warning',
  checkLine(line, messages) {
    // Cheap exit (most lines): every gap is an ASCII space, and the rule needs two gaps.
    const text = line.text;
    const firstSpace = text.indexOf(' ');
    if (firstSpace < 0 || text.indexOf(' ', firstSpace + 1) < 0) return undefined;
    return spacedFinding(text, 0, text.length, line.start, messages);
  },
};

/**
 * The check past the cheap exit, on text[from, to): a line whose first unit is at offset `base` of the
 * document. lintPage passes the document text and the line's range (a flat string reads faster than
 * a line's slice of it); checkLine passes the line's own text. No closures in here: a closure over
 * the scan's locals made V8 allocate a context per call, that is per line of the dump.
 */
export function spacedFinding(text: string, from: number, to: number, base: number, messages: Messages): LineFinding | undefined {
  const count = spacedScan(text, from, to, base);
  if (count === 0) return undefined;
  return spacingLineFinding('spaced-glyphs', SPACED, count, text, from, to, base, messages);
}

/** spacedFinding's scan: the number of gaps of its finding, held in SPACED, or 0 for none. */
export function spacedScan(text: string, from: number, to: number, base: number): number {
  let gaps = SPACED.gaps;
  let count = 0; // gaps found
  let tokens = 0; // tokens holding at least one Han glyph
  let singles = 0; // tokens holding exactly one
  let glyphsInToken = 0;
  let prevWasCjk = false; // the code point before i is CJK (false at line start and after a space)
  let found = 0; // gaps found, title separators too (the line's decision counts them)
  let longBefore = false; // the last gap found follows a long run: it is a separator if a long run follows
  let threes = 0; // tokens of three Han glyphs or more
  let punctuated = false; // the line has CJK punctuation

  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    // Most units are BMP Han glyphs: one range test, no code point to build.
    if (c >= 0x4e00 && c <= 0x9fff) {
      glyphsInToken++;
      prevWasCjk = true;
      i++;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? codePointAt(text, i) : c;
    const len = cpLength(cp);
    if (isSpace(cp)) {
      // End of a token.
      if (glyphsInToken > 0) {
        tokens++;
        if (glyphsInToken === 1) singles++;
        if (glyphsInToken >= 3) threes++;
      }
      if (longBefore && glyphsInToken >= LONG_RUN) count--; // the gap before this token separates a title
      longBefore = false;
      const runBefore = glyphsInToken;
      glyphsInToken = 0;
      // A gap: exactly one ASCII space between two CJK characters (prevWasCjk is false after a
      // space, so a double space never counts).
      if (cp === 32 && prevWasCjk && i + 1 < to) {
        const next = codePointAt(text, i + 1);
        if (isCjk(next)) {
          if (count === gaps.length) gaps = gapRoom(SPACED, count);
          gaps[count++] = base + i - from;
          found++;
          longBefore = runBefore >= LONG_RUN;
        }
      }
      prevWasCjk = false;
      i += len;
      continue;
    }
    if (isCjkGlyph(cp)) glyphsInToken++;
    else if (isCjk(cp)) punctuated = true;
    // Only a single space counts as a gap: remember whether the char before a space was CJK.
    prevWasCjk = isCjk(cp);
    i += len;
  }
  if (glyphsInToken > 0) {
    tokens++;
    if (glyphsInToken === 1) singles++;
    if (glyphsInToken >= 3) threes++;
  }
  if (longBefore && glyphsInToken >= LONG_RUN) count--;
  // Two gaps at least, and more than half the tokens holding Han glyphs hold just one; and a gap
  // left to remove.
  if (found < 2 || singles * 2 <= tokens || count === 0) return 0;
  // Names spaced on purpose: a list of names, or a byline or credit; or a table row (see the header).
  if (!punctuated && threes >= 2) return 0;
  const a = skipSpaces(text, from, to);
  if (NAMES_START.test(text.slice(a, Math.min(to, a + 16)))) return 0;
  const end = trimEnd(text, a, to);
  if (tableRow(text, a, end) || weatherRow(text, a, end)) return 0;
  // A list of names: continued from the line above, or padded names alone (see the header).
  if (NAMES_ONLY.test(text.slice(a, end)) && ((pairedSingles(text, a, end) && continuesNameList(text, from, text.slice(a, end).includes('、'))) || surnamePairs(text, a, end))) return 0;
  // Credits, a table row's name and a form's labels: blanked, the rest of the line decides on its own.
  const blanked = withoutCredits(text, a, end);
  if (blanked !== undefined) return spacedScan(blanked, 0, blanked.length, base + a - from);
  SPACED.start = base + a - from;
  SPACED.end = base + end - from;
  return count;
}

/**
 * Whether every token of text[from, to) holding a single Han glyph holds a table word
 * (TABLE_WORDS): then the line may be a row of a table or calendar. Asked only of lines about to
 * be flagged.
 */
function tableRow(text: string, from: number, to: number): boolean {
  return singlesIn(text, from, to, TABLE_WORDS);
}

/** Every token of text[from, to) that is one Han glyph (tokens split by spaces) is one of `words`. */
function singlesIn(text: string, from: number, to: number, words: ReadonlySet<number>): boolean {
  let glyphs = 0; // Han glyphs in the token so far
  let glyph = 0; // the last of them
  for (let i = from; i <= to; ) {
    // The text's end ends the last token as a space would.
    const cp = i < to ? codePointAt(text, i) : 32;
    if (isSpace(cp)) {
      if (glyphs === 1 && !words.has(glyph)) return false;
      glyphs = 0;
    } else if (isCjkGlyph(cp)) {
      glyphs++;
      glyph = cp;
    }
    i += cpLength(cp);
  }
  return true;
}

/** Glyphs of which every credit (CREDITS) holds one: 摄, or one of each label's. */
const CREDIT_GLYPHS = new Set([...'摄者讯习编校审版图设签'].map((g) => g.charCodeAt(0)));

/**
 * text[from, to) with every credit (CREDITS) on it turned into spaces, offsets kept; undefined if it
 * has none. Asked only of lines about to be flagged.
 */
function withoutCredits(text: string, from: number, to: number): string | undefined {
  const line = text.slice(from, to);
  // Rows of a table of people: their padded names (and sex).
  let blanked = PERSON_FIRST.test(line) ? blank(line, PERSON_ROWS) : line;
  // A form's label column: its labels and their values.
  if (FIELD_START.test(line)) blanked = blank(blanked, FIELDS);
  // Most stretched lines hold no glyph of a credit's label or of 摄: no regex for them.
  let i = from;
  while (i < to && !CREDIT_GLYPHS.has(text.charCodeAt(i))) i++;
  if (i < to) blanked = blank(blanked, CREDITS);
  return blanked === line ? undefined : blanked;
}

/** text with every match of re (global) turned into spaces, offsets kept. */
function blank(text: string, re: RegExp): string {
  // Built once, piece by piece: rebuilding the line at each match was quadratic on a long line.
  let blanked = '';
  let cursor = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    blanked += text.slice(cursor, m.index) + ' '.repeat(m[0].length);
    cursor = m.index + m[0].length;
  }
  return cursor === 0 ? text : blanked + text.slice(cursor);
}

/**
 * A row of a table of people: a two-glyph name padded to the width of three, then a sex cell and a
 * number cell (`王 丽 女 1980.05`, `张 三 男 35`), anywhere but in a stretched run (a row joined to
 * the text above by hard-wrap: `…副局长李 明 男 1978.11`); or, where a row starts (the line's start,
 * a sentence's end, a double space), the name then a date of birth (`李 明 1978.11`). The name and
 * the sex are matched.
 */
const PERSON_ROWS = new RegExp(
  `(?<!(?:^|\\s)${HAN}\\s)${HAN} ${HAN}\\s+[男女](?=\\s+[0-9０-９])` +
    `|(?<=^|[。！？；]|\\s{2}|\u3000)${HAN} ${HAN}(?=\\s+[0-9０-９]{4}[.．-][0-9０-９]{1,2}(?:\\s|$))`,
  'g',
);
/** A line that may hold a row of a table of people (PERSON_ROWS): a sex or a date after a space. */
const PERSON_FIRST = /\s(?:[男女]\s+[0-9０-９]|[0-9０-９]{4}[.．-])/;

/** Labels of a form's column (a profile, a table of people), padded to the width of three or four. */
const FIELD_LABELS = '(?:姓 名|性 别|年 龄|籍 贯|职 务|职 称|民 族|学 历|学 位|出 生|单 位|电 话|地 址|住 址|党 派|专 业|爱 好|特 长|政 治 面 貌|出 生 年 月|工 作 单 位|文 化 程 度|联 系 电 话|家 庭 住 址)';
/** A line starting with such a label, then a space or a colon (FIELD_LABELS). */
const FIELD_START = new RegExp(`^${FIELD_LABELS}(?:\\s|[:：])`);
/**
 * A field of a form: its label, then its value (one token, or a padded name), up to the line's end,
 * a double space or the next label (`姓 名 李丽丽`, `姓 名 王 丽 性 别 女`); not a label then a
 * stretched sentence (`单 位 要 加 强 管 理`).
 */
const FIELDS = new RegExp(
  `(?<=^|\\s)${FIELD_LABELS}(?:\\s*[:：]\\s*|\\s+)(?:${HAN} ${HAN}|[^\\s]+)(?=\\s*$|\\s{2}|\u3000|\\s${FIELD_LABELS}(?:\\s|[:：]))`,
  'g',
);

/**
 * Glyphs that are words on their own in a weather row (`南京 雨 转 晴 5~13℃`, `杭州 晴 转 多云`):
 * the weather, its winds and 转 (turning to).
 */
const WEATHER_WORDS = new Set([...'晴阴雨雪云雾霾风转多少小中大暴阵雷冰雹沙尘霜有间'].map((g) => g.codePointAt(0) ?? 0));
/** A temperature cell ending a line: `5~13℃`, `-3～5°C`, `16—22 ℃`. */
const TEMPERATURE_END = /\s[-－]?[0-9０-９]{1,2}(?:\s*[~～\-－—至/]\s*[-－]?[0-9０-９]{1,2})?\s*(?:℃|°C?)$/;

/**
 * Whether text[from, to) is a weather row: it ends in a temperature cell (TEMPERATURE_END) and every
 * token holding a single Han glyph holds a weather word (WEATHER_WORDS). Asked only of lines about
 * to be flagged.
 */
function weatherRow(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(to - 1);
  if (c !== 0x2103 /* ℃ */ && c !== 67 /* C */ && c !== 0xb0 /* ° */) return false;
  if (!TEMPERATURE_END.test(text.slice(from, to))) return false;
  return singlesIn(text, from, to, WEATHER_WORDS);
}

/** A line of names only: tokens of 1–4 Han glyphs, separated by spaces or 、. */
const NAMES_ONLY = new RegExp(`^${HAN}{1,4}(?:\\s*、\\s*${HAN}{1,4}|\\s+${HAN}{1,4})*$`);
/** A list of names under its label (NAME_LIST), the whole line: what a next line may continue. */
const NAME_LIST_LINE = new RegExp(`^[□■◆●]?\\s*${NAME_LIST}\\s*${HAN}{1,4}(?:\\s*、\\s*${HAN}{1,4}|\\s+${HAN}{1,4})*\\s*$`);
/** How many lines a list of names may run on for below its label. */
const LIST_LINES = 8;
/** The longest line of a list of names (UTF-16 units). */
const LIST_LINE_MAX = 200;
const isBreak = (c: number) => c === 10 || c === 13 || c === 12;

/**
 * Whether the line starting at `from` of text, a line of names only (NAMES_ONLY), continues a list
 * of names: the line above is one under its label (NAME_LIST_LINE), or names only continuing one
 * itself; spaced as it is: a line with a 、 (`comma`) continues only lines with one (a stretched
 * sentence `心 的、关 注 您 所` reads as names too). Only lint passes the document text: a line read
 * alone (checkLine) continues nothing.
 */
function continuesNameList(text: string, from: number, comma: boolean): boolean {
  let start = from;
  for (let k = 0; k < LIST_LINES; k++) {
    // The line above, past this one's break (LF, CRLF or CR; a form feed starts the page: none).
    let end = start - 1;
    const br = end >= 0 ? text.charCodeAt(end) : -1;
    if (br === 10 && end > 0 && text.charCodeAt(end - 1) === 13) end--;
    else if (br !== 10 && br !== 13) return false;
    // Its start, at most LIST_LINE_MAX units back: a longer line is no line of names.
    start = end;
    const floor = Math.max(0, end - LIST_LINE_MAX);
    while (start > floor && !isBreak(text.charCodeAt(start - 1))) start--;
    if (start > 0 && !isBreak(text.charCodeAt(start - 1))) return false;
    const above = text.slice(start, end).trim();
    if (comma && !above.includes('、')) return false;
    if (NAME_LIST_LINE.test(above)) return true;
    if (!NAMES_ONLY.test(above)) return false;
  }
  return false;
}

/**
 * Whether every run of tokens of a single Han glyph in text[from, to) (a line of names only) has an
 * even length: two-glyph names padded to the width of three (`阮 杰 甘 敏`, `王晓明 李 丽`), where a
 * stretched line has as many odd runs as even ones.
 */
function pairedSingles(text: string, from: number, to: number): boolean {
  let run = 0; // single-glyph tokens in a row
  let glyphs = 0; // Han glyphs in the token so far
  for (let i = from; i <= to; ) {
    // The text's end ends the last token as a space would.
    const cp = i < to ? codePointAt(text, i) : 32;
    const comma = cp === 0x3001; // 、
    if (isSpace(cp) || comma) {
      if (glyphs === 1) run++;
      else if (glyphs > 1) {
        if (run % 2 !== 0) return false;
        run = 0;
      }
      if (comma) {
        if (run % 2 !== 0) return false;
        run = 0;
      }
      glyphs = 0;
    } else glyphs++;
    i += cpLength(cp);
  }
  return run % 2 === 0;
}

/** Common single-glyph surnames: the first glyph of each padded name of a line of names alone. */
const SURNAMES = new Set(
  [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'].map((g) => g.codePointAt(0) ?? 0),
);

/**
 * Common glyphs of a one-glyph given name: the second glyph of each padded name of a line of names
 * alone. A letter-spaced headline can have a surname every other glyph (`周 末 高 温 雷 雨`: 周, 高,
 * 雷), its pairs words (周末, 高温), seldom a name's: 末, 温 are no given names.
 */
const GIVEN_NAMES = new Set(
  [...'伟强磊军洋勇杰涛明超平刚华鹏辉建飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳亮成峰毅彬锋坤振海松鸣东文武清新国民春兵忠荣胜利福生发贵祥才德志义兴良光江山川岩昊博楠晨翔宏哲航远达然凡坚钢金宝雷虎豪琦瑜瑾骏驰鹤威彪伦正中立昌盛安康乐庆喜森柏桐栋梁楷源泉洪淼晓晖曦昕晟睿瑞嘉铭锐钧铮锦君诚谦逸韬翰越跃进奇勋卫红旗杨彤芳娜敏静丽艳娟秀霞桂英玉萍玲琳晶颖雪慧倩婷梅兰蓉燕莉丹芬琴云凤洁梦菲薇瑶琪璐露蕾萱怡悦佳婧媛妍莹珊璇艺蕊茜茹妮娇婉娥琼珍珠翠美虹彩晴雯月星辰雨欣岚莎青馨香芸芝菊荷莲萌影秋冬'].map((g) => g.codePointAt(0) ?? 0),
);

/**
 * Whether text[from, to) is nothing but two-glyph names padded to the width of three, three or
 * more, each a common surname then a common given name (`王 丽 李 明 张 伟`; not
 * `春 夏 秋 冬 四 季 分 明`, nor `周 末 高 温 雷 雨`, a headline whose pairs are words).
 */
function surnamePairs(text: string, from: number, to: number): boolean {
  let singles = 0;
  for (let i = from; i < to; ) {
    const cp = codePointAt(text, i);
    const len = cpLength(cp);
    if (!isSpace(cp)) {
      // Single glyphs only, each followed by a space or the end.
      if (!isCjkGlyph(cp) || (i + len < to && !isSpace(text.charCodeAt(i + len)))) return false;
      if (!(singles % 2 === 0 ? SURNAMES : GIVEN_NAMES).has(cp)) return false;
      singles++;
    }
    i += len;
  }
  return singles >= 6 && singles % 2 === 0;
}
