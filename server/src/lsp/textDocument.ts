// The server's text documents. Same behaviour as vscode-languageserver-textdocument's (positions,
// clamping, updates; tested against it), but the line starts live in a typed array: 4 bytes a line,
// counted before it is filled. The library pushes them into an array (8 bytes a line, and each
// growth leaves the old backing store as garbage): for a 50 MB dump of 2.3 M lines, ~60 MB more
// at the moment the first diagnostics are converted, which is when the server's memory peaks.
// The text itself is a ChunkedText, so an edit copies one chunk, not the whole text.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { CHUNK, ChunkedText } from './chunkedText';

const LF = 10;
const CR = 13;

/** Line starts of `text` (shifted by `base`), from `into[at]` on; without `into`, only counts them. */
function lineStarts(text: string, base: number, into?: Uint32Array, at = 0): number {
  // The next LF and CR found with indexOf, which runs several times faster than a charCodeAt loop
  // over every unit (a 50 MB text is counted again after a whole-dump Fix All: ~200 ms that way).
  let n = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let i: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      i = cr;
      if (lf === cr + 1) {
        i = lf;
        lf = text.indexOf('\n', i + 1);
      }
      cr = text.indexOf('\r', i + 1);
    } else {
      i = lf;
      lf = text.indexOf('\n', i + 1);
    }
    if (into) into[at + n] = base + i + 1;
    n++;
  }
  return n;
}

/**
 * Line starts of a chunked text, as lineStarts, chunk by chunk: a CR that ends a chunk starts a
 * line after it; when the next chunk starts with its LF, that line starts one unit later.
 */
function chunkedLineStarts(text: ChunkedText, into?: Uint32Array): number {
  let n = 0;
  let at = 0;
  let endsWithCR = false;
  for (const chunk of text.chunkList()) {
    const lf = endsWithCR && chunk.charCodeAt(0) === LF;
    if (lf && into) into[n] += 1;
    n += lineStarts(lf ? chunk.slice(1) : chunk, lf ? at + 1 : at, into, n + 1);
    endsWithCR = chunk.charCodeAt(chunk.length - 1) === CR;
    at += chunk.length;
  }
  return n;
}

