// The whole core pipeline on one text: parse, then page by page article detection (and the
// structure rules), the line rules and the paragraph rules.
// Every consumer (server, CLI, export, bench) goes through here so they agree on the results.
import { analyzeArticles } from './articles/detect';
import { growingCleaner, type Cleaner } from './clean';
import type { PageAnalysis } from './articles/model';
import { atSeverity, pageLinter, severityOf } from './lint';
import { messagesFor } from './messages';
import { parse } from './parse';
import { encoding } from './rules/encoding';
import { paragraphFindings } from './rules/structure';
import type { AnalyzeOptions, Finding, PageDump, RuleId, Severity } from './types';

export interface Analysis {
  dump: PageDump;
  /** Every finding (line, document and structure rules), in text order. */
  findings: Finding[];
  /** Article structure per page. */
  pages: PageAnalysis[];
  /** The text as the glyph fixes leave it (the paragraph rules, the export and the rewrite read it). */
  clean: Cleaner;
}

/** Default severities of the structure rules, which live in the article analysis. */
export const STRUCTURE_RULES: readonly { id: RuleId; defaultSeverity: Severity }[] = [
  { id: 'misplaced-headline', defaultSeverity: 'information' },
  { id: 'orphan-label', defaultSeverity: 'information' },
  { id: 'unclaimed-text', defaultSeverity: 'information' },
  { id: 'bad-annotation', defaultSeverity: 'warning' },
  { id: 'hard-wrap', defaultSeverity: 'information' },
  { id: 'split-sentence', defaultSeverity: 'warning' },
];

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/** The parse analyze makes of the text under these options (see analyze's `dump`). */
export function parseFor(text: string, options: AnalyzeOptions = {}): PageDump {
  return parse(text, options.atStart !== false, !options.wholePages);
}

/** `dump`: parseFor(text, options), when the caller has it already (Fix All's first pass: see fixAll). */
export function analyze(text: string, options: AnalyzeOptions = {}, dump: PageDump = parseFor(text, options)): Analysis {
  const messages = messagesFor(options.locale);
  const lint = pageLinter(options);
  const lineFindings: Finding[] = [];
  // Document-level rules: at most one finding each for the whole text.
  const encodingSeverity = severityOf(encoding, options.rules);
  const found = encodingSeverity ? encoding.checkDocument(dump, messages) : undefined;
  let docFinding: Finding | undefined = found && encodingSeverity ? { ...found, severity: encodingSeverity } : undefined;
  // Severities of the structure rules under these settings, looked up once.
  const structureSeverity = new Map<RuleId, Severity | undefined>();
  for (const r of STRUCTURE_RULES) structureSeverity.set(r.id, severityOf(r, options.rules));
  // The paragraph rules (hard-wrap, split-sentence) read lines as the glyph fixes leave them: the
  // cleaner takes each page's line findings as the page is linted.
  const clean = growingCleaner(dump);
  // Every finding in text order (start, then end; a tie keeps the order line rule, document rule,
  // paragraph rule, structure rule). A page's findings all lie in the page, so each page's are
  // sorted on their own and appended: a sort of the whole text's took ~3× the comparisons.
  const findings: Finding[] = [];
  const group: Finding[] = [];
  let next = 0; // the next line finding
  // Each page is gone through by every stage in turn (article detection, the line rules, the
  // paragraph rules) while its text and lines are still in the caches: a stage over the whole dump
  // and then the next took ~8% longer for the line rules and the detection (10 MB).
  const pages = analyzeArticles(dump, messages, (p) => {
    const from = lineFindings.length;
    lint(dump, dump.pages[p.page], lineFindings);
    const end = dump.pages[p.page].end;
    clean.add(lineFindings, from, lineFindings.length, end);
    while (next < lineFindings.length && lineFindings[next].start < end) group.push(lineFindings[next++]);
    if (docFinding && docFinding.start < end) {
      group.push(docFinding);
      docFinding = undefined;
    }
    // no push(...): there can be more than the stack holds
    for (const f of paragraphFindings(dump, p, clean, options, messages)) group.push(f);
    for (const f of p.findings) {
      const severity = structureSeverity.has(f.rule) ? structureSeverity.get(f.rule) : f.severity;
      if (severity) group.push(severity === f.severity ? f : atSeverity(f, severity));
    }
    group.sort(byPosition);
    for (let k = 0; k < group.length; k++) findings.push(group[k]);
    group.length = 0;
  });
  // Anything past the last page (none, as parse cuts pages): appended, and all sorted again.
  if (next < lineFindings.length || docFinding) {
    while (next < lineFindings.length) findings.push(lineFindings[next++]);
    if (docFinding) findings.push(docFinding);
    findings.sort(byPosition);
  }
  clean.finish();
  return { dump, findings, pages, clean };
}
