// The whole core pipeline on one text: parse → line rules → (articles and structure rules).
// Every consumer (server, CLI, export, bench) goes through here so they agree on the results.
import { lintDump } from './lint';
import { parse } from './parse';
import type { AnalyzeOptions, Finding, PageDump } from './types';

export interface Analysis {
  dump: PageDump;
  findings: Finding[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const dump = parse(text);
  const findings = lintDump(dump, options);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { dump, findings };
}
