// Incremental analysis must agree with analysing the whole text, and an edit inside one page
// re-analyses that page only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { lineAt, allLines } from '../../server/src/core/lines';
import { analyze } from '../../server/src/core/analyze';
import { findingCount, fixableCount, fullFindings, IncrementalDocument, outwardFrom, Recent, segmentDump, segmentView } from '../../server/src/core/incremental';
import { SAMPLE } from '../helpers/rules';
import { heapAfterGc } from '../helpers/heap';
import { editBatches, findingKey as key } from '../helpers/edits';

const sample = readFileSync(SAMPLE, 'utf8');

function agree(inc: IncrementalDocument, text: string): void {
  const whole = analyze(text);
  assert.deepEqual(inc.findings().map(key), whole.findings.map(key));
  // Each segment's page index in the whole parse (empty segments are no page there).
  let page = 0;
  const pages = inc.segments.map((s) => (s.end > s.start ? page++ : -1));
  const headlines = inc.segments.flatMap((s, k) =>
    (s.result.analysis?.articles ?? []).map((a) => `${pages[k]}:${a.headline.map((i) => lineAt(segmentDump(s), i).text).join('|')}`),
  );
  const wholeHeadlines = whole.pages.flatMap((p) => p.articles.map((a) => `${p.page}:${a.headline.map((i) => lineAt(whole.dump, i).text).join('|')}`));
  assert.deepEqual(headlines, wholeHeadlines);
  // The per-page summary of findings matches the findings.
  for (const s of inc.segments) {
    const full = fullFindings(s);
    assert.equal(findingCount(s), full.length);
    for (const rule of new Set(full.map((f) => f.rule))) assert.equal(fixableCount(s, [rule]), full.filter((f) => f.rule === rule && f.fix && f.fix.edits.length > 0).length);
    assert.equal(fixableCount(s), full.filter((f) => f.fix && f.fix.edits.length > 0).length);
  }
}

test('an edit inside one page re-analyses only that page', () => {
  const text = [sample, sample, sample, sample].join('\f');
  const inc = new IncrementalDocument({});
  inc.update(text);
  assert.equal(inc.analysed, 4);
  const at = text.indexOf('扎扎实实', sample.length * 2);
  const edited = `${text.slice(0, at)}字${text.slice(at)}`;
  inc.update(edited);
  assert.equal(inc.analysed, 1);
  assert.equal(inc.changedAt, 2 * (sample.length + 1));
  agree(inc, edited);
});

test('property: after any edit sequence the incremental analysis equals the whole-text analysis', () => {
  const base = [sample.slice(0, 3000), sample.slice(3000, 6000), sample.slice(6000)].join('\f');
  const edit = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 40 }),
    ins: fc.constantFrom('', '字', '\f', '\n\n', ' 心 的 关 注 ', 'TTIIRR 跨跨境境', '□记者 张三 报道\n', '（下转第二版）\n', '%% headline\n', '\r\n', '\ufeff%% headline\n', '\f\ufeff'),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let text = base;
      const inc = new IncrementalDocument({});
      inc.update(text);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        inc.update(text);
      }
      agree(inc, text);
    }),
    { numRuns: 60 },
  );
});

test('property: updates guided by merged change windows equal the whole-text analysis', () => {
  const base = [sample.slice(0, 2500), sample.slice(2500, 5000), sample.slice(5000, 7000), sample.slice(7000)].join('\f');
  const edit = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 30 }),
    ins: fc.constantFrom('', '字', '\f', '\f\f', '\n', ' 心 的 关 注 ', 'TTIIRR 跨跨境境', '（下转第二版）\n', '%% article\n'),
  });
  fc.assert(
    fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (batches) => {
      const { inc, text } = editBatches(base, batches, true, (now, t) => assert.equal(now.segments.map((s) => s.text).join('\f'), t));
      agree(inc, text);
    }),
    { numRuns: 150 },
  );
});

test('after edits, nothing the analysis keeps pins an older version of the text', () => {
  // Pages are slices of the document's text; what outlives an update must not hold one.
  let text = Array.from({ length: 100 }, () => sample).join('\f');
  const inc = new IncrementalDocument({});
  inc.update(text);
  // Ask for what the editor asks for, so the caches (full at the start) hold pages of every version.
  const ask = () => {
    for (const s of inc.segments) {
      fullFindings(s);
      segmentView(s, 'test', (dump) => allLines(dump).map((l) => l.text));
    }
  };
  ask();
  const before = heapAfterGc();
  for (let k = 0; k < 20; k++) {
    const at = text.indexOf('扎扎实实', k * (sample.length + 1));
    text = `${text.slice(0, at)}字${text.slice(at)}`;
    inc.update(text);
    ask();
  }
  const grown = heapAfterGc() - before;
  // One version of the text is ~0.75 MB; twenty pinned would be ~15 MB.
  assert.ok(grown < 4 * 2 * text.length, `heap grew ${(grown / 1e6).toFixed(1)} MB over 20 edits`);
});

test('a segment of an older update refuses to give its text', () => {
  const inc = new IncrementalDocument({});
  inc.update([sample, sample].join('\f'));
  const old = inc.segments[1];
  assert.equal(old.text, sample);
  inc.update([sample, `字${sample}`].join('\f'));
  assert.throws(() => old.text, /older version/);
  assert.equal(inc.update('x', () => true), false);
  assert.equal(inc.segments[1].text, `字${sample}`, 'a cancelled update leaves the segments valid');
});

