// "Mark as …" actions in dumps without blank lines (OCR text, much pdftotext output): a block is
// then the whole page, so the actions delimit the lines they are for themselves: the lines the
// selection covers, else the detected heading under the cursor, else the cursor's line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lineAt } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { analyzeArticles } from '../../server/src/core/articles/detect';
import { roleAt } from '../../server/src/core/articles/model';
import { parseAnnotations } from '../../server/src/core/annotations';
import { annotationActions } from '../../server/src/core/outline';
import { messagesFor } from '../../server/src/core/messages';
import { applyEdits } from '../../server/src/core/fix';
import type { DirectiveName } from '../../server/src/core/annotations';

const en = messagesFor('en');
// 769 lines and not one blank: line 4-5 its first article's headline, 19-88 the third's body.
const TRIBUNE = readFileSync('/work/wt/shared/samples/en/saltlaketribune-1911-09-17-p1.txt', 'utf8');
const run = (src: string) => {
  const dump = parse(src);
  return { dump, pages: analyzeArticles(dump, en) };
};
/** The edits of the action `name` with the cursor at the start of 0-based line `row` (to column `endCol` of line `endRow`: a selection). */
function edits(src: string, name: DirectiveName, row: number, endRow = row, endCol = 0) {
  const { dump, pages } = run(src);
  const at = lineAt(dump, row).start;
  const end = lineAt(dump, endRow).start + endCol;
  return annotationActions(dump, pages, at, en, end).find((a) => a.directive === name)?.edits;
}
/** Offset of the start of 0-based line `row` of `src`. */
const rowStart = (src: string, row: number) => lineAt(parse(src), row).start;
/** The role of 0-based line `row` after analysing `src`. */
const rolesOf = (src: string) => {
  const { dump, pages } = run(src);
  return { dump, pages, role: (row: number) => roleAt(pages[0], row - dump.pages[0].firstLine) };
};
const at = (src: string, row: number, newText: string) => ({ start: rowStart(src, row), end: rowStart(src, row), newText });

test('on a detected heading of a page without blank lines, the role actions are for that heading: the directive above it, a blank line after it', () => {
  // The cursor on AT AUTO RACE (line 5), the second line of the headline IE II1S / AT AUTO RACE.
  for (const name of ['kicker', 'skip', 'attach-below'] as const) assert.deepEqual(edits(TRIBUNE, name, 5), [at(TRIBUNE, 4, `%% ${name}\n`), at(TRIBUNE, 6, '\n')], name);
  // Start new article here: right above the heading, and the rest of the run is the article's.
  assert.deepEqual(edits(TRIBUNE, 'article', 5), [at(TRIBUNE, 4, '%% article\n')]);
  // Nothing at the top of the page any more.
  const { dump, pages } = run(TRIBUNE);
  for (const a of annotationActions(dump, pages, rowStart(TRIBUNE, 5), en)) assert.ok(a.edits.every((e) => e.start > 0), a.title);
});

test('"Mark as headline" on a line in the middle of a body without blank lines: that line, and only it, is a headline after', () => {
  assert.deepEqual(edits(TRIBUNE, 'headline', 25), [at(TRIBUNE, 25, '%% headline\n'), at(TRIBUNE, 26, '\n')]);
  const marked = applyEdits(TRIBUNE, edits(TRIBUNE, 'headline', 25)!);
  const { dump, pages, role } = rolesOf(marked);
  assert.deepEqual(parseAnnotations(dump, 0).problems, []);
  // Line 25 is now 26 (the directive above it), and a blank line 27 ends its block.
  assert.equal(role(26), 'headline');
  for (const row of [19, 20, 24, 28, 29, 30, 35, 40]) assert.equal(role(row), 'body', `line ${row}`);
  const a = pages[0].articles.find((x) => x.headline.includes(26))!;
  assert.deepEqual(a.headline, [26]);
  assert.equal(a.body[0], 28);
});

test('"Mark as kicker" and "Not an article" on a body line without blank lines: that line only', () => {
  const kicked = applyEdits(TRIBUNE, edits(TRIBUNE, 'kicker', 25)!);
  const k = rolesOf(kicked);
  assert.equal(k.role(26), 'kicker');
  for (const row of [24, 28, 29]) assert.equal(k.role(row), 'body', `kicker: line ${row}`);
  const skipped = applyEdits(TRIBUNE, edits(TRIBUNE, 'skip', 25)!);
  assert.deepEqual(edits(TRIBUNE, 'skip', 25), [at(TRIBUNE, 25, '%% skip\n'), at(TRIBUNE, 26, '\n')]);
  const s = rolesOf(skipped);
  assert.ok(!s.pages[0].articles.some((a) => a.lines.includes(26)), 'the skipped line is in no article');
  for (const row of [24, 28, 29, 40]) assert.ok(s.pages[0].articles.some((a) => a.lines.includes(row)), `line ${row} stays in an article`);
});

test('"Start new article here" on a body line without blank lines: %% article right above that line, no blank line', () => {
  assert.deepEqual(edits(TRIBUNE, 'article', 25), [at(TRIBUNE, 25, '%% article\n')]);
  const { pages } = rolesOf(applyEdits(TRIBUNE, edits(TRIBUNE, 'article', 25)!));
  const a = pages[0].articles.find((x) => x.lines.includes(26))!;
  assert.equal(a.lines[0], 26);
  assert.ok(!a.lines.includes(24));
});

