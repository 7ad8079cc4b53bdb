// Runs the line rules over a parsed dump and turns their results into findings with severities
// from the settings. Pure: the CLI, the server and the tests all call this.
import { gapFinding, gapFix, RowFinding, RowFix } from './editRows';
import { joinedOverprint, mayPairUp } from './overprint';
import { lineAt } from './lines';
import { isRewrittenPage } from './reflow';
import { messagesFor, t, tCount, type Messages } from './messages';
import { LINE_RULES } from './rules';
import { doubledFinding, doubledGlyphs } from './rules/doubled-glyphs';
import { gatesNeeded, lineGates } from './rules/gates';
import { GATES_TAKEN, pageTaken } from './articles/roles';
import { MIXED as MIXED_SCAN, mixedScan, mixedScriptSpacing } from './rules/mixed-script-spacing';
import { SPACED as SPACED_SCAN, spacedGlyphs, spacedScan } from './rules/spaced-glyphs';
import type { LineFinding, LineRule, SpacingScan } from './rules/rule';
import type { AnalyzeOptions, Finding, Page, PageDump, RuleId, RuleSettings, Severity } from './types';

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** The severity a rule runs at under these settings, or undefined when it is off. */
export function severityOf(rule: { id: RuleId; defaultSeverity: Severity }, settings: RuleSettings | undefined): Severity | undefined {
  const level = settings?.[rule.id];
  if (level === undefined || !LEVELS.has(level)) return rule.defaultSeverity;
  return level === 'off' ? undefined : level;
}

/**
 * The finding at another severity: a plain copy of its fields. A spread would drop the fix and the
 * related spans of a finding that makes them when read (RowFinding, misplaced-headline's).
 */
export function atSeverity(f: Finding, severity: Severity): Finding {
  const out: Finding = { rule: f.rule, severity, start: f.start, end: f.end, message: f.message };
  const { fix, related } = f;
  if (fix) out.fix = fix;
  if (related) out.related = related;
  if (f.unsure) out.unsure = true;
  return out;
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint' };

/**
 * The level of an unsure finding (see Finding.unsure) of a rule at `severity`: one below it,
 * information by default. It may be no problem at all, so it ranks below the sure ones, and a
 * user who raises or lowers the rule moves it along; a hint stays a hint.
 */
export function unsureSeverity(severity: Severity): Severity {
  return LOWER[severity];
}

/**
 * Findings of the line rules on one page, in text order. After the page's article detection, the
 * gates it took of each line (roles.ts Taken) are used instead of reading the lines again.
 */
export function lintPage(dump: PageDump, page: Page, settings: RuleSettings | undefined, messages: Messages, rules: readonly LineRule[] = LINE_RULES): Finding[] {
  const out: Finding[] = [];
  lintPageInto(dump, page, lintSetup(settings, messages, rules), out);
  return out;
}

/** A built-in rule lintPage calls by name, not through checkLine. */
const CUSTOM = 0;
const SPACED = 1;
const DOUBLED = 2;
const MIXED = 3;

/** What lintPageInto needs of the settings, worked out once per dump rather than per page. */
interface LintSetup {
  active: LineRule[];
  severities: Severity[];
  /** Per active rule: CUSTOM, SPACED, DOUBLED or MIXED. */
  kinds: number[];
  /** Per active rule: the gates a line needs all of for it to be called (gatesNeeded). */
  needs: number[];
  messages: Messages;
  spacedTitle: string;
  mixedTitle: string;
  /** Whether each spacing rule is on (at any level: the cleaner applies hints too), for the other's buildsOverprint. */
  spacedOn: boolean;
  mixedOn: boolean;
}

function lintSetup(settings: RuleSettings | undefined, messages: Messages, rules: readonly LineRule[]): LintSetup {
  const setup: LintSetup = { active: [], severities: [], kinds: [], needs: [], messages, spacedTitle: t(messages, 'spaced-glyphs.fix'), mixedTitle: t(messages, 'mixed-script-spacing.fix'), spacedOn: false, mixedOn: false };
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (!severity) continue;
    const kind = rule === spacedGlyphs ? SPACED : rule === doubledGlyphs ? DOUBLED : rule === mixedScriptSpacing ? MIXED : CUSTOM;
    setup.active.push(rule);
    setup.severities.push(severity);
    setup.kinds.push(kind);
    setup.needs.push(gatesNeeded(rule.id));
    if (kind === SPACED) setup.spacedOn = true;
    if (kind === MIXED) setup.mixedOn = true;
  }
  return setup;
}