test('the caches keep the most recent entries within both their count and their total weight', () => {
  const cache = new Recent<string, number>(3, 100);
  cache.set('a', 1, 10);
  cache.set('b', 2, 10);
  cache.set('c', 3, 10);
  assert.equal(cache.get('a'), 1); // now the most recent
  cache.set('d', 4, 10); // over the count: b, the least recent, goes
  assert.deepEqual(['a', 'b', 'c', 'd'].map((k) => cache.get(k)), [1, undefined, 3, 4]);
  cache.set('e', 5, 85); // over the weight: the oldest go until it fits (a, c, d hold 30; with e 115)
  assert.deepEqual(['a', 'c', 'd', 'e'].map((k) => cache.get(k)), [undefined, undefined, 4, 5]);
  cache.set('f', 6, 500); // heavier than the bound alone: kept, the rest go
  assert.deepEqual(['d', 'e', 'f'].map((k) => cache.get(k)), [undefined, undefined, 6]);
  cache.set('f', 7, 1); // replaced, its weight with it
  cache.set('g', 8, 90);
  assert.deepEqual(['f', 'g'].map((k) => cache.get(k)), [7, 8]);
});

test('a dump that starts with a form feed: the encoding finding is on the first line with text, as in the whole-text analysis', () => {
  const text = '\f\ufffd\ufffd\ufffd\ufffd\n\ufffd\ufffd';
  const inc = new IncrementalDocument({});
  inc.update(text);
  const enc = inc.findings().filter((f) => f.rule === 'encoding');
  assert.equal(enc.length, 1);
  assert.deepEqual(enc.map(key), analyze(text).findings.filter((f) => f.rule === 'encoding').map(key));
  assert.equal(enc[0].start, 1);
});

test('the encoding rule weighs the replacement characters against every page, those without any too', () => {
  const glyphs = (n: number) => '字'.repeat(n);
  // 3 on the first page among 103 units: a GB18030 text (on line 1); with 2,000 more units on pages
  // without one, under the rule's ratio: characters lost, at the first of them. The pages without a
  // replacement character are counted only when the text has one.
  for (const text of ['\ufffd\ufffd\ufffd' + glyphs(100), `\ufffd\ufffd\ufffd${glyphs(100)}\f${glyphs(1000)}\f${glyphs(1000)}`, `${glyphs(10)}\f${glyphs(5)}\ufffd${glyphs(5)}\n`]) {
    const inc = new IncrementalDocument({});
    inc.update(text);
    const whole = analyze(text).findings.filter((f) => f.rule === 'encoding');
    assert.deepEqual(inc.findings().filter((f) => f.rule === 'encoding').map(key), whole.map(key));
    assert.equal(whole.length, 1);
    assert.match(whole[0].message, text.includes('\f') ? /characters? lost/ : /GB18030/);
    if (text.includes('\f')) assert.equal(text[whole[0].start], '\ufffd');
  }
});

test('pages are taken from the edit outwards, alternating, until both ends', () => {
  assert.deepEqual([...outwardFrom(2, 6)], [2, 3, 1, 4, 0, 5]);
  assert.deepEqual([...outwardFrom(0, 3)], [0, 1, 2]);
  assert.deepEqual([...outwardFrom(2, 3)], [2, 1, 0]);
  assert.deepEqual([...outwardFrom(0, 0)], [], 'no pages, none taken');
  assert.deepEqual([...outwardFrom(0, 1)], [0]);
});

/** `n` pages, each the sample after a line of its own (no two alike, so none is taken over for another). */
const distinctPages = (n: number) => Array.from({ length: n }, (_, k) => `第${k + 1}页\n${sample}`).join('\f');

test('a stopped update keeps the pages it analysed: the next one takes them over', () => {
  const text = distinctPages(5);
  const inc = new IncrementalDocument({});
  let asked = 0;
  // Asked before each page analysed: stopped before the third.
  assert.equal(inc.update(text, () => ++asked > 2), false);
  assert.equal(inc.analysed, 2);
  assert.equal(inc.update(text), true);
  assert.equal(inc.analysed, 3);
  agree(inc, text);
});

test('steps from a focus: the page holding it is analysed first, then the pages outwards', () => {
  const text = distinctPages(5);
  const inc = new IncrementalDocument({});
  const focus = text.indexOf('第4页');
  const steps = inc.steps(text, undefined, focus);
  const order: number[] = [];
  for (let r = steps.next(); !r.done; r = steps.next()) {
    const pending = inc.pending!;
    assert.equal(pending.focus, 3);
    order.push(pending.segments.filter(Boolean).length);
    assert.equal(pending.done, order.at(-1), 'done counts the segments done');
    if (order.length > 1) assert.ok(pending.segments[3], 'the focus page is done first');
  }
  assert.equal(inc.pending, undefined, 'nothing pending once done');
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
  assert.equal(inc.changedAt, inc.segments[3].start, 'the diagnostics are taken from the focus outwards');
  // Outwards: 3, 4, 2, 1, 0 (outwardFrom) — the last one analysed is the first page.
  agree(inc, text);
});
