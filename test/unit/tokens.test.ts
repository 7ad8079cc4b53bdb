// The token index of heading matching (articles/tokens.ts): the similarity of a cluster and a story
// is the share of the cluster's distinct tokens (as `tokens` reads them) that the story's first 400
// non-space characters have, read line by line, whatever the story's other tokens, repeats, a
// token 0, table growth, or the pages read before with the same index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fc';
import { tokens } from '../../server/src/core/articles/detect';
import { reader, TokenIndex } from '../../server/src/core/articles/tokens';
import { CC_GLYPH, CC_JUST, CC_WORD, CLASS } from '../../server/src/core/chars';

const STORY_MAX = 400;

function addHead(index: TokenIndex, texts: readonly string[], max: number): number {
  reader.start(max);
  for (const t of texts) if (!reader.feed(t, false)) break;
  reader.end();
  return index.addHead(reader);
}

/** A story given as lines (ranges of one text, as detect reads the dump). */
function addStory(index: TokenIndex, lines: readonly string[]): number {
  const src = lines.join('\n');
  index.storyStart(STORY_MAX);
  let at = 0;
  for (const l of lines) {
    if (!index.storyFeed(src, at, at + l.length)) break;
    at += l.length + 1;
  }
  return index.storyEnd();
}

/** The similarity by plain sets of `tokens`. */
function expected(head: readonly string[], headMax: number, story: readonly string[]): number {
  const h = tokens(head, headMax);
  const s = tokens(story, STORY_MAX);
  const size = h.bigrams.length + h.words.length;
  if (size === 0) return 0;
  const sb = new Set(s.bigrams);
  const sw = new Set(s.words);
  return (h.bigrams.filter((v) => sb.has(v)).length + h.words.filter((v) => sw.has(v)).length) / size;
}

// Few units, so that heads and stories share tokens: ideographs, kana, punctuation, Latin letters
// and digits (words), the spaces Reader skips and one it does not, an astral character.
const unit = fc.constantFrom('跨', '境', '电', '商', '运', '输', 'の', '，', '。', 'a', 'B', 'c', 'é', '1', '2', ' ', '\t', '\u3000', '\u00a0', '-', '𠀀');
const line = fc.array(unit, { maxLength: 40 }).map((us) => us.join(''));
const lines = fc.array(line, { maxLength: 30 });
const page = fc.record({ heads: fc.array(lines, { maxLength: 6 }), stories: fc.array(lines, { maxLength: 6 }) });

test('property: similarity is the share of the head tokens the story has, page after page', () => {
  const index = new TokenIndex();
  fc.assert(
    fc.property(fc.array(page, { minLength: 1, maxLength: 3 }), (pages) => {
      for (const p of pages) {
        index.reset();
        const heads = p.heads.map((h) => addHead(index, h, 200));
        const stories = p.stories.map((s) => addStory(index, s));
        // Head by head, and also out of order (the marks of one head must not leak into another's).
        for (let i = 0; i < heads.length; i++)
          for (let j = 0; j < stories.length; j++) assert.equal(index.similarity(heads[i], stories[j]), expected(p.heads[i], 200, p.stories[j]));
        for (let j = 0; j < stories.length; j++)
          for (let i = heads.length - 1; i >= 0; i--) assert.equal(index.similarity(heads[i], stories[j]), expected(p.heads[i], 200, p.stories[j]));
      }
    }),
    { numRuns: 300 },
  );
});

test('tables grow past their first size: thousands of head tokens', () => {
  const index = new TokenIndex();
  // Distinct ideographs (so distinct bigrams) and distinct words.
  const glyphs = Array.from({ length: 3000 }, (_, k) => String.fromCharCode(0x4e00 + ((k * 7919) % 0x5000))).join('');
  const words = Array.from({ length: 3000 }, (_, k) => `w${k}x`).join('，');
  const head = [glyphs, '。', words];
  for (let round = 0; round < 2; round++) {
    index.reset();
    const h = addHead(index, head, 1e6);
    // A story's first 400 characters: some of the bigrams, then (another story) some of the words.
    const s1 = [glyphs.slice(100, 300), '。', glyphs.slice(2000)];
    const s2 = [words.slice(5000)];
    assert.equal(index.similarity(h, addStory(index, s1)), expected(head, 1e6, s1));
    assert.equal(index.similarity(h, addStory(index, s2)), expected(head, 1e6, s2));
    assert.ok(index.similarity(h, 2) > 0);
  }
});

