// Token sets for matching heading clusters to stories (detect.ts, step 5), without sorting.
//
// Tokens are those of detect's Tokenizer: CJK bigrams (two UTF-16 units packed in one 32-bit
// integer) and Latin words of 3+ letters or numbers of 2+ digits (lowercased, a 32-bit hash), read
// off the first `max` non-space characters. A story's distinct tokens go into two open-addressing
// hash tables (bigrams, words) in one pool shared by the page; a cluster's distinct tokens into two
// lists. The similarity of a cluster and a story is then one table probe per cluster token, and
// nothing is allocated per story or per cluster once the scratch buffers have grown.
import { CC_GLYPH, CC_JUST, CC_WORD, CC_WS, CLASS } from '../chars';

/** Reads tokens into scratch lists (with duplicates). One reader at a time. */
class Reader {
  b = new Int32Array(512);
  w = new Int32Array(512);
  nb = 0;
  nw = 0;
  private max = 0;
  private seen = 0;
  private prev = -1;
  private hash = 0;
  private len = 0;
  private digit = false;
  start(max: number): void {
    // At most one token per character seen, plus the word flushed at the end.
    if (this.b.length < max + 2) {
      this.b = new Int32Array(max + 2);
      this.w = new Int32Array(max + 2);
    }
    this.max = max;
    this.nb = 0;
    this.nw = 0;
    this.seen = 0;
    this.prev = -1;
    this.hash = 0;
    this.len = 0;
    this.digit = false;
  }
  full(): boolean {
    return this.seen >= this.max;
  }
  private flush(): void {
    if (this.len >= 3 || (this.len >= 2 && this.digit)) this.w[this.nw++] = this.hash;
    this.hash = 0;
    this.len = 0;
  }
  /**
   * Feeds one text; false once `max` characters have been seen. Skips the justification spaces
   * (space, tab, ideographic space) or, with `allSpaces`, every space cleanText removes: tokens of
   * cleanText(t) are those of t read with allSpaces (cleanText only drops and re-joins spaces).
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
    for (let i = from; i < to && seen < max; i++) {
      let c = t.charCodeAt(i);
      const f = cls[c];
      if (f & skip) continue; // spaces do not break words
      seen++;
      if (f & CC_WORD) {
        prev = -1;
        if (c >= 65 && c <= 90) c += 32;
        if (len === 0) digit = c >= 48 && c <= 57;
        hash = Math.imul(hash ^ c, 16777619);
        len++;
        continue;
      }
      // A word ends (flush).
      if (len >= 3 || (len >= 2 && digit)) ws[nw++] = hash;
      hash = 0;
      len = 0;
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
    return seen < max;
  }
  /** Ends the text: the last word counts. */
  end(): void {
    this.flush();
  }
}

export const reader = new Reader();

/** Bits of a table for n keys: load at most 1/2, at least 8 slots. */
function bitsFor(n: number): number {
  let bits = 3;
  while (1 << bits < 2 * n) bits++;
  return bits;
}

const slot = (v: number, bits: number) => Math.imul(v, 0x9e3779b1) >>> (32 - bits);

/** Inserts v (not 0) into the table at pool[off .. off + 2^bits); true when it was not there. */
function insert(pool: Int32Array, off: number, bits: number, v: number): boolean {
  const mask = (1 << bits) - 1;
  for (let h = slot(v, bits); ; h = (h + 1) & mask) {
    const x = pool[off + h];
    if (x === v) return false;
    if (x === 0) {
      pool[off + h] = v;
      return true;
    }
  }
}

function contains(pool: Int32Array, off: number, bits: number, v: number): boolean {
  const mask = (1 << bits) - 1;
  for (let h = slot(v, bits); ; h = (h + 1) & mask) {
    const x = pool[off + h];
    if (x === v) return true;
    if (x === 0) return false;
  }
}

/** Pool size (32-bit slots) kept from page to page: 4 MB. */
const POOL_KEEP = 1 << 20;

/** The distinct tokens of many stories, as hash sets in one pool. Reset per page. */
export class StorySets {
  private pool = new Int32Array(1 << 14);
  private used = 0;
  private n = 0;
  // Per set: offsets and sizes (bits) of its bigram and word tables, and whether 0 is a member (bit 0: bigrams, bit 1: words).
  private offB = new Int32Array(64);
  private bitsB = new Int32Array(64);
  private offW = new Int32Array(64);
  private bitsW = new Int32Array(64);
  private zero = new Uint8Array(64);

