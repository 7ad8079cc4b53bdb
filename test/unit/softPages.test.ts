// A page that runs on without a form feed is analysed in parts cut at line starts chosen by their
// content (softPages.ts). Parse and the incremental analysis must cut in the same places, an edit
// must move only the cuts near it, and the export and the rewrite must still see one page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import fc from '../helpers/fc';
import { lineAt } from '../../server/src/core/lines';
import { analyze } from '../../server/src/core/analyze';
import { exportArticles } from '../../server/src/core/export';
import { fixAllEdits, fixAllParts, IncrementalDocument, segmentDump } from '../../server/src/core/incremental';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { editBatches, findingKey as key } from '../helpers/edits';
import { parse } from '../../server/src/core/parse';
import { rewritePage } from '../../server/src/core/rewrite';
import { softLimits } from '../../server/src/core/softPages';
import { SAMPLE, SAMPLES_DIR } from '../helpers/rules';
import * as path from 'node:path';

const sample = readFileSync(SAMPLE, 'utf8');
const defaults = { ...softLimits };
after(() => Object.assign(softLimits, defaults));

/** The segments, put back together with what separated them (a form feed, or nothing at a cut). */
function rejoin(inc: IncrementalDocument): string {
  return inc.segments.map((s, k) => (k === 0 ? '' : s.soft ? '' : '\f') + s.text).join('');
}

function agree(inc: IncrementalDocument, text: string): void {
  assert.equal(rejoin(inc), text);
  const whole = analyze(text);
  // The same cuts: one segment per page of the whole parse, at the same places.
  const pages = whole.dump.pages;
  const segs = inc.segments.filter((s) => s.end > s.start);
  assert.deepEqual(
    segs.map((s) => `${s.start}-${s.end}${s.soft ? '~' : ''}`),
    pages.map((p) => `${p.start}-${text.charCodeAt(p.end - 1) === 12 ? p.end - 1 : p.end}${p.soft ? '~' : ''}`),
  );
  for (const s of segs) assert.equal(segmentDump(s).pages.length, 1, 'a segment parsed alone has no cut inside');
  assert.deepEqual(inc.findings().map(key), whole.findings.map(key));
  // Article ids as the editor shows them (page-local ids of a segment, placed by sheetParts) are the whole analysis' ids.
  const parts = inc.sheetParts();
  const ids = inc.segments.flatMap((s, k) => (s.result.analysis?.articles ?? []).map((a) => a.id.replace(/^p1-a(\d+)$/, (_, n: string) => `p${parts[k].sheet + 1}-a${Number(n) + parts[k].first}`)));
  assert.deepEqual(ids, whole.pages.flatMap((p) => p.articles.map((a) => a.id)));
}

test('a page without form feeds is cut at line starts, between min and max apart; with form feeds nothing changes', () => {
  const glued = Array(120).fill(sample).join('\n'); // ~420 k units, no form feed
  const dump = parse(glued);
  assert.ok(dump.pages.length >= 2 && dump.pages.length <= Math.ceil(glued.length / softLimits.min), `${dump.pages.length} pages`);
  dump.pages.forEach((p, k) => {
    assert.equal(p.soft, k > 0);
    assert.equal(p.sheet, 0);
    if (k > 0) {
      assert.equal(p.start, dump.pages[k - 1].end);
      assert.match(glued.slice(p.start - 1, p.start), /\n/, 'a cut is at a line start');
    }
    if (k < dump.pages.length - 1) assert.ok(p.end - p.start >= softLimits.min && p.end - p.start <= softLimits.max + 200, `${p.end - p.start}`);
  });
  const paged = parse(Array(120).fill(sample).join('\f'));
  assert.ok(paged.pages.every((p, k) => !p.soft && p.sheet === k));
});

test('an English dump without form feeds is cut at an article head, not inside an article', () => {
  // Its articles have no blank lines between them: cut at a hashed line, every cut of this dump fell
  // on a body line, leaving a headless article after the cut (24 of 24).
  const page = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8').replace(/\f/g, '\n');
  const glued = Array(30).fill(page).join('\n');
  const { pages } = analyze(glued);
  const cut = pages.filter((p) => p.page > 0);
  assert.ok(cut.length >= 5, `${cut.length} cuts`);
  for (const p of cut) assert.ok(p.articles[0].headline.length > 0, `the article at the cut of part ${p.page} has a headline`);
});

