// The token index of heading matching (articles/tokens.ts): the similarity of a cluster and a story
// is the share of the cluster's distinct tokens the story has, whatever the story's other tokens,
// repeats, a token 0, table growth, or the pages read before with the same index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { reader, TokenIndex } from '../../server/src/core/articles/tokens';

/** Token lists as the reader would leave them (with repeats). */
type Toks = { b: number[]; w: number[] };

function load(t: Toks): void {
  reader.start(t.b.length + t.w.length);
  t.b.forEach((v, k) => (reader.b[k] = v));
  t.w.forEach((v, k) => (reader.w[k] = v));
  reader.nb = t.b.length;
  reader.nw = t.w.length;
}

/** The similarity by plain sets: bigrams and words are told apart. */
function expected(head: Toks, story: Toks): number {
  const h = new Set([...head.b.map((v) => `b${v}`), ...head.w.map((v) => `w${v}`)]);
  if (h.size === 0) return 0;
  const s = new Set([...story.b.map((v) => `b${v}`), ...story.w.map((v) => `w${v}`)]);
  let hit = 0;
  for (const x of h) if (s.has(x)) hit++;
  return hit / h.size;
}

// Small values collide often (shared tokens, a bigram equal to a word); large ones grow the tables.
const token = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const toks = fc.record({ b: fc.array(token, { maxLength: 120 }), w: fc.array(token, { maxLength: 20 }) });
const page = fc.record({ heads: fc.array(toks, { maxLength: 8 }), stories: fc.array(toks, { maxLength: 8 }) });

test('property: similarity is the share of the head tokens the story has, page after page', () => {
  const index = new TokenIndex();
  fc.assert(
    fc.property(fc.array(page, { minLength: 1, maxLength: 3 }), (pages) => {
      for (const p of pages) {
        index.reset();
        const heads = p.heads.map((h) => (load(h), index.addHead(reader)));
        const stories = p.stories.map((s) => (load(s), index.addStory(reader)));
        // Head by head, and also out of order (the marks of one head must not leak into another's).
        for (let i = 0; i < heads.length; i++)
          for (let j = 0; j < stories.length; j++) assert.equal(index.similarity(heads[i], stories[j]), expected(p.heads[i], p.stories[j]));
        for (let j = 0; j < stories.length; j++)
          for (let i = heads.length - 1; i >= 0; i--) assert.equal(index.similarity(heads[i], stories[j]), expected(p.heads[i], p.stories[j]));
      }
    }),
    { numRuns: 300 },
  );
});

test('tables grow past their first size: thousands of head tokens, every one found', () => {
  const index = new TokenIndex();
  for (let round = 0; round < 2; round++) {
    index.reset();
    const n = 5000;
    const head: Toks = { b: Array.from({ length: n }, (_, k) => (k + 1) * 65599), w: Array.from({ length: n }, (_, k) => -(k + 1) * 7919) };
    load(head);
    const h = index.addHead(reader);
    // The story has every other one of them, and as many tokens no head has.
    const story: Toks = { b: head.b.filter((_, k) => k % 2 === 0).concat(head.w.slice(0, n / 2)), w: head.w.filter((_, k) => k % 2 === 0).concat(head.b.slice(0, n / 2)) };
    load(story);
    assert.equal(index.similarity(h, index.addStory(reader)), 0.5);
  }
});

test('a cluster added after a story is refused (the story would miss its tokens)', () => {
  const index = new TokenIndex();
  index.reset();
  load({ b: [1], w: [] });
  index.addHead(reader);
  index.addStory(reader);
  assert.throws(() => index.addHead(reader));
  index.reset();
  assert.doesNotThrow(() => index.addHead(reader));
});

test('tokens of text: bigrams of CJK glyphs and Latin words, spaces skipped (they join a spaced-out word)', () => {
  const index = new TokenIndex();
  index.reset();
  const read = (t: string) => {
    reader.start(400);
    reader.feed(t, false);
    reader.end();
  };
  read('跨境电商 news');
  const h = index.addHead(reader);
  read('发展跨境 电商，N E W S，today');
  const s = index.addStory(reader);
  // 跨境 境电 电商 news: all four in the story (spaces break neither a bigram nor a word; case is folded).
  assert.equal(index.similarity(h, s), 1);
  read('电商跨境');
  assert.equal(index.similarity(h, index.addStory(reader)), 0.5);
});
