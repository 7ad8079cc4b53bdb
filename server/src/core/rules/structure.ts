// The paragraph rules on one page's article analysis: `hard-wrap` and `split-sentence`. Called by
// the whole-text analysis (analyze.ts) and the editor's per-page incremental analysis alike.
import type { PageAnalysis } from '../articles/model';
import type { Cleaner } from '../clean';
import { severityOf } from '../lint';
import type { Messages } from '../messages';
import { flowContext } from '../reflow';
import type { AnalyzeOptions, Finding, PageDump } from '../types';
import { hardWrap, hardWrapFindings } from './hard-wrap';
import { splitSentence, splitSentenceFindings } from './split-sentence';

/** `clean`: the glyph-fixed text of the dump, to measure and join lines as they will read. */
export function paragraphFindings(dump: PageDump, analysis: PageAnalysis, clean: Cleaner, options: AnalyzeOptions, messages: Messages): Finding[] {
  const hw = severityOf(hardWrap, options.rules);
  const ss = severityOf(splitSentence, options.rules);
  if ((!hw && !ss) || analysis.articles.length === 0) return [];
  const ctx = flowContext(dump, analysis, clean);
  const out: Finding[] = [];
  if (hw) for (const f of hardWrapFindings(ctx, messages, hw)) out.push(f);
  if (ss) for (const f of splitSentenceFindings(ctx, analysis.articles, messages, ss)) out.push(f);
  return out;
}