/**
 * lintPage, appended to `out`. Plain indexed loops: a for-of over the rules allocated an iterator
 * per line. The spacing rules' Findings are made straight from their scans (see SpacingScan).
 */
function lintPageInto(dump: PageDump, page: Page, setup: LintSetup, out: Finding[]): void {
  const { active, severities, kinds, needs, messages } = setup;
  const n = active.length;
  if (n === 0) return;
  const taken = pageTaken(dump, page.firstLine)?.gates;
  let rewritten: boolean | undefined; // the page carries the rewrite's marker (asked once, if needed)
  const { start: starts, end: ends, flags } = dump.lines;
  const text = dump.text;
  for (let i = page.firstLine; i <= page.lastLine; i++) {
    if (flags[i] !== 0) continue; // blank, or an annotation
    const start = starts[i];
    const end = ends[i];
    // The built-in rules' cheap exits in one pass (or as the article detection took them); each is
    // called only if its exit would let the line through, past its exit and by name: one target
    // per call site, which V8 can inline. They read the document text, a flat string, over the
    // line's range.
    const g = taken !== undefined ? taken[i - page.firstLine] : 0;
    const gates = g !== 0 ? g & ~GATES_TAKEN : lineGates(text, start, end);
    for (let r = 0; r < n; r++) {
      const need = needs[r];
      if ((gates & need) !== need) continue;
      const kind = kinds[r];
      if (kind === SPACED) {
        const count = spacedScan(text, start, end, start);
        if (count === 0) continue;
        if (buildsOverprint(text, start, end, SPACED_SCAN, count, setup.mixedOn ? MIXED_SCAN : undefined, setup.mixedOn ? mixedScan : undefined)) {
          out.push(unsureSpacing('spaced-glyphs', severities[r], SPACED_SCAN, count, tCount(messages, 'spaced-glyphs.unsure', count), setup.spacedTitle));
        } else out.push(spacingFinding('spaced-glyphs', severities[r], SPACED_SCAN, count, tCount(messages, 'spaced-glyphs.message', count), setup.spacedTitle));
      } else if (kind === MIXED) {
        const count = mixedScan(text, start, end, start);
        if (count === 0) continue;
        if (buildsOverprint(text, start, end, MIXED_SCAN, count, setup.spacedOn ? SPACED_SCAN : undefined, setup.spacedOn ? spacedScan : undefined)) {
          out.push(unsureSpacing('mixed-script-spacing', severities[r], MIXED_SCAN, count, tCount(messages, 'mixed-script-spacing.unsure', count), setup.mixedTitle));
        } else out.push(spacingFinding('mixed-script-spacing', severities[r], MIXED_SCAN, count, tCount(messages, 'mixed-script-spacing.message', count), setup.mixedTitle));
      } else {
        const rule = active[r];
        const f = kind === DOUBLED ? doubledFinding(lineAt(dump, i), messages) : rule.checkLine(lineAt(dump, i), messages);
        if (!f) continue;
        // A page the rewrite wrote had its fake bold collapsed once: a run still doubled there was
        // left unsure, or built by joining its lines (NNEEWWSS / WWAARR), so no automatic path takes it.
        if (kind === DOUBLED && !f.unsure && (rewritten ??= isRewrittenPage(dump, page))) {
          f.unsure = true;
          f.message = t(messages, 'doubled-glyphs.rewritten', { text: f.message });
        }
        out.push(ruleFinding(rule.id, severities[r], f));
      }
    }
  }
}

/**
 * A line rule's finding at its severity: a RowFinding when the fix is rows (one object, not two).
 * An unsure one (rare) is a plain object that says so, one level down (unsureSeverity): a
 * RowFinding has no room for the mark, and a field more on every one would cost every finding.
 */
