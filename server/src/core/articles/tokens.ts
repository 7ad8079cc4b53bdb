// Token sets for matching heading clusters to stories (detect.ts, step 5), without sorting.
//
// Tokens are those of detect's Tokenizer: CJK bigrams (two UTF-16 units packed in one 32-bit
// integer) and Latin words of 3+ letters or numbers of 2+ digits (lowercased, a 32-bit hash), read
// off the first `max` non-space characters. Spaces break no bigram; a space or a line's start ends
// a word of two or more units since the last space (`NEW YORK` is two words; read as one, a
// heading matched a story only on the whole run of words between its punctuation), and joins
// single letters (a spaced-out `N E W S` is one word). The similarity of a cluster and a story
// counts the cluster's distinct tokens the story has (weighted: see weigh), so of a story only the tokens some cluster of the page
// has matter: the page's cluster tokens get small ids (TokenIndex), a cluster and a story are lists
// of distinct ids, and a story's other tokens (most of them) are dropped as they are read. Nothing
// is allocated per story or per cluster once the scratch buffers have grown.
import { CC_GLYPH, CC_JUST, CC_WORD, CC_WS, CLASS } from '../chars';

/**
 * Where a read of tokens is, carried from one text to the next: characters read of at most `max`,
 * the glyph before (a bigram's first unit, -1 none), and the word being read (its hash, length,
 * whether it starts with a digit). Reader and TokenIndex's story reader each keep one.
 */
class ReadState {
  max = 0;
  seen = 0;
  prev = -1;
  hash = 0;
  len = 0;
  digit = false;
  /** Word units since the last space (or line start): a space after two or more ends the word. */
  seg = 0;
  begin(max: number): void {
    this.max = max;
    this.seen = 0;
    this.prev = -1;
    this.hash = 0;
    this.len = 0;
    this.digit = false;
    this.seg = 0;
  }
  full(): boolean {
    return this.seen >= this.max;
  }
  /** Whether the word read so far counts as a token (3+ letters, or 2+ characters starting with a digit). */
  wordCounts(): boolean {
    return this.len >= 3 || (this.len >= 2 && this.digit);
  }
}

/** Reads tokens into scratch lists (with duplicates). One reader at a time. */
class Reader extends ReadState {
  b = new Int32Array(512);
  w = new Int32Array(512);
  nb = 0;
  nw = 0;
  start(max: number): void {
    // At most one token per character seen, plus the word flushed at the end.
    if (this.b.length < max + 2) {
      this.b = new Int32Array(max + 2);
      this.w = new Int32Array(max + 2);
    }
    this.begin(max);
    this.nb = 0;
    this.nw = 0;
  }
  private flush(): void {
    if (this.wordCounts()) this.w[this.nw++] = this.hash;
    this.hash = 0;
    this.len = 0;
    this.seg = 0;
  }
  /**
   * Feeds one text (a line); false once `max` characters have been seen. Skips the justification
   * spaces (space, tab, ideographic space) or, with `allSpaces`, every space cleanText removes:
   * tokens of cleanText(t) are those of t read with allSpaces (cleanText only drops and re-joins
   * spaces). A space, or the text's start, ends a word of two or more units since the last space
   * (`NEW YORK` is two words), not a single letter (a spaced-out `N E W S` is one).
   * The text is t[from, to): a line can be read in the dump's text (see roles.ts scan).
   */
  feed(t: string, allSpaces: boolean, from = 0, to = t.length): boolean {
    // The reader's state in locals for the loop (written back at the end).
    const max = this.max;
    const skip = allSpaces ? CC_WS : CC_JUST;
    const cls = CLASS;
    const bs = this.b;
    const ws = this.w;
    let seen = this.seen;
    let prev = this.prev;
    let hash = this.hash;
    let len = this.len;
    let digit = this.digit;
    let nb = this.nb;
    let nw = this.nw;
    let seg = this.seg;
    // A line's start ends a word as a space does.
    if (seg >= 2) {
      if (len >= 3 || (len >= 2 && digit)) ws[nw++] = hash;
      hash = 0;
      len = 0;
    }
    seg = 0;
    for (let i = from; i < to && seen < max; i++) {
      let c = t.charCodeAt(i);
      const f = cls[c];
      if (f & skip) {
        // A space breaks no bigram, nor a spaced-out word (single units); it ends a word of two or more.
        if (seg >= 2) {
          if (len >= 3 || (len >= 2 && digit)) ws[nw++] = hash;
          hash = 0;
          len = 0;
        }
        seg = 0;
        continue;
      }
      seen++;
      if (f & CC_WORD) {
        prev = -1;
        if (c >= 65 && c <= 90) c += 32;
        if (len === 0) digit = c >= 48 && c <= 57;
        hash = Math.imul(hash ^ c, 16777619);
        len++;
        seg++;
        continue;
      }
      // A word ends (flush).
      if (len >= 3 || (len >= 2 && digit)) ws[nw++] = hash;
      hash = 0;
      len = 0;
      seg = 0;
      if (f & CC_GLYPH) {
        if (prev >= 0) bs[nb++] = (prev << 16) | c;
        prev = c;
      } else prev = -1;
    }
    this.seen = seen;
    this.prev = prev;
    this.hash = hash;
    this.len = len;
    this.digit = digit;
    this.nb = nb;
    this.nw = nw;
    this.seg = seg;
    return seen < max;
  }
  /** Ends the text: the last word counts. */
  end(): void {
    this.flush();
  }
}

