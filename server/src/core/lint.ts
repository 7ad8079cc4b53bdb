// Runs the line rules over a parsed dump and turns their results into findings with severities
// from the settings. Pure: the CLI, the server and the tests all call this.
import { lineAt } from './lines';
import { messagesFor, type Messages } from './messages';
import { LINE_RULES } from './rules';
import { doubledFinding, doubledGlyphs } from './rules/doubled-glyphs';
import { lineGates, mayReport } from './rules/gates';
import { mixedFinding, mixedScriptSpacing } from './rules/mixed-script-spacing';
import { spacedFinding, spacedGlyphs } from './rules/spaced-glyphs';
import type { LineRule } from './rules/rule';
import type { AnalyzeOptions, Finding, Page, PageDump, RuleId, RuleSettings, Severity } from './types';

/** Every rule id a setting or `--rule` may name: the line rules and the document-level `encoding`. */
export const RULE_IDS: readonly RuleId[] = [...LINE_RULES.map((r) => r.id), 'encoding'];

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** The severity a rule runs at under these settings, or undefined when it is off. */
export function severityOf(rule: { id: RuleId; defaultSeverity: Severity }, settings: RuleSettings | undefined): Severity | undefined {
  const level = settings?.[rule.id];
  if (level === undefined || !LEVELS.has(level)) return rule.defaultSeverity;
  return level === 'off' ? undefined : level;
}

/** Findings of the line rules on one page, in text order. */
export function lintPage(dump: PageDump, page: Page, settings: RuleSettings | undefined, messages: Messages, rules: readonly LineRule[] = LINE_RULES): Finding[] {
  const out: Finding[] = [];
  lintPageInto(dump, page, settings, messages, rules, out);
  return out;
}

/** lintPage, appended to `out`. Plain indexed loops: a for-of over the rules allocated an iterator per line. */
function lintPageInto(dump: PageDump, page: Page, settings: RuleSettings | undefined, messages: Messages, rules: readonly LineRule[], out: Finding[]): void {
  const active: LineRule[] = [];
  const severities: Severity[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (severity) {
      active.push(rule);
      severities.push(severity);
    }
  }
  if (active.length === 0) return;
  const { start: starts, end: ends, flags } = dump.lines;
  const text = dump.text;
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    if (flags[i] !== 0) continue; // blank, or an annotation
    const start = starts[i];
    const end = ends[i];
    // The built-in rules' cheap exits in one pass; each is called only if its exit would let the
    // line through, past its exit and by name: one target per call site, which V8 can inline. They
    // read the document text, a flat string, over the line's range.
    const gates = lineGates(text, start, end);
    for (let r = 0; r < active.length; r++) {
      const rule = active[r];
      const f = !mayReport(rule.id, gates)
        ? undefined
        : rule === spacedGlyphs
          ? spacedFinding(text, start, end, start, messages)
          : rule === doubledGlyphs
            ? doubledFinding(lineAt(dump, i), messages)
            : rule === mixedScriptSpacing
              ? mixedFinding(text, start, end, start, messages)
              : rule.checkLine(lineAt(dump, i), messages);
      if (f) out.push({ rule: rule.id, severity: severities[r], start: f.start, end: f.end, message: f.message, fix: f.fix });
    }
  }
}

/** Findings of the line rules on the whole dump. */
export function lintDump(dump: PageDump, options: AnalyzeOptions = {}): Finding[] {
  const messages = messagesFor(options.locale);
  const out: Finding[] = [];
  for (const page of dump.pages) lintPageInto(dump, page, options.rules, messages, LINE_RULES, out);
  return out;
}
