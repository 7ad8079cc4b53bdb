// Plural blocks in messages: `{count, plural, one {# file} other {# files}}` reads "1 file", "0 files",
// "2 files" in English; Chinese has no plural (its messages keep a plain `{count}`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en, format, t, tCount, zhCn } from '../../server/src/core/messages';

const FILES = '{n, plural, one {# file} other {# files}}';

test('a plural block reads the count in its branch: one for 1, other for 0, 2 and more', () => {
  assert.equal(format(FILES, { n: 1 }), '1 file');
  assert.equal(format(FILES, { n: 0 }), '0 files');
  assert.equal(format(FILES, { n: 2 }), '2 files');
  assert.equal(format(FILES, { n: 21 }), '21 files');
  assert.equal(format(`Removed ${FILES} from {dir}.`, { n: 1, dir: 'out' }), 'Removed 1 file from out.');
  assert.equal(format('{0, plural, one {# article} other {# articles}} to {1}', { 0: 1, 1: 'a.json' }), '1 article to a.json', 'positional names (the client)');
});

test('several counts in one message each take their own branch; a count may choose words twice', () => {
  const summary = (articles: number, files: number) => t(en, 'cli.exportSummary', { articles, files, target: 'out', written: files, failed: 0 });
  assert.equal(summary(1, 1), 'Exported 1 article from 1 file to out (1 written, 0 failed).');
  assert.equal(summary(3, 1), 'Exported 3 articles from 1 file to out (1 written, 0 failed).');
  assert.equal(summary(1, 2), 'Exported 1 article from 2 files to out (2 written, 0 failed).');
  assert.equal(summary(0, 0), 'Exported 0 articles from 0 files to out (0 written, 0 failed).');
  assert.equal(t(en, 'cli.upToDate', { count: 1, issues: 1 }), '1 file in 1 folder was up to date and not exported again.');
  assert.equal(t(en, 'cli.upToDate', { count: 2, issues: 1 }), '2 files in 1 folder were up to date and not exported again.');
  assert.equal(t(en, 'cli.upToDate', { count: 5, issues: 3 }), '5 files in 3 folders were up to date and not exported again.');
  assert.equal(
    t(en, 'cli.orphans', { count: 1, target: 'out', example: 'out/a.json' }),
    '1 output in out has no page in this export any more (a page or its folder deleted, renamed, or left out by --include), e.g. out/a.json; it is left as it is, and so are links to it. Run with --prune to remove it (its folder, if it still has pages, is then exported again).',
  );
  assert.match(t(en, 'cli.orphans', { count: 2, target: 'out', example: 'out/a.json' }), /^2 outputs in out have no page .*; they are left as they are, .* remove them \(their folders that still have pages are then exported again\)\.$/);
  assert.equal(tCount(en, 'spaced-glyphs.message', 1), 'Letter-spaced line: 1 justification space between CJK glyphs');
  assert.equal(tCount(en, 'spaced-glyphs.message', 3), 'Letter-spaced line: 3 justification spaces between CJK glyphs');
  assert.equal(t(en, 'hover.bodyLines', { count: 1 }), '1 line');
});

test('zh-cn: messages unchanged, and a plural block there takes `other` (Chinese has one form)', () => {
  assert.equal(t(zhCn, 'cli.exportSummary', { articles: 1, files: 1, target: 'out', written: 1, failed: 0 }), '已从 1 个文件导出 1 篇稿件到 out（写入 1 个，失败 0 个）。');
  assert.equal(t(zhCn, 'cli.upToDate', { count: 1, issues: 1 }), '1 个文件夹中的 1 个文件已是最新，未再次导出。');
  assert.equal(tCount(zhCn, 'spaced-glyphs.message', 1), '字间距异常：汉字之间有 1 处排版空格');
  assert.equal(format(FILES, { n: 1 }, 'zh-CN'), '1 files');
  assert.equal(format(FILES, { n: 1 }, 'zh-cn'), '1 files', 'a tag as VS Code writes it');
});

test('=N picks an exact count before the category; placeholders in a branch are filled', () => {
  const problems = '{n, plural, =0 {no problems} one {# problem in {file}} other {# problems in {file}}}';
  assert.equal(format(problems, { n: 0, file: 'a' }), 'no problems');
  assert.equal(format(problems, { n: 1, file: 'a' }), '1 problem in a');
  assert.equal(format(problems, { n: 7, file: 'a' }), '7 problems in a');
});

test('a block without its count, or not written as one, stays as written', () => {
  assert.equal(format(`${FILES} in {dir}`, { dir: 'out' }), `${FILES} in out`);
  for (const text of ['{n, plural, one {# file}}', '{n, plural, other {# files}', '{n, plural, one # file other {# files}}', '{n, plural}', '{n, other}', '{n,plural,other{#}']) {
    assert.equal(format(`${text} {dir}`, { n: 1, dir: 'out' }), `${text} out`, text);
  }
  assert.equal(format('{n,plural,other{#}}', { n: 1 }), '1', 'spaces are optional');
});
