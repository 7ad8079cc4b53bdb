// Plain data shared by every stage of the core. All positions are UTF-16 code-unit offsets
// into the document text (what LSP uses), end-exclusive.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

export type RuleId =
  | 'spaced-glyphs'
  | 'doubled-glyphs'
  | 'mixed-script-spacing'
  | 'hard-wrap'
  | 'split-sentence'
  | 'misplaced-headline'
  | 'orphan-label'
  | 'unclaimed-text'
  | 'bad-annotation'
  | 'encoding'
  | 'limit';

export interface Span {
  start: number;
  end: number;
}

export interface Edit extends Span {
  newText: string;
}

export interface Fix {
  /** Title of the code action, already in the user's language. */
  title: string;
  edits: Edit[];
}

export interface RelatedSpan extends Span {
  message: string;
}

export interface Finding extends Span {
  rule: RuleId;
  severity: Severity;
  message: string;
  fix?: Fix;
  related?: RelatedSpan[];
  /**
   * The fix may remove real text (a line of doubled Han glyphs, which reduplicated words such as
   * 高高兴兴 have too: see overprint.ts), or would build fake bold that a later fix would undouble
   * (a spacing or join fix, see joinsIntoOverprint): it is offered for the user to click once they have looked,
   * and nothing automatic applies it (Fix All, `newsprint fix`, the rewrite, the export, titles).
   * Absent on every other finding.
   */
  unsure?: true;
}

/**
 * One line of the dump, as an object: what lineAt (lines.ts) makes from the dump's LineTable for
 * code off the hot paths, and what a line rule's checkLine reads.
 * `end` stops before the line terminator; `next` is where the next line starts.
 * Lines are the editor's lines (LF, CRLF, CR), except that a form feed also splits one: a line that
 * starts with a form feed starts after it, on the next page. `row` and `col` locate `start` in
 * editor terms (0-based line and UTF-16 column), which is what LSP and the CLI report.
 */
export interface Line extends Span {
  index: number;
  next: number;
  row: number;
  col: number;
  page: number;
  text: string;
  blank: boolean;
  /** A `%%` annotation line written by staff. */
  annotation: boolean;
}

/**
 * A page: the text between form feeds, or a part of such a text when it runs so long without one
 * that it is analysed in parts (see softPages.ts).
 */
export interface Page extends Span {
  index: number;
  /**
   * The form-feed page it is (or is a part of): its number (0-based) among the form-feed pages
   * with text (an empty one, as before a dump's first form feed, is no page).
   */
  sheet: number;
  /** It starts at a soft break, not after a form feed or at the start of the text. */
  soft: boolean;
  firstLine: number;
  lastLine: number;
}

/**
 * The dump's lines as columns, indexed by line: the fields of `Line` (its text is the dump's text
 * from start to end, its `next` is read off the text by lines.lineNext and its `page` found in the
 * dump's pages by lines.pageOfLine; `flags` holds LINE_BLANK and LINE_ANNOTATION, see lines.ts). An
 * object per line was 104 bytes and a text slice, half the memory an analysis held and most of what
 * the garbage collector copied; typed arrays are 17 bytes a line, outside the heap the collector scans.
 */
export interface LineTable {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly flags: Uint8Array;
}

export interface PageDump {
  text: string;
  /** 1 when the text starts with a byte-order mark, else 0. Offsets still count it. */
  bom: number;
  lines: LineTable;
  pages: Page[];
}

export interface RuleSettings {
  [rule: string]: RuleLevel | undefined;
}

export interface AnalyzeOptions {
  rules?: RuleSettings;
  locale?: string;
  /** The text starts the document (the default); false for a page of it analysed alone (see parse). */
  atStart?: boolean;
  /** Analyse a page too long without a form feed whole, not in parts (see softPages.ts; default false). */
  wholePages?: boolean;
}

/**
 * The document's text as the analysis reads it: a string, or anything that slices and searches
 * like one (the server's chunked text, which an edit does not copy whole).
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  indexOf(search: string, from?: number): number;
}
