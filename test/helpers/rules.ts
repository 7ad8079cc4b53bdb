// Table-test helper for line rules: run one rule on one line, return the fixed line or undefined.
import * as path from 'node:path';
import { lineAt } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parse';
import { applyEdits } from '../../server/src/core/fix';
import { en } from '../../server/src/core/messages';
import type { LineRule } from '../../server/src/core/rules/rule';

export function fixLine(rule: LineRule, line: string): string | undefined {
  const dump = parse(line);
  const f = rule.checkLine(lineAt(dump, 0), en);
  return f ? applyEdits(line, f.fix.edits) : undefined;
}

/** ../shared/samples next to the checkout; NEWSPRINT_SAMPLES elsewhere (a worktree, as bench/golden.ts reads it). */
export const SAMPLES_DIR = process.env.NEWSPRINT_SAMPLES ?? path.resolve(__dirname, '../../../shared/samples');
export const SAMPLE = path.join(SAMPLES_DIR, 'zh-daily-p1.txt');