/** Whether a code unit of `text` is above 0xFF (V8 keeps such a string at two bytes a unit). */
function wide(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

/** Whether position `p` comes after `q`. */
function after(p: Position, q: Position): boolean {
  return p.line > q.line || (p.line === q.line && p.character > q.character);
}

function wellformed(range: Range): Range {
  const { start, end } = range;
  return after(start, end) ? { start: end, end: start } : range;
}

export class LineDocument implements TextDocument {
  /** Units per chunk of the text (tests set it small, to edit across chunks). */
  static chunkSize = CHUNK;
  /** Changes in one message from which on they may go as one batch (see lastFirst; tests set it low). */
  static batchFrom = 32;
  /** Start offset of each line: `starts[0..count)`; undefined until asked for (or after a change that breaks a CRLF). */
  private starts: Uint32Array | undefined;
  private count = 0;
  /** Whether the text is kept at two bytes a unit (see `bytes`); undefined until asked for. */
  private twoByte: boolean | undefined;
  private content: ChunkedText;
  /** Units of text versions dropped by changes since `takeDropped` was last called. */
  private droppedUnits = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    this.content = ChunkedText.of(content, LineDocument.chunkSize);
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    this.lines();
    return this.count;
  }

  /** The text as the analysis reads it: sliced and searched in place, never joined. */
  get source(): ChunkedText {
    return this.content;
  }

  getText(range?: Range): string {
    if (!range) return this.content.toString();
    // As the library's substring: reversed offsets are swapped.
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.content.slice(Math.min(a, b), Math.max(a, b));
  }

  /**
   * Bytes the text takes in memory, as V8 keeps strings: one a unit while every unit fits in one,
   * else two (a string made from pieces of a two-byte one stays two-byte, so once wide, always).
   */
  get bytes(): number {
    return this.content.length * this.unitBytes();
  }

  private unitBytes(): number {
    this.twoByte ??= this.content.chunkList().some(wide);
    return this.twoByte ? 2 : 1;
  }

  /** Bytes of the text versions the changes since the last call dropped (see ChunkedText.replace). */
  takeDropped(): number {
    const bytes = this.droppedUnits * this.unitBytes();
    this.droppedUnits = 0;
    return bytes;
  }

  private lines(): Uint32Array {
    if (!this.starts) {
      const n = 1 + chunkedLineStarts(this.content);
      this.starts = new Uint32Array(n);
      chunkedLineStarts(this.content, this.starts);
      this.count = n;
      // Known from the open on (a pass over a text without wide units), not on the first keystroke.
      this.unitBytes();
    }
    return this.starts;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.lines();
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, starts[line]);
    return { line, character: offset - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= this.count) return this.content.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.count ? starts[position.line + 1] : this.content.length;
    return this.beforeEOL(Math.min(start + position.character, next), start);
  }

  getLineRange(line: number): Range {
    const starts = this.lines();
    if (line >= this.count) {
      const last = this.count - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = starts[line];
    const next = line + 1 < this.count ? starts[line + 1] : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lines();
    if (line >= this.count || line < 0) return '';
    const next = line + 1 < this.count ? starts[line + 1] : this.content.length;
    return this.content.slice(this.beforeEOL(next, starts[line]), next);
  }

  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.content.charCodeAt(offset - 1) === CR || this.content.charCodeAt(offset - 1) === LF)) offset--;
    return offset;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) this.replace(wellformed(change.range), change.text);
      else {
        this.droppedUnits += this.content.length;
        this.content = ChunkedText.of(change.text, LineDocument.chunkSize);
        this.starts = undefined;
        this.twoByte = undefined;
      }
    }
    this._version = version;
  }

  /**
   * Each change's offsets [start, end), in the text as the changes before it leave it, when the
   * changes can be applied as one batch (applyLastFirst); undefined when they cannot. They can when
   * each ends where the one before it starts, or earlier (VS Code sends a multi-edit such as Fix All
   * last edit first), and each is incremental, inside its lines (no clamping) and not just after a
   * CR (a change there can join it to an LF and move the start of its own line). Then no change
   * moves a line that a later one is on, and the line starts as they are locate every change.
   * Shifting the line starts after each change took 0.6 s to apply Fix All to a 50 MB English dump
   * (1,689 changes, 1.2 M lines).
   */
  lastFirst(changes: readonly TextDocumentContentChangeEvent[]): number[] | undefined {
    if (changes.length < LineDocument.batchFrom) return undefined;
    const offsets = new Array<number>(2 * changes.length);
    let before: Position | undefined; // the start of the change before
    for (let k = 0; k < changes.length; k++) {
      const change = changes[k];
      if (!('range' in change) || change.range === undefined) return undefined;
      const { start, end } = change.range;
      if (after(start, end) || (before && after(end, before))) return undefined;
      const a = this.exactOffset(start);
      const b = this.exactOffset(end);
      if (a < 0 || b < 0 || (a > 0 && this.content.charCodeAt(a - 1) === CR)) return undefined;
      offsets[2 * k] = a;
      offsets[2 * k + 1] = b;
      before = start;
    }
    return offsets;
  }

  /**
   * Applies changes lastFirst accepted, at its offsets: the line starts are counted again when
   * next asked. Each change ends where the one after it in the text starts, or earlier, so every
   * offset holds in the text as it was: they are made in one pass (ChunkedText.replaceAll).
   */
  applyLastFirst(changes: readonly TextDocumentContentChangeEvent[], offsets: readonly number[], version: number): void {
    const edits = new Array<[number, number, string]>(changes.length);
    for (let k = 0; k < changes.length; k++) {
      const text = changes[k].text;
      edits[changes.length - 1 - k] = [offsets[2 * k], offsets[2 * k + 1], text];
      if (this.twoByte === false && wide(text)) this.twoByte = true;
    }
    const { next, dropped } = this.content.replaceAll(edits);
    this.content = next;
    this.droppedUnits += dropped;
    this.starts = undefined;
    this._version = version;
  }

  /** The offset of a position inside the text's lines, or -1 for one the library would clamp. */
  private exactOffset(p: Position): number {
    const starts = this.lines();
    if (p.line < 0 || p.line >= this.count || p.character < 0) return -1;
    const start = starts[p.line];
    const next = p.line + 1 < this.count ? starts[p.line + 1] : this.content.length;
    return start + p.character <= this.beforeEOL(next, start) ? start + p.character : -1;
  }

  /** The text with [start, end) replaced by `text`, counting what it dropped; the line starts are the caller's to mend. */
  private splice(start: number, end: number, text: string): void {
    const { next, dropped } = this.content.replace(start, end, text);
    this.content = next;
    this.droppedUnits += dropped;
    if (this.twoByte === false && wide(text)) this.twoByte = true;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    this.splice(start, end, text);
    const content = this.content;
    const after = start + text.length;
    const crlfAtStart = content.charCodeAt(start - 1) === CR && content.charCodeAt(start) === LF;
    const crlfAtEnd = content.charCodeAt(after - 1) === CR && content.charCodeAt(after) === LF;
    const starts = this.starts;
    // A CRLF made or split at an edge, or a range outside the lines: count afresh when next asked.
    if (!starts || crlfAtStart || crlfAtEnd || range.start.line < 0 || range.end.line >= this.count) {
      this.starts = undefined;
      return;
    }
    const startLine = range.start.line;
    const endLine = range.end.line;
    const added = lineStarts(text, start);
    const count = this.count - (endLine - startLine) + added;
    // Lines after the change move to their new index (in place when they fit), then shift by the length change.
    let into = starts;
    if (count <= starts.length && count >= starts.length >>> 2) into.copyWithin(startLine + 1 + added, endLine + 1, this.count);
    else {
      into = new Uint32Array(count + (count >>> 4) + 16);
      into.set(starts.subarray(0, startLine + 1));
      into.set(starts.subarray(endLine + 1, this.count), startLine + 1 + added);
    }
    lineStarts(text, start, into, startLine + 1);
    const diff = text.length - (end - start);
    if (diff !== 0) for (let i = startLine + 1 + added; i < count; i++) into[i] += diff;
    this.starts = into;
    this.count = count;
  }
}

/** Bytes the text of `doc` takes in memory (two a unit unless it is a LineDocument, which knows). */
export function textBytes(doc: TextDocument): number {
  return doc instanceof LineDocument ? doc.bytes : 2 * doc.getText().length;
}

/** `TextDocuments` configuration: documents are `LineDocument`s, updated in place. */
export const lineDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): TextDocument => new LineDocument(uri, languageId, version, content),
  update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (!(doc instanceof LineDocument)) throw new Error('lineDocuments.update: not a LineDocument');
    doc.update(changes, version);
    return doc;
  },
};
