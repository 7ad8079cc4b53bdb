// The distinct ASCII words of a page, case-folded, each with how it was seen (see `WORD`…), for
// the hyphen evidence (paragraphs.ts). An English page has ~5,000 words; as strings in Sets, each
// was sliced, lower-cased and hashed, which made the evidence a third of the analysis of an
// English page. Here a word is hashed as it is scanned and kept as a span of the line it was first
// seen in: nothing is allocated per word.

/** A whole match of /[A-Za-z]+/ (not a trailing fragment; see hyphenEvidence). */
export const WORD = 1;
/** A whole match of /[A-Za-z]+(?:-[A-Za-z]+)+/. */
export const HYPHENATED = 2;
/**
 * The one letter run of a token inside a line (not its first or last token) whose letters do not
 * make a word of the page with a neighbour's (see INTERIOR_ANY and paragraphs.addInterior).
 */
export const INTERIOR = 4;
/** The one letter run of a token inside a line, whatever its neighbours. */
export const INTERIOR_ANY = 8;
/** Seen as INTERIOR twice or more (add sets it). */
export const INTERIOR_TWICE = 16;

/** Step of the word hash over a folded unit (a letter or hyphen `| 0x20`: lower-case). */
export const hashStep = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;

export class WordTable {
  // Open addressing, four Int32s a slot (one cache line holds four slots): line + 1 (0: empty),
  // start, length << 5 | flags, hash.
  private slots = new Int32Array(0);
  private size = 0;

  /** `expected`: about how many words will be added (the table starts with room for them). */
  constructor(
    private readonly lines: readonly string[],
    expected = 512,
  ) {
    let capacity = 1024;
    while (capacity < 2 * expected && capacity < 1 << 20) capacity *= 2;
    this.resize(capacity);
  }

  private resize(capacity: number): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(capacity * 4));
    const mask = capacity - 1;
    for (let o = 0; o < old.length; o += 4) {
      if (old[o] === 0) continue;
      let k = mix(old[o + 3]) & mask;
      while (slots[k * 4] !== 0) k = (k + 1) & mask;
      slots.set(old.subarray(o, o + 4), k * 4);
    }
  }

  /**
   * Notes lines[line][start, end) as seen `flag`; `hash` is hashStep over its folded units from 0.
   */
  add(line: number, start: number, end: number, hash: number, flag: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const text = this.lines[line];
    const length = end - start;
    let k = mix(hash) & mask;
    for (; slots[k * 4] !== 0; k = (k + 1) & mask) {
      const o = k * 4;
      if (slots[o + 3] !== hash || slots[o + 2] >> 5 !== length) continue;
      const other = this.lines[slots[o] - 1];
      const at = slots[o + 1];
      let i = 0;
      // Both are letters and hyphens, which `| 0x20` folds (a hyphen has the bit already).
      while (i < length && (other.charCodeAt(at + i) | 0x20) === (text.charCodeAt(start + i) | 0x20)) i++;
      if (i === length) {
        if (flag & slots[o + 2] & INTERIOR) slots[o + 2] |= INTERIOR_TWICE;
        slots[o + 2] |= flag;
        return;
      }
    }
    const o = k * 4;
    slots[o] = line + 1;
    slots[o + 1] = start;
    slots[o + 2] = (length << 5) | flag;
    slots[o + 3] = hash;
    if (++this.size * 2 > mask + 1) this.resize((mask + 1) * 2);
  }

  /** Whether `word` (lower-case) was seen as any of `flags`. */
  has(word: string, flags: number): boolean {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let k = mix(hash) & mask; slots[k * 4] !== 0; k = (k + 1) & mask) {
      const o = k * 4;
      if (slots[o + 3] !== hash || slots[o + 2] >> 5 !== word.length) continue;
      const text = this.lines[slots[o] - 1];
      const at = slots[o + 1];
      let i = 0;
      while (i < word.length && (text.charCodeAt(at + i) | 0x20) === word.charCodeAt(i)) i++;
      if (i === word.length) return (slots[o + 2] & flags) !== 0;
    }
    return false;
  }

  /**
   * Whether the word a[aFrom, aTo) + b[0, bTo), its letters case-folded, was seen as any of `flags`:
   * what has() of that string lower-cased answers, without making it (the reflow asks at every seam
   * of Latin lines). The parts are letters and hyphens, which `| 0x20` folds.
   */
  hasParts(a: string, aFrom: number, aTo: number, b: string, bTo: number, flags: number): boolean {
    return this.hasSpans(a, aFrom, aTo, b, 0, bTo, flags);
  }

  /** hasParts of a[aFrom, aTo) + b[bFrom, bTo). */
  hasSpans(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, flags: number): boolean {
    const split = aTo - aFrom;
    const length = split + bTo - bFrom;
    let hash = 0;
    for (let i = aFrom; i < aTo; i++) hash = hashStep(hash, a.charCodeAt(i) | 0x20);
    for (let i = bFrom; i < bTo; i++) hash = hashStep(hash, b.charCodeAt(i) | 0x20);
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const bAt = bFrom - split;
    for (let k = mix(hash) & mask; slots[k * 4] !== 0; k = (k + 1) & mask) {
      const o = k * 4;
      if (slots[o + 3] !== hash || slots[o + 2] >> 5 !== length) continue;
      const text = this.lines[slots[o] - 1];
      const at = slots[o + 1];
      let i = 0;
      while (i < split && (text.charCodeAt(at + i) | 0x20) === (a.charCodeAt(aFrom + i) | 0x20)) i++;
      while (i >= split && i < length && (text.charCodeAt(at + i) | 0x20) === (b.charCodeAt(bAt + i) | 0x20)) i++;
      if (i === length) return (slots[o + 2] & flags) !== 0;
    }
    return false;
  }
}

/** Spreads a word hash over the slots (the multiply-add hash keeps short words' bits low). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