test('a cut prefers a heading-like line after a sentence end, and falls back to the hashed lines a quarter of the way to max', () => {
  Object.assign(softLimits, { min: 1000, max: 13000 });
  try {
    // Only some heading-like lines can be cuts (their hash, see softPages.ts): twenty of each kind.
    const body = (k: number) => `the body line ${String(k).padStart(3, '0')} runs on and on\n`;
    const lines: string[] = [];
    for (let k = 0; k < 25; k++) lines.push(body(k));
    // Capitals lines after lines that do not end a sentence: not cuts.
    for (let k = 0; k < 20; k++) lines.push(body(100 + k), `ANOTHER LINE ${k} IN THE MIDDLE\n`);
    // Capitals lines after a sentence's end: the cut is one of them.
    for (let k = 0; k < 20; k++) lines.push(`and the story ${k} ends here.\n`, `A HEADLINE OF STORY ${k}\n`);
    for (let k = 0; k < 200; k++) lines.push(body(200 + k));
    const text = lines.join('');
    const heads = [...text.matchAll(/^A HEADLINE/gm)].map((m) => m.index);
    const cut = parse(text).pages[1].start;
    assert.ok(heads.includes(cut), `cut at ${cut}: ${JSON.stringify(text.slice(cut, cut + 30))}`);
    // The same in CJK: a short line of glyphs after a sign-off's ）(or a 。), not after ，or with ，inside.
    const zh: string[] = [];
    for (let k = 0; k < 60; k++) zh.push(`顺势而为胶州跨境电商开辟国际贸易新路径第${k}行，\n`);
    for (let k = 0; k < 20; k++) zh.push('乘势而上，上合扬帆远航，\n', `市政府党组会议第${k}次召开\n`, '会议还研究了其它事项。\n', `聚焦群众所需，提升第${k}品质\n`);
    for (let k = 0; k < 20; k++) zh.push('（本报通讯员）\n', `市政府党组理论学习第${k}期\n`);
    for (let k = 0; k < 400; k++) zh.push(`顺势而为胶州跨境电商开辟国际贸易新路径第${k}行，\n`);
    const zhText = zh.join('');
    const zhHeads = [...zhText.matchAll(/^市政府党组理论学习/gm)].map((m) => m.index);
    const zhCut = parse(zhText).pages[1].start;
    assert.ok(zhHeads.includes(zhCut), `cut at ${zhCut}: ${JSON.stringify(zhText.slice(zhCut, zhCut + 20))}`);
    // No heading: the first cut is a hashed line past a quarter of the way from min to max, before max.
    const plain = Array.from({ length: 600 }, (_, k) => body(k)).join('');
    const first = parse(plain).pages[1].start;
    assert.ok(first >= 4000 && first <= 13000 + 40, `${first}`);
  } finally {
    Object.assign(softLimits, defaults);
  }
});

test('CRLF and CR line ends are cut where parse sees line starts', () => {
  for (const nl of ['\r\n', '\r']) {
    const text = Array(80).fill(sample.replace(/\n/g, nl)).join(nl);
    const dump = parse(text);
    assert.ok(dump.pages.length >= 2);
    for (const p of dump.pages.slice(1)) assert.ok(lineAt(dump, p.firstLine).start === p.start && p.start > 0 && /[\r\n]/.test(text[p.start - 1]));
    const inc = new IncrementalDocument({});
    inc.update(text);
    agree(inc, text);
  }
});

test('typing in a page without form feeds re-analyses the part it is in, not the page', () => {
  const glued = Array(300).fill(sample).join('\n'); // ~1 MB
  const inc = new IncrementalDocument({});
  inc.update(glued);
  const parts = inc.segments.length;
  assert.ok(parts >= 5, `${parts} parts`);
  let text = glued;
  for (const frac of [0.1, 0.5, 0.9]) {
    const at = text.indexOf('\n', Math.floor(text.length * frac)) + 3;
    text = `${text.slice(0, at)}字${text.slice(at)}`;
    inc.update(text, undefined, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(inc.analysed <= 2, `analysed ${inc.analysed} of ${parts}`);
  }
  agree(inc, text);
});

test('one-character edits anywhere each re-analyse their own part: a cut moves rarely', () => {
  // Cuts are few among the lines that could be cuts (their hash): were every heading-like line one,
  // the text an edit shifts would carry one across the `min` mark of its part often, moving that
  // cut, then the next, and so on (up to 19 parts an edit in a 10 MB dump).
  let text = Array(800).fill(sample).join('\n'); // ~3 MB
  const inc = new IncrementalDocument({});
  inc.update(text);
  assert.ok(inc.segments.length >= 25, `${inc.segments.length} parts`);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const counts: number[] = [];
  for (let k = 0; k < 120; k++) {
    const at = Math.floor(random() * text.length);
    const ch = ['字', ' ', 'a', '的'][k % 4];
    text = text.slice(0, at) + ch + text.slice(at);
    inc.update(text, undefined, { start: at, oldEnd: at, newEnd: at + ch.length });
    counts.push(inc.analysed);
  }
  assert.ok(counts.every((c) => c <= 2), `parts analysed per edit: ${counts.filter((c) => c > 1).join(' ')}`);
});

test('property: with cuts close together, any edits keep the incremental analysis equal to the whole-text one', () => {
  Object.assign(softLimits, { min: 700, max: 2500 });
  try {
    const base = [sample.slice(0, 6000), sample.slice(6000)].join('\f');
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 60 }),
      ins: fc.constantFrom('', '字', '\f', '\n', '\n\n', '\r', '\r\n', '  \n', 'TTIIRR 跨跨境境\n', '（下转第二版）\n', '%% headline\n', '\ufeff%% headline\n', 'x'.repeat(900)),
    });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (batches, windowed) => {
        const { inc, text } = editBatches(base, batches, windowed);
        agree(inc, text);
      }),
      { numRuns: 200 },
    );
  } finally {
    Object.assign(softLimits, defaults);
  }
});