export const reader = new Reader();

const slot = (v: number, bits: number) => Math.imul(v, 0x9e3779b1) >>> (32 - bits);

/** Table and list sizes kept from page to page (a page with very many headings grew them): let a bigger one go at reset. */
const KEEP = 1 << 16;

/**
 * The distinct tokens of a page's heading clusters, each with an id (0, 1, …), and lists of ids:
 * one per cluster (its distinct tokens) and one per story (its distinct tokens that are some
 * cluster's). Every cluster is added before the first story: a story keeps only the ids there are
 * by then. Reset per page.
 */
export class TokenIndex {
  // Bigrams and words apart.
  private readonly bigrams = new IdTable();
  private readonly words = new IdTable();
  /** By UTF-16 unit: 1 when some cluster bigram starts with it (most story bigrams fail this, cheaper than a probe). */
  private lead = new Uint8Array(0x10000);
  /** How many ids. */
  private nIds = 0;
  /** The lists' ids, list after list; list k is pool[off[k], off[k + 1]). */
  private pool = new Int32Array(1 << 12);
  private off = new Int32Array(64);
  private nLists = 0;
  private stories = 0;
  /** By id: the last list it was put in (+1), to keep a list distinct; and the mark of the head whose ids are marked. */
  private inList = new Int32Array(1 << 9);
  private inHead = new Int32Array(1 << 9);
  /** By id: 1 for a word (0: a bigram); and, for the head weighed last, how many of the stories it was weighed against have it. */
  private isWord = new Uint8Array(1 << 9);
  private df = new Int32Array(1 << 9);
  /** The head weighed last (weigh), -1 none, and the sum of its tokens' weights. */
  private weighed = -1;
  private weightSum = 0;
  private marked = -1;

  /** Empties the index (detect resets it before and after a page: the second finds nothing to clear). */
  reset(): void {
    const keys = this.bigrams.keys;
    if (this.bigrams.n > 0) for (let h = 0; h < keys.length; h++) if (keys[h] !== 0) this.lead[keys[h] >>> 16] = 0;
    this.bigrams.clear();
    this.words.clear();
    if (this.pool.length > KEEP) this.pool = new Int32Array(1 << 12);
    if (this.off.length > KEEP) this.off = new Int32Array(64);
    if (this.inList.length > KEEP) {
      this.inList = new Int32Array(1 << 9);
      this.inHead = new Int32Array(1 << 9);
      this.isWord = new Uint8Array(1 << 9);
      this.df = new Int32Array(1 << 9);
    } else {
      this.inList.fill(0, 0, this.nIds);
      this.inHead.fill(0, 0, this.nIds);
      this.isWord.fill(0, 0, this.nIds);
    }
    this.nIds = this.nLists = this.stories = 0;
    this.off[0] = 0;
    this.marked = -1;
    this.weighed = -1;
  }

  /** A new id (the per-id marks grown to hold it). */
  private newId(): number {
    const id = this.nIds++;
    if (id === this.inList.length) {
      const a = new Int32Array(2 * id);
      a.set(this.inList);
      this.inList = a;
      const b = new Int32Array(2 * id);
      b.set(this.inHead);
      this.inHead = b;
      const w = new Uint8Array(2 * id);
      w.set(this.isWord);
      this.isWord = w;
      this.df = new Int32Array(2 * id); // counts of one weighing, made anew each time
      this.weighed = -1;
    }
    return id;
  }

  /** The id of token v in table t, made when new. */
  private intern(t: IdTable, v: number): number {
    if (v === 0) return t.zero < 0 ? (t.zero = this.newId()) : t.zero;
    let id = t.findWithRoom(v);
    if (id < 0) t.add(v, (id = this.newId()));
    return id;
  }

  /** Starts list k (its ids are appended with push). */
  private open(): number {
    const k = this.nLists++;
    if (k + 2 > this.off.length) {
      const a = new Int32Array(2 * this.off.length);
      a.set(this.off);
      this.off = a;
    }
    this.off[k + 1] = this.off[k];
    return k;
  }