test('a selection of several lines: the action is for the lines it covers', () => {
  // Lines 19-21 selected, to column 0 of line 22 (whole lines) or into line 21.
  const want = [at(TRIBUNE, 19, '%% kicker\n'), at(TRIBUNE, 22, '\n')];
  assert.deepEqual(edits(TRIBUNE, 'kicker', 19, 22, 0), want);
  assert.deepEqual(edits(TRIBUNE, 'kicker', 19, 21, 5), want);
  // A selection wins over the heading under the cursor.
  assert.deepEqual(edits(TRIBUNE, 'skip', 5, 7, 3), [at(TRIBUNE, 5, '%% skip\n'), at(TRIBUNE, 8, '\n')]);
  const skipped = rolesOf(applyEdits(TRIBUNE, edits(TRIBUNE, 'skip', 19, 22, 0)!));
  for (const row of [20, 21, 22]) assert.ok(!skipped.pages[0].articles.some((a) => a.lines.includes(row)), `line ${row}`);
  assert.equal(skipped.role(24), 'body');
  // A selection reaching past its run (over a blank line) is for the lines of the run it starts in.
  const page = 'TOWN NEWS\nThe council met on Monday evening.\nThe mayor spoke of roads.\n\nSchools will open in September.\n';
  assert.deepEqual(edits(page, 'skip', 1, 4, 5), [at(page, 1, '%% skip\n')]);
});

test('the blank line inserted has the file\'s line ending; none when an annotation line or the page\'s end follows', () => {
  const crlf = TRIBUNE.replace(/\n/g, '\r\n');
  assert.deepEqual(edits(crlf, 'headline', 25), [at(crlf, 25, '%% headline\r\n'), at(crlf, 26, '\r\n')]);
  // An annotation line below ends the block already.
  const lines = TRIBUNE.split('\n');
  lines.splice(26, 0, '%% # checked');
  const noted = lines.join('\n');
  assert.deepEqual(edits(noted, 'headline', 25), [at(noted, 25, '%% headline\n')]);
  // The page's last line.
  const last = parse(TRIBUNE).lines.length - 1;
  assert.deepEqual(edits(TRIBUNE, 'skip', last), [at(TRIBUNE, last, '%% skip\n')]);
});

test('a run that is one block keeps its edits: a paragraph, a two-line headline (blank lines between blocks)', () => {
  const page = ['春季植树活动启动', '人人动手绿化家园', '', '□记者 王五 报道', '', '本报讯 昨日，全市春季义务植树活动正式启动，', '各区组织干部群众参加植树，共栽植各类苗木', '三万余株，进一步扩大了城市绿化覆盖面积。', ''].join('\n');
  for (const name of ['skip', 'headline', 'article'] as const) assert.deepEqual(edits(page, name, 6), [at(page, 5, `%% ${name}\n`)], `paragraph: ${name}`);
  for (const name of ['skip', 'kicker', 'article'] as const) assert.deepEqual(edits(page, name, 1), [at(page, 0, `%% ${name}\n`)], `headline: ${name}`);
});

test('bad-annotation: a heading directive that reaches a long block says over how many lines, and to end the heading with a blank line', () => {
  const problems = (src: string) => parseAnnotations(parse(src), 0).problems.map((p) => [p.kind, p.name, p.count]);
  // The whole Tribune page under `%% headline` (what "Mark as headline" wrote before).
  const { pages } = run(`%% headline\n${TRIBUNE}`);
  const found = pages[0].findings.filter((f) => f.rule === 'bad-annotation');
  assert.deepEqual(found.map((f) => [f.start, f.end, f.severity]), [[3, 11, 'warning']]);
  assert.match(found[0].message, /"headline" applies to the whole block below it, 769 lines/);
  assert.match(analyzeArticles(parse(`%% 引题\n${TRIBUNE}`), messagesFor('zh-cn'))[0].findings.find((f) => f.rule === 'bad-annotation')?.message ?? '', /指令“引题”作用于其下整个段落.*共 769 行/);
  const block = (n: number) => Array.from({ length: n }, (_, k) => `Line ${k + 1} of the block`).join('\n');
  // Six lines are a heading still; seven are not; nor is a body, a skip or a caption one, however long.
  for (const name of ['headline', 'kicker', 'deck', 'byline', 'label']) {
    assert.deepEqual(problems(`%% ${name}\n${block(6)}\n`), [], name);
    assert.deepEqual(problems(`%% ${name}\n${block(7)}\n\nMore text.\n`), [['long-block', name, 7]], name);
  }
  for (const name of ['body', 'skip', 'caption', 'article', 'attach-below']) assert.deepEqual(problems(`%% ${name}\n${block(9)}\n`).filter((p) => p[0] === 'long-block'), [], name);
  // Only the role that applies: `%% headline` then `%% skip` is a conflict, not a long heading.
  assert.deepEqual(problems(`%% headline\n%% skip\n${block(9)}\n`).map((p) => p[0]), ['conflict']);
  assert.deepEqual(problems(`%% skip\n%% headline\n${block(9)}\n`).map((p) => p[0]), ['conflict', 'long-block']);
});