function ruleFinding(rule: RuleId, severity: Severity, f: LineFinding): Finding {
  const fix = f.fix;
  if (f.unsure) return { rule, severity: unsureSeverity(severity), start: f.start, end: f.end, message: f.message, fix, unsure: true };
  if (fix instanceof RowFix) return new RowFinding(rule, severity, f.start, f.end, f.message, fix.title, fix.rows, fix.at, fix.count);
  return { rule, severity, start: f.start, end: f.end, message: f.message, fix };
}

/**
 * Whether the spacing fixes of the line text[start, end) could leave it reading as sure fake bold
 * (see joinsIntoOverprint): either rule's fix alone, or both together, as Fix All and the cleaner
 * may apply them (a rule that is off applies nothing; the cleaner applies hints too). `own` is the
 * scan of the rule asking, with `count` gaps; `other` the other rule's scratch and `scan` its scan,
 * when it is on. Both rules answer alike for a line, so both findings are unsure or neither: one
 * applied alone changes what the other's would build (`TTIIRR 天 天 好 好`: joined first at
 * R␣天, its Han spaces no longer build a doubled Latin word beside a doubled token), and Fix All,
 * which analyses again between passes, would end elsewhere than the cleaner, which does not.
 * The other rule is scanned only when the line may pair up at all (mayPairUp).
 */
function buildsOverprint(text: string, start: number, end: number, own: SpacingScan, count: number, other: SpacingScan | undefined, scan: ((text: string, from: number, to: number, base: number) => number) | undefined): boolean {
  if (!mayPairUp(text, start, end)) return false;
  const gaps = own.gaps; // the other's scan may grow its own scratch, never this one
  if (joinedOverprint(text, start, end, start, gaps, count, undefined, 0)) return true;
  if (!other || !scan) return false;
  const n = scan(text, start, end, start);
  if (n === 0) return false;
  return joinedOverprint(text, start, end, start, other.gaps, n, undefined, 0) || joinedOverprint(text, start, end, start, gaps, count, other.gaps, n);
}

/**
 * A spacing rule's finding whose fix would build fake bold (see buildsOverprint): unsure, one
 * level down (unsureSeverity), its message saying so, its fix the same one click.
 */
function unsureSpacing(rule: RuleId, severity: Severity, scan: SpacingScan, count: number, message: string, title: string): Finding {
  return { rule, severity: unsureSeverity(severity), start: scan.start, end: scan.end, message, fix: gapFix(title, scan.gaps, count), unsure: true };
}

/** The Finding of a spacing rule's scan, its fix kept as rows in it (see RowFinding). */
function spacingFinding(rule: RuleId, severity: Severity, scan: SpacingScan, count: number, message: string, title: string): Finding {
  return gapFinding(rule, severity, scan.start, scan.end, message, title, scan.gaps, count);
}

/**
 * The doubled-glyphs findings of the whole dump, as lintDump gives them among the others (the same
 * settings, gates and levels), without running the other rules: Fix All's first pass takes these
 * alone (see fixAll), and reading them costs a parse and a glance at each line, not an analysis.
 */
export function lintDoubled(dump: PageDump, options: AnalyzeOptions = {}): Finding[] {
  const out: Finding[] = [];
  const setup = lintSetup(options.rules, messagesFor(options.locale), [doubledGlyphs]);
  for (const page of dump.pages) lintPageInto(dump, page, setup, out);
  return out;
}

/** Findings of the line rules on the whole dump. */
export function lintDump(dump: PageDump, options: AnalyzeOptions = {}): Finding[] {
  const out: Finding[] = [];
  const lint = pageLinter(options);
  for (const page of dump.pages) lint(dump, page, out);
  return out;
}

/** The line rules under these options, set up once: each call appends a page's findings to `out`, as lintPage gives them. */
export function pageLinter(options: AnalyzeOptions = {}): (dump: PageDump, page: Page, out: Finding[]) => void {
  const setup = lintSetup(options.rules, messagesFor(options.locale), LINE_RULES);
  return (dump, page, out) => lintPageInto(dump, page, setup, out);
}