  /** Appends id to the open list k unless it has it. */
  private push(k: number, id: number): void {
    if (this.inList[id] === k + 1) return;
    this.inList[id] = k + 1;
    const at = this.off[k + 1]++;
    if (at === this.pool.length) {
      const a = new Int32Array(2 * at);
      a.set(this.pool);
      this.pool = a;
    }
    this.pool[at] = id;
  }

  /** A cluster: the reader's distinct tokens; returns its list. */
  addHead(r: Reader): number {
    if (this.stories > 0) throw new Error('TokenIndex: a cluster after a story');
    const k = this.open();
    for (let j = 0; j < r.nb; j++) {
      const v = r.b[j];
      if (v !== 0) this.lead[v >>> 16] = 1;
      this.push(k, this.intern(this.bigrams, v));
    }
    for (let j = 0; j < r.nw; j++) {
      const id = this.intern(this.words, r.w[j]);
      this.isWord[id] = 1;
      this.push(k, id);
    }
    return k;
  }

  // The story being read (storyStart … storyEnd): its list, and the reader's state (see Reader.feed).
  private sList = 0;
  private readonly story = new ReadState();

  /**
   * Starts reading a story of at most `max` non-space characters, as Reader would (justification
   * spaces skipped), keeping of its distinct tokens those some cluster has: a bigram is looked up
   * as it is read, and only when some cluster bigram starts with its first unit (most fail that,
   * cheaper than a probe); no list of every token is written.
   */
  storyStart(max: number): void {
    this.stories++;
    this.sList = this.open();
    this.story.begin(max);
  }

  /** Reads t[from, to) into the story; false once `max` characters have been read. */
  storyFeed(t: string, from: number, to: number): boolean {
    const st = this.story;
    const max = st.max;
    const cls = CLASS;
    const lead = this.lead;
    const { keys, ids, bits } = this.bigrams;
    const k = this.sList;
    let seen = st.seen;
    let prev = st.prev;
    let hash = st.hash;
    let len = st.len;
    let digit = st.digit;
    let seg = st.seg;
    // Words end as Reader.feed ends them: at a line's start or a space, after two or more units.
    if (seg >= 2) {
      if (len >= 3 || (len >= 2 && digit)) this.word(hash);
      hash = 0;
      len = 0;
    }
    seg = 0;
    for (let i = from; i < to && seen < max; i++) {
      let c = t.charCodeAt(i);
      // A unified ideograph (most of a story) is a glyph, neither a space nor a word unit: its class is not looked up (the table is 128 KB).
      const f = c >= 0x4e00 && c <= 0x9fff ? CC_GLYPH : cls[c];
      if (f & CC_JUST) {
        if (seg >= 2) {
          if (len >= 3 || (len >= 2 && digit)) this.word(hash);
          hash = 0;
          len = 0;
        }
        seg = 0;
        continue;
      }
      seen++;
      if (f & CC_WORD) {
        prev = -1;
        if (c >= 65 && c <= 90) c += 32;
        if (len === 0) digit = c >= 48 && c <= 57;
        hash = Math.imul(hash ^ c, 16777619);
        len++;
        seg++;
        continue;
      }
      if (len >= 3 || (len >= 2 && digit)) this.word(hash);
      hash = 0;
      len = 0;
      seg = 0;
      if (f & CC_GLYPH) {
        // Never 0: both units are glyphs.
        if (prev >= 0 && lead[prev] !== 0) {
          const id = find(keys, ids, bits, (prev << 16) | c);
          if (id >= 0) this.push(k, id);
        }
        prev = c;
      } else prev = -1;
    }
    st.seen = seen;
    st.prev = prev;
    st.hash = hash;
    st.len = len;
    st.digit = digit;
    st.seg = seg;
    return seen < max;
  }

  /** True once the story has `max` characters. */
  storyFull(): boolean {
    return this.story.full();
  }

  /** Ends the story (its last word counts); returns its list. */
  storyEnd(): number {
    const st = this.story;
    if (st.wordCounts()) this.word(st.hash);
    st.hash = 0;
    st.len = 0;
    st.seg = 0;
    return this.sList;
  }

  /** A word of the story being read. */
  private word(v: number): void {
    const id = v === 0 ? this.words.zero : find(this.words.keys, this.words.ids, this.words.bits, v);
    if (id >= 0) this.push(this.sList, id);
  }

  /** Share of head list h's tokens that story list s has (0..1; 0 for a head without tokens). */
  similarity(h: number, s: number): number {
    const off = this.off;
    const size = off[h + 1] - off[h];
    if (size === 0) return 0;
    const pool = this.pool;
    const inHead = this.inHead;
    this.mark(h);
    let hit = 0;
    for (let j = off[s]; j < off[s + 1]; j++) if (inHead[pool[j]] === h + 1) hit++;
    return hit / size;
  }

