// Linking continuations across a batch: the same links as comparing every 'to' with every 'from'
// (the oracle below, the loop linking was written as first, kept apart on purpose), now that each
// 'to' looks only at the 'from's of its issue and target page. A marker naming several pages
// (第2、3版) tries them in order: the oracle does too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePageOf, linkContinuations, pageNumbersOf, similarity, type LinkableDoc } from '../../server/src/core/continuations';
import fc from '../helpers/fc';

type Art = LinkableDoc['articles'][number];

/** Every 'to' against every 'from', in batch order, per page it names; the best headline match wins, the first on a tie. */
function oracle(docs: readonly LinkableDoc[]): void {
  type Part = { doc: LinkableDoc; article: Art; page: number; issue: string };
  const tos: Part[] = [];
  const froms: Part[] = [];
  for (const doc of docs) {
    const p = doc.source.path;
    const issue = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    for (const article of doc.articles) {
      if (!article.continuation) continue;
      const part = { doc, article, page: basePageOf(p) + article.page - 1, issue };
      (article.continuation.to !== undefined ? tos : froms).push(part);
    }
  }
  const ref = (from: Part, to: Part) => (from.doc === to.doc ? to.article.id : `${to.doc.source.path}#${to.article.id}`);
  for (const t of tos) {
    for (const target of pageNumbersOf(t.article.continuation!.to!)) {
      let best: Part | undefined;
      let bestScore = -1;
      for (const f of froms) {
        if (f.issue !== t.issue || f.page !== target || f.article.continuation!.linkedId !== null) continue;
        const backs = pageNumbersOf(f.article.continuation!.from!);
        if (backs.length > 0 && !backs.includes(t.page)) continue;
        const score = similarity(t.article, f.article);
        if (score > bestScore) {
          best = f;
          bestScore = score;
        }
      }
      if (best) {
        t.article.continuation!.linkedId = ref(t, best);
        best.article.continuation!.linkedId = ref(best, t);
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
      fc.record({ from: fc.constantFrom('第一版', '第二版', '第三版', '某版', '第一、二版'), linkedId: fc.constant(null) }),
    ),
    { nil: null },
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
          articles: d.articles.map((a, k) => ({ id: `p${a.page}-a${k + 1}`, page: a.page, headline: a.headline, kicker: a.kicker, continuation: a.continuation && { ...a.continuation, marker: '' } })) as unknown as Art[],
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
