// Linking continuations across a batch: the same links as comparing every 'to' with every 'from'
// (the oracle below, the loop linking was written as first, kept apart on purpose), now that each
// 'to' looks only at the 'from's of its issue and target page. A marker naming several pages
// (第2、3版) tries them in order: the oracle does too. A middle part of a story over three pages
// (continued from one page, `continuation`, and on to another, `continuedTo`) is two parts, one
// of each direction, that never link to each other. A part's further markers (moreContinuations: a
// second page it is continued on to or from) are parts of their own too, in reading order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePageOf, linkContinuations, pageNumbersOf, similarity, type LinkableDoc } from '../../server/src/core/continuations';
import type { ContinuationOut } from '../../server/src/core/export';
import fc from '../helpers/fc';
import { assertChainLinked } from '../helpers/links';

type Art = LinkableDoc['articles'][number];

/** Every 'to' against every 'from', in batch order, per page it names; the best headline match wins, the first on a tie. */
function oracle(docs: readonly LinkableDoc[]): void {
  type Part = { doc: LinkableDoc; article: Art; c: ContinuationOut; page: number; issue: string };
  const tos: Part[] = [];
  const froms: Part[] = [];
  for (const doc of docs) {
    const p = doc.source.path;
    const issue = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    for (const article of doc.articles) {
      if (!article.continuation) continue;
      const page = basePageOf(p) + article.page - 1;
      (article.continuation.to !== undefined ? tos : froms).push({ doc, article, c: article.continuation, page, issue });
      if (article.continuedTo) tos.push({ doc, article, c: article.continuedTo, page, issue });
      for (const c of article.moreContinuations ?? []) (c.to !== undefined ? tos : froms).push({ doc, article, c, page, issue });
    }
  }
  const ref = (from: Part, to: Part) => (from.doc === to.doc ? to.article.id : `${to.doc.source.path}#${to.article.id}`);
  for (const t of tos) {
    for (const target of pageNumbersOf(t.c.to!)) {
      let best: Part | undefined;
      let bestScore = -1;
      for (const f of froms) {
        if (f.issue !== t.issue || f.page !== target || f.c.linkedId !== null || f.article === t.article) continue;
        const backs = pageNumbersOf(f.c.from!);
        if (backs.length > 0 && !backs.includes(t.page)) continue;
        const score = similarity(t.article, f.article);
        if (score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
      if (best) {
        t.c.linkedId = ref(t, best);
        best.c.linkedId = ref(best, t);
        break;
      }
    }
  }
}

const article = fc.record({
  page: fc.integer({ min: 1, max: 3 }),
  headline: fc.stringMatching(/^[新闻标题市区经济]{0,6}$/),
  kicker: fc.option(fc.constantFrom('发展', '要闻'), { nil: null }),
  continuation: fc.option(
    fc.oneof(
      fc.record({ to: fc.constantFrom('第一版', '第二版', '第三版', 'A2', '某版', '第2、3版', '2—3版', 'A1-A3'), linkedId: fc.constant(null) }),
      fc.record({ from: fc.constantFrom('第一版', '第二版', '第三版', '某版', '第一、二版', '第２版'), linkedId: fc.constant(null) }),
    ),
    { nil: null },
  ),
  /** Kept on a part continued from a page only: a middle part. */
  continuedTo: fc.option(fc.record({ to: fc.constantFrom('第二版', '第三版', '第３版', '2—3版', '某版'), linkedId: fc.constant(null) }), { nil: null }),
  /** Kept on a continued part only. */
  moreContinuations: fc.array(
    fc.oneof(
      fc.record({ to: fc.constantFrom('第一版', '第二版', '第三版', '第2、3版'), linkedId: fc.constant(null) }),
      fc.record({ from: fc.constantFrom('第一版', '第二版', '第三版', '某版'), linkedId: fc.constant(null) }),
    ),
    { maxLength: 2 },
  ),
});
const batch = fc.array(
  fc.record({
    path: fc.constantFrom('a/p1.txt', 'a/p2.txt', 'a/p3.txt', 'b/p1.txt', 'b/p2.txt', 'p2.txt', 'c/d/page_3.txt', 'a/x.txt'),
    articles: fc.array(article, { maxLength: 5 }),
  }),
  { maxLength: 12 },
);

test('linkContinuations links what comparing every pair links, on random batches', () => {
  fc.assert(
    fc.property(batch, (spec) => {
      const make = (): LinkableDoc[] =>
        spec.map((d) => ({
          source: { path: d.path },
          articles: d.articles.map((a, k) => {
            const art = { id: `p${a.page}-a${k + 1}`, page: a.page, headline: a.headline, kicker: a.kicker, continuation: a.continuation && { ...a.continuation, marker: '' } };
            const middle = a.continuedTo && a.continuation && 'from' in a.continuation ? { ...art, continuedTo: { ...a.continuedTo, marker: '' } } : art;
            return a.continuation && a.moreContinuations.length ? { ...middle, moreContinuations: a.moreContinuations.map((c) => ({ ...c, marker: '' })) } : middle;
          }) as unknown as Art[],
        }));
      const got = make();
      const want = make();
      linkContinuations(got);
      oracle(want);
      assert.deepEqual(got, want);
    }),
    { numRuns: 500 },
  );
});

test('a story over three pages is linked as a chain: page 1 → 2 → 3 and back', () => {
  const part = (id: string, continuation: object | null, continuedTo?: object): Art =>
    ({ id, page: 1, headline: '夏粮丰收', kicker: null, continuation: continuation && { ...continuation, marker: '', linkedId: null }, ...(continuedTo ? { continuedTo: { ...continuedTo, marker: '', linkedId: null } } : {}) }) as Art;
  const docs: LinkableDoc[] = [
    { source: { path: 'issue/p1.txt' }, articles: [part('p1-a1', { to: '第二版' })] },
    { source: { path: 'issue/p2.txt' }, articles: [part('p1-a1', { from: '第一版' }, { to: '第三版' })] },
    { source: { path: 'issue/p3.txt' }, articles: [part('p1-a1', { from: '第二版' })] },
  ];
  const want = structuredClone(docs);
  linkContinuations(docs);
  oracle(want);
  assert.deepEqual(docs, want);
  const [p1, p2, p3] = docs.map((d) => d.articles[0]);
  assert.equal(p1.continuation?.linkedId, 'issue/p2.txt#p1-a1');
  assert.equal(p2.continuation?.linkedId, 'issue/p1.txt#p1-a1');
  assert.equal(p2.continuedTo?.linkedId, 'issue/p3.txt#p1-a1');
  assert.equal(p3.continuation?.linkedId, 'issue/p2.txt#p1-a1');
  // Within one file (form-feed pages 1–3): the same chain, by ids.
  const one: LinkableDoc = { source: { path: 'p.txt' }, articles: [{ ...part('p1-a1', { to: '第二版' }) }, { ...part('p2-a1', { from: '第一版' }, { to: '第３版' }), page: 2 }, { ...part('p3-a1', { from: '第２版' }), page: 3 }] };
  linkContinuations([one]);
  assertChainLinked(one);
  // A middle part is not linked to itself (continued from and on to its own page).
  const self: LinkableDoc = { source: { path: 'q.txt' }, articles: [part('p1-a1', { from: '第一版' }, { to: '第一版' })] };
  linkContinuations([self]);
  assert.deepEqual([self.articles[0].continuation?.linkedId, self.articles[0].continuedTo?.linkedId], [null, null]);
});

test('a part continued on to two pages, or from two, links each marker to its own page', () => {
  const part = (id: string, page: number, continuation: object, more: object[]): Art =>
    ({ id, page, headline: '夏粮丰收', kicker: null, continuation: { ...continuation, marker: '', linkedId: null }, ...(more.length ? { moreContinuations: more.map((c) => ({ ...c, marker: '', linkedId: null })) } : {}) }) as Art;
  const ids = (d: LinkableDoc) => d.articles.map((a) => [a.continuation?.linkedId, ...(a.moreContinuations ?? []).map((c) => c.linkedId)]);
  // （下转第二版） … （转第三版） on page 1.
  const on: LinkableDoc = { source: { path: 'p.txt' }, articles: [part('p1-a1', 1, { to: '第二版' }, [{ to: '第三版' }]), part('p2-a1', 2, { from: '第一版' }, []), part('p3-a1', 3, { from: '第一版' }, [])] };
  linkContinuations([on]);
  assert.deepEqual(ids(on), [['p2-a1', 'p3-a1'], ['p1-a1'], ['p1-a1']]);
  // （上接第一版） … （上接第二版） on page 3.
  const from: LinkableDoc = { source: { path: 'p.txt' }, articles: [part('p1-a1', 1, { to: '第三版' }, []), part('p2-a1', 2, { to: '第三版' }, []), part('p3-a1', 3, { from: '第一版' }, [{ from: '第二版' }])] };
  linkContinuations([from]);
  assert.deepEqual(ids(from), [['p3-a1'], ['p3-a1'], ['p1-a1', 'p2-a1']]);
});

test('the first page number a file name gives: a page suffix, never a date or a part of one', () => {
  const table: [string, number][] = [
    // Page suffixes, as before.
    ['issue/daily-p2.txt', 2],
    ['page_3.page.txt', 3],
    ['pg4.txt', 4],
    ['tribune-A01.txt', 1],
    ['tribune-A03.txt', 3],
    ['front.txt', 1],
    ['story.txt', 1],
    ['7.txt', 7],
    // Dates: their day (or month) is not a page; a page suffix after one still is.
    ['县报-2024-09-23.txt', 1],
    ['tribune-1903-05-02.txt', 1],
    ['tribune-1903-05-02.pagedump', 1],
    ['2024_09_23.txt', 1],
    ['2024.09.23.txt', 1],
    ['20240923.txt', 1],
    ['tribune-1903-05.txt', 1],
    ['tribune-1903.txt', 1],
    ['2024-09-23-p2.txt', 2],
    ['2024-09-23_3.txt', 3],
    ['20240923_02.txt', 2],
    ['tribune-1903-05-02-A04.txt', 4],
    ['县报2024年9月23日.txt', 1],
    ['县报2024年9月23日第2版.txt', 2],
    ['县报-20240923-第3版.txt', 3],
    // A run of more than three digits is no page number (a year, an id).
    ['scan-0012345.txt', 1],
  ];
  for (const [name, want] of table) assert.equal(basePageOf(name), want, name);
});

test('a multi-page file named by its date links its parts by their form-feed pages', () => {
  for (const path of ['县报-2024-09-23.txt', 'news/tribune-1903-05-02.txt', '20240923.txt']) {
    const doc: LinkableDoc = {
      source: { path },
      articles: [
        { id: 'p1-a1', page: 1, headline: '秋粮收购', kicker: null, continuation: { to: '第二版', marker: '（下转第二版）', linkedId: null } },
        { id: 'p2-a1', page: 2, headline: '秋粮收购', kicker: null, continuation: { from: '第一版', marker: '（上接第一版）', linkedId: null } },
      ] as Art[],
    };
    linkContinuations([doc]);
    assert.deepEqual(doc.articles.map((a) => a.continuation?.linkedId), ['p2-a1', 'p1-a1'], path);
  }
});