  /** Marks head h's ids in inHead; marks stay valid while h is the head asked about (matchClusters asks head by head). */
  private mark(h: number): void {
    if (this.marked === h) return;
    const { off, pool, inHead } = this;
    for (let j = off[h]; j < off[h + 1]; j++) inHead[pool[j]] = h + 1;
    this.marked = h;
  }

  /**
   * Weighs head h's tokens against the story lists stories[0, n) (the stories it may head), for
   * weightedSimilarity: a word that k > 1 of them have weighs 1/k (`the`, `press`, `sept`, a city of
   * the datelines: shared with many stories, it tells little which one the head is), any other
   * token 1. CJK bigrams weigh 1 whatever their count.
   */
  weigh(h: number, stories: Int32Array, n: number): void {
    const { off, pool, df, isWord } = this;
    const inHead = this.inHead;
    this.mark(h);
    let words = 0;
    for (let j = off[h]; j < off[h + 1]; j++) {
      df[pool[j]] = 0;
      words += isWord[pool[j]];
    }
    // A head of CJK bigrams alone (most Chinese headlines) has nothing to count.
    for (let q = 0; q < n && words > 0; q++) {
      const s = stories[q];
      for (let j = off[s]; j < off[s + 1]; j++) if (inHead[pool[j]] === h + 1 && isWord[pool[j]] === 1) df[pool[j]]++;
    }
    let sum = 0;
    for (let j = off[h]; j < off[h + 1]; j++) sum += this.weight(pool[j]);
    this.weighed = h;
    this.weightSum = sum;
  }

  /** The sum of the weights of the head weighed last: sim × this is the weight of the tokens shared. */
  headWeight(): number {
    return this.weightSum;
  }

  private weight(id: number): number {
    const k = this.df[id];
    return this.isWord[id] === 1 && k > 1 ? 1 / k : 1;
  }

  /**
   * Weighted share of head list h's tokens that story list s has (0..1; 0 for a head without
   * tokens), h weighed last (weigh): detect's similarity. With every weight 1 it is similarity.
   */
  weightedSimilarity(h: number, s: number): number {
    if (this.weighed !== h) throw new Error('TokenIndex: weigh the head first');
    if (this.weightSum === 0) return 0;
    const { off, pool, inHead } = this;
    this.mark(h);
    let hit = 0;
    for (let j = off[s]; j < off[s + 1]; j++) if (inHead[pool[j]] === h + 1) hit += this.weight(pool[j]);
    return hit / this.weightSum;
  }
}

/**
 * An open-addressing table token → id + 1 (0: an empty slot). Token 0 cannot be a key there: its
 * id is `zero` (-1: none yet).
 */
class IdTable {
  keys = new Int32Array(1 << 9);
  ids = new Int32Array(1 << 9);
  bits = 9;
  /** Keys held. */
  n = 0;
  zero = -1;

  /** The id of token v (not 0), or -1 when it has none; room is made for one more key first. */
  findWithRoom(v: number): number {
    if (2 * (this.n + 1) > this.keys.length) {
      const { keys, ids } = this;
      this.resize(this.bits + 1);
      for (let h = 0; h < keys.length; h++) if (keys[h] !== 0) put(this.keys, this.ids, this.bits, keys[h], ids[h]);
    }
    return find(this.keys, this.ids, this.bits, v);
  }

  /** Adds token v (not 0, absent; after findWithRoom) with its id. */
  add(v: number, id: number): void {
    this.n++;
    put(this.keys, this.ids, this.bits, v, id + 1);
  }

  /** Empties the table (a big one is let go: see KEEP). */
  clear(): void {
    if (this.keys.length > KEEP) this.resize(9);
    else if (this.n > 0) this.keys.fill(0);
    this.n = 0;
    this.zero = -1;
  }

  private resize(bits: number): void {
    this.keys = new Int32Array(1 << bits);
    this.ids = new Int32Array(1 << bits);
    this.bits = bits;
  }
}

/** The id stored with key v (not 0) in the table, -1 when absent. */
function find(keys: Int32Array, ids: Int32Array, bits: number, v: number): number {
  const mask = (1 << bits) - 1;
  for (let h = slot(v, bits); ; h = (h + 1) & mask) {
    const x = keys[h];
    if (x === v) return ids[h] - 1;
    if (x === 0) return -1;
  }
}

/** Puts key v (not 0, absent) with value x into the table (which has a free slot). */
function put(keys: Int32Array, ids: Int32Array, bits: number, v: number, x: number): void {
  const mask = (1 << bits) - 1;
  let h = slot(v, bits);
  while (keys[h] !== 0) h = (h + 1) & mask;
  keys[h] = v;
  ids[h] = x;
}
