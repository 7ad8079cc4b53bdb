// The time left on the export's progress line: none while the pace says little, then in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messagesFor, timeLeft } from '../../server/src/core/messages';

const en = messagesFor('en');
const zh = messagesFor('zh-cn');

test('no time left is said in the first seconds or the first hundredth of the batch, nor at its end', () => {
  assert.equal(timeLeft(en, 4_999, 500, 1000), '');
  assert.equal(timeLeft(en, 60_000, 9, 1000), '');
  assert.equal(timeLeft(en, 60_000, 1000, 1000), '');
});

test('then the rest at the pace so far, in seconds, minutes, or hours and minutes', () => {
  assert.equal(timeLeft(en, 10_000, 500, 1000), ', about 10 s left');
  assert.equal(timeLeft(en, 10_000, 100, 1000), ', about 2 min left'); // 90 s
  assert.equal(timeLeft(en, 60_000, 10, 1000), ', about 1 h 39 min left'); // 5,940 s
  assert.equal(timeLeft(en, 3_600_000, 500, 1000), ', about 1 h 0 min left');
  assert.equal(timeLeft(zh, 10_000, 100, 1000), '，约剩 2 分钟');
});