test('an edit on the line a cut starts re-cuts from the part before (the cut may move)', () => {
  Object.assign(softLimits, { min: 700, max: 2500 });
  try {
    const base = Array(4).fill(sample).join('\n');
    const cuts = parse(base).pages.filter((p) => p.soft).map((p) => p.start);
    assert.ok(cuts.length > 5);
    let moved = 0;
    for (const cut of cuts) {
      for (const ins of ['字', '\n', 'x']) {
        const inc = new IncrementalDocument({});
        inc.update(base);
        const text = `${base.slice(0, cut + 1)}${ins}${base.slice(cut + 1)}`;
        inc.update(text, undefined, { start: cut + 1, oldEnd: cut + 1, newEnd: cut + 1 + ins.length });
        agree(inc, text);
        if (!inc.segments.some((s) => s.start === cut)) moved++;
      }
    }
    assert.ok(moved > 0, 'some edit moved its cut');
  } finally {
    Object.assign(softLimits, defaults);
  }
});

test('fix-all page by page (source.fixAll in the editor) gives the text the whole-text fix gives, a page led by U+FEFF included', () => {
  // (Not across cuts: the whole-text fix analyses its result again, and the fixes, shortening the
  // text, move the cuts; a paragraph at one may then be joined by one and not the other. That is
  // why `newsprint fix` fixes part by part: see the next test.)
  // On the page after the first form feed, `%% skip` is a directive only if the U+FEFF before it is
  // taken for a byte-order mark: then the paragraph under it is not joined.
  const wrapped = '顺势而为，胶州跨境电商开辟\n国际贸易新路径；乘势而上，上合\n扬帆远航开拓国际市场新蓝海。\n';
  const text = [sample, `\ufeff%% skip\n${wrapped}\n${sample.slice(0, 2000)}`, sample].join('\f');
  const inc = new IncrementalDocument({});
  inc.update(text);
  const { edits } = fixAllEdits(inc, {});
  assert.ok(edits.length >= 3);
  assert.equal(applyEdits(text, edits), fixAll(text).text);
});

test('newsprint fix fixes a page cut in parts part by part, as the editor\'s fix-all does', () => {
  // Over the whole text, each pass cut the fixed text again: a line was joined across a cut the
  // editor kept (every cut of the English page glued 10 times).
  const en = readFileSync(path.join(SAMPLES_DIR, 'en', 'nytribune-1903-05-01-p1.txt'), 'utf8').replace(/\f/g, '\n');
  for (const text of [Array(10).fill(en).join('\n'), Array(120).fill(sample).join('\n'), [Array(10).fill(en).join('\n'), sample].join('\f')]) {
    const inc = new IncrementalDocument({});
    inc.update(text);
    assert.ok(inc.segments.some((s) => s.soft));
    const parts = fixAllParts(text);
    assert.equal(parts.text, applyEdits(text, fixAllEdits(inc, {}).edits));
    assert.equal(parts.left, 0);
  }
});

test('the export counts form-feed pages and numbers articles and their ids by them; the rewrite takes the page whole', () => {
  const glued = Array(120).fill(sample).join('\n');
  assert.ok(parse(glued).pages.length >= 2);
  const doc = exportArticles(glued, { path: 'glued.txt', sha256: '0'.repeat(64), version: '0.0.0' });
  assert.equal(doc.source.pages, 1);
  assert.ok(doc.articles.length > 0 && doc.articles.every((a) => a.page === 1));
  assert.deepEqual(
    doc.articles.map((a) => a.id),
    doc.articles.map((_, k) => `p1-a${k + 1}`),
    'ids count on over the parts of the page',
  );
  const two = exportArticles(`${glued}\f${sample}`, { path: 'two.txt', sha256: '0'.repeat(64), version: '0.0.0' });
  assert.equal(two.source.pages, 2);
  assert.equal(two.articles.at(-1)!.page, 2);
  // The rewrite takes such a page whole (cut, its result would be cut elsewhere): no page break
  // added, and a second rewrite changes nothing.
  const once = rewritePage(glued).text;
  assert.ok(!once.includes('\f'));
  assert.equal(rewritePage(once).text, once);
});
