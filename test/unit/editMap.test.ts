// Fix All's edits of a page are the regions its passes changed (EditMap): applied to the page they
// give what fixAll gives, whatever the rounds of edits were, and they are few, apart, whole
// surrogate pairs, and of one byte a character where the page's changes are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { serialize } from 'node:v8';
import fc from '../helpers/fc';
import { EditMap } from '../../server/src/core/editMap';
import { applyEdits, fixAll, normalizeEdits } from '../../server/src/core/fix';
import type { Edit } from '../../server/src/core/types';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';

/** Whether V8 keeps `s` at one byte a character (its serialization tags such a string '"'). */
const oneByte = (s: string) => serialize(s)[2] === 0x22;

/** Sorted, apart (not even touching), inside the text, and not between the halves of a surrogate pair. */
function wellFormed(text: string, edits: readonly Edit[]): void {
  let end = -1;
  for (const e of edits) {
    assert.ok(e.start > end && e.start <= e.end && e.end <= text.length, `edit [${e.start}, ${e.end}) after ${end}`);
    for (const at of [e.start, e.end]) {
      const c = text.charCodeAt(at - 1);
      assert.ok(!(c >= 0xd800 && c <= 0xdbff && at < text.length), `an edge at ${at} splits a surrogate pair`);
    }
    end = e.end;
  }
}

const unit = fc.constantFrom('a', 'b', ' ', '\n', '字', '😀', 'é', '');
const piece = fc.array(unit, { maxLength: 4 }).map((p) => p.join(''));

test('property: the edits of any rounds of edits turn the original into the text they left', () => {
  fc.assert(
    fc.property(
      fc.array(unit, { maxLength: 60 }).map((p) => p.join('')),
      fc.array(fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 5 }), ins: piece }), { maxLength: 8 }), { minLength: 1, maxLength: 5 }),
      (original, rounds) => {
        const map = new EditMap();
        let now = original;
        for (const round of rounds) {
          // A round as fixAll makes one: edits into the text as the rounds before left it, sorted and apart.
          const edits = normalizeEdits(
            round.map((r) => {
              const start = r.at % (now.length + 1);
              return { start, end: Math.min(now.length, start + r.del), newText: r.ins };
            }),
          );
          now = applyEdits(now, edits);
          map.add(edits);
        }
        const edits = map.edits(original, now);
        assert.equal(applyEdits(original, edits), now);
        if (!/[\ud800-\udfff]/.test(rounds.flat().map((r) => r.ins).join('')) && !/[\ud800-\udfff]/.test(original)) wellFormed(original, edits);
        else for (let k = 1; k < edits.length; k++) assert.ok(edits[k].start > edits[k - 1].end, 'apart');
      },
    ),
    { numRuns: 2000 },
  );
});

test('a pair of surrogates is replaced whole, even when a round changed only its second half', () => {
  const map = new EditMap();
  const original = 'ab😀cd';
  const edits = [{ start: 3, end: 4, newText: '\ude01' }]; // 😀 (d83d de00) → 😁 (d83d de01)
  map.add(edits);
  const now = applyEdits(original, edits);
  const out = map.edits(original, now);
  assert.deepEqual(out, [{ start: 2, end: 4, newText: '😁' }]);
});

test('the fixes of real pages, over several passes: fixAll\'s text, in edits of the changed regions', () => {
  const zh = readFileSync(SAMPLE, 'utf8');
  const en = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
  const en2 = readFileSync(path.join(SAMPLES_DIR, 'en', 'saltlaketribune-1911-09-17-p1.txt'), 'utf8');
  // Split sentences on one page: a pass moves one line on a page, so this takes several.
  const head = '市政府党组会议召开\n\n□记者 解泉声 报道\n\n本报讯 会议传达学习了习近平总书记在纪念邓\n小平同志诞辰周年座谈会上的重要讲话精神\n';
  const splits = Array(5).fill(`${head}和体育代表团的重要讲话精神要持续强化\n\n第3版\n\n理论学习。会议还研究了其它事项。\n`).join('\n\n');
  for (const page of [zh, en, en2, splits, `${zh.slice(0, 1500)}😀 😀\n${en.slice(0, 3000)}`]) {
    const map = new EditMap();
    let passes = 0;
    const fixed = fixAll(page, { atStart: false, onPass: (e) => (passes++, map.add(e)) });
    assert.ok(fixed.text !== page && passes === fixed.passes);
    const edits = map.edits(page, fixed.text);
    assert.equal(applyEdits(page, edits), fixed.text);
    wellFormed(page, edits);
    // On the sample pages, less text than the one edit from the first change to the last, which
    // Fix All sent before (on the English pages, much less).
    const units = edits.reduce((n, e) => n + e.newText.length, 0);
    if (page === zh || page === en || page === en2) assert.ok(units < changedMiddle(page, fixed.text) * (page === zh ? 1 : 0.95), `${units} units of new text for a page of ${page.length}`);
  }
  assert.ok(fixAll(splits).passes > 1, 'the split sentences took several passes');
});

/** The length of `after`'s changed middle: what is left of it between its common prefix and suffix with `before`. */
function changedMiddle(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let a = 0;
  while (a < max && before.charCodeAt(a) === after.charCodeAt(a)) a++;
  let b = 0;
  while (b < max - a && before.charCodeAt(before.length - 1 - b) === after.charCodeAt(after.length - 1 - b)) b++;
  return after.length - a - b;
}

test('an English page with a dash and a bullet among its lines: its edits keep clear of them, texts of one byte a character', () => {
  const en = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8');
  assert.ok(/[\u2014\u2022]/.test(en) && !oneByte(en), 'the page is kept at two bytes a character');
  const map = new EditMap();
  const fixed = fixAll(en, { atStart: false, onPass: (e) => map.add(e) });
  const edits = map.edits(en, fixed.text);
  assert.ok(edits.length > 10, `${edits.length} edits`);
  for (const e of edits) assert.ok(oneByte(e.newText), `an edit text of two bytes a character: ${JSON.stringify(e.newText.slice(0, 40))}`);
  // CJK text costs more to send a character than an edit does: its page is a few edits, not one a removed space.
  const zh = readFileSync(SAMPLE, 'utf8');
  const zhMap = new EditMap();
  const zhFixed = fixAll(zh, { atStart: false, onPass: (e) => zhMap.add(e) });
  const zhEdits = zhMap.edits(zh, zhFixed.text);
  assert.ok(zhEdits.length < 20, `${zhEdits.length} edits on a CJK page`);
});
