// Types of the article-structure analysis (issue 3). Pure data: line indices point into
// `dump.lines`, spans are UTF-16 offsets into `dump.text`.
import type { Finding, Span } from '../types';

/** What a line is on the printed page. */
export type Role =
  | 'kicker' // 引题: the lead-in line above a headline, often ending in ———
  | 'headline' // 主题
  | 'deck' // 副题 / subheadline
  | 'byline' // □记者 … 报道, By …
  | 'dateline' // 本报讯, 新华社北京8月26日电 (a dateline-only line; one that leads a body line stays body)
  | 'body'
  | 'signoff' // （本报通讯员）, （完）
  | 'continuation' // （下转第二版）, （上接第一版）
  | 'label' // 编者按, column names, banner slogans
  | 'caption'
  | 'furniture' // page headers/footers, page numbers, dates, mastheads, editor credits
  | 'annotation' // a `%%` directive line
  | 'blank'
  | 'unknown';

/**
 * Every role, by its code: PageAnalysis.roleCodes holds indices into this table (a byte a line, not
 * a pointer: an analysis's roles were ~3.75 MB of the heap per 10 MB dump, walked by every GC).
 * 'unknown' is 0, what a new Uint8Array holds.
 */
export const ROLES: readonly Role[] = ['unknown', 'kicker', 'headline', 'deck', 'byline', 'dateline', 'body', 'signoff', 'continuation', 'label', 'caption', 'furniture', 'annotation', 'blank'];

/** The code of each role (its index in ROLES). */
export const ROLE_CODE: Readonly<Record<Role, number>> = Object.fromEntries(ROLES.map((r, k) => [r, k])) as Record<Role, number>;

/** The role of the page's line `k` (line index minus `page.firstLine`); 'unknown' outside the page. */
export function roleAt(analysis: PageAnalysis, k: number): Role {
  return ROLES[analysis.roleCodes[k]] ?? 'unknown';
}

/** The roles of all the page's lines, by name (for tests and for JSON). */
export function rolesOf(analysis: PageAnalysis): Role[] {
  return Array.from(analysis.roleCodes, (c) => ROLES[c]);
}

export interface Continuation {
  direction: 'to' | 'from';
  /** The page the text continues on or from, as printed: 第二版, A2, Page Three. */
  target: string;
  span: Span;
  line: number;
}

/**
 * An article's line lists are read-only: an empty one is shared by every article (an array less to
 * keep and copy per empty list, ~3.5 an article on the sample).
 */
export interface Article {
  /** `p${sheet+1}-a${n}`, n counting from 1 in reading order over the form-feed page (all its parts). */
  id: string;
  /** 0-based page index. */
  page: number;
  type: 'article' | 'sidebar' | 'notice';
  kicker: readonly number[];
  headline: readonly number[];
  decks: readonly (readonly number[])[];
  byline: readonly number[];
  /** May be the head of the first body line. */
  dateline: Span | null;
  labels: readonly (readonly number[])[];
  /** Lines of an editor's note (编者按) body. */
  editorsNote: readonly number[];
  /** Body lines in reading order (no dateline-only or sign-off-only lines). */
  body: readonly number[];
  /** May be the tail of the last body line. */
  signoff: Span | null;
  /** The continuation marker; of a middle part (continued from a page and on to another), its continued-from one. */
  continuation: Continuation | null;
  /**
   * A middle part's continued-to marker (its `continuation` is the continued-from one); absent on
   * every other article (an article without one has no more fields to make, copy or compare).
   */
  continuedTo?: Continuation;
  /**
   * Markers of the part after those two, in reading order (rare): a second page it is continued on
   * to (`（下转第二版）` … `（转第三版）`) or from (`（上接第一版）…（上接第二版）`). Absent unless any.
   */
  moreContinuations?: readonly Continuation[];
  /** Every line the article claims, sorted (never annotation or blank lines). */
  lines: readonly number[];
  /** 0..1: how much of the article is read off the text rather than guessed. */
  confidence: number;
}

/** The article's continuation markers in reading order: its continuation, a middle part's continuedTo, then moreContinuations. */
export function markersOfArticle(a: Pick<Article, 'continuation' | 'continuedTo' | 'moreContinuations'>): Continuation[] {
  const out: Continuation[] = [];
  if (a.continuation) out.push(a.continuation);
  if (a.continuedTo) out.push(a.continuedTo);
  if (a.moreContinuations) for (const c of a.moreContinuations) out.push(c);
  return out;
}

export interface PageAnalysis {
  page: number;
  /** Role code (index into ROLES; read with roleAt) of every line of the page, by line index minus `page.firstLine`. */
  roleCodes: Uint8Array;
  articles: Article[];
  /** Estimated body column width in glyph cells (CJK glyph = 2, see chars.cellWidth). */
  columnWidth: number;
  findings: Finding[];
}
