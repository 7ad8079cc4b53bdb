// A document's text as a list of chunks (strings of about CHUNK units), immutable: an edit makes a
// new ChunkedText that shares every chunk it did not touch. With one flat string, each keystroke
// copied the whole text (20 MB for a 10 MB English dump: ~9 ms, and as much garbage, whose
// collection stalled every fifth keystroke); now it copies one chunk. The analysis reads it through
// the `TextSource` methods (length, slice, indexOf); only whole-text requests join it.
import type { TextSource } from '../core/types';

/** Units per chunk; a chunk an edit makes longer than twice this is split. */
export const CHUNK = 1 << 16;

export class ChunkedText implements TextSource {
  private flat: string | undefined;
  /** Chunk of the last lookup: reads cluster (a line, a page), so it is tried first. */
  private last = 0;

  private constructor(
    private readonly chunks: readonly string[],
    /** Offset of each chunk's first unit. */
    private readonly starts: readonly number[],
    readonly length: number,
    private readonly size: number,
  ) {}

  /** The text of these chunks (one empty chunk when there are none), their starts counted. */
  private static ofChunks(chunks: string[], size: number): ChunkedText {
    if (chunks.length === 0) chunks.push('');
    const starts = new Array<number>(chunks.length);
    let length = 0;
    for (let c = 0; c < chunks.length; c++) {
      starts[c] = length;
      length += chunks[c].length;
    }
    return new ChunkedText(chunks, starts, length, size);
  }

  static of(text: string, size = CHUNK): ChunkedText {
    const chunks: string[] = [];
    const starts: number[] = [];
    for (let at = 0; at < text.length || chunks.length === 0; at += size) {
      starts.push(at);
      chunks.push(text.slice(at, at + size));
    }
    const t = new ChunkedText(chunks, starts, text.length, size);
    t.flat = text; // alive anyway: the chunks are slices of it
    return t;
  }

  /** The chunks, in order (for a pass over the whole text without joining it). */
  chunkList(): readonly string[] {
    return this.chunks;
  }

  /** The chunk holding `offset` (the last one for offsets at or past the end). */
  private find(offset: number): number {
    const { starts } = this;
    const k = this.last;
    if (starts[k] <= offset && (k + 1 === starts.length || starts[k + 1] > offset)) return k;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    this.last = low;
    return low;
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const c = this.find(offset);
    return this.chunks[c].charCodeAt(offset - this.starts[c]);
  }

  slice(start: number, end = this.length): string {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (start === end) return '';
    if (this.flat !== undefined) return this.flat.slice(start, end);
    let c = this.find(start);
    const first = this.chunks[c];
    const from = start - this.starts[c];
    if (end - this.starts[c] <= first.length) return first.slice(from, end - this.starts[c]);
    const parts = [first.slice(from)];
    for (c++; c < this.chunks.length && this.starts[c] < end; c++) parts.push(this.chunks[c].slice(0, end - this.starts[c]));
    return parts.join('');
  }

  /** Where `search` (one UTF-16 unit, as the analysis asks: a form feed) next occurs from `from`. */
  indexOf(search: string, from = 0): number {
    if (search.length !== 1) return this.toString().indexOf(search, from);
    from = Math.max(0, from);
    if (from >= this.length) return -1;
    for (let c = this.find(from); c < this.chunks.length; c++) {
      const at = this.chunks[c].indexOf(search, Math.max(0, from - this.starts[c]));
      if (at >= 0) return this.starts[c] + at;
    }
    return -1;
  }

  /**
   * The whole text. Joined each time it is asked for (only whole-document requests ask, rarely),
   * not kept: kept, it would be a second copy of a big text until the next edit.
   */
  toString(): string {
    return this.flat ?? this.chunks.join('');
  }

  /**
   * The text with [start, end) replaced by `text` (offsets within the text). `dropped` gets the
   * units of the chunks the new text no longer holds (garbage now, unless an older version is kept).
   */
  replace(start: number, end: number, text: string): { next: ChunkedText; dropped: number } {
    const c0 = this.find(start);
    const c1 = end > start ? this.find(end - 1) : c0;
    const middle = this.chunks[c0].slice(0, start - this.starts[c0]) + text + this.chunks[c1].slice(end - this.starts[c1]);
    let dropped = 0;
    for (let c = c0; c <= c1; c++) dropped += this.chunks[c].length;
    const chunks = this.chunks.slice(0, c0);
    // A chunk grown past twice the size is cut in pieces of the size; an emptied one goes (one stays).
    if (middle.length > 2 * this.size) for (let at = 0; at < middle.length; at += this.size) chunks.push(middle.slice(at, at + this.size));
    else if (middle.length > 0) chunks.push(middle);
    for (let c = c1 + 1; c < this.chunks.length; c++) chunks.push(this.chunks[c]);
    const next = ChunkedText.ofChunks(chunks, this.size);
    next.last = Math.min(c0, chunks.length - 1);
    return { next, dropped };
  }

  /**
   * The text with many replacements made at once: `edits[k]` = [start, end, text], sorted and
   * apart (touching allowed; insertions at one offset in their order), offsets in this text. As
   * `replace` of each, from the last on, but the chunks are made in one pass: one `replace` each
   * copied the list of chunks, and the changed regions of a Fix All of a 50 MB dump are ~50,000
   * (5 s). A chunk no edit touches is kept; the others are cut anew, about `size` long.
   */
  replaceAll(edits: readonly (readonly [number, number, string])[]): { next: ChunkedText; dropped: number } {
    const { chunks: old, starts: oldStarts, size } = this;
    const chunks: string[] = [];
    let kept = 0; // units of the chunks kept as they were
    let parts: string[] = []; // the new chunk being made
    let partsLength = 0;
    const flush = () => {
      if (partsLength === 0) return;
      const middle = parts.length === 1 ? parts[0] : parts.join('');
      if (middle.length > 2 * size) for (let at = 0; at < middle.length; at += size) chunks.push(middle.slice(at, at + size));
      else chunks.push(middle);
      parts = [];
      partsLength = 0;
    };
    const add = (s: string) => {
      if (s.length === 0) return;
      parts.push(s);
      partsLength += s.length;
      if (partsLength >= size) flush();
    };
    // The old text in [from, to): whole chunks kept when nothing is pending, else copied.
    const copy = (from: number, to: number) => {
      if (from >= to) return;
      for (let c = this.find(from); c < old.length && oldStarts[c] < to; c++) {
        const a = Math.max(from, oldStarts[c]) - oldStarts[c];
        const b = Math.min(to, oldStarts[c] + old[c].length) - oldStarts[c];
        if (a === 0 && b === old[c].length && partsLength === 0) {
          chunks.push(old[c]);
          kept += old[c].length;
        } else add(a === 0 && b === old[c].length ? old[c] : old[c].slice(a, b));
      }
    };
    let at = 0;
    for (const [start, end, text] of edits) {
      copy(at, start);
      add(text);
      at = Math.max(at, end);
    }
    copy(at, this.length);
    flush();
    return { next: ChunkedText.ofChunks(chunks, size), dropped: this.length - kept };
  }
}
