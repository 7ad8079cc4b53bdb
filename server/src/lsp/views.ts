// The folding ranges and semantic tokens of a page, computed with its analysis and kept compact.
// Computed later, on request, they needed every page parsed again (its lines are not kept): the
// first request on a 50 MB dump re-parsed 5,000 pages, and the server's peak grew by 150–200 MB
// each. Kept as objects, a page's tokens would be ~20 objects; here they are a few Int32s.
import type { PageAnalysis, Role } from '../core/articles/model';
import { foldingRanges, semanticTokens } from '../core/outline';
import type { PageDump } from '../core/types';

/** Semantic token types, one per line role worth colouring (body text stays plain). */
export const TOKEN_TYPES: readonly Role[] = ['kicker', 'headline', 'deck', 'byline', 'dateline', 'signoff', 'continuation', 'label', 'caption', 'furniture', 'annotation'];

/** Folding ranges as page-relative rows: startLine, endLine, … */
export const FOLDS = 'folds';
/** Semantic tokens as page-local offsets and types: start, end, type (index into TOKEN_TYPES), … */
export const TOKENS = 'tokens';

/** The views a page's analysis is kept with (see IncrementalDocument's `prepare`). */
export function prepareViews(dump: PageDump, analysis: PageAnalysis): [string, unknown][] {
  return [
    [FOLDS, foldRows(dump, analysis)],
    [TOKENS, tokenTriples(dump, analysis)],
  ];
}

/** The page's folding ranges (FOLDS). */
export function foldRows(dump: PageDump, analysis: PageAnalysis): Int32Array {
  const folds = foldingRanges(dump, [analysis]);
  const rows = new Int32Array(2 * folds.length);
  folds.forEach((r, k) => {
    rows[2 * k] = r.startLine;
    rows[2 * k + 1] = r.endLine;
  });
  return rows;
}

/** The page's semantic tokens of the TOKEN_TYPES roles (TOKENS). */
export function tokenTriples(dump: PageDump, analysis: PageAnalysis): Int32Array {
  const out: number[] = [];
  for (const tok of semanticTokens(dump, [analysis])) {
    const type = TOKEN_TYPES.indexOf(tok.role);
    if (type >= 0) out.push(tok.start, tok.end, type);
  }
  return Int32Array.from(out);
}
