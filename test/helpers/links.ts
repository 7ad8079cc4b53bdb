// The links a story over three pages of one file (p1 → p2 → p3, form feeds between) must get:
// asserted alike of hand-made documents (continuations.test.ts) and exported ones (export.test.ts).
import assert from 'node:assert/strict';

type Linked = { continuation?: { linkedId?: string | null } | null; continuedTo?: { linkedId?: string | null } | null };

/** Each part's continuation and continuedTo linkedIds: the first on to the second, the second from the first and on to the third, the third from the second. */
export function assertChainLinked(doc: { articles: readonly Linked[] }): void {
  assert.deepEqual(
    doc.articles.map((a) => [a.continuation?.linkedId, a.continuedTo?.linkedId]),
    [
      ['p2-a1', undefined],
      ['p1-a1', 'p3-a1'],
      ['p2-a1', undefined],
    ],
  );
}