  reset(): void {
    // A page with very many stories grew the pool: let it go rather than keep it for good.
    if (this.pool.length > POOL_KEEP) this.pool = new Int32Array(1 << 14);
    if (this.offB.length > 4096) {
      this.offB = new Int32Array(64);
      this.bitsB = new Int32Array(64);
      this.offW = new Int32Array(64);
      this.bitsW = new Int32Array(64);
      this.zero = new Uint8Array(64);
    }
    this.used = 0;
    this.n = 0;
  }

  private alloc(bits: number): number {
    const size = 1 << bits;
    if (this.used + size > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.used + size));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const off = this.used;
    this.pool.fill(0, off, off + size);
    this.used += size;
    return off;
  }

  /** A set of the reader's tokens; returns its id. */
  add(r: Reader): number {
    const id = this.n++;
    if (id >= this.offB.length) {
      const cap = this.offB.length * 2;
      const grow32 = (a: Int32Array) => {
        const g = new Int32Array(cap);
        g.set(a);
        return g;
      };
      this.offB = grow32(this.offB);
      this.bitsB = grow32(this.bitsB);
      this.offW = grow32(this.offW);
      this.bitsW = grow32(this.bitsW);
      const z = new Uint8Array(cap);
      z.set(this.zero);
      this.zero = z;
    }
    let zero = 0;
    const bb = bitsFor(r.nb);
    const ob = this.alloc(bb);
    const bw = bitsFor(r.nw);
    const ow = this.alloc(bw);
    const pool = this.pool;
    for (let k = 0; k < r.nb; k++) {
      const v = r.b[k];
      if (v === 0) zero |= 1;
      else insert(pool, ob, bb, v);
    }
    for (let k = 0; k < r.nw; k++) {
      const v = r.w[k];
      if (v === 0) zero |= 2;
      else insert(pool, ow, bw, v);
    }
    this.offB[id] = ob;
    this.bitsB[id] = bb;
    this.offW[id] = ow;
    this.bitsW[id] = bw;
    this.zero[id] = zero;
    return id;
  }

  /** Share of the head's distinct tokens found in set `id` (0..1): detect's similarity. */
  similarity(head: HeadTokens, id: number): number {
    const size = head.nb + head.nw;
    if (size === 0) return 0;
    const pool = this.pool;
    let hit = 0;
    const ob = this.offB[id];
    const bb = this.bitsB[id];
    const z = this.zero[id];
    for (let k = 0; k < head.nb; k++) {
      const v = head.b[k];
      if (v === 0 ? (z & 1) !== 0 : contains(pool, ob, bb, v)) hit++;
    }
    const ow = this.offW[id];
    const bw = this.bitsW[id];
    for (let k = 0; k < head.nw; k++) {
      const v = head.w[k];
      if (v === 0 ? (z & 2) !== 0 : contains(pool, ow, bw, v)) hit++;
    }
    return hit / size;
  }
}

/** The distinct tokens of one heading cluster, as lists. Reused. */
export class HeadTokens {
  b = new Int32Array(256);
  w = new Int32Array(256);
  nb = 0;
  nw = 0;
  private table = new Int32Array(1024);

  /** The distinct tokens of the reader. */
  take(r: Reader): void {
    if (this.b.length < r.nb) this.b = new Int32Array(r.nb);
    if (this.w.length < r.nw) this.w = new Int32Array(r.nw);
    this.nb = this.distinct(r.b, r.nb, this.b);
    this.nw = this.distinct(r.w, r.nw, this.w);
  }

  private distinct(xs: Int32Array, n: number, out: Int32Array): number {
    const bits = bitsFor(n);
    if (this.table.length < 1 << bits) this.table = new Int32Array(1 << bits);
    const t = this.table;
    t.fill(0, 0, 1 << bits);
    let m = 0;
    let zero = false;
    for (let k = 0; k < n; k++) {
      const v = xs[k];
      if (v === 0) {
        if (!zero) out[m++] = 0;
        zero = true;
      } else if (insert(t, 0, bits, v)) out[m++] = v;
    }
    return m;
  }
}