test('a token 0 of a head is one token, found in no story (a story reads no 0 bigram)', () => {
  const index = new TokenIndex();
  index.reset();
  reader.start(8);
  reader.b.set([0, 0, (0x8de8 << 16) | 0x5883]); // 0, 0, 跨境
  reader.nb = 3;
  reader.w[0] = 0;
  reader.nw = 1;
  const h = index.addHead(reader);
  assert.equal(index.similarity(h, addStory(index, ['跨境'])), 1 / 3);
});

test('a cluster added after a story is refused (the story would miss its tokens)', () => {
  const index = new TokenIndex();
  index.reset();
  addHead(index, ['跨境'], 200);
  addStory(index, ['跨境']);
  assert.throws(() => addHead(index, ['电商'], 200));
  index.reset();
  assert.doesNotThrow(() => addHead(index, ['电商'], 200));
});

test('tokens of text: bigrams of CJK glyphs and Latin words, spaces skipped (they join a spaced-out word)', () => {
  const index = new TokenIndex();
  index.reset();
  const h = addHead(index, ['跨境电商 news'], 200);
  // 跨境 境电 电商 news: all four in the story (spaces break neither a bigram nor a word; case is folded), across lines.
  assert.equal(index.similarity(h, addStory(index, ['发展跨境', ' 电商，N E', 'W S，today'])), 1);
  assert.equal(index.similarity(h, addStory(index, ['电商跨境'])), 0.5);
  // Only the first 400 non-space characters count.
  assert.equal(index.similarity(h, addStory(index, ['中'.repeat(399) + ' \u3000\t跨境电商'])), 0);
  assert.equal(index.similarity(h, addStory(index, ['中'.repeat(398) + ' \u3000\t跨境电商'])), 0.25);
});

test('storyFeed reads a unified ideograph as a glyph without its class: that is its class', () => {
  for (let c = 0x4e00; c <= 0x9fff; c++) assert.equal(CLASS[c] & (CC_GLYPH | CC_JUST | CC_WORD), CC_GLYPH, c.toString(16));
});

test('a space or a line start ends a Latin word of two or more letters; single letters spaced out join', () => {
  const index = new TokenIndex();
  index.reset();
  // jful accident syracuse new york: five words (read as runs between punctuation they were two,
  // `jfulaccidentatsyracuse` and `newyork`, and the dateline's NEW YORK was half the headline).
  const jful = addHead(index, ['JFUL ACCIDENT AT', 'SYRACUSE, NEW YORK'], 200);
  const rockefeller = addHead(index, ['YOUNG ROCKEFELLER .', 'TO BUILD BIG HOUSE'], 200);
  const news = addHead(index, ['N E W S'], 200);
  const story = addStory(index, ['NEW YORK. Sept. 16. John D. Horke', 'dwolllnp In town. The house: will cover tho', 'the news']);
  assert.equal(index.similarity(jful, story), 2 / 5);
  assert.equal(index.similarity(rockefeller, story), 1 / 5); // house
  assert.equal(index.similarity(news, story), 1);
  assert.deepEqual(tokens(['NEW YORK'], 200).words.length, 2);
  assert.deepEqual(tokens(['NEW', 'YORK'], 200).words.length, 2);
  assert.deepEqual(tokens(['N E', 'W S'], 200).words.length, 1);
});

test('weighted similarity: a word k > 1 of the stories weighed against have counts 1/k; bigrams count 1', () => {
  const index = new TokenIndex();
  index.reset();
  const h = addHead(index, ['TRACKMEN GO OUT', 'Associated Press 跨境'], 200);
  const a = addStory(index, ['By Associated Press. The trackmen went out.']);
  const b = addStory(index, ['By Associated Press. Miner captured.']);
  const c = addStory(index, ['By Associated Press. 跨境电商']);
  const lists = Int32Array.from([a, b, c]);
  index.weigh(h, lists, 3);
  // trackmen go(no: two letters) out associated press 跨境: weights 1, 1, 1/3, 1/3, 1.
  const sum = 1 + 1 + 1 / 3 + 1 / 3 + 1;
  const near = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-12, `${x} ≠ ${y}`);
  near(index.headWeight(), sum);
  near(index.weightedSimilarity(h, a), (1 + 1 + 1 / 3 + 1 / 3) / sum);
  near(index.weightedSimilarity(h, b), (1 / 3 + 1 / 3) / sum);
  near(index.weightedSimilarity(h, c), (1 / 3 + 1 / 3 + 1) / sum);
  // Weighed against one story, every weight is 1: the plain share.
  index.weigh(h, lists, 1);
  assert.equal(index.weightedSimilarity(h, a), index.similarity(h, a));
});
