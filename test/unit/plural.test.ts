// Plural blocks in messages: `{count, plural, one {# file} other {# files}}` reads "1 file", "0 files",
// "2 files" in English; Chinese has no plural.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from '../../server/src/core/messages';

const FILES = '{n, plural, one {# file} other {# files}}';

test('a plural block reads the count in its branch: one for 1, other for 0, 2 and more', () => {
  assert.equal(format(FILES, { n: 1 }), '1 file');
  assert.equal(format(FILES, { n: 0 }), '0 files');
  assert.equal(format(FILES, { n: 2 }), '2 files');
  assert.equal(format(FILES, { n: 21 }), '21 files');
  assert.equal(format(`Removed ${FILES} from {dir}.`, { n: 1, dir: 'out' }), 'Removed 1 file from out.');
  assert.equal(format('{0, plural, one {# article} other {# articles}} to {1}', { 0: 1, 1: 'a.json' }), '1 article to a.json', 'positional names (the client)');
});

test('zh-cn: a plural block there takes `other` (Chinese has one form)', () => {
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
